//! The overview: the as-of date, totals, and five small charts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::super::app::App;
use super::super::i18n::t;
use super::super::widgets::bars::bar_lines;
use crate::domain::Cause;

/// Bars of a chart: (label, value, value as shown).
pub type Bars = Vec<(String, f64, String)>;

#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub totals: Vec<(String, String)>,
    pub coverage: Vec<(String, f64, String)>,
    pub status: Vec<(String, f64, String)>,
    pub overdue_by_unit: Vec<(String, f64, String)>,
    pub blockers_by_cause: Vec<(String, f64, String)>,
    pub report_age: Vec<(String, f64, String)>,
}

pub fn figures(app: &App) -> Figures {
    let ctx = app.ctx();
    let s = ctx.snap;
    let lang = app.lang;
    // The status groups (domain::groups): every task in one, overdue rated over the tasks
    // already due, as the Government Office rates it.
    let vi = lang == super::super::i18n::Lang::Vi;
    // Counted when the console opened and kept as decisions change (`figures::count`).
    let fig = &app.figures;
    let all = *fig.tally();
    let rate = crate::domain::groups::format_rate(all.overdue_rate(), vi);
    let overdue = format!(
        "{} ({rate} / {} {})",
        all.count(crate::domain::groups::Group::Overdue),
        all.already_due,
        t(lang, "overview.of_due")
    );
    let totals = vec![
        (
            t(lang, "page.reports").to_string(),
            s.reports.len().to_string(),
        ),
        (
            t(lang, "view.models").to_string(),
            s.models.len().to_string(),
        ),
        (t(lang, "view.tasks").to_string(), s.tasks.len().to_string()),
        (t(lang, "view.overdue").to_string(), overdue),
        (
            t(lang, "view.blockers").to_string(),
            fig.blockers_open().to_string(),
        ),
        (t(lang, "view.findings").to_string(), {
            // Disagreements apart from the notes on how a source was read.
            let notes = fig.fixed.extraction_notes;
            if notes > 0 {
                format!(
                    "{} (+{notes} {})",
                    ctx.findings.len() - notes,
                    t(lang, "overview.extraction_notes")
                )
            } else {
                ctx.findings.len().to_string()
            }
        }),
    ];
    let total = fig.province_count().max(1);
    let coverage = s
        .model_groups
        .iter()
        .map(|g| {
            let ms: Vec<usize> = (0..s.models.len())
                .filter(|&m| s.models[m].group == g.id)
                .collect();
            let avg = if ms.is_empty() {
                0.0
            } else {
                ms.iter().map(|&m| fig.model(m).0 .0 as f64).sum::<f64>() / ms.len() as f64
            };
            (
                format!("{} ({})", g.id, ms.len()),
                avg,
                format!("{avg:.0}/{total}"),
            )
        })
        .collect();
    // The groups a chair acts on first, so that a short screen keeps them.
    use crate::domain::groups::Group;
    let status = [
        Group::Overdue,
        Group::DueSoon,
        Group::OpenOnTime,
        Group::DoneOnTime,
        Group::DoneLate,
        Group::DoneUndated,
        Group::Recurring,
        Group::NoStatus,
        Group::NoDeadline,
    ]
    .iter()
    .map(|g| {
        let n = all.count(*g);
        (
            format!("{} {}", g.symbol(), g.label(vi)),
            n as f64,
            n.to_string(),
        )
    })
    .filter(|(_, n, _)| *n > 0.0)
    .collect();
    let mut overdue_by_unit = Vec::new();
    // The overdue view's groups, in its order.
    for (name, n) in fig.overdue().sizes() {
        overdue_by_unit.push((name.to_string(), n as f64, n.to_string()));
    }
    overdue_by_unit.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    // The eight most behind; the rest are counted in one line, never silently left out. It
    // draws no bar: a sum of several units on the scale of one would read as the worst unit.
    if overdue_by_unit.len() > 8 {
        let rest = overdue_by_unit.split_off(7);
        let n: f64 = rest.iter().map(|r| r.1).sum();
        overdue_by_unit.push((
            if vi {
                format!("{} đơn vị khác", rest.len())
            } else {
                format!("{} other units", rest.len())
            },
            0.0,
            if vi {
                format!("cộng {n}")
            } else {
                format!("{n} in all")
            },
        ));
    }
    let by_cause = fig.blockers_by_cause();
    let count = |k: usize| by_cause.get(k).copied().unwrap_or(0);
    let mut blockers_by_cause: Vec<(String, f64, String)> = Cause::ALL
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let n = count(k);
            (
                if lang == super::super::i18n::Lang::Vi {
                    c.label_vi()
                } else {
                    c.label_en()
                }
                .to_string(),
                n as f64,
                n.to_string(),
            )
        })
        .collect();
    let unknown = count(Cause::ALL.len());
    blockers_by_cause.push((
        t(lang, "unknown_cause").to_string(),
        unknown as f64,
        unknown.to_string(),
    ));
    let mut report_age: Vec<(String, f64, String)> = fig
        .fixed
        .provinces
        .iter()
        .filter_map(|&p| {
            let l = &s.localities[p];
            let d = s.reports[fig.latest_report(p)?].date?;
            let age = (ctx.as_of - d).num_days();
            Some((
                l.name.to_string(),
                age.max(0) as f64,
                format!("{age} {} ({})", t(lang, "days"), d.format("%d/%m/%Y")),
            ))
        })
        .collect();
    report_age.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    let without = fig.province_count().saturating_sub(report_age.len());
    report_age.push((
        if lang == super::super::i18n::Lang::Vi {
            "chưa có báo cáo".into()
        } else {
            "no report".into()
        },
        0.0,
        format!("{without} tỉnh"),
    ));
    Figures {
        totals,
        coverage,
        status,
        overdue_by_unit,
        blockers_by_cause,
        report_age,
    }
}

fn section(app: &App, title: &str, items: &[(String, f64, String)], area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.border())
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(bar_lines(items, inner.width, &app.theme)).render(inner, buf);
}

/// Draw the overview; returns (lines of charts, lines shown) when the charts are in one
/// scrolled column because they do not all fit, else (0, 0).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> (usize, usize) {
    let f = &*app.overview;
    let lang = app.lang;
    // The totals, packed into lines without breaking an item ("Vướng mắc: 160") apart, on as
    // many lines as they need: no total is left out at any width. The as-of date is on the
    // tab line; here only when the tab line has no room for it.
    use unicode_width::UnicodeWidthStr;
    let mut items: Vec<Vec<Span>> = Vec::new();
    if super::tab_date(app, area.width).is_none() {
        items.push(vec![Span::styled(
            format!("{} {}", t(lang, "as_of"), app.as_of.format("%d/%m/%Y")),
            app.theme.title(),
        )]);
    }
    for (label, v) in &f.totals {
        items.push(vec![
            Span::styled(format!("{label}: "), app.theme.muted()),
            Span::styled(v.clone(), app.theme.text()),
        ]);
    }
    let width = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for item in items {
        let w: usize = item.iter().map(|s| s.content.width()).sum();
        if used > 0 && used + 3 + w > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if used > 0 {
            current.push(Span::raw("   "));
            used += 3;
        }
        current.extend(item);
        used += w;
    }
    lines.push(Line::from(current));
    // A blank line under the totals when they take one line, as before the charts.
    let head = (lines.len() as u16).max(2).min(area.height);
    Paragraph::new(lines).render(
        Rect {
            height: head,
            ..area
        },
        buf,
    );
    let body = Rect {
        y: area.y + head,
        height: area.height.saturating_sub(head),
        ..area
    };
    let sections: [(&str, &Bars); 5] = [
        ("overview.coverage", &f.coverage),
        ("overview.status", &f.status),
        ("overview.overdue_by_unit", &f.overdue_by_unit),
        ("overview.blockers_by_cause", &f.blockers_by_cause),
        ("overview.report_age", &f.report_age),
    ];
    let needs: Vec<u16> = sections
        .iter()
        .map(|(_, items)| items.len().max(1) as u16 + 1)
        .collect();
    let two_cols = body.width >= 100;
    let cols = if two_cols { 2 } else { 1 };
    let per_col = sections.len().div_ceil(cols);
    let fits =
        (0..cols).all(|c| needs.iter().skip(c * per_col).take(per_col).sum::<u16>() <= body.height);
    if !fits {
        // Every chart whole, in one column that scrolls (j/k, PgUp/PgDn, g/G), with a mark
        // saying what is below: nothing is cut without saying so.
        return scrolled(app, &sections, body, buf);
    }
    let col_w = body.width / cols as u16;
    for c in 0..cols {
        let col_area = Rect {
            x: body.x + c as u16 * col_w,
            width: if c + 1 == cols {
                body.width - c as u16 * col_w
            } else {
                col_w.saturating_sub(1)
            },
            ..body
        };
        let mut y = col_area.y;
        for (i, (title, items)) in sections.iter().enumerate().skip(c * per_col).take(per_col) {
            let h = needs[i];
            section(
                app,
                t(lang, title),
                items,
                Rect {
                    y,
                    height: h,
                    ..col_area
                },
                buf,
            );
            y += h;
        }
    }
    (0, 0)
}

/// The charts one under the other, from `app.overview_scroll`, and a last line that says how
/// much is above or below.
fn scrolled(app: &App, sections: &[(&str, &Bars)], body: Rect, buf: &mut Buffer) -> (usize, usize) {
    use unicode_width::UnicodeWidthStr;
    let vi = app.lang == super::super::i18n::Lang::Vi;
    let width = body.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (title, items) in sections {
        let head = format!(" {} ", t(app.lang, title));
        let rule = "─".repeat(width.saturating_sub(head.width()));
        lines.push(Line::from(vec![
            Span::styled(head, app.theme.title()),
            Span::styled(rule, app.theme.border()),
        ]));
        lines.extend(bar_lines(items, body.width, &app.theme));
    }
    let room = (body.height as usize).saturating_sub(1).max(1);
    let total = lines.len();
    let scroll = app.overview_scroll.min(total.saturating_sub(room));
    let below = total.saturating_sub(scroll + room);
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(room).collect();
    while shown.len() < room {
        shown.push(Line::from(""));
    }
    let mark = if below > 0 {
        if vi {
            format!(
                "▼ còn {below} dòng biểu đồ nữa ({})",
                super::scroll_keys(app, true)
            )
        } else {
            format!(
                "▼ {below} more chart lines below ({})",
                super::scroll_keys(app, true)
            )
        }
    } else if scroll > 0 {
        if vi {
            format!(
                "▲ {scroll} dòng ở trên ({})",
                super::scroll_keys(app, false)
            )
        } else {
            format!(
                "▲ {scroll} lines above ({})",
                super::scroll_keys(app, false)
            )
        }
    } else {
        String::new()
    };
    shown.push(Line::from(Span::styled(mark, app.theme.highlight())));
    Paragraph::new(shown).render(body, buf);
    (total, room)
}
