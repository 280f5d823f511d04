//! The journal's hash chain: every line the program writes ends with a mark
//! `  // chain #N sha256:H`, where N counts the chained records and H is the SHA-256 of the
//! previous record's H, N and the record's text. A record deleted, moved or edited, or a line
//! added by hand, breaks the chain where it happened; the records before the break are still
//! trusted. The mark is a RON comment: a giaoban without the chain reads the lines as before.
//!
//! A chain starts (or starts again after lines without a mark, as in a journal written by an
//! earlier giaoban) from the SHA-256 of all the file's bytes before it, so the older lines are
//! covered from then on. A cut tail leaves a valid chain, so after each append the last N and
//! H are also written to a tip file beside the journal (`journal.ron.tip`): a journal that
//! ends before its tip was cut.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const MARK: &str = "  // chain #";

/// Where the chain stands after the last line: what the next line is chained to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tail {
    /// The number of the last chained record (0: none yet).
    pub n: u64,
    /// Its hash, when the last line of the file is a chained record; otherwise the next line
    /// is anchored on the hash of the file's bytes.
    pub h: Option<[u8; 32]>,
    /// The hash of all the file's bytes so far (the anchor when `h` is none).
    pub anchor: [u8; 32],
}

impl Tail {
    /// The chain of an empty file.
    pub fn empty() -> Tail {
        Tail {
            n: 0,
            h: None,
            anchor: Sha256::digest(b"").into(),
        }
    }

    /// Mark each line of `text` (lines ending with '\n', without marks) and say where the chain
    /// stands after them.
    pub fn seal(&self, text: &str) -> (String, Tail) {
        let mut out = String::with_capacity(text.len() + 96);
        let mut n = self.n;
        let mut prev = self.h.unwrap_or(self.anchor);
        for line in text.split_inclusive('\n') {
            let body = line.strip_suffix('\n').unwrap_or(line);
            n += 1;
            let h = link(&prev, n, body.as_bytes());
            out.push_str(body);
            out.push_str(&format!("{MARK}{n} sha256:{}\n", hex(&h)));
            prev = h;
        }
        (
            out,
            Tail {
                n,
                h: Some(prev),
                anchor: self.anchor,
            },
        )
    }
}

/// The hash of one record: the previous hash, its number, its text.
fn link(prev: &[u8; 32], n: u64, body: &[u8]) -> [u8; 32] {
    let mut d = Sha256::new();
    d.update(prev);
    d.update(n.to_string().as_bytes());
    d.update(b" ");
    d.update(body);
    d.finalize().into()
}

pub fn hex(h: &[u8; 32]) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// A chain mark as read: the record's number, and its hash when the hash can be read.
pub type Mark = (u64, Option<[u8; 32]>);

/// A line's text without its chain mark, and the mark when it has one.
pub fn split_mark(line: &[u8]) -> (&[u8], Option<Mark>) {
    let Ok(text) = std::str::from_utf8(line) else {
        return (line, None);
    };
    let Some(i) = text.rfind(MARK) else {
        return (line, None);
    };
    let rest = text[i + MARK.len()..].trim_end_matches('\r');
    let mut parts = rest.splitn(2, ' ');
    let n = parts.next().and_then(|n| n.parse::<u64>().ok());
    let h = parts
        .next()
        .and_then(|h| h.strip_prefix("sha256:"))
        .and_then(|h| unhex(h.trim()));
    match n {
        Some(n) => (&line[..i], Some((n, h))),
        None => (line, None),
    }
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Lines that hold a record (not blank, not a comment).
    pub records: usize,
    /// Records with a chain mark.
    pub chained: usize,
    /// The last line up to which everything is verified (0: nothing).
    pub trusted_through_line: usize,
    /// The number of the last chained record verified.
    pub trusted_through_n: u64,
    /// Lines written without a mark (by an earlier giaoban, or by hand), as (first, last) runs.
    pub unchained: Vec<(usize, usize)>,
    /// What breaks the chain, by line, said for people.
    pub problems: Vec<(usize, String)>,
    /// Where the chain stands at the end of the file.
    pub tail: Option<Tail>,
}

impl Report {
    /// Nothing wrong was found.
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Check the chain of a journal's bytes (complete lines; a torn last line is ignored).
pub fn verify(bytes: &[u8]) -> Report {
    // A byte-order mark an editor put at the start is not part of the journal.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = Report::default();
    let mut prev: Option<(u64, [u8; 32])> = None; // the previous line, when chained
    let mut last_n = 0u64;
    let mut broken = false;
    let mut offset = 0usize;
    let mut line_no = 0usize;
    let mut run: Option<(usize, usize)> = None;
    let mut last_record_line = 0usize;
    for raw in bytes.split_inclusive(|b| *b == b'\n') {
        line_no += 1;
        let start = offset;
        offset += raw.len();
        // An unfinished last line counts only with its whole mark (the mark is written last).
        let line = match raw.strip_suffix(b"\n") {
            Some(line) => line,
            None if split_mark(raw).1.is_some_and(|(_, h)| h.is_some()) => raw,
            None => break,
        };
        let trimmed = line.trim_ascii();
        let marked = split_mark(line).1.is_some();
        if !marked && (trimmed.is_empty() || trimmed.starts_with(b"//")) {
            continue;
        }
        r.records += 1;
        last_record_line = line_no;
        let (body, mark) = split_mark(line);
        let Some((n, stored)) = mark else {
            run = Some(run.map_or((line_no, line_no), |(a, _)| (a, line_no)));
            if last_n > 0 && !broken {
                r.problems.push((
                    line_no,
                    "this record has no chain mark though the records before it have one: it was added by hand (or by an earlier giaoban), or its mark was removed".into(),
                ));
                broken = true;
            }
            prev = None;
            continue;
        };
        if let Some(u) = run.take() {
            r.unchained.push(u);
        }
        r.chained += 1;
        let base = match prev {
            Some((_, h)) => h,
            None => Sha256::digest(&bytes[..start]).into(),
        };
        let expected = link(&base, n, body);
        let problem = if n <= last_n {
            Some(format!(
                "record #{n} comes after #{last_n}: records were moved or copied"
            ))
        } else if n > last_n + 1 {
            Some(if n == last_n + 2 {
                format!(
                    "record #{} is missing before this one (#{n}): it was deleted",
                    last_n + 1
                )
            } else {
                format!(
                    "records #{}–#{} are missing before this one (#{n}): they were deleted",
                    last_n + 1,
                    n - 1
                )
            })
        } else if stored != Some(expected) {
            Some(format!(
                "record #{n} was changed after it was written (its hash does not match)"
            ))
        } else {
            None
        };
        if let Some(p) = problem {
            if !broken {
                r.problems.push((line_no, p));
                broken = true;
            } else if r.problems.len() < 20 {
                r.problems.push((line_no, p));
            }
        }
        if !broken {
            r.trusted_through_line = line_no;
            r.trusted_through_n = n;
        }
        last_n = last_n.max(n);
        prev = Some((n, stored.unwrap_or(expected)));
    }
    if let Some(u) = run.take() {
        r.unchained.push(u);
    }
    if !broken && r.chained == 0 {
        r.trusted_through_line = 0;
    } else if !broken {
        r.trusted_through_line = last_record_line.max(r.trusted_through_line);
    }
    let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    r.tail = Some(Tail {
        n: last_n,
        h: prev.map(|(_, h)| h),
        anchor: Sha256::digest(&bytes[..complete]).into(),
    });
    r
}

/// Where the chain stands after `bytes` (the file up to where the next line goes).
pub fn tail_of(bytes: &[u8]) -> Tail {
    verify(bytes).tail.unwrap_or_else(Tail::empty)
}

/// The tip file of a journal.
pub fn tip_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".tip");
    journal.with_file_name(name)
}

/// Write the tip (the last record's number and hash) beside the journal: to a temporary file,
/// synced, then renamed over the old tip.
pub fn write_tip(journal: &Path, tail: &Tail) -> std::io::Result<()> {
    let Some(h) = tail.h else { return Ok(()) };
    let tip = tip_path(journal);
    let tmp = tip.with_extension("tip.tmp");
    let text = format!(
        "// The end of {}: its last record's number and hash (giaoban journal --verify).\n(n: {}, h: \"sha256:{}\")\n",
        journal.file_name().unwrap_or_default().to_string_lossy(),
        tail.n,
        hex(&h)
    );
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, &tip)
}

/// The tip beside a journal: the number and hash of the last record written, when there is one.
pub fn read_tip(journal: &Path) -> Option<Result<(u64, [u8; 32]), String>> {
    let tip = tip_path(journal);
    let text = match crate::store::files::open_regular(&tip, 1 << 16)
        .and_then(|mut f| crate::store::files::read_limited(&mut f, 1 << 16))
    {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.not_found => return None,
        Err(e) => return Some(Err(e.message)),
    };
    #[derive(serde::Deserialize)]
    struct Tip {
        n: u64,
        h: String,
    }
    Some(
        ron::from_str::<Tip>(&text)
            .map_err(|e| format!("the tip file cannot be read ({})", e.code))
            .and_then(|t| {
                t.h.strip_prefix("sha256:")
                    .and_then(unhex)
                    .map(|h| (t.n, h))
                    .ok_or_else(|| "the tip file's hash cannot be read".to_string())
            }),
    )
}

/// `verify`, and the journal's end compared with its tip file.
pub fn verify_file(journal: &Path, bytes: &[u8]) -> (Report, TipState) {
    let mut r = verify(bytes);
    let tail = r.tail.clone().unwrap_or_else(Tail::empty);
    let last_line = bytes.iter().filter(|b| **b == b'\n').count();
    let tip = match read_tip(journal) {
        None => TipState::Missing,
        Some(Err(e)) => TipState::Unreadable(e),
        Some(Ok((n, h))) => {
            if n > tail.n {
                let cut = n - tail.n;
                r.problems.push((
                    last_line,
                    if tail.n == 0 {
                        format!("the journal was cut: its tip file says {n} record(s) were written, none is left")
                    } else {
                        format!(
                            "the journal was cut: it ends at record #{}, but its tip file says #{n} was written ({cut} record(s) missing at the end)",
                            tail.n
                        )
                    },
                ));
            } else if n == tail.n && tail.h != Some(h) && r.problems.is_empty() {
                r.problems.push((
                    last_line,
                    format!("record #{n}, the last one, is not the one that was written (its tip file has another hash): the end of the journal was replaced"),
                ));
                r.trusted_through_n = n.saturating_sub(1);
            }
            TipState::Matches
        }
    };
    (r, tip)
}

/// What the tip file beside a journal says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TipState {
    /// Read and compared (any cut is among the problems).
    Matches,
    /// There is none (a journal sent without it, or written by an earlier giaoban): a cut at
    /// the end cannot be ruled out.
    Missing,
    Unreadable(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal(lines: &[&str]) -> Vec<u8> {
        let mut tail = Tail::empty();
        let mut out = String::new();
        for l in lines {
            let (text, next) = tail.seal(&format!("{l}\n"));
            out.push_str(&text);
            tail = next;
        }
        out.into_bytes()
    }

    fn lines(b: &[u8]) -> Vec<String> {
        String::from_utf8(b.to_vec())
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_and_resumes() {
        let b = journal(&["header(a)", "decision(b)", "decision(c)"]);
        let r = verify(&b);
        assert!(r.intact(), "{r:?}");
        assert_eq!(
            (r.chained, r.trusted_through_line, r.trusted_through_n),
            (3, 3, 3)
        );
        // Appending from the tail continues the same chain.
        let (more, _) = tail_of(&b).seal("decision(d)\n");
        let mut all = b.clone();
        all.extend(more.as_bytes());
        assert!(verify(&all).intact());
        assert!(more.contains("// chain #4 sha256:"));
    }

    #[test]
    fn a_deleted_edited_or_moved_record_is_found_where_it_happened() {
        let b = journal(&["header(a)", "decision(b)", "decision(c)", "decision(d)"]);
        let l = lines(&b);
        let deleted = format!("{}\n{}\n{}\n", l[0], l[1], l[3]);
        let r = verify(deleted.as_bytes());
        assert_eq!(r.problems[0].0, 3);
        assert!(r.problems[0].1.contains("record #3 is missing"), "{r:?}");
        assert_eq!((r.trusted_through_line, r.trusted_through_n), (2, 2));

        let edited = format!(
            "{}\n{}\n{}\n{}\n",
            l[0],
            l[1].replace("(b)", "(x)"),
            l[2],
            l[3]
        );
        let r = verify(edited.as_bytes());
        assert_eq!(r.problems[0].0, 2);
        assert!(r.problems[0].1.contains("record #2 was changed"), "{r:?}");
        assert_eq!(r.trusted_through_n, 1);

        let moved = format!("{}\n{}\n{}\n{}\n", l[0], l[2], l[1], l[3]);
        let r = verify(moved.as_bytes());
        assert_eq!(r.problems[0].0, 2);
        assert!(!r.intact());

        let added = format!("{}\n{}\ndecision(z)\n{}\n{}\n", l[0], l[1], l[2], l[3]);
        let r = verify(added.as_bytes());
        assert_eq!(r.problems[0].0, 3);
        assert!(r.problems[0].1.contains("no chain mark"), "{r:?}");
    }

    #[test]
    fn an_old_journal_is_unchained_and_a_chain_can_start_after_it() {
        let old = b"header(a)\ndecision(b)\n".to_vec();
        let r = verify(&old);
        assert!(r.intact());
        assert_eq!((r.records, r.chained), (2, 0));
        assert_eq!(r.unchained, vec![(1, 2)]);
        let (more, _) = tail_of(&old).seal("decision(c)\n");
        let mut all = old.clone();
        all.extend(more.as_bytes());
        let r = verify(&all);
        assert!(r.intact(), "{r:?}");
        // The old lines are covered from then on: editing one breaks the chain.
        let edited = String::from_utf8(all).unwrap().replace("(b)", "(x)");
        assert!(!verify(edited.as_bytes()).intact());
    }
}
