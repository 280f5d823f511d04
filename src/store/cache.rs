//! The cache of a loaded snapshot: its records, index, warnings and findings in a binary file
//! in the user's cache folder (`$XDG_CACHE_HOME/giaoban/`, `~/.cache/giaoban/`, one file per
//! snapshot path), so that reopening an unchanged snapshot takes a moment instead of a parse.
//! It is never written into or read from the snapshot folder, which the secretariat copies and
//! sends on (where the user has no cache folder, nothing is cached).
//!
//! Keyed by the content of every file (SHA-256) and by the shape of the records and index this
//! program reads (a hash of its sources, made at build time): a cache of other files or of
//! another version is never used. A file is not read again to know its digest when the file
//! system says it has not changed since it was hashed (`stamp`, which explains why that is
//! safe); otherwise it is read and hashed. A damaged cache (bad header, table, checksum of any
//! part, content that does not decode or does not fit together) is ignored and the snapshot
//! is loaded from its files. `GIAOBAN_NO_CACHE=1` turns it off. The layout is in `parts`.

mod dec;
mod enc;
mod parts;
mod stamp;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::load::Progress;
use super::{FileSource, Loaded, Origin};
pub use stamp::{Stamp, SETTLE};

/// What the cache was made from: the entry file (manifest) and every file it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// SHA-256 of the entry's name and digest, then each file's name and digest, in order.
    pub digest: [u8; 32],
    pub files: Vec<FileState>,
}

/// A file of the snapshot as it was read for the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub name: String,
    /// SHA-256 of its content.
    pub digest: [u8; 32],
    /// Its stamp taken before it was read, when that can vouch for its content later.
    pub stamp: Option<Stamp>,
}

impl Key {
    /// The key of an entry file (its name and text) and of the files it names.
    pub fn new(entry: &str, entry_text: &str, files: Vec<FileState>) -> Key {
        let mut h = Sha256::new();
        h.update(entry.as_bytes());
        h.update(Sha256::digest(entry_text.as_bytes()));
        for f in &files {
            h.update(f.name.as_bytes());
            h.update(f.digest);
        }
        Key {
            digest: h.finalize().into(),
            files,
        }
    }
}

/// Each file's stamp, taken now, before the files are read (see `stamp`); `None` for a file
/// changed too recently, or with no stamp.
pub fn stamps(source: &(dyn FileSource + Sync), files: &[String]) -> Vec<Option<Stamp>> {
    let now = std::time::SystemTime::now();
    files
        .iter()
        .map(|f| source.stamp(f).and_then(|s| s.settled(now)))
        .collect()
}

static ENABLED: AtomicBool = AtomicBool::new(true);

/// Turn the cache on or off for this process (benchmarks; `GIAOBAN_NO_CACHE` also turns it off).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
        && std::env::var_os("GIAOBAN_NO_CACHE").is_none_or(|v| v.is_empty() || v == "0")
}

/// Where the cache of a snapshot is: in the user's own cache folder, never in or beside the
/// snapshot folder. A snapshot folder comes from others; a cache file planted in it would be
/// read as records that skipped the loader's checks (its key, the files' hashes, is easy to
/// forge for someone who has the files), so a cache is only ever read from where this user
/// wrote it.
#[derive(Debug, Clone)]
pub struct CacheSpot {
    pub primary: PathBuf,
}

impl CacheSpot {
    /// For a snapshot folder or file; `None` when the user has no cache folder (no
    /// `$XDG_CACHE_HOME` and no `$HOME`): then nothing is cached.
    pub fn for_path(path: &Path) -> Option<CacheSpot> {
        user_cache_dir().map(|d| {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let h = Sha256::digest(abs.to_string_lossy().as_bytes());
            let hex: String = h[..12].iter().map(|b| format!("{b:02x}")).collect();
            CacheSpot {
                primary: d.join(format!("{hex}.cache")),
            }
        })
    }

    /// Whether there is a cache file to try.
    pub fn exists(&self) -> bool {
        self.primary.is_file()
    }
}

fn user_cache_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("giaoban"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("giaoban"))
}

/// Write the cache in the user's cache folder. A cache that cannot be written is not an
/// error: the next open parses the files again.
pub fn write(spot: &CacheSpot, key: &Key, loaded: &Loaded) {
    let _ = write_to(&spot.primary, key, loaded, &AtomicBool::new(false));
}

/// Written to a new file beside `path`, then renamed over it: a reader sees the old cache or
/// the new one, never half of one. When `stop` is set before the end, the new file is removed
/// and the old cache (if any) stays.
fn write_to(path: &Path, key: &Key, loaded: &Loaded, stop: &AtomicBool) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    remove_abandoned(path);
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    let result =
        parts::write_file(&tmp, key, loaded, stop).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// New files of this cache left by a program that ended while writing (killed, or the
/// machine stopped) are removed once they are clearly not being written any more.
fn remove_abandoned(path: &Path) {
    let (Some(dir), Some(stem)) = (path.parent(), path.file_stem()) else {
        return;
    };
    let prefix = format!("{}.tmp-", stem.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let old = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > ABANDONED);
        if old && e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A new file untouched for this long is no longer being written: a write takes seconds.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(600);

/// Writes put off by `defer_writes` until the records are shared (`write_later`).
static DEFERRING: AtomicBool = AtomicBool::new(false);
static PENDING: Mutex<Vec<(CacheSpot, Key)>> = Mutex::new(Vec::new());
static WRITING: Mutex<Vec<(std::thread::JoinHandle<()>, Arc<AtomicBool>)>> = Mutex::new(Vec::new());

/// From now on, a load that would write the cache leaves it to `write_later` (the console:
/// the cache of a large snapshot takes seconds to write, and the console can be used
/// meanwhile).
pub fn defer_writes(on: bool) {
    DEFERRING.store(on, Ordering::Relaxed);
}

/// Whether a load leaves the cache to `write_later`.
pub(super) fn deferring() -> bool {
    DEFERRING.load(Ordering::Relaxed)
}

/// Note the cache a load would have written, for `write_later`.
pub(super) fn put_off(spot: &CacheSpot, key: Key) {
    if let Ok(mut p) = PENDING.lock() {
        p.retain(|(s, _)| s.primary != spot.primary);
        p.push((spot.clone(), key));
    }
}

/// Write, on a thread of its own at low priority, the cache a load put off for these records
/// (found by where they were loaded from). Nothing when none was put off.
pub fn write_later(loaded: &Arc<Loaded>) {
    let Origin::Path(path) = &loaded.origin else {
        return;
    };
    let Some(spot) = CacheSpot::for_path(path) else {
        return;
    };
    let pending = PENDING.lock().ok().and_then(|mut p| {
        let i = p.iter().position(|(s, _)| s.primary == spot.primary)?;
        Some(p.remove(i))
    });
    let Some((spot, key)) = pending else {
        return;
    };
    let stop = Arc::new(AtomicBool::new(false));
    let (data, halt) = (Arc::clone(loaded), Arc::clone(&stop));
    let spawned = std::thread::Builder::new()
        .name("cache-write".into())
        .spawn(move || {
            lower_priority();
            let _ = write_to(&spot.primary, &key, &data, &halt);
        });
    if let (Ok(h), Ok(mut w)) = (spawned, WRITING.lock()) {
        w.push((h, stop));
    }
}

/// Wait up to `patience` for the caches being written; a write not done by then is given up,
/// its unfinished file removed (the next open parses the files and writes it again). True
/// when every write finished.
pub fn finish_writes(patience: std::time::Duration) -> bool {
    let writing = WRITING
        .lock()
        .map(|mut w| std::mem::take(&mut *w))
        .unwrap_or_default();
    let until = std::time::Instant::now() + patience;
    let mut all = true;
    for (h, stop) in writing {
        while !h.is_finished() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if !h.is_finished() {
            stop.store(true, Ordering::Relaxed);
            all = false;
        }
        let _ = h.join();
    }
    all
}

/// Whether a cache is being written now.
pub fn writing() -> bool {
    WRITING
        .lock()
        .map(|w| w.iter().any(|(h, _)| !h.is_finished()))
        .unwrap_or(false)
}

/// The writing thread gives way to the console's (Linux: a thread's own nice value).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority changes only the nice value of the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

fn open(spot: &CacheSpot) -> Option<parts::Opened> {
    parts::Opened::open(&spot.primary)
}

/// The cache's key and records, when a cache is there, whole and of this program's shape,
/// whatever the files are now.
pub fn read(spot: &CacheSpot) -> Option<(Key, Loaded)> {
    let opened = open(spot)?;
    let key = opened.key().clone();
    Some((key, opened.decode(&|_| {}, &AtomicBool::new(false))?))
}

/// The records of the cache, when it was made from the files as they are now: `entry` and its
/// text (already read), and the `files` it names. A file whose stamp is the one recorded is
/// not read; the others are read and hashed on every core.
///
/// The records are decoded while the stamps are read (thousands of files at national scale):
/// nearly always the files are those the cache was made from. A stamp that differs stops that
/// decoding at once, and the records are then decoded only once every file's content is known
/// to be the one the cache was made from. Records decoded from a cache whose key turns out not
/// to match are dropped, never returned.
pub fn reopen(
    source: &(dyn FileSource + Sync),
    entry: &str,
    entry_text: &str,
    files: &[String],
    spot: &CacheSpot,
    progress: Progress,
) -> Option<Loaded> {
    progress("cache", 0.0);
    let opened = open(spot)?;
    let stored = opened.key();
    if stored.files.len() != files.len() {
        return None;
    }
    let unchanged = |i: usize| {
        let s = &stored.files[i];
        s.name == files[i] && s.stamp.is_some() && source.stamp(&files[i]) == s.stamp
    };
    let changed = AtomicBool::new(false);
    let (to_hash, decoded) = std::thread::scope(|s| {
        let check = s.spawn(|| {
            let stale = |i: &usize| {
                let c = !unchanged(*i);
                if c {
                    changed.store(true, Ordering::Relaxed);
                }
                c
            };
            (0..files.len()).filter(stale).collect::<Vec<usize>>()
        });
        let decoded = opened.decode(&|f| progress("cache", f), &changed);
        (check.join(), decoded)
    });
    let to_hash = to_hash.ok()?;
    let next = AtomicUsize::new(0);
    let hashed: Vec<(usize, Option<[u8; 32]>)> = std::thread::scope(|s| {
        let work = || {
            let mut out = Vec::new();
            while let Some(&i) = to_hash.get(next.fetch_add(1, Ordering::Relaxed)) {
                let d = source
                    .read(&files[i])
                    .ok()
                    .map(|t| Sha256::digest(t.as_bytes()).into());
                out.push((i, d));
            }
            out
        };
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(to_hash.len());
        let others: Vec<_> = (1..workers.clamp(1, 8)).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for h in others {
            all.extend(h.join().unwrap_or_default());
        }
        all
    });
    if hashed.len() != to_hash.len() {
        return None;
    }
    let mut now: Vec<FileState> = stored.files.clone();
    for (i, d) in hashed {
        now[i].digest = d?;
    }
    for (f, name) in now.iter_mut().zip(files) {
        f.name.clone_from(name);
    }
    if Key::new(entry, entry_text, now).digest != stored.digest {
        return None;
    }
    if to_hash.is_empty() {
        // Nothing stopped the decoding: what it made is of these very files (or `None`, a
        // damaged cache).
        return decoded;
    }
    drop(decoded);
    opened.decode(&|f| progress("cache", f), &AtomicBool::new(false))
}
