//! What pages read: the storage operations behind [`app::api::ports::Desks`], each bound to
//! the capability that permits it, and the builders that turn stored records into the views
//! pages show ([`incident`] for the operator's side, [`case`] for the ministry's case).

pub mod admin;
pub mod case;
pub mod incident;
pub mod notices;
pub mod public;

use app::api::ports::{DeskError, Desks};
use app::api::{
    DiffView, FilingDetail, IncidentRow, IncidentView, ProfileView, PublishedDetail, PublishedRow, QueuePage,
    RecordView,
};
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::ids::is_reference;
use app::domain::queue::QueueQuery;
use app::domain::report::Content;
use std::collections::HashMap;

use async_trait::async_trait;

use crate::storage::filings;
use crate::storage::{attachments, drafts, incidents, profiles, publications, requests, users, Db, StorageError};
use incident::{incident_row, incident_view};

/// A storage outcome as a page read sees it: a failure is logged once, here at the boundary,
/// and its cause hidden from the caller.
impl From<StorageError> for DeskError {
    fn from(e: StorageError) -> DeskError {
        match e {
            StorageError::NotFound => DeskError::NotFound,
            other => {
                tracing::error!(error = %other, "storage read failed");
                DeskError::Internal
            }
        }
    }
}

fn checked(reference: &str) -> Result<&str, DeskError> {
    is_reference(reference).then_some(reference).ok_or(DeskError::NotFound)
}

/// The storage behind the pages' [`Desks`] port, with the clock the pages read.
pub struct Desk {
    pub db: Db,
    pub clock: crate::clock::Clock,
    pub config: std::sync::Arc<crate::config::Config>,
    pub overview: std::sync::Arc<crate::storage::overview_memo::OverviewMemo>,
}

impl Desk {
    /// The desk over the application's state.
    pub fn of(state: &crate::state::AppState) -> Desk {
        Desk {
            db: state.db.clone(),
            clock: state.clock.clone(),
            config: state.config.clone(),
            overview: state.overview.clone(),
        }
    }
}

impl std::ops::Deref for Desk {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

#[async_trait]
impl Desks for Desk {
    async fn operator_incidents(&self, cap: &OperatorCap) -> Result<Vec<IncidentRow>, DeskError> {
        let list = incidents::list(self, cap).await?;
        // one read each for versions and drafts, grouped by incident (not one query per row)
        let mut versions: HashMap<i64, Vec<filings::Version>> = HashMap::new();
        for v in filings::versions_of_org(self, cap.org()).await? {
            versions.entry(v.incident_id).or_default().push(v);
        }
        let drafts: HashMap<i64, drafts::DraftRecord> = drafts::of_org(self, cap.org()).await?.into_iter().collect();
        let at = self.clock.now();
        let late = crate::storage::cases::overdue_by_incident(self, cap.org(), at).await?;
        let closed = crate::storage::cases::closed_of_org(self, cap.org()).await?;
        let outside = crate::storage::outside::counted_of_org(self, cap).await?;
        let org = profiles::operator_facts(self, cap.org()).await?;
        let mut rows: Vec<IncidentRow> = list
            .into_iter()
            .map(|i| {
                let mine = versions.remove(&i.id).unwrap_or_default();
                let draft = drafts.get(&i.id);
                let ministry_overdue = late.get(&i.id).copied().unwrap_or(0);
                let case_closed = closed.contains(&i.id);
                let told = outside.get(&i.id).map(Vec::as_slice).unwrap_or_default();
                IncidentRow { ministry_overdue, ..incident_row(i, &mine, draft, case_closed, told, &org, at) }
            })
            .collect();
        // open incidents first; the list is already newest first
        rows.sort_by_key(|r| !r.status.is_open());
        Ok(rows)
    }

    async fn operator_incident(&self, cap: &OperatorCap, reference: &str) -> Result<IncidentView, DeskError> {
        let incident = incidents::find(self, cap, checked(reference)?).await?;
        let versions = filings::versions(self, &incident).await?;
        let draft = drafts::get(self, &incident).await?;
        let files = attachments::list(self, &incident).await?;
        let at = self.clock.now();
        let closed = crate::storage::cases::state(self, &incident).await?.closed;
        let ministry = case::correspondence(self, &incident, closed, at).await?;
        let requests = case::request_facts(&ministry.requests);
        let outside = crate::storage::outside::list(self, &incident).await?;
        let org = profiles::operator_facts(self, cap.org()).await?;
        let mut view = incident_view(cap, incident, versions, draft, &requests, outside, &org, at);
        view.attachments = files;
        view.ministry = ministry;
        Ok(view)
    }

    async fn operator_profile(&self, cap: &OperatorCap) -> Result<ProfileView, DeskError> {
        let (profile, revision) = profiles::profile(self, cap.org()).await?;
        let records = profiles::records(self, cap.org()).await?;
        let team = profiles::team(self, cap).await?;
        let org = users::org_names(self, cap.org()).await?;
        let services: Vec<Content> =
            records.iter().filter(|(_, k, _)| k == "service").map(|(_, _, c)| c.clone()).collect();
        let facts = app::domain::law::operator::OperatorFacts::from_profile(&profile, &services);
        let now = self.clock.now();
        let of = |kind: &str| -> Vec<RecordView> {
            use app::domain::law::coverage::{check_service, Designation};
            records
                .iter()
                .filter(|(_, k, _)| k == kind)
                .map(|(id, k, c)| RecordView {
                    id: *id,
                    content: c.clone(),
                    designations: if k == "service" {
                        let s = app::domain::law::operator::service_facts(c);
                        [Designation::Tba22_7, Designation::MajorOperator, Designation::UserNotice]
                            .into_iter()
                            .map(|d| check_service(d, &facts, &s, now))
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect()
        };
        let all: Vec<&app::domain::law::operator::ServiceFacts> = facts.services.iter().collect();
        let org_designations = app::domain::law::coverage::designations(&facts, &all, now);
        Ok(ProfileView {
            org,
            org_designations,
            services: of("service"),
            facilities: of("facility"),
            dependencies: of("dependency"),
            profile,
            revision,
            team,
            invitations: if cap.can_admin() {
                crate::storage::members::invitations(self, cap)
                    .await?
                    .into_iter()
                    .map(|(id, name, email, role)| app::api::Invitation { id, name, email, role })
                    .collect()
            } else {
                Vec::new()
            },
            can_edit: cap.can_admin(),
        })
    }

    async fn operator_diff(
        &self,
        cap: &OperatorCap,
        reference: &str,
        from: u32,
        to: u32,
    ) -> Result<DiffView, DeskError> {
        let incident = incidents::find(self, cap, checked(reference)?).await?;
        let versions = filings::versions(self, &incident).await?;
        let pick = |n: u32| versions.iter().find(|v| v.row.version == n).ok_or(DeskError::NotFound);
        let (a, b) = (pick(from)?, pick(to)?);
        Ok(DiffView {
            incident_reference: incident.reference,
            title: incident.title,
            from: a.row.clone(),
            to: b.row.clone(),
            changes: app::domain::report::diff::diff(&a.content, &b.content),
            versions: versions.iter().map(|v| v.row.clone()).collect(),
        })
    }

    async fn operator_filing(&self, cap: &OperatorCap, reference: &str) -> Result<FilingDetail, DeskError> {
        Ok(filings::get_own(self, cap, checked(reference)?).await?)
    }

    async fn review_queue(&self, cap: &ReviewerCap, query: &QueueQuery) -> Result<QueuePage, DeskError> {
        let (rows, next) = crate::storage::queue::page(self, cap, query, self.clock.now()).await?;
        let orgs = users::list_orgs(self, cap).await?;
        let reviewers = crate::storage::cases::reviewers(self, cap).await?;
        Ok(QueuePage { rows, next: next.map(|c| query.to_query(Some(c))), orgs, reviewers })
    }

    async fn review_case(&self, cap: &ReviewerCap, reference: &str) -> Result<app::api::CaseView, DeskError> {
        Ok(case::review_case(self, cap, checked(reference)?, self.clock.now()).await?)
    }

    async fn review_overview(
        &self,
        cap: &ReviewerCap,
        lang: app::i18n::Lang,
    ) -> Result<app::domain::overview::Overview, DeskError> {
        Ok(crate::storage::overview::overview(self, cap, &self.overview, lang == app::i18n::Lang::Ko, self.clock.now())
            .await?)
    }

    async fn review_filing(&self, cap: &ReviewerCap, reference: &str) -> Result<FilingDetail, DeskError> {
        let mut detail = filings::get_for_review(self, cap, checked(reference)?).await?;
        let incident = incidents::find_filed(self, cap, &detail.incident_reference).await?;
        detail.attachments = attachments::list(self, &incident).await?;
        let versions = filings::versions(self, &incident).await?;
        let requests = requests::list(self, &incident, self.clock.now()).await?;
        let outside = crate::storage::outside::counted(&crate::storage::outside::list(self, &incident).await?);
        let org = profiles::operator_facts(self, incident.org_id).await?;
        detail.clocks = case::case_clocks(&org, &versions, &requests, &outside, self.clock.now());
        Ok(detail)
    }

    async fn account_sessions(
        &self,
        user: app::domain::ids::UserId,
        current: Option<i64>,
    ) -> Result<Vec<app::api::SessionRow>, DeskError> {
        use crate::auth::signed_in::{ABSOLUTE_SECS, INACTIVITY_SECS};
        let limits = (INACTIVITY_SECS, ABSOLUTE_SECS);
        Ok(crate::storage::user_sessions::list(self, user, current, self.clock.now(), limits).await?)
    }

    async fn api_tokens(
        &self,
        user: app::domain::ids::UserId,
        role: app::domain::auth::Role,
    ) -> Result<app::api::ApiTokensView, DeskError> {
        let tokens = crate::storage::api_tokens::list(self, user, self.clock.now()).await?;
        let allowed = app::domain::api_token::Scope::ALL.into_iter().filter(|s| s.allowed_for(role)).collect();
        Ok(app::api::ApiTokensView { tokens, allowed, fresh: None })
    }

    async fn webhooks(&self, cap: &OperatorCap) -> Result<app::api::WebhooksView, DeskError> {
        let hooks = crate::storage::webhooks::list(self, cap).await?;
        Ok(app::api::WebhooksView { hooks, can_manage: cap.can_admin(), fresh_secret: None })
    }

    async fn two_step(&self, user: app::domain::ids::UserId) -> Result<app::api::TwoStepView, DeskError> {
        Ok(admin::two_step(self, user, self.clock.now()).await?)
    }

    async fn admin_two_step_policy(
        &self,
        cap: &app::domain::auth::AdminCap,
    ) -> Result<Vec<app::api::TwoStepPolicyRow>, DeskError> {
        Ok(admin::two_step_policy(self, cap).await?)
    }

    async fn link(&self, purpose: &str, token: &str) -> Result<Option<app::api::LinkOwner>, DeskError> {
        let live = crate::storage::links::live(self, purpose, token, self.clock.now()).await?;
        Ok(live.map(|l| app::api::LinkOwner { email: l.email, name: l.name }))
    }

    async fn unread_notifications(&self, user: app::domain::ids::UserId) -> Result<i64, DeskError> {
        Ok(crate::storage::notifications::unread(self, user).await?)
    }

    async fn notifications(
        &self,
        user: app::domain::ids::UserId,
        ministry: bool,
    ) -> Result<app::api::NotificationsView, DeskError> {
        Ok(notices::notifications_of(self, user, ministry).await?)
    }

    async fn admin_outbox(
        &self,
        _cap: &app::domain::auth::AdminCap,
        state: Option<String>,
    ) -> Result<app::api::OutboxPage, DeskError> {
        let smtp = self.config.smtp_url.is_some();
        Ok(notices::outbox_page(self, &self.config.public_base_url, smtp, state).await?)
    }

    async fn admin_organisations(
        &self,
        cap: &app::domain::auth::AdminCap,
        q: String,
    ) -> Result<Vec<app::api::OrgAdminRow>, DeskError> {
        Ok(admin::organisations(self, cap, &q).await?)
    }

    async fn admin_organisation(
        &self,
        cap: &app::domain::auth::AdminCap,
        slug: String,
    ) -> Result<app::api::OrgAdminView, DeskError> {
        Ok(admin::organisation(self, cap, &slug).await?)
    }

    async fn admin_staff(&self, cap: &app::domain::auth::AdminCap) -> Result<Vec<app::api::PersonRow>, DeskError> {
        Ok(admin::staff(self, cap).await?)
    }

    async fn admin_audit(
        &self,
        cap: &app::domain::auth::AdminCap,
        prefix: String,
    ) -> Result<Vec<app::api::AuditRow>, DeskError> {
        Ok(admin::audit_log(self, cap, &prefix).await?)
    }

    async fn admin_outbox_message(
        &self,
        _cap: &app::domain::auth::AdminCap,
        id: i64,
    ) -> Result<app::api::OutboxMessageView, DeskError> {
        Ok(notices::outbox_message(self, &self.config.public_base_url, id).await?)
    }

    async fn published_incidents(&self) -> Result<Vec<PublishedRow>, DeskError> {
        Ok(publications::list(self, &publications::PublicReader).await?)
    }

    async fn public_search(&self, query: app::domain::public::SearchQuery) -> Result<app::api::PublicList, DeskError> {
        Ok(public::search(self, query, self.clock.now()).await?)
    }

    async fn public_operator(&self, slug: &str) -> Result<app::api::OperatorRecord, DeskError> {
        Ok(public::operator(self, slug, self.clock.now()).await?)
    }

    async fn published_incident(&self, reference: &str) -> Result<PublishedDetail, DeskError> {
        Ok(publications::get(self, &publications::PublicReader, checked(reference)?).await?)
    }
}
