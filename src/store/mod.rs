//! Loading a snapshot: RON files → checked, cleaned records → an indexed `Snapshot`,
//! with the reconciliation findings (where a report disagrees with itself).

pub mod cache;
pub mod diagnostic;
pub mod embedded;
pub mod files;
pub mod load;
pub mod parse;
pub mod reconcile;
pub mod scan;
pub mod validate;

use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Severity};
pub use reconcile::Finding;

use crate::snapshot::Snapshot;

/// A snapshot that loaded, with what the checker has to say about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub snapshot: Snapshot,
    pub warnings: Vec<Diagnostic>,
    pub findings: Vec<Finding>,
    /// Where it came from: a folder, a file, or the copy embedded in the program.
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Path(PathBuf),
}

impl Origin {
    /// Where the decision journal goes by default: beside the snapshot.
    pub fn default_journal(&self) -> Option<PathBuf> {
        match self {
            Origin::Embedded => None,
            Origin::Path(p) if p.is_dir() => Some(p.join("journal.ron")),
            Origin::Path(p) => Some(p.with_extension("journal.ron")),
        }
    }
}

/// A snapshot that did not load: the errors (each naming file, line, column) and warnings.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        write!(
            f,
            "{} error(s): the snapshot was not loaded",
            self.errors.len()
        )
    }
}

impl std::error::Error for LoadFailure {}

/// A source of file texts: the file system or the embedded copy.
pub trait FileSource {
    /// Text of a file, by the path as named in the manifest (or given).
    fn read(&self, path: &str) -> Result<String, files::ReadError>;
    /// What the file system says of a file, to know it unchanged without reading it (the
    /// cache's `Stamp`); `None` where there is nothing to say: it is then read and hashed.
    fn stamp(&self, _path: &str) -> Option<cache::Stamp> {
        None
    }
}

/// Files of a folder on disk: only regular files inside it, within the size limit, UTF-8.
struct Disk(PathBuf);

impl FileSource for Disk {
    fn read(&self, path: &str) -> Result<String, files::ReadError> {
        files::read_text(&files::inside(&self.0, path)?)
    }
    fn stamp(&self, path: &str) -> Option<cache::Stamp> {
        let meta = std::fs::metadata(files::inside(&self.0, path).ok()?).ok()?;
        // A file over the size limit is read, to be refused as a load would.
        (meta.len() <= files::max_file_bytes()).then_some(())?;
        cache::Stamp::of(&meta)
    }
}

/// Load a snapshot from a folder (which has a `manifest.ron`), a manifest file, or a single
/// data file; from its cache when it has not changed since it was last loaded.
pub fn load_path(path: &Path) -> Result<Loaded, LoadFailure> {
    let r = load_path_with(path, &load::report);
    load::report("done", 1.0);
    r
}

/// As `load_path`, telling `progress` how far it has come.
pub fn load_path_with(path: &Path, progress: load::Progress) -> Result<Loaded, LoadFailure> {
    let fail = |msg: String| LoadFailure {
        errors: vec![Diagnostic::error(&path.display().to_string(), (0, 0), msg)],
        warnings: vec![],
    };
    if path.is_dir() {
        let manifest = path.join("manifest.ron");
        if !manifest.exists() {
            return Err(fail(
                "this folder has no manifest.ron: expected a snapshot folder such as data/".into(),
            ));
        }
        let mut loaded = load::load(
            &Disk(path.to_path_buf()),
            "manifest.ron",
            &path.display().to_string(),
            cache::CacheSpot::for_path(path).as_ref(),
            progress,
        )?;
        loaded.origin = Origin::Path(path.to_path_buf());
        return Ok(loaded);
    }
    if !path.exists() {
        return Err(fail("no such file or folder".into()));
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    // The file as given, symlinks resolved: it is read from its own folder.
    let real = path.canonicalize().map_err(|e| fail(e.to_string()))?;
    let real_dir = real.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut loaded = load::load(
        &Disk(real_dir),
        &name,
        &dir.display().to_string(),
        cache::CacheSpot::for_path(path).as_ref(),
        progress,
    )?;
    loaded.origin = Origin::Path(path.to_path_buf());
    Ok(loaded)
}

/// Load the snapshot embedded in the program (the shipped `data/`).
pub fn load_embedded() -> Result<Loaded, LoadFailure> {
    load_from(&embedded::Embedded, "manifest.ron", "data")
}

/// Load from any file source. `entry` is a manifest or a data file. Its progress goes where
/// `load::set_progress` says (a dated snapshot of a history on disk can be as large as any).
pub fn load_from(
    source: &(dyn FileSource + Sync),
    entry: &str,
    base: &str,
) -> Result<Loaded, LoadFailure> {
    let r = load::load(source, entry, base, None, &load::report);
    load::report("done", 1.0);
    r
}
