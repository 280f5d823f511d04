//! The command line: `giaoban [PATH]`, `check`, `export`, `decide`, `journal`, `minutes`.

pub mod check;
pub mod console;
pub mod decide;
pub mod diff;
pub mod equiv;
pub mod export;
pub mod gen;
pub mod groups;
pub mod inert;
pub mod journal;
pub mod minutes;
pub mod progress;
pub mod update;
pub mod verify;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::store::{self, Loaded};

/// Load the snapshot at `path`, or the embedded one. Errors are printed as the checker prints them.
pub fn load(path: Option<&Path>) -> Result<Loaded, String> {
    let r = match path {
        Some(p) => crate::history::load_path(p),
        None => store::load_embedded(),
    };
    r.map_err(|f| f.to_string())
}

/// Open what `giaoban [PATH] [--since DATE|PATH]` names: a snapshot, or the newest of a
/// history with the one it is compared with.
pub fn open_cycle(
    path: Option<&Path>,
    since: Option<&str>,
) -> Result<crate::history::Cycle, String> {
    let since = since.map(crate::history::parse_since);
    crate::history::open(path, since.as_ref())
}

/// The as-of date: the option when given, else the snapshot's own date, else today.
pub fn as_of(loaded: &Loaded, option: Option<NaiveDate>) -> NaiveDate {
    option
        .or(loaded.snapshot.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date: expected YYYY-MM-DD, e.g. 2024-12-31"))
}

pub fn data_label(path: Option<&PathBuf>) -> String {
    path.map(|p| p.display().to_string())
        .unwrap_or_else(|| "(dữ liệu đi kèm / shipped snapshot)".into())
}
