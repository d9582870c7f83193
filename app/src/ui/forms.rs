//! Form building blocks following the GOV.UK / KRDS patterns: a label on every control, a
//! hint, the error message beside its field, and an error summary at the top that links
//! to each field.

use leptos::prelude::*;

use crate::api::{form_echo, FormEcho};
use crate::domain::validation::FieldError;
use crate::i18n::{Lang, Msg};
use crate::ui::layout::use_session;
use crate::ui::raw_sinks::TextArea;
use crate::ui::shell::use_lang;

/// The rejected form being shown again, if any (see [`crate::api::echo`]).
///
/// Create it *after* the page's own data resources: created before one whose server function
/// takes longer, some pages hydrated twice (their content appended again) or failed to
/// hydrate (tachys 0.2.19; the browser tests' admin and onboarding pages caught it).
pub fn use_form_echo() -> Resource<Option<FormEcho>> {
    Resource::new(|| (), |_| form_echo())
}

/// The hidden anti-forgery field every state-changing form carries.
#[component]
pub fn CsrfField() -> impl IntoView {
    let session = use_session();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let token = session.await.ok().and_then(|s| s.csrf).unwrap_or_default();
                view! { <input type="hidden" name="_csrf" value=token/> }
            })}
        </Suspense>
    }
}

/// A post that takes a second, deliberate click, with no script: `steps` are the disclosure's
/// label ("Close the request…"), what the action does and that it cannot be undone, and the
/// button that posts to `action`.
#[component]
pub fn ConfirmedPost(#[prop(into)] action: String, steps: [Msg; 3]) -> impl IntoView {
    let lang = use_lang();
    let [start, explain, submit] = steps;
    view! {
        <details class="confirm-box">
            <summary class="button button-secondary">{start.t(lang)}</summary>
            <p>{explain.t(lang)}</p>
            <form method="post" action=action>
                <CsrfField/>
                <button type="submit" class="button button-warning">{submit.t(lang)}</button>
            </form>
        </details>
    }
}

/// "There is a problem" box listing every error, each linking to its field.
#[component]
pub fn ErrorSummary(
    echo: Option<FormEcho>,
    labels: Vec<(&'static str, Msg)>,
    /// Labels already in words (fields whose label is built, such as "Headline (Korean)").
    #[prop(optional)]
    named: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let echo = echo.filter(|e| !e.errors.is_empty() || e.problem.is_some())?;
    let problem = echo.problem.map(|p| view! { <li>{Msg::from(p).t(lang)}</li> });
    let items = echo
        .errors
        .0
        .iter()
        .map(|(field, err)| {
            let label = summary_label(field, &labels, &named, lang);
            let href = format!("#{field}");
            view! { <li><a href=href>{format!("{label}: {}", err.text(lang))}</a></li> }
        })
        .collect_view();
    Some(view! {
        <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{Msg::ErrorSummaryTitle.t(lang)}</h2>
            <ul>{problem}{items}</ul>
        </div>
    })
}

/// The label an error summary names a field by: the page's label for it, or, for a form
/// repeated per request or item (`reason_17`), the label of its plain name.
fn summary_label(field: &str, labels: &[(&'static str, Msg)], named: &[(String, String)], lang: Lang) -> String {
    let plain = field.rsplit_once('_').filter(|(_, n)| n.parse::<u64>().is_ok()).map_or(field, |(p, _)| p);
    named
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, l)| l.clone())
        .or_else(|| labels.iter().find(|(f, _)| *f == field || *f == plain).map(|(_, m)| m.t(lang).to_string()))
        .unwrap_or_else(|| crate::ui::report_form::label_of(field, lang))
}

/// What kind of control a [`Field`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Control {
    #[default]
    Text,
    TextArea,
    Email,
    Password,
    DateTime,
    Number,
}

/// The `aria-describedby` of a control: its hint and its error message, whichever it has.
pub fn described_by(hint_id: Option<&String>, error_id: Option<&String>) -> Option<String> {
    let ids: Vec<&str> = [hint_id, error_id].into_iter().flatten().map(String::as_str).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A labelled input with its hint and its error.
#[component]
pub fn Field(
    name: &'static str,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] control: Control,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = described_by(hint.is_some().then_some(&hint_id), error.is_some().then_some(&error_id));
    let invalid = error.map(|_| "true");
    let input = match control {
        Control::TextArea => {
            view! { <TextArea name=name value=value.clone() described=described.clone() invalid=invalid/> }.into_any()
        }
        other => {
            let kind = match other {
                Control::Email => "email",
                Control::Password => "password",
                Control::DateTime => "datetime-local",
                _ => "text",
            };
            let inputmode = (other == Control::Number).then_some("numeric");
            view! {
                <input id=name name=name type=kind value=value.clone() inputmode=inputmode
                       autocomplete=autocomplete aria-describedby=described aria-invalid=invalid/>
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-has-error=error.is_some()>
            <label for=name>{label.t(lang)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h.t(lang)}</p> })}
            {error.map(|e| view! {
                <p class="error-message" id=error_id.clone()>{e.text(lang)}</p>
            })}
            {input}
        </div>
    }
}

/// A labelled `<select>` with its error.
#[component]
pub fn SelectField(
    name: &'static str,
    label: Msg,
    options: Vec<(&'static str, Msg)>,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<FieldError>,
) -> impl IntoView {
    let lang = use_lang();
    let error_id = format!("{name}-error");
    let described = error.map(|_| error_id.clone());
    let opts = options
        .into_iter()
        .map(|(code, msg)| {
            let selected = code == value;
            view! { <option value=code selected=selected>{msg.t(lang)}</option> }
        })
        .collect_view();
    view! {
        <div class="field" class:field-has-error=error.is_some()>
            <label for=name>{label.t(lang)}</label>
            {error.map(|e| view! { <p class="error-message" id=error_id.clone()>{e.text(lang)}</p> })}
            <select id=name name=name aria-describedby=described aria-invalid=error.map(|_| "true")>
                <option value="">{Msg::ChooseOne.t(lang)}</option>
                {opts}
            </select>
        </div>
    }
}

#[cfg(test)]
#[path = "forms_test.rs"]
mod tests;
