//! Data the pages show, as sent from server to browser.

use serde::{Deserialize, Serialize};

use crate::domain::auth::Role;
use crate::domain::filing::{FilingStage, FilingStatus, InitialNotification};
use crate::domain::timestamp::Timestamp;
use crate::i18n::Lang;

/// Who is signed in (if anyone) and the token their forms must carry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub user: Option<UserSummary>,
    /// Anti-forgery token for this session's forms.
    pub csrf: Option<String>,
}

/// The signed-in person, for the header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub display_name: String,
    pub role: Role,
    pub org_name_ko: Option<String>,
    pub org_name_en: Option<String>,
}

/// A bilingual name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    pub ko: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> String {
        lang.pick(&self.ko, &self.en).to_string()
    }
}

/// One filing in a list (operator dashboard or review queue).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingRow {
    pub reference: String,
    pub incident_reference: String,
    pub org: Names,
    pub title: String,
    pub stage: FilingStage,
    pub status: FilingStatus,
    pub submitted_at: Timestamp,
}

/// One filing with its frozen content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingDetail {
    pub reference: String,
    pub incident_reference: String,
    pub org: Names,
    pub stage: FilingStage,
    pub status: FilingStatus,
    pub version: u32,
    pub submitted_at: Timestamp,
    pub submitted_by: String,
    pub content_sha256: String,
    pub content: InitialNotification,
}

/// One published incident summary in the public list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedRow {
    pub reference: String,
    pub org: Names,
    pub headline: Names,
    pub onset_at: Timestamp,
    pub published_at: Timestamp,
}

/// A published incident summary: only fields meant for the public.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedDetail {
    pub row: PublishedRow,
    pub summary: Names,
    pub services_affected: Vec<String>,
    pub cause_category: crate::domain::filing::CauseCategory,
}
