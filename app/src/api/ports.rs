//! The operations pages need from storage, as traits the server implements. Keeps sqlx out
//! of the WebAssembly build and lets server functions stay thin.

use std::sync::Arc;

use async_trait::async_trait;

use super::views::{
    DiffView, FilingDetail, IncidentRow, IncidentView, ProfileView, PublishedDetail, PublishedRow, QueuePage,
};
use crate::domain::auth::{OperatorCap, ReviewerCap};

/// Why a read failed, as far as a page needs to know.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DeskError {
    /// Absent, or not visible to this caller: the two are deliberately indistinguishable.
    #[error("not found")]
    NotFound,
    /// Signed out, or signed in without the needed capability.
    #[error("forbidden")]
    Forbidden,
    /// Storage failed; the cause has been logged where it happened.
    #[error("internal error")]
    Internal,
}

/// Read operations, each taking the capability that permits it.
#[async_trait]
pub trait Desks: Send + Sync + 'static {
    /// The operator's own organisation's incidents, open first, newest first.
    async fn operator_incidents(&self, cap: &OperatorCap) -> Result<Vec<IncidentRow>, DeskError>;
    /// One incident of the operator's own organisation.
    async fn operator_incident(&self, cap: &OperatorCap, reference: &str) -> Result<IncidentView, DeskError>;
    /// The operator's organisation profile.
    async fn operator_profile(&self, cap: &OperatorCap) -> Result<ProfileView, DeskError>;
    /// Two versions of one of the operator's incidents, compared.
    async fn operator_diff(
        &self,
        cap: &OperatorCap,
        reference: &str,
        from: u32,
        to: u32,
    ) -> Result<DiffView, DeskError>;
    /// One filing of the operator's own organisation.
    async fn operator_filing(&self, cap: &OperatorCap, reference: &str) -> Result<FilingDetail, DeskError>;
    /// Every submitted filing, oldest first (first come, first reviewed).
    async fn review_queue(
        &self,
        cap: &ReviewerCap,
        query: &crate::domain::queue::QueueQuery,
    ) -> Result<QueuePage, DeskError>;
    /// The ministry's case on an incident (opening it counts as a visit).
    async fn review_case(&self, cap: &ReviewerCap, reference: &str) -> Result<super::CaseView, DeskError>;
    /// Aggregates over every filed incident, organisation names in `lang`.
    async fn review_overview(
        &self,
        cap: &ReviewerCap,
        lang: crate::i18n::Lang,
    ) -> Result<crate::domain::overview::Overview, DeskError>;
    /// Any submitted filing.
    async fn review_filing(&self, cap: &ReviewerCap, reference: &str) -> Result<FilingDetail, DeskError>;
    /// Published summaries, newest first.
    async fn published_incidents(&self) -> Result<Vec<PublishedRow>, DeskError>;
    /// A page of published incidents matching `query`, with the search form's choices.
    async fn public_search(&self, query: crate::domain::public::SearchQuery) -> Result<super::PublicList, DeskError>;
    /// An operator's public record (`NotFound` for an unknown short name).
    async fn public_operator(&self, slug: &str) -> Result<super::OperatorRecord, DeskError>;
    /// One published summary by incident reference.
    async fn published_incident(&self, reference: &str) -> Result<PublishedDetail, DeskError>;
    /// The signed-in person's own sessions that still hold (`current`: the one reading).
    async fn account_sessions(
        &self,
        user: crate::domain::ids::UserId,
        current: Option<i64>,
    ) -> Result<Vec<super::SessionRow>, DeskError>;
    /// The person's API tokens (`role`: what their tokens may be given).
    async fn api_tokens(
        &self,
        user: crate::domain::ids::UserId,
        role: crate::domain::auth::Role,
    ) -> Result<super::ApiTokensView, DeskError>;
    /// The organisation's webhook endpoints with their recent deliveries.
    async fn webhooks(&self, cap: &OperatorCap) -> Result<super::WebhooksView, DeskError>;
    /// Where the person stands with two-step verification.
    async fn two_step(&self, user: crate::domain::ids::UserId) -> Result<super::TwoStepView, DeskError>;
    /// The two-step policy of every role, with how many accounts have it on.
    async fn admin_two_step_policy(
        &self,
        cap: &crate::domain::auth::AdminCap,
    ) -> Result<Vec<super::TwoStepPolicyRow>, DeskError>;
    /// Whose a live e-mailed link is.
    async fn link(&self, purpose: &str, token: &str) -> Result<Option<super::LinkOwner>, DeskError>;
    /// How many of the person's notifications are unread.
    async fn unread_notifications(&self, user: crate::domain::ids::UserId) -> Result<i64, DeskError>;
    /// The person's notifications and e-mail choices (`ministry`: which side they are on).
    async fn notifications(
        &self,
        user: crate::domain::ids::UserId,
        ministry: bool,
    ) -> Result<super::NotificationsView, DeskError>;
    /// The newest outbox messages, optionally of one state.
    async fn admin_outbox(
        &self,
        cap: &crate::domain::auth::AdminCap,
        state: Option<String>,
    ) -> Result<super::OutboxPage, DeskError>;
    /// Organisations whose names contain `q`.
    async fn admin_organisations(
        &self,
        cap: &crate::domain::auth::AdminCap,
        q: String,
    ) -> Result<Vec<super::OrgAdminRow>, DeskError>;
    /// One organisation with its facts and people.
    async fn admin_organisation(
        &self,
        cap: &crate::domain::auth::AdminCap,
        slug: String,
    ) -> Result<super::OrgAdminView, DeskError>;
    /// Ministry staff and their open invitations.
    async fn admin_staff(&self, cap: &crate::domain::auth::AdminCap) -> Result<Vec<super::PersonRow>, DeskError>;
    /// The newest audit entries, optionally only actions whose code starts with `prefix`.
    async fn admin_audit(
        &self,
        cap: &crate::domain::auth::AdminCap,
        prefix: String,
    ) -> Result<Vec<super::AuditRow>, DeskError>;
    /// One outbox message in full.
    async fn admin_outbox_message(
        &self,
        cap: &crate::domain::auth::AdminCap,
        id: i64,
    ) -> Result<super::OutboxMessageView, DeskError>;
}

/// How server functions find the storage: provided as Leptos context by the server.
pub type SharedDesks = Arc<dyn Desks>;
