use super::*;

fn caller(role: Role, org: Option<i64>) -> Caller {
    Caller {
        user_id: UserId(7),
        display_name: "x".into(),
        role,
        org_id: org.map(OrgId),
        org_name_ko: None,
        org_name_en: None,
    }
}

#[test]
fn role_names_round_trip() {
    for r in Role::ALL {
        assert_eq!(Role::parse(r.as_str()), Some(r));
    }
    assert_eq!(Role::parse("root"), None);
}

#[test]
fn operator_capability_is_bound_to_the_callers_organisation() {
    let cap = caller(Role::OperatorOfficer, Some(3)).operator().expect("officer is an operator");
    assert_eq!(cap.org(), OrgId(3));
    assert!(cap.can_file());
    assert!(!caller(Role::OperatorAdmin, Some(3)).operator().expect("admin").can_file());
    // an operator role without an organisation gets nothing
    assert!(caller(Role::OperatorOfficer, None).operator().is_none());
}

#[test]
fn capabilities_do_not_cross_sides() {
    for r in [Role::Reviewer, Role::ReviewLead, Role::SystemAdmin] {
        assert!(caller(r, Some(1)).operator().is_none(), "{r:?}");
    }
    for r in [Role::OperatorOfficer, Role::OperatorSignatory, Role::OperatorAdmin, Role::SystemAdmin] {
        assert!(caller(r, Some(1)).reviewer().is_none(), "{r:?}");
    }
    assert!(caller(Role::Reviewer, None).reviewer().is_some());
}
