//! A list screen: breadcrumb and count, the page header when drilled down, the table, and the
//! detail pane of the selected row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::super::app::App;
use super::super::i18n::t;
use super::super::rows::{self, Row};
use super::super::widgets::table::{render_table, TableRow, TableSpec};
use super::super::widgets::text::fit;
use super::detail::detail_lines;
use super::Drawn;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Drawn {
    let Some(list) = app.current() else {
        return Drawn::default();
    };
    let ctx = app.ctx();
    let lang = app.lang;

    // Line 1: breadcrumb and count.
    let crumb = app.breadcrumb().join(" › ");
    let mut count = format!("{} / {}", list.record_count(), list.base_count());
    // A record's page lists records of every kind: the count says so, not to be read as the
    // page's tasks ("Nhiệm vụ: 3105" is in the page's header, beside it).
    if !app.pages.is_empty() {
        count = format!("{count} {}", t(lang, "count.related"));
    }
    if list.pending {
        count.push_str(" …");
    }
    if !list.filter.is_empty() {
        // Free words that name a place or a unit: what they found, so that the count read
        // aloud is understood ("/binh dinh (locality:binh-dinh và nơi nhắc đến)").
        let terms: Vec<String> = list
            .filter_equivalents
            .iter()
            .map(|e| super::equivalent_label(lang, e))
            .collect();
        count = if terms.is_empty() {
            format!("/{}  {count}", list.filter)
        } else {
            format!("/{} ({})  {count}", list.filter, terms.join(", "))
        };
    }
    let cw = unicode_width::UnicodeWidthStr::width(count.as_str());
    let crumb = fit(&crumb, (area.width as usize).saturating_sub(cw + 2));
    let pad = (area.width as usize)
        .saturating_sub(unicode_width::UnicodeWidthStr::width(crumb.as_str()) + cw);
    Paragraph::new(Line::from(vec![
        Span::styled(crumb, app.theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, app.theme.text()),
    ]))
    .render(Rect { height: 1, ..area }, buf);
    let mut body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };

    // The page's own record, on top, when drilled down.
    if let Some(page) = app.pages.last() {
        let lines = detail_lines(
            &ctx,
            &app.figures,
            lang,
            &app.theme,
            page.rec,
            app.decision_lines(page.rec),
            usize::from(body.height),
        );
        // Up to half the screen when the record has decisions to show, else a third.
        let share = if app.decision_lines(page.rec).is_some() {
            2
        } else {
            3
        };
        let h = (lines.len() as u16 + 1)
            .min(body.height / share)
            .max(3.min(body.height));
        let top = Rect { height: h, ..body };
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::BOTTOM)
                    .border_style(app.theme.border()),
            )
            .render(top, buf);
        body = Rect {
            y: body.y + h,
            height: body.height.saturating_sub(h),
            ..body
        };
    }

    let detail_side = app.show_detail && area.width >= 120;
    // On a small screen the detail goes below the table (d hides it for more rows).
    let detail_below = app.show_detail && !detail_side && body.height >= 16;
    let (table_area, detail_area) = if detail_side {
        let tw = body.width - (body.width * 2 / 5).min(70);
        (
            Rect { width: tw, ..body },
            Some(Rect {
                x: body.x + tw,
                width: body.width - tw,
                ..body
            }),
        )
    } else if detail_below {
        let th = if body.height >= 26 {
            body.height * 3 / 5
        } else {
            body.height * 11 / 20
        };
        (
            Rect { height: th, ..body },
            Some(Rect {
                y: body.y + th,
                height: body.height - th,
                ..body
            }),
        )
    } else {
        (body, None)
    };

    // Table.
    let cols = rows::columns_shown(list.table, app.decision_text.keys().copied());
    let titles: Vec<String> = cols.iter().map(|c| t(lang, c.title).to_string()).collect();
    let height = table_area.height.saturating_sub(1) as usize;
    // The first column on screen carries the change mark.
    let first_shown = super::super::widgets::table::fit_columns(&cols, table_area.width)
        .first()
        .map(|(i, _)| *i)
        .unwrap_or(0);
    let offset = list.shown_offset(height);
    let needles = crate::query::Query::parse(&list.filter)
        .map(|q| q.highlights())
        .unwrap_or_default();
    let visible: Vec<TableRow> = list
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, r)| match r {
            Row::Header(label, of) => {
                let n = list.rows[i + 1..]
                    .iter()
                    .take_while(|r| matches!(r, Row::Rec(_)))
                    .count();
                // The records under it; "of" the whole only when nothing is filtered out (under
                // a filter, 3/44 would read as 3 deployed).
                // A heading with nothing under it is a note (no national list): no count.
                let cell = match of {
                    _ if n == 0 => label.clone(),
                    Some(of) if list.filter.is_empty() => format!("{label} ({n}/{of})"),
                    _ => format!("{label} ({n})"),
                };
                TableRow {
                    header: true,
                    cells: vec![cell],
                    class: rows::Class::Plain,
                    selected: false,
                }
            }
            Row::Rec(rec) => TableRow {
                header: false,
                cells: {
                    let mut cells = rows::cells(
                        &ctx,
                        &app.figures,
                        lang,
                        list.table,
                        *rec,
                        app.decision_badge(*rec),
                    );
                    // Δ: a change since the previous snapshot is about this row.
                    if app.is_changed(*rec) {
                        if let Some(first) = cells.get_mut(first_shown) {
                            *first = format!("{} {first}", super::changes::MARK);
                        }
                    }
                    cells
                },
                class: rows::class_of(&ctx, *rec),
                selected: i == list.selected,
            },
        })
        .collect();
    let spec = TableSpec {
        cols: &cols,
        titles: &titles,
        needles: &needles,
        sort: list.sort,
    };
    render_table(table_area, buf, &app.theme, &spec, &visible);
    if list.rows.is_empty() {
        let msg = if list.filter.is_empty() {
            t(lang, "empty")
        } else {
            t(lang, "empty.filter")
        };
        Paragraph::new(Span::styled(msg, app.theme.muted())).render(
            Rect {
                y: table_area.y + 1,
                height: 1,
                ..table_area
            },
            buf,
        );
        if let Some(e) = &list.filter_error {
            // The whole message, wrapped: it names what the language expects.
            Paragraph::new(Span::styled(e.clone(), app.theme.warning()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(
                    Rect {
                        y: table_area.y + 2,
                        height: table_area.height.saturating_sub(2).min(4),
                        ..table_area
                    },
                    buf,
                );
        }
    }
    let shown_columns: Vec<usize> =
        super::super::widgets::table::fit_columns(&cols, table_area.width)
            .into_iter()
            .map(|(i, _)| i)
            .collect();

    // Detail pane.
    if let Some(d) = detail_area {
        let block = Block::default()
            .borders(if detail_side {
                Borders::LEFT
            } else {
                Borders::TOP
            })
            .border_style(app.theme.border())
            .title(Span::styled(
                format!(" {} ", t(lang, "detail")),
                app.theme.muted(),
            ));
        match list.selected_rec() {
            Some(rec) => {
                let lines = detail_lines(
                    &ctx,
                    &app.figures,
                    lang,
                    &app.theme,
                    rec,
                    app.decision_lines(rec),
                    usize::from(d.height) + usize::from(app.detail_scroll),
                );
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((app.detail_scroll, 0))
                    .block(block)
                    .render(d, buf);
            }
            None => Paragraph::new(Span::styled(t(lang, "detail.none"), app.theme.muted()))
                .block(block)
                .render(d, buf),
        }
    }
    Drawn {
        too_small: false,
        shown_columns,
        table_height: height,
        table_area: (
            table_area.x,
            table_area.y + 1,
            table_area.width,
            height as u16,
        ),
        ..Drawn::default()
    }
}
