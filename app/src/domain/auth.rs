//! Roles and capabilities. Storage operations take a capability handle, never a role:
//! an [`OperatorCap`] carries its organisation inside, so a request cannot name another one.

use serde::{Deserialize, Serialize};

use super::ids::{OrgId, UserId};

/// What a person may do. Operator roles belong to one organisation; ministry roles to none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Drafts and files reports for their organisation.
    OperatorOfficer,
    /// Authorised signatory of the organisation: approves and submits filings.
    OperatorSignatory,
    /// Manages the organisation's profile and team.
    OperatorAdmin,
    /// Ministry reviewer.
    Reviewer,
    /// Ministry review lead: assigns and approves.
    ReviewLead,
    /// Runs the service.
    SystemAdmin,
}

impl Role {
    /// Every role, in a stable order.
    pub const ALL: [Role; 6] = [
        Role::OperatorOfficer,
        Role::OperatorSignatory,
        Role::OperatorAdmin,
        Role::Reviewer,
        Role::ReviewLead,
        Role::SystemAdmin,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::OperatorOfficer => "operator_officer",
            Role::OperatorSignatory => "operator_signatory",
            Role::OperatorAdmin => "operator_admin",
            Role::Reviewer => "reviewer",
            Role::ReviewLead => "review_lead",
            Role::SystemAdmin => "system_admin",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the role may open incidents and file reports.
    pub fn can_file(self) -> bool {
        matches!(self, Role::OperatorOfficer | Role::OperatorSignatory)
    }

    /// Whether the role may approve and submit a filing on the organisation's behalf.
    pub fn can_sign(self) -> bool {
        self == Role::OperatorSignatory
    }

    /// Whether the role may edit the organisation's profile.
    pub fn can_admin(self) -> bool {
        self == Role::OperatorAdmin
    }

    /// Whether the role belongs to a reporting organisation.
    pub fn is_operator(self) -> bool {
        matches!(self, Role::OperatorOfficer | Role::OperatorSignatory | Role::OperatorAdmin)
    }
}

/// The signed-in person making a request, as loaded from storage by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub user_id: UserId,
    pub display_name: String,
    pub role: Role,
    /// Set for operator roles only.
    pub org_id: Option<OrgId>,
    /// The organisation's names, for display.
    pub org_name_ko: Option<String>,
    pub org_name_en: Option<String>,
}

/// Permission to act for one organisation. Only [`Caller::operator`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorCap {
    user: UserId,
    org: OrgId,
    can_file: bool,
    can_sign: bool,
    can_admin: bool,
}

impl OperatorCap {
    /// The person acting.
    pub fn user(&self) -> UserId {
        self.user
    }
    /// The only organisation this handle can read or write.
    pub fn org(&self) -> OrgId {
        self.org
    }
    /// Whether the person may open incidents and edit drafts (officers and signatories).
    pub fn can_file(&self) -> bool {
        self.can_file
    }
    /// Whether the person may edit the organisation's profile (organisation admins only).
    pub fn can_admin(&self) -> bool {
        self.can_admin
    }
    /// Whether the person may approve and submit a version (authorised signatories only).
    pub fn can_sign(&self) -> bool {
        self.can_sign
    }
}

/// Permission to read every submitted filing and publish summaries. Only
/// [`Caller::reviewer`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewerCap {
    user: UserId,
    lead: bool,
}

impl ReviewerCap {
    /// The reviewer acting.
    pub fn user(&self) -> UserId {
        self.user
    }
    /// Review leads assign cases and approve publications (never their own drafts).
    pub fn is_lead(&self) -> bool {
        self.lead
    }
}

/// Permission to run the service: the outbox, organisations, ministry staff. Only
/// [`Caller::admin`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminCap {
    user: UserId,
}

impl AdminCap {
    /// The administrator acting.
    pub fn user(&self) -> UserId {
        self.user
    }
}

impl Caller {
    /// The system administrator's capability.
    pub fn admin(&self) -> Option<AdminCap> {
        (self.role == Role::SystemAdmin).then_some(AdminCap { user: self.user_id })
    }

    /// The operator capability, if this person works for a reporting organisation.
    pub fn operator(&self) -> Option<OperatorCap> {
        let org = self.org_id?;
        self.role.is_operator().then(|| OperatorCap {
            user: self.user_id,
            org,
            can_file: self.role.can_file(),
            can_sign: self.role.can_sign(),
            can_admin: self.role.can_admin(),
        })
    }

    /// The reviewer capability, if this person works for the ministry.
    pub fn reviewer(&self) -> Option<ReviewerCap> {
        matches!(self.role, Role::Reviewer | Role::ReviewLead)
            .then_some(ReviewerCap { user: self.user_id, lead: self.role == Role::ReviewLead })
    }
}

#[cfg(test)]
#[path = "auth_test.rs"]
mod tests;
