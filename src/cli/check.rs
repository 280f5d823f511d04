//! `giaoban check [PATH]`: counts per entity, errors, warnings and reconciliation findings.

use std::io::Write;
use std::path::Path;

use crate::store::{self, Loaded};

/// Prints the report; returns the exit code (1 on errors).
pub fn run(path: Option<&Path>, out: &mut dyn Write) -> std::io::Result<i32> {
    let result = match path {
        Some(p) => crate::history::load_path(p),
        None => store::load_embedded(),
    };
    let where_ = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the shipped snapshot".into());
    match result {
        Err(fail) => {
            for e in &fail.errors {
                writeln!(out, "{e}")?;
            }
            for w in &fail.warnings {
                writeln!(out, "{w}")?;
            }
            writeln!(out, "\n{where_}: {} error(s), {} warning(s): the snapshot cannot be opened until the errors are fixed.", fail.errors.len(), fail.warnings.len())?;
            Ok(1)
        }
        Ok(loaded) => {
            print_summary(&loaded, &where_, out)?;
            Ok(0)
        }
    }
}

pub fn print_summary(loaded: &Loaded, where_: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &loaded.snapshot;
    writeln!(out, "{where_}: {}", s.title)?;
    if let Some(d) = s.as_of {
        writeln!(out, "as of {d}")?;
    }
    writeln!(out)?;
    let rows: [(&str, usize); 13] = [
        ("reports", s.reports.len()),
        ("provinces of today", s.today.len()),
        ("localities", s.localities.len()),
        ("units", s.units.len()),
        ("model groups", s.model_groups.len()),
        ("models", s.models.len()),
        ("assessments", s.assessments.len()),
        ("tasks", s.tasks.len()),
        ("blockers", s.blockers.len()),
        ("indicators", s.indicators.len()),
        ("benefits", s.benefits.len()),
        ("notes", s.notes.len()),
        ("findings", loaded.findings.len()),
    ];
    for (name, n) in rows {
        writeln!(out, "  {name:<20} {n:>6}")?;
    }
    // Each report's rows, counted in one pass over each kind.
    let mut per: std::collections::HashMap<&str, [usize; 3]> = Default::default();
    for t in &s.tasks {
        per.entry(t.report.as_str()).or_default()[0] += 1;
    }
    for a in &s.assessments {
        per.entry(a.report.as_str()).or_default()[1] += 1;
    }
    for b in &s.blockers {
        per.entry(b.report.as_str()).or_default()[2] += 1;
    }
    for r in &s.reports {
        let [tasks, models, blockers] = per.get(r.id.as_str()).copied().unwrap_or_default();
        writeln!(
            out,
            "    {:<40} tasks {tasks:>4}  models {models:>3}  blockers {blockers:>4}",
            r.short
        )?;
    }
    writeln!(out, "\nerrors: 0\nwarnings: {}", loaded.warnings.len())?;
    for w in &loaded.warnings {
        writeln!(out, "  {w}")?;
    }
    writeln!(out, "\nreconciliation findings: {}", loaded.findings.len())?;
    for f in &loaded.findings {
        let src = f
            .report
            .as_deref()
            .and_then(|r| s.report(r))
            .map(|r| r.short.clone())
            .unwrap_or_else(|| "danh mục".into());
        let loc = f.source.as_ref().map(|s| s.describe()).unwrap_or_default();
        writeln!(
            out,
            "  {} [{}] {} ({src}{}{loc})",
            f.id,
            f.kind,
            f.message,
            if loc.is_empty() { "" } else { ", " }
        )?;
        if let (Some(p), Some(c)) = (&f.printed, &f.computed) {
            writeln!(out, "      printed: {p}\n      computed: {c}")?;
        }
    }
    Ok(())
}
