use super::*;

#[test]
fn required_for_ministry_staff_signatories_and_the_system_administrator_only() {
    let required: Vec<Role> = Role::ALL.into_iter().filter(|r| required_for(*r)).collect();
    assert_eq!(required, vec![Role::OperatorSignatory, Role::Reviewer, Role::ReviewLead, Role::SystemAdmin]);
    assert!(may_turn_off(Role::OperatorOfficer));
    assert!(may_turn_off(Role::OperatorAdmin));
    assert!(!may_turn_off(Role::ReviewLead));
}

#[test]
fn standing_follows_role_and_enrolment() {
    assert_eq!(standing(Role::Reviewer, false), Standing::Missing);
    assert_eq!(standing(Role::Reviewer, true), Standing::On);
    assert_eq!(standing(Role::OperatorOfficer, false), Standing::Off);
    assert_eq!(standing(Role::OperatorOfficer, true), Standing::On);
}

#[test]
fn steps_are_thirty_seconds_counted_from_the_epoch() {
    // RFC 6238 appendix B: T = 59 s is step 1, T = 1111111109 is step 37037036
    assert_eq!(step_of(0), 0);
    assert_eq!(step_of(29), 0);
    assert_eq!(step_of(30), 1);
    assert_eq!(step_of(59), 1);
    assert_eq!(step_of(1_111_111_109), 37_037_036);
    assert_eq!(step_of(-1), -1);
}

#[test]
fn the_current_step_and_its_neighbours_are_acceptable() {
    assert_eq!(acceptable_steps(59, None), vec![0, 1, 2]);
    assert_eq!(acceptable_steps(60, None), vec![1, 2, 3]);
}

#[test]
fn a_used_step_and_every_step_before_it_are_never_accepted_again() {
    assert_eq!(acceptable_steps(60, Some(1)), vec![2, 3]);
    assert_eq!(acceptable_steps(60, Some(2)), vec![3]);
    assert_eq!(acceptable_steps(60, Some(3)), Vec::<i64>::new());
    // a code accepted early (its app running ahead) still blocks the older ones
    assert_eq!(acceptable_steps(60, Some(10)), Vec::<i64>::new());
    assert_eq!(acceptable_steps(60, Some(-5)), vec![1, 2, 3]);
}

#[test]
fn six_digits_are_an_app_code_whatever_the_spacing() {
    assert_eq!(parse_factor("123456"), Ok(SecondFactor::Code("123456".into())));
    assert_eq!(parse_factor(" 123 456 "), Ok(SecondFactor::Code("123456".into())));
    assert_eq!(parse_factor("123-456"), Ok(SecondFactor::Code("123456".into())));
    assert_eq!(parse_app_code("123 456"), Ok("123456".into()));
}

#[test]
fn recovery_codes_are_read_in_any_case_with_or_without_the_hyphen() {
    assert_eq!(parse_factor("abcde-fghjk"), Ok(SecondFactor::Recovery("abcdefghjk".into())));
    assert_eq!(parse_factor("ABCDE FGHJK"), Ok(SecondFactor::Recovery("abcdefghjk".into())));
    assert_eq!(parse_app_code("abcde-fghjk"), Err(CodeShape::Malformed));
}

#[test]
fn anything_else_is_refused_before_any_check() {
    assert_eq!(parse_factor(""), Err(CodeShape::Empty));
    assert_eq!(parse_factor("  - "), Err(CodeShape::Empty));
    assert_eq!(parse_factor("12345"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor("1234567"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor("12345a"), Err(CodeShape::Malformed));
    // confusable characters are not in the alphabet, so a code with them is mistyped
    assert_eq!(parse_factor("abcde-fghj0"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor("abcde-fghjl"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor("١٢٣٤٥٦"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor("<script>"), Err(CodeShape::Malformed));
    assert_eq!(parse_factor(&"1".repeat(100_000)), Err(CodeShape::Malformed));
}

#[test]
fn the_alphabet_has_no_confusable_or_repeated_characters() {
    for c in b"01ilo" {
        assert!(!RECOVERY_ALPHABET.contains(c), "{}", *c as char);
    }
    let mut sorted = RECOVERY_ALPHABET.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), RECOVERY_ALPHABET.len());
}

#[test]
fn codes_and_keys_are_printed_in_groups() {
    assert_eq!(format_recovery("abcdefghjk"), "abcde-fghjk");
    assert_eq!(format_recovery("short"), "short");
    assert_eq!(format_key("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
    assert_eq!(format_key("ABCDEF"), "ABCD EF");
}
