//! Reconciliation: recompute from a report's own rows what its printed figures claim, and
//! list every place where they disagree, printed against computed. Nothing is corrected.

use serde::{Deserialize, Serialize};

use crate::domain::{Claim, CompactString, Deadline, SourceRef};
use crate::snapshot::Snapshot;
use crate::text::one_line;

mod across;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: CompactString,
    pub report: Option<CompactString>,
    /// count, list, headline, percent, group, numbering, deadline, deployment, conflict,
    /// extraction
    pub kind: CompactString,
    /// The record the finding is about (an assessment, a task, a headline …).
    pub subject: CompactString,
    pub message: String,
    pub printed: Option<CompactString>,
    pub computed: Option<CompactString>,
    pub source: Option<SourceRef>,
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

/// The Vietnamese names a finding's kind goes by (as the console labels it), for `kind:`.
pub fn kind_aliases(kind: &str) -> &'static [&'static str] {
    match kind {
        "group" => &["số nhóm", "nhóm"],
        "list" => &["danh sách"],
        "headline" => &["tổng hợp"],
        "percent" => &["tỷ lệ", "tỉ lệ"],
        "numbering" => &["đánh số"],
        "deadline" => &["thời hạn"],
        "deployment" => &["triển khai", "nơi triển khai"],
        "conflict" => &["số liệu vênh", "vênh"],
        "extraction" => &["ghi chú", "ghi chú trích xuất"],
        _ => &[],
    }
}

/// "40/63" → (40, 63)
pub fn parse_fraction(s: &str) -> Option<(u32, u32)> {
    let s = one_line(s);
    let slash = s.find('/')?;
    let a: String = s[..slash]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let b: String = s[slash + 1..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The count a model's "Kết quả chung" prints: "40/63" → 40, and a bare "50" → 50.
pub fn parse_count(s: &str) -> Option<u32> {
    if let Some((n, _)) = parse_fraction(s) {
        return Some(n);
    }
    let t = one_line(s);
    let digits: String = t
        .trim()
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// A Vietnamese-printed percentage ("99,51%", "99.48%") → 99.51, with its number of decimals.
pub fn parse_percent(s: &str) -> Option<(f64, usize)> {
    let t: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let t = t.trim_matches(|c| c == ',' || c == '.');
    if t.is_empty() {
        return None;
    }
    let norm = t.replace(',', ".");
    let decimals = norm.rsplit_once('.').map(|(_, d)| d.len()).unwrap_or(0);
    norm.parse().ok().map(|v| (v, decimals))
}

/// The findings in the order they are listed, numbered F001, F002 … as they are pushed.
pub(super) struct Findings(Vec<Finding>);

impl Findings {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        report: Option<&str>,
        kind: &str,
        subject: &str,
        message: String,
        printed: Option<String>,
        computed: Option<String>,
        source: Option<&SourceRef>,
    ) {
        let id = format!("F{:03}", self.0.len() + 1);
        self.0.push(Finding {
            id: id.into(),
            report: report.filter(|r| !r.is_empty()).map(CompactString::from),
            kind: kind.into(),
            subject: subject.into(),
            message,
            printed: printed.map(CompactString::from),
            computed: computed.map(CompactString::from),
            source: source.cloned(),
        });
    }
}

pub fn reconcile(s: &Snapshot) -> Vec<Finding> {
    let mut out = Findings(Vec::new());

    // Model groups: the count printed in the title against the models listed in it.
    for g in &s.model_groups {
        if let Some(p) = &g.printed_count {
            let printed: Option<u32> = p
                .chars()
                .filter(|c| c.is_ascii_digit())
                .collect::<String>()
                .parse()
                .ok();
            let listed = s.models.iter().filter(|m| m.group == g.id).count() as u32;
            if printed.is_some_and(|n| n != listed) {
                out.push(
                    None,
                    "group",
                    &g.id,
                    format!(
                        "Nhóm {}: tiêu đề ghi {p}, danh mục có {listed} mô hình",
                        g.id
                    ),
                    Some(p.to_string()),
                    Some(listed.to_string()),
                    Some(&g.source),
                );
            }
        }
    }

    // Assessments: "N/63" against the localities listed beside it.
    for a in &s.assessments {
        if a.localities.is_empty() {
            continue;
        }
        let printed = a
            .printed_count
            .as_ref()
            .and_then(|p| parse_count(p).map(|n| (p, n)));
        let mut distinct: Vec<&CompactString> = Vec::new();
        for l in &a.localities {
            if !distinct.contains(&l) {
                distinct.push(l);
            }
        }
        let listed = distinct.len() as u32;
        let label = a
            .model
            .map(|m| format!("Mô hình {m}"))
            .unwrap_or_else(|| a.id.to_string());
        if let Some((p, _)) = printed.filter(|(_, n)| *n != listed) {
            out.push(
                Some(&a.report),
                "list",
                &a.id,
                format!("{label}: ghi {p} địa phương, danh sách kèm theo có {listed}"),
                Some(p.to_string()),
                Some(format!("{listed} địa phương được liệt kê")),
                Some(&a.source),
            );
        }
        if distinct.len() < a.localities.len() {
            let repeated: Vec<String> = distinct
                .iter()
                .filter(|d| a.localities.iter().filter(|l| l == *d).count() > 1)
                .map(|d| s.locality_name(d))
                .collect();
            out.push(
                Some(&a.report),
                "list",
                &a.id,
                format!(
                    "{label}: danh sách địa phương nêu hai lần: {}",
                    repeated.join(", ")
                ),
                Some(format!("{} mục", a.localities.len())),
                Some(format!("{listed} địa phương khác nhau")),
                Some(&a.source),
            );
        }
    }

    // Headline figures against the report's own rows (each report's rows found in one pass).
    let mut rows_of: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, t) in s.tasks.iter().enumerate() {
        rows_of.entry(t.report.as_str()).or_default().push(i);
    }
    let mut count_of: std::collections::HashMap<(&str, u8), usize> = Default::default();
    for a in &s.assessments {
        *count_of.entry((a.report.as_str(), 0)).or_default() += 1;
    }
    for b in &s.blockers {
        *count_of.entry((b.report.as_str(), 1)).or_default() += 1;
    }
    let mut benefits_of: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, b) in s.benefits.iter().enumerate() {
        benefits_of.entry(b.report.as_str()).or_default().push(i);
    }
    let none: Vec<usize> = Vec::new();
    for r in &s.reports {
        for h in &r.headline {
            let (Some(claim), Some(value)) = (&h.claim, h.value) else {
                continue;
            };
            let tasks = rows_of
                .get(r.id.as_str())
                .unwrap_or(&none)
                .iter()
                .map(|&i| (i, &s.tasks[i]));
            let in_section = |t: &crate::domain::Task, sec: &Option<String>| match sec {
                None => true,
                Some(sec) => {
                    t.section
                        .as_deref()
                        .is_some_and(|ts| ts.starts_with(sec.as_str()))
                        || t.source.section.starts_with(sec.as_str())
                }
            };
            if let Claim::NotComparable { reason } = claim {
                out.push(
                    Some(&r.id),
                    "headline",
                    &h.id,
                    format!(
                        "{}: {} — báo cáo ghi {}; không so được với các dòng: {}",
                        r.short,
                        h.label,
                        fmt_num(value),
                        one_line(reason)
                    ),
                    Some(one_line(&h.raw)),
                    None,
                    Some(&h.source),
                );
                continue;
            }
            let computed = match claim {
                Claim::NotComparable { .. } => continue,
                Claim::TasksWithDeadline { contains, section } => {
                    let words = crate::text::fold(contains);
                    tasks
                        .filter(|(_, t)| {
                            in_section(t, section)
                                && crate::text::fold(&one_line(&t.deadline_raw))
                                    .contains(words.as_str())
                        })
                        .count()
                }
                Claim::TasksTotal { section } => {
                    tasks.filter(|(_, t)| in_section(t, section)).count()
                }
                Claim::TasksWithStatus { status, section } => tasks
                    .filter(|(i, t)| in_section(t, section) && s.task_status(*i) == *status)
                    .count(),
                Claim::ModelsAssessed => count_of.get(&(r.id.as_str(), 0)).copied().unwrap_or(0),
                Claim::Blockers => count_of.get(&(r.id.as_str(), 1)).copied().unwrap_or(0),
                Claim::Benefits { group } => benefits_of
                    .get(r.id.as_str())
                    .unwrap_or(&none)
                    .iter()
                    .filter(|&&i| {
                        group
                            .as_ref()
                            .is_none_or(|g| s.benefits[i].group.starts_with(g.as_str()))
                    })
                    .count(),
            } as f64;
            if (computed - value).abs() > 0.0 {
                out.push(
                    Some(&r.id),
                    "headline",
                    &h.id,
                    format!(
                        "{}: {} — báo cáo ghi {}, các dòng phụ lục cho {}",
                        r.short,
                        h.label,
                        fmt_num(value),
                        fmt_num(computed)
                    ),
                    Some(one_line(&h.raw)),
                    Some(fmt_num(computed)),
                    Some(&h.source),
                );
            }
        }
    }

    // Percentages against their own numerator and denominator.
    for ind in &s.indicators {
        let (Some(n), Some(d), Some(p)) =
            (ind.numerator, ind.denominator, ind.percent_raw.as_deref())
        else {
            continue;
        };
        let Some((printed, decimals)) = parse_percent(p) else {
            continue;
        };
        if d == 0.0 {
            out.push(
                Some(&ind.report),
                "percent",
                &ind.id,
                format!("{}: mẫu số bằng 0", ind.name),
                Some(p.to_string()),
                None,
                Some(&ind.source),
            );
            continue;
        }
        let computed = n / d * 100.0;
        let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
        // Printed percentages are rounded or truncated: accept either.
        if (computed - printed).abs() > tolerance
            && !(computed >= printed && computed - printed < 2.0 * tolerance)
        {
            out.push(
                Some(&ind.report),
                "percent",
                &ind.id,
                format!(
                    "{}: ghi {p}, {}/{} = {:.2}%",
                    ind.name,
                    fmt_num(n),
                    fmt_num(d),
                    computed
                ),
                Some(p.to_string()),
                Some(format!("{computed:.2}%")),
                Some(&ind.source),
            );
        }
    }

    // The same model under another number.
    for t in &s.tasks {
        if let (Some(m), Some(p)) = (t.model, &t.model_printed) {
            if p.trim() != m.to_string() {
                out.push(
                    Some(&t.report),
                    "numbering",
                    &t.id,
                    format!(
                        "{}: tài liệu ghi \"Mô hình {p}\", là mô hình {m} của danh mục quốc gia",
                        t.id
                    ),
                    Some(p.to_string()),
                    Some(m.to_string()),
                    Some(&t.source),
                );
            }
        }
    }
    for a in &s.assessments {
        if let (Some(m), Some(p)) = (a.model, &a.local_number) {
            if a.locality.is_some() && p.trim().trim_end_matches('.') != m.to_string() {
                out.push(
                    Some(&a.report),
                    "numbering",
                    &a.id,
                    format!(
                        "{}: số thứ tự địa phương {p}, là mô hình {m} của danh mục quốc gia",
                        a.id
                    ),
                    Some(p.to_string()),
                    Some(m.to_string()),
                    Some(&a.source),
                );
            }
        }
    }

    // Deadlines that cannot be dates.
    for (i, t) in s.tasks.iter().enumerate() {
        if let Deadline::Invalid { reason } = s.task_deadline(i) {
            out.push(
                Some(&t.report),
                "deadline",
                &t.id,
                format!(
                    "{}: thời hạn \"{}\" không đọc được ({reason})",
                    t.id,
                    one_line(&t.deadline_raw)
                ),
                Some(one_line(&t.deadline_raw)),
                None,
                Some(&t.source),
            );
        }
    }

    // Where the sources disagree on where a model is deployed, and figures a report prints twice
    // with two values.
    across::deployment(s, &mut out);
    across::conflicting_figures(s, &mut out);

    // What the conversion could not place.
    for n in &s.notes {
        out.push(
            Some(&n.report),
            "extraction",
            &n.id,
            one_line(&n.text),
            (!n.raw.is_empty()).then(|| one_line(&n.raw)),
            None,
            Some(&n.source),
        );
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_and_percents() {
        assert_eq!(parse_fraction("<b>40/63 địa phương</b>"), Some((40, 63)));
        assert_eq!(parse_count("<b>40/63 địa phương</b>"), Some(40));
        assert_eq!(parse_count("50"), Some(50));
        assert_eq!(parse_count("<b>32</b> địa phương"), Some(32));
        assert_eq!(parse_count("chưa có"), None);
        assert_eq!(parse_percent("99,51%"), Some((99.51, 2)));
        assert_eq!(parse_percent("đạt 25.6%"), Some((25.6, 1)));
    }
}
