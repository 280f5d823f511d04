//! An item of the notice as a full sentence with its deadline, and its source for the
//! appendix.

use chrono::NaiveDate;

use super::{short_date, ItemText, Lang};
use crate::domain::{BlockerKind, SourceRef};
use crate::journal::record::{Change, Field, TriageState};
use crate::journal::state::ItemDecision;
use crate::snapshot::Snapshot;
use crate::text::{one_line, strip_html};

/// The units an item is grouped under: the one decided, else its lead / responsible units.
pub(super) fn units_of(snapshot: &Snapshot, id: &str, d: &ItemDecision) -> Vec<String> {
    if let Some(u) = &d.unit {
        return vec![u.clone()];
    }
    if let Some(i) = snapshot.task_index(id) {
        return snapshot.tasks[i]
            .lead_units
            .iter()
            .map(|u| u.to_string())
            .collect();
    }
    if let Some(i) = snapshot.blocker_index(id) {
        return snapshot.blockers[i]
            .responsible
            .iter()
            .map(|u| u.to_string())
            .collect();
    }
    Vec::new()
}

fn sentence_end(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ';', ',']);
    format!("{s}.")
}

/// An item's conclusion as a full sentence with its deadline, its subject, and its source;
/// none when nothing but the agenda flag was decided on it in the period.
pub(super) fn item_of(
    snapshot: &Snapshot,
    id: &str,
    d: &ItemDecision,
    since: Option<NaiveDate>,
    lang: Lang,
) -> Option<ItemText> {
    let recent: Vec<_> = d
        .history
        .iter()
        .filter(|h| since.is_none_or(|s| h.at.date_naive() >= s))
        .filter(|h| !matches!(h.change.field(), Field::Agenda | Field::Note))
        .collect();
    if recent.is_empty() {
        return None;
    }
    let vi = lang == Lang::Vi;
    let clean = |s: &str| {
        one_line(&strip_html(s))
            .trim_end_matches(['.', ';', ':', ','])
            .to_string()
    };
    let (order, idx, subject, report, source, reported_deadline) =
        if let Some(i) = snapshot.task_index(id) {
            let t = &snapshot.tasks[i];
            let subject = if vi {
                format!("Nhiệm vụ “{}”", clean(&t.title))
            } else {
                format!("The task “{}”", clean(&t.title))
            };
            (
                0u8,
                i,
                subject,
                &t.report,
                &t.source,
                Some(clean(&t.deadline_raw)),
            )
        } else {
            let i = snapshot.blocker_index(id)?;
            let b = &snapshot.blockers[i];
            let kind = match (b.kind, vi) {
                (BlockerKind::Difficulty, true) => "Khó khăn, vướng mắc",
                (BlockerKind::Gap, true) => "Tồn tại, hạn chế",
                (BlockerKind::Proposal, true) => "Kiến nghị",
                (BlockerKind::Difficulty, false) => "The difficulty",
                (BlockerKind::Gap, false) => "The gap",
                (BlockerKind::Proposal, false) => "The proposal",
            };
            (
                1u8,
                i,
                format!("{kind} “{}”", clean(&b.text)),
                &b.report,
                &b.source,
                None,
            )
        };
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = d.conclusion.as_deref().filter(|c| !c.trim().is_empty()) {
        parts.push(sentence_end(&one_line(c)));
    }
    let state_phrase = match (d.state, vi) {
        (Some(TriageState::Escalated), true) => Some("Báo cáo cấp có thẩm quyền xem xét, chỉ đạo."),
        (Some(TriageState::Resolved), true) => {
            Some("Ghi nhận đã giải quyết xong, không tiếp tục theo dõi.")
        }
        (Some(TriageState::Deferred), true) => Some("Tạm hoãn, xem xét lại tại cuộc họp sau."),
        (Some(TriageState::Acknowledged), true) => Some("Tiếp tục theo dõi, đôn đốc thực hiện."),
        (Some(TriageState::Escalated), false) => {
            Some("To be reported to the competent authority for direction.")
        }
        (Some(TriageState::Resolved), false) => Some("Noted as settled; no longer followed."),
        (Some(TriageState::Deferred), false) => Some("Deferred to a later meeting."),
        (Some(TriageState::Acknowledged), false) => Some("To be followed up and urged on."),
        _ => None,
    };
    let state_changed = recent.iter().any(|h| h.change.field() == Field::State);
    match state_phrase {
        Some(p) if state_changed || parts.is_empty() => parts.push(p.to_string()),
        _ => {}
    }
    if parts.is_empty() {
        parts.push(if vi {
            "Tiếp tục triển khai thực hiện.".into()
        } else {
            "To be carried on.".into()
        });
    }
    if let Some(u) = &d.unit {
        let name = Change::Unit(u.clone()).value_text(Some(snapshot), lang);
        parts.push(if vi {
            format!("Giao {name} chủ trì thực hiện.")
        } else {
            format!("{name} is to lead it.")
        });
    }
    let closed = d
        .state
        .is_some_and(|s| matches!(s, TriageState::Resolved | TriageState::Deferred));
    if !closed {
        let deadline = match (d.due, reported_deadline.filter(|r| !r.is_empty())) {
            (Some(due), _) => Some(short_date(due, lang)),
            (None, Some(raw)) => Some(if vi {
                format!("{raw} (theo báo cáo)")
            } else {
                format!("{raw} (as reported)")
            }),
            (None, None) => None,
        };
        parts.push(match (deadline, vi) {
            (Some(x), true) => format!("Thời hạn: {x}."),
            (Some(x), false) => format!("Deadline: {x}."),
            (None, true) => "Thời hạn: chưa ấn định.".into(),
            (None, false) => "Deadline: not set.".into(),
        });
    }
    let about = match lang {
        Lang::Vi => format!("Về {}", lower_first(&subject)),
        Lang::En => format!("On {}", lower_first(&subject)),
    };
    let sentence = format!("{about}: {}", parts.join(" "));
    Some((
        order,
        idx,
        sentence,
        subject,
        source_text(snapshot, report, source, lang),
    ))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

/// "Bình Định 258/BC-UBND, Phụ lục 01, dòng 23": report, appendix and row as printed; no
/// file line (that is for the data's keepers, not for the notice).
fn source_text(snapshot: &Snapshot, report: &str, source: &SourceRef, lang: Lang) -> String {
    let short = snapshot
        .report(report)
        .map(|r| r.short.to_string())
        .unwrap_or_default();
    let row = source.row.as_ref().map(|r| match lang {
        Lang::Vi => format!("dòng {r}"),
        Lang::En => format!("row {r}"),
    });
    [Some(short), Some(source.section.to_string()), row]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
