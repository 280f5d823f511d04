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
