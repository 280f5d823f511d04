//! What the console needs from the decision journal, and what it shows of it.
//! The journal (crate::journal) implements `DecisionStore`; tests may use any other store.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::query::{Decided, DecidedMap, Rec};
use crate::snapshot::Snapshot;

/// A decision asked for from the keyboard (or a script).
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// new → acknowledged → escalated → resolved
    TriageNext,
    Defer,
    Assign(String),
    Due(NaiveDate),
    Note(String),
    ToggleAgenda,
    Conclusion(String),
}

/// The decisions on one item, as the views show them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemDecisions {
    /// Key of the triage state ("escalated") and its label.
    pub state: Option<(String, String)>,
    pub resolved: bool,
    pub unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub notes: Vec<String>,
    pub agenda: bool,
    pub conclusion: Option<String>,
    /// The day of the latest decision on the item.
    pub decided_on: Option<NaiveDate>,
}

/// Who chaired, who took part and where, as the secretariat typed them (each may be blank).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingDetails {
    pub chair: String,
    pub participants: String,
    pub place: String,
}

/// The meeting before today's, as the agenda needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct LastMeeting {
    pub day: NaiveDate,
    /// The date of the data it looked at: tasks due since then are newly overdue.
    pub as_of: Option<NaiveDate>,
    /// Ids of the items flagged or concluded at it and still open.
    pub carried: Vec<String>,
}

pub trait DecisionStore: Send {
    /// Record durably; the text confirms what was recorded.
    fn record(&mut self, item: &str, req: &Request) -> Result<String, String>;
    fn undo(&mut self) -> Result<Option<String>, String>;
    fn redo(&mut self) -> Result<Option<String>, String>;
    /// Why the store cannot be written, if it cannot.
    fn read_only(&self) -> Option<String>;
    /// Decisions per item id.
    fn items(&self) -> HashMap<String, ItemDecisions>;
    /// The last meeting recorded on a day before `today`, and what it carries over.
    fn last_meeting_before(&self, today: NaiveDate) -> Option<LastMeeting>;
    /// Record that a meeting opens now; the text confirms it.
    fn open_meeting(
        &mut self,
        as_of: Option<NaiveDate>,
        details: &MeetingDetails,
    ) -> Result<String, String>;
    /// Record that the meeting opened last closes now; the text confirms it.
    fn close_meeting(&mut self) -> Result<String, String>;
    /// Write the conclusions notice beside the journal; returns where it went.
    fn write_minutes(&self, snap: &Snapshot, vi: bool) -> Result<String, String>;
}

/// The record a task or blocker id names.
pub fn rec_of(snap: &Snapshot, id: &str) -> Option<Rec> {
    snap.task_index(id)
        .map(Rec::Task)
        .or_else(|| snap.blocker_index(id).map(Rec::Blocker))
}

pub fn id_of(snap: &Snapshot, rec: Rec) -> Option<&str> {
    match rec {
        Rec::Task(i) => Some(&snap.tasks[i].id),
        Rec::Blocker(i) => Some(&snap.blockers[i].id),
        _ => None,
    }
}

/// The overlay the queries see, and the badge and lines the views show beside the source data.
pub fn summarise(
    snap: &Snapshot,
    items: &HashMap<String, ItemDecisions>,
    vi: bool,
) -> (DecidedMap, HashMap<Rec, (String, Vec<String>)>) {
    let mut map = DecidedMap::default();
    let mut text = HashMap::new();
    for (id, d) in items {
        let Some(rec) = rec_of(snap, id) else {
            continue;
        };
        map.0.insert(
            rec,
            Decided {
                unit: d.unit.clone(),
                due: d.due,
                done: d.resolved,
            },
        );
        let mut badge = Vec::new();
        let mut lines = Vec::new();
        let day = d
            .decided_on
            .map(|x| {
                x.format(if vi { "%d/%m/%Y" } else { "%Y-%m-%d" })
                    .to_string()
            })
            .unwrap_or_default();
        if let Some((_, label)) = &d.state {
            badge.push(label.clone());
        }
        if let Some(u) = &d.unit {
            badge.push(format!("→ {}", snap.unit_label(u)));
        }
        if let Some(due) = d.due {
            badge.push(format!("⏱ {}", due.format("%d/%m/%Y")));
        }
        if d.agenda {
            badge.push("★".into());
        }
        let what = badge.join(" ");
        // The table badge says at least that something was decided (a note, a conclusion).
        let mut short = what.clone();
        if short.is_empty() {
            short = if d.conclusion.is_some() { "☑" } else { "✎" }.to_string();
        }
        if !what.is_empty() {
            lines.push(if vi {
                format!("ngày {day}: {what}")
            } else {
                format!("on {day}: {what}")
            });
        }
        for n in &d.notes {
            lines.push(format!("✎ {n}"));
        }
        if let Some(c) = &d.conclusion {
            lines.push(if vi {
                format!("kết luận: {c}")
            } else {
                format!("conclusion: {c}")
            });
        }
        if !lines.is_empty() {
            text.insert(rec, (format!("◆ {short}"), lines));
        }
    }
    (map, text)
}
