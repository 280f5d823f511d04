//! What changed between two snapshots: records added and removed, status changes, newly done,
//! newly overdue, deadlines moved (with the original kept), units reassigned, indicators whose
//! value changed, and provinces whose latest report is older than the cycle.
//!
//! Records are matched by id. A record whose id changed but whose source row (report, section,
//! row) is the same on both sides, and names one record on each side, is matched by its source
//! and said so; everything else is reported as added or removed, never guessed.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::groups::{Group, DEFAULT_SOON_DAYS};
use crate::domain::{CompactString, SourceRef};
use crate::query::groups::task_group;
use crate::query::Ctx;
use crate::snapshot::Snapshot;
use crate::store::Loaded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Task,
    Blocker,
    Indicator,
}

/// One change, as it is listed, exported and marked in the console.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A report that only the newer snapshot has: its records are counted here, not listed
    /// one by one as added.
    ReportAdded {
        id: String,
        short: String,
        date: Option<NaiveDate>,
        tasks: usize,
        blockers: usize,
        indicators: usize,
    },
    /// A report that only the older snapshot had, with the records that went with it.
    ReportRemoved {
        id: String,
        short: String,
        date: Option<NaiveDate>,
        tasks: usize,
        blockers: usize,
        indicators: usize,
    },
    Added {
        kind: Kind,
        id: String,
        title: String,
    },
    Removed {
        kind: Kind,
        id: String,
        title: String,
    },
    /// The same source row under another id.
    Renamed {
        kind: Kind,
        old_id: String,
        id: String,
        source: SourceRef,
    },
    StatusChanged {
        id: String,
        old: String,
        new: String,
        old_raw: String,
        new_raw: String,
    },
    NewlyDone {
        id: String,
        group: Group,
    },
    NewlyOverdue {
        id: String,
        due: NaiveDate,
        days: i64,
    },
    DeadlineMoved {
        id: String,
        original_raw: String,
        original_due: Option<NaiveDate>,
        new_raw: String,
        new_due: Option<NaiveDate>,
        /// Days from the original due date to the new one (positive: later).
        days: Option<i64>,
    },
    Reassigned {
        kind: Kind,
        id: String,
        old_units: Vec<String>,
        new_units: Vec<String>,
        /// The units by name, as each snapshot names them.
        old_names: Vec<String>,
        new_names: Vec<String>,
    },
    IndicatorChanged {
        id: String,
        name: String,
        old: Option<f64>,
        new: Option<f64>,
        delta: Option<f64>,
    },
    /// A province whose latest report is dated on or before the previous snapshot: it did not
    /// report in this cycle.
    NotReported {
        province: String,
        name: String,
        latest: Option<NaiveDate>,
    },
}

impl Change {
    /// The key of the change in exports and the query language.
    pub fn key(&self) -> &'static str {
        match self {
            Change::ReportAdded { .. } => "report_added",
            Change::ReportRemoved { .. } => "report_removed",
            Change::Added { .. } => "added",
            Change::Removed { .. } => "removed",
            Change::Renamed { .. } => "renamed",
            Change::StatusChanged { .. } => "status_changed",
            Change::NewlyDone { .. } => "newly_done",
            Change::NewlyOverdue { .. } => "newly_overdue",
            Change::DeadlineMoved { .. } => "deadline_moved",
            Change::Reassigned { .. } => "reassigned",
            Change::IndicatorChanged { .. } => "indicator_changed",
            Change::NotReported { .. } => "not_reported",
        }
    }

    /// The id of the record (in the newer snapshot when it is there) the change is about.
    pub fn id(&self) -> &str {
        match self {
            Change::ReportAdded { id, .. }
            | Change::ReportRemoved { id, .. }
            | Change::Added { id, .. }
            | Change::Removed { id, .. }
            | Change::Renamed { id, .. }
            | Change::StatusChanged { id, .. }
            | Change::NewlyDone { id, .. }
            | Change::NewlyOverdue { id, .. }
            | Change::DeadlineMoved { id, .. }
            | Change::Reassigned { id, .. }
            | Change::IndicatorChanged { id, .. } => id,
            Change::NotReported { province, .. } => province,
        }
    }
}

/// Every change from `old` to `new`, in a stable order (by kind of change, then id).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old_as_of: Option<NaiveDate>,
    pub new_as_of: Option<NaiveDate>,
    pub changes: Vec<Change>,
}

impl Diff {
    /// Ids (of the newer snapshot) that some change is about, for the marks on rows.
    pub fn changed_ids(&self) -> BTreeSet<&str> {
        self.changes.iter().map(Change::id).collect()
    }

    pub fn count(&self, key: &str) -> usize {
        self.changes.iter().filter(|c| c.key() == key).count()
    }
}

fn source_key(report: &str, s: &SourceRef) -> Option<String> {
    let at = match (&s.row, s.line) {
        (Some(r), _) => format!("row {r}"),
        (None, Some(l)) => format!("line {l}"),
        (None, None) => return None,
    };
    Some(format!("{report}\u{1f}{}\u{1f}{at}", s.section))
}

/// (pairs of old index, new index, matched by source), old indexes removed, new indexes added.
type Matched = (Vec<(usize, usize, bool)>, Vec<usize>, Vec<usize>);

/// Pairs (old index, new index) of the records of one kind: by id, then by a source row that
/// names exactly one record on each side.
fn match_records(old: &[(String, Option<String>)], new: &[(String, Option<String>)]) -> Matched {
    let new_by_id: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    let mut pairs = Vec::new();
    let mut old_left = Vec::new();
    let mut new_taken = vec![false; new.len()];
    for (i, (id, _)) in old.iter().enumerate() {
        match new_by_id.get(id.as_str()) {
            Some(&j) => {
                pairs.push((i, j, false));
                new_taken[j] = true;
            }
            None => old_left.push(i),
        }
    }
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| !new_taken[j]).collect();
    let by_source = |idx: &[usize], side: &[(String, Option<String>)]| {
        let mut m: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in idx {
            if let Some(k) = &side[i].1 {
                m.entry(k.clone()).or_default().push(i);
            }
        }
        m
    };
    let old_src = by_source(&old_left, old);
    let new_src = by_source(&new_left, new);
    let mut removed = Vec::new();
    let mut matched_new = BTreeSet::new();
    for &i in &old_left {
        let one = old[i].1.as_ref().and_then(|k| {
            let (o, n) = (old_src.get(k)?, new_src.get(k)?);
            (o.len() == 1 && n.len() == 1).then_some(n[0])
        });
        match one {
            Some(j) => {
                pairs.push((i, j, true));
                matched_new.insert(j);
            }
            None => removed.push(i),
        }
    }
    let added = new_left
        .into_iter()
        .filter(|j| !matched_new.contains(j))
        .collect();
    (pairs, removed, added)
}

/// Records of one kind added, removed, or matched by their source row under a new id (each
/// pushed as a change); returns the matched pairs (old index, new index). A record of a report
/// that came or went is not listed on its own: the report's change counts it.
fn membership<'a, T>(
    kind: Kind,
    old: &'a [T],
    new: &'a [T],
    fields: impl Fn(&'a T) -> (&'a str, &'a str, &'a SourceRef, String),
    in_gone_report: &dyn Fn(&str) -> bool,
    in_new_report: &dyn Fn(&str) -> bool,
    changes: &mut Vec<Change>,
) -> Vec<(usize, usize)> {
    let key = |recs: &'a [T]| -> Vec<(String, Option<String>)> {
        recs.iter()
            .map(|r| {
                let (id, report, source, _) = fields(r);
                (id.to_string(), source_key(report, source))
            })
            .collect()
    };
    let (pairs, removed, added) = match_records(&key(old), &key(new));
    for i in removed {
        let (id, report, _, title) = fields(&old[i]);
        if !in_gone_report(report) {
            changes.push(Change::Removed {
                kind,
                id: id.to_string(),
                title,
            });
        }
    }
    for j in added {
        let (id, report, _, title) = fields(&new[j]);
        if !in_new_report(report) {
            changes.push(Change::Added {
                kind,
                id: id.to_string(),
                title,
            });
        }
    }
    pairs
        .into_iter()
        .map(|(i, j, by_source)| {
            if by_source {
                let (old_id, ..) = fields(&old[i]);
                let (id, _, source, _) = fields(&new[j]);
                changes.push(Change::Renamed {
                    kind,
                    old_id: old_id.to_string(),
                    id: id.to_string(),
                    source: source.clone(),
                });
            }
            (i, j)
        })
        .collect()
}

fn ctx(l: &Loaded) -> Ctx<'_> {
    Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: l.snapshot.as_of.unwrap_or(NaiveDate::MIN),
        overlay: None,
    }
}

fn title(t: &str) -> String {
    crate::text::one_line(t)
}

/// Compare two snapshots, each at its own as-of date.
pub fn diff(old: &Loaded, new: &Loaded) -> Diff {
    let (o, n) = (&old.snapshot, &new.snapshot);
    let (oc, nc) = (ctx(old), ctx(new));
    let mut changes = Vec::new();

    // Reports only one side has: their records are counted with them.
    let new_reports: BTreeSet<&str> = n
        .reports
        .iter()
        .filter(|r| o.report(&r.id).is_none())
        .map(|r| r.id.as_str())
        .collect();
    let gone_reports: BTreeSet<&str> = o
        .reports
        .iter()
        .filter(|r| n.report(&r.id).is_none())
        .map(|r| r.id.as_str())
        .collect();
    for (s, ids, added) in [(n, &new_reports, true), (o, &gone_reports, false)] {
        for id in ids.iter() {
            let r = s.report(id).expect("listed from this snapshot");
            let count =
                |reports: Vec<&CompactString>| reports.into_iter().filter(|x| x == id).count();
            let tasks = count(s.tasks.iter().map(|t| &t.report).collect());
            let blockers = count(s.blockers.iter().map(|b| &b.report).collect());
            let indicators = count(s.indicators.iter().map(|x| &x.report).collect());
            let (id, short, date) = (r.id.to_string(), r.short.to_string(), r.date);
            changes.push(if added {
                Change::ReportAdded {
                    id,
                    short,
                    date,
                    tasks,
                    blockers,
                    indicators,
                }
            } else {
                Change::ReportRemoved {
                    id,
                    short,
                    date,
                    tasks,
                    blockers,
                    indicators,
                }
            });
        }
    }
    let in_new_report = |r: &str| new_reports.contains(r);
    let in_gone_report = |r: &str| gone_reports.contains(r);

    // Tasks.
    let pairs = membership(
        Kind::Task,
        &o.tasks,
        &n.tasks,
        |t| (t.id.as_str(), t.report.as_str(), &t.source, title(&t.title)),
        &in_gone_report,
        &in_new_report,
        &mut changes,
    );
    for (i, j) in pairs {
        let (a, b) = (&o.tasks[i], &n.tasks[j]);
        let (sa, sb) = (o.task_status(i), n.task_status(j));
        if sa != sb {
            changes.push(Change::StatusChanged {
                id: b.id.to_string(),
                old: sa.key().into(),
                new: sb.key().into(),
                old_raw: title(&a.status_raw),
                new_raw: title(&b.status_raw),
            });
        }
        let (ga, gb) = (
            task_group(&oc, i),
            crate::query::groups::task_group_within(&nc, j, DEFAULT_SOON_DAYS),
        );
        if gb.is_done() && !ga.is_done() {
            changes.push(Change::NewlyDone {
                id: b.id.to_string(),
                group: gb,
            });
        }
        if gb == Group::Overdue && ga != Group::Overdue {
            if let (Some(due), Some(days)) = (n.task_deadline(j).due(), nc.task_days_overdue(j)) {
                changes.push(Change::NewlyOverdue {
                    id: b.id.to_string(),
                    due,
                    days,
                });
            }
        }
        let (da, db) = (o.task_deadline(i), n.task_deadline(j));
        if da != db {
            let (ua, ub) = (da.due(), db.due());
            changes.push(Change::DeadlineMoved {
                id: b.id.to_string(),
                original_raw: title(&a.deadline_raw),
                original_due: ua,
                new_raw: title(&b.deadline_raw),
                new_due: ub,
                days: ua.zip(ub).map(|(x, y)| (y - x).num_days()),
            });
        }
        if sorted(&a.lead_units) != sorted(&b.lead_units) {
            changes.push(Change::Reassigned {
                kind: Kind::Task,
                id: b.id.to_string(),
                old_units: a.lead_units.iter().map(|u| u.to_string()).collect(),
                new_units: b.lead_units.iter().map(|u| u.to_string()).collect(),
                old_names: names(o, &a.lead_units),
                new_names: names(n, &b.lead_units),
            });
        }
    }

    // Blockers.
    let pairs = membership(
        Kind::Blocker,
        &o.blockers,
        &n.blockers,
        |b| (b.id.as_str(), b.report.as_str(), &b.source, title(&b.text)),
        &in_gone_report,
        &in_new_report,
        &mut changes,
    );
    for (i, j) in pairs {
        let (a, b) = (&o.blockers[i], &n.blockers[j]);
        if sorted(&a.responsible) != sorted(&b.responsible) {
            changes.push(Change::Reassigned {
                kind: Kind::Blocker,
                id: b.id.to_string(),
                old_units: a.responsible.iter().map(|u| u.to_string()).collect(),
                new_units: b.responsible.iter().map(|u| u.to_string()).collect(),
                old_names: names(o, &a.responsible),
                new_names: names(n, &b.responsible),
            });
        }
    }

    // Indicators: matched the same way; a changed value with its delta.
    let pairs = membership(
        Kind::Indicator,
        &o.indicators,
        &n.indicators,
        |x| {
            (
                x.id.as_str(),
                x.report.as_str(),
                &x.source,
                x.name.to_string(),
            )
        },
        &in_gone_report,
        &in_new_report,
        &mut changes,
    );
    for (i, j) in pairs {
        let (a, b) = (&o.indicators[i], &n.indicators[j]);
        if a.value != b.value {
            changes.push(Change::IndicatorChanged {
                id: b.id.to_string(),
                name: b.name.to_string(),
                old: a.value,
                new: b.value,
                delta: a.value.zip(b.value).map(|(x, y)| y - x),
            });
        }
    }

    // Provinces that did not report in this cycle: their latest report (in the newer
    // snapshot) is dated on or before the older snapshot's day.
    if let Some(cycle_start) = o.as_of {
        let mut provinces: Vec<&str> = n
            .reports
            .iter()
            .filter_map(|r| r.locality.as_deref().and_then(|l| n.province_of(l)))
            .collect();
        provinces.sort();
        provinces.dedup();
        for p in provinces {
            let latest = n.latest_report_of(p).and_then(|r| r.date);
            if latest.is_none_or(|d| d <= cycle_start) {
                changes.push(Change::NotReported {
                    province: p.to_string(),
                    name: n.locality_name(p),
                    latest,
                });
            }
        }
    }

    changes.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.id().cmp(b.id())));
    Diff {
        old_as_of: o.as_of,
        new_as_of: n.as_of,
        changes,
    }
}

fn names(s: &Snapshot, ids: &[CompactString]) -> Vec<String> {
    ids.iter().map(|u| s.unit_label(u)).collect()
}

fn sorted(v: &[CompactString]) -> Vec<&CompactString> {
    let mut s: Vec<&CompactString> = v.iter().collect();
    s.sort();
    s
}

fn order(c: &Change) -> u8 {
    match c {
        Change::NewlyOverdue { .. } => 0,
        Change::NewlyDone { .. } => 1,
        Change::StatusChanged { .. } => 2,
        Change::DeadlineMoved { .. } => 3,
        Change::Reassigned { .. } => 4,
        Change::ReportAdded { .. } => 5,
        Change::ReportRemoved { .. } => 6,
        Change::Added { .. } => 7,
        Change::Removed { .. } => 8,
        Change::Renamed { .. } => 9,
        Change::IndicatorChanged { .. } => 10,
        Change::NotReported { .. } => 11,
    }
}
