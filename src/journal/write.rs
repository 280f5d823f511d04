//! Writing a journal: a decision, an undo or a redo appended durably (fsynced) before it
//! counts; the file made ready for appending; a journal adopted by another snapshot.

use chrono::{DateTime, FixedOffset};

use super::chain;
use super::file;
use super::record::{self, Change, Field, Record};
use super::{now, Entry, Journal, JournalError};
use crate::text::{clean, did_you_mean};

impl Journal {
    /// Make the file ready for appending: remove a torn last record, end an unfinished last
    /// line, and write the header of a new journal.
    pub(super) fn prepare_for_writing(&mut self, created: bool) -> Result<(), JournalError> {
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
        // The chain continues from the file as it is now.
        match file::read_all(f) {
            Ok(bytes) => self.chain = chain::tail_of(&bytes),
            Err(e) => return self.fail_open(e),
        }
        if self.header.is_none() && self.log.decisions.is_empty() {
            let header = self.snapshot.header(now());
            let line = header
                .to_line()
                .map_err(|detail| JournalError::NotRecorded {
                    path: self.path.clone(),
                    detail,
                })?;
            let (line, next) = self.chain.seal(&line);
            let Some(f) = self.file.as_mut() else {
                return Ok(());
            };
            if let Err(e) = file::append_durably(f, line.as_bytes()) {
                let _ = file::truncate_durably(f, self.len);
                return self.fail_open(e);
            }
            self.len += line.len() as u64;
            self.chain = next;
            self.write_tip();
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

    pub(super) fn check_writable(&self) -> Result<(), JournalError> {
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
    pub(super) fn append(
        &mut self,
        rec: Record,
        at: DateTime<FixedOffset>,
    ) -> Result<(), JournalError> {
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
        let (text, next) = self.chain.seal(text);
        let text = text.as_str();
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
        self.chain = next;
        self.write_tip();
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

impl Journal {
    /// Record where the chain ends beside the journal, so that a cut tail is found. A tip that
    /// cannot be written costs only that check, and is said once.
    fn write_tip(&mut self) {
        if let Err(e) = chain::write_tip(&self.path, &self.chain) {
            let tip = chain::tip_path(&self.path);
            let msg = format!(
                "{}: cannot write ({}); a cut at the end of the journal will not be detected",
                tip.display(),
                file::explain_io(&e)
            );
            if !self.warnings.contains(&msg) {
                self.warnings.push(msg);
            }
        }
    }
}

/// A note's text for the journal: control characters removed, trimmed; none when empty.
pub(super) fn clean_text(t: &str) -> Option<String> {
    let c = clean(t);
    let c = c.trim();
    (!c.is_empty()).then(|| c.to_string())
}
