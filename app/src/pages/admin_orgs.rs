//! The system administrator's organisations: the list with search and the form that adds
//! one (`/admin/organisations`), and one organisation (`/admin/organisations/{slug}`): its
//! details, its people, and deactivation with a reason and a confirmation.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{FormEcho, OrgAdminView};
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::DataTable;

/// The organisation form's fields: (name, label, control), in the form's order.
const DETAILS: [(&str, Msg, Control); 8] = [
    ("name_ko", Msg::AdminNameKo, Control::Text),
    ("name_en", Msg::AdminNameEn, Control::Text),
    ("legal_name_ko", Msg::AdminLegalKo, Control::Text),
    ("legal_name_en", Msg::AdminLegalEn, Control::Text),
    ("biz_reg_no", Msg::AdminBizReg, Control::Text),
    ("contact_name", Msg::AdminContactName, Control::Text),
    ("contact_phone", Msg::AdminContactPhone, Control::Text),
    ("contact_email", Msg::AdminContactEmail, Control::Email),
];

fn labels() -> Vec<(&'static str, Msg)> {
    let mut l = vec![("slug", Msg::AdminSlug)];
    l.extend(DETAILS.iter().map(|(n, m, _)| (*n, *m)));
    l.extend([("admin_name", Msg::AdminFirstAdminName), ("admin_email", Msg::AdminFirstAdminEmail)]);
    l.extend([("reason", Msg::AdminReason), ("confirm", Msg::AdminConfirmButton)]);
    l
}

/// The detail fields, filled from what was typed (after a refused post) or from `stored`.
fn detail_fields(echo: Option<&FormEcho>, stored: &dyn Fn(&str) -> String) -> impl IntoView {
    DETAILS
        .iter()
        .map(|(name, label, control)| {
            let value = echo.map_or_else(|| stored(name), |e| e.value(name));
            let error = echo.and_then(|e| e.errors.get(name));
            view! { <Field name=name label=*label control=*control value=value error=error/> }
        })
        .collect_view()
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let q = use_query_map().read_untracked().get("q").unwrap_or_default();
    let asked = q.clone();
    let list = Resource::new(move || asked.clone(), crate::api::admin_organisations);
    let echo = use_form_echo();
    view! {
        <PageTitle text=Msg::AdminOrganisations.t(lang)/>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || {
                let q = q.clone();
                Suspend::new(async move {
                let echo = echo.await;
                let rows = match list.await {
                    Ok(r) => r,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let body = rows.iter().map(|o| view! {
                    <tr>
                        <td class="stack-head"><a href=format!("/admin/organisations/{}", o.slug)>{lang.pick(&o.name_ko, &o.name_en).to_string()}</a>
                            " "<span class="hint">{o.slug.clone()}</span></td>
                        <td data-label=Msg::AdminStatus.t(lang)>{if o.deactivated.is_some() {
                            view! { <strong class="tag tag-red">{Msg::AdminDeactivated.t(lang)}</strong> }.into_any()
                        } else {
                            view! { <strong class="tag tag-green">{Msg::AdminActive.t(lang)}</strong> }.into_any()
                        }}</td>
                        <td data-label=Msg::AdminPeople.t(lang)>{o.people}</td>
                        <td data-label=Msg::AdminIncidents.t(lang)>{o.incidents}</td>
                        <td data-label=Msg::AdminCreatedAt.t(lang)><span class="date">{zone.display(o.created)}</span></td>
                    </tr>
                }).collect_view();
                let typed = |n: &str| echo.as_ref().map(|e| e.value(n)).unwrap_or_default();
                let err = |n: &str| echo.as_ref().and_then(|e| e.errors.get(n));
                view! {
                    <ErrorSummary echo=echo.clone() labels=labels()/>
                    <h1>{Msg::AdminOrganisations.t(lang)}</h1>
                    <form method="get" action="/admin/organisations" class="search-form" role="search">
                        <label for="q">{Msg::AdminSearch.t(lang)}</label>" "
                        <input id="q" name="q" type="search" value=q.clone()/>" "
                        <button type="submit" class="button button-secondary">{Msg::AdminSearchButton.t(lang)}</button>
                    </form>
                    {if rows.is_empty() {
                        view! { <p>{Msg::AdminNoOrganisations.t(lang)}</p> }.into_any()
                    } else {
                        view! {
                            <DataTable caption=Msg::AdminOrganisations.t(lang) stack=true columns=vec![
                                Msg::AdminNameKo.into(), Msg::AdminStatus.into(), Msg::AdminPeople.into(),
                                Msg::AdminIncidents.into(), Msg::AdminCreatedAt.into(),
                            ]>{body}</DataTable>
                        }.into_any()
                    }}
                    <h2 id="new">{Msg::AdminNewOrganisation.t(lang)}</h2>
                    <p class="hint">{Msg::AdminNewOrganisationHint.t(lang)}</p>
                    <form method="post" action="/admin/organisations" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="slug" label=Msg::AdminSlug hint=Msg::AdminSlugHint value=typed("slug") error=err("slug")/>
                        {detail_fields(echo.as_ref(), &|_| String::new())}
                        <Field name="admin_name" label=Msg::AdminFirstAdminName value=typed("admin_name") error=err("admin_name")/>
                        <Field name="admin_email" label=Msg::AdminFirstAdminEmail control=Control::Email value=typed("admin_email") error=err("admin_email")/>
                        <button type="submit" class="button">{Msg::AdminCreate.t(lang)}</button>
                    </form>
                }.into_any()
            })}}
        </Suspense>
    }
}

#[component]
pub fn OrganisationAdminPage() -> impl IntoView {
    let lang = use_lang();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let query = use_query_map().read_untracked();
    let notice = [
        ("created", Msg::AdminCreated),
        ("saved", Msg::AdminSaved),
        ("deactivated", Msg::AdminDeactivatedNotice),
        ("reactivated", Msg::AdminReactivatedNotice),
    ]
    .into_iter()
    .find(|(k, _)| query.get(k).is_some())
    .map(|(_, m)| m);
    let data = Resource::new(move || slug.clone(), crate::api::admin_organisation);
    let echo = use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match data.await {
                    Ok(v) => view! { <OrganisationAdmin view=v echo=echo notice=notice/> }.into_any(),
                    Err(e) => view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrganisationAdmin(view: OrgAdminView, echo: Option<FormEcho>, notice: Option<Msg>) -> impl IntoView {
    let lang = use_lang();
    let o = view.org.clone();
    let name = lang.pick(&o.name_ko, &o.name_en).to_string();
    let base = format!("/admin/organisations/{}", o.slug);
    let facts = view.facts.clone();
    let stored = move |k: &str| match k {
        "name_ko" => o.name_ko.clone(),
        "name_en" => o.name_en.clone(),
        other => facts.get(other).cloned().unwrap_or_default(),
    };
    let active = view.org.deactivated.is_none();
    let people = view
        .people
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td class="stack-head">{p.name.clone()}</td>
                    <td data-label=Msg::AdminEmail.t(lang)>{p.email.clone()}</td>
                    <td data-label=Msg::AdminRole.t(lang)>{Msg::from(p.role).t(lang)}</td>
                    <td data-label=Msg::AdminStatus.t(lang)>{if p.invited {
                        Msg::AdminInvitedTag
                    } else if p.disabled { Msg::AdminDeactivated } else { Msg::AdminActive }.t(lang)}</td>
                    <td data-label=Msg::TwoStepColumn.t(lang)>{(!p.invited).then(|| crate::pages::admin_staff::two_step_tag(lang, p.two_step))}</td>
                </tr>
            }
        })
        .collect_view();
    let (summary, action, hint, tick, value) = if active {
        (Msg::AdminDeactivate, "no", Msg::AdminDeactivateHint, Msg::AdminConfirmDeactivate, "no")
    } else {
        (Msg::AdminReactivate, "yes", Msg::AdminReactivateHint, Msg::AdminConfirmReactivate, "yes")
    };
    let asked_activity = echo.as_ref().is_some_and(|e| !e.value("active").is_empty());
    let reason_err = echo.as_ref().and_then(|e| e.errors.get("reason"));
    let confirm_err = echo.as_ref().and_then(|e| e.errors.get("confirm"));
    let detail_echo = echo.clone().filter(|e| e.value("active").is_empty());
    view! {
        <PageTitle text=name.clone()/>
        <p><a href="/admin/organisations">{Msg::AdminOrganisations.t(lang)}</a></p>
        {notice.map(|m| view! { <div class="notice" role="status">{m.t(lang)}</div> })}
        <ErrorSummary echo=echo.clone() labels=labels()/>
        <h1>{name}" "{(!active).then(|| view! { <strong class="tag tag-red">{Msg::AdminDeactivated.t(lang)}</strong> })}</h1>
        <h2>{Msg::AdminPeople.t(lang)}</h2>
        <DataTable caption=Msg::AdminPeople.t(lang) stack=true columns=vec![
            Msg::AdminName.into(), Msg::AdminEmail.into(), Msg::AdminRole.into(), Msg::AdminStatus.into(),
            Msg::TwoStepColumn.into(),
        ]>{people}</DataTable>
        <h2>{Msg::AdminEditOrganisation.t(lang)}</h2>
        <form method="post" action=base.clone() class="narrow-form" novalidate>
            <CsrfField/>
            {detail_fields(detail_echo.as_ref(), &stored)}
            <button type="submit" class="button">{Msg::AdminSaveOrganisation.t(lang)}</button>
        </form>
        <details class="confirm-details" open=asked_activity>
            <summary class="button button-secondary">{summary.t(lang)}</summary>
            <form method="post" action=format!("{base}/active") class="narrow-form" novalidate>
                <CsrfField/>
                <input type="hidden" name="active" value=value/>
                <p class="warning-text">{hint.t(lang)}</p>
                <Field name="reason" label=Msg::AdminReason control=Control::TextArea
                       value=echo.as_ref().map(|e| e.value("reason")).unwrap_or_default() error=reason_err/>
                <div class="field" class:field-has-error=confirm_err.is_some()>
                    {confirm_err.map(|e| view! { <p class="error-message" id="confirm-error">{e.text(lang)}</p> })}
                    <div class="choice">
                        <input type="checkbox" id="confirm" name="confirm" value="yes"/>
                        <label for="confirm">{tick.t(lang)}</label>
                    </div>
                </div>
                <button type="submit" class="button button-warning" name="_go" value=action>{Msg::AdminConfirmButton.t(lang)}</button>
            </form>
        </details>
    }
}
