//! The organisation profile: legal details and contacts, services with the designations
//! they fall under, facilities, dependencies, and the team. Admins edit; others read.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{my_organisation, FormEcho, ProfileView, RecordView};
use crate::domain::law::coverage::DesignationCheck;
use crate::domain::profile_fields::{DEPENDENCY, FACILITY, MEMBER, PROFILE, SERVICE};
use crate::domain::report::content::display_kind;
use crate::domain::report::schema::FieldDef;
use crate::domain::report::Content;
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{use_form_echo, CsrfField};
use crate::ui::layout::ReadError;
use crate::ui::report_form::{ReportErrorSummary, ReportField};
use crate::ui::shell::{use_lang, use_zone};

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let profile = Resource::new(|| (), |_| my_organisation());
    let echo = use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match profile.await {
                    Ok(p) => view! { <Organisation p=p echo=echo/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Answers as a summary list (answered fields only).
fn answers(defs: &'static [FieldDef], c: &Content) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    defs.iter()
        .filter(|d| !c.get(d.key).is_empty())
        .map(|d| {
            view! {
                <div class="summary-row">
                    <dt>{lang.pick(d.label.0, d.label.1)}</dt>
                    <dd class="pre-wrap">{display_kind(d.kind, c.get(d.key), zone, lang)}</dd>
                </div>
            }
        })
        .collect_view()
}

/// A form over `defs`, re-showing what was typed when this form was the one rejected.
#[component]
fn RecordForm(
    action: String,
    form_id: &'static str,
    defs: &'static [FieldDef],
    initial: Content,
    echo: Option<FormEcho>,
    #[prop(optional)] revision: Option<i64>,
    button: Msg,
) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let mine = echo.filter(|e| e.value("_form") == form_id);
    let errors = mine.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    let problem = mine.as_ref().and_then(|e| e.problem);
    let fields = defs
        .iter()
        .map(|d| {
            let value = match &mine {
                Some(e) => e.value(d.key),
                None => initial.input_value(d.key, zone),
            };
            view! { <ReportField def=d name=d.key.to_string() value=value error=errors.get(d.key)/> }
        })
        .collect_view();
    view! {
        <form method="post" action=action novalidate id=form_id>
            <ReportErrorSummary errors=errors.clone() problem=problem/>
            <CsrfField/>
            <input type="hidden" name="_form" value=form_id/>
            {revision.map(|r| view! { <input type="hidden" name="_revision" value=r.to_string()/> })}
            {fields}
            <button type="submit" class="button">{button.t(lang)}</button>
        </form>
    }
}

#[component]
fn Records(
    title: Msg,
    id: &'static str,
    defs: &'static [FieldDef],
    items: Vec<RecordView>,
    can_edit: bool,
) -> impl IntoView {
    let lang = use_lang();
    let list = items
        .into_iter()
        .map(|r| {
            let designations = designation_items(&r.designations, lang);
            let has_designations = !r.designations.is_empty();
            view! {
                <div class="record">
                    <dl class="summary-list">{answers(defs, &r.content)}</dl>
                    {has_designations.then(|| view! {
                        <h4>{Msg::Designations.t(lang)}</h4>
                        <ul class="plain-list">{designations}</ul>
                    })}
                    {can_edit.then(|| view! {
                        <form method="post" action=format!("/filing/organisation/records/{}/delete", r.id) class="inline-form">
                            <CsrfField/>
                            <button type="submit" class="button button-secondary">{Msg::Remove.t(lang)}</button>
                        </form>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 id=format!("{id}-title")>{title.t(lang)}</h2>
        {list}
    }
}

/// Designation checks as a list: applies or not (in words), the designation, the reason, and
/// the threshold version with its legal basis.
fn designation_items(checks: &[DesignationCheck], lang: Lang) -> impl IntoView {
    checks
        .iter()
        .map(|d| {
            let (class, msg) = match d.applies {
                Some(true) => ("tag tag-red", Msg::DesignationApplies),
                Some(false) => ("tag tag-grey", Msg::DesignationDoesNotApply),
                None => ("tag tag-orange", Msg::ThresholdUnknown),
            };
            let label = d.designation.label();
            let basis =
                (!d.version.is_empty()).then(|| format!("{} · {}", lang.pick(&d.basis.0, &d.basis.1), d.version));
            view! {
                <li>
                    <strong class=class>{msg.t(lang)}</strong>" "{lang.pick(label.0, label.1)}
                    <br/><span class="hint">{lang.pick(&d.reason.0, &d.reason.1).to_string()}</span>
                    {basis.map(|b| view! { <br/><span class="hint">{b}</span> })}
                </li>
            }
        })
        .collect_view()
}

#[component]
fn Organisation(p: ProfileView, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let saved = query.read_untracked().get("saved").is_some();
    let invited = query.read_untracked().get("invited").is_some();
    let reset = query.read_untracked().get("reset").is_some();
    let can_edit = p.can_edit;
    let editor = |form_id: &'static str, kind: &'static str, defs: &'static [FieldDef], heading: Msg| {
        can_edit.then(|| {
            view! {
                <details class="add-record" open=echo.as_ref().is_some_and(|e| e.value("_form") == form_id)>
                    <summary>{heading.t(lang)}</summary>
                    <RecordForm action=format!("/filing/organisation/{kind}") form_id=form_id defs=defs
                        initial=Content::default() echo=echo.clone() button=heading/>
                </details>
            }
        })
    };
    view! {
        <PageTitle text=Msg::OrganisationTitle.t(lang)/>
        <p class="caption">{p.org.get(lang)}</p>
        <h1>{Msg::OrganisationTitle.t(lang)}</h1>
        {saved.then(|| view! { <div class="notice" role="status">{Msg::SavedNotice.t(lang)}</div> })}
        {invited.then(|| view! { <div class="notice" role="status">{Msg::InvitedNotice.t(lang)}</div> })}
        {reset.then(|| view! { <div class="notice" role="status">{Msg::TwoStepResetDone.t(lang)}</div> })}
        {(!can_edit).then(|| view! { <p class="inset">{Msg::OnlyAdminEdits.t(lang)}</p> })}
        <p><a href="/filing/organisation/webhooks">{Msg::WebhooksTitle.t(lang)}</a></p>
        <h2>{Msg::ProfileDetails.t(lang)}</h2>
        {if can_edit {
            view! {
                <RecordForm action="/filing/organisation".to_string() form_id="profile" defs=PROFILE
                    initial=p.profile.clone() echo=echo.clone() revision=p.revision button=Msg::SaveProfile/>
            }.into_any()
        } else {
            view! { <dl class="summary-list">{answers(PROFILE, &p.profile)}</dl> }.into_any()
        }}
        <h2 id="designations">{Msg::OrgDesignationsTitle.t(lang)}</h2>
        <p class="hint">{Msg::OrgDesignationsHint.t(lang)}</p>
        <ul class="plain-list">{designation_items(&p.org_designations, lang)}</ul>
        <p><a href="/rules">{Msg::RulesLink.t(lang)}</a></p>
        <Records title=Msg::ServicesTitle id="service" defs=SERVICE items=p.services.clone() can_edit=can_edit/>
        {editor("service", "service", SERVICE, Msg::AddService)}
        <Records title=Msg::FacilitiesTitle id="facility" defs=FACILITY items=p.facilities.clone() can_edit=can_edit/>
        {editor("facility", "facility", FACILITY, Msg::AddFacility)}
        <Records title=Msg::DependenciesTitle id="dependency" defs=DEPENDENCY items=p.dependencies.clone() can_edit=can_edit/>
        {editor("dependency", "dependency", DEPENDENCY, Msg::AddDependency)}
        <crate::pages::team::Team team=p.team.clone() invitations=p.invitations.clone() can_edit=can_edit/>
        {can_edit.then(|| view! {
            <details class="add-record" open=echo.as_ref().is_some_and(|e| e.value("_form") == "member")>
                <summary>{Msg::AddMember.t(lang)}</summary>
                <RecordForm action="/filing/organisation/team".to_string() form_id="member" defs=MEMBER
                    initial=Content::default() echo=echo.clone()
                    button=Msg::AddMember/>
            </details>
        })}
    }
}
