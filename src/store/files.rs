//! The shapes of the RON files under `data/`. `data/README.md` documents them for the
//! secretariat; the field types are the domain's own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Assessment, Benefit, Blocker, Indicator, Locality, Model, ModelGroup, Note, Report, Task,
    TodayProvince, Unit,
};

/// `manifest.ron`: the snapshot's title and date, and the files it is made of.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub title: String,
    /// The date the snapshot describes; overdue is computed against it unless `--as-of` is given.
    pub as_of: NaiveDate,
    /// Paths relative to the manifest, in load order.
    pub files: Vec<String>,
}

/// Any data file: every section is optional, so the same shape serves `localities.ron`,
/// `units.ron`, `models.ron` and one file per source report.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DataFile {
    /// The source report this file holds (records below belong to it).
    pub report: Option<Report>,
    /// The 34 provincial-level units of today.
    pub today: Vec<TodayProvince>,
    pub localities: Vec<Locality>,
    pub units: Vec<Unit>,
    pub model_groups: Vec<ModelGroup>,
    pub models: Vec<Model>,
    pub assessments: Vec<Assessment>,
    pub tasks: Vec<Task>,
    pub blockers: Vec<Blocker>,
    pub indicators: Vec<Indicator>,
    pub benefits: Vec<Benefit>,
    pub notes: Vec<Note>,
}

// ---------------------------------------------------------------------------------------------
// Opening files. Snapshot folders, journals and config files come from others: a file is read
// only when it is a regular file no bigger than the limit, a manifest's paths stay inside the
// snapshot folder, and the text is UTF-8 (a byte-order mark is accepted; a bad byte is named
// by line and column).

use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The default limit on the size of one input file: 64 MB, more than 100 times the largest
/// file of the shipped snapshot.
pub const DEFAULT_MAX_FILE_MB: u64 = 64;

static MAX_FILE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_MB << 20);

/// The size limit of one input file, in bytes (`--max-file-size MB` raises it).
pub fn max_file_bytes() -> u64 {
    MAX_FILE_BYTES.load(Ordering::Relaxed)
}

/// Set the size limit of one input file, in MB (for the whole process: the command line sets
/// it once, before anything is read).
pub fn set_max_file_mb(mb: u64) {
    MAX_FILE_BYTES.store(mb.saturating_mul(1 << 20), Ordering::Relaxed);
}

/// Why a file was not read, said for the secretariat; `at` is the line and column of a bad
/// byte when the file is not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    pub at: Option<(usize, usize)>,
    /// The file does not exist (a config file that is not there is not an error).
    pub not_found: bool,
}

impl ReadError {
    fn new(message: impl Into<String>) -> Self {
        ReadError {
            message: message.into(),
            at: None,
            not_found: false,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn io_message(e: &std::io::Error) -> ReadError {
    use std::io::ErrorKind as K;
    let mut r = ReadError::new(match e.kind() {
        K::NotFound => "the file does not exist".to_string(),
        K::PermissionDenied => "permission denied".to_string(),
        K::IsADirectory => "it is a folder, not a file".to_string(),
        _ => e.to_string(),
    });
    r.not_found = e.kind() == K::NotFound;
    r
}

/// What kind of thing a path is, when it is not a regular file.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Open a file for reading without ever waiting (a FIFO with no writer would block an
/// ordinary open), and check what was opened: a regular file within `limit` bytes.
pub fn open_regular(path: &Path, limit: u64) -> Result<File, ReadError> {
    let file = open_nonblocking(path).map_err(|e| io_message(&e))?;
    check_regular(&file, limit)?;
    Ok(file)
}

/// Open for reading without waiting: opening a FIFO that no one writes to returns at once
/// (reading a regular file is not affected). Check the file with `check_regular` before
/// reading it.
pub fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path)
}

/// Check an open file before reading it: a regular file within `limit` bytes.
pub fn check_regular(file: &File, limit: u64) -> Result<(), ReadError> {
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(ReadError::new(format!(
            "it is {}, not a regular file: only regular files are read",
            kind_of(&meta)
        )));
    }
    if meta.len() > limit {
        return Err(too_big(meta.len(), limit));
    }
    Ok(())
}

fn too_big(len: u64, limit: u64) -> ReadError {
    let mb = |b: u64| b.div_ceil(1 << 20);
    ReadError::new(format!(
        "the file is {} MB, more than the limit of {} MB for one file; if it really is this big, raise the limit with --max-file-size {}",
        mb(len),
        mb(limit),
        mb(len).next_power_of_two().max(mb(limit) * 2)
    ))
}

/// The bytes of an open, checked file, never more than `limit` (a file that grows while it
/// is read is refused too).
pub fn read_limited(file: &mut File, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Sized once from what the file says it holds (it may still grow or shrink).
    let size = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_message(&e))?;
    if buf.len() as u64 > limit {
        return Err(too_big(buf.len() as u64, limit));
    }
    Ok(buf)
}

/// A text file: a regular file within the limit, UTF-8 (a leading byte-order mark is
/// dropped).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let limit = max_file_bytes();
    let mut f = open_regular(path, limit)?;
    let bytes = read_limited(&mut f, limit)?;
    READ_FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    READ_BYTES.fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
    decode(bytes)
}

static READ_FILES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static READ_BYTES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many files, and bytes, `read_text` has read since the program started (the loading
/// screen shows the difference while a snapshot loads).
pub fn read_so_far() -> (u64, u64) {
    (
        READ_FILES.load(std::sync::atomic::Ordering::Relaxed),
        READ_BYTES.load(std::sync::atomic::Ordering::Relaxed),
    )
}

/// UTF-8 text from bytes, without a leading byte-order mark. A byte that is not UTF-8 is
/// reported at its line and column (counted in characters, as editors do).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // The whole file checked at once with the processor's vector instructions: the standard
    // check, byte by byte, took a sixth of the load of a large snapshot. It is used only to
    // tell where a file that is not UTF-8 goes wrong.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        let at = super::diagnostic::position_at(before, good);
        let bad: Vec<String> = bytes[good..]
            .iter()
            .take(4)
            .map(|b| format!("0x{b:02X}"))
            .collect();
        ReadError {
            message: format!(
                "the file is not UTF-8 text: the byte {} here cannot be read as a character (save the file as UTF-8)",
                bad.first().cloned().unwrap_or_default()
            ),
            at: Some(at),
            not_found: false,
        }
    })
}

/// The path of a file a manifest names: relative, and inside the snapshot folder once
/// symlinks are resolved.
pub fn inside(folder: &Path, named: &str) -> Result<PathBuf, ReadError> {
    let rel = Path::new(named);
    if named.is_empty() {
        return Err(ReadError::new("the name is empty"));
    }
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(ReadError::new(
            "a manifest names files by paths relative to its folder; an absolute path is refused",
        ));
    }
    let root = folder.canonicalize().map_err(|e| io_message(&e))?;
    let full = folder.join(rel);
    let resolved = full.canonicalize().map_err(|e| io_message(&e))?;
    if !resolved.starts_with(&root) {
        return Err(ReadError::new(
            "the path leads out of the snapshot folder (through '..' or a symbolic link); only files inside it are read",
        ));
    }
    Ok(resolved)
}

#[cfg(test)]
mod opening_tests {
    use super::*;

    #[test]
    fn a_bom_is_dropped_and_a_bad_byte_is_placed() {
        assert_eq!(decode(b"\xEF\xBB\xBF(a: 1)".to_vec()).unwrap(), "(a: 1)");
        let e = decode(b"(\n  name: \"B\xC3\xACnh \xFF\",\n)".to_vec()).unwrap_err();
        assert_eq!(e.at, Some((2, 15)));
        assert!(e.message.contains("0xFF"), "{}", e.message);
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("snap");
        std::fs::create_dir_all(dir.join("reports")).unwrap();
        std::fs::write(dir.join("a.ron"), "()").unwrap();
        std::fs::write(tmp.path().join("outside.ron"), "()").unwrap();
        assert!(inside(&dir, "a.ron").is_ok());
        assert!(inside(&dir, "reports/../a.ron").is_ok());
        let e = inside(&dir, "../outside.ron").unwrap_err();
        assert!(e.message.contains("out of the snapshot folder"), "{e}");
        let e = inside(&dir, "/etc/passwd").unwrap_err();
        assert!(e.message.contains("absolute"), "{e}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("outside.ron"), dir.join("link.ron"))
                .unwrap();
            let e = inside(&dir, "link.ron").unwrap_err();
            assert!(e.message.contains("symbolic link"), "{e}");
        }
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("big.ron");
        std::fs::write(&f, vec![b' '; 3 << 20]).unwrap();
        let e = open_regular(&f, 1 << 20).unwrap_err();
        assert!(e.message.contains("3 MB"), "{e}");
        assert!(e.message.contains("--max-file-size"), "{e}");
        assert!(open_regular(&f, 4 << 20).is_ok());
        let e = open_regular(tmp.path(), 1 << 20).unwrap_err();
        assert!(e.message.contains("folder"), "{e}");
        #[cfg(unix)]
        {
            let e = open_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
            assert!(e.message.contains("a device"), "{e}");
        }
    }
}
