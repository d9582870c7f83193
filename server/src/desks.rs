//! The storage operations pages read through ([`app::api::ports::Desks`]), each bound to
//! the capability that permits it.

use app::api::ports::{DeskError, Desks};
use app::api::{FilingDetail, FilingRow, PublishedDetail, PublishedRow};
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::ids::is_reference;
use async_trait::async_trait;

use crate::storage::filings::{self, Scope};
use crate::storage::{publications, Db, StorageError};

/// Logs a storage failure once, here at the boundary, and hides its cause from the caller.
pub fn desk_error(e: StorageError) -> DeskError {
    match e {
        StorageError::NotFound => DeskError::NotFound,
        other => {
            tracing::error!(error = %other, "storage operation failed");
            DeskError::Internal
        }
    }
}

fn checked(reference: &str) -> Result<&str, DeskError> {
    is_reference(reference).then_some(reference).ok_or(DeskError::NotFound)
}

#[async_trait]
impl Desks for Db {
    async fn operator_filings(&self, cap: &OperatorCap) -> Result<Vec<FilingRow>, DeskError> {
        filings::list(self, Scope::Org(cap.org())).await.map_err(desk_error)
    }

    async fn operator_filing(&self, cap: &OperatorCap, reference: &str) -> Result<FilingDetail, DeskError> {
        filings::get(self, Scope::Org(cap.org()), checked(reference)?).await.map_err(desk_error)
    }

    async fn review_queue(&self, _cap: &ReviewerCap) -> Result<Vec<FilingRow>, DeskError> {
        filings::list(self, Scope::All).await.map_err(desk_error)
    }

    async fn review_filing(&self, _cap: &ReviewerCap, reference: &str) -> Result<FilingDetail, DeskError> {
        filings::get(self, Scope::All, checked(reference)?).await.map_err(desk_error)
    }

    async fn published_incidents(&self) -> Result<Vec<PublishedRow>, DeskError> {
        publications::list(self).await.map_err(desk_error)
    }

    async fn published_incident(&self, reference: &str) -> Result<PublishedDetail, DeskError> {
        publications::get(self, checked(reference)?).await.map_err(desk_error)
    }
}
