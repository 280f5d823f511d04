//! The journal's records: what one line of the file says, and how it is written and read.
//!
//! Every line is one RON record, self-describing and independent of the others:
//!
//! ```text
//! header(version: 1, at: "2025-06-05T09:00:00+07:00", title: "Mini snapshot", as_of: "2024-12-31", fingerprint: "fnv1a64:…", reports: 1, tasks: 4, blockers: 2)
//! decision(seq: 1, at: "2025-06-05T09:14:03+07:00", item: "t1", new: state(escalated), note: "thiếu kinh phí")
//! decision(seq: 2, at: "2025-06-05T09:15:10+07:00", item: "t1", old: due("2024-06-30"), new: due("2025-01-31"))
//! undo(seq: 3, at: "2025-06-05T09:16:00+07:00", undoes: 2, item: "t1", old: due("2025-01-31"), new: due("2024-06-30"))
//! redo(seq: 4, at: "2025-06-05T09:16:30+07:00", redoes: 2, item: "t1", old: due("2024-06-30"), new: due("2025-01-31"))
//! ```
//!
//! `old` is the value decided before (absent: the source data's own value), `new` the value
//! decided. Undo and redo name the decision they take back or restore; the file is never
//! rewritten.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use crate::snapshot::Snapshot;
use crate::text::{clean, fold, needs_cleaning};

/// The version of the line format this program writes.
pub const FORMAT_VERSION: u32 = 1;

/// Where a blocker or a task stands in the working group's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriageState {
    New,
    Acknowledged,
    Escalated,
    Resolved,
    Deferred,
}

impl TriageState {
    pub const ALL: [TriageState; 5] = [
        TriageState::New,
        TriageState::Acknowledged,
        TriageState::Escalated,
        TriageState::Resolved,
        TriageState::Deferred,
    ];

    /// The key written in the journal and accepted on the command line.
    pub fn key(self) -> &'static str {
        match self {
            TriageState::New => "new",
            TriageState::Acknowledged => "acknowledged",
            TriageState::Escalated => "escalated",
            TriageState::Resolved => "resolved",
            TriageState::Deferred => "deferred",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            TriageState::New => "Mới",
            TriageState::Acknowledged => "Đã tiếp nhận",
            TriageState::Escalated => "Chuyển cấp trên",
            TriageState::Resolved => "Đã giải quyết",
            TriageState::Deferred => "Tạm hoãn",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TriageState::New => "new",
            TriageState::Acknowledged => "acknowledged",
            TriageState::Escalated => "escalated",
            TriageState::Resolved => "resolved",
            TriageState::Deferred => "deferred",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.label_vi(),
            Lang::En => self.label_en(),
        }
    }

    /// The triage steps: new → acknowledged → escalated → resolved, and there they stop (none
    /// after resolved: going back is an undo). A deferred item is picked up again as
    /// acknowledged.
    pub fn next(self) -> Option<TriageState> {
        match self {
            TriageState::New => Some(TriageState::Acknowledged),
            TriageState::Acknowledged => Some(TriageState::Escalated),
            TriageState::Escalated => Some(TriageState::Resolved),
            TriageState::Resolved => None,
            TriageState::Deferred => Some(TriageState::Acknowledged),
        }
    }

    /// Closed by decision (the query language's `is:done`).
    pub fn is_closed(self) -> bool {
        self == TriageState::Resolved
    }

    /// Read a state as typed: its key, its Vietnamese or English label, or a short form
    /// ("ack", "esc", "done", "hoãn"); case and diacritics ignored.
    pub fn parse(input: &str) -> Option<TriageState> {
        let f: String = fold(input.trim())
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
        let table: [(&[&str], TriageState); 5] = [
            (&["new", "moi", "open"], TriageState::New),
            (
                &[
                    "acknowledged",
                    "acknowledge",
                    "ack",
                    "da tiep nhan",
                    "tiep nhan",
                ],
                TriageState::Acknowledged,
            ),
            (
                &[
                    "escalated",
                    "escalate",
                    "esc",
                    "chuyen cap tren",
                    "cap tren",
                    "bao cao cap tren",
                ],
                TriageState::Escalated,
            ),
            (
                &[
                    "resolved",
                    "resolve",
                    "done",
                    "closed",
                    "da giai quyet",
                    "giai quyet",
                ],
                TriageState::Resolved,
            ),
            (
                &["deferred", "defer", "later", "tam hoan", "hoan"],
                TriageState::Deferred,
            ),
        ];
        table
            .iter()
            .find(|(names, _)| names.contains(&f.as_str()))
            .map(|(_, s)| *s)
    }
}

/// The language of texts meant for people (labels, the conclusions notice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// What a decision changes on an item. The source data is never touched: the change is
/// layered over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Triage state.
    State(TriageState),
    /// The responsible unit, by unit id of the snapshot.
    Unit(String),
    /// A new deadline.
    Due(NaiveDate),
    /// A note added (notes accumulate).
    Note(String),
    /// On or off today's agenda.
    Agenda(bool),
    /// The conclusion typed for an agenda item (the last one stands).
    Conclusion(String),
}

/// The field a change sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    State,
    Unit,
    Due,
    Note,
    Agenda,
    Conclusion,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::State => "state",
            Field::Unit => "unit",
            Field::Due => "due",
            Field::Note => "note",
            Field::Agenda => "agenda",
            Field::Conclusion => "conclusion",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::State, Lang::Vi) => "Trạng thái",
            (Field::Unit, Lang::Vi) => "Giao chủ trì",
            (Field::Due, Lang::Vi) => "Hạn mới",
            (Field::Note, Lang::Vi) => "Ghi chú",
            (Field::Agenda, Lang::Vi) => "Chương trình họp",
            (Field::Conclusion, Lang::Vi) => "Kết luận",
            (Field::State, Lang::En) => "Status",
            (Field::Unit, Lang::En) => "Assigned to",
            (Field::Due, Lang::En) => "New deadline",
            (Field::Note, Lang::En) => "Note",
            (Field::Agenda, Lang::En) => "Agenda",
            (Field::Conclusion, Lang::En) => "Conclusion",
        }
    }
}

impl Change {
    pub fn field(&self) -> Field {
        match self {
            Change::State(_) => Field::State,
            Change::Unit(_) => Field::Unit,
            Change::Due(_) => Field::Due,
            Change::Note(_) => Field::Note,
            Change::Agenda(_) => Field::Agenda,
            Change::Conclusion(_) => Field::Conclusion,
        }
    }

    /// The value alone, for people: a state label, a unit's name (with the snapshot), a date
    /// as dd/mm/yyyy in Vietnamese and YYYY-MM-DD in English.
    pub fn value_text(&self, snapshot: Option<&Snapshot>, lang: Lang) -> String {
        match self {
            Change::State(s) => s.label(lang).to_string(),
            Change::Unit(u) => snapshot
                .and_then(|s| s.unit(u))
                .map(|x| x.name.to_string())
                .unwrap_or_else(|| u.clone()),
            Change::Due(d) => match lang {
                Lang::Vi => d.format("%d/%m/%Y").to_string(),
                Lang::En => d.format("%Y-%m-%d").to_string(),
            },
            Change::Note(t) | Change::Conclusion(t) => t.clone(),
            Change::Agenda(true) => match lang {
                Lang::Vi => "đưa vào chương trình họp".into(),
                Lang::En => "on the agenda".into(),
            },
            Change::Agenda(false) => match lang {
                Lang::Vi => "bỏ khỏi chương trình họp".into(),
                Lang::En => "off the agenda".into(),
            },
        }
    }

    /// The value as the journal writes it, for the command line's listings: `escalated`,
    /// `so-tttt`, `2025-01-31`, `"text"`, `true`.
    pub fn raw_value(&self) -> String {
        match self {
            Change::State(s) => s.key().to_string(),
            Change::Unit(u) => u.clone(),
            Change::Due(d) => d.format("%Y-%m-%d").to_string(),
            Change::Note(t) | Change::Conclusion(t) => format!("{t:?}"),
            Change::Agenda(b) => b.to_string(),
        }
    }
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// The first line: which snapshot the journal is written against. A later header line
    /// says that from there on the decisions were taken on another snapshot.
    Header {
        version: u32,
        at: String,
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_of: Option<NaiveDate>,
        fingerprint: String,
        #[serde(default)]
        reports: usize,
        #[serde(default)]
        tasks: usize,
        #[serde(default)]
        blockers: usize,
    },
    /// A decision on a task or a blocker.
    Decision {
        seq: u64,
        at: String,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        old: Option<Change>,
        new: Change,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Decision `undoes` taken back: `old` is the value withdrawn, `new` the value in force again.
    Undo {
        seq: u64,
        at: String,
        undoes: u64,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        old: Option<Change>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new: Option<Change>,
    },
    /// Decision `redoes` restored after an undo.
    Redo {
        seq: u64,
        at: String,
        redoes: u64,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        old: Option<Change>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new: Option<Change>,
    },
    /// A meeting opened (`M` in the console): when, the date of the data it looked at, and
    /// who chaired, who took part and where, as the secretariat typed them (or blank).
    MeetingStart {
        at: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_of: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        chair: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        participants: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        place: String,
    },
    /// The meeting opened at `started` closed.
    MeetingEnd { at: String, started: String },
}

impl Record {
    pub fn seq(&self) -> Option<u64> {
        match self {
            Record::Header { .. } | Record::MeetingStart { .. } | Record::MeetingEnd { .. } => None,
            Record::Decision { seq, .. } | Record::Undo { seq, .. } | Record::Redo { seq, .. } => {
                Some(*seq)
            }
        }
    }

    pub fn at(&self) -> &str {
        match self {
            Record::Header { at, .. }
            | Record::Decision { at, .. }
            | Record::Undo { at, .. }
            | Record::Redo { at, .. }
            | Record::MeetingStart { at, .. }
            | Record::MeetingEnd { at, .. } => at,
        }
    }

    pub fn item(&self) -> Option<&str> {
        match self {
            Record::Header { .. } | Record::MeetingStart { .. } | Record::MeetingEnd { .. } => None,
            Record::Decision { item, .. }
            | Record::Undo { item, .. }
            | Record::Redo { item, .. } => Some(item),
        }
    }

    /// One line of RON, with a newline at the end.
    pub fn to_line(&self) -> Result<String, String> {
        let compact = options().to_string(self).map_err(|e| e.to_string())?;
        let mut line = space_out(&compact);
        line.push('\n');
        Ok(line)
    }

    /// Read one line (without its newline). Control characters and escape sequences are
    /// removed from its texts: a line edited by hand must not reach a terminal with them.
    pub fn from_line(line: &str) -> Result<Record, String> {
        options()
            .from_str::<Record>(line)
            .map(Record::cleaned)
            .map_err(|e| {
                format!(
                    "column {}: {}",
                    e.position.col,
                    crate::text::excerpt(
                        e.code.to_string().trim_end_matches('.'),
                        4 * crate::text::EXCERPT_CHARS
                    )
                )
            })
    }

    fn cleaned(mut self) -> Record {
        fn text(s: &mut String) {
            if needs_cleaning(s) {
                *s = clean(s);
            }
        }
        fn change(c: &mut Change) {
            match c {
                Change::Unit(s) | Change::Note(s) | Change::Conclusion(s) => text(s),
                Change::State(_) | Change::Due(_) | Change::Agenda(_) => {}
            }
        }
        match &mut self {
            Record::Header {
                at,
                title,
                fingerprint,
                ..
            } => {
                text(at);
                text(title);
                text(fingerprint);
            }
            Record::Decision {
                at,
                item,
                old,
                new,
                note,
                ..
            } => {
                text(at);
                text(item);
                old.iter_mut().for_each(change);
                change(new);
                note.iter_mut().for_each(text);
            }
            Record::Undo {
                at, item, old, new, ..
            }
            | Record::Redo {
                at, item, old, new, ..
            } => {
                text(at);
                text(item);
                old.iter_mut().for_each(change);
                new.iter_mut().for_each(change);
            }
            Record::MeetingStart {
                at,
                chair,
                participants,
                place,
                ..
            } => {
                text(at);
                text(chair);
                text(participants);
                text(place);
            }
            Record::MeetingEnd { at, started } => {
                text(at);
                text(started);
            }
        }
        self
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// `a(b:1,c:"x, y:z")` → `a(b: 1, c: "x, y:z")`: a space after every comma and colon outside
/// strings, so that a person can read the line; RON ignores the spaces.
fn space_out(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + 32);
    let mut in_str = false;
    let mut escaped = false;
    for c in compact.chars() {
        out.push(c);
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
        } else if c == ',' || c == ':' {
            out.push(' ');
        }
    }
    out
}

/// A record's time, as written (RFC 3339 with the local offset).
pub fn parse_at(at: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(at).ok()
}

pub fn format_at(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A stable hash of what a journal's decisions refer to: the snapshot's report, task and
/// blocker ids (sorted, so the order of the files does not matter). FNV-1a, 64 bits.
pub fn fingerprint(snapshot: &Snapshot) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    let lists: [(&str, Vec<&str>); 3] = [
        (
            "report",
            snapshot.reports.iter().map(|r| r.id.as_str()).collect(),
        ),
        (
            "task",
            snapshot.tasks.iter().map(|t| t.id.as_str()).collect(),
        ),
        (
            "blocker",
            snapshot.blockers.iter().map(|b| b.id.as_str()).collect(),
        ),
    ];
    for (kind, mut ids) in lists {
        ids.sort_unstable();
        for id in ids {
            feed(kind.as_bytes());
            feed(&[0x1f]);
            feed(id.as_bytes());
            feed(&[0x1e]);
        }
    }
    format!("fnv1a64:{h:016x}")
}

/// Does this text look like the beginning of a journal record (so that an unfinished last
/// line may be taken for a torn write, not for someone else's file)?
pub fn looks_like_record_start(bytes: &[u8]) -> bool {
    if bytes.iter().all(|b| *b == 0) {
        return true;
    }
    let trimmed: &[u8] = {
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len());
        &bytes[start..]
    };
    ["header(", "decision(", "undo(", "redo("].iter().any(|p| {
        let p = p.as_bytes();
        let n = p.len().min(trimmed.len());
        n > 0 && trimmed[..n] == p[..n]
    })
}

#[cfg(test)]
mod tests;
