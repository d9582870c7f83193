//! `/open-data`: what can be downloaded, in which formats, under which licence, and what each
//! field means (the data dictionary), in Korean and English (issue #14).

use leptos::prelude::*;

use crate::domain::public::dictionary::DATASETS;
use crate::i18n::Msg;
use crate::ui::public_meta::PublicMeta;
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::use_lang;
use crate::ui::table::DataTable;

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let lang = use_lang();
    let sets = DATASETS
        .iter()
        .map(|(name, ko, en, fields)| {
            let rows = fields
                .iter()
                .map(|(field, kind, fko, fen)| {
                    view! {
                        <tr>
                            <td class="stack-head"><code>{*field}</code></td>
                            <td data-label=Msg::OpenDataType.t(lang)>{*kind}</td>
                            <td data-label=Msg::OpenDataMeaning.t(lang)>{lang.pick(fko, fen)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let title = lang.pick(ko, en).to_string();
            view! {
                <h2 id=*name>{title.clone()}</h2>
                <ul class="inline-list">
                    <li><a href=format!("/open-data/{name}.csv")>{format!("{name}.csv")}</a></li>
                    <li><a href=format!("/open-data/{name}.json")>{format!("{name}.json")}</a></li>
                </ul>
                <DataTable caption=title stack=true columns=vec![
                    Msg::OpenDataField.into(), Msg::OpenDataType.into(), Msg::OpenDataMeaning.into(),
                ]>{rows}</DataTable>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=Msg::OpenDataTitle.t(lang)/>
        <PublicMeta title=Msg::OpenDataTitle.t(lang) description=Msg::OpenDataIntro.t(lang) path="/open-data"/>
        <h1>{Msg::OpenDataTitle.t(lang)}</h1>
        <p>{Msg::OpenDataIntro.t(lang)}</p>
        <h2>{Msg::OpenDataLicenceTitle.t(lang)}</h2>
        <p>{Msg::OpenDataLicence.t(lang)}</p>
        <p><a href="/open-data/schema.json">{Msg::OpenDataSchema.t(lang)}</a></p>
        {sets}
    }
}
