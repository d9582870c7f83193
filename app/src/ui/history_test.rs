use super::*;

#[test]
fn actions_read_back_in_words_and_unknown_codes_as_they_are() {
    assert_eq!(action_text("case.closed", Lang::En), "Case closed");
    assert_eq!(action_text("x.y", Lang::Ko), "x.y");
}

#[test]
fn details_name_people_translate_codes_and_hide_internal_ids() {
    let people = [(7, "박서연".to_string())];
    let filed = r#"{"stage":"initial","sha256":"0123456789abcdef0123","drafted_by":7}"#;
    let ko = detail_text(filed, &people, Lang::Ko, UserZone::Seoul);
    assert!(ko.contains("작성자: 박서연"), "{ko}");
    assert!(ko.contains("단계: 최초 보고") || ko.contains("단계: 최초"), "{ko}");
    assert!(ko.contains("내용 해시: 0123456789ab") && !ko.contains("0123456789abcdef"), "{ko}");
    assert!(!ko.contains(": 7"), "no account id: {ko}");

    let verified = r#"{"item":912,"number":2,"verdict":"accepted","reason":"확인"}"#;
    let en = detail_text(verified, &[], Lang::En, UserZone::Utc);
    assert!(!en.contains("912"), "internal item id left out: {en}");
    assert!(en.contains("Item no.: 2") && en.contains("Reason: 확인"), "{en}");
    assert!(!en.contains("Verdict: accepted"), "verdict translated: {en}");
    let accepted = super::super::case::item_msg(ItemState::Accepted).t(Lang::En);
    assert!(en.contains(&format!("Verdict: {accepted}")), "{en}");

    let asked = r#"{"request":1,"due":1767225600}"#;
    let due = detail_text(asked, &[], Lang::En, UserZone::Utc);
    assert!(due.contains("Due: 2026-01-01 00:00"), "{due}");

    let found = r#"{"finding":"non_compliant"}"#;
    assert_eq!(detail_text(found, &[], Lang::En, UserZone::Utc), "Finding: Non-compliant");
    assert_eq!(detail_text("not json", &[], Lang::En, UserZone::Utc), "");
    assert_eq!(detail_text(r#"{"new_key":"x"}"#, &[], Lang::En, UserZone::Utc), "new_key: x");
}
