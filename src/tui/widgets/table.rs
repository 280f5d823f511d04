//! The list table: columns fitted to the width, group headers, the selected row, status
//! colours by precedence, and query matches highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::super::rows::{Class, Column};
use super::super::theme::Theme;
use super::text::{fit, highlighted};

pub struct TableRow {
    /// None for a group header (then `cells[0]` is its label).
    pub header: bool,
    pub cells: Vec<String>,
    pub class: Class,
    pub selected: bool,
}

/// Widths for the columns that fit, dropping columns from the right (never the flexible one).
/// On a wide screen, fixed columns grow (up to twice their width) while the flexible one
/// keeps at least 60 cells.
pub fn fit_columns(cols: &[Column], width: u16) -> Vec<(usize, u16)> {
    let base = |i: usize| {
        if cols[i].width == 0 {
            cols[i].min
        } else {
            cols[i].width
        }
    };
    let mut keep: Vec<usize> = (0..cols.len()).collect();
    loop {
        let need: u16 =
            keep.iter().map(|&i| base(i)).sum::<u16>() + keep.len().saturating_sub(1) as u16;
        if need <= width || keep.len() <= 1 {
            break;
        }
        let candidate = keep
            .iter()
            .enumerate()
            .filter(|&(_, &i)| cols[i].width != 0 && (i != 0 || cols[i].drop_rank > 0))
            .max_by_key(|&(_, &i)| (cols[i].drop_rank, i))
            .map(|(p, _)| p);
        match candidate {
            Some(p) => {
                keep.remove(p);
            }
            None => break,
        }
    }
    let fixed_total: u16 = keep
        .iter()
        .filter(|&&i| cols[i].width != 0)
        .map(|&i| cols[i].width)
        .sum();
    let fixed = fixed_total + keep.len().saturating_sub(1) as u16;
    let flex_n = keep.iter().filter(|&&i| cols[i].width == 0).count().max(1) as u16;
    let rest = width.saturating_sub(fixed);
    let spare = rest.saturating_sub(60 * flex_n) as u32;
    let grow = |w: u16| {
        if fixed_total == 0 {
            0
        } else {
            ((w as u32 * spare) / fixed_total as u32).min(w as u32) as u16
        }
    };
    let grown: u16 = keep
        .iter()
        .filter(|&&i| cols[i].width != 0)
        .map(|&i| grow(cols[i].width))
        .sum();
    let rest = rest.saturating_sub(grown);
    keep.iter()
        .map(|&i| {
            (
                i,
                if cols[i].width == 0 {
                    (rest / flex_n).max(1)
                } else {
                    cols[i].width + grow(cols[i].width)
                },
            )
        })
        .collect()
}

/// What a table shows besides its rows.
pub struct TableSpec<'a> {
    pub cols: &'a [Column],
    pub titles: &'a [String],
    /// Folded query words to highlight in the flexible column.
    pub needles: &'a [String],
    /// (column, reversed)
    pub sort: Option<(usize, bool)>,
}

pub fn render_table(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    spec: &TableSpec,
    rows: &[TableRow],
) {
    let TableSpec {
        cols,
        titles,
        needles,
        sort,
    } = *spec;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let fitted = fit_columns(cols, area.width);
    // Header line
    let mut spans = Vec::new();
    for (n, (i, w)) in fitted.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        let title = titles.get(*i).cloned().unwrap_or_default();
        // The sort arrow is never the part cut off.
        let t = match sort {
            Some((c, rev)) if c == *i => format!(
                "{}{}",
                fit(&title, (*w as usize).saturating_sub(1)),
                if rev { "▼" } else { "▲" }
            ),
            _ => fit(&title, *w as usize),
        };
        let pad = (*w as usize).saturating_sub(t.width());
        spans.push(Span::styled(
            format!("{t}{}", " ".repeat(pad)),
            theme.muted().add_modifier(Modifier::BOLD),
        ));
    }
    Paragraph::new(Line::from(spans)).render(Rect { height: 1, ..area }, buf);

    for (line_no, row) in rows.iter().enumerate() {
        let y = area.y + 1 + line_no as u16;
        if y >= area.y + area.height {
            break;
        }
        let line_area = Rect {
            x: area.x,
            y,
            width: area.width,
            height: 1,
        };
        if row.header {
            let label = fit(
                &format!("▸ {}", row.cells.first().cloned().unwrap_or_default()),
                area.width as usize,
            );
            Paragraph::new(Line::from(Span::styled(label, theme.title()))).render(line_area, buf);
            continue;
        }
        let base = if row.selected {
            theme.selection()
        } else {
            match row.class {
                Class::Overdue => theme.overdue(),
                Class::Blocked => theme.blocked(),
                Class::InProgress | Class::Plain => theme.text(),
                Class::Done => theme.done(),
            }
        };
        let hl = if row.selected {
            theme
                .selection()
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            theme.highlight()
        };
        let mut spans: Vec<Span> = Vec::new();
        for (n, (i, w)) in fitted.iter().enumerate() {
            if n > 0 {
                spans.push(Span::styled(" ", base));
            }
            let cell = row.cells.get(*i).cloned().unwrap_or_default();
            let t = fit(&cell, *w as usize);
            let pad = (*w as usize).saturating_sub(t.width());
            let is_flex = cols[*i].width == 0;
            if is_flex {
                spans.extend(highlighted(&t, needles, base, hl));
            } else {
                spans.push(Span::styled(t, base));
            }
            spans.push(Span::styled(" ".repeat(pad), base));
        }
        let style = if row.selected {
            theme.selection()
        } else {
            Style::default()
        };
        Paragraph::new(Line::from(spans))
            .style(style)
            .render(line_area, buf);
    }
}
