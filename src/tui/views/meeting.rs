//! Meeting mode: the agenda on the left, the current item with its decisions on the right,
//! the timers on top.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::super::app::{AgendaReason, App};
use super::super::i18n::Lang;
use super::super::rows;
use super::super::widgets::text::fit;
use super::detail::detail_lines;

fn clock(secs: u64) -> String {
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

pub fn reason_label(lang: Lang, r: AgendaReason) -> &'static str {
    match (lang, r) {
        (Lang::Vi, AgendaReason::CarriedOver) => "↻ chuyển từ họp trước",
        (Lang::En, AgendaReason::CarriedOver) => "↻ carried over",
        (Lang::Vi, AgendaReason::Flagged) => "★ đưa vào họp",
        (Lang::Vi, AgendaReason::NewlyOverdue) => "! mới quá hạn",
        (Lang::Vi, AgendaReason::Escalated) => "⇧ đã báo cáo lên",
        (Lang::En, AgendaReason::Flagged) => "★ flagged",
        (Lang::En, AgendaReason::NewlyOverdue) => "! newly overdue",
        (Lang::En, AgendaReason::Escalated) => "⇧ escalated",
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(m) = &app.meeting else { return };
    let vi = app.lang == Lang::Vi;
    let ctx = app.ctx();
    let since = m
        .since
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| {
            if vi {
                "chưa có".into()
            } else {
                "none".into()
            }
        });
    let head = if vi {
        format!(
            "Họp giao ban · cả buổi {} · mục {}/{} · mục này {} · cuộc họp trước: {since}",
            clock(app.clock.saturating_sub(m.started)),
            (m.index + 1).min(m.agenda.len()),
            m.agenda.len(),
            clock(app.clock.saturating_sub(m.item_started))
        )
    } else {
        format!(
            "Meeting · total {} · item {}/{} · this item {} · previous meeting: {since}",
            clock(app.clock.saturating_sub(m.started)),
            (m.index + 1).min(m.agenda.len()),
            m.agenda.len(),
            clock(app.clock.saturating_sub(m.item_started))
        )
    };
    Paragraph::new(Span::styled(
        fit(&head, area.width as usize),
        app.theme.title(),
    ))
    .render(Rect { height: 1, ..area }, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    if m.agenda.is_empty() {
        let msg = if vi {
            "Chương trình họp trống: đánh dấu mục bằng f, hoặc chờ nhiệm vụ quá hạn / vướng mắc được báo cáo lên. Esc hoặc M để thoát."
        } else {
            "The agenda is empty: flag items with f, or escalate blockers. Esc or M leaves."
        };
        Paragraph::new(Span::styled(msg, app.theme.muted()))
            .wrap(Wrap { trim: true })
            .render(body, buf);
        return;
    }
    let left_w = if body.width >= 100 {
        body.width * 2 / 5
    } else {
        body.width
    };
    let left = Rect {
        width: left_w,
        ..body
    };
    let mut lines = Vec::new();
    let visible = left.height as usize;
    let start = m.index.saturating_sub(visible.saturating_sub(1));
    for (i, (rec, why)) in m.agenda.iter().enumerate().skip(start).take(visible) {
        let class = rows::class_of(&ctx, *rec);
        let title = rows::title(&ctx, *rec);
        let decided = app
            .decision_badge(*rec)
            .map(|b| format!(" {b}"))
            .unwrap_or_default();
        let text = format!(
            "{:>2}. {} {} {title}{decided}",
            i + 1,
            if m.since.is_none() && *why == AgendaReason::NewlyOverdue {
                // No meeting before this one: every overdue task is simply overdue.
                if vi {
                    "! quá hạn"
                } else {
                    "! overdue"
                }
            } else {
                reason_label(app.lang, *why)
            },
            class.symbol()
        );
        let style = if i == m.index {
            app.theme.selection()
        } else {
            app.theme.text()
        };
        lines.push(Line::from(Span::styled(
            fit(&text, left.width as usize),
            style,
        )));
    }
    Paragraph::new(lines).render(left, buf);
    let (rec, _) = m.agenda[m.index.min(m.agenda.len() - 1)];
    let right = if body.width >= 100 {
        Rect {
            x: body.x + left_w,
            width: body.width - left_w,
            ..body
        }
    } else {
        Rect { height: 0, ..body }
    };
    if right.height > 0 {
        let lines = detail_lines(
            &ctx,
            &app.figures,
            app.lang,
            &app.theme,
            rec,
            app.decision_lines(rec),
            usize::from(right.height) + usize::from(app.detail_scroll),
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.detail_scroll, 0))
            .block(
                Block::default()
                    .borders(Borders::LEFT)
                    .border_style(app.theme.border()),
            )
            .render(right, buf);
    }
}
