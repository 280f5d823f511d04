//! Whether a file is unchanged since the cache was made, without reading it.
//!
//! Reading and hashing every file on each reopen costs as much as reading the snapshot (785 MB
//! at 200k tasks: seconds). So the cache also keeps, for each file, what the file system says
//! of it (a *stamp*: size, modification and status-change times to the nanosecond, inode and
//! device), taken *before* the file was read for the cache. A file whose stamp is the same
//! now is taken to hold the content whose SHA-256 the cache records; any other file is read
//! and hashed again, and the cache is used only if every digest is the one it was made from.
//!
//! Why an equal stamp means equal content ("never trusted when stale"):
//! - Any write to a file, and any change of its times (`touch`, `cp -p`, `rsync -a`), sets
//!   its status-change time (ctime) to the clock's current time, and no program can set the
//!   ctime back. So a file written after the stamp was taken has a later ctime, unless the
//!   write fell within the same tick of the file system's clock as the ctime recorded.
//! - That is excluded by recording a stamp only for a file whose ctime and mtime were at
//!   least `SETTLE` (2 s, more than the coarsest clock, FAT's 2 s) before the stamp was taken:
//!   any later write happens after the stamp, so in a later tick. A file changed less than
//!   2 s before the load has no stamp and is hashed on every reopen (until the next full load).
//! - A file replaced by another (moved over it, a symlink pointed elsewhere, the folder
//!   copied) has another inode or device; a size change shows in the size.
//!
//! What this does not cover: the system clock set back by more than the time between two
//! writes (the ctime of the second could then equal that of the first to the nanosecond), and
//! file systems that do not keep a ctime. Off Unix there is no stamp: every file is hashed.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How long before the stamp a file's times must be for the stamp to be trusted.
pub const SETTLE: Duration = Duration::from_secs(2);

/// What the file system says of a file (see the module's comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified: (i64, u32),
    changed: (i64, u32),
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of a regular file, from its metadata.
    #[cfg(unix)]
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        meta.is_file().then(|| Stamp {
            len: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec().clamp(0, 999_999_999) as u32),
            changed: (meta.ctime(), meta.ctime_nsec().clamp(0, 999_999_999) as u32),
            inode: meta.ino(),
            device: meta.dev(),
        })
    }

    /// No stamp off Unix: every file is hashed.
    #[cfg(not(unix))]
    pub fn of(_meta: &std::fs::Metadata) -> Option<Stamp> {
        None
    }

    /// The stamp, when the file's times are at least `SETTLE` before `now` (the moment just
    /// before the stamp was taken); `None` when the file changed too recently to tell a later
    /// write in the same clock tick apart.
    pub fn settled(self, now: SystemTime) -> Option<Stamp> {
        let limit = now.checked_sub(SETTLE)?.duration_since(UNIX_EPOCH).ok()?;
        let limit = (i64::try_from(limit.as_secs()).ok()?, limit.subsec_nanos());
        (self.modified <= limit && self.changed <= limit).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Stamp {
        Stamp {
            len: 10,
            modified: (secs, 0),
            changed: (secs, 500),
            inode: 1,
            device: 1,
        }
    }

    #[test]
    fn a_file_changed_within_the_settling_time_has_no_stamp() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(at(990).settled(now), Some(at(990)));
        assert_eq!(
            at(998).settled(now),
            None,
            "2 s before, to the nanosecond after"
        );
        assert_eq!(at(999).settled(now), None);
        assert_eq!(at(1_005).settled(now), None, "a time in the future");
    }
}
