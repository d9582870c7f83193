//! Checks while typing (JavaScript on): when a control of a section form changes, the
//! browser runs the same `report::check` the server runs on the form's current values and
//! lists the problems in a live region. The server still checks every save; with
//! JavaScript off, problems appear after saving.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::filing::FilingStage;
use crate::domain::report::schema::SectionDef;
use crate::domain::report::{check, Content};
use crate::domain::validation::{FieldError, FieldErrors};
use crate::domain::zone::UserZone;
use crate::i18n::Msg;
use crate::ui::report_form::label_of;
use crate::ui::shell::use_lang;

/// Every form name the section's form can post, given its rows (one blank row per group).
#[cfg(any(feature = "hydrate", test))]
fn names(section: &SectionDef, rows: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = section.fields.iter().map(|f| f.key.to_string()).collect();
    for (g, n) in section.groups.iter().zip(rows) {
        for row in 0..=*n {
            out.extend(g.columns.iter().map(|c| crate::domain::report::schema::cell_key(g.key, row, c.key)));
        }
    }
    out
}

/// The problems a set of posted values has in this section, leaving out answers not yet
/// given (those are listed on "check your answers", not while typing).
pub fn problems(
    section: &SectionDef,
    draft: &Content,
    stage: FilingStage,
    posted: &BTreeMap<String, String>,
    zone: UserZone,
    now: crate::domain::timestamp::Timestamp,
) -> FieldErrors {
    let content = draft.with_section(section, posted, zone);
    let all = check(&content, stage, now);
    FieldErrors(
        all.0
            .into_iter()
            .filter(|(k, e)| section.owns(k) && !matches!(e, FieldError::Required | FieldError::AtLeastOneRow))
            .collect(),
    )
}

/// The form's `change` handler and the live region it fills.
pub fn live_check(
    section: &'static SectionDef,
    draft: Content,
    stage: FilingStage,
    zone: UserZone,
    rows: Vec<usize>,
) -> (RwSignal<FieldErrors>, impl Fn(leptos::ev::Event) + 'static) {
    let found = RwSignal::new(FieldErrors::default());
    let handler = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
            let mut posted = BTreeMap::new();
            for name in names(section, &rows) {
                let values: Vec<String> = data.get_all(&name).iter().filter_map(|v| v.as_string()).collect();
                if !values.is_empty() {
                    posted.insert(name, values.join(","));
                }
            }
            let now = crate::domain::timestamp::Timestamp((js_sys::Date::now() / 1000.0) as i64);
            // The list never shrinks while the page is open: a page that got shorter as the
            // last problem was fixed would scroll, and move the buttons away from a pointer
            // that was about to click them.
            if let Some(region) = form
                .query_selector(".live-problems")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let height = region.offset_height();
                // a style that cannot be set only loses the reserved space
                region.style().set_property("min-height", &format!("{height}px")).ok();
            }
            found.set(problems(section, &draft, stage, &posted, zone, now));
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = (&ev, &draft, stage, zone, &rows, section, found);
        }
    };
    (found, handler)
}

/// The live region listing problems found while typing.
#[component]
pub fn LiveProblems(found: RwSignal<FieldErrors>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="live-problems" aria-live="polite">
            {move || {
                let errors = found.get();
                (!errors.is_empty()).then(|| {
                    let items = errors
                        .0
                        .into_iter()
                        .map(|(key, e)| view! {
                            <li><a href=format!("#{key}")>{format!("{}: {}", label_of(&key, lang), e.text(lang))}</a></li>
                        })
                        .collect_view();
                    view! {
                        <div class="inset">
                            <p><strong>{Msg::LiveProblemsTitle.t(lang)}</strong></p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
            }}
        </div>
    }
}

#[cfg(test)]
#[path = "live_check_test.rs"]
mod tests;
