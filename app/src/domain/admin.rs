//! The system administrator's forms, checked the same way in the browser and the server:
//! a new organisation (its short name, names, the standing facts its profile starts with,
//! and its first admin), an organisation's edit, and a ministry staff invitation.

use std::collections::BTreeMap;

use super::auth::Role;
use super::report::Content;
use super::validation::{email_problem, FieldError, FieldErrors};

/// The profile answers an administrator sets (keys of `profile_fields::PROFILE`).
pub const PROFILE_FACTS: [&str; 6] =
    ["legal_name_ko", "legal_name_en", "biz_reg_no", "contact_name", "contact_phone", "contact_email"];

/// Whether `s` is a usable short name: 2–40 lower-case ASCII letters, digits and inner
/// hyphens (it becomes part of public addresses such as `/operators/{slug}`).
pub fn is_slug(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

fn line(fields: &BTreeMap<String, String>, key: &str, max: usize, errors: &mut FieldErrors) -> String {
    let v = fields.get(key).map(|v| v.trim().to_string()).unwrap_or_default();
    if v.is_empty() {
        errors.add(key, FieldError::Required);
    } else if let Some(e) = FieldError::length(&v, max) {
        errors.add(key, e);
    }
    v
}

fn email(fields: &BTreeMap<String, String>, key: &str, errors: &mut FieldErrors) -> String {
    let v = fields.get(key).map(|v| v.trim().to_lowercase()).unwrap_or_default();
    if let Some(e) = email_problem(&v) {
        errors.add(key, e);
    }
    v
}

/// An organisation's names and standing facts, as edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgDetails {
    pub name_ko: String,
    pub name_en: String,
    pub facts: Content,
}

/// Reads the names and facts of an organisation form.
pub fn org_details(fields: &BTreeMap<String, String>, errors: &mut FieldErrors) -> OrgDetails {
    let name_ko = line(fields, "name_ko", 200, errors);
    let name_en = line(fields, "name_en", 200, errors);
    let mut facts = Content::default();
    for key in PROFILE_FACTS {
        let v = if key == "contact_email" { email(fields, key, errors) } else { line(fields, key, 200, errors) };
        facts.set(key, v);
    }
    OrgDetails { name_ko, name_en, facts }
}

/// A new organisation with its first admin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOrg {
    pub slug: String,
    pub details: OrgDetails,
    pub admin_name: String,
    pub admin_email: String,
}

/// Reads the new-organisation form.
pub fn new_org(fields: &BTreeMap<String, String>) -> Result<NewOrg, FieldErrors> {
    let mut errors = FieldErrors::default();
    let slug = fields.get("slug").map(|v| v.trim().to_lowercase()).unwrap_or_default();
    if slug.is_empty() {
        errors.add("slug", FieldError::Required);
    } else if !is_slug(&slug) {
        errors.add("slug", FieldError::InvalidSlug);
    }
    let details = org_details(fields, &mut errors);
    let admin_name = line(fields, "admin_name", 100, &mut errors);
    let admin_email = email(fields, "admin_email", &mut errors);
    if errors.is_empty() {
        Ok(NewOrg { slug, details, admin_name, admin_email })
    } else {
        Err(errors)
    }
}

/// A ministry staff invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffInvite {
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// The roles ministry staff can be given here.
pub fn staff_role(code: &str) -> Option<Role> {
    Role::parse(code).filter(|r| matches!(r, Role::Reviewer | Role::ReviewLead))
}

/// Reads the staff invitation form.
pub fn staff_invite(fields: &BTreeMap<String, String>) -> Result<StaffInvite, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = line(fields, "name", 100, &mut errors);
    let email = email(fields, "email", &mut errors);
    let role = staff_role(fields.get("role").map(String::as_str).unwrap_or(""));
    if role.is_none() {
        errors.add("role", FieldError::UnknownOption);
    }
    match role {
        Some(role) if errors.is_empty() => Ok(StaffInvite { name, email, role }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    const GOOD: [(&str, &str); 11] = [
        ("slug", "pangyo-talk"),
        ("name_ko", "판교톡"),
        ("name_en", "Pangyo Talk"),
        ("legal_name_ko", "판교톡 주식회사"),
        ("legal_name_en", "Pangyo Talk Corp."),
        ("biz_reg_no", "123-45-67890"),
        ("contact_name", "상황실"),
        ("contact_phone", "02-000-0000"),
        ("contact_email", "NOC@Pangyo.example"),
        ("admin_name", "김관리"),
        ("admin_email", "Admin@Pangyo.example"),
    ];

    #[test]
    fn slugs_are_short_lower_case_and_hyphenated_inside() {
        for good in ["ab", "pangyo-talk", "kt2", "a-b-c"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["a", "-ab", "ab-", "a--b", "Pangyo", "판교", "a b", "a/b", &"x".repeat(41)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn a_complete_form_makes_an_organisation_with_lower_case_addresses() {
        let Ok(o) = new_org(&form(&GOOD)) else { panic!("a complete form is valid") };
        assert_eq!(o.slug, "pangyo-talk");
        assert_eq!(o.admin_email, "admin@pangyo.example");
        assert_eq!(o.details.facts.get("contact_email"), "noc@pangyo.example");
        assert_eq!(o.details.facts.get("biz_reg_no"), "123-45-67890");
    }

    #[test]
    fn each_missing_or_bad_field_is_named() {
        let mut bad = form(&GOOD);
        bad.insert("slug".into(), "Pangyo Talk".into());
        bad.insert("admin_email".into(), "not an address".into());
        bad.remove("contact_phone");
        bad.insert("name_en".into(), "x".repeat(201));
        let Err(e) = new_org(&bad) else { panic!("a bad form is refused") };
        assert_eq!(e.get("slug"), Some(FieldError::InvalidSlug));
        assert_eq!(e.get("admin_email"), Some(FieldError::InvalidEmail));
        assert_eq!(e.get("contact_phone"), Some(FieldError::Required));
        assert_eq!(e.get("name_en"), Some(FieldError::TooLong { max: 200, got: 201 }));
    }

    #[test]
    fn staff_are_reviewers_or_leads_only() {
        let ok = staff_invite(&form(&[("name", "박심사"), ("email", "p@msit.example"), ("role", "review_lead")]));
        assert_eq!(ok.map(|s| s.role), Ok(Role::ReviewLead));
        for role in ["system_admin", "operator_admin", ""] {
            let e = staff_invite(&form(&[("name", "x"), ("email", "p@msit.example"), ("role", role)]));
            assert_eq!(e.err().and_then(|e| e.get("role")), Some(FieldError::UnknownOption), "{role}");
        }
    }
}
