//! The load itself: the files read and parsed on every core (each straight from RON to its
//! records, cleaned only where the text may need it), then merged, indexed, checked and
//! reconciled; or, when an unchanged snapshot was loaded before, its records from the cache.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::cache::{self, CacheSpot};
use super::diagnostic::{self, Diagnostic};
use super::files::{self, DataFile, Manifest};
use super::{parse, reconcile, validate, FileSource, LoadFailure, Loaded, Origin};
use crate::snapshot::Snapshot;

/// Told how far the load has come: a phase ("read", "index", "check") and the fraction done.
pub type Progress<'a> = &'a (dyn Fn(&'static str, f64) + Sync);

/// What every load from a path tells of its progress, unless given its own (the command line
/// sets a progress bar here when standard error is a terminal).
type Hook = std::sync::Arc<dyn Fn(&'static str, f64) + Send + Sync>;
static HOOK: std::sync::RwLock<Option<Hook>> = std::sync::RwLock::new(None);

/// Set (or clear) the progress every load from a path reports to.
pub fn set_progress(hook: Option<Hook>) {
    if let Ok(mut h) = HOOK.write() {
        *h = hook;
    }
}

/// Report to the hook, if one is set.
pub fn report(phase: &'static str, fraction: f64) {
    let hook = HOOK.read().ok().and_then(|h| h.clone());
    if let Some(h) = hook {
        h(phase, fraction);
    }
}

/// With `GIAOBAN_LOAD_TIMES` set, each phase's time goes to standard error (for profiling),
/// with the processor time of the whole process in it (on a shared machine, the wall time
/// says as much about the other processes as about this one).
struct Phases(Option<(std::time::Instant, f64)>);

/// Processor time used by this process so far, in seconds (0 where it cannot be known).
fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage only writes into the struct it is given.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } == 0 {
            let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
            return t(u.ru_utime) + t(u.ru_stime);
        }
    }
    0.0
}

impl Phases {
    fn new() -> Self {
        Phases(
            std::env::var_os("GIAOBAN_LOAD_TIMES")
                .map(|_| (std::time::Instant::now(), cpu_seconds())),
        )
    }
    fn done(&mut self, what: &str) {
        if let Some((t, c)) = self.0 {
            let cpu = cpu_seconds();
            eprintln!(
                "load: {what:<10} {:>9.1} ms  (processor {:>9.1} ms)",
                t.elapsed().as_secs_f64() * 1000.0,
                (cpu - c) * 1000.0
            );
            self.0 = Some((std::time::Instant::now(), cpu));
        }
    }
}

/// A file read and parsed: its display name, text, records, warnings, and content digest.
type Parsed = (String, String, DataFile, Vec<Diagnostic>, [u8; 32]);

fn display_path(base: &str, path: &str) -> String {
    if base.is_empty() {
        path.to_string()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), path)
    }
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
}

/// Run `f` on every index of `0..n` on all cores; results in index order.
fn par_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers().min(n.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = f(i);
                if let Ok(mut o) = out.lock() {
                    o[i] = Some(r);
                }
            });
        }
    });
    out.into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Load from any file source. `entry` is a manifest or a data file; `spot` where a cache of
/// the loaded records may be read and written.
pub fn load(
    source: &(dyn FileSource + Sync),
    entry: &str,
    base: &str,
    spot: Option<&CacheSpot>,
    progress: Progress,
) -> Result<Loaded, LoadFailure> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut phases = Phases::new();
    let entry_name = display_path(base, entry);
    let text = source.read(entry).map_err(|e| LoadFailure {
        errors: vec![Diagnostic::error(
            &entry_name,
            e.at.unwrap_or((0, 0)),
            e.message,
        )],
        warnings: vec![],
    })?;

    // A manifest names the files; anything else is a single data file.
    let mut snapshot = Snapshot::default();
    let mut files: Vec<String> = Vec::new();
    let is_manifest = looks_like_manifest(&text);
    if is_manifest {
        match parse::parse_ron::<Manifest>(&entry_name, &text) {
            Ok((m, w)) => {
                warnings.extend(w);
                snapshot.title = m.title;
                snapshot.as_of = Some(m.as_of);
                files = m.files;
            }
            Err(e) => errors.push(e),
        }
        if !errors.is_empty() {
            return Err(LoadFailure { errors, warnings });
        }
    } else {
        snapshot.title = entry.to_string();
    }

    // The cache, when there is one for exactly these files.
    let spot = spot.filter(|_| cache::enabled());
    if let Some(spot) = spot.filter(|s| s.exists()) {
        if let Some(loaded) = cache::reopen(source, entry, &text, &files, spot, progress) {
            phases.done("reopen");
            progress("done", 1.0);
            return Ok(loaded);
        }
        phases.done("no cache");
    }
    // Each file's stamp, taken before it is read: what lets the next open trust the cache
    // without reading the file (`cache::stamp`).
    let mut stamps = match spot {
        Some(_) => cache::stamps(source, &files),
        None => Vec::new(),
    };
    stamps.resize(files.len(), None);

    progress("read", 0.0);
    let done = AtomicUsize::new(0);
    let total = files.len().max(1);
    let parsed: Vec<Result<Parsed, Diagnostic>> = if is_manifest {
        par_map(files.len(), |i| {
            let f = &files[i];
            let name = display_path(base, f);
            let r = match source.read(f) {
                Ok(t) => {
                    let d = digest(&t);
                    parse::parse_ron::<DataFile>(&name, &t).map(|(v, w)| (name, t, v, w, d))
                }
                // A bad byte is reported where it is, in the file itself.
                Err(files::ReadError {
                    message,
                    at: Some(at),
                    ..
                }) => Err(Diagnostic::error(&name, at, message)),
                Err(e) => {
                    let pos = diagnostic::position_of(&text, &format!("\"{f}\""), 0);
                    Err(Diagnostic::error(
                        &entry_name,
                        pos,
                        format!(
                            "the manifest names \"{}\": {e}",
                            crate::text::excerpt(f, crate::text::EXCERPT_CHARS)
                        ),
                    ))
                }
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress("read", n as f64 / total as f64);
            r
        })
    } else {
        let d = digest(&text);
        vec![parse::parse_ron::<DataFile>(&entry_name, &text)
            .map(|(v, w)| (entry_name.clone(), text.clone(), v, w, d))]
    };
    let mut parts = Vec::with_capacity(parsed.len());
    let mut states = Vec::with_capacity(files.len());
    for (i, p) in parsed.into_iter().enumerate() {
        match p {
            Ok((name, t, d, w, dg)) => {
                warnings.extend(w);
                if let Some(f) = files.get(i) {
                    states.push(cache::FileState {
                        name: f.clone(),
                        digest: dg,
                        stamp: stamps[i],
                    });
                }
                parts.push((name, t, d));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }

    phases.done("parse");
    progress("index", 0.0);
    let origins = validate::assemble(&mut snapshot, parts);
    phases.done("assemble");
    snapshot.build_index();
    phases.done("index");
    progress("check", 0.0);
    let (errs, warns) = validate::validate(&snapshot, &origins);
    drop(origins);
    phases.done("validate");
    errors.extend(errs);
    warnings.extend(warns);
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }
    if snapshot.as_of.is_none() {
        snapshot.as_of = snapshot.reports.iter().filter_map(|r| r.date).max();
    }
    let findings = reconcile::reconcile(&snapshot);
    phases.done("reconcile");
    let loaded = Loaded {
        snapshot,
        warnings,
        findings,
        origin: Origin::Embedded,
    };
    if let Some(spot) = spot {
        progress("cache", 0.0);
        cache::write(spot, &cache::Key::new(entry, &text, states), &loaded);
        phases.done("cache");
    }
    progress("done", 1.0);
    Ok(loaded)
}

fn looks_like_manifest(text: &str) -> bool {
    // A manifest is a record with `files:` and `as_of:` at its top level.
    let stripped: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    stripped.contains("files:")
        && stripped.contains("as_of:")
        && !stripped.contains("units:")
        && !stripped.contains("tasks:")
}
