//! A new dated snapshot in a history (HISTORY/YYYY-MM-DD/, with its manifest.ron), made of
//! the base snapshot's records with the imported edits applied. Records keep every raw text;
//! a changed record takes the returned text as its raw text and the spreadsheet cells as its
//! source. A dated folder that exists is never written into.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::import::{Edit, Value};
use crate::domain::{CompactString, SourceRef, Task};
use crate::snapshot::Snapshot;
use crate::store::files::{DataFile, Manifest};

/// The base's records with the edits applied; returns the new tasks' ids too.
pub fn apply(base: &Snapshot, edits: &[Edit], as_of: NaiveDate) -> (Snapshot, Vec<String>) {
    let mut s = base.clone();
    let mut added = Vec::new();
    // New tasks go with the report most rows of their sheet come from.
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for e in edits
        .iter()
        .filter(|e| e.sheet == super::template::TASKS.name)
    {
        if let Some(i) = e.id.as_deref().and_then(|id| base.task_index(id)) {
            *counts.entry(base.tasks[i].report.as_str()).or_default() += 1;
        }
    }
    for e in edits {
        let source = SourceRef {
            section: e.cells.join("; ").into(),
            row: None,
            line: None,
        };
        let text = |f: &str| {
            e.fields
                .iter()
                .find(|(k, _)| *k == f)
                .map(|(_, v)| match v {
                    Value::Text(t) | Value::Units(t, _) => t.clone(),
                    _ => String::new(),
                })
        };
        let units = |f: &str| {
            e.fields.iter().find_map(|(k, v)| match v {
                Value::Units(_, ids) if *k == f => Some(
                    ids.iter()
                        .map(|u| CompactString::from(u.as_str()))
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
        };
        match (e.sheet, e.id.as_deref()) {
            (sheet, Some(id)) if sheet == super::template::TASKS.name => {
                let Some(i) = s.task_index(id) else { continue };
                let t = &mut s.tasks[i];
                if let Some(v) = text("lead_raw") {
                    t.lead_raw = v.into();
                }
                if let Some(v) = units("lead_raw") {
                    t.lead_units = v;
                }
                if let Some(v) = text("deadline_raw") {
                    t.deadline_raw = v.into();
                }
                if let Some(v) = text("status_raw") {
                    t.status_raw = v.into();
                }
                if let Some(v) = text("result") {
                    t.result = v.into();
                }
                t.source = source;
            }
            (sheet, None) if sheet == super::template::TASKS.name => {
                let report = counts
                    .iter()
                    .max_by_key(|(r, n)| (**n, std::cmp::Reverse(**r)))
                    .map(|(r, _)| r.to_string())
                    .or_else(|| base.reports.first().map(|r| r.id.to_string()))
                    .unwrap_or_default();
                let mut n = 1;
                let id = loop {
                    let id = format!("{report}-moi-{}-{n}", as_of.format("%Y%m%d"));
                    if s.task_index(&id).is_none() && !added.contains(&id) {
                        break id;
                    }
                    n += 1;
                };
                let locality = base.report(&report).and_then(|r| r.locality.clone());
                s.tasks.push(Task {
                    id: id.clone().into(),
                    source,
                    title: text("title").unwrap_or_default().into(),
                    lead_raw: text("lead_raw").unwrap_or_default().into(),
                    lead_units: units("lead_raw").unwrap_or_default(),
                    deadline_raw: text("deadline_raw").unwrap_or_default().into(),
                    status_raw: text("status_raw").unwrap_or_default().into(),
                    result: text("result").unwrap_or_default().into(),
                    locality,
                    report: report.into(),
                    ..Task::default()
                });
                added.push(id);
            }
            (sheet, Some(id)) if sheet == super::template::BLOCKERS.name => {
                let Some(i) = s.blocker_index(id) else {
                    continue;
                };
                let b = &mut s.blockers[i];
                if let Some(v) = text("responsible_raw") {
                    b.responsible_raw = v.into();
                }
                if let Some(v) = units("responsible_raw") {
                    b.responsible = v;
                }
                if let Some(v) = text("solution") {
                    b.solution = v.into();
                }
                b.source = source;
            }
            (_, Some(id)) => {
                let Some(x) = s.indicators.iter_mut().find(|x| x.id == id) else {
                    continue;
                };
                for (k, v) in &e.fields {
                    match (*k, v) {
                        ("raw", Value::Text(t)) => x.raw = t.clone().into(),
                        ("value", Value::Number(n)) => x.value = *n,
                        ("as_of", Value::Date(d)) => x.as_of = *d,
                        _ => {}
                    }
                }
                x.source = source;
            }
            _ => {}
        }
    }
    (s, added)
}

/// The snapshot as data files: places, units, models, then one file per report.
fn files(s: &Snapshot) -> Vec<(String, DataFile)> {
    let mut out = vec![
        (
            "localities.ron".to_string(),
            DataFile {
                today: s.today.clone(),
                localities: s.localities.clone(),
                ..DataFile::default()
            },
        ),
        (
            "units.ron".to_string(),
            DataFile {
                units: s.units.clone(),
                ..DataFile::default()
            },
        ),
        (
            "models.ron".to_string(),
            DataFile {
                model_groups: s.model_groups.clone(),
                models: s.models.clone(),
                ..DataFile::default()
            },
        ),
    ];
    let mut ids: Vec<Option<&str>> = s.reports.iter().map(|r| Some(r.id.as_str())).collect();
    ids.push(None);
    for (n, id) in ids.into_iter().enumerate() {
        let of = |r: &str| match id {
            Some(id) => r == id,
            None => s.report(r).is_none(),
        };
        let f = DataFile {
            report: id.and_then(|i| s.report(i)).cloned(),
            assessments: s
                .assessments
                .iter()
                .filter(|x| of(&x.report))
                .cloned()
                .collect(),
            tasks: s.tasks.iter().filter(|x| of(&x.report)).cloned().collect(),
            blockers: s
                .blockers
                .iter()
                .filter(|x| of(&x.report))
                .cloned()
                .collect(),
            indicators: s
                .indicators
                .iter()
                .filter(|x| of(&x.report))
                .cloned()
                .collect(),
            benefits: s
                .benefits
                .iter()
                .filter(|x| of(&x.report))
                .cloned()
                .collect(),
            notes: s.notes.iter().filter(|x| of(&x.report)).cloned().collect(),
            ..DataFile::default()
        };
        let empty = f.report.is_none()
            && f.tasks.is_empty()
            && f.assessments.is_empty()
            && f.blockers.is_empty()
            && f.indicators.is_empty()
            && f.benefits.is_empty()
            && f.notes.is_empty();
        if !empty {
            let name = match id {
                Some(i) => format!("reports/{n:03}-{i}.ron"),
                None => "reports/other.ron".to_string(),
            };
            out.push((name, f));
        }
    }
    out
}

fn ron_text<T: serde::Serialize>(v: &T) -> Result<String, String> {
    let cfg = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .enumerate_arrays(false);
    ron::ser::to_string_pretty(v, cfg).map_err(|e| e.to_string())
}

/// Writes the snapshot as HISTORY/YYYY-MM-DD (never into a folder that exists): into a
/// temporary folder first, renamed into place when complete. `tick` is told how many files
/// of how many are written.
pub fn write_dated(
    history: &Path,
    s: &Snapshot,
    as_of: NaiveDate,
    note: &str,
    tick: &dyn Fn(usize, usize),
) -> Result<PathBuf, String> {
    let target = history.join(as_of.format("%Y-%m-%d").to_string());
    if target.exists() {
        return Err(format!(
            "{} exists: a snapshot is never overwritten; give another date with --as-of",
            target.display()
        ));
    }
    std::fs::create_dir_all(history).map_err(|e| format!("{}: {e}", history.display()))?;
    let tmp = history.join(format!(
        ".import-{}-{}",
        as_of.format("%Y-%m-%d"),
        std::process::id()
    ));
    let result = (|| -> Result<(), String> {
        std::fs::create_dir_all(tmp.join("reports")).map_err(|e| e.to_string())?;
        let files = files(s);
        for (n, (name, f)) in files.iter().enumerate() {
            tick(n, files.len());
            let text = format!("// {note}\n{}\n", ron_text(f)?);
            std::fs::write(tmp.join(name), text).map_err(|e| format!("{name}: {e}"))?;
        }
        let manifest = Manifest {
            title: s.title.clone(),
            as_of,
            files: files.iter().map(|(n, _)| n.clone()).collect(),
        };
        std::fs::write(
            tmp.join("manifest.ron"),
            format!("// {note}\n{}\n", ron_text(&manifest)?),
        )
        .map_err(|e| format!("manifest.ron: {e}"))?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    // A folder made meanwhile by another import is not replaced.
    if target.exists() {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(format!(
            "{} exists: a snapshot is never overwritten",
            target.display()
        ));
    }
    std::fs::rename(&tmp, &target).map_err(|e| {
        let _ = std::fs::remove_dir_all(&tmp);
        format!("{}: {e}", target.display())
    })?;
    Ok(target)
}
