//! Terminal events → state changes. The same function serves the real loop and the tests.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Command;
use super::app::{App, FilterEdit, FilterJob, HelpEdit, Mode, PromptEdit};
use super::keymap::Key;

pub fn handle_event(app: &mut App, ev: Event) -> Option<FilterJob> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => handle_key(app, k),
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
                app.prompt_input(PromptEdit::Char(c))
            }
            _ => None,
        },
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
                app.filter_input(FilterEdit::Char(c))
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
        // Shifted letters arrive with SHIFT; bindings name them by the letter itself.
        if let KeyCode::Char(c) = k.code {
            app.keymap.command_for(Key {
                code: KeyCode::Char(c),
                mods: KeyModifiers::NONE,
            })
        } else {
            None
        }
    })
}
