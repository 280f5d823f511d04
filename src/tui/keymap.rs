//! Key bindings: defaults embedded from `keys.ron`, a user's file merged over them
//! (only the commands it names; `[]` unbinds), and the help generated from the live map.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Command;
use crate::text::{excerpt, EXCERPT_CHARS};

const DEFAULT_KEYS: &str = include_str!("keys.ron");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// Read "q", "Ctrl-r", "Shift-Tab", "PageDown", "F1" …
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" => KeyCode::Backspace,
            "tab" if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !crate::text::is_invisible(c) => KeyCode::Char(c),
                    _ => return Err(format!("'{}' is not a key: expected a character, or a name like Enter, Esc, Tab, PageDown, F1, with Ctrl-/Alt-/Shift-", excerpt(s, EXCERPT_CHARS))),
                }
            }
        };
        Ok(Key { code, mods })
    }

    /// Normalise a terminal key event to the form bindings use.
    pub fn from_event(ev: KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        if code == KeyCode::BackTab {
            mods = KeyModifiers::NONE;
        }
        Key { code, mods }
    }

    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        s.push_str(&match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            other => format!("{other:?}"),
        });
        s
    }
}

#[derive(Debug, Clone)]
pub struct KeyMap {
    pub bindings: BTreeMap<Command, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let mut map = KeyMap {
            bindings: BTreeMap::new(),
        };
        // The embedded defaults are tested; should they ever fail, no binding is better than a panic.
        let _ = map.merge(DEFAULT_KEYS, "keys.ron (built in)");
        map
    }
}

impl KeyMap {
    /// Merge a RON map of command name → keys over this one. On error nothing is changed,
    /// and the message names the file, line and column.
    pub fn merge(&mut self, text: &str, file: &str) -> Result<(), String> {
        let parsed: BTreeMap<String, Vec<String>> = ron::from_str(text).map_err(|e| {
            format!(
                "{file}:{}:{}: {}",
                e.position.line,
                e.position.col,
                excerpt(&e.code.to_string(), 4 * EXCERPT_CHARS)
            )
        })?;
        let mut next = self.bindings.clone();
        for (name, keys) in parsed {
            let cmd = Command::from_name(&name).ok_or_else(|| {
                let names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                let hint = crate::text::did_you_mean(&name, names.iter().copied())
                    .map(|s| format!(" (did you mean '{s}'?)"))
                    .unwrap_or_default();
                let pos = super::theme::locate(text, &name);
                format!(
                    "{file}:{}:{}: unknown command '{}'{hint}",
                    pos.0,
                    pos.1,
                    excerpt(&name, EXCERPT_CHARS)
                )
            })?;
            let mut parsed_keys = Vec::new();
            for k in keys {
                let key = Key::parse(&k).map_err(|m| {
                    let pos = super::theme::locate(text, &k);
                    format!("{file}:{}:{}: {m}", pos.0, pos.1)
                })?;
                parsed_keys.push(key);
            }
            next.insert(cmd, parsed_keys);
        }
        // One key does one thing: a key the file binds that another command also has is
        // reported with both commands.
        let mut owner: std::collections::HashMap<Key, Command> = std::collections::HashMap::new();
        for (cmd, keys) in &next {
            for key in keys {
                match owner.get(key) {
                    Some(other) if other != cmd => {
                        let written = parsed_names(text, key);
                        let pos = super::theme::locate(text, &written);
                        return Err(format!(
                            "{file}:{}:{}: the key '{}' is bound to two commands, '{}' and '{}'; give one of them another key (or [] to unbind it)",
                            pos.0,
                            pos.1,
                            key.label(),
                            other.name(),
                            cmd.name()
                        ));
                    }
                    _ => {
                        owner.insert(*key, *cmd);
                    }
                }
            }
        }
        self.bindings = next;
        Ok(())
    }

    pub fn command_for(&self, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(c, _)| *c)
    }

    pub fn keys_for(&self, cmd: Command) -> String {
        self.bindings
            .get(&cmd)
            .map(|ks| ks.iter().map(Key::label).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    /// The first key of a command, for hints in the status bar.
    pub fn first_key(&self, cmd: Command) -> Option<String> {
        self.bindings
            .get(&cmd)
            .and_then(|ks| ks.first())
            .map(Key::label)
    }
}

/// How the file wrote `key` (to point at it), or its label when the file does not name it.
fn parsed_names(text: &str, key: &Key) -> String {
    let mut rest = text;
    while let Some(i) = rest.find('"') {
        let after = &rest[i + 1..];
        let Some(end) = after.find('"') else { break };
        let word = &after[..end];
        if Key::parse(word).is_ok_and(|k| k == *key) {
            return word.to_string();
        }
        rest = &after[end + 1..];
    }
    key.label()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_bind_every_command() {
        let map = KeyMap::default();
        for c in Command::ALL {
            assert!(!map.keys_for(c).is_empty(), "{} has no key", c.name());
        }
        assert_eq!(
            map.command_for(Key::parse("q").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(
            map.command_for(Key::parse("Ctrl-r").unwrap()),
            Some(Command::Redo)
        );
    }

    #[test]
    fn a_user_file_overrides_only_what_it_names() {
        let mut map = KeyMap::default();
        map.merge("{\"quit\": [\"Q\"], \"help\": []}", "keys.ron")
            .unwrap();
        assert_eq!(
            map.command_for(Key::parse("Q").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(map.command_for(Key::parse("q").unwrap()), None);
        assert_eq!(map.keys_for(Command::Help), "");
        assert_eq!(
            map.command_for(Key::parse("j").unwrap()),
            Some(Command::Down)
        );
    }

    #[test]
    fn a_bad_file_is_reported_and_changes_nothing() {
        let mut map = KeyMap::default();
        let err = map
            .merge("{\n  \"qiut\": [\"Q\"],\n}", "keys.ron")
            .unwrap_err();
        assert!(err.starts_with("keys.ron:2:"), "{err}");
        assert!(err.contains("did you mean 'quit'"), "{err}");
        let err = map
            .merge("{\"quit\": [\"Ctrl-\"]}", "keys.ron")
            .unwrap_err();
        assert!(err.contains("not a key"), "{err}");
        let err = map
            .merge("{\n \"help\": [\"?\"],\n \"top\": [\"q\"],\n}", "keys.ron")
            .unwrap_err();
        assert_eq!(
            err,
            "keys.ron:3:10: the key 'q' is bound to two commands, 'quit' and 'top'; give one of them another key (or [] to unbind it)"
        );
        let err = map.merge("{\"quit\": [\"Q\"]", "keys.ron").unwrap_err();
        assert!(err.starts_with("keys.ron:1:"), "{err}");
        assert_eq!(
            map.command_for(Key::parse("q").unwrap()),
            Some(Command::Quit)
        );
    }
}
