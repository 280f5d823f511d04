//! Terminal events → state changes. The same function serves the real loop and the tests.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Command;
use super::app::{App, FilterEdit, FilterJob, HelpEdit, Mode, PromptEdit};
use super::keymap::Key;

/// The longest query the filter bar takes, in characters.
pub const FILTER_MAX_CHARS: usize = 1000;
/// The longest text a prompt (a note, a conclusion, a unit to search) takes, in characters.
pub const PROMPT_MAX_CHARS: usize = 4000;

pub fn handle_event(app: &mut App, ev: Event) -> Option<FilterJob> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => handle_key(app, k),
        Event::Paste(text) => paste(app, &text),
        Event::Mouse(m) => {
            if app.mode != Mode::Normal || app.too_small {
                return None;
            }
            match m.kind {
                MouseEventKind::ScrollDown => app.update(Command::Down),
                MouseEventKind::ScrollUp => app.update(Command::Up),
                MouseEventKind::Down(MouseButton::Left) => {
                    if m.row == 0 {
                        if let Some((_, _, v)) = app
                            .tab_spans
                            .iter()
                            .find(|(a, b, _)| m.column >= *a && m.column < *b)
                        {
                            return app.update(v.command());
                        }
                    }
                    let (x, y, w, h) = app.table_area;
                    if m.column >= x && m.column < x + w && m.row >= y && m.row < y + h {
                        app.click_row((m.row - y) as usize);
                    }
                    None
                }
                _ => None,
            }
        }
        _ => None,
    }
}

fn handle_key(app: &mut App, k: KeyEvent) -> Option<FilterJob> {
    // Ctrl-C is a key here (raw mode: no SIGINT is sent), the quickest way out, and the console
    // exits 0 as after q: the user chose to leave, every decision is on disk and the meeting
    // closed on record, which is what a script calling the console should hear; htop and top
    // do the same. A SIGINT sent from outside (kill -INT) is an interrupt: status 130.
    if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
        app.quit = true;
        return None;
    }
    if app.too_small {
        // Nothing but quitting from a window too small to show what a key would do.
        if app.mode == Mode::Normal
            && app.keymap.command_for(Key::from_event(k)) == Some(Command::Quit)
        {
            return app.update(Command::Quit);
        }
        return None;
    }
    match app.mode.clone() {
        Mode::ConfirmQuit => {
            match k.code {
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Char('c') => app.quit = true,
                _ => app.mode = Mode::Normal,
            }
            None
        }
        Mode::Prompt => match k.code {
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                app.prompt_input(PromptEdit::Erase)
            }
            KeyCode::Esc => app.prompt_input(PromptEdit::Cancel),
            KeyCode::Enter => app.prompt_input(PromptEdit::Submit),
            KeyCode::Backspace => app.prompt_input(PromptEdit::Backspace),
            KeyCode::Up => app.prompt_input(PromptEdit::Up),
            KeyCode::Down | KeyCode::Tab => app.prompt_input(PromptEdit::Down),
            KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                let len = app.prompt.as_ref().map_or(0, |p| p.text.chars().count());
                if len >= PROMPT_MAX_CHARS {
                    refuse(app, PROMPT_MAX_CHARS, 1);
                    return None;
                }
                app.prompt_input(PromptEdit::Char(c))
            }
            _ => None,
        },
        Mode::MeetingForm => {
            let edit = match k.code {
                KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    PromptEdit::Erase
                }
                KeyCode::Esc => PromptEdit::Cancel,
                KeyCode::Enter => PromptEdit::Submit,
                KeyCode::Backspace => PromptEdit::Backspace,
                KeyCode::Up | KeyCode::BackTab => PromptEdit::Up,
                KeyCode::Down | KeyCode::Tab => PromptEdit::Down,
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    PromptEdit::Char(c)
                }
                _ => return None,
            };
            app.meeting_form_input(edit);
            None
        }
        Mode::Filter => match k.code {
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                app.filter_input(FilterEdit::Erase)
            }
            KeyCode::Esc => app.filter_input(FilterEdit::Clear),
            KeyCode::Enter => app.filter_input(FilterEdit::Accept),
            KeyCode::Backspace => app.filter_input(FilterEdit::Backspace),
            KeyCode::Up => app.update(Command::Up),
            KeyCode::Down => app.update(Command::Down),
            KeyCode::PageUp => app.update(Command::PageUp),
            KeyCode::PageDown => app.update(Command::PageDown),
            KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                paste(app, c.encode_utf8(&mut [0; 4]))
            }
            _ => None,
        },
        Mode::Help { typing, .. } => {
            let edit = match k.code {
                KeyCode::Esc => HelpEdit::Escape,
                KeyCode::Enter if typing => HelpEdit::Accept,
                KeyCode::Backspace if typing => HelpEdit::Backspace,
                KeyCode::Char(c) if typing && !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    HelpEdit::Char(c)
                }
                _ => HelpEdit::Command(command_of(app, k)?),
            };
            app.help_input(edit);
            None
        }
        Mode::Changes { .. } => {
            let cmd = command_of(app, k)?;
            app.changes_input(cmd);
            None
        }
        Mode::Normal => {
            let cmd = command_of(app, k)?;
            app.update(cmd)
        }
    }
}

/// The command the key map binds to a key.
fn command_of(app: &App, k: KeyEvent) -> Option<Command> {
    app.keymap.command_for(Key::from_event(k)).or_else(|| {
        // Shifted letters arrive with SHIFT; bindings name them by the letter itself. A letter
        // with Ctrl or Alt is another key: unbound, it does nothing (Ctrl-U out of the filter
        // bar must not be taken for u, undo; nor Ctrl-X for x, a decision).
        let other = k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let (KeyCode::Char(c), false) = (k.code, other) {
            app.keymap.command_for(Key {
                code: KeyCode::Char(c),
                mods: KeyModifiers::NONE,
            })
        } else {
            None
        }
    })
}

/// Pasted text (a bracketed paste, or a run of typed characters handled together) as one
/// edit: one query compiled for the whole of it, not one per character. Control characters
/// and line breaks of the paste become spaces or are dropped; a text that would make the query
/// (or the prompt) longer than its limit is refused with a message, nothing added.
pub fn paste(app: &mut App, text: &str) -> Option<FilterJob> {
    let text: String = crate::text::clean(text)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.is_empty() || app.too_small {
        return None;
    }
    let adding = text.chars().count();
    match app.mode.clone() {
        Mode::Filter => {
            let r = app.current_ref();
            let list = app.list_mut(r)?;
            if list.filter.chars().count() + adding > FILTER_MAX_CHARS {
                refuse(app, FILTER_MAX_CHARS, adding);
                return None;
            }
            list.filter.push_str(&text);
            app.filter_job(r)
        }
        Mode::Prompt => {
            let data = app.data.clone();
            let p = app.prompt.as_mut()?;
            if p.text.chars().count() + adding > PROMPT_MAX_CHARS {
                refuse(app, PROMPT_MAX_CHARS, adding);
                return None;
            }
            p.text.push_str(&text);
            p.refresh(&data.snapshot);
            None
        }
        Mode::Help { typing: true, .. } => {
            for c in text.chars().take(FILTER_MAX_CHARS) {
                app.help_input(HelpEdit::Char(c));
            }
            None
        }
        _ => None,
    }
}

/// Say that an edit was refused for its length.
fn refuse(app: &mut App, limit: usize, adding: usize) {
    let vi = app.lang == super::i18n::Lang::Vi;
    let limit = group(limit, if vi { '.' } else { ',' });
    let msg = match (vi, adding) {
        (true, 1) => format!("Đã đủ {limit} ký tự, tối đa cho phép: không thêm được nữa"),
        (true, n) => format!(
            "Dài quá: tối đa {limit} ký tự; đoạn dán ({} ký tự) không được thêm vào",
            group(n, '.')
        ),
        (false, 1) => format!("{limit} characters is the most this takes: nothing more is added"),
        (false, n) => format!(
            "Too long: at most {limit} characters; the pasted text ({} characters) was not added",
            group(n, ',')
        ),
    };
    app.message = Some((msg, true));
}

/// 1234567 → "1.234.567" (Vietnamese) or "1,234,567".
fn group(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// Handle a batch of events taken from the queue at once. A run of characters typed (or pasted
/// by a terminal without bracketed paste) into the filter bar is one edit; Ctrl-C ends the
/// console at once, whatever comes before or after it in the queue.
pub fn handle_batch(app: &mut App, events: Vec<Event>) -> Vec<FilterJob> {
    if events.iter().any(is_ctrl_c) {
        app.quit = true;
        return Vec::new();
    }
    let mut jobs = Vec::new();
    let mut run = String::new();
    for ev in events {
        if app.quit {
            break;
        }
        if app.mode == Mode::Filter {
            if let Some(c) = plain_char(&ev) {
                run.push(c);
                continue;
            }
        }
        if !run.is_empty() {
            jobs.extend(paste(app, &std::mem::take(&mut run)));
        }
        jobs.extend(handle_event(app, ev));
    }
    if !run.is_empty() {
        jobs.extend(paste(app, &run));
    }
    jobs
}

fn is_ctrl_c(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.code == KeyCode::Char('c')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// A character typed without Ctrl or Alt.
fn plain_char(ev: &Event) -> Option<char> {
    match ev {
        Event::Key(k)
            if k.kind == KeyEventKind::Press
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            match k.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}
