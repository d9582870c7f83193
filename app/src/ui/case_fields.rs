//! Form controls whose names are built at run time (one form per request or item on a
//! page, so names carry the request's or item's number) and whose labels come from domain
//! data. Same markup and error pattern as [`super::forms::Field`].

use leptos::prelude::*;

use crate::domain::validation::FieldError;

use crate::ui::raw_sinks::TextArea;
use crate::ui::shell::use_lang;

/// Which control a [`NamedField`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NamedControl {
    #[default]
    Text,
    TextArea,
    DateTime,
    File,
}

/// A labelled control with an optional hint and its error.
#[component]
pub fn NamedField(
    name: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] control: NamedControl,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(optional)] rows: Option<u32>,
    /// The most characters a text area takes, shown by its counter (the case forms' limit
    /// unless given; `None` for a list whose limit is per line).
    #[prop(default = Some(crate::domain::case::forms::MAX_TEXT))]
    max: Option<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described =
        crate::ui::forms::described_by(hint.is_some().then_some(&hint_id), error.is_some().then_some(&error_id));
    let invalid = error.map(|_| "true");
    let input = match control {
        NamedControl::TextArea => view! {
            <TextArea name=name.clone() value=value.clone() rows=rows.unwrap_or(4) described=described.clone() invalid=invalid
                max=max/>
        }
        .into_any(),
        other => {
            let kind = match other {
                NamedControl::DateTime => "datetime-local",
                NamedControl::File => "file",
                _ => "text",
            };
            view! {
                <input id=name.clone() name=name.clone() type=kind value=value.clone()
                       aria-describedby=described aria-invalid=invalid/>
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-has-error=error.is_some()>
            <label for=name.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.map(|e| view! { <p class="error-message" id=error_id.clone()>{e.text(lang)}</p> })}
            {input}
        </div>
    }
}

/// A group of radio buttons in a fieldset.
#[component]
pub fn Radios(
    name: String,
    legend: String,
    options: Vec<(String, String)>,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<FieldError>,
) -> impl IntoView {
    let lang = use_lang();
    let error_id = format!("{name}-error");
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, (code, text))| {
            // the first button carries the field's id, so error links land on the group
            let id = if i == 0 { name.clone() } else { format!("{name}-{code}") };
            let checked = code == value;
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name=name.clone() value=code checked=checked/>
                    <label for=id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field-has-error=error.is_some() aria-describedby=error.map(|_| error_id.clone())>
            <legend>{legend}</legend>
            {error.map(|e| view! { <p class="error-message" id=error_id.clone()>{e.text(lang)}</p> })}
            <div class="choices">{buttons}</div>
        </fieldset>
    }
}
