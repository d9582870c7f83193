//! Audit-log entries in words, for the case history: the action translated, and its detail
//! as labelled facts in the reader's language, with people's names instead of account ids,
//! translated codes instead of stored ones, and internal ids left out.

use crate::domain::audit::AuditAction;
use crate::domain::auth::Role;
use crate::domain::case::{ItemState, MeasureKind};
use crate::domain::duties::{any_version, Finding};
use crate::domain::filing::FilingStage;
use crate::domain::timestamp::Timestamp;
use crate::domain::zone::UserZone;
use crate::i18n::{Lang, Msg};

/// The action in words; a code this version does not know is shown as it is.
pub fn action_text(code: &str, lang: Lang) -> String {
    AuditAction::parse(code).map_or(code.to_string(), |a| a.text(lang).to_string())
}

/// Detail keys that hold an account id; the server sends the names of those accounts.
pub const PERSON_KEYS: [&str; 2] = ["drafted_by", "invited_by"];

/// Detail keys that are internal ids, meaningless to a reader (the numbers people use are
/// in other keys).
const INTERNAL_KEYS: [&str; 3] = ["item", "id", "attachment"];

/// The label of a detail key (Korean, English); `None` for a key this version does not know.
fn label(key: &str) -> Option<(&'static str, &'static str)> {
    Some(match key {
        "duty" => ("의무", "Duty"),
        "finding" => ("판단", "Finding"),
        "assignee" => ("담당자", "Assignee"),
        "note" => ("메모", "Note"),
        "stage" => ("단계", "Stage"),
        "sha256" => ("내용 해시", "Content hash"),
        "document_sha256" => ("문서 해시", "Document hash"),
        "drafted_by" => ("작성자", "Drafted by"),
        "invited_by" => ("초대한 사람", "Invited by"),
        "title" => ("제목", "Title"),
        "measure" => ("조치 번호", "Measure no."),
        "kind" => ("종류", "Kind"),
        "items" => ("이행 항목 수", "Items"),
        "number" => ("항목 번호", "Item no."),
        "verdict" => ("판정", "Verdict"),
        "reason" => ("사유", "Reason"),
        "request" => ("요청 번호", "Request no."),
        "due" => ("기한", "Due"),
        "file" => ("파일", "File"),
        "bytes" => ("크기(바이트)", "Size (bytes)"),
        "role" => ("역할", "Role"),
        "clock" => ("기한", "Clock"),
        "at" => ("시각", "When"),
        _ => return None,
    })
}

/// A stored value in the reader's words.
fn value_text(key: &str, value: &serde_json::Value, people: &[(i64, String)], lang: Lang, zone: UserZone) -> String {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let pick = |pair: (&str, &str)| lang.pick(pair.0, pair.1).to_string();
    match key {
        "duty" => any_version(&text).map_or(text.clone(), |d| format!("{} {}", d.id, pick(d.title))),
        "finding" => Finding::parse(&text).map_or(text, |f| pick(f.label())),
        "kind" => MeasureKind::parse(&text).map_or(text, |k| pick(k.label())),
        "verdict" => ItemState::parse(&text).map_or(text, |s| super::case::item_msg(s).t(lang).to_string()),
        "stage" => FilingStage::parse(&text).map_or(text, |s| super::show::stage_msg(s).t(lang).to_string()),
        "role" => Role::parse(&text).map_or(text, |r| Msg::from(r).t(lang).to_string()),
        "due" | "at" => value.as_i64().map_or(text, |t| zone.display(Timestamp(t))),
        "sha256" | "document_sha256" => text.chars().take(12).collect(),
        k if PERSON_KEYS.contains(&k) => {
            value.as_i64().and_then(|id| people.iter().find(|(p, _)| *p == id)).map_or(text, |(_, n)| n.clone())
        }
        _ => text.chars().take(120).collect(),
    }
}

/// An entry's detail (its stored JSON) as `label: value` facts joined by ` · `.
pub fn detail_text(json: &str, people: &[(i64, String)], lang: Lang, zone: UserZone) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(json) else {
        return String::new();
    };
    map.iter()
        .filter(|(k, _)| !INTERNAL_KEYS.contains(&k.as_str()))
        .map(|(k, v)| {
            let name = label(k).map_or(k.clone(), |l| lang.pick(l.0, l.1).to_string());
            format!("{name}: {}", value_text(k, v, people, lang, zone))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
#[path = "history_test.rs"]
mod tests;
