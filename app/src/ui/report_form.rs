//! Form controls driven by the field catalogue: each field kind gets its control, its
//! label, hint and error beside it; repeating groups become tables of rows with one blank
//! row to add another; the error summary links to every field by its id (the storage key).

use leptos::prelude::*;

use crate::api::FormProblem;
use crate::domain::report::schema::{cell_key, slot, FieldDef, GroupDef, Kind, Slot, Text2};
use crate::domain::validation::{FieldError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::ui::raw_sinks::TextArea;
use crate::ui::shell::use_lang;

/// The label a person sees for a storage key, e.g. "Timeline, row 2: Time".
pub fn label_of(key: &str, lang: Lang) -> String {
    let pick = |t: Text2| lang.pick(t.0, t.1).to_string();
    match key {
        "signatory_title" => return Msg::SignatoryTitle.t(lang).to_string(),
        "attest" => return Msg::Attestation.t(lang).to_string(),
        _ => {}
    }
    if let Some(g) =
        crate::domain::report::schema::sections().iter().flat_map(|s| s.groups.iter()).find(|g| g.key == key)
    {
        return pick(g.label);
    }
    match slot(key) {
        Some(Slot::Plain(_, f)) => pick(f.label),
        Some(Slot::Cell(_, g, row, c)) => {
            format!("{} {} {}: {}", pick(g.label), Msg::Row.t(lang), row + 1, pick(c.label))
        }
        None => key.to_string(),
    }
}

/// "There is a problem", listing each error with a link to its field. With `sections_at`
/// (the draft's base address), each link opens the field's section page instead, for
/// summaries shown away from the fields ("check your answers").
#[component]
pub fn ReportErrorSummary(
    errors: FieldErrors,
    #[prop(default = None)] problem: Option<FormProblem>,
    #[prop(default = None)] sections_at: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    if errors.is_empty() && problem.is_none() {
        return None;
    }
    let items = errors
        .0
        .into_iter()
        .map(|(key, err)| {
            let text = format!("{}: {}", label_of(&key, lang), err.text(lang));
            let section = match slot(&key) {
                Some(Slot::Plain(s, _)) | Some(Slot::Cell(s, _, _, _)) => Some(s.slug),
                None => None,
            };
            let href = match (&sections_at, section) {
                (Some(base), Some(slug)) => format!("{base}/{slug}?check=1#{key}"),
                _ => format!("#{key}"),
            };
            view! { <li><a href=href>{text}</a></li> }
        })
        .collect_view();
    Some(view! {
        <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{Msg::ErrorSummaryTitle.t(lang)}</h2>
            <ul>{problem.map(|p| view! { <li>{Msg::from(p).t(lang)}</li> })}{items}</ul>
        </div>
    })
}

/// One field of the report as a form control.
#[component]
pub fn ReportField(
    def: &'static FieldDef,
    name: String,
    value: String,
    error: Option<FieldError>,
    /// The stage being drafted, for a report field: its mark then says when it is required
    /// (from a later stage, under a condition). Without it (profile fields, a group row's
    /// cells) only optional fields are marked.
    #[prop(optional)]
    stage: Option<crate::domain::filing::FilingStage>,
) -> impl IntoView {
    let lang = use_lang();
    let label = lang.pick(def.label.0, def.label.1).to_string();
    let hint = def.hint.map(|h| lang.pick(h.0, h.1).to_string());
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = [hint.as_ref().map(|_| hint_id.clone()), error.map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = error.map(|_| "true");
    let hint_view = hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> });
    let error_view = error.map(|e| view! { <p class="error-message" id=error_id.clone()>{e.text(lang)}</p> });
    let optional = field_mark(def, stage, lang).map(|m| format!(" ({m})"));

    // Yes/no and multi-choice are groups of controls: a fieldset with a legend.
    let choices: Option<(&'static str, Vec<(&'static str, String)>)> = match def.kind {
        Kind::YesNo => {
            Some(("radio", vec![("yes", Msg::Yes.t(lang).to_string()), ("no", Msg::No.t(lang).to_string())]))
        }
        Kind::Multi(opts) => {
            Some(("checkbox", opts.iter().map(|o| (o.code, lang.pick(o.label.0, o.label.1).to_string())).collect()))
        }
        _ => None,
    };
    if let Some((kind, options)) = choices {
        let picked: Vec<String> = value.split(',').map(str::to_string).collect();
        let boxes = options
            .into_iter()
            .enumerate()
            .map(|(i, (code, text))| {
                // the first box carries the field's id, so the error summary can link to it
                let id = if i == 0 { name.clone() } else { format!("{name}--{code}") };
                let checked = picked.iter().any(|p| p == code);
                view! {
                    <div class="choice">
                        <input type=kind id=id.clone() name=name.clone() value=code checked=checked
                               aria-describedby=described.clone()/>
                        <label for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        return view! {
            <fieldset class="field" class:field-has-error=error.is_some() aria-invalid=invalid>
                <legend>{label}{optional}</legend>
                {hint_view}
                {error_view}
                <div class=if kind == "radio" { "choices choices-inline" } else { "choices" }>{boxes}</div>
            </fieldset>
        }
        .into_any();
    }

    let control = match def.kind {
        Kind::Para { max } => view! {
            <TextArea name=name.clone() value=value described=described invalid=invalid max=Some(max)/>
        }
        .into_any(),
        Kind::Choice(opts) => {
            let options = opts
                .iter()
                .map(|o| view! { <option value=o.code selected=o.code == value>{lang.pick(o.label.0, o.label.1)}</option> })
                .collect_view();
            view! {
                <select id=name.clone() name=name.clone() aria-describedby=described aria-invalid=invalid>
                    <option value="">{Msg::ChooseOne.t(lang)}</option>
                    {options}
                </select>
            }
            .into_any()
        }
        other => {
            let (kind, inputmode) = match other {
                Kind::Instant | Kind::FutureInstant => ("datetime-local", None),
                Kind::Date => ("date", None),
                Kind::Count | Kind::Minutes => ("text", Some("numeric")),
                Kind::Percent => ("text", Some("decimal")),
                Kind::Email => ("email", Some("email")),
                _ => ("text", None),
            };
            view! {
                <input id=name.clone() name=name.clone() type=kind value=value inputmode=inputmode
                       aria-describedby=described aria-invalid=invalid/>
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-has-error=error.is_some()>
            <label for=name.clone()>{label}{optional}</label>
            {hint_view}
            {error_view}
            {control}
        </div>
    }
    .into_any()
}

/// The words after a field's label saying when it is needed; none for a required field.
fn field_mark(
    def: &FieldDef,
    stage: Option<crate::domain::filing::FilingStage>,
    lang: crate::i18n::Lang,
) -> Option<String> {
    use crate::domain::report::check::{mark, Condition, Mark};
    let mark = match stage {
        Some(stage) => mark(def, stage),
        None if def.need == crate::domain::report::schema::Need::Optional => Mark::Optional,
        None => Mark::Required,
    };
    let text = match mark {
        Mark::Required => return None,
        Mark::Optional => Msg::Optional.t(lang).to_string(),
        Mark::Later(s) => {
            let name = crate::ui::show::stage_msg(s).t(lang);
            let name = if lang == crate::i18n::Lang::En { name.to_lowercase() } else { name.to_string() };
            Msg::RequiredFrom.fill(lang, &[("stage", &name)])
        }
        Mark::When(c) => match c {
            Condition::OnceRestored => Msg::RequiredIfRestored,
            Condition::NoticeSent => Msg::RequiredIfNoticeSent,
            Condition::ExemptionClaimed => Msg::RequiredIfExemption,
            Condition::ThirdParty => Msg::RequiredIfThirdParty,
            Condition::FailoverTried => Msg::RequiredIfFailover,
        }
        .t(lang)
        .to_string(),
    };
    Some(text)
}

/// A repeating group as numbered rows, plus one blank row for adding another.
#[component]
pub fn GroupFields(
    group: &'static GroupDef,
    rows: usize,
    value: Callback<String, String>,
    errors: FieldErrors,
) -> impl IntoView {
    let lang = use_lang();
    let rows_view = (0..=rows)
        .map(|row| {
            let heading = if row < rows {
                format!("{} {}", Msg::Row.t(lang), row + 1)
            } else {
                Msg::AddAnotherRow.t(lang).to_string()
            };
            let cells = group
                .columns
                .iter()
                .map(|c| {
                    let key = cell_key(group.key, row, c.key);
                    view! { <ReportField def=c name=key.clone() value=value.run(key.clone()) error=errors.get(&key)/> }
                })
                .collect_view();
            view! {
                <fieldset class="group-row">
                    <legend>{heading}</legend>
                    {cells}
                </fieldset>
            }
        })
        .collect_view();
    // an error about the list as a whole (too many rows), linked from the error summary
    let whole = errors.get(group.key).map(|e| {
        view! { <p class="error-message" id=format!("{}-error", group.key)>{e.text(lang)}</p> }
    });
    view! {
        <section class="group" id=group.key tabindex="-1" aria-labelledby=format!("{}-title", group.key)>
            <h2 id=format!("{}-title", group.key)>{lang.pick(group.label.0, group.label.1)}</h2>
            {whole}
            {group.hint.map(|h| view! { <p class="hint">{lang.pick(h.0, h.1)}</p> })}
            <p class="hint">{Msg::GroupRowsHint.t(lang)}</p>
            {rows_view}
        </section>
    }
}
