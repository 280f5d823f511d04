//! The columns of each table: their widths, which give way first on a narrow screen, and
//! which a list shows (an empty one gives way before the others).

use crate::query::Rec;

/// A column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    /// Fixed width, or 0 for "takes the rest".
    pub width: u16,
    pub min: u16,
    /// When the screen is narrow, columns with the highest rank go first; among equal
    /// ranks, the rightmost. Rank 0 columns other than the first go before the first.
    pub drop_rank: u8,
}

const fn col(title: &'static str, width: u16) -> Column {
    Column {
        title,
        width,
        min: width,
        drop_rank: 0,
    }
}
/// A column that gives way before the others (higher `rank`, sooner).
const fn col_dropped_first(title: &'static str, width: u16, rank: u8) -> Column {
    Column {
        title,
        width,
        min: width,
        drop_rank: rank,
    }
}
const fn flex(title: &'static str, min: u16) -> Column {
    Column {
        title,
        width: 0,
        min,
        drop_rank: 0,
    }
}

/// Which table a list of records is shown with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Models,
    Tasks,
    Blockers,
    Units,
    Localities,
    Today,
    Findings,
    Mixed,
}

pub fn columns(table: Table) -> Vec<Column> {
    match table {
        Table::Models => vec![
            col("col.no", 4),
            col("col.group", 5),
            flex("col.title", 20),
            col("col.coverage", 18),
            col("col.printed", 7),
        ],
        // Narrow screens keep what the chair asks first: what, its deadline, its status, how
        // late, what was decided (at 120 columns, beside the detail pane, exactly these, once
        // a task has a decision: `columns_shown`); then who leads (also in the detail and in
        // the overdue view's group headers), then the source.
        Table::Tasks => vec![
            col_dropped_first("col.source", 12, 5),
            flex("col.title", 20),
            col_dropped_first("col.lead", 16, 4),
            col("col.due", 10),
            col("col.status", 16),
            col("col.late", 8),
            col_dropped_first("col.decision", 14, 1),
        ],
        Table::Blockers => vec![
            col("col.kind", 13),
            col("col.cause", 14),
            flex("col.title", 20),
            col("col.responsible", 18),
            col("col.attached", 14),
            col_dropped_first("col.decision", 18, 1),
        ],
        // One row per unit, with its province ("mọi tỉnh" for a role of every province).
        // The scorecard (score, rank, change) outlasts the counts behind it, which the
        // unit's detail also gives.
        Table::Units => vec![
            flex("col.name", 24),
            col("col.province", 14),
            col_dropped_first("col.level", 11, 5),
            col_dropped_first("col.tasks", 8, 3),
            col("col.overdue", 8),
            col_dropped_first("col.blockers", 9, 4),
            col("col.score", 7),
            col_dropped_first("col.rank", 6, 1),
            col_dropped_first("col.change", 12, 2),
        ],
        Table::Localities => vec![
            flex("col.name", 16),
            col("col.today", 14),
            col("col.models", 8),
            col("col.tasks", 8),
            col("col.overdue", 8),
            col("col.blockers", 9),
            col("col.report_date", 16),
        ],
        Table::Today => vec![
            flex("col.name", 14),
            flex("col.absorbed", 20),
            col("col.models", 8),
            col("col.tasks", 8),
            col("col.overdue", 8),
            col("col.blockers", 9),
        ],
        Table::Findings => vec![
            col("col.kind", 10),
            col("col.source", 14),
            flex("col.message", 30),
        ],
        Table::Mixed => vec![
            col("col.kind", 11),
            flex("col.title", 20),
            col("col.status", 22),
        ],
    }
}

/// The columns of `table` as a list shows them. A column that no row fills gives way before
/// every other when the screen is narrow: the decision column, when no record of the kind the
/// table lists has a decision (`decided`: the records that have one; the kind is checked, not
/// each row of the list, which would go over every row of a national list on every frame).
pub fn columns_shown(table: Table, decided: impl IntoIterator<Item = Rec>) -> Vec<Column> {
    let mut cols = columns(table);
    let listed = |r: Rec| match table {
        Table::Tasks => matches!(r, Rec::Task(_)),
        Table::Blockers => matches!(r, Rec::Blocker(_)),
        _ => false,
    };
    if !decided.into_iter().any(listed) {
        for c in cols.iter_mut().filter(|c| c.title == "col.decision") {
            c.drop_rank = u8::MAX;
        }
    }
    cols
}
