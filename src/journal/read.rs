//! Reading a journal: opening it (for writing, or only to read), its lines replayed and bad
//! ones reported, and its header compared with the snapshot.

use std::fs::File;
use std::path::Path;

use super::chain;
use super::file::{self, Lock, Opened};
use super::record::{self, Change, Record, FORMAT_VERSION};
use super::{describe_snapshot, Entry, Journal, JournalError};
use crate::snapshot::Snapshot;

impl Journal {
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
        j.check_chain(&bytes);
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
        let bytes = match crate::store::files::open_nonblocking(path) {
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
        j.check_chain(&bytes);
        j.check_snapshot();
        j.rebuild();
        let warnings = j.warnings.clone();
        Ok((j, warnings))
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
            let parsed = text.and_then(|t| Record::from_line(without_bom(t).trim()).ok());
            // In a chained journal a record is whole only with its whole chain mark: the mark
            // is written last.
            let chained = split
                .lines
                .iter()
                .any(|l| chain::split_mark(l.bytes).1.is_some());
            let whole = match chain::split_mark(tail.bytes).1 {
                Some((_, hash)) => hash.is_some(),
                None => !chained,
            };
            if let Some(rec) = parsed.filter(|_| whole) {
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
        let t = without_bom(text).trim();
        if t.is_empty() || t.starts_with("//") {
            return None;
        }
        match Record::from_line(t) {
            Ok(rec) => {
                self.accept(number, rec, first);
                Some(true)
            }
            Err(e) => {
                // Quoted inert and short: the line may hold escape sequences or be huge.
                let shown = crate::text::excerpt(t, crate::text::EXCERPT_CHARS);
                self.warnings.push(format!(
                    "{}: cannot read this record ({e}): `{shown}`; skipped, the lines after it still count",
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

    /// Compare the journal's header with the snapshot; explain a difference.
    fn check_snapshot(&mut self) {
        self.warn_unknown_units();
        let here = self.snapshot.describe();
        let (same, there, newer) = match &self.header {
            Some(Record::Header {
                title,
                as_of,
                fingerprint,
                ..
            }) => (
                *fingerprint == self.snapshot.fingerprint,
                describe_snapshot(title, *as_of, fingerprint),
                // A later snapshot of the same series (a history's next date): the journal
                // follows its records there by id.
                *title == self.snapshot.title
                    && matches!((as_of, self.snapshot.as_of), (Some(a), Some(b)) if *a < b),
            ),
            _ => (false, "an unknown snapshot".to_string(), false),
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
        if newer && !unknown.is_empty() {
            // The records whose decisions cannot follow are listed (and kept in the file),
            // never dropped; the rest go on, recorded against this snapshot from now on.
            self.warnings.push(format!(
                "{path}: the journal was written against an earlier snapshot of this series ({there}); this is {here}. The decisions follow their records by id; {} item(s) it names are no longer in the reports: {shown}{more}. Their decisions are kept in the journal and listed, not applied",
                unknown.len()
            ));
            self.vanished = unknown.iter().map(|s| s.to_string()).collect();
            self.needs_header = true;
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
}

impl Journal {
    /// Check the hash chain: a record deleted, moved or edited, or the end cut, is said with
    /// where it happened and what is still trusted. A journal written before the chain is said
    /// to be unchained.
    fn check_chain(&mut self, bytes: &[u8]) {
        let (r, _) = chain::verify_file(&self.path, bytes);
        if let Some((line, problem)) = r.problems.first() {
            let trusted = if r.trusted_through_n == 0 {
                "no record of it can be trusted".to_string()
            } else {
                format!(
                    "the records up to #{} (line {}) are verified, those after may have been changed",
                    r.trusted_through_n, r.trusted_through_line
                )
            };
            self.warnings.push(format!(
                "{}: the journal's hash chain is broken: {problem}; {trusted}. `giaoban journal --verify` lists every break",
                self.at(*line)
            ));
        } else if r.records > 0 && r.chained == 0 {
            self.warnings.push(format!(
                "{}: the journal has no hash chain (written by an earlier giaoban): a change to it cannot be detected until the next decision recorded starts one",
                self.path.display()
            ));
        }
    }
}

/// A line without the byte-order mark an editor may have put at the start of the file.
fn without_bom(line: &str) -> &str {
    line.strip_prefix('\u{feff}').unwrap_or(line)
}
