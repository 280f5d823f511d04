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

pub fn draw(app: &App, filter: &str, scroll: usize, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::from(vec![
        Span::styled(t(app.lang, "help.title"), app.theme.title()),
        Span::styled(
            if filter.is_empty() {
                String::new()
            } else {
                format!("   /{filter}")
            },
            app.theme.highlight(),
        ),
    ])];
    let rows = help_rows(app, filter);
    let kw = rows
        .iter()
        .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0)
        .min(24);
    let mut body: Vec<Line> = Vec::new();
    if rows.is_empty() {
        body.push(Line::from(Span::styled(
            format!("  {}", t(app.lang, "help.no_match")),
            app.theme.muted(),
        )));
    }
    for (keys, desc) in rows.iter() {
        let keys = super::super::widgets::text::fit(keys, kw);
        let pad = kw.saturating_sub(unicode_width::UnicodeWidthStr::width(keys.as_str()));
        body.push(Line::from(vec![
            Span::styled(
                format!("  {keys}{}  ", " ".repeat(pad)),
                app.theme.highlight(),
            ),
            Span::styled(desc.clone(), app.theme.text()),
        ]));
    }
    body.push(Line::from(""));
    let ql = if app.lang == Lang::Vi {
        "Lọc: từ khoá (không dấu cũng được), \"cụm từ\", status: unit: lead: locality: today: model: cause: report: kind:, overdue, is:open, is:done, -phủ định"
    } else {
        "Filter: words (diacritics optional), \"phrases\", status: unit: lead: locality: today: model: cause: report: kind:, overdue, is:open, is:done, -negation"
    };
    body.push(Line::from(Span::styled(ql, app.theme.muted())));
    body.push(Line::from(""));
    body.extend(super::super::legend::legend_lines(&app.theme, app.lang));
    // Scrolling stops once the last line (the legend's) is on screen.
    let room = (area.height as usize).saturating_sub(2).max(1);
    let scroll = scroll.min(body.len().saturating_sub(room));
    lines.extend(body.into_iter().skip(scroll));
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(area, buf);
}
