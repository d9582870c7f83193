//! Evidence files of an incident: list with SHA-256, download, and upload (a plain
//! multipart form, so it works without JavaScript).

use leptos::prelude::*;

use crate::api::IncidentView;
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, CsrfField};
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::DataTable;

/// Largest file accepted, in bytes (also enforced by the server).
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

#[component]
pub fn Evidence(inc: IncidentView) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let echo = use_form_echo();
    let base = format!("/filing/incidents/{}/attachments", inc.reference);
    let rows = inc
        .attachments
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <td><a href=format!("{base}/{}", a.id) rel="external" download>{a.file_name.clone()}</a></td>
                    <td>{a.description.clone()}</td>
                    <td>{size_text(a.size_bytes)}</td>
                    <td>{a.uploaded_by.clone()}<br/><span class="hint">{zone.display(a.uploaded_at)}</span></td>
                    <td><code title=a.sha256.clone()>{a.sha256.chars().take(12).collect::<String>()}</code></td>
                </tr>
            }
        })
        .collect_view();
    let list = if inc.attachments.is_empty() {
        view! { <p>{Msg::NoAttachments.t(lang)}</p> }.into_any()
    } else {
        view! {
            <DataTable caption=Msg::EvidenceTitle.t(lang) columns=vec![
                Msg::FileName.into(), Msg::FileDescription.into(), Msg::FileSize.into(), Msg::UploadedBy.into(), Msg::ContentHash.into(),
            ]>{rows}</DataTable>
        }
        .into_any()
    };
    let upload = inc.can_draft.then(|| {
        view! {
            <Suspense fallback=|| ()>
                {
                    let base = base.clone();
                    move || {
                        let base = base.clone();
                        Suspend::new(async move {
                            let echo = echo.await;
                            let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
                            let description = echo.as_ref().map(|e| e.value("description")).unwrap_or_default();
                            let (file_err, desc_err) = (err("file"), err("description"));
                            view! {
                                <form method="post" action=base enctype="multipart/form-data" class="upload-form" id="upload">
                                    <CsrfField/>
                                    <h3>{Msg::UploadTitle.t(lang)}</h3>
                                    <div class="field" class:field-has-error=file_err.is_some()>
                                        <label for="file">{Msg::ChooseFile.t(lang)}</label>
                                        <p class="hint" id="file-hint">{Msg::UploadHint.t(lang)}</p>
                                        {file_err.map(|e| view! { <p class="error-message">{e.text(lang)}</p> })}
                                        <input type="file" id="file" name="file" aria-describedby="file-hint"
                                               accept=".pdf,.png,.jpg,.jpeg,.txt,.csv"/>
                                    </div>
                                    <div class="field" class:field-has-error=desc_err.is_some()>
                                        <label for="description">{Msg::FileDescription.t(lang)}</label>
                                        {desc_err.map(|e| view! { <p class="error-message">{e.text(lang)}</p> })}
                                        <input type="text" id="description" name="description" value=description/>
                                    </div>
                                    <button type="submit" class="button button-secondary">{Msg::Upload.t(lang)}</button>
                                </form>
                            }
                        })
                    }
                }
            </Suspense>
        }
    });
    view! {
        <section aria-labelledby="evidence-title">
            <h2 id="evidence-title">{Msg::EvidenceTitle.t(lang)}</h2>
            {list}
            {upload}
        </section>
    }
}
