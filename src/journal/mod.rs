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
//!
//! Where things are: the record format in `record`, the file's bytes (append, fsync, lock) in
//! `file`; opening and reading a journal in `read`, appending to it in `write`; replay (the
//! decisions in force, undo and redo) in `state`; what can go wrong in `error`.

pub mod chain;
pub mod console;
mod describe;
mod error;
pub mod file;
mod meeting;
pub mod minutes;
mod read;
pub mod record;
pub mod state;
mod write;

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

pub use error::JournalError;
pub use meeting::Meeting;
pub use record::{fingerprint, Change, Field, Lang, Record, TriageState, FORMAT_VERSION};
pub use state::{Decisions, HistoryEntry, ItemDecision};

use crate::snapshot::Snapshot;
use crate::store::Origin;
use state::Log;

/// A record of the journal as read, with its line in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub line: usize,
    pub record: Record,
}

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
    /// Where the hash chain stands: what the next line written is chained to.
    chain: chain::Tail,
    warnings: Vec<String>,
    /// Items with decisions, from an earlier snapshot of the series, that this one no longer
    /// has: listed, their decisions kept in the file.
    vanished: Vec<String>,
}

impl Journal {
    fn empty(path: &Path, snapshot: &Snapshot) -> Journal {
        let task_ids: Arc<Vec<String>> =
            Arc::new(snapshot.tasks.iter().map(|t| t.id.to_string()).collect());
        let blocker_ids: Arc<Vec<String>> =
            Arc::new(snapshot.blockers.iter().map(|b| b.id.to_string()).collect());
        let known_items = task_ids.iter().chain(blocker_ids.iter()).cloned().collect();
        let log = Log::default();
        let decisions = log.build(&task_ids, &blocker_ids, &known_items);
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
            known_units: snapshot.units.iter().map(|u| u.id.to_string()).collect(),
            entries: Vec::new(),
            log,
            decisions,
            header: None,
            needs_header: false,
            len: 0,
            next_line: 1,
            missing_newline: false,
            chain: chain::Tail::empty(),
            warnings: Vec::new(),
            vanished: Vec::new(),
        }
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }

    fn rebuild(&mut self) {
        self.decisions = self
            .log
            .build(&self.task_ids, &self.blocker_ids, &self.known_items);
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
    /// Items whose decisions were recorded against an earlier snapshot of this series and
    /// that this snapshot no longer has (their decisions are kept, listed, not applied).
    pub fn vanished(&self) -> &[String] {
        &self.vanished
    }

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
