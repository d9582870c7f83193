//! The bell: opening a notification (marks it read, goes to its page), marking all read,
//! and the person's choice of e-mails.

use app::domain::auth::Caller;
use app::domain::notice::{NoticeKind, Side};
use axum::extract::{Path, State};
use axum::http::Extensions;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::notifications;

super::routes::route_table! {
    get "/account/notifications/{id}" => open, SignedIn;
    post "/account/notifications/read" => read_all, SignedIn;
    post "/account/notifications/settings" => settings, SignedIn;
}

fn caller(ext: &Extensions) -> Result<Caller, AppError> {
    ext.get::<Caller>().cloned().ok_or(AppError::Forbidden)
}

/// The side of the desk a person's notifications come from.
pub fn side_of(c: &Caller) -> Side {
    if c.reviewer().is_some() {
        Side::Ministry
    } else {
        Side::Operator
    }
}

/// GET /account/notifications/{id}: a link in the list; marking read is harmless to repeat,
/// so a plain link does it (no script, no form).
pub async fn open(State(state): State<AppState>, ext: Extensions, Path(id): Path<i64>) -> Answer {
    let who = caller(&ext)?;
    let page = notifications::open(&state.db, who.user_id, id, state.clock.now()).await?;
    Ok(see_other(&page))
}

/// POST /account/notifications/read: every notification of the person read.
pub async fn read_all(State(state): State<AppState>, form: PostedForm) -> Answer {
    let who = caller(&form.parts.extensions)?;
    notifications::read_all(&state.db, who.user_id, state.clock.now()).await?;
    Ok(see_other("/account/notifications"))
}

/// POST /account/notifications/settings: `email_<kind>` ticked for each kind wanted by e-mail.
pub async fn settings(State(state): State<AppState>, form: PostedForm) -> Answer {
    let who = caller(&form.parts.extensions)?;
    let unwanted: Vec<NoticeKind> = NoticeKind::of_side(side_of(&who))
        .filter(|k| !form.fields.contains_key(&format!("email_{}", k.code())))
        .collect();
    notifications::set_optouts(&state.db, who.user_id, &unwanted).await?;
    Ok(see_other("/account/notifications?saved=1"))
}
