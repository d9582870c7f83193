use super::*;

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

#[test]
fn facts_come_from_the_published_answers() {
    let c = content(&[
        ("onset_at", "2022-10-15T06:19:00Z"),
        ("restored_at", "2022-10-20T14:00:00Z"),
        ("users_affected", "40000000"),
        ("cause_category", "EXTERNAL_EVENT"),
        ("services_affected", "메신저\n\n  로그인  \n"),
        ("downstream_dependents", "철도 예매 앱\n가상자산 거래소"),
        ("indicators_of_compromise", "never public"),
    ]);
    let f = PublicFacts::of(&c, &[]);
    assert_eq!(f.duration_min, Some(7_661));
    assert_eq!(f.user_minutes, Some(306_440_000_000));
    assert_eq!(f.services, vec!["메신저", "로그인"]);
    assert_eq!(f.dependents, vec!["철도 예매 앱", "가상자산 거래소"]);
    assert_eq!(f.year, Some(2022));
    assert_eq!(f.commitments, Some(Commitments::None));
    let text = f.search_text("OD-2022-000001", ("판교톡 장애", "Pangyo Talk outage"), ("판교톡", "Pangyo Talk"));
    assert!(text.contains("pangyo talk outage") && text.contains("철도 예매 앱") && text.contains("od-2022-000001"));
    assert!(!text.contains("never public"));
}

#[test]
fn an_outage_not_yet_restored_has_no_duration_and_the_year_is_korean() {
    // 31 December 2025 20:00 UTC is 1 January 2026 in Korea
    let f = PublicFacts::of(&content(&[("onset_at", "2025-12-31T20:00:00Z"), ("users_affected", "5")]), &[]);
    assert_eq!((f.duration_min, f.user_minutes, f.year), (None, None, Some(2026)));
    let reversed = content(&[("onset_at", "2026-01-02T00:00:00Z"), ("restored_at", "2026-01-01T00:00:00Z")]);
    assert_eq!(PublicFacts::of(&reversed, &[]).duration_min, None, "restoration before onset is no duration");
}

#[test]
fn commitments_are_open_until_every_item_is_done_and_verified_when_all_are() {
    use ItemState::*;
    let t = |s| Timestamp(s);
    assert_eq!(Commitments::of(&[]), (Commitments::None, None));
    assert_eq!(
        Commitments::of(&[(t(20), vec![Accepted]), (t(10), vec![Required, Done])]),
        (Commitments::Open, Some(t(10)))
    );
    assert_eq!(Commitments::of(&[(t(20), vec![Rejected]), (t(10), vec![Accepted])]), (Commitments::Open, Some(t(20))));
    assert_eq!(Commitments::of(&[(t(20), vec![Done, Accepted])]), (Commitments::Done, None));
    assert_eq!(Commitments::of(&[(t(20), vec![Waived, Accepted])]), (Commitments::Verified, None));
    for c in [Commitments::None, Commitments::Open, Commitments::Done, Commitments::Verified] {
        assert_eq!(Commitments::parse(c.as_str()), Some(c));
    }
}

#[test]
fn duration_bands_cover_every_minute_once() {
    assert_eq!(DurationBand::of(0), DurationBand::UnderHour);
    assert_eq!(DurationBand::of(59), DurationBand::UnderHour);
    assert_eq!(DurationBand::of(60), DurationBand::HoursOneToSix);
    assert_eq!(DurationBand::of(1_439), DurationBand::HoursSixToDay);
    assert_eq!(DurationBand::of(1_440), DurationBand::DaysOneToThree);
    assert_eq!(DurationBand::of(7_661), DurationBand::OverThreeDays);
    for b in DurationBand::ALL {
        assert_eq!(DurationBand::parse(b.as_str()), Some(b));
    }
}

#[test]
fn medians_of_odd_and_even_counts() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [30, 10, 20]), Some(20));
    assert_eq!(median(&mut [40, 10, 20, 30]), Some(25));
}

#[test]
fn a_query_round_trips_through_its_link_and_drops_what_it_cannot_read() {
    let q = SearchQuery::from_pairs([
        ("q", "  Pangyo   TALK "),
        ("operator", "pangyo-talk"),
        ("cause", "EXTERNAL_EVENT"),
        ("year", "2022"),
        ("duration", "gt3d"),
        ("commitments", "overdue"),
        ("after", "1665814740.17"),
        ("unknown", "x"),
    ]);
    assert_eq!(q.q, "pangyo talk");
    assert_eq!(q.after, Some(Cursor { sort_at: 1_665_814_740, id: 17 }));
    let link = q.to_query(q.after);
    let again = SearchQuery::from_pairs(link.split('&').filter_map(|kv| kv.split_once('=')));
    assert_eq!(again.operator, q.operator);
    assert_eq!((again.year, again.band, again.commitments), (q.year, q.band, q.commitments));
    let bad = SearchQuery::from_pairs([
        ("year", "99999"),
        ("duration", "forever"),
        ("operator", "<script>"),
        ("after", "x.y"),
    ]);
    assert_eq!(bad, SearchQuery { operator: "script".into(), ..SearchQuery::default() });
    assert!(!SearchQuery::default().is_filtered() && q.is_filtered());
    let long = SearchQuery::from_pairs([("q", "가".repeat(10_000).as_str())]);
    assert_eq!(long.q.chars().count(), 100);
}

#[test]
fn text_is_encoded_in_links_and_matched_literally() {
    let q = SearchQuery { q: "판교 & 100%".into(), ..SearchQuery::default() };
    assert_eq!(q.to_query(None), "q=%ED%8C%90%EA%B5%90%20%26%20100%25");
    assert_eq!(SearchQuery::like("100%_a\\b"), "%100\\%\\_a\\\\b%");
}

#[test]
fn year_figures_against_a_hand_computed_record() {
    // 2022: 7,661 min (40 M users), 60 min (10 users), one not restored; 2021: 141 min
    let incidents = [
        (Some(2022), Some(7_661), Some(306_440_000_000)),
        (Some(2022), Some(60), Some(600)),
        (Some(2022), None, None),
        (Some(2021), Some(141), None),
        (None, Some(5), Some(5)),
    ];
    let figures = year_figures(&incidents);
    assert_eq!(figures, vec![(2022, 3, 7_721, Some(3_860), 5_107_333_343), (2021, 1, 141, Some(141), 0)]);
}

#[test]
fn causes_are_counted_most_frequent_first() {
    let counts = cause_counts(["POWER", "SYSTEM_FAILURE", "POWER", "", "HUMAN_ERROR", "SYSTEM_FAILURE", "POWER"]);
    assert_eq!(counts, vec![("POWER".into(), 3), ("SYSTEM_FAILURE".into(), 2), ("HUMAN_ERROR".into(), 1)]);
}

#[test]
fn a_measure_is_overdue_once_its_deadline_passes_with_items_open() {
    use ItemState::*;
    let due = Timestamp(1_000);
    assert_eq!(measure_status(due, &[Required], Timestamp(999)), CommitmentFilter::Open);
    assert_eq!(measure_status(due, &[Required], Timestamp(1_001)), CommitmentFilter::Overdue);
    assert_eq!(measure_status(due, &[Done], Timestamp(1_001)), CommitmentFilter::Done);
    assert_eq!(measure_status(due, &[Accepted, Waived], Timestamp(1_001)), CommitmentFilter::Verified);
    assert_eq!(measure_status(due, &[], Timestamp(1_001)), CommitmentFilter::None);
}

#[test]
fn an_operators_record_lists_overdue_commitments_first_and_none_last() {
    let mut all = CommitmentFilter::ALL.to_vec();
    all.sort_by_key(|c| c.urgency());
    assert_eq!(
        all,
        [
            CommitmentFilter::Overdue,
            CommitmentFilter::Open,
            CommitmentFilter::Done,
            CommitmentFilter::Verified,
            CommitmentFilter::None
        ]
    );
}
