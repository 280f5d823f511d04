//! `giaoban check [PATH]`: counts per entity, errors, warnings and reconciliation findings, in
//! Vietnamese (the default `--lang`) or English.

use std::io::Write;
use std::path::Path;

use crate::store::{self, Loaded};

/// Prints the report; returns the exit code (1 on errors).
pub fn run(path: Option<&Path>, vi: bool, out: &mut dyn Write) -> std::io::Result<i32> {
    let result = match path {
        Some(p) => crate::history::load_path(p),
        None => store::load_embedded(),
    };
    let where_ = path.map(|p| p.display().to_string()).unwrap_or_else(|| {
        if vi {
            "dữ liệu đi kèm chương trình"
        } else {
            "the shipped snapshot"
        }
        .into()
    });
    match result {
        Err(fail) => {
            for e in &fail.errors {
                writeln!(out, "{e}")?;
            }
            for w in &fail.warnings {
                writeln!(out, "{w}")?;
            }
            let (e, w) = (fail.errors.len(), fail.warnings.len());
            if vi {
                writeln!(out, "\n{where_}: {e} lỗi, {w} cảnh báo: chưa mở được bộ số liệu cho đến khi sửa hết lỗi.")?;
            } else {
                writeln!(out, "\n{where_}: {e} error(s), {w} warning(s): the snapshot cannot be opened until the errors are fixed.")?;
            }
            Ok(1)
        }
        Ok(loaded) => {
            print_summary(&loaded, &where_, vi, out)?;
            Ok(0)
        }
    }
}

pub fn print_summary(
    loaded: &Loaded,
    where_: &str,
    vi: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let s = &loaded.snapshot;
    let say = |v: &'static str, e: &'static str| if vi { v } else { e };
    writeln!(out, "{where_}: {}", s.title)?;
    if let Some(d) = s.as_of {
        if vi {
            writeln!(out, "số liệu đến ngày {}", d.format("%d/%m/%Y"))?;
        } else {
            writeln!(out, "as of {d}")?;
        }
    }
    writeln!(out)?;
    let rows: [(&str, usize); 13] = [
        (say("báo cáo", "reports"), s.reports.len()),
        (say("tỉnh (nay)", "provinces of today"), s.today.len()),
        (say("địa phương", "localities"), s.localities.len()),
        (say("đơn vị", "units"), s.units.len()),
        (say("nhóm mô hình", "model groups"), s.model_groups.len()),
        (say("mô hình", "models"), s.models.len()),
        (say("đánh giá mô hình", "assessments"), s.assessments.len()),
        (say("nhiệm vụ", "tasks"), s.tasks.len()),
        (say("vướng mắc", "blockers"), s.blockers.len()),
        (say("chỉ tiêu", "indicators"), s.indicators.len()),
        (say("lợi ích", "benefits"), s.benefits.len()),
        (say("ghi chú", "notes"), s.notes.len()),
        (say("sai lệch", "findings"), loaded.findings.len()),
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
            "    {:<40} {} {tasks:>4}  {} {models:>3}  {} {blockers:>4}",
            r.short,
            say("nhiệm vụ", "tasks"),
            say("mô hình", "models"),
            say("vướng mắc", "blockers"),
        )?;
    }
    writeln!(
        out,
        "\n{}: 0\n{}: {}",
        say("lỗi", "errors"),
        say("cảnh báo", "warnings"),
        loaded.warnings.len()
    )?;
    for w in &loaded.warnings {
        writeln!(out, "  {w}")?;
    }
    writeln!(
        out,
        "\n{}: {}",
        say("sai lệch khi đối chiếu", "reconciliation findings"),
        loaded.findings.len()
    )?;
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
            writeln!(
                out,
                "      {}: {p}\n      {}: {c}",
                say("số in", "printed"),
                say("số tính", "computed")
            )?;
        }
    }
    Ok(())
}
