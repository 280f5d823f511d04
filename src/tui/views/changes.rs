//! The screen of what changed since the previous snapshot: one section per kind of change,
//! each line the record's id, its title (as the newer snapshot has it) and what changed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::App;
use super::super::i18n::Lang;
use super::super::widgets::text::fit;
use crate::history::diff::Change;
use crate::history::render::{describe, section_title, KEYS};

/// The mark on a row that a change since the previous snapshot is about.
pub const MARK: &str = "Δ";

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| "—".into())
}

/// The title of the record a change is about, in the newer snapshot (empty when gone).
fn record_title(app: &App, c: &Change) -> String {
    let s = &app.data.snapshot;
    if matches!(c, Change::Added { .. }) {
        // Its title is what the change says.
        return String::new();
    }
    let id = c.id();
    if let Some(i) = s.task_index(id) {
        return crate::text::one_line(&s.tasks[i].title);
    }
    if let Some(i) = s.blocker_index(id) {
        return crate::text::one_line(&s.blockers[i].text);
    }
    String::new()
}

/// Every line below the title, fitted to `width`.
pub fn body(app: &App, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let vi = app.lang == Lang::Vi;
    let width = width.max(1);
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(ch) = &app.changes else {
        let msg = if vi {
            "Không có bộ số liệu trước để so sánh. Mở một thư mục lịch sử (các thư mục con đặt tên YYYY-MM-DD) hoặc dùng --since NGÀY|ĐƯỜNG_DẪN."
        } else {
            "No earlier snapshot to compare with. Open a history folder (sub-folders named YYYY-MM-DD) or use --since DATE|PATH."
        };
        for l in super::wrap_words(msg, width) {
            out.push(Line::from(Span::styled(l, app.theme.muted())));
        }
        return out;
    };
    let d = &ch.diff;
    let head = if vi {
        format!(
            "Từ {} đến {} · so với {} · {} thay đổi · {MARK} đánh dấu các dòng có thay đổi trong mọi danh sách",
            date(d.old_as_of),
            date(d.new_as_of),
            ch.since,
            d.changes.len()
        )
    } else {
        format!(
            "From {} to {} · compared with {} · {} changes · {MARK} marks the changed rows in every list",
            date(d.old_as_of),
            date(d.new_as_of),
            ch.since,
            d.changes.len()
        )
    };
    for l in super::wrap_words(&head, width) {
        out.push(Line::from(Span::styled(l, app.theme.muted())));
    }
    if d.changes.is_empty() {
        out.push(Line::from(Span::styled(
            if vi {
                "Không có thay đổi."
            } else {
                "No change."
            },
            app.theme.text(),
        )));
    }
    for key in KEYS {
        let items: Vec<&Change> = d.changes.iter().filter(|c| c.key() == key).collect();
        if items.is_empty() {
            continue;
        }
        out.push(Line::from(""));
        let style = match key {
            "newly_overdue" | "not_reported" => app.theme.overdue(),
            "newly_done" => app.theme.done(),
            "deadline_moved" | "removed" => app.theme.warning(),
            _ => app.theme.title(),
        };
        out.push(Line::from(Span::styled(
            format!("{} ({})", section_title(key, vi), items.len()),
            style,
        )));
        for c in items {
            let id = format!("  {} ", c.id());
            let title = record_title(app, c);
            let what = describe(c, vi);
            let text = if title.is_empty() {
                what
            } else {
                format!("{what} — {title}")
            };
            let rest = width.saturating_sub(id.width());
            out.push(Line::from(vec![
                Span::styled(id, app.theme.highlight()),
                Span::styled(fit(&text, rest), app.theme.text()),
            ]));
        }
    }
    out
}

pub fn draw(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) -> usize {
    let title = if app.lang == Lang::Vi {
        "Thay đổi so với kỳ trước"
    } else {
        "What changed since the previous snapshot"
    };
    let mut lines = vec![Line::from(Span::styled(title, app.theme.title()))];
    let body = body(app, area.width as usize);
    let room = (area.height as usize).saturating_sub(1).max(1);
    let scroll = scroll.min(body.len().saturating_sub(room));
    lines.extend(body.into_iter().skip(scroll));
    Paragraph::new(lines).render(area, buf);
    room
}
