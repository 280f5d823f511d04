//! The conclusions notice (thông báo kết luận) of a meeting: the decisions recorded since a
//! day, grouped by the unit responsible, each with its item, what was decided and where the
//! item comes from in the source reports.

use chrono::NaiveDate;

pub use super::record::Lang;
use super::record::{Change, Field};
use super::state::{Decisions, ItemDecision};
use crate::domain::{BlockerKind, SourceRef};
use crate::snapshot::Snapshot;
use crate::text::{fold, one_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Md,
    Txt,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "txt" | "text" => Some(Format::Txt),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
        }
    }
}

/// How long an item's title may be in the notice.
const TITLE_CHARS: usize = 160;

struct Item {
    /// Tasks first, then blockers, in snapshot order.
    order: (u8, usize),
    title: String,
    id: String,
    lines: Vec<(String, String)>,
    source: String,
}

struct Group {
    name: String,
    key: (bool, String),
    items: Vec<Item>,
}

/// The day a notice is dated: the day of the latest decision it reports.
pub fn notice_date(decisions: &Decisions, since: Option<NaiveDate>) -> Option<NaiveDate> {
    decisions
        .iter()
        .flat_map(|(_, d)| d.history.iter())
        .filter(|h| h.change.field() != Field::Agenda)
        .map(|h| h.at.date_naive())
        .filter(|d| since.is_none_or(|s| *d >= s))
        .max()
}

/// The notice, as Markdown or plain text, in Vietnamese or English.
pub fn render(
    snapshot: &Snapshot,
    decisions: &Decisions,
    since: Option<NaiveDate>,
    format: Format,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let date = |d: NaiveDate| {
        if vi {
            d.format("%d/%m/%Y").to_string()
        } else {
            d.format("%Y-%m-%d").to_string()
        }
    };
    let mut groups: Vec<Group> = Vec::new();
    for (id, d) in decisions.iter() {
        let Some(item) = item_of(snapshot, id, d, since, lang) else {
            continue;
        };
        let units = units_of(snapshot, id, d);
        let names: Vec<String> = units
            .iter()
            .map(|u| {
                snapshot
                    .unit(u)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| u.clone())
            })
            .collect();
        let (name, key) = if names.is_empty() {
            let n = if vi {
                "Chưa xác định đơn vị chủ trì"
            } else {
                "No responsible unit named"
            };
            (n.to_string(), (true, String::new()))
        } else {
            let n = names.join("; ");
            let k = fold(&n);
            (n, (false, k))
        };
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.items.push(item),
            None => groups.push(Group {
                name,
                key,
                items: vec![item],
            }),
        }
    }
    groups.sort_by(|a, b| a.key.cmp(&b.key));
    for g in &mut groups {
        g.items.sort_by_key(|i| i.order);
    }

    let day = notice_date(decisions, since)
        .or(since)
        .or(snapshot.as_of)
        .map(date)
        .unwrap_or_else(|| "—".into());
    let heading = if vi {
        "THÔNG BÁO KẾT LUẬN"
    } else {
        "CONCLUSIONS NOTICE"
    };
    let meeting = if vi {
        format!("Giao ban Tổ công tác triển khai Đề án 06, ngày {day}")
    } else {
        format!("Weekly briefing of the Đề án 06 working group, {day}")
    };
    let mut data = if vi {
        format!("Số liệu: {}", snapshot.title)
    } else {
        format!("Data: {}", snapshot.title)
    };
    if let Some(a) = snapshot.as_of {
        data.push_str(&if vi {
            format!(", đến ngày {}", date(a))
        } else {
            format!(", as of {}", date(a))
        });
    }
    data.push_str(". ");
    data.push_str(&match (since, vi) {
        (Some(s), true) => format!("Các quyết định ghi từ ngày {}.", date(s)),
        (Some(s), false) => format!("Decisions recorded since {}.", date(s)),
        (None, true) => "Tất cả quyết định trong sổ.".to_string(),
        (None, false) => "All decisions in the journal.".to_string(),
    });
    let total_items: usize = groups.iter().map(|g| g.items.len()).sum();
    let total = if vi {
        format!(
            "Tổng cộng: {total_items} nội dung, {} nhóm đơn vị chủ trì.",
            groups.len()
        )
    } else {
        format!(
            "Total: {total_items} item(s), {} group(s) of responsible units.",
            groups.len()
        )
    };
    let none = if vi {
        "Không có quyết định nào trong khoảng thời gian này."
    } else {
        "No decisions in this period."
    };

    let mut out = String::new();
    match format {
        Format::Md => {
            out.push_str(&format!("# {heading}\n\n**{meeting}**\n\n{data}\n"));
            if groups.is_empty() {
                out.push_str(&format!("\n{none}\n"));
                return out;
            }
            for (gi, g) in groups.iter().enumerate() {
                out.push_str(&format!("\n## {}. {}\n\n", gi + 1, g.name));
                for (ii, it) in g.items.iter().enumerate() {
                    out.push_str(&format!("{}. **{}** ({})\n", ii + 1, it.title, it.id));
                    for (label, value) in &it.lines {
                        out.push_str(&format!("   - {label}: {value}\n"));
                    }
                    if !it.source.is_empty() {
                        let l = if vi { "Nguồn" } else { "Source" };
                        out.push_str(&format!("   - {l}: {}\n", it.source));
                    }
                }
            }
            out.push_str(&format!("\n---\n\n{total}\n"));
        }
        Format::Txt => {
            out.push_str(&format!("{heading}\n{meeting}\n\n{data}\n"));
            if groups.is_empty() {
                out.push_str(&format!("\n{none}\n"));
                return out;
            }
            for (gi, g) in groups.iter().enumerate() {
                out.push_str(&format!("\n{}. {}\n", gi + 1, g.name));
                for (ii, it) in g.items.iter().enumerate() {
                    let num = format!("{}.{}.", gi + 1, ii + 1);
                    out.push_str(&format!("\n   {num} {} ({})\n", it.title, it.id));
                    let pad = " ".repeat(4 + num.chars().count());
                    for (label, value) in &it.lines {
                        out.push_str(&format!("{pad}{label}: {value}\n"));
                    }
                    if !it.source.is_empty() {
                        let l = if vi { "Nguồn" } else { "Source" };
                        out.push_str(&format!("{pad}{l}: {}\n", it.source));
                    }
                }
            }
            out.push_str(&format!("\n{total}\n"));
        }
    }
    out
}

/// The units an item is grouped under: the one decided, else its lead / responsible units.
fn units_of(snapshot: &Snapshot, id: &str, d: &ItemDecision) -> Vec<String> {
    if let Some(u) = &d.unit {
        return vec![u.clone()];
    }
    if let Some(i) = snapshot.task_index(id) {
        return snapshot.tasks[i].lead_units.clone();
    }
    if let Some(i) = snapshot.blocker_index(id) {
        return snapshot.blockers[i].responsible.clone();
    }
    Vec::new()
}

/// The item's entry in the notice, when a decision on it (other than the agenda flag) was
/// recorded in the period.
fn item_of(
    snapshot: &Snapshot,
    id: &str,
    d: &ItemDecision,
    since: Option<NaiveDate>,
    lang: Lang,
) -> Option<Item> {
    let recent: Vec<_> = d
        .history
        .iter()
        .filter(|h| since.is_none_or(|s| h.at.date_naive() >= s))
        .filter(|h| h.change.field() != Field::Agenda)
        .collect();
    if recent.is_empty() {
        return None;
    }
    let vi = lang == Lang::Vi;
    let (order, title, report, source) = if let Some(i) = snapshot.task_index(id) {
        let t = &snapshot.tasks[i];
        ((0u8, i), one_line(&t.title), &t.report, &t.source)
    } else {
        let i = snapshot.blocker_index(id)?;
        let b = &snapshot.blockers[i];
        let kind = match (b.kind, vi) {
            (BlockerKind::Difficulty, true) => "Khó khăn",
            (BlockerKind::Gap, true) => "Tồn tại",
            (BlockerKind::Proposal, true) => "Kiến nghị",
            (BlockerKind::Difficulty, false) => "Difficulty",
            (BlockerKind::Gap, false) => "Gap",
            (BlockerKind::Proposal, false) => "Proposal",
        };
        (
            (1u8, i),
            format!("{kind}: {}", one_line(&b.text)),
            &b.report,
            &b.source,
        )
    };
    let changed = |f: Field| recent.iter().any(|h| h.change.field() == f);
    let mut lines: Vec<(String, String)> = Vec::new();
    let push = |lines: &mut Vec<(String, String)>, f: Field, c: Option<Change>| {
        if let Some(c) = c {
            lines.push((
                f.label(lang).to_string(),
                one_line(&c.value_text(Some(snapshot), lang)),
            ));
        }
    };
    if changed(Field::State) {
        push(&mut lines, Field::State, d.state.map(Change::State));
    }
    if changed(Field::Unit) {
        push(&mut lines, Field::Unit, d.unit.clone().map(Change::Unit));
    }
    if changed(Field::Due) {
        push(&mut lines, Field::Due, d.due.map(Change::Due));
    }
    if let Some(i) = snapshot.task_index(id) {
        // Every task goes out with its deadline: the reported one when none was decided.
        let raw = one_line(&snapshot.tasks[i].deadline_raw);
        if !raw.is_empty() {
            let label = if vi {
                "Thời hạn (theo báo cáo)"
            } else {
                "Deadline (as reported)"
            };
            lines.push((label.to_string(), raw));
        }
    }
    if changed(Field::Conclusion) {
        push(
            &mut lines,
            Field::Conclusion,
            d.conclusion.clone().map(Change::Conclusion),
        );
    }
    for h in &recent {
        if let Change::Note(n) = &h.change {
            push(&mut lines, Field::Note, Some(Change::Note(n.clone())));
        }
        if let Some(n) = &h.note {
            push(&mut lines, Field::Note, Some(Change::Note(n.clone())));
        }
    }
    Some(Item {
        order,
        title: shorten(&title, TITLE_CHARS),
        id: id.to_string(),
        lines,
        source: source_text(snapshot, report, source, lang),
    })
}

/// "Bình Định 258/BC-UBND, Phụ lục 01, dòng 23 (tệp nguồn, dòng 412)".
fn source_text(snapshot: &Snapshot, report: &str, source: &SourceRef, lang: Lang) -> String {
    let short = snapshot
        .report(report)
        .map(|r| r.short.clone())
        .unwrap_or_else(|| report.to_string());
    let at = source.describe_in(lang == Lang::Vi);
    match (short.is_empty(), at.is_empty()) {
        (true, _) => at,
        (false, true) => short,
        (false, false) => format!("{short}, {at}"),
    }
}

/// At most `max` chars, cut at a word, with "…".
fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(p) if p > cut.len() / 2 => cut[..p].trim_end().to_string(),
        _ => cut,
    };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_cuts_at_a_word() {
        assert_eq!(shorten("abc def ghi", 20), "abc def ghi");
        assert_eq!(shorten("abc def ghi", 9), "abc def…");
        assert_eq!(shorten("abcdefghijkl", 5), "abcd…");
    }
}
