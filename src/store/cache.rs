//! The cache of a loaded snapshot: its records, warnings and findings in a binary file in the
//! user's cache folder (`$XDG_CACHE_HOME/giaoban/`, `~/.cache/giaoban/`, one file per snapshot
//! path), so that reopening an unchanged snapshot takes a moment instead of a parse. It is
//! not written into the snapshot folder itself, which the secretariat copies and sends on
//! (only where there is no user cache folder does it go beside the snapshot). Keyed by the content of every file (SHA-256) and by the shape
//! of the records this program reads (a hash of its domain and store sources, made at build
//! time): a cache of other files or of another version is never used. A damaged cache (bad
//! header, wrong length, checksum, or content that does not decode) is ignored and the
//! snapshot is loaded from its files. `GIAOBAN_NO_CACHE=1` turns it off.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Diagnostic, Finding, Loaded, Origin};
use crate::domain::{
    Assessment, Benefit, Blocker, Indicator, Locality, Model, ModelGroup, Note, Report, Task,
    TodayProvince, Unit,
};
use crate::snapshot::Snapshot;

const MAGIC: &[u8; 16] = b"giaoban-cache-1\n";
/// The shape of the records, from build.rs.
const SCHEMA: &str = env!("GIAOBAN_SCHEMA");
const TRAILER: usize = 12;

/// What the cache was made from: the content of every file of the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(pub [u8; 32]);

static ENABLED: AtomicBool = AtomicBool::new(true);

/// Turn the cache on or off for this process (benchmarks; `GIAOBAN_NO_CACHE` also turns it off).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
        && std::env::var_os("GIAOBAN_NO_CACHE").is_none_or(|v| v.is_empty() || v == "0")
}

/// Where the cache of a snapshot is: in the user's cache folder, else beside the snapshot.
#[derive(Debug, Clone)]
pub struct CacheSpot {
    pub primary: PathBuf,
    pub fallback: Option<PathBuf>,
}

impl CacheSpot {
    /// For a snapshot folder or file.
    pub fn for_path(path: &Path) -> CacheSpot {
        let beside = if path.is_dir() {
            path.join(".giaoban-cache")
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            path.with_file_name(format!(".{name}.giaoban-cache"))
        };
        let user = user_cache_dir().map(|d| {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let h = Sha256::digest(abs.to_string_lossy().as_bytes());
            let hex: String = h[..12].iter().map(|b| format!("{b:02x}")).collect();
            d.join(format!("{hex}.cache"))
        });
        match user {
            Some(primary) => CacheSpot {
                primary,
                fallback: Some(beside),
            },
            None => CacheSpot {
                primary: beside,
                fallback: None,
            },
        }
    }

    /// Whether there is a cache file to try.
    pub fn exists(&self) -> bool {
        self.primary.is_file() || self.fallback.as_ref().is_some_and(|f| f.is_file())
    }
}

fn user_cache_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("giaoban"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("giaoban"))
}

/// Which report each record belongs to, as an index into the reports (the records do not
/// carry it in their own serialised form).
type ReportOf = Vec<u32>;
const NO_REPORT: u32 = u32::MAX;

#[derive(Serialize)]
struct Out<'a> {
    title: &'a str,
    as_of: Option<NaiveDate>,
    reports: &'a [Report],
    today: &'a [TodayProvince],
    localities: &'a [Locality],
    units: &'a [Unit],
    model_groups: &'a [ModelGroup],
    models: &'a [Model],
    assessments: &'a [Assessment],
    tasks: &'a [Task],
    blockers: &'a [Blocker],
    indicators: &'a [Indicator],
    benefits: &'a [Benefit],
    notes: &'a [Note],
    report_of: [ReportOf; 6],
    warnings: &'a [Diagnostic],
    findings: &'a [Finding],
}

#[derive(Deserialize)]
struct In {
    title: String,
    as_of: Option<NaiveDate>,
    reports: Vec<Report>,
    today: Vec<TodayProvince>,
    localities: Vec<Locality>,
    units: Vec<Unit>,
    model_groups: Vec<ModelGroup>,
    models: Vec<Model>,
    assessments: Vec<Assessment>,
    tasks: Vec<Task>,
    blockers: Vec<Blocker>,
    indicators: Vec<Indicator>,
    benefits: Vec<Benefit>,
    notes: Vec<Note>,
    report_of: [ReportOf; 6],
    warnings: Vec<Diagnostic>,
    findings: Vec<Finding>,
}

fn report_of<'a>(s: &Snapshot, ids: impl Iterator<Item = &'a str>) -> ReportOf {
    ids.map(|r| {
        s.index
            .report
            .get(r)
            .map(|&i| i as u32)
            .unwrap_or(NO_REPORT)
    })
    .collect()
}

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

fn schema() -> [u8; 32] {
    Sha256::digest(SCHEMA.as_bytes()).into()
}

fn write_to(path: &Path, key: &Key, loaded: &Loaded) -> std::io::Result<()> {
    let s = &loaded.snapshot;
    let out = Out {
        title: &s.title,
        as_of: s.as_of,
        reports: &s.reports,
        today: &s.today,
        localities: &s.localities,
        units: &s.units,
        model_groups: &s.model_groups,
        models: &s.models,
        assessments: &s.assessments,
        tasks: &s.tasks,
        blockers: &s.blockers,
        indicators: &s.indicators,
        benefits: &s.benefits,
        notes: &s.notes,
        report_of: [
            report_of(s, s.assessments.iter().map(|x| x.report.as_str())),
            report_of(s, s.tasks.iter().map(|x| x.report.as_str())),
            report_of(s, s.blockers.iter().map(|x| x.report.as_str())),
            report_of(s, s.indicators.iter().map(|x| x.report.as_str())),
            report_of(s, s.benefits.iter().map(|x| x.report.as_str())),
            report_of(s, s.notes.iter().map(|x| x.report.as_str())),
        ],
        warnings: &loaded.warnings,
        findings: &loaded.findings,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    let result = (|| {
        let mut file = BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        file.write_all(MAGIC)?;
        file.write_all(&schema())?;
        file.write_all(&key.0)?;
        let mut w = Checked {
            inner: file,
            crc: crc32fast::Hasher::new(),
            len: 0,
        };
        bincode::serialize_into(&mut w, &out).map_err(std::io::Error::other)?;
        let Checked {
            mut inner,
            crc,
            len,
            ..
        } = w;
        inner.write_all(&len.to_le_bytes())?;
        inner.write_all(&crc.finalize().to_le_bytes())?;
        inner.flush()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Write the cache in the user's cache folder, or else beside the snapshot. A cache that
/// cannot be written is not an error: the next open parses the files again.
pub fn write(spot: &CacheSpot, key: &Key, loaded: &Loaded) {
    if write_to(&spot.primary, key, loaded).is_ok() {
        return;
    }
    if let Some(f) = &spot.fallback {
        let _ = write_to(f, key, loaded);
    }
}

/// The cache's key and records, when a cache is there, whole and of this program's shape.
pub fn read(spot: &CacheSpot) -> Option<(Key, Loaded)> {
    let bytes = std::fs::read(&spot.primary)
        .ok()
        .or_else(|| spot.fallback.as_ref().and_then(|f| std::fs::read(f).ok()))?;
    decode(&bytes)
}

fn decode(bytes: &[u8]) -> Option<(Key, Loaded)> {
    let head = MAGIC.len() + 64;
    if bytes.len() < head + TRAILER || &bytes[..MAGIC.len()] != MAGIC {
        return None;
    }
    if bytes[MAGIC.len()..MAGIC.len() + 32] != schema() {
        return None;
    }
    let key = Key(bytes[MAGIC.len() + 32..head].try_into().ok()?);
    let payload = &bytes[head..bytes.len() - TRAILER];
    let trailer = &bytes[bytes.len() - TRAILER..];
    let len = u64::from_le_bytes(trailer[..8].try_into().ok()?);
    let crc = u32::from_le_bytes(trailer[8..].try_into().ok()?);
    if len != payload.len() as u64 || crc32fast::hash(payload) != crc {
        return None;
    }
    let d: In = bincode::deserialize(payload).ok()?;
    let [ra, rt, rb, ri, rbe, rn] = d.report_of;
    let ids: Vec<String> = d.reports.iter().map(|r| r.id.clone()).collect();
    let name = |i: u32| -> Option<String> {
        if i == NO_REPORT {
            Some(String::new())
        } else {
            ids.get(i as usize).cloned()
        }
    };
    fn assign<T>(
        v: &mut [T],
        of: &[u32],
        name: &dyn Fn(u32) -> Option<String>,
        set: fn(&mut T, String),
    ) -> Option<()> {
        if v.len() != of.len() {
            return None;
        }
        for (x, &r) in v.iter_mut().zip(of) {
            set(x, name(r)?);
        }
        Some(())
    }
    let mut s = Snapshot {
        title: d.title,
        as_of: d.as_of,
        reports: d.reports,
        today: d.today,
        localities: d.localities,
        units: d.units,
        model_groups: d.model_groups,
        models: d.models,
        assessments: d.assessments,
        tasks: d.tasks,
        blockers: d.blockers,
        indicators: d.indicators,
        benefits: d.benefits,
        notes: d.notes,
        ..Snapshot::default()
    };
    assign(&mut s.assessments, &ra, &name, |x, r| x.report = r)?;
    assign(&mut s.tasks, &rt, &name, |x, r| x.report = r)?;
    assign(&mut s.blockers, &rb, &name, |x, r| x.report = r)?;
    assign(&mut s.indicators, &ri, &name, |x, r| x.report = r)?;
    assign(&mut s.benefits, &rbe, &name, |x, r| x.report = r)?;
    assign(&mut s.notes, &rn, &name, |x, r| x.report = r)?;
    Some((
        key,
        Loaded {
            snapshot: s,
            warnings: d.warnings,
            findings: d.findings,
            origin: Origin::Embedded,
        },
    ))
}
