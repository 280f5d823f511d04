//! Findings that compare records with each other rather than with a printed count: where two
//! sources disagree on whether a model is deployed in a province, and where one report prints
//! the same measure with two values.

use std::collections::{BTreeMap, HashMap};

use super::{fmt_num, Findings};
use crate::domain::{Assessment, Indicator};
use crate::snapshot::Snapshot;
use crate::text::one_line;

/// Each report's short name by its id (the first report of an id).
fn shorts(s: &Snapshot) -> HashMap<&str, &str> {
    let mut out = HashMap::with_capacity(s.reports.len());
    for r in &s.reports {
        out.entry(r.id.as_str()).or_insert(r.short.as_str());
    }
    out
}

fn report_short<'a>(shorts: &HashMap<&'a str, &'a str>, id: &'a str) -> &'a str {
    shorts.get(id).copied().unwrap_or(id)
}

/// What a province's own row says, short enough for a findings line.
fn said(a: &Assessment) -> String {
    let text = if one_line(&a.result).trim().is_empty() {
        one_line(&a.status_raw)
    } else {
        one_line(&a.result)
    };
    let text = text.trim();
    if text.chars().count() <= 120 {
        return text.to_string();
    }
    let cut: String = text.chars().take(119).collect();
    format!("{}…", cut.trim_end())
}

/// A province's own report of a model against the national list of where it is deployed. Only
/// where the national appendix names provinces: a printed count alone cannot disagree.
pub(super) fn deployment(s: &Snapshot, out: &mut Findings) {
    let shorts = shorts(s);
    // The national appendix's assessment of each model (`Snapshot::national_assessment`).
    let mut nationals: HashMap<u32, &Assessment> = HashMap::new();
    for a in &s.assessments {
        if let (Some(m), None) = (a.model, &a.locality) {
            nationals.entry(m).or_insert(a);
        }
    }
    for a in &s.assessments {
        let (Some(number), Some(own)) = (a.model, a.locality.as_deref()) else {
            continue;
        };
        let Some(province) = s.province_of(own) else {
            continue;
        };
        let Some(&national) = nationals.get(&number) else {
            continue;
        };
        if national.localities.is_empty() {
            continue;
        }
        let listed = national
            .localities
            .iter()
            .any(|l| s.province_of(l) == Some(province));
        let name = s.locality_name(province);
        let (own_short, nat_short) = (
            report_short(&shorts, &a.report),
            report_short(&shorts, &national.report),
        );
        let message = match (a.says_not_deployed(), listed) {
            (true, true) => format!(
                "Mô hình {number}, {name}: {nat_short} liệt kê {name} là đã triển khai; {own_short} ghi \"{}\" — không tính {name} là đã triển khai",
                said(a)
            ),
            (false, false) => format!(
                "Mô hình {number}, {name}: {own_short} báo cáo mô hình của tỉnh (\"{}\"); danh sách địa phương triển khai của {nat_short} không có {name}",
                said(a)
            ),
            _ => continue,
        };
        out.push(
            Some(&a.report),
            "deployment",
            &a.id,
            message,
            Some(format!("{own_short}: {}", said(a))),
            Some(format!(
                "{nat_short}: {}",
                if listed {
                    format!("có {name} trong danh sách")
                } else {
                    format!("không có {name} trong danh sách")
                }
            )),
            Some(&a.source),
        );
    }
}

/// A figure as the reports print it: "1.423.725", "42,94".
fn vi_num(v: f64) -> String {
    let plain = fmt_num(v);
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// The value a figure is compared by: its value, else its printed percentage.
fn compared(i: &Indicator) -> Option<String> {
    i.value.map(vi_num).or_else(|| {
        i.percent_raw
            .as_deref()
            .and_then(super::parse_percent)
            .map(|(p, _)| format!("{}%", vi_num(p)))
    })
}

/// One report printing the same measure (the indicators that share `measure`) with two values
/// for the same date or with no date: every printing is listed, raw text and line.
pub(super) fn conflicting_figures(s: &Snapshot, out: &mut Findings) {
    let shorts = shorts(s);
    let mut groups: BTreeMap<(&str, &str), Vec<&Indicator>> = BTreeMap::new();
    for i in &s.indicators {
        if let Some(m) = i.measure.as_deref().filter(|m| !m.is_empty()) {
            groups.entry((i.report.as_str(), m)).or_default().push(i);
        }
    }
    for ((report, measure), items) in groups {
        let disagree = items.iter().enumerate().any(|(k, a)| {
            items[k + 1..].iter().any(|b| {
                let same_time = a.as_of.is_none() || b.as_of.is_none() || a.as_of == b.as_of;
                same_time
                    && compared(a).is_some()
                    && compared(b).is_some()
                    && compared(a) != compared(b)
            })
        });
        if !disagree {
            continue;
        }
        let mut values: Vec<String> = Vec::new();
        for i in &items {
            if let Some(v) = compared(i) {
                if !values.contains(&v) {
                    values.push(v);
                }
            }
        }
        let printed: Vec<String> = items
            .iter()
            .map(|i| format!("\"{}\" ({})", one_line(&i.raw), i.source.describe()))
            .collect();
        out.push(
            Some(report),
            "conflict",
            measure,
            format!(
                "{}: {} — báo cáo in {} giá trị khác nhau: {}",
                report_short(&shorts, report),
                items[0].name,
                values.len(),
                values.join(" / ")
            ),
            Some(printed.join(" | ")),
            None,
            Some(&items[0].source),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::vi_num;

    #[test]
    fn figures_read_as_printed() {
        assert_eq!(vi_num(1_423_725.0), "1.423.725");
        assert_eq!(vi_num(280.0), "280");
        assert_eq!(vi_num(1000.0), "1.000");
        assert_eq!(vi_num(42.94), "42,94");
        assert_eq!(vi_num(-1234.0), "-1.234");
    }
}
