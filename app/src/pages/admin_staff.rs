//! The system administrator's home (`/admin`), ministry staff (`/admin/staff`: invite,
//! change role, disable and enable) and the audit log (`/admin/audit`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::auth::Role;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, ConfirmedPost, Control, CsrfField, ErrorSummary, Field, SelectField};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::{Col, DataTable};

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let lang = use_lang();
    let policy = Resource::new(|| (), |_| crate::api::admin_two_step_policy());
    let links = [
        ("/admin/organisations", Msg::AdminOrganisations),
        ("/admin/staff", Msg::AdminStaff),
        ("/admin/outbox", Msg::OutboxTitle),
        ("/admin/audit", Msg::AdminAudit),
    ];
    view! {
        <PageTitle text=Msg::AdminTitle.t(lang)/>
        <h1>{Msg::AdminTitle.t(lang)}</h1>
        <p>{Msg::AdminIntro.t(lang)}</p>
        <ul class="admin-links">
            {links.into_iter().map(|(href, m)| view! { <li><a href=href>{m.t(lang)}</a></li> }).collect_view()}
        </ul>
        <h2 id="two-step-policy">{Msg::TwoStepPolicyTitle.t(lang)}</h2>
        <p>{Msg::TwoStepPolicyIntro.t(lang)}</p>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let rows = match policy.await {
                    Ok(r) => r,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let body = rows.into_iter().map(|r| {
                    let rule = if r.required { Msg::TwoStepRequired } else { Msg::TwoStepOptional };
                    view! {
                        <tr>
                            <td class="stack-head">{Msg::from(r.role).t(lang)}</td>
                            <td data-label=Msg::TwoStepPolicyRule.t(lang)><strong class="tag" class:tag-grey=!r.required>{rule.t(lang)}</strong></td>
                            <td data-label=Msg::TwoStepPolicyOn.t(lang)>{format!("{} / {}", r.on, r.all)}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <DataTable caption=Msg::TwoStepPolicyTitle.t(lang) stack=true columns=vec![
                        Msg::TwoStepPolicyRole.into(), Msg::TwoStepPolicyRule.into(), Msg::TwoStepPolicyOn.into(),
                    ]>{body}</DataTable>
                }.into_any()
            })}
        </Suspense>
    }
}

/// The second click of resetting someone's two-step verification: what it does, then the button.
pub const RESET_STEPS: [Msg; 3] = [Msg::TwoStepResetButton, Msg::TwoStepResetExplain, Msg::TwoStepResetConfirm];

/// Whether a person has two-step verification on, in words (not colour alone).
pub fn two_step_tag(lang: Lang, on: bool) -> impl IntoView {
    let words = if on { Msg::TwoStepStatusOn } else { Msg::TwoStepStatusOff };
    view! { <strong class="tag" class:tag-green=on class:tag-grey=!on>{words.t(lang)}</strong> }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| crate::api::admin_staff());
    let echo = use_form_echo();
    let query = use_query_map().read_untracked();
    let notice = if query.get("invited").is_some() {
        Some(Msg::AdminStaffInvited)
    } else if query.get("reset").is_some() {
        Some(Msg::TwoStepResetDone)
    } else {
        query.get("saved").map(|_| Msg::AdminSaved)
    };
    let roles = || vec![("reviewer", Msg::from(Role::Reviewer)), ("review_lead", Msg::from(Role::ReviewLead))];
    view! {
        <PageTitle text=Msg::AdminStaff.t(lang)/>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let people = match data.await {
                    Ok(p) => p,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let rows = people.iter().map(|p| {
                    let editable = !p.invited && matches!(p.role, Role::Reviewer | Role::ReviewLead);
                    let other = if p.role == Role::Reviewer { Role::ReviewLead } else { Role::Reviewer };
                    let status = if p.invited { Msg::AdminInvitedTag } else if p.disabled { Msg::AdminDeactivated } else { Msg::AdminActive };
                    let (access, access_msg) = if p.disabled { ("enable", Msg::AdminEnable) } else { ("disable", Msg::AdminDisable) };
                    view! {
                        <tr>
                            <td class="stack-head">{p.name.clone()}</td>
                            <td data-label=Msg::AdminEmail.t(lang)>{p.email.clone()}</td>
                            <td data-label=Msg::AdminRole.t(lang)>{Msg::from(p.role).t(lang)}</td>
                            <td data-label=Msg::AdminStatus.t(lang)>{status.t(lang)}</td>
                            <td data-label=Msg::TwoStepColumn.t(lang)>{(!p.invited).then(|| two_step_tag(lang, p.two_step))}</td>
                            <td>{(p.two_step && !p.invited && !p.is_me).then(|| view! {
                                <ConfirmedPost action=format!("/admin/staff/{}/two-step/reset", p.id) steps=RESET_STEPS/>
                            })}
                            {editable.then(|| view! {
                                <form method="post" action=format!("/admin/staff/{}/role", p.id) class="inline-form">
                                    <CsrfField/>
                                    <input type="hidden" name="role" value=other.as_str()/>
                                    <button type="submit" class="button button-secondary">
                                        {Msg::AdminChangeRole.t(lang)}" → "{Msg::from(other).t(lang)}
                                    </button>
                                </form>
                                " "
                                <form method="post" action=format!("/admin/staff/{}/access", p.id) class="inline-form">
                                    <CsrfField/>
                                    <input type="hidden" name="access" value=access/>
                                    <button type="submit" class="button button-secondary">{access_msg.t(lang)}</button>
                                </form>
                            })}</td>
                        </tr>
                    }
                }).collect_view();
                let typed = |n: &str| echo.as_ref().map(|e| e.value(n)).unwrap_or_default();
                let err = |n: &str| echo.as_ref().and_then(|e| e.errors.get(n));
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![("name", Msg::AdminName), ("email", Msg::AdminEmail), ("role", Msg::AdminRole)]/>
                    <h1>{Msg::AdminStaff.t(lang)}</h1>
                    {notice.map(|m| view! { <div class="notice" role="status">{m.t(lang)}</div> })}
                    <DataTable caption=Msg::AdminStaff.t(lang) stack=true columns=vec![
                        Msg::AdminName.into(), Msg::AdminEmail.into(), Msg::AdminRole.into(), Msg::AdminStatus.into(),
                        Msg::TwoStepColumn.into(), Col::Hidden(Msg::Actions),
                    ]>{rows}</DataTable>
                    <h2 id="invite">{Msg::AdminInviteStaff.t(lang)}</h2>
                    <p class="hint">{Msg::AdminInviteStaffHint.t(lang)}</p>
                    <form method="post" action="/admin/staff" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="name" label=Msg::AdminName value=typed("name") error=err("name")/>
                        <Field name="email" label=Msg::AdminEmail control=Control::Email value=typed("email") error=err("email")/>
                        <SelectField name="role" label=Msg::AdminRole options=roles() value=typed("role") error=err("role")/>
                        <button type="submit" class="button">{Msg::AdminInvite.t(lang)}</button>
                    </form>
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let prefix = use_query_map().read_untracked().get("kind").unwrap_or_default();
    let asked = prefix.clone();
    let data = Resource::new(move || asked.clone(), crate::api::admin_audit);
    let kinds = [
        ("", Msg::AdminAuditAll),
        ("admin.", Msg::AdminAuditAdmin),
        ("account.", Msg::AdminAuditAccounts),
        ("team.", Msg::AdminAuditTeams),
        ("outbox.", Msg::OutboxTitle),
    ];
    view! {
        <PageTitle text=Msg::AdminAudit.t(lang)/>
        <h1>{Msg::AdminAudit.t(lang)}</h1>
        <nav class="filter-tabs" aria-label=Msg::AdminAuditFilter.t(lang)>
            {kinds.into_iter().map(|(code, m)| {
                let href = if code.is_empty() { "/admin/audit".to_string() } else { format!("/admin/audit?kind={code}") };
                view! { <a href=href aria-current=(code == prefix).then_some("page")>{m.t(lang)}</a> }
            }).collect_view()}
        </nav>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let rows = match data.await {
                    Ok(r) => r,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let body = rows.into_iter().map(|r| view! {
                    <tr>
                        <td class="stack-head"><span class="date">{zone.display(r.at)}</span></td>
                        <td data-label=Msg::AdminAuditWho.t(lang)>{if r.actor.is_empty() { Msg::AdminSystem.t(lang).to_string() } else { r.actor.clone() }}</td>
                        <td data-label=Msg::AdminAuditWhat.t(lang)>{r.action.map_or(r.code.clone(), |a| a.text(lang).to_string())}</td>
                        <td data-label=Msg::AdminAuditSubject.t(lang)>{r.subject.clone()}</td>
                        <td data-label=Msg::AdminAuditDetail.t(lang) class="audit-detail">{r.detail.clone()}</td>
                    </tr>
                }).collect_view();
                view! {
                    <DataTable caption=Msg::AdminAudit.t(lang) stack=true columns=vec![
                        Msg::AdminAuditWhen.into(), Msg::AdminAuditWho.into(), Msg::AdminAuditWhat.into(),
                        Msg::AdminAuditSubject.into(), Msg::AdminAuditDetail.into(),
                    ]>{body}</DataTable>
                }.into_any()
            })}
        </Suspense>
    }
}
