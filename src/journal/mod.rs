//! The decision journal: what the working group decided on a task or a blocker (triage state,
//! responsible unit, new deadline, notes, today's agenda, the conclusion typed in the meeting),
//! kept in a file beside the snapshot, one self-describing RON record per line.
//!
//! - The source data is never touched: replaying the journal gives `Decisions`, layered over
//!   the snapshot (it implements the query language's `Overlay`).
//! - A decision is written and fsynced (the folder too, when the file is new) before
//!   `record` returns: what was confirmed survives a crash or a power cut.
//! - The file is append-only: undo and redo are records too.
//! - A torn last line (power lost while writing it) costs only that record and is reported; a
//!   corrupt line elsewhere is reported (file:line) and skipped, the lines after it still count.
//! - The first line names the snapshot (title, date, fingerprint of its ids): a journal written
//!   against another snapshot is explained, not silently applied.
//! - One process writes at a time (a lock on the file); a second opener reads only, and says so.
//! - A journal that cannot be written (read-only folder, full disk, permissions) opens
//!   read-only with the reason; a decision that could not be written is reported as not
//!   recorded, and nothing recorded before is lost.

pub mod console;
pub mod file;
pub mod minutes;
pub mod record;
pub mod state;

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

pub use record::{fingerprint, Change, Field, Lang, Record, TriageState, FORMAT_VERSION};
pub use state::{Decisions, HistoryEntry, ItemDecision};

use crate::snapshot::Snapshot;
use crate::store::Origin;
use crate::text::{clean, did_you_mean};
use file::{Lock, Opened};
use state::Log;

/// A record of the journal as read, with its line in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub line: usize,
    pub record: Record,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// The journal is open read-only (why is said); nothing was recorded.
    ReadOnly { path: PathBuf, reason: String },
    /// Not a task or blocker id of the snapshot.
    UnknownItem {
        item: String,
        suggestion: Option<String>,
    },
    /// Not a unit id of the snapshot.
    UnknownUnit {
        unit: String,
        suggestion: Option<String>,
    },
    /// A note or conclusion with no text.
    EmptyText { field: &'static str },
    /// Writing failed: the decision was NOT recorded; the journal is read-only from now on.
    NotRecorded { path: PathBuf, detail: String },
    /// The file exists but cannot be read.
    Unreadable { path: PathBuf, detail: String },
    /// The file is not a decision journal (no line of it is a journal record).
    NotAJournal { path: PathBuf, detail: String },
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hint = |s: &Option<String>| {
            s.as_ref()
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default()
        };
        match self {
            JournalError::ReadOnly { path, reason } => write!(
                f,
                "not recorded: the journal {} is read-only: {reason}",
                path.display()
            ),
            JournalError::UnknownItem { item, suggestion } => write!(
                f,
                "not recorded: no task or blocker of this snapshot is called '{item}'{}",
                hint(suggestion)
            ),
            JournalError::UnknownUnit { unit, suggestion } => write!(
                f,
                "not recorded: no unit of this snapshot is called '{unit}'{}",
                hint(suggestion)
            ),
            JournalError::EmptyText { field } => {
                write!(f, "not recorded: the {field} has no text")
            }
            JournalError::NotRecorded { path, detail } => write!(
                f,
                "the decision was NOT recorded: writing to {} failed: {detail}. Decisions recorded before are kept; the journal is read-only from now on",
                path.display()
            ),
            JournalError::Unreadable { path, detail } => {
                write!(f, "cannot read the journal {}: {detail}", path.display())
            }
            JournalError::NotAJournal { path, detail } => write!(
                f,
                "{} is not a decision journal: {detail}; give another file with --journal PATH",
                path.display()
            ),
        }
    }
}

impl std::error::Error for JournalError {}

/// The snapshot a journal is written against, as its header line names it.
#[derive(Debug, Clone, PartialEq)]
struct SnapshotId {
    title: String,
    as_of: Option<chrono::NaiveDate>,
    fingerprint: String,
    reports: usize,
    tasks: usize,
    blockers: usize,
}

impl SnapshotId {
    fn of(s: &Snapshot) -> SnapshotId {
        SnapshotId {
            title: s.title.clone(),
            as_of: s.as_of,
            fingerprint: fingerprint(s),
            reports: s.reports.len(),
            tasks: s.tasks.len(),
            blockers: s.blockers.len(),
        }
    }

    fn header(&self, at: DateTime<FixedOffset>) -> Record {
        Record::Header {
            version: FORMAT_VERSION,
            at: record::format_at(at),
            title: self.title.clone(),
            as_of: self.as_of,
            fingerprint: self.fingerprint.clone(),
            reports: self.reports,
            tasks: self.tasks,
            blockers: self.blockers,
        }
    }

    fn describe(&self) -> String {
        describe_snapshot(&self.title, self.as_of, &self.fingerprint)
    }
}

fn describe_snapshot(title: &str, as_of: Option<chrono::NaiveDate>, fp: &str) -> String {
    match as_of {
        Some(d) => format!("\"{title}\" as of {d} ({fp})"),
        None => format!("\"{title}\" ({fp})"),
    }
}

/// The local time now, as the journal writes it.
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The decision journal, open on one snapshot.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// Open for appending and locked; none when read-only.
    file: Option<File>,
    read_only: Option<String>,
    /// Read-only only because the journal was written against another snapshot.
    mismatch: bool,
    /// Read-only because another process holds the journal's lock.
    locked_elsewhere: bool,
    exists: bool,
    snapshot: SnapshotId,
    task_ids: Arc<Vec<String>>,
    blocker_ids: Arc<Vec<String>>,
    known_items: HashSet<String>,
    known_units: HashSet<String>,
    entries: Vec<Entry>,
    log: Log,
    decisions: Decisions,
    /// The latest header line read or written.
    header: Option<Record>,
    /// Write a header for this snapshot before the next record.
    needs_header: bool,
    /// Bytes of the file known to be good (where the next record goes).
    len: u64,
    /// The number the next line of the file will have.
    next_line: usize,
    /// The last line has no newline: one is added before the next record.
    missing_newline: bool,
    warnings: Vec<String>,
}

impl Journal {
    fn empty(path: &Path, snapshot: &Snapshot) -> Journal {
        let task_ids: Arc<Vec<String>> =
            Arc::new(snapshot.tasks.iter().map(|t| t.id.clone()).collect());
        let blocker_ids: Arc<Vec<String>> =
            Arc::new(snapshot.blockers.iter().map(|b| b.id.clone()).collect());
        let known_items = task_ids.iter().chain(blocker_ids.iter()).cloned().collect();
        let log = Log::default();
        let decisions = log.build(&task_ids, &blocker_ids);
        Journal {
            path: path.to_path_buf(),
            file: None,
            read_only: None,
            mismatch: false,
            locked_elsewhere: false,
            exists: false,
            snapshot: SnapshotId::of(snapshot),
            task_ids,
            blocker_ids,
            known_items,
            known_units: snapshot.units.iter().map(|u| u.id.clone()).collect(),
            entries: Vec::new(),
            log,
            decisions,
            header: None,
            needs_header: false,
            len: 0,
            next_line: 1,
            missing_newline: false,
            warnings: Vec::new(),
        }
    }

    /// Open the journal for recording decisions, creating it (with its header line) when it
    /// does not exist. A journal that cannot be written, or that another process holds, opens
    /// read-only (`read_only()` says why). The warnings say what was skipped or noticed.
    pub fn open(path: &Path, snapshot: &Snapshot) -> Result<(Journal, Vec<String>), JournalError> {
        let mut j = Journal::empty(path, snapshot);
        let mut reading: Option<File> = None;
        let mut created = false;
        match file::open_for_append(path) {
            Opened::Writable { file, created: c } => match file::try_lock(&file) {
                Lock::Held => {
                    j.file = Some(file);
                    created = c;
                }
                Lock::Busy => {
                    j.locked_elsewhere = true;
                    j.read_only = Some(format!(
                        "another giaoban is recording decisions in {} (the file is locked); this one only reads it",
                        path.display()
                    ));
                    reading = Some(file);
                }
                Lock::Unsupported(why) => {
                    j.warnings.push(format!(
                        "{}: the file system cannot lock the journal ({why}); make sure no other giaoban writes to it at the same time",
                        path.display()
                    ));
                    j.file = Some(file);
                    created = c;
                }
                Lock::Failed(why) => {
                    j.read_only = Some(format!("cannot lock {}: {why}", path.display()));
                    reading = Some(file);
                }
            },
            Opened::ReadOnly { reason, file } => {
                j.read_only = Some(format!("{reason}; decisions cannot be recorded"));
                reading = file;
            }
        }
        let bytes = match (j.file.as_mut(), reading.as_mut()) {
            (Some(f), _) | (None, Some(f)) => {
                j.exists = true;
                file::read_all(f).map_err(|e| JournalError::Unreadable {
                    path: path.to_path_buf(),
                    detail: file::explain_io(&e),
                })?
            }
            (None, None) => Vec::new(),
        };
        j.load(&bytes)?;
        if j.file.is_some() {
            j.prepare_for_writing(created)?;
        }
        j.check_snapshot();
        j.rebuild();
        let warnings = j.warnings.clone();
        Ok((j, warnings))
    }

    /// Open only to read: never creates, locks or changes the file (for listings and the
    /// conclusions notice). A journal that does not exist yet opens empty.
    pub fn open_read_only(
        path: &Path,
        snapshot: &Snapshot,
    ) -> Result<(Journal, Vec<String>), JournalError> {
        let mut j = Journal::empty(path, snapshot);
        j.read_only = Some("opened for reading only".into());
        let bytes = match File::open(path) {
            Ok(mut f) => {
                j.exists = true;
                file::read_all(&mut f).map_err(|e| JournalError::Unreadable {
                    path: path.to_path_buf(),
                    detail: file::explain_io(&e),
                })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                j.read_only = Some(format!("there is no journal at {} yet", path.display()));
                Vec::new()
            }
            Err(e) => {
                return Err(JournalError::Unreadable {
                    path: path.to_path_buf(),
                    detail: file::explain_io(&e),
                })
            }
        };
        j.load(&bytes)?;
        j.check_snapshot();
        j.rebuild();
        let warnings = j.warnings.clone();
        Ok((j, warnings))
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }

    /// Read the file's lines: records replayed, bad lines reported.
    fn load(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        let split = file::split(bytes);
        let mut good = 0usize;
        let mut bad = 0usize;
        let mut first_meaningful: Option<(usize, bool)> = None;
        for line in &split.lines {
            match self.read_line(line.number, line.bytes, &mut first_meaningful) {
                Some(true) => good += 1,
                Some(false) => bad += 1,
                None => {}
            }
        }
        self.len = split
            .tail
            .as_ref()
            .map(|t| t.start)
            .unwrap_or(bytes.len() as u64);
        self.next_line = split.lines.len() + 1;
        if let Some(tail) = &split.tail {
            let text = std::str::from_utf8(tail.bytes).ok();
            let parsed = text.and_then(|t| Record::from_line(t.trim()).ok());
            if let Some(rec) = parsed {
                // A whole record whose newline did not make it: it counts; the newline is
                // added before the next record.
                self.accept(tail.number, rec, &mut first_meaningful);
                good += 1;
                self.len = bytes.len() as u64;
                self.next_line = tail.number + 1;
                self.missing_newline = true;
            } else if record::looks_like_record_start(tail.bytes) {
                let fate = if self.file.is_some() {
                    "it is removed"
                } else if self
                    .read_only
                    .as_deref()
                    .is_some_and(|r| r.contains("locked"))
                {
                    "it is ignored (the other giaoban may be writing it right now)"
                } else {
                    "it is ignored"
                };
                self.warnings.push(format!(
                    "{}: the last record is incomplete ({} bytes): the program stopped while writing it, so it was never confirmed; {fate}. The records before it are intact.",
                    self.at(tail.number),
                    tail.bytes.len()
                ));
            } else {
                bad += 1;
                self.warnings.push(format!(
                    "{}: cannot read this line (it is not a journal record); skipped",
                    self.at(tail.number)
                ));
                self.len = bytes.len() as u64;
                self.next_line = tail.number + 1;
                self.missing_newline = true;
            }
        }
        if good == 0 && bad > 0 {
            return Err(JournalError::NotAJournal {
                path: self.path.clone(),
                detail: format!("none of its {bad} line(s) is a journal record"),
            });
        }
        if let Some((line, false)) = first_meaningful {
            self.warnings.push(format!(
                "{}: the journal should begin with a header line naming its snapshot; it does not, so the snapshot it was written against is not known",
                self.at(line)
            ));
        }
        Ok(())
    }

    /// One complete line: Some(true) a record, Some(false) a bad line, None blank or comment.
    fn read_line(
        &mut self,
        number: usize,
        bytes: &[u8],
        first: &mut Option<(usize, bool)>,
    ) -> Option<bool> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            self.warnings.push(format!(
                "{}: this line is not UTF-8 text (damaged?); skipped, the lines after it still count",
                self.at(number)
            ));
            first.get_or_insert((number, false));
            return Some(false);
        };
        let t = text.trim();
        if t.is_empty() || t.starts_with("//") {
            return None;
        }
        match Record::from_line(t) {
            Ok(rec) => {
                self.accept(number, rec, first);
                Some(true)
            }
            Err(e) => {
                let shown: String = t.chars().take(60).collect();
                let more = if t.chars().count() > 60 { "…" } else { "" };
                self.warnings.push(format!(
                    "{}: cannot read this record ({e}): `{shown}{more}`; skipped, the lines after it still count",
                    self.at(number)
                ));
                first.get_or_insert((number, false));
                Some(false)
            }
        }
    }

    fn accept(&mut self, line: usize, rec: Record, first: &mut Option<(usize, bool)>) {
        first.get_or_insert((line, matches!(rec, Record::Header { .. })));
        if let Record::Header { version, .. } = &rec {
            if *version > FORMAT_VERSION {
                self.warnings.push(format!(
                    "{}: the journal was written by a newer giaoban (format {version}, this one reads {FORMAT_VERSION}); some records may be skipped",
                    self.at(line)
                ));
            }
            self.header = Some(rec.clone());
            self.entries.push(Entry { line, record: rec });
            return;
        }
        match self.log.apply(&rec) {
            Ok(()) => self.entries.push(Entry { line, record: rec }),
            Err(e) => self
                .warnings
                .push(format!("{}: {e}; skipped", self.at(line))),
        }
    }

    /// Make the file ready for appending: remove a torn last record, end an unfinished last
    /// line, and write the header of a new journal.
    fn prepare_for_writing(&mut self, created: bool) -> Result<(), JournalError> {
        let Some(f) = self.file.as_mut() else {
            return Ok(());
        };
        let actual = f.metadata().map(|m| m.len()).unwrap_or(self.len);
        let result = if actual > self.len {
            // A torn record after the last good line.
            file::truncate_durably(f, self.len)
        } else if self.missing_newline {
            file::append_durably(f, b"\n").map(|()| self.len += 1)
        } else {
            Ok(())
        };
        if let Err(e) = result {
            return self.fail_open(e);
        }
        self.missing_newline = false;
        if self.header.is_none() && self.log.decisions.is_empty() {
            let header = self.snapshot.header(now());
            let line = header
                .to_line()
                .map_err(|detail| JournalError::NotRecorded {
                    path: self.path.clone(),
                    detail,
                })?;
            let Some(f) = self.file.as_mut() else {
                return Ok(());
            };
            if let Err(e) = file::append_durably(f, line.as_bytes()) {
                let _ = file::truncate_durably(f, self.len);
                return self.fail_open(e);
            }
            self.len += line.len() as u64;
            self.entries.push(Entry {
                line: self.next_line,
                record: header.clone(),
            });
            self.next_line += 1;
            self.header = Some(header);
            if let Err(e) = file::sync_dir(&file::parent_of(&self.path)) {
                self.warnings.push(format!(
                    "{}: could not fsync its folder ({}): the new journal may not survive a power cut",
                    self.path.display(),
                    file::explain_io(&e)
                ));
            }
        } else if created {
            let _ = file::sync_dir(&file::parent_of(&self.path));
        }
        Ok(())
    }

    /// The file could not be prepared: go on read-only, with the reason.
    fn fail_open(&mut self, e: std::io::Error) -> Result<(), JournalError> {
        self.file = None;
        self.read_only = Some(format!(
            "cannot write to {}: {}; decisions cannot be recorded",
            self.path.display(),
            file::explain_io(&e)
        ));
        Ok(())
    }

    /// Compare the journal's header with the snapshot; explain a difference.
    fn check_snapshot(&mut self) {
        self.warn_unknown_units();
        let here = self.snapshot.describe();
        let (same, there) = match &self.header {
            Some(Record::Header {
                title,
                as_of,
                fingerprint,
                ..
            }) => (
                *fingerprint == self.snapshot.fingerprint,
                describe_snapshot(title, *as_of, fingerprint),
            ),
            _ => (false, "an unknown snapshot".to_string()),
        };
        if self.header.is_none() && self.log.decisions.is_empty() {
            return;
        }
        let mut named: Vec<&str> = Vec::new();
        for item in self.log.items() {
            if !named.contains(&item) {
                named.push(item);
            }
        }
        let unknown: Vec<&str> = named
            .iter()
            .copied()
            .filter(|i| !self.known_items.contains(*i))
            .collect();
        let path = self.path.display();
        let shown = unknown
            .iter()
            .take(12)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let more = if unknown.len() > 12 {
            format!(" and {} more", unknown.len() - 12)
        } else {
            String::new()
        };
        if same {
            if !unknown.is_empty() {
                // Adopted on purpose: still say what is left out.
                self.warnings.push(format!(
                    "{path}: {} item(s) named by earlier decisions are not in this snapshot: {shown}{more}; their decisions are not applied",
                    unknown.len()
                ));
            }
            return;
        }
        if unknown.is_empty() {
            self.warnings.push(format!(
                "{path}: the journal was written against snapshot {there}; this is snapshot {here}. Every item it names ({}) is in this snapshot, so its decisions apply{}.",
                named.len(),
                if self.file.is_some() {
                    "; the next decision is recorded against this snapshot"
                } else {
                    ""
                }
            ));
            self.needs_header = true;
            return;
        }
        self.warnings.push(format!(
            "{path}: the journal was written against snapshot {there}, but this is snapshot {here}: {} of the {} items it names are not in this snapshot: {shown}{more}. Their decisions are not applied; those on the other items are shown. To continue this journal with this snapshot run `giaoban journal --adopt`, or open it with its own snapshot, or record in another journal (--journal PATH).",
            unknown.len(),
            named.len()
        ));
        if self.read_only.is_none() {
            self.read_only = Some(format!(
                "the journal was written against another snapshot ({} item(s) it names are not in this one); it is read-only until it is adopted (giaoban journal --adopt)",
                unknown.len()
            ));
            self.mismatch = true;
        }
    }

    fn warn_unknown_units(&mut self) {
        let mut seen: Vec<(String, u64)> = Vec::new();
        for d in &self.log.decisions {
            if let Change::Unit(u) = &d.new {
                if !self.known_units.contains(u) && !seen.iter().any(|(x, _)| x == u) {
                    seen.push((u.clone(), d.seq));
                }
            }
        }
        for (u, seq) in seen {
            self.warnings.push(format!(
                "{}: decision #{seq} assigns unit '{u}', which is not a unit of this snapshot; it is shown by its id",
                self.path.display()
            ));
        }
    }

    fn rebuild(&mut self) {
        self.decisions = self.log.build(&self.task_ids, &self.blocker_ids);
    }

    /// Another process is recording decisions in this journal (it holds the lock).
    pub fn locked_elsewhere(&self) -> bool {
        self.locked_elsewhere
    }

    /// Written against another snapshot, and read-only until adopted.
    pub fn other_snapshot(&self) -> bool {
        self.mismatch
    }

    /// Why decisions cannot be recorded, when they cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The decisions in force.
    pub fn decisions(&self) -> &Decisions {
        &self.decisions
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file exists (a read-only opener of a journal not yet written: false).
    pub fn exists(&self) -> bool {
        self.exists
    }

    /// Every record read or written, in file order (bad lines are not here: see `warnings`).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The record with this number.
    pub fn entry(&self, seq: u64) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.record.seq() == Some(seq))
    }

    /// What was noticed when the journal was opened.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The header line that applies (the latest).
    pub fn header(&self) -> Option<&Record> {
        self.header.as_ref()
    }

    /// The fingerprint of the snapshot the journal is open on.
    pub fn snapshot_fingerprint(&self) -> &str {
        &self.snapshot.fingerprint
    }

    /// Whether a decision is in force (recorded and not undone).
    pub fn in_force(&self, seq: u64) -> bool {
        self.log.in_force(seq)
    }

    /// The decision `undo` would take back, and the one `redo` would restore.
    pub fn can_undo(&self) -> Option<u64> {
        self.log.undo_stack.last().copied()
    }
    pub fn can_redo(&self) -> Option<u64> {
        self.log.redo_stack.last().copied()
    }

    fn check_writable(&self) -> Result<(), JournalError> {
        match (&self.read_only, &self.file) {
            (None, Some(_)) => Ok(()),
            (Some(r), _) => Err(JournalError::ReadOnly {
                path: self.path.clone(),
                reason: r.clone(),
            }),
            (None, None) => Err(JournalError::ReadOnly {
                path: self.path.clone(),
                reason: "the journal is not open for writing".into(),
            }),
        }
    }

    /// Record a decision now. Returns its number once it is on disk (fsynced).
    pub fn record(
        &mut self,
        item: &str,
        change: Change,
        note: Option<String>,
    ) -> Result<u64, JournalError> {
        self.record_at(item, change, note, now())
    }

    /// Record a decision with the time given (scripts and tests).
    pub fn record_at(
        &mut self,
        item: &str,
        change: Change,
        note: Option<String>,
        at: DateTime<FixedOffset>,
    ) -> Result<u64, JournalError> {
        self.check_writable()?;
        if !self.known_items.contains(item) {
            let suggestion = did_you_mean(
                item,
                self.task_ids
                    .iter()
                    .chain(self.blocker_ids.iter())
                    .map(String::as_str),
            )
            .map(str::to_string);
            return Err(JournalError::UnknownItem {
                item: item.to_string(),
                suggestion,
            });
        }
        let change = match change {
            Change::Unit(u) if !self.known_units.contains(&u) => {
                let suggestion = did_you_mean(&u, self.known_units.iter().map(String::as_str))
                    .map(str::to_string);
                return Err(JournalError::UnknownUnit {
                    unit: u,
                    suggestion,
                });
            }
            Change::Note(t) => {
                Change::Note(clean_text(&t).ok_or(JournalError::EmptyText { field: "note" })?)
            }
            Change::Conclusion(t) => {
                Change::Conclusion(clean_text(&t).ok_or(JournalError::EmptyText {
                    field: "conclusion",
                })?)
            }
            c => c,
        };
        let note = note.as_deref().and_then(clean_text);
        let field = change.field();
        let old = if field == Field::Note {
            None
        } else {
            self.log.value_with(item, field, None)
        };
        let seq = self.log.max_seq + 1;
        let rec = Record::Decision {
            seq,
            at: record::format_at(at),
            item: item.to_string(),
            old,
            new: change,
            note,
        };
        self.append(rec, at)?;
        Ok(seq)
    }

    /// Take back the latest decision in force (as a new record). `None`: nothing to undo.
    pub fn undo(&mut self) -> Result<Option<u64>, JournalError> {
        self.undo_at(now())
    }

    pub fn undo_at(&mut self, at: DateTime<FixedOffset>) -> Result<Option<u64>, JournalError> {
        self.check_writable()?;
        let Some(target) = self.log.undo_stack.last().copied() else {
            return Ok(None);
        };
        let Some(d) = self.log.decision(target).cloned() else {
            return Ok(None);
        };
        let field = d.new.field();
        let new = if field == Field::Note {
            None
        } else {
            self.log.value_with(&d.item, field, Some(target))
        };
        let seq = self.log.max_seq + 1;
        let rec = Record::Undo {
            seq,
            at: record::format_at(at),
            undoes: target,
            item: d.item,
            old: Some(d.new),
            new,
        };
        self.append(rec, at)?;
        Ok(Some(seq))
    }

    /// Restore the decision undone last (as a new record). `None`: nothing to redo.
    pub fn redo(&mut self) -> Result<Option<u64>, JournalError> {
        self.redo_at(now())
    }

    pub fn redo_at(&mut self, at: DateTime<FixedOffset>) -> Result<Option<u64>, JournalError> {
        self.check_writable()?;
        let Some(target) = self.log.redo_stack.last().copied() else {
            return Ok(None);
        };
        let Some(d) = self.log.decision(target).cloned() else {
            return Ok(None);
        };
        let field = d.new.field();
        let old = if field == Field::Note {
            None
        } else {
            self.log.value_with(&d.item, field, None)
        };
        let seq = self.log.max_seq + 1;
        let rec = Record::Redo {
            seq,
            at: record::format_at(at),
            redoes: target,
            item: d.item,
            old,
            new: Some(d.new),
        };
        self.append(rec, at)?;
        Ok(Some(seq))
    }

    /// Continue a journal written against another snapshot with this one: a header line for
    /// this snapshot is appended, and decisions can be recorded again. False when there was
    /// nothing to adopt (the journal is already written against this snapshot).
    pub fn adopt(&mut self) -> Result<bool, JournalError> {
        if !self.mismatch && !self.needs_header {
            return Ok(false);
        }
        if self.file.is_none() {
            return self.check_writable().map(|()| false);
        }
        if self.mismatch {
            self.read_only = None;
            self.mismatch = false;
        }
        self.needs_header = true;
        let at = now();
        let header = self.snapshot.header(at);
        let text = header
            .to_line()
            .map_err(|detail| JournalError::NotRecorded {
                path: self.path.clone(),
                detail,
            })?;
        self.write_lines(&text, vec![header]).map(|()| true)
    }

    /// Write a record durably (with the header for this snapshot first, when due), then apply it.
    fn append(&mut self, rec: Record, at: DateTime<FixedOffset>) -> Result<(), JournalError> {
        let line = rec.to_line().map_err(|detail| JournalError::NotRecorded {
            path: self.path.clone(),
            detail,
        })?;
        let mut text = String::new();
        let mut lines = Vec::new();
        if self.needs_header {
            let header = self.snapshot.header(at);
            if let Ok(h) = header.to_line() {
                text.push_str(&h);
                lines.push(header);
            }
        }
        text.push_str(&line);
        lines.push(rec);
        self.write_lines(&text, lines)
    }

    fn write_lines(&mut self, text: &str, records: Vec<Record>) -> Result<(), JournalError> {
        let Some(f) = self.file.as_mut() else {
            return self.check_writable();
        };
        let before = self.len;
        if let Err(e) = file::append_durably(f, text.as_bytes()) {
            let mut detail = file::explain_io(&e);
            if let Err(e2) = file::truncate_durably(f, before) {
                detail.push_str(&format!(
                    " (and the incomplete record could not be removed: {}; it will be reported and skipped when the journal is opened)",
                    file::explain_io(&e2)
                ));
            }
            self.file = None;
            self.read_only = Some(format!(
                "writing to {} failed ({}); the journal is read-only now",
                self.path.display(),
                file::explain_io(&e)
            ));
            return Err(JournalError::NotRecorded {
                path: self.path.clone(),
                detail,
            });
        }
        self.len += text.len() as u64;
        for rec in records {
            let line = self.next_line;
            self.next_line += 1;
            if let Record::Header { .. } = rec {
                self.needs_header = false;
                self.header = Some(rec.clone());
                self.entries.push(Entry { line, record: rec });
                continue;
            }
            match self.log.apply(&rec) {
                Ok(()) => self.entries.push(Entry { line, record: rec }),
                Err(e) => self.warnings.push(format!("{}: {e}", self.at(line))),
            }
        }
        self.rebuild();
        Ok(())
    }
}

/// A note's text for the journal: control characters removed, trimmed; none when empty.
fn clean_text(t: &str) -> Option<String> {
    let c = clean(t);
    let c = c.trim();
    (!c.is_empty()).then(|| c.to_string())
}

/// Where the journal goes by default: beside a snapshot folder (`data/journal.ron`), or for
/// the snapshot built into the program `$XDG_DATA_HOME/giaoban/journal.ron` (else
/// `$HOME/.local/share/giaoban/journal.ron`).
pub fn default_path(origin: &Origin) -> Result<PathBuf, String> {
    default_path_with(
        origin,
        std::env::var_os("XDG_DATA_HOME"),
        std::env::var_os("HOME"),
    )
}

/// `default_path` with the environment given.
pub fn default_path_with(
    origin: &Origin,
    xdg_data_home: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Result<PathBuf, String> {
    if let Some(p) = origin.default_journal() {
        return Ok(p);
    }
    let xdg = xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(x) = xdg {
        return Ok(x.join("giaoban").join("journal.ron"));
    }
    match home.map(PathBuf::from).filter(|p| !p.as_os_str().is_empty()) {
        Some(h) => Ok(h.join(".local/share/giaoban/journal.ron")),
        None => Err(
            "no place for the decision journal: neither $XDG_DATA_HOME nor $HOME is set; give one with --journal PATH"
                .into(),
        ),
    }
}

/// The journal path: `--journal PATH` when given, else the default for the snapshot.
pub fn resolve_path(option: Option<&Path>, origin: &Origin) -> Result<PathBuf, String> {
    match option {
        Some(p) => Ok(p.to_path_buf()),
        None => default_path(origin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_paths() {
        let emb = Origin::Embedded;
        assert_eq!(
            default_path_with(&emb, Some("/x/data".into()), Some("/home/u".into())).unwrap(),
            PathBuf::from("/x/data/giaoban/journal.ron")
        );
        assert_eq!(
            default_path_with(&emb, Some("relative".into()), Some("/home/u".into())).unwrap(),
            PathBuf::from("/home/u/.local/share/giaoban/journal.ron")
        );
        assert!(default_path_with(&emb, None, None).is_err());
        let dir = std::env::temp_dir();
        assert_eq!(
            default_path_with(&Origin::Path(dir.clone()), None, None).unwrap(),
            dir.join("journal.ron")
        );
    }
}
