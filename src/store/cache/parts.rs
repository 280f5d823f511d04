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
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{dec, enc, Key};
use crate::domain::{
    Assessment, Benefit, Blocker, Indicator, Locality, Model, ModelGroup, Note, Report, Task,
    TodayProvince, Unit,
};
use crate::snapshot::{Contexts, Index, Snapshot, UnitIndex};
use crate::store::{Diagnostic, Loaded, Origin};

const MAGIC: &[u8; 16] = b"giaoban-cache-3\n";
/// The shape of the records and of the index, from build.rs.
const SCHEMA: &str = env!("GIAOBAN_SCHEMA");
const HEAD: u64 = 48;
const TRAILER: u64 = 20;
/// Records a part: small enough to share out among the cores, large enough to cost nothing.
const CHUNK: usize = 16_384;
const NO_REPORT: u32 = u32::MAX;

mod fill;

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
    /// The records it holds (of a record table or the findings; 0 for another part).
    count: u64,
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

/// The first fields of `HeadOut`: what the records' parts need before they can be filled (the
/// reports, whose ids the records' report indexes point into).
#[derive(Deserialize)]
struct HeadStart {
    #[allow(dead_code)]
    title: String,
    #[allow(dead_code)]
    as_of: Option<NaiveDate>,
    reports: Vec<Report>,
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

/// A part of a record table: the report of each record (an index into the reports: the
/// records do not carry it in their own serialised form), the records and their search
/// texts (read back by `fill`).
#[derive(Serialize)]
struct RowsOut<'a, T> {
    report_of: Vec<u32>,
    records: &'a [T],
    text: &'a [String],
}

/// A record that belongs to a report.
trait OfReport {
    fn report(&self) -> &str;
    fn set_report(&mut self, r: &str);
}

macro_rules! of_report {
    ($($t:ty),*) => {$(
        impl OfReport for $t {
            fn report(&self) -> &str {
                &self.report
            }
            fn set_report(&mut self, r: &str) {
                self.report = r.into();
            }
        }
    )*};
}
of_report!(Task, Blocker, Assessment, Indicator, Benefit, Note);

struct Out<'s> {
    w: BufWriter<File>,
    pos: u64,
    parts: Vec<Part>,
    stop: &'s AtomicBool,
}

impl Out<'_> {
    fn part<T: Serialize + ?Sized>(
        &mut self,
        kind: Kind,
        count: usize,
        v: &T,
    ) -> std::io::Result<()> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("the write was given up"));
        }
        let bytes = enc::to_part(v).map_err(std::io::Error::other)?;
        self.w.write_all(&bytes)?;
        let len = bytes.len() as u64;
        self.parts.push(Part {
            kind,
            offset: self.pos,
            len,
            crc: crc32fast::hash(&bytes),
            count: count as u64,
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
                chunk.len(),
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
/// Stops between two parts when `stop` is set (an error: the file is not whole).
pub(super) fn write_file(
    path: &Path,
    key: &Key,
    loaded: &Loaded,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let s = &loaded.snapshot;
    let ix = &s.index;
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 20, File::create(path)?),
        pos: HEAD,
        parts: Vec::new(),
        stop,
    };
    out.w.write_all(MAGIC)?;
    out.w.write_all(&schema())?;
    out.part(
        Kind::Head,
        0,
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
    out.part(Kind::TaskIds, 0, &ix.task)?;
    out.part(Kind::BlockerIds, 0, &ix.blocker)?;
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
        out.part(Kind::Findings, chunk.len(), chunk)?;
    }
    let Out {
        mut w, pos, parts, ..
    } = out;
    let table = enc::to_part(&Table {
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
    file: Reader,
    table: Table,
}

/// The cache file, read at offsets: one call on Unix, so the cores read side by side;
/// elsewhere a seek then a read, one at a time.
struct Reader {
    file: File,
    #[cfg(not(unix))]
    lock: std::sync::Mutex<()>,
}

impl Reader {
    /// `len` bytes at `offset`, in `buf` (grown as needed and kept by the caller, so that each
    /// core reads every part into the same memory: fresh memory for each part cost most).
    fn read_at<'b>(&self, offset: u64, len: u64, buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        let len = usize::try_from(len).ok()?;
        if buf.len() < len {
            buf.resize(len, 0);
        }
        let out = &mut buf[..len];
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            self.file.read_exact_at(out, offset).ok()?;
        }
        #[cfg(not(unix))]
        {
            use std::io::{Read, Seek, SeekFrom};
            let _one = self.lock.lock().ok()?;
            let mut f = &self.file;
            f.seek(SeekFrom::Start(offset)).ok()?;
            f.read_exact(out).ok()?;
        }
        Some(out)
    }
}

impl Opened {
    /// The cache at `path`, when it is one of this build's, whole as far as its table says.
    pub(super) fn open(path: &Path) -> Option<Opened> {
        let file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let file = Reader {
            file,
            #[cfg(not(unix))]
            lock: std::sync::Mutex::new(()),
        };
        if size < HEAD + TRAILER {
            return None;
        }
        let mut buf = Vec::new();
        let head = file.read_at(0, HEAD, &mut buf)?;
        if head[..16] != MAGIC[..] || head[16..] != schema() {
            return None;
        }
        let end = size - TRAILER;
        let trailer = file.read_at(end, TRAILER, &mut buf)?;
        let at = u64::from_le_bytes(trailer[..8].try_into().ok()?);
        let len = u64::from_le_bytes(trailer[8..16].try_into().ok()?);
        let crc = u32::from_le_bytes(trailer[16..].try_into().ok()?);
        if at < HEAD || at.checked_add(len)? != end {
            return None;
        }
        let bytes = file.read_at(at, len, &mut buf)?;
        if crc32fast::hash(bytes) != crc {
            return None;
        }
        let table: Table = dec::from_part(bytes).ok()?;
        let inside =
            |p: &Part| p.offset >= HEAD && p.offset.checked_add(p.len).is_some_and(|e| e <= at);
        let heads = table.parts.iter().filter(|p| p.kind == Kind::Head).count();
        if heads != 1 || table.parts.first()?.kind != Kind::Head || !table.parts.iter().all(inside)
        {
            return None;
        }
        Some(Opened { file, table })
    }

    /// What the cache was made from.
    pub(super) fn key(&self) -> &Key {
        &self.table.key
    }

    /// A part's bytes, read into `buf`, when they are those written (its CRC).
    fn bytes<'b>(&self, p: &Part, buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        let bytes = self.file.read_at(p.offset, p.len, buf)?;
        (crc32fast::hash(bytes) == p.crc).then_some(bytes)
    }

    /// The snapshot, warnings and findings, decoded on every core; `None` if any part is
    /// damaged or does not fit the others, or once `stop` is set. `progress` is told the
    /// fraction done.
    pub(super) fn decode(
        &self,
        progress: &(dyn Fn(f64) + Sync),
        stop: &AtomicBool,
    ) -> Option<Loaded> {
        let parts = &self.table.parts;
        // Only the reports' ids are needed before the records: the rest of the first part is
        // decoded beside them, as one more part.
        let start: HeadStart =
            dec::from_part_start(self.bytes(&parts[0], &mut Vec::new())?).ok()?;
        let ids: Vec<String> = start.reports.iter().map(|r| r.id.to_string()).collect();
        drop(start);
        let head: Mutex<Option<Head>> = Mutex::new(None);
        let mut tables = fill::Tables::with_room(parts)?;
        // Each part's stretch of the tables, taken by the core that decodes it.
        let sinks: Vec<Mutex<Option<fill::Sink>>> = tables
            .sinks(parts)?
            .into_iter()
            .map(|s| Mutex::new(Some(s)))
            .collect();
        // The largest parts first, so that the cores finish together.
        let mut order: Vec<usize> = (0..parts.len()).collect();
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
            let mut buf = Vec::new();
            while !failed.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed) {
                let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let sink = sinks[i].lock().ok().and_then(|mut s| s.take());
                // The first part, larger than the records' at national scale, is read into
                // memory of its own, given back once decoded: the core's buffer, kept to the
                // end, stays the size of the records' parts.
                let is_head = parts[i].kind == Kind::Head;
                let mut own = Vec::new();
                let into = if is_head { &mut own } else { &mut buf };
                let ok = match (self.bytes(&parts[i], into), sink) {
                    (Some(b), Some(fill::Sink::Other)) if is_head => {
                        let h = dec::from_part(b).ok();
                        h.and_then(|h| head.lock().ok().map(|mut slot| *slot = Some(h)))
                    }
                    (Some(b), Some(fill::Sink::Other)) => {
                        lookup(parts[i].kind, b).map(|m| got.push((parts[i].kind, m)))
                    }
                    (Some(b), Some(sink)) => fill::fill(sink, b, &ids),
                    _ => None,
                };
                if ok.is_none() {
                    failed.store(true, Ordering::Relaxed);
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(n as f64 / order.len().max(1) as f64);
            }
            got
        };
        let lookups: Vec<(Kind, Ids)> = std::thread::scope(|s| {
            let others: Vec<_> = (1..workers).map(|_| s.spawn(work)).collect();
            let mut all = work();
            for h in others {
                match h.join() {
                    Ok(got) => all.extend(got),
                    Err(_) => failed.store(true, Ordering::Relaxed),
                }
            }
            all
        });
        // Every part taken and filled, or the cache is not used.
        let untaken = sinks
            .into_iter()
            .any(|s| s.into_inner().map_or(true, |s| s.is_some()));
        if failed.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed) || untaken {
            return None;
        }
        // SAFETY: every part's sink was taken (none is left) and filled: no part failed.
        unsafe { tables.filled() };
        let head = head.into_inner().ok().flatten()?;
        // The reports the records were filled against are the head's own.
        let same = head.reports.len() == ids.len()
            && head
                .reports
                .iter()
                .zip(&ids)
                .all(|(r, id)| r.id == id.as_str());
        if !same {
            return None;
        }
        assemble(head, tables, lookups)
    }
}

/// A part of the lookups by id.
fn lookup(kind: Kind, bytes: &[u8]) -> Option<Ids> {
    match kind {
        Kind::TaskIds | Kind::BlockerIds => dec::from_part(bytes).ok(),
        _ => None,
    }
}

/// The head, the tables and the lookups put together.
fn assemble(head: Head, t: fill::Tables, lookups: Vec<(Kind, Ids)>) -> Option<Loaded> {
    let mut s = Snapshot {
        title: head.title,
        as_of: head.as_of,
        reports: head.reports,
        today: head.today,
        localities: head.localities,
        units: head.units,
        model_groups: head.model_groups,
        models: head.models,
        tasks: t.tasks.records,
        blockers: t.blockers.records,
        assessments: t.assessments.records,
        indicators: t.indicators.records,
        benefits: t.benefits.records,
        notes: t.notes.records,
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
        task_text: t.tasks.text,
        task_deadline: t.deadlines,
        task_status: t.statuses,
        blocker_text: t.blockers.text,
        assessment_text: t.assessments.text,
        indicator_text: t.indicators.text,
        ..Index::default()
    };
    for (kind, m) in lookups {
        match kind {
            Kind::TaskIds => ix.task = m,
            _ => ix.blocker = m,
        }
    }
    let findings = t.findings;
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

#[cfg(test)]
mod tests;
