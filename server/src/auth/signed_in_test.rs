use super::*;
use app::domain::auth::{Caller, Role};

fn account(epoch: i64, disabled: bool) -> Account {
    let caller = Caller {
        user_id: UserId(1),
        display_name: "x".into(),
        role: Role::Reviewer,
        org_id: None,
        org_name_ko: None,
        org_name_en: None,
    };
    Account {
        caller,
        session_epoch: epoch,
        must_change_password: false,
        disabled,
        lang: app::i18n::Lang::Ko,
        two_step: app::domain::two_step::Standing::Off,
        session_live: true,
        unread: 0,
    }
}
const T0: i64 = 1_800_000_000;
fn marks(seen: i64) -> Marks {
    Marks { epoch: Some(2), signed_in: Some(T0), seen: Some(seen) }
}

#[test]
fn activity_keeps_a_session_until_the_absolute_limit() {
    let a = account(2, false);
    // active every hour: holds for 11 h 59 min, not at 12 h
    assert!(marks(T0 + 11 * 3600).hold(Timestamp(T0 + ABSOLUTE_SECS - 60), &a));
    assert!(!marks(T0 + 11 * 3600).hold(Timestamp(T0 + ABSOLUTE_SECS), &a));
}

#[test]
fn eight_hours_without_activity_end_it() {
    let a = account(2, false);
    assert!(marks(T0).hold(Timestamp(T0 + INACTIVITY_SECS - 1), &a));
    assert!(!marks(T0).hold(Timestamp(T0 + INACTIVITY_SECS), &a));
}

#[test]
fn another_epoch_or_a_disabled_account_ends_it() {
    assert!(!marks(T0).hold(Timestamp(T0 + 1), &account(3, false)), "password changed elsewhere");
    assert!(!marks(T0).hold(Timestamp(T0 + 1), &account(2, true)), "disabled");
    let unmarked = Marks { epoch: None, signed_in: None, seen: None };
    assert!(!unmarked.hold(Timestamp(T0), &account(0, false)), "a session from before these marks");
}

#[test]
fn activity_is_written_back_every_few_minutes_only() {
    assert!(!marks(T0).need_touch(Timestamp(T0 + TOUCH_EVERY_SECS - 1)));
    assert!(marks(T0).need_touch(Timestamp(T0 + TOUCH_EVERY_SECS)));
}
