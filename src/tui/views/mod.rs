//! Drawing: one function per screen, each a pure function of the state. `draw` returns where
//! things landed (for mouse clicks and paging), which the event loop stores back.

pub mod changes;
pub mod detail;
pub mod help;
pub mod list;
pub mod meeting;
pub mod overview;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

/// Clear an area for an overlay, keeping the theme's background.
fn blank(app: &App, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    Clear.render(area, buf);
    buf.set_style(area, app.theme.base());
}
use ratatui::Frame;

use super::app::{App, Mode, ViewId};
use super::i18n::t;
use super::widgets::text::fit;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

/// Where things were drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// The window is below the usable size: only the notice was drawn.
    pub too_small: bool,
    /// The columns of the table that fitted, by index (sorting cycles through these).
    pub shown_columns: Vec<usize>,
    pub table_height: usize,
    pub table_area: (u16, u16, u16, u16),
    pub tab_spans: Vec<(u16, u16, ViewId)>,
    /// The overview's charts in one scrolled column: how many lines they take (0: they fit).
    pub overview_lines: usize,
}

pub fn draw(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let buf = frame.buffer_mut();
    // The theme's background is painted everywhere: its colours were chosen (and are tested)
    // against it, not against whatever the terminal's own background is.
    buf.set_style(area, app.theme.base());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "{} ({}x{}): {} {MIN_WIDTH}x{MIN_HEIGHT}",
            t(app.lang, "too_small"),
            area.width,
            area.height,
            t(app.lang, "too_small.need")
        );
        let lines: Vec<Line> = wrap_words(&msg, area.width as usize)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, app.theme.warning())))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return Drawn {
            too_small: true,
            ..Drawn::default()
        };
    }
    let tabs = Rect { height: 1, ..area };
    let tab_spans = draw_tabs(app, tabs, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let mut drawn = match (&app.mode, app.view, app.pages.is_empty()) {
        (
            Mode::Help {
                filter,
                scroll,
                typing,
            },
            _,
            _,
        ) => Drawn {
            table_height: help::draw(app, filter, *typing, *scroll, body, buf),
            table_area: (body.x, body.y, body.width, body.height),
            ..Drawn::default()
        },
        (Mode::Changes { scroll }, _, _) => Drawn {
            table_height: changes::draw(app, *scroll, body, buf),
            table_area: (body.x, body.y, body.width, body.height),
            ..Drawn::default()
        },
        _ if app.meeting.is_some() => {
            meeting::draw(app, body, buf);
            Drawn::default()
        }
        (_, ViewId::Overview, true) => {
            let (lines, room) = overview::draw(app, body, buf);
            Drawn {
                overview_lines: lines,
                table_height: room,
                ..Drawn::default()
            }
        }
        _ => list::draw(app, body, buf),
    };
    draw_status(app, status, buf);
    if let Some(p) = &app.prompt {
        draw_prompt(app, p, body, status, buf);
    }
    if let Some(f) = &app.meeting_form {
        draw_meeting_form(app, f, status, buf);
    }
    if app.mode == Mode::ConfirmQuit {
        let msg = t(app.lang, "quit.confirm");
        let w = (msg.chars().count() as u16 + 4).min(area.width);
        let r = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + area.height / 2,
            width: w,
            height: 1,
        };
        blank(app, r, buf);
        Paragraph::new(Span::styled(format!("  {msg}  "), app.theme.selection())).render(r, buf);
    }
    drawn.tab_spans = tab_spans;
    drawn
}

/// What the tab line shows of the as-of date at `width` (the words "Số liệu đến ngày" when
/// they fit beside the tabs), or None when even the bare date does not fit. The one place
/// that decides it: the overview shows the date itself only when this is None.
pub fn tab_date(app: &App, width: u16) -> Option<String> {
    tab_layout(app, width).1
}

/// Whether every tab is named in full, and the date shown beside the tabs.
fn tab_layout(app: &App, width: u16) -> (bool, Option<String>) {
    use unicode_width::UnicodeWidthStr;
    // A console that cannot record decisions says so at all times, beside the date.
    let read_only = if app.read_only_reason().is_some() {
        format!("{} · ", t(app.lang, "read_only"))
    } else {
        String::new()
    };
    let long_date = format!(
        " {read_only}{} {} ",
        t(app.lang, "as_of"),
        app.as_of.format("%d/%m/%Y")
    );
    // The date alone when the words would cost the tab names.
    let short_date = format!(" {read_only}{} ", app.as_of.format("%d/%m/%Y"));
    let width_of = |full_all: bool| -> usize {
        ViewId::ALL
            .iter()
            .map(|v| tab_label(app, *v, full_all || *v == app.view).width())
            .sum()
    };
    // Full labels when they fit; else the active one in full and the others by key; the date
    // goes first when even that is too wide.
    let fits = |full: bool, d: &str| width_of(full) + d.width() <= width as usize;
    let (full_all, date) = if fits(true, &long_date) {
        (true, long_date)
    } else if fits(true, &short_date) {
        (true, short_date)
    } else if fits(false, &long_date) {
        (false, long_date)
    } else {
        (false, short_date)
    };
    let shown = fits(full_all, &date).then_some(date);
    (full_all, shown)
}

fn tab_label(app: &App, v: ViewId, full: bool) -> String {
    let key = app.keymap.first_key(v.command()).unwrap_or_default();
    if full {
        format!(" {key} {} ", t(app.lang, v.label_key()))
    } else {
        format!(" {key} ")
    }
}

fn draw_tabs(app: &App, area: Rect, buf: &mut ratatui::buffer::Buffer) -> Vec<(u16, u16, ViewId)> {
    use unicode_width::UnicodeWidthStr;
    let (full_all, date) = tab_layout(app, area.width);
    let label = |v: ViewId, full: bool| tab_label(app, v, full);
    let mut spans = Vec::new();
    let mut out = Vec::new();
    let mut x = area.x;
    for v in ViewId::ALL {
        let l = label(v, full_all || v == app.view);
        let w = l.width() as u16;
        if x + w > area.x + area.width {
            break;
        }
        let style = if v == app.view {
            app.theme.tab_active()
        } else {
            app.theme.muted()
        };
        out.push((x, x + w, v));
        spans.push(Span::styled(l, style));
        x += w;
    }
    if let Some(date) = date {
        let pad = (area.x + area.width)
            .saturating_sub(x)
            .saturating_sub(date.width() as u16);
        spans.push(Span::raw(" ".repeat(pad as usize)));
        spans.push(Span::styled(date, app.theme.title()));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
    out
}

fn draw_status(app: &App, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    let width = area.width as usize;
    let line = if let Some((msg, err)) = &app.message {
        Line::from(Span::styled(
            fit(msg, width),
            if *err {
                app.theme.warning()
            } else {
                app.theme.title()
            },
        ))
    } else if app.mode == Mode::Filter {
        let list = app.current();
        let text = list.map(|l| l.filter.clone()).unwrap_or_default();
        let err = list.and_then(|l| l.filter_error.clone());
        let mut spans = vec![Span::styled(
            format!("{}: ", t(app.lang, "filter")),
            app.theme.title(),
        )];
        // The term the language cannot read is marked where it was typed.
        match list.and_then(|l| l.filter_error_span) {
            Some((a, b))
                if a <= b
                    && b <= text.len()
                    && text.is_char_boundary(a)
                    && text.is_char_boundary(b) =>
            {
                let bad = if a == b { " " } else { &text[a..b] };
                spans.push(Span::styled(text[..a].to_string(), app.theme.text()));
                spans.push(Span::styled(
                    bad.to_string(),
                    app.theme.warning().add_modifier(
                        ratatui::style::Modifier::UNDERLINED | ratatui::style::Modifier::REVERSED,
                    ),
                ));
                spans.push(Span::styled(format!("{}▏", &text[b..]), app.theme.text()));
            }
            _ => spans.push(Span::styled(format!("{text}▏"), app.theme.text())),
        }
        let equivalents = list
            .map(|l| {
                let e: Vec<String> = l
                    .filter_equivalents
                    .iter()
                    .map(|e| format!("{}: {}", e.words, equivalent_label(app.lang, e)))
                    .collect();
                e.join("; ")
            })
            .unwrap_or_default();
        match err {
            Some(e) => spans.push(Span::styled(format!("  {e}"), app.theme.warning())),
            None if !equivalents.is_empty() => {
                spans.push(Span::styled(format!("  {equivalents}"), app.theme.title()));
                spans.push(Span::styled(
                    format!(" · {}", t(app.lang, "filter.hint")),
                    app.theme.muted(),
                ));
            }
            None => spans.push(Span::styled(
                format!("  {}", t(app.lang, "filter.hint")),
                app.theme.muted(),
            )),
        }
        Line::from(spans)
    } else {
        let k = |c| app.keymap.first_key(c).unwrap_or_default();
        use super::action::Command as C;
        let hints = if let Mode::Help { typing, filter, .. } = &app.mode {
            // Esc is read by the help itself (app::help): it clears a filter first, then
            // closes; the footer says which it will do now.
            let esc = if filter.is_empty() && !typing {
                t(app.lang, "help.close")
            } else {
                t(app.lang, "help.clear")
            };
            if *typing {
                format!("Enter {} · Esc {esc}", t(app.lang, "help.keep"))
            } else {
                format!(
                    "{} {} · {}/{} {}/{} {} · Esc {esc}",
                    k(C::Filter),
                    t(app.lang, "help.filter"),
                    k(C::Down),
                    k(C::Up),
                    k(C::Top),
                    k(C::Bottom),
                    t(app.lang, "help.scroll")
                )
            }
        } else if app.meeting.is_some() {
            [
                (C::MeetingNext, "hint.next"),
                (C::MeetingPrev, "hint.prev"),
                (C::TriageNext, "hint.triage"),
                (C::Assign, "hint.assign"),
                (C::SetDue, "hint.due"),
                (C::Conclude, "hint.conclude"),
                (C::Minutes, "hint.minutes"),
                (C::Back, "hint.end_meeting"),
            ]
            .iter()
            .map(|(c, key)| format!("{} {}", k(*c), t(app.lang, key)))
            .collect::<Vec<_>>()
            .join("  ")
        } else {
            [
                (C::Help, "hint.help"),
                (C::Filter, "hint.filter"),
                (C::Open, "hint.open"),
                (C::Back, "hint.back"),
                (C::SortNext, "hint.sort"),
                (C::Quit, "hint.quit"),
            ]
            .iter()
            .map(|(c, key)| format!("{} {}", k(*c), t(app.lang, key)))
            .collect::<Vec<_>>()
            .join("  ")
        };
        Line::from(Span::styled(fit(&hints, width), app.theme.muted()))
    };
    Paragraph::new(line).render(area, buf);
}

/// The questions before a meeting, on the status line: which one (1/3), and what was typed.
fn draw_meeting_form(
    app: &App,
    f: &super::app::MeetingForm,
    status: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    let label = t(app.lang, super::app::MeetingForm::LABELS[f.step]);
    let line = Line::from(vec![
        Span::styled(format!("[{}/3] {label}: ", f.step + 1), app.theme.title()),
        Span::styled(format!("{}▏", f.fields[f.step]), app.theme.text()),
    ]);
    blank(app, status, buf);
    Paragraph::new(line).render(status, buf);
}

fn draw_prompt(
    app: &App,
    p: &super::prompt::Prompt,
    body: Rect,
    status: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    use super::prompt::PromptKind;
    let label = t(
        app.lang,
        match p.kind {
            PromptKind::Assign => "prompt.assign",
            PromptKind::Due => "prompt.due",
            PromptKind::Note => "prompt.note",
            PromptKind::Conclusion => "prompt.conclusion",
        },
    );
    let mut spans = vec![
        Span::styled(format!("{label}: "), app.theme.title()),
        Span::styled(format!("{}▏", p.text), app.theme.text()),
    ];
    if let Some(e) = &p.error {
        spans.push(Span::styled(format!("  {e}"), app.theme.warning()));
    }
    blank(app, status, buf);
    Paragraph::new(Line::from(spans)).render(status, buf);
    if p.kind == PromptKind::Assign {
        let h = (p.choices.len() as u16).min(10).min(body.height);
        let w = body.width.min(70);
        let area = Rect {
            x: body.x,
            y: body.y + body.height - h,
            width: w,
            height: h,
        };
        blank(app, area, buf);
        let lines: Vec<Line> = p
            .choices
            .iter()
            .enumerate()
            .skip(p.cursor.saturating_sub(h.saturating_sub(1) as usize))
            .take(h as usize)
            .map(|(i, &u)| {
                let text = super::prompt::Prompt::choice_label(&app.data.snapshot, u);
                let style = if i == p.cursor {
                    app.theme.selection()
                } else {
                    app.theme.text()
                };
                Line::from(Span::styled(fit(&text, w as usize), style))
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

/// The keys that scroll down ("j/↓, PgDn, G") or up ("k/↑, PgUp, g"), from the live key map,
/// for the marks that say more is below or above.
pub(crate) fn scroll_keys(app: &App, down: bool) -> String {
    use super::action::Command as C;
    let (line, page, end) = if down {
        (C::Down, C::PageDown, C::Bottom)
    } else {
        (C::Up, C::PageUp, C::Top)
    };
    let mut keys = vec![app.keymap.keys_for(line).replace(' ', "/")];
    keys.extend(app.keymap.first_key(page));
    keys.extend(app.keymap.first_key(end));
    keys.retain(|k| !k.is_empty());
    keys.join(", ")
}

/// Wrap text at word boundaries to `width` cells (words longer than a line are cut).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if unicode_width::UnicodeWidthStr::width(candidate.as_str()) <= width {
            line = candidate;
        } else {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            line = fit(word, width);
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// What free words that spell a place or a unit found, said for the count read aloud: a
/// place's records and those naming it (`query::equiv::with_places`); for a unit, the records
/// where each word begins a word, close to the unit's term but not the same.
pub(crate) fn equivalent_label(lang: super::i18n::Lang, e: &crate::query::Equivalent) -> String {
    let place = e
        .term
        .strip_prefix("locality:")
        .is_some_and(|id| !id.contains(' '));
    let key = if place { "filter.place" } else { "filter.unit" };
    t(lang, key).replace("{term}", &e.term)
}
