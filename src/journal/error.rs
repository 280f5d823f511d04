//! What can go wrong when recording in or reading the journal.

use std::fmt;
use std::path::PathBuf;

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
