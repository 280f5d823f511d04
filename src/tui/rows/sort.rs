//! Sorting a list by a column: the key of each cell (dates, days, scores as numbers; empty
//! cells last either way) and the sort that keeps group headers in place.

use std::cmp::Ordering;

use super::{cells, columns, Row, Table};
use crate::query::{Ctx, Rec};
use crate::tui::figures::Figures;
use crate::tui::i18n::Lang;

#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortKey {
    Num(f64),
    Text(String),
    None,
}

fn cmp_keys(a: &SortKey, b: &SortKey) -> Ordering {
    match (a, b) {
        (SortKey::Num(x), SortKey::Num(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (SortKey::Text(x), SortKey::Text(y)) => x.cmp(y),
        (SortKey::None, SortKey::None) => Ordering::Equal,
        (SortKey::None, _) => Ordering::Greater,
        (_, SortKey::None) => Ordering::Less,
        (SortKey::Num(_), _) => Ordering::Less,
        (_, SortKey::Num(_)) => Ordering::Greater,
    }
}

/// The sort key of a cell.
pub fn sort_key(
    ctx: &Ctx,
    fig: &Figures,
    table: Table,
    rec: Rec,
    column: usize,
    cells: &[String],
) -> SortKey {
    let s = ctx.snap;
    match (table, rec, column) {
        (Table::Tasks, Rec::Task(i), 3) => ctx
            .overlay
            .and_then(|o| o.decided_due(rec))
            .or_else(|| s.task_deadline(i).due())
            .map(|d| SortKey::Num(d.num_days_from_ce_f()))
            .unwrap_or(SortKey::None),
        (Table::Tasks, Rec::Task(i), 5) => ctx
            .task_days_overdue(i)
            .map(|d| SortKey::Num(d as f64))
            .unwrap_or(SortKey::None),
        // The scorecard's columns, found by their title (other columns may come and go).
        (Table::Units, Rec::Unit(i), c)
            if matches!(
                columns(table).get(c).map(|x| x.title),
                Some("col.score" | "col.rank" | "col.change")
            ) =>
        {
            let title = columns(table)[c].title;
            ctx.overlay
                .and_then(|o| o.unit_score(&s.units[i].id))
                .and_then(|sc| match title {
                    "col.score" => Some(sc.score),
                    "col.rank" => Some(sc.rank as f64),
                    _ => sc.score_change(),
                })
                .map(SortKey::Num)
                .unwrap_or(SortKey::None)
        }
        (Table::Models, Rec::Model(i), 0) => SortKey::Num(s.models[i].number as f64),
        (Table::Models, Rec::Model(i), 3) => SortKey::Num(fig.model(i).0 .0 as f64),
        _ => {
            let c = cells.get(column).map(String::as_str).unwrap_or("");
            let digits: String = c.chars().take_while(|ch| ch.is_ascii_digit()).collect();
            if !digits.is_empty() && digits.len() == c.split('/').next().unwrap_or("").len() {
                SortKey::Num(digits.parse().unwrap_or(0.0))
            } else if c.is_empty() {
                SortKey::None
            } else {
                SortKey::Text(crate::text::fold_nfc(c))
            }
        }
    }
}

trait DaysCe {
    fn num_days_from_ce_f(&self) -> f64;
}

impl DaysCe for chrono::NaiveDate {
    fn num_days_from_ce_f(&self) -> f64 {
        use chrono::Datelike;
        self.num_days_from_ce() as f64
    }
}

/// Sort rows by a column, keeping group headers in place (each group sorts on its own).
pub fn sort_rows(
    ctx: &Ctx,
    fig: &Figures,
    table: Table,
    rows: &mut [Row],
    column: usize,
    reverse: bool,
    lang: Lang,
) {
    let mut start = 0;
    while start < rows.len() {
        let mut end = start;
        while end < rows.len() && matches!(rows[end], Row::Rec(_)) {
            end += 1;
        }
        let chunk = &mut rows[start..end];
        let mut keyed: Vec<(SortKey, Row)> = chunk
            .iter()
            .map(|r| {
                let Row::Rec(rec) = r else {
                    return (SortKey::None, r.clone());
                };
                let c = cells(ctx, fig, lang, table, *rec, None);
                (sort_key(ctx, fig, table, *rec, column, &c), r.clone())
            })
            .collect();
        // Empty cells go last whichever way the column is sorted.
        keyed.sort_by(|a, b| match (&a.0, &b.0) {
            (SortKey::None, SortKey::None) => Ordering::Equal,
            (SortKey::None, _) => Ordering::Greater,
            (_, SortKey::None) => Ordering::Less,
            _ => {
                let o = cmp_keys(&a.0, &b.0);
                if reverse {
                    o.reverse()
                } else {
                    o
                }
            }
        });
        for (slot, (_, r)) in chunk.iter_mut().zip(keyed) {
            *slot = r;
        }
        start = end + 1;
    }
}
