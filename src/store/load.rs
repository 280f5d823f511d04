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

/// With `GIAOBAN_LOAD_TIMES` set, each phase's time goes to standard error (for profiling):
/// wall-clock time, and the processor time the whole process spent in it (on a busy machine the
/// second says more about the work done).
struct Phases(Option<(std::time::Instant, f64)>);

impl Phases {
    fn new() -> Self {
        Phases(
            std::env::var_os("GIAOBAN_LOAD_TIMES")
                .map(|_| (std::time::Instant::now(), cpu_ms(false))),
        )
    }
    fn done(&mut self, what: &str) {
        if let Some((t, cpu)) = self.0 {
            let now = cpu_ms(false);
            let (rss, peak) = memory_mb();
            eprintln!(
                "load: {what:<12} {:>9.1} ms  (cpu {:>9.1} ms)  memory {rss:>6} MB, peak {peak:>6} MB",
                t.elapsed().as_secs_f64() * 1000.0,
                now - cpu
            );
            self.0 = Some((std::time::Instant::now(), now));
        }
    }
}

/// Give back to the system the memory the allocator holds free. Merging the files' records
/// into the snapshot's lists frees every file's own lists (a third of the records' memory,
/// 370 MB at 200k tasks) in pieces glibc's allocator keeps for itself; the search texts built
/// next are allocated elsewhere, so without this the process holds both at its peak. It takes
/// a few milliseconds (50 at 200k tasks).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages of the allocator's heaps back to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// As many allocator arenas as the load has threads. glibc's allocator gives each thread that
/// allocates at the same time as another an arena of its own (up to eight per core), and memory
/// freed in one arena serves only that arena's threads: with the parse's, the search texts', the
/// checks' and the reconciliation's threads, each kept its own free memory (16 MB more at the
/// peak of a 200k load, for no speed on two cores).
fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a limit the allocator reads when a thread next needs an arena.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, workers().max(2) as libc::c_int);
    }
}

/// The process's resident memory now and at its highest so far, in MB (Linux; else zero).
fn memory_mb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Processor time (user and system) of the process, or of the calling thread, in ms.
fn cpu_ms(thread: bool) -> f64 {
    #[cfg(target_os = "linux")]
    {
        let who = if thread {
            libc::RUSAGE_THREAD
        } else {
            libc::RUSAGE_SELF
        };
        // SAFETY: getrusage only writes the struct it is given.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(who, &mut u) } == 0 {
            let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
            return ms(u.ru_utime) + ms(u.ru_stime);
        }
    }
    let _ = thread;
    0.0
}

/// A file read and parsed: its name in messages, its path for the source, its records, its
/// warnings, and its content digest (when a cache is to be written).
type Parsed = (String, String, DataFile, Vec<Diagnostic>, Option<[u8; 32]>);

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
    limit_arenas();
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

    // The files' digests are the key of the cache written after the load: only then made.
    let writes_cache = spot.is_some() && cache::enabled();
    progress("read", 0.0);
    let done = AtomicUsize::new(0);
    let total = files.len().max(1);
    // Each file is read, parsed and dropped on the core that reads it: only its records are
    // kept, and they learn their report there.
    let parse_one = |name: String, path: String, t: &str| {
        let d = writes_cache.then(|| digest(t));
        parse::parse_ron::<DataFile>(&name, t).map(|(mut v, w)| {
            validate::own_records(&mut v);
            (name, path, v, w, d)
        })
    };
    let parsed: Vec<Result<Parsed, Diagnostic>> = if is_manifest {
        par_map(files.len(), |i| {
            let f = &files[i];
            let name = display_path(base, f);
            let r = match source.read(f) {
                Ok(t) => parse_one(name, f.clone(), &t),
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
        vec![parse_one(entry_name.clone(), entry.to_string(), &text)]
    };
    let mut parts = Vec::with_capacity(parsed.len());
    let mut states = Vec::with_capacity(files.len());
    for (i, p) in parsed.into_iter().enumerate() {
        match p {
            Ok((name, path, d, w, dg)) => {
                warnings.extend(w);
                if let (Some(f), Some(dg)) = (files.get(i), dg) {
                    states.push(cache::FileState {
                        name: f.clone(),
                        digest: dg,
                        stamp: stamps[i],
                    });
                }
                parts.push((name, path, d));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }
    // The key of the cache to write, while the entry's text is at hand.
    let key = writes_cache.then(|| cache::Key::new(entry, &text, states));
    drop(text);

    phases.done("parse");
    progress("index", 0.0);
    let origins = validate::assemble(&mut snapshot, parts, source);
    release_freed_memory();
    phases.done("assemble");
    snapshot.build_lookups();
    phases.done("lookups");
    if snapshot.as_of.is_none() {
        snapshot.as_of = snapshot.reports.iter().filter_map(|r| r.date).max();
    }
    // The search texts, the checks and the reconciliation need only the records and the
    // lookups: they are worked out side by side. The findings are kept only if the checks pass.
    progress("check", 0.0);
    let timed = phases.0.is_some();
    let (search, (errs, warns), findings) = std::thread::scope(|sc| {
        let snap = &snapshot;
        let search = sc.spawn(move || snap.build_search_with(&|what, job| time(timed, what, job)));
        let checks = sc.spawn(|| time(timed, "validate", || validate::validate(snap, &origins)));
        let findings = time(timed, "reconcile", || reconcile::reconcile(snap));
        (
            search
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            checks
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            findings,
        )
    });
    drop(origins);
    snapshot.set_search(search);
    // What the side-by-side jobs freed sits in their threads' arenas, which the console's
    // thread does not draw from.
    release_freed_memory();
    phases.done("index+check");
    errors.extend(errs);
    warnings.extend(warns);
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }
    let loaded = Loaded {
        snapshot,
        warnings,
        findings,
        origin: Origin::Embedded,
    };
    if let (Some(spot), Some(key)) = (spot, key) {
        if cache::deferring() {
            cache::put_off(spot, key);
        } else {
            progress("cache", 0.0);
            cache::write(spot, &key, &loaded);
            phases.done("cache");
        }
    }
    progress("done", 1.0);
    Ok(loaded)
}

/// `f()`, its time on standard error when `timed` (one of the phases run side by side).
fn time<T>(timed: bool, what: &str, mut f: impl FnMut() -> T) -> T {
    let (t, cpu) = (std::time::Instant::now(), cpu_ms(true));
    let r = f();
    if timed {
        eprintln!(
            "load:   {what:<10} {:>9.1} ms  (cpu {:>9.1} ms of its own thread, side by side)",
            t.elapsed().as_secs_f64() * 1000.0,
            cpu_ms(true) - cpu
        );
    }
    r
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
