//! Horizontal bar charts for the overview: label, bar, value.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::text::fit;

/// One bar per (label, value); bars scaled to the largest value and the given width.
pub fn bar_lines(items: &[(String, f64, String)], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let width = width as usize;
    let label_w = items
        .iter()
        .map(|(l, _, _)| l.width())
        .max()
        .unwrap_or(0)
        .min(width / 3)
        .max(4);
    let value_w = items.iter().map(|(_, _, v)| v.width()).max().unwrap_or(0);
    let bar_w = width.saturating_sub(label_w + value_w + 3).max(1);
    let max = items.iter().map(|(_, v, _)| *v).fold(0.0, f64::max);
    items
        .iter()
        .map(|(label, v, shown)| {
            let n = if max > 0.0 {
                ((v / max) * bar_w as f64).round() as usize
            } else {
                0
            };
            let n = if *v > 0.0 { n.max(1) } else { 0 };
            let label = fit(label, label_w);
            let pad = label_w.saturating_sub(label.width());
            Line::from(vec![
                Span::styled(format!("{label}{} ", " ".repeat(pad)), theme.text()),
                Span::styled("█".repeat(n.min(bar_w)), theme.bar()),
                Span::styled(
                    format!("{} {shown}", " ".repeat(bar_w - n.min(bar_w))),
                    theme.text(),
                ),
            ])
        })
        .collect()
}
