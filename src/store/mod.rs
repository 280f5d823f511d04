//! Loading a snapshot: RON files → checked, cleaned records → an indexed `Snapshot`,
//! with the reconciliation findings (where a report disagrees with itself).

pub mod diagnostic;
pub mod embedded;
pub mod files;
pub mod parse;
pub mod reconcile;
pub mod validate;

use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Severity};
pub use reconcile::Finding;

use crate::snapshot::Snapshot;
use files::{DataFile, Manifest};

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
}

/// Files of a folder on disk: only regular files inside it, within the size limit, UTF-8.
struct Disk(PathBuf);

impl FileSource for Disk {
    fn read(&self, path: &str) -> Result<String, files::ReadError> {
        files::read_text(&files::inside(&self.0, path)?)
    }
}

/// Load a snapshot from a folder (which has a `manifest.ron`), a manifest file, or a single
/// data file.
pub fn load_path(path: &Path) -> Result<Loaded, LoadFailure> {
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
        let mut loaded = load_from(
            &Disk(path.to_path_buf()),
            "manifest.ron",
            &path.display().to_string(),
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
    let mut loaded = load_from(&Disk(real_dir), &name, &dir.display().to_string())?;
    loaded.origin = Origin::Path(path.to_path_buf());
    Ok(loaded)
}

/// Load the snapshot embedded in the program (the shipped `data/`).
pub fn load_embedded() -> Result<Loaded, LoadFailure> {
    load_from(&embedded::Embedded, "manifest.ron", "data")
}

fn display_path(base: &str, path: &str) -> String {
    if base.is_empty() {
        path.to_string()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), path)
    }
}

/// Load from any file source. `entry` is a manifest or a data file.
pub fn load_from(source: &dyn FileSource, entry: &str, base: &str) -> Result<Loaded, LoadFailure> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
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
    let is_manifest = looks_like_manifest(&text);
    let mut snapshot = Snapshot::default();
    let mut parts: Vec<(String, String, DataFile)> = Vec::new();
    if is_manifest {
        match parse::parse_ron::<Manifest>(&entry_name, &text) {
            Ok((m, w)) => {
                warnings.extend(w);
                snapshot.title = m.title;
                snapshot.as_of = Some(m.as_of);
                for f in &m.files {
                    let name = display_path(base, f);
                    match source.read(f) {
                        Ok(t) => match parse::parse_ron::<DataFile>(&name, &t) {
                            Ok((d, w)) => {
                                warnings.extend(w);
                                parts.push((name, t, d));
                            }
                            Err(e) => errors.push(e),
                        },
                        // A bad byte is reported where it is, in the file itself.
                        Err(files::ReadError {
                            message,
                            at: Some(at),
                            ..
                        }) => errors.push(Diagnostic::error(&name, at, message)),
                        Err(e) => {
                            let pos = diagnostic::position_of(&text, &format!("\"{f}\""), 0);
                            errors.push(Diagnostic::error(
                                &entry_name,
                                pos,
                                format!(
                                    "the manifest names \"{}\": {e}",
                                    crate::text::excerpt(f, crate::text::EXCERPT_CHARS)
                                ),
                            ));
                        }
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    } else {
        match parse::parse_ron::<DataFile>(&entry_name, &text) {
            Ok((d, w)) => {
                warnings.extend(w);
                snapshot.title = entry.to_string();
                parts.push((entry_name.clone(), text.clone(), d));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }

    let origins = validate::assemble(&mut snapshot, parts);
    snapshot.build_index();
    let (errs, warns) = validate::validate(&snapshot, &origins);
    errors.extend(errs);
    warnings.extend(warns);
    if !errors.is_empty() {
        return Err(LoadFailure { errors, warnings });
    }
    if snapshot.as_of.is_none() {
        snapshot.as_of = snapshot.reports.iter().filter_map(|r| r.date).max();
    }
    let findings = reconcile::reconcile(&snapshot);
    Ok(Loaded {
        snapshot,
        warnings,
        findings,
        origin: Origin::Embedded,
    })
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
