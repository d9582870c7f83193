//! A report's content, read-only, section by section: for "check your answers" (with
//! change links and unanswered questions), filed versions and the diff.

use leptos::prelude::*;

use crate::domain::report::content::display_value;
use crate::domain::report::schema::{cell_key, sections};
use crate::domain::report::Content;
use crate::i18n::Msg;
use crate::ui::shell::{use_lang, use_zone};

/// Every section of `content`. With `change_base`, each section links to
/// `{change_base}/{slug}` and unanswered questions are listed too.
#[component]
pub fn ContentSections(content: Content, #[prop(default = None)] change_base: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let checking = change_base.is_some();
    sections()
        .iter()
        .filter(|s| checking || content.touches(s))
        .map(|s| {
            let title = lang.pick(s.title.0, s.title.1);
            let change = change_base.clone().map(|base| {
                view! {
                    <a href=format!("{base}/{}", s.slug)>
                        {Msg::Change.t(lang)}<span class="visually-hidden">" "{title}</span>
                    </a>
                }
            });
            let rows = s
                .fields
                .iter()
                .filter(|f| checking || !content.get(f.key).is_empty())
                .map(|f| {
                    let v = content.get(f.key);
                    let shown = if v.is_empty() {
                        Msg::NotAnswered.t(lang).to_string()
                    } else {
                        content.display(f.key, zone, lang)
                    };
                    view! {
                        <div class="summary-row">
                            <dt>{lang.pick(f.label.0, f.label.1)}</dt>
                            <dd class="pre-wrap" class:unanswered=v.is_empty()>{shown}</dd>
                        </div>
                    }
                })
                .collect_view();
            let groups = s
                .groups
                .iter()
                .filter(|g| checking || content.rows(g) > 0)
                .map(|g| {
                    let n = content.rows(g);
                    let head = g
                        .columns
                        .iter()
                        .map(|c| view! { <th scope="col">{lang.pick(c.label.0, c.label.1)}</th> })
                        .collect_view();
                    let body = (0..n)
                        .map(|row| {
                            let cells = g
                                .columns
                                .iter()
                                .map(|c| {
                                    let key = cell_key(g.key, row, c.key);
                                    view! { <td>{display_value(&key, content.get(&key), zone, lang)}</td> }
                                })
                                .collect_view();
                            view! { <tr>{cells}</tr> }
                        })
                        .collect_view();
                    view! {
                        <h3>{lang.pick(g.label.0, g.label.1)}</h3>
                        {if n == 0 {
                            view! { <p class="unanswered">{Msg::NotAnswered.t(lang)}</p> }.into_any()
                        } else {
                            view! {
                                <crate::ui::table::ScrollBox label=lang.pick(g.label.0, g.label.1)>
                                    <table class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
                                </crate::ui::table::ScrollBox>
                            }.into_any()
                        }}
                    }
                })
                .collect_view();
            view! {
                <section class="report-section">
                    <div class="section-heading">
                        <h2>{title}</h2>
                        {change}
                    </div>
                    <dl class="summary-list">{rows}</dl>
                    {groups}
                </section>
            }
        })
        .collect_view()
}
