//! The cache file's layout, and its records decoded on every core.
//!
//! `MAGIC` (16 bytes), the build's record shape (32), then the parts one after another, then
//! the table (the key, and each part's kind, place, length and CRC-32), then the table's
//! place, length and CRC-32 (20 bytes). The first part holds the small tables, the warnings
//! and the index's lookups; then the ids of the tasks and blockers; then the tasks,
//! blockers, assessments, indicators, benefits, notes and findings, `CHUNK` records a part,
//! each record table with its records' folded search texts. So a reopen reads the table,
//! checks the key, and then decodes the parts on all cores, each read on its own and checked
//! against its CRC (a damaged part, or an index that points outside its records, makes the
//! whole cache ignored). Nothing is rebuilt but each task's deadline and status (cheap).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::NaiveDate;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::Key;
use crate::domain::{
    Assessment, Benefit, Blocker, Deadline, Indicator, Locality, Model, ModelGroup, Note, Report,
    Status, Task, TodayProvince, Unit,
};
use crate::snapshot::{Contexts, Index, Snapshot, UnitIndex};
use crate::store::{Diagnostic, Finding, Loaded, Origin};

const MAGIC: &[u8; 16] = b"giaoban-cache-2\n";
/// The shape of the records and of the index, from build.rs.
const SCHEMA: &str = env!("GIAOBAN_SCHEMA");
const HEAD: u64 = 48;
const TRAILER: u64 = 20;
/// Records a part: small enough to share out among the cores, large enough to cost nothing.
const CHUNK: usize = 16_384;
const NO_REPORT: u32 = u32::MAX;

fn schema() -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(SCHEMA.as_bytes()).into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Kind {
    Head,
    TaskIds,
    BlockerIds,
    Tasks,
    Blockers,
    Assessments,
    Indicators,
    Benefits,
    Notes,
    Findings,
}

#[derive(Debug, Serialize, Deserialize)]
struct Part {
    kind: Kind,
    offset: u64,
    len: u64,
    crc: u32,
}

#[derive(Serialize, Deserialize)]
struct Table {
    key: Key,
    parts: Vec<Part>,
}

type Ids = HashMap<crate::domain::CompactString, usize>;

#[derive(Serialize)]
struct HeadOut<'a> {
    title: &'a str,
    as_of: Option<NaiveDate>,
    reports: &'a [Report],
    today: &'a [TodayProvince],
    localities: &'a [Locality],
    units: &'a [Unit],
    model_groups: &'a [ModelGroup],
    models: &'a [Model],
    warnings: &'a [Diagnostic],
    report_ix: &'a Ids,
    today_ix: &'a Ids,
    locality_ix: &'a Ids,
    unit_ix: &'a Ids,
    model_ix: &'a HashMap<u32, usize>,
    model_text: &'a [String],
    unit_text: &'a [String],
    locality_text: &'a [String],
    today_text: &'a [String],
    locality_spelling: &'a HashMap<String, Vec<usize>>,
    unit_index: &'a UnitIndex,
    context: &'a Contexts,
    task_blockers: &'a [u32],
}

/// `HeadOut` read back: the same fields in the same order.
#[derive(Deserialize)]
struct Head {
    title: String,
    as_of: Option<NaiveDate>,
    reports: Vec<Report>,
    today: Vec<TodayProvince>,
    localities: Vec<Locality>,
    units: Vec<Unit>,
    model_groups: Vec<ModelGroup>,
    models: Vec<Model>,
    warnings: Vec<Diagnostic>,
    report_ix: Ids,
    today_ix: Ids,
    locality_ix: Ids,
    unit_ix: Ids,
    model_ix: HashMap<u32, usize>,
    model_text: Vec<String>,
    unit_text: Vec<String>,
    locality_text: Vec<String>,
    today_text: Vec<String>,
    locality_spelling: HashMap<String, Vec<usize>>,
    unit_index: UnitIndex,
    context: Contexts,
    task_blockers: Vec<u32>,
}

/// A part of a record table: its records, the report of each (an index into the reports:
/// the records do not carry it in their own serialised form) and their search texts.
#[derive(Serialize)]
struct RowsOut<'a, T> {
    records: &'a [T],
    report_of: Vec<u32>,
    text: &'a [String],
}

#[derive(Deserialize)]
struct Rows<T> {
    records: Vec<T>,
    report_of: Vec<u32>,
    text: Vec<String>,
}

/// A record that belongs to a report.
trait OfReport {
    fn report(&self) -> &str;
    fn set_report(&mut self, r: String);
}

macro_rules! of_report {
    ($($t:ty),*) => {$(
        impl OfReport for $t {
            fn report(&self) -> &str {
                &self.report
            }
            fn set_report(&mut self, r: String) {
                self.report = r.into();
            }
        }
    )*};
}
of_report!(Task, Blocker, Assessment, Indicator, Benefit, Note);

/// A writer that counts and checksums what goes through it.
struct Checked<W: Write> {
    inner: W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

struct Out {
    w: BufWriter<File>,
    pos: u64,
    parts: Vec<Part>,
}

impl Out {
    fn part<T: Serialize + ?Sized>(&mut self, kind: Kind, v: &T) -> std::io::Result<()> {
        let mut c = Checked {
            inner: &mut self.w,
            crc: crc32fast::Hasher::new(),
            len: 0,
        };
        bincode::serialize_into(&mut c, v).map_err(std::io::Error::other)?;
        let (len, crc) = (c.len, c.crc.finalize());
        self.parts.push(Part {
            kind,
            offset: self.pos,
            len,
            crc,
        });
        self.pos += len;
        Ok(())
    }

    fn rows<T: Serialize + OfReport>(
        &mut self,
        kind: Kind,
        records: &[T],
        text: &[String],
        reports: &Ids,
    ) -> std::io::Result<()> {
        for (i, chunk) in records.chunks(CHUNK).enumerate() {
            let from = i * CHUNK;
            let text = text.get(from..from + chunk.len()).unwrap_or(&[]);
            let report_of = chunk
                .iter()
                .map(|x| {
                    reports
                        .get(x.report())
                        .map(|&r| r as u32)
                        .unwrap_or(NO_REPORT)
                })
                .collect();
            self.part(
                kind,
                &RowsOut {
                    records: chunk,
                    report_of,
                    text,
                },
            )?;
        }
        Ok(())
    }
}

/// Write the cache of `loaded` made from the files `key` describes into `path` (a new file).
pub(super) fn write_file(path: &Path, key: &Key, loaded: &Loaded) -> std::io::Result<()> {
    let s = &loaded.snapshot;
    let ix = &s.index;
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 20, File::create(path)?),
        pos: HEAD,
        parts: Vec::new(),
    };
    out.w.write_all(MAGIC)?;
    out.w.write_all(&schema())?;
    out.part(
        Kind::Head,
        &HeadOut {
            title: &s.title,
            as_of: s.as_of,
            reports: &s.reports,
            today: &s.today,
            localities: &s.localities,
            units: &s.units,
            model_groups: &s.model_groups,
            models: &s.models,
            warnings: &loaded.warnings,
            report_ix: &ix.report,
            today_ix: &ix.today,
            locality_ix: &ix.locality,
            unit_ix: &ix.unit,
            model_ix: &ix.model,
            model_text: &ix.model_text,
            unit_text: &ix.unit_text,
            locality_text: &ix.locality_text,
            today_text: &ix.today_text,
            locality_spelling: &ix.locality_spelling,
            unit_index: &ix.units,
            context: &ix.context,
            task_blockers: &ix.task_blockers,
        },
    )?;
    out.part(Kind::TaskIds, &ix.task)?;
    out.part(Kind::BlockerIds, &ix.blocker)?;
    out.rows(Kind::Tasks, &s.tasks, &ix.task_text, &ix.report)?;
    out.rows(Kind::Blockers, &s.blockers, &ix.blocker_text, &ix.report)?;
    out.rows(
        Kind::Assessments,
        &s.assessments,
        &ix.assessment_text,
        &ix.report,
    )?;
    out.rows(
        Kind::Indicators,
        &s.indicators,
        &ix.indicator_text,
        &ix.report,
    )?;
    out.rows(Kind::Benefits, &s.benefits, &[], &ix.report)?;
    out.rows(Kind::Notes, &s.notes, &[], &ix.report)?;
    for chunk in loaded.findings.chunks(CHUNK) {
        out.part(Kind::Findings, chunk)?;
    }
    let Out { mut w, pos, parts } = out;
    let table = bincode::serialize(&Table {
        key: key.clone(),
        parts,
    })
    .map_err(std::io::Error::other)?;
    w.write_all(&table)?;
    w.write_all(&pos.to_le_bytes())?;
    w.write_all(&(table.len() as u64).to_le_bytes())?;
    w.write_all(&crc32fast::hash(&table).to_le_bytes())?;
    w.flush()
}

/// A cache file opened, its header and table checked.
pub(super) struct Opened {
    file: Mutex<File>,
    table: Table,
}

fn read_at(f: &mut File, offset: u64, len: u64) -> Option<Vec<u8>> {
    let mut buf = Vec::with_capacity(usize::try_from(len).ok()?);
    f.seek(SeekFrom::Start(offset)).ok()?;
    f.take(len).read_to_end(&mut buf).ok()?;
    (buf.len() as u64 == len).then_some(buf)
}

impl Opened {
    /// The cache at `path`, when it is one of this build's, whole as far as its table says.
    pub(super) fn open(path: &Path) -> Option<Opened> {
        let mut f = File::open(path).ok()?;
        let size = f.metadata().ok()?.len();
        if size < HEAD + TRAILER {
            return None;
        }
        let head = read_at(&mut f, 0, HEAD)?;
        if head[..16] != MAGIC[..] || head[16..] != schema() {
            return None;
        }
        let end = size - TRAILER;
        let trailer = read_at(&mut f, end, TRAILER)?;
        let at = u64::from_le_bytes(trailer[..8].try_into().ok()?);
        let len = u64::from_le_bytes(trailer[8..16].try_into().ok()?);
        let crc = u32::from_le_bytes(trailer[16..].try_into().ok()?);
        if at < HEAD || at.checked_add(len)? != end {
            return None;
        }
        let bytes = read_at(&mut f, at, len)?;
        if crc32fast::hash(&bytes) != crc {
            return None;
        }
        let table: Table = bincode::deserialize(&bytes).ok()?;
        let inside =
            |p: &Part| p.offset >= HEAD && p.offset.checked_add(p.len).is_some_and(|e| e <= at);
        let heads = table.parts.iter().filter(|p| p.kind == Kind::Head).count();
        if heads != 1 || table.parts.first()?.kind != Kind::Head || !table.parts.iter().all(inside)
        {
            return None;
        }
        Some(Opened {
            file: Mutex::new(f),
            table,
        })
    }

    /// What the cache was made from.
    pub(super) fn key(&self) -> &Key {
        &self.table.key
    }

    /// A part's bytes, when they are those written (its CRC).
    fn bytes(&self, p: &Part) -> Option<Vec<u8>> {
        let buf = {
            let mut f = self.file.lock().ok()?;
            read_at(&mut f, p.offset, p.len)?
        };
        (crc32fast::hash(&buf) == p.crc).then_some(buf)
    }

    /// The snapshot, warnings and findings, decoded on every core; `None` if any part is
    /// damaged or does not fit the others. `progress` is told the fraction done.
    pub(super) fn decode(self, progress: &(dyn Fn(f64) + Sync)) -> Option<Loaded> {
        let parts = &self.table.parts;
        let head: Head = bincode::deserialize(&self.bytes(&parts[0])?).ok()?;
        let ids: Vec<String> = head.reports.iter().map(|r| r.id.to_string()).collect();
        // The largest parts first, so that the cores finish together.
        let mut order: Vec<usize> = (1..parts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(parts[i].len));
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let done = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8);
        let work = || {
            let mut got = Vec::new();
            while !failed.load(Ordering::Relaxed) {
                let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                match self
                    .bytes(&parts[i])
                    .and_then(|b| piece(parts[i].kind, &b, &ids))
                {
                    Some(p) => got.push((i, p)),
                    None => failed.store(true, Ordering::Relaxed),
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(n as f64 / order.len().max(1) as f64);
            }
            got
        };
        let mut pieces: Vec<Option<Piece>> = (0..parts.len()).map(|_| None).collect();
        std::thread::scope(|s| {
            let others: Vec<_> = (1..workers).map(|_| s.spawn(work)).collect();
            let mine = work();
            for (i, p) in others
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .chain(mine)
            {
                pieces[i] = Some(p);
            }
        });
        if failed.load(Ordering::Relaxed) || pieces.iter().skip(1).any(Option::is_none) {
            return None;
        }
        assemble(head, pieces.into_iter().flatten().collect())
    }
}

/// A decoded part.
enum Piece {
    TaskIds(Ids),
    BlockerIds(Ids),
    Tasks(Vec<Task>, Vec<String>, Vec<Deadline>, Vec<Status>),
    Blockers(Vec<Blocker>, Vec<String>),
    Assessments(Vec<Assessment>, Vec<String>),
    Indicators(Vec<Indicator>, Vec<String>),
    Benefits(Vec<Benefit>),
    Notes(Vec<Note>),
    Findings(Vec<Finding>),
}

/// A part of a record table, each record given its report back.
fn rows<T: DeserializeOwned + OfReport>(
    bytes: &[u8],
    ids: &[String],
) -> Option<(Vec<T>, Vec<String>)> {
    let mut r: Rows<T> = bincode::deserialize(bytes).ok()?;
    if r.records.len() != r.report_of.len() {
        return None;
    }
    for (x, &i) in r.records.iter_mut().zip(&r.report_of) {
        let id = if i == NO_REPORT {
            String::new()
        } else {
            ids.get(i as usize)?.clone()
        };
        x.set_report(id);
    }
    Some((r.records, r.text))
}

fn piece(kind: Kind, bytes: &[u8], ids: &[String]) -> Option<Piece> {
    Some(match kind {
        Kind::Head => return None,
        Kind::TaskIds => Piece::TaskIds(bincode::deserialize(bytes).ok()?),
        Kind::BlockerIds => Piece::BlockerIds(bincode::deserialize(bytes).ok()?),
        Kind::Tasks => {
            let (tasks, text) = rows::<Task>(bytes, ids)?;
            let deadlines = tasks
                .iter()
                .map(|t| Deadline::parse(&t.deadline_raw))
                .collect();
            let statuses = tasks
                .iter()
                .map(|t| Status::from_raw(&t.status_raw))
                .collect();
            Piece::Tasks(tasks, text, deadlines, statuses)
        }
        Kind::Blockers => {
            let (v, t) = rows(bytes, ids)?;
            Piece::Blockers(v, t)
        }
        Kind::Assessments => {
            let (v, t) = rows(bytes, ids)?;
            Piece::Assessments(v, t)
        }
        Kind::Indicators => {
            let (v, t) = rows(bytes, ids)?;
            Piece::Indicators(v, t)
        }
        Kind::Benefits => Piece::Benefits(rows(bytes, ids)?.0),
        Kind::Notes => Piece::Notes(rows(bytes, ids)?.0),
        Kind::Findings => Piece::Findings(bincode::deserialize(bytes).ok()?),
    })
}

/// The pieces put together, in the order they were written.
fn assemble(head: Head, pieces: Vec<Piece>) -> Option<Loaded> {
    let mut s = Snapshot {
        title: head.title,
        as_of: head.as_of,
        reports: head.reports,
        today: head.today,
        localities: head.localities,
        units: head.units,
        model_groups: head.model_groups,
        models: head.models,
        ..Snapshot::default()
    };
    let mut ix = Index {
        report: head.report_ix,
        today: head.today_ix,
        locality: head.locality_ix,
        unit: head.unit_ix,
        model: head.model_ix,
        model_text: head.model_text,
        unit_text: head.unit_text,
        locality_text: head.locality_text,
        today_text: head.today_text,
        locality_spelling: head.locality_spelling,
        units: head.unit_index,
        context: head.context,
        task_blockers: head.task_blockers,
        ..Index::default()
    };
    // Room for every record at once: no table is copied while it grows.
    let (mut nt, mut nb, mut na, mut ni, mut nf) = (0, 0, 0, 0, 0);
    for p in &pieces {
        match p {
            Piece::Tasks(v, ..) => nt += v.len(),
            Piece::Blockers(v, _) => nb += v.len(),
            Piece::Assessments(v, _) => na += v.len(),
            Piece::Indicators(v, _) => ni += v.len(),
            Piece::Findings(v) => nf += v.len(),
            _ => {}
        }
    }
    s.tasks.reserve_exact(nt);
    ix.task_text.reserve_exact(nt);
    ix.task_deadline.reserve_exact(nt);
    ix.task_status.reserve_exact(nt);
    s.blockers.reserve_exact(nb);
    ix.blocker_text.reserve_exact(nb);
    s.assessments.reserve_exact(na);
    ix.assessment_text.reserve_exact(na);
    s.indicators.reserve_exact(ni);
    ix.indicator_text.reserve_exact(ni);
    let mut findings = Vec::with_capacity(nf);
    for p in pieces {
        match p {
            Piece::TaskIds(m) => ix.task = m,
            Piece::BlockerIds(m) => ix.blocker = m,
            Piece::Tasks(v, t, d, st) => {
                s.tasks.extend(v);
                ix.task_text.extend(t);
                ix.task_deadline.extend(d);
                ix.task_status.extend(st);
            }
            Piece::Blockers(v, t) => {
                s.blockers.extend(v);
                ix.blocker_text.extend(t);
            }
            Piece::Assessments(v, t) => {
                s.assessments.extend(v);
                ix.assessment_text.extend(t);
            }
            Piece::Indicators(v, t) => {
                s.indicators.extend(v);
                ix.indicator_text.extend(t);
            }
            Piece::Benefits(v) => s.benefits.extend(v),
            Piece::Notes(v) => s.notes.extend(v),
            Piece::Findings(v) => findings.extend(v),
        }
    }
    s.index = ix;
    fits(&s).then_some(Loaded {
        snapshot: s,
        warnings: head.warnings,
        findings,
        origin: Origin::Embedded,
    })
}

/// Whether every index of the cached lookups points at a record there is, and every per-record
/// table has one entry per record: what the views rely on when they index.
fn fits(s: &Snapshot) -> bool {
    let ix = &s.index;
    let within = |m: &Ids, n: usize| m.values().all(|&i| i < n);
    let all_below = |v: &[usize], n: usize| v.iter().all(|&i| i < n);
    let c = &ix.context;
    let contexts = [
        (&c.task, s.tasks.len()),
        (&c.blocker, s.blockers.len()),
        (&c.assessment, s.assessments.len()),
        (&c.indicator, s.indicators.len()),
        (&c.model, s.models.len()),
        (&c.unit, s.units.len()),
        (&c.locality, s.localities.len()),
        (&c.report, s.reports.len()),
    ];
    let u = &ix.units;
    let n_units = s.units.len();
    ix.task_text.len() == s.tasks.len()
        && ix.task_blockers.len() == s.tasks.len()
        && ix.blocker_text.len() == s.blockers.len()
        && ix.assessment_text.len() == s.assessments.len()
        && ix.indicator_text.len() == s.indicators.len()
        && ix.model_text.len() == s.models.len()
        && ix.unit_text.len() == n_units
        && ix.locality_text.len() == s.localities.len()
        && ix.today_text.len() == s.today.len()
        && within(&ix.report, s.reports.len())
        && within(&ix.today, s.today.len())
        && within(&ix.locality, s.localities.len())
        && within(&ix.unit, n_units)
        && ix.model.values().all(|&i| i < s.models.len())
        && within(&ix.task, s.tasks.len())
        && within(&ix.blocker, s.blockers.len())
        && ix
            .locality_spelling
            .values()
            .all(|v| all_below(v, s.localities.len()))
        && contexts
            .iter()
            .all(|(v, n)| v.len() == *n && v.iter().all(|&x| (x as usize) < c.text.len()))
        && u.keys.len() == n_units
        && u.role.iter().flatten().all(|&r| r < n_units)
        && u.by_key.values().all(|v| all_below(v, n_units))
        && u.members
            .iter()
            .all(|(&k, v)| k < n_units && all_below(v, n_units))
}
