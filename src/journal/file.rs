//! The journal file on disk: reading it line by line, appending durably (write, then fsync
//! the file, and the folder when the file is new), taking back a failed append, and the lock
//! that keeps a second process from writing at the same time.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A complete line of the file (it ends with a newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// 1-based line number.
    pub number: usize,
    /// Byte offset of its first byte.
    pub start: u64,
    pub bytes: &'a [u8],
}

/// The file's bytes cut into complete lines, and what follows the last newline, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub lines: Vec<RawLine<'a>>,
    /// Bytes after the last newline: a record being written when the program stopped, or a
    /// last line someone saved without a newline.
    pub tail: Option<RawLine<'a>>,
}

pub fn split(bytes: &[u8]) -> Split<'_> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut number = 1usize;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            lines.push(RawLine {
                number,
                start: start as u64,
                bytes: &bytes[start..i],
            });
            number += 1;
            start = i + 1;
        }
    }
    let tail = (start < bytes.len()).then(|| RawLine {
        number,
        start: start as u64,
        bytes: &bytes[start..],
    });
    Split { lines, tail }
}

/// Everything in the file, from its first byte (whatever the file position). Only a regular
/// file within the size limit is read: a journal that is a FIFO or `/dev/zero` is refused
/// before reading, with the reason.
pub fn read_all(file: &mut File) -> io::Result<Vec<u8>> {
    use crate::store::files;
    let limit = files::max_file_bytes();
    files::check_regular(file, limit).map_err(|e| io::Error::other(e.message))?;
    file.seek(SeekFrom::Start(0))?;
    files::read_limited(file, limit).map_err(|e| io::Error::other(e.message))
}

/// Append and make it durable before returning: one write of the whole text (the file is
/// opened in append mode), then fsync.
pub fn append_durably(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Take back a failed append: cut the file to its length before, and make that durable.
pub fn truncate_durably(file: &File, len: u64) -> io::Result<()> {
    file.set_len(len)?;
    file.sync_all()
}

/// fsync a folder, so that a file created in it (its name) survives a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)?.sync_all()
}

/// The folder a path sits in ("." for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Create the folders up to `dir` and fsync each parent of a folder that was created.
pub fn create_dirs_durably(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.as_os_str().is_empty() || d.is_dir() {
            break;
        }
        if d.exists() {
            return Err(io::Error::new(
                ErrorKind::NotADirectory,
                format!("{} is a file, not a folder", d.display()),
            ));
        }
        missing.push(d.to_path_buf());
        cur = d.parent();
    }
    std::fs::create_dir_all(dir)?;
    for d in missing.iter().rev() {
        sync_dir(&parent_of(d))?;
    }
    Ok(())
}

/// How the journal was opened for writing.
pub enum Opened {
    /// Opened for appending; `created` when this call made the file.
    Writable { file: File, created: bool },
    /// Could not be opened for writing: why (already said for people), and the file opened
    /// for reading when it exists.
    ReadOnly { reason: String, file: Option<File> },
}

/// Open (or create) the journal for appending. Never fails: a journal that cannot be written
/// comes back read-only, with the reason.
pub fn open_for_append(path: &Path) -> Opened {
    let dir = parent_of(path);
    if let Err(e) = create_dirs_durably(&dir) {
        return Opened::ReadOnly {
            reason: format!(
                "cannot create the folder {} for the journal: {}",
                dir.display(),
                explain_io(&e)
            ),
            file: None,
        };
    }
    let created = match OpenOptions::new()
        .read(true)
        .append(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => {
            return Opened::Writable {
                file,
                created: true,
            }
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => false,
        Err(e) => {
            return Opened::ReadOnly {
                reason: format!("cannot create {}: {}", path.display(), explain_io(&e)),
                file: None,
            }
        }
    };
    match OpenOptions::new().read(true).append(true).open(path) {
        Ok(file) => Opened::Writable { file, created },
        Err(e) => {
            let reason = format!("cannot write to {}: {}", path.display(), explain_io(&e));
            Opened::ReadOnly {
                reason,
                file: crate::store::files::open_nonblocking(path).ok(),
            }
        }
    }
}

/// The outcome of asking for the journal's lock.
pub enum Lock {
    Held,
    /// Another process (or another opener in this one) holds it.
    Busy,
    /// The file system cannot lock: go on without it, and say so.
    Unsupported(String),
    Failed(String),
}

/// An exclusive lock on the open journal file, without waiting. Released when the file is
/// closed, also when the process is killed.
pub fn try_lock(file: &File) -> Lock {
    match file.try_lock() {
        Ok(()) => Lock::Held,
        Err(std::fs::TryLockError::WouldBlock) => Lock::Busy,
        Err(std::fs::TryLockError::Error(e)) if e.kind() == ErrorKind::Unsupported => {
            Lock::Unsupported(explain_io(&e))
        }
        Err(std::fs::TryLockError::Error(e)) => Lock::Failed(explain_io(&e)),
    }
}

/// An I/O error said for the secretariat.
pub fn explain_io(e: &io::Error) -> String {
    if e.raw_os_error().is_none() && e.get_ref().is_some() {
        // Our own message, already said for people.
        return e.to_string();
    }
    let what = match e.kind() {
        ErrorKind::PermissionDenied => "permission denied",
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "the disk quota is used up",
        ErrorKind::FileTooLarge => "the file has reached the size limit",
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder",
        ErrorKind::IsADirectory => "it is a folder, not a file",
        ErrorKind::NotFound => "no such file or folder",
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => format!("{what} (os error {code})"),
        None => what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_the_unfinished_tail_apart() {
        let s = split(b"a\nbc\nde");
        assert_eq!(s.lines.len(), 2);
        assert_eq!(s.lines[1].bytes, b"bc");
        assert_eq!(s.lines[1].start, 2);
        let t = s.tail.unwrap();
        assert_eq!((t.number, t.start, t.bytes), (3, 5, &b"de"[..]));
        assert!(split(b"a\n").tail.is_none());
        assert!(split(b"").lines.is_empty());
    }
}
