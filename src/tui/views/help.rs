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

/// Everything below the title, one screen line each (wrapped to `width`): the keys, the query
/// language's summary and the legend of the status groups.
pub fn body(app: &App, filter: &str, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let rows = help_rows(app, filter);
    let kw = rows
        .iter()
        .map(|(k, _)| k.as_str().width())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut body: Vec<Line<'static>> = Vec::new();
    if rows.is_empty() {
        body.push(Line::from(Span::styled(
            format!("  {}", t(app.lang, "help.no_match")),
            app.theme.muted(),
        )));
    }
    for (keys, desc) in &rows {
        let keys = super::super::widgets::text::fit(keys, kw);
        let pad = kw.saturating_sub(keys.as_str().width());
        let lead = format!("  {keys}{}  ", " ".repeat(pad));
        let desc = super::super::widgets::text::fit(desc, width.saturating_sub(lead.width()));
        body.push(Line::from(vec![
            Span::styled(lead, app.theme.highlight()),
            Span::styled(desc, app.theme.text()),
        ]));
    }
    body.push(Line::from(""));
    // The fields are the parser's own list, so that a field added there is listed here.
    let fields = crate::query::parse::FIELDS
        .iter()
        .filter(|f| **f != "is")
        .map(|f| format!("{f}:"))
        .collect::<Vec<_>>()
        .join(" ");
    let ql = if app.lang == Lang::Vi {
        format!("Lọc: từ khoá khớp ở đầu một từ, có dấu hay không (\"hue\": Huế, không phải thuế; \"dichvu\": dịch vụ), \"cụm từ\", {fields} (group: nhóm mô hình, ví dụ group:II), overdue, is:open, is:done, -phủ định")
    } else {
        format!("Filter: words match at the start of a word, diacritics optional (\"hue\": Huế, not thuế; \"dichvu\": dịch vụ), \"phrases\", {fields} (group: model group, e.g. group:II), overdue, is:open, is:done, -negation")
    };
    for l in super::wrap_words(&ql, width) {
        body.push(Line::from(Span::styled(l, app.theme.muted())));
    }
    body.push(Line::from(""));
    body.extend(super::super::legend::legend_lines(
        &app.theme, app.lang, width,
    ));
    // The unit scorecard's formula, as it is now (score.ron changes it).
    body.push(Line::from(""));
    let vi = app.lang == Lang::Vi;
    let score = format!(
        "{} {} {}",
        if vi {
            "Bảng điểm đơn vị (màn hình Đơn vị, xếp hạng, ± so với kỳ trước):"
        } else {
            "Unit scorecard (Units view, ranked, ± since the previous snapshot):"
        },
        app.formula.describe(vi),
        if vi {
            "— đổi trọng số trong score.ron (thư mục cấu hình)."
        } else {
            "— change the weights in score.ron (config folder)."
        }
    );
    for l in super::wrap_words(&score, width) {
        body.push(Line::from(Span::styled(l, app.theme.muted())));
    }
    body
}

/// Draw the help; returns how many lines it had room for (a page, for scrolling).
pub fn draw(
    app: &App,
    filter: &str,
    typing: bool,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    let vi = app.lang == Lang::Vi;
    let shown_filter = if typing {
        format!("   /{filter}▏")
    } else if filter.is_empty() {
        String::new()
    } else {
        format!("   /{filter}")
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(t(app.lang, "help.title"), app.theme.title()),
        Span::styled(shown_filter, app.theme.highlight()),
    ])];
    let body = body(app, filter, area.width as usize);
    // The title, the lines that fit, and a last line that says whether more is below.
    let room = (area.height as usize).saturating_sub(2).max(1);
    let scroll = scroll.min(body.len().saturating_sub(room));
    let below = body.len().saturating_sub(scroll + room);
    lines.extend(body.into_iter().skip(scroll).take(room));
    while lines.len() < room + 1 {
        lines.push(Line::from(""));
    }
    let mark = if below > 0 {
        Some(if vi {
            format!(
                "  ▼ còn {below} dòng nữa ({})",
                super::scroll_keys(app, true)
            )
        } else {
            format!("  ▼ {below} more below ({})", super::scroll_keys(app, true))
        })
    } else if scroll > 0 {
        Some(if vi {
            format!(
                "  ▲ {scroll} dòng ở trên ({})",
                super::scroll_keys(app, false)
            )
        } else {
            format!("  ▲ {scroll} above ({})", super::scroll_keys(app, false))
        })
    } else {
        None
    };
    if let Some(m) = mark {
        lines.push(Line::from(Span::styled(m, app.theme.highlight())));
    }
    Paragraph::new(lines).render(area, buf);
    room
}
