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

mod parts;
mod stamp;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::load::Progress;
use super::{FileSource, Loaded};
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
    let _ = write_to(&spot.primary, key, loaded);
}

/// Written to a new file beside `path`, then renamed over it: a reader sees the old cache or
/// the new one, never half of one.
fn write_to(path: &Path, key: &Key, loaded: &Loaded) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    let result = parts::write_file(&tmp, key, loaded).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn open(spot: &CacheSpot) -> Option<parts::Opened> {
    parts::Opened::open(&spot.primary)
}

/// The cache's key and records, when a cache is there, whole and of this program's shape,
/// whatever the files are now.
pub fn read(spot: &CacheSpot) -> Option<(Key, Loaded)> {
    let opened = open(spot)?;
    let key = opened.key().clone();
    Some((key, opened.decode(&|_| {})?))
}

/// The records of the cache, when it was made from the files as they are now: `entry` and its
/// text (already read), and the `files` it names. A file whose stamp is the one recorded is
/// not read; the others are read and hashed on every core. The records are decoded only once
/// the key is known to match.
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
    let to_hash: Vec<usize> = (0..files.len()).filter(|&i| !unchanged(i)).collect();
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
            .unwrap_or(1);
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
    opened.decode(&|f| progress("cache", f))
}
