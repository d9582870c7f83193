//! The one data table of the site: a scrolling frame (narrow screens scroll the table, not
//! the page), column headings with `scope="col"`, and the rows the page supplies.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::shell::use_lang;

/// A column heading.
#[derive(Clone, Debug)]
pub enum Col {
    /// A translated heading.
    Msg(Msg),
    /// A heading that is data (a version's reference in a comparison).
    Text(String),
    /// A heading only screen readers hear (a column of action links).
    Hidden(Msg),
}

impl From<Msg> for Col {
    fn from(m: Msg) -> Col {
        Col::Msg(m)
    }
}

/// The frame a wide table scrolls in: narrow screens scroll the table, not the page. Keyboard
/// users can reach it to scroll (`tabindex`), and screen readers hear what it holds.
#[component]
pub fn ScrollBox(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! { <div class="table-scroll" tabindex="0" role="region" aria-label=label>{children()}</div> }
}

/// A table with `columns` and the `<tr>` rows given as children.
#[component]
pub fn DataTable(
    columns: Vec<Col>,
    /// What the table lists, read out before it by screen readers (and printed).
    #[prop(into)]
    caption: String,
    /// On a phone, show each row as a card of labelled lines (the rows' cells carry
    /// `data-label`) instead of scrolling sideways.
    #[prop(optional)]
    stack: bool,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let heads = columns
        .into_iter()
        .map(|c| match c {
            Col::Msg(m) => view! { <th scope="col">{m.t(lang)}</th> }.into_any(),
            Col::Text(t) => view! { <th scope="col">{t}</th> }.into_any(),
            Col::Hidden(m) => {
                view! { <th scope="col"><span class="visually-hidden">{m.t(lang)}</span></th> }.into_any()
            }
        })
        .collect_view();
    view! {
        <ScrollBox label=caption.clone()>
            <table class="table" class:table-stack=stack>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </ScrollBox>
    }
}
