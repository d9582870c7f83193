use super::*;

#[test]
fn a_role_gives_no_scope_beyond_what_it_may_do() {
    assert!(Scope::Submit.allowed_for(Role::OperatorSignatory));
    assert!(!Scope::Submit.allowed_for(Role::OperatorOfficer));
    assert!(!Scope::File.allowed_for(Role::OperatorAdmin));
    assert!(!Scope::MinistryRead.allowed_for(Role::OperatorSignatory));
    assert!(Scope::MinistryRead.allowed_for(Role::Reviewer));
    assert!(!Scope::File.allowed_for(Role::Reviewer));
    assert_eq!(
        check_new(Role::OperatorOfficer, "ci", &["read", "submit"], "30").unwrap_err().get("scopes"),
        Some(FieldError::UnknownOption)
    );
}

#[test]
fn the_form_is_checked_field_by_field() {
    let e = check_new(Role::OperatorOfficer, "  ", &[], "400").unwrap_err();
    assert_eq!(e.get("name"), Some(FieldError::Required));
    assert_eq!(e.get("scopes"), Some(FieldError::Required));
    assert_eq!(e.get("days"), Some(FieldError::OutOfRange));
    assert_eq!(
        check_new(Role::OperatorOfficer, "x", &["read"], "soon").unwrap_err().get("days"),
        Some(FieldError::NotAWholeNumber)
    );
    let long = "가".repeat(MAX_NAME + 1);
    assert!(matches!(
        check_new(Role::OperatorOfficer, &long, &["read"], "1").unwrap_err().get("name"),
        Some(FieldError::TooLong { .. })
    ));
    let ok = check_new(Role::OperatorSignatory, " incident bot ", &["submit", "read", "read"], "365").unwrap();
    assert_eq!(ok, NewToken { name: "incident bot".into(), scopes: vec![Scope::Read, Scope::Submit], days: 365 });
}

#[test]
fn scopes_round_trip_and_unknown_ones_are_dropped() {
    assert_eq!(join(&[Scope::Submit, Scope::Read, Scope::Read]), "read,submit");
    assert_eq!(split("read,admin,submit"), vec![Scope::Read, Scope::Submit]);
}

#[test]
fn only_a_well_formed_token_yields_a_prefix() {
    let secret = "A".repeat(SECRET_LEN);
    assert_eq!(prefix_of(&format!("od_abc123xyz0_{secret}")), Some("abc123xyz0"));
    assert_eq!(prefix_of(&format!("od_ABC123XYZ0_{secret}")), None);
    assert_eq!(prefix_of(&format!("od_abc123xyz_{secret}")), None);
    assert_eq!(prefix_of(&format!("od_abc123xyz0_{secret}!")), None);
    assert_eq!(prefix_of("Bearer od_"), None);
}
