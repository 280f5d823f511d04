//! The domain of the briefing: what a locality, a unit, a report, a model, a task, a blocker
//! and an indicator are. Pure types, no I/O. These are also the shapes of the RON snapshot
//! files (see `data/README.md`), so every optional field has a default.

pub mod cause;
pub mod deadline;
pub mod groups;
pub mod status;

use chrono::NaiveDate;
pub use compact_str::CompactString;
use serde::{Deserialize, Serialize};

pub use cause::Cause;
pub use deadline::Deadline;
pub use status::Status;

/// Where a record came from inside its report: "Phụ lục 01, row 23, line 412".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceRef {
    /// Appendix or section as printed ("Phụ lục 01", "Mục II.3").
    pub section: CompactString,
    /// Row number or label as printed in the table ("23", "A.1", "II").
    pub row: Option<CompactString>,
    /// Line in the source text file (1-based), so anyone can open the seed and find it.
    pub line: Option<u32>,
}

impl SourceRef {
    /// "Phụ lục 01, dòng 23 (tệp nguồn, dòng 412)": the section and row as the report prints
    /// them, then the line of the source text file.
    pub fn describe(&self) -> String {
        self.describe_in(true)
    }

    /// As `describe`, in Vietnamese or English ("Phụ lục 01, row 23 (source file, line 412)").
    pub fn describe_in(&self, vi: bool) -> String {
        let mut parts = Vec::new();
        if !self.section.is_empty() {
            parts.push(self.section.clone());
        }
        if let Some(r) = &self.row {
            parts.push(if vi {
                format!("dòng {r}").into()
            } else {
                format!("row {r}").into()
            });
        }
        let mut out = parts.join(", ");
        if let Some(l) = self.line {
            let at = if vi {
                format!("(tệp nguồn, dòng {l})")
            } else {
                format!("(source file, line {l})")
            };
            if out.is_empty() {
                out = at;
            } else {
                out = format!("{out} {at}");
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalityLevel {
    Province,
    District,
    Commune,
}

/// A province of 2024 (one of 63), or a district or commune a report names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locality {
    pub id: CompactString,
    pub name: CompactString,
    pub level: LocalityLevel,
    /// Every other spelling seen in the reports ("Bắc Kan", "TP. Hà Nội", "Thừa thiên - Huế").
    #[serde(default)]
    pub aliases: Vec<CompactString>,
    /// The province (for a district) or district (for a commune).
    #[serde(default)]
    pub parent: Option<CompactString>,
    /// For a province: the id of the province of today (one of 34) that absorbed it.
    #[serde(default)]
    pub today: Option<CompactString>,
}

/// One of the 34 provincial-level units since 1 July 2025.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TodayProvince {
    pub id: CompactString,
    pub name: CompactString,
    #[serde(default)]
    pub city: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    Central,
    Province,
    District,
    Commune,
    Business,
}

/// A ministry, department, office, police unit or business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: CompactString,
    pub name: CompactString,
    /// Abbreviations and spellings ("STTTT", "Sở TTTT", "Sở TT&TT").
    #[serde(default)]
    pub aliases: Vec<CompactString>,
    pub level: UnitLevel,
    /// The locality of a local unit; none for a central unit or a role found in every province.
    #[serde(default)]
    pub locality: Option<CompactString>,
    /// For a local unit, the role it plays in its locality: the id of a unit of `units.ron`
    /// with no locality ("so-tttt" for "Sở Thông tin và Truyền thông tỉnh Bình Định"). Its
    /// spellings come from the role; `aliases` holds only what is the unit's own.
    #[serde(default)]
    pub role: Option<CompactString>,
}

/// What a headline figure claims, so that it can be recomputed from the report's own rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// The number of task rows in the report (optionally only in one section).
    TasksTotal { section: Option<String> },
    /// The number of task rows with this normalised status.
    TasksWithStatus {
        status: Status,
        section: Option<String>,
    },
    /// The number of model rows (assessments) in the report.
    ModelsAssessed,
    /// The number of blockers in the report.
    Blockers,
    /// The number of items the report lists in a group of its benefits table.
    Benefits { group: Option<String> },
    /// The number of task rows whose printed deadline contains these words (folded):
    /// "đang thực hiện theo lộ trình hướng dẫn của Bộ Công an" counts the rows whose deadline
    /// is "Theo lộ trình hướng dẫn Cục C06", not the rows in progress.
    TasksWithDeadline {
        contains: String,
        section: Option<String>,
    },
    /// The figure counts something the report's rows cannot be counted for; the reason is
    /// shown instead of a computed figure.
    NotComparable { reason: String },
}

/// A figure as printed in the body of a report ("Tổng số nhiệm vụ đã hoàn thành: 38").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    pub id: CompactString,
    pub label: CompactString,
    /// The sentence as printed.
    pub raw: CompactString,
    pub value: Option<f64>,
    #[serde(default)]
    pub claim: Option<Claim>,
    #[serde(default)]
    pub source: SourceRef,
}

/// A source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub id: CompactString,
    /// The seed file it was converted from.
    pub file: CompactString,
    /// Short name for screens: "Bình Định 258/BC-UBND".
    pub short: CompactString,
    pub title: CompactString,
    pub issuer: CompactString,
    #[serde(default)]
    pub locality: Option<CompactString>,
    #[serde(default)]
    pub number: Option<CompactString>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub date_raw: Option<CompactString>,
    #[serde(default)]
    pub period: Option<CompactString>,
    #[serde(default)]
    pub headline: Vec<Headline>,
}

/// A group of the national catalogue ("I. Nhóm tiện ích phục vụ giải quyết TTHC …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelGroup {
    pub id: CompactString,
    pub title: CompactString,
    /// The count as printed in the group's title ("05 MÔ HÌNH").
    #[serde(default)]
    pub printed_count: Option<CompactString>,
    #[serde(default)]
    pub source: SourceRef,
}

/// A national pilot model (one of 44).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub number: u32,
    pub group: CompactString,
    pub title: CompactString,
    #[serde(default)]
    pub source: SourceRef,
}

/// One source's assessment of a model: what the national appendix or a province says of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assessment {
    pub id: CompactString,
    /// The national model, when the row could be mapped to one.
    pub model: Option<u32>,
    /// The number this source printed for it.
    pub local_number: Option<CompactString>,
    /// The model's name as this source wrote it.
    pub title_raw: CompactString,
    /// The province whose report this is (none for the national appendix).
    pub locality: Option<CompactString>,
    pub result: CompactString,
    /// The localities cell as printed.
    pub localities_raw: CompactString,
    /// Every locality of that cell, resolved to ids, in the printed order (repeats kept).
    pub localities: Vec<CompactString>,
    /// The count as printed ("40/63").
    pub printed_count: Option<CompactString>,
    pub difficulties: CompactString,
    pub effectiveness: CompactString,
    pub cost: CompactString,
    pub replication: CompactString,
    pub status_raw: CompactString,
    pub source: SourceRef,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}

impl Assessment {
    /// Whether this source says, of its own province, that the model is not deployed there:
    /// its result or status begins "Chưa triển khai" (not deployed yet) or says it is still
    /// being studied ("Đang nghiên cứu triển khai"). Such a row must not count its province as
    /// deployed. Only a province's own report says this; the national list names where it is.
    pub fn says_not_deployed(&self) -> bool {
        if self.locality.is_none() {
            return false;
        }
        let says = |raw: &str| {
            let f = crate::text::fold(&crate::text::one_line(raw));
            let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
            f.starts_with("chua trien khai") || f.starts_with("dang nghien cuu trien khai")
        };
        says(&self.result) || says(&self.status_raw)
    }
}

/// A task: a row of a task appendix, a deployment row, or a solution proposed for a gap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Task {
    pub id: CompactString,
    pub source: SourceRef,
    /// Section heading of the table the row sits in.
    pub section: Option<CompactString>,
    pub local_number: Option<CompactString>,
    pub title: CompactString,
    pub lead_raw: CompactString,
    pub lead_units: Vec<CompactString>,
    pub coord_raw: CompactString,
    pub coord_units: Vec<CompactString>,
    pub force_raw: CompactString,
    pub force_units: Vec<CompactString>,
    pub businesses_raw: CompactString,
    pub steps: Vec<CompactString>,
    pub equipment: CompactString,
    pub note: CompactString,
    pub deadline_raw: CompactString,
    pub status_raw: CompactString,
    pub result: CompactString,
    pub model: Option<u32>,
    /// The model number as this source printed it, when it differs from the national one.
    pub model_printed: Option<CompactString>,
    pub locality: Option<CompactString>,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum BlockerKind {
    /// Khó khăn, vướng mắc.
    #[default]
    Difficulty,
    /// Tồn tại, hạn chế: who has not benefited yet.
    Gap,
    /// Kiến nghị, đề xuất addressed to a higher body.
    Proposal,
}

/// A difficulty, a gap or a proposal, with what it is attached to and who must act.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Blocker {
    pub id: CompactString,
    pub kind: BlockerKind,
    pub text: CompactString,
    pub source: SourceRef,
    pub model: Option<u32>,
    pub task: Option<CompactString>,
    pub locality: Option<CompactString>,
    /// The cause categories the text names (empty: unknown).
    pub causes: Vec<Cause>,
    pub cause_raw: CompactString,
    pub responsible_raw: CompactString,
    pub responsible: Vec<CompactString>,
    pub solution: CompactString,
    /// For a proposal: the units it is addressed to.
    pub addressees: Vec<CompactString>,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}

/// A figure: accounts, cards, online dossiers, services, budget …
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Indicator {
    pub id: CompactString,
    pub name: CompactString,
    /// The sentence or table row as printed.
    pub raw: CompactString,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub unit: Option<CompactString>,
    /// The percentage as printed ("99,51%").
    pub percent_raw: Option<CompactString>,
    pub as_of: Option<NaiveDate>,
    pub group: Option<CompactString>,
    pub locality: Option<CompactString>,
    /// What the figure counts, shared by every indicator of the same report that counts the same
    /// thing (in another section, or a second time in one row): the checker lists a report that
    /// prints one measure with two values for the same date (or with no date).
    pub measure: Option<CompactString>,
    pub source: SourceRef,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}

/// An item of a benefits table (Phụ lục 07): what citizens, businesses and government gained.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Benefit {
    pub id: CompactString,
    pub group: CompactString,
    pub content: CompactString,
    pub citizens: CompactString,
    pub businesses: CompactString,
    pub government: CompactString,
    pub source: SourceRef,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}

/// Something the conversion could not place (merged cell, shifted column, split row), kept raw.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Note {
    pub id: CompactString,
    pub text: CompactString,
    pub raw: CompactString,
    pub source: SourceRef,
    /// The report the record belongs to: set by the loader from the file it sits in.
    #[serde(skip)]
    pub report: CompactString,
}
