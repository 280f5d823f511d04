//! A history of snapshots: a folder whose sub-folders are named by their as-of date
//! (`YYYY-MM-DD`), each a complete snapshot folder with its `manifest.ron`. Opening a history
//! opens the newest snapshot and compares it with the one before (or the one `--since` names).
//!
//! A dated snapshot's manifest may name files of the history's other folders (`../reports/…`),
//! so that snapshots share the files that did not change; a path may never leave the history.
//! The shipped data is such a history, compiled into the program.

pub mod diff;
pub mod render;

use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::groups::is_reported_open;
use crate::store::files::{self, ReadError};
use crate::store::{self, embedded::EMBEDDED_FILES, FileSource, LoadFailure, Loaded, Origin};

/// Where the history's files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Disk(PathBuf),
    Embedded,
}

/// The dated snapshots of a history, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub place: Place,
    pub dates: Vec<NaiveDate>,
}

/// A sub-folder name that is a date: `2024-12-31`.
pub fn folder_date(name: &str) -> Option<NaiveDate> {
    if name.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()
}

/// `path` joined to `rel`, with `.` and `..` worked out; none when it would leave the root.
fn resolve(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in Path::new(base).join(rel).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

/// The files of one dated snapshot, read inside the history (paths relative to its folder).
struct Dated<'a> {
    place: &'a Place,
    folder: String,
}

impl FileSource for Dated<'_> {
    fn read(&self, path: &str) -> Result<String, ReadError> {
        let Some(p) = resolve(&self.folder, path) else {
            return Err(ReadError {
                message: "the path leaves the history folder; only files inside it are read"
                    .to_string(),
                at: None,
                not_found: false,
            });
        };
        match self.place {
            Place::Embedded => store::embedded::Embedded.read(&p),
            // Checked again on disk: no symbolic link leads out of the history either.
            Place::Disk(root) => files::read_text(&files::inside(root, &p)?),
        }
    }
}

impl History {
    /// The history in a folder: none when it has no dated sub-folder with a manifest.
    pub fn open_dir(path: &Path) -> Option<History> {
        let mut dates: Vec<NaiveDate> = std::fs::read_dir(path)
            .ok()?
            .flatten()
            .filter(|e| e.path().join("manifest.ron").is_file())
            .filter_map(|e| folder_date(&e.file_name().to_string_lossy()))
            .collect();
        dates.sort();
        dates.dedup();
        (!dates.is_empty()).then(|| History {
            place: Place::Disk(path.to_path_buf()),
            dates,
        })
    }

    /// The history compiled into the program (the shipped `data/`), if it has dated folders.
    pub fn embedded() -> Option<History> {
        let mut dates: Vec<NaiveDate> = EMBEDDED_FILES
            .iter()
            .filter_map(|(p, _)| p.strip_suffix("/manifest.ron").and_then(folder_date))
            .collect();
        dates.sort();
        dates.dedup();
        (!dates.is_empty()).then_some(History {
            place: Place::Embedded,
            dates,
        })
    }

    pub fn newest(&self) -> NaiveDate {
        *self.dates.last().expect("a history has a snapshot")
    }

    /// The snapshot dated just before `date`.
    pub fn before(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.dates.iter().rev().find(|d| **d < date).copied()
    }

    /// The newest snapshot dated on or before `date`.
    pub fn on_or_before(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.dates.iter().rev().find(|d| **d <= date).copied()
    }

    /// Load the snapshot of a date. Its journal is the history's (one journal follows the
    /// records across snapshots).
    pub fn load(&self, date: NaiveDate) -> Result<Loaded, LoadFailure> {
        let folder = date.format("%Y-%m-%d").to_string();
        let base = match &self.place {
            Place::Disk(root) => root.join(&folder).display().to_string(),
            Place::Embedded => format!("data/{folder}"),
        };
        let mut loaded = store::load_from(
            &Dated {
                place: &self.place,
                folder,
            },
            "manifest.ron",
            &base,
        )?;
        loaded.origin = match &self.place {
            Place::Disk(root) => Origin::Path(root.clone()),
            Place::Embedded => Origin::Embedded,
        };
        Ok(loaded)
    }
}

/// A snapshot and the one it is compared with.
#[derive(Debug, Clone)]
pub struct Cycle {
    pub current: Loaded,
    pub previous: Option<Loaded>,
}

/// What `--since` names: a date of the history, or another snapshot's path.
pub fn parse_since(s: &str) -> Since {
    match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        Ok(d) => Since::Date(d),
        Err(_) => Since::Path(PathBuf::from(s)),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    Date(NaiveDate),
    Path(PathBuf),
}

/// Load one snapshot by its path: a dated folder of a history is read inside its history (its
/// manifest may name the history's shared files); anything else as `store::load_path` does.
pub fn load_path(path: &Path) -> Result<Loaded, LoadFailure> {
    let dated = path
        .file_name()
        .and_then(|n| folder_date(&n.to_string_lossy()));
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let (Some(date), Some(parent)) = (dated, parent) {
        if let Some(h) = History::open_dir(parent) {
            if h.dates.contains(&date) {
                return h.load(date);
            }
        }
    }
    store::load_path(path)
}

/// `load_path`, with the failure as the checker prints it.
pub fn load_any(path: &Path) -> Result<Loaded, String> {
    load_path(path).map_err(|f| f.to_string())
}

/// Open what `giaoban PATH` names: a history (newest, compared with the one before), a
/// snapshot (compared with nothing unless `since` names one), or, with no path, the shipped
/// data (a history when it has dated folders).
pub fn open(path: Option<&Path>, since: Option<&Since>) -> Result<Cycle, String> {
    let history = match path {
        // A folder with dated sub-folders is a history, even when it is also a snapshot of its
        // own (the shipped data/ is both: its manifest is the newest snapshot's).
        Some(p) if p.is_dir() => History::open_dir(p),
        Some(_) => None,
        None => History::embedded(),
    };
    let (current, previous) = match history {
        Some(h) => {
            let newest = h.newest();
            let current = h.load(newest).map_err(|f| f.to_string())?;
            let previous = match since {
                None => match h.before(newest) {
                    Some(d) => Some(h.load(d).map_err(|f| f.to_string())?),
                    None => None,
                },
                Some(Since::Date(d)) => {
                    let Some(found) = h.on_or_before(*d).filter(|f| *f < newest) else {
                        return Err(format!(
                            "--since {d}: the history has no snapshot dated on or before it \
                             (it has {})",
                            list_dates(&h.dates)
                        ));
                    };
                    Some(h.load(found).map_err(|f| f.to_string())?)
                }
                Some(Since::Path(p)) => Some(load_any(p)?),
            };
            (current, previous)
        }
        None => {
            let current = match path {
                Some(p) => load_any(p)?,
                None => store::load_embedded().map_err(|f| f.to_string())?,
            };
            let previous = match since {
                None => None,
                Some(Since::Path(p)) => Some(load_any(p)?),
                Some(Since::Date(d)) => {
                    return Err(format!(
                        "--since {d}: a date chooses a snapshot of a history folder (sub-folders \
                         named YYYY-MM-DD); give the path of the snapshot to compare with"
                    ))
                }
            };
            (current, previous)
        }
    };
    let mut current = current;
    if let Some(prev) = &previous {
        current.snapshot.seen_open = seen_open(prev);
    }
    Ok(Cycle { current, previous })
}

fn list_dates(dates: &[NaiveDate]) -> String {
    dates
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Task id → the date the earlier snapshot's report said the task was still open (the
/// report's date, else the snapshot's): what tells "done late" from "done, date not reported".
pub fn seen_open(earlier: &Loaded) -> std::collections::HashMap<String, NaiveDate> {
    let s = &earlier.snapshot;
    (0..s.tasks.len())
        .filter(|&i| is_reported_open(s.task_status(i)))
        .filter_map(|i| {
            let t = &s.tasks[i];
            let date = s.report(&t.report).and_then(|r| r.date).or(s.as_of)?;
            Some((t.id.to_string(), date))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_history() {
        assert_eq!(
            resolve("2024-07-10", "../reports/a.ron").as_deref(),
            Some("reports/a.ron")
        );
        assert_eq!(
            resolve("2024-07-10", "units.ron").as_deref(),
            Some("2024-07-10/units.ron")
        );
        assert_eq!(resolve("2024-07-10", "../../etc/passwd"), None);
        assert_eq!(resolve("2024-07-10", "/etc/passwd"), None);
    }

    #[test]
    fn folder_names_are_dates() {
        assert!(folder_date("2024-07-10").is_some());
        assert!(folder_date("2024-7-10").is_none());
        assert!(folder_date("2024-02-30").is_none());
        assert!(folder_date("reports").is_none());
    }
}
