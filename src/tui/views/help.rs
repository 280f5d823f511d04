//! The help screen, generated from the live key map (so it is always true), filterable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::action::Command;
use super::super::app::App;
use super::super::i18n::{t, Lang};
use crate::text::fold;

/// (keys, description) of every bound command that matches the filter.
pub fn help_rows(app: &App, filter: &str) -> Vec<(String, String)> {
    let f = fold(filter);
    Command::ALL
        .iter()
        .filter_map(|c| {
            let keys = app.keymap.keys_for(*c);
            if keys.is_empty() {
                return None;
            }
            let (vi, en) = c.describe();
            let desc = if app.lang == Lang::Vi { vi } else { en };
            let hay = fold(&format!("{keys} {desc} {vi} {en} {}", c.name()));
            (f.is_empty() || f.split_whitespace().all(|w| hay.contains(w)))
                .then(|| (keys, desc.to_string()))
        })
        .collect()
}

/// Draw the help; returns how many key lines it had room for (a page, for scrolling).
pub fn draw(
    app: &App,
    filter: &str,
    typing: bool,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    use unicode_width::UnicodeWidthStr;
    let vi = app.lang == Lang::Vi;
    let shown_filter = if typing {
        format!("   /{filter}▏")
    } else if filter.is_empty() {
        String::new()
    } else {
        format!("   /{filter}")
    };
    let title = Line::from(vec![
        Span::styled(t(app.lang, "help.title"), app.theme.title()),
        Span::styled(shown_filter, app.theme.highlight()),
    ]);
    let ql = if vi {
        "Lọc: từ khoá (không dấu cũng được), \"cụm từ\", status: unit: lead: locality: today: model: cause: report: kind:, overdue, is:open, is:done, -phủ định"
    } else {
        "Filter: words (diacritics optional), \"phrases\", status: unit: lead: locality: today: model: cause: report: kind:, overdue, is:open, is:done, -negation"
    };
    let width = (area.width as usize).max(1);
    let ql_lines = ql.width().div_ceil(width).max(1);
    let rows = help_rows(app, filter);
    let kw = rows
        .iter()
        .map(|(k, _)| k.as_str().width())
        .max()
        .unwrap_or(0)
        .min(24);
    // Title, then the keys, then a line that says whether more is below, a blank line and
    // the query language's summary.
    let room = (area.height as usize)
        .saturating_sub(1 + 1 + 1 + ql_lines)
        .max(1);
    let scroll = scroll.min(rows.len().saturating_sub(room));
    let mut lines = vec![title];
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", t(app.lang, "help.no_match")),
            app.theme.muted(),
        )));
    }
    for (keys, desc) in rows.iter().skip(scroll).take(room) {
        let keys = super::super::widgets::text::fit(keys, kw);
        let pad = kw.saturating_sub(keys.as_str().width());
        let line = format!("  {keys}{}  ", " ".repeat(pad));
        let desc = super::super::widgets::text::fit(desc, width.saturating_sub(line.width()));
        lines.push(Line::from(vec![
            Span::styled(line, app.theme.highlight()),
            Span::styled(desc, app.theme.text()),
        ]));
    }
    let below = rows.len().saturating_sub(scroll + room);
    let above = scroll;
    let mark = match (above, below) {
        (_, b) if b > 0 => Some(if vi {
            format!("  ▼ còn {b} dòng nữa (j/↓, PgDn, G)")
        } else {
            format!("  ▼ {b} more below (j/↓, PgDn, G)")
        }),
        (a, _) if a > 0 => Some(if vi {
            format!("  ▲ {a} dòng ở trên (k/↑, g)")
        } else {
            format!("  ▲ {a} above (k/↑, g)")
        }),
        _ => None,
    };
    lines.push(match mark {
        Some(m) => Line::from(Span::styled(m, app.theme.highlight())),
        None => Line::from(""),
    });
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(ql, app.theme.muted())));
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(area, buf);
    room
}
