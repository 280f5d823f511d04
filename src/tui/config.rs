//! The user's settings: language, theme (`--theme NAME|PATH` or `theme.ron`), key map
//! (`keys.ron`) from `$XDG_CONFIG_HOME/giaoban/`, and `NO_COLOR`.

use std::path::{Path, PathBuf};

use crate::store::files::{read_text, ReadError};

use super::i18n::Lang;
use super::keymap::KeyMap;
use super::theme::Theme;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    pub theme: Option<String>,
    pub mouse: bool,
    /// Overrides the config folder (tests).
    pub config_dir: Option<PathBuf>,
    /// NO_COLOR, read from the environment by the caller.
    pub no_color: bool,
}

pub fn config_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("giaoban"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config").join("giaoban"))
}

/// The key map and theme, with a message for each file that could not be used.
pub fn load(opts: &Options) -> (KeyMap, Theme, Vec<String>) {
    let mut warnings = Vec::new();
    let dir = opts.config_dir.clone().or_else(config_dir);
    let mut keymap = KeyMap::default();
    if let Some(dir) = &dir {
        let p = dir.join("keys.ron");
        match read_text(&p) {
            Ok(text) => {
                if let Err(e) = keymap.merge(&text, &p.display().to_string()) {
                    warnings.push(format!("{e} — default keys kept"));
                }
            }
            Err(e) if e.not_found => {}
            Err(e) => warnings.push(format!("{}: {e} — default keys kept", at(&p, &e))),
        }
    }
    let mut theme = Theme::default();
    match opts.theme.as_deref() {
        Some(name) if Theme::builtin(name).is_some() => {
            theme = Theme::builtin(name).unwrap_or_default()
        }
        Some(path) => match read_text(Path::new(path)) {
            Ok(text) => {
                if let Err(e) = theme.merge(&text, path) {
                    warnings.push(format!("{e} — default theme kept"));
                }
            }
            Err(e) => warnings.push(format!(
                "{}: {e}; themes: dark, light, high-contrast — default theme kept",
                at(Path::new(path), &e)
            )),
        },
        None => {
            if let Some(dir) = &dir {
                let p = dir.join("theme.ron");
                match read_text(&p) {
                    Ok(text) => {
                        if let Err(e) = theme.merge(&text, &p.display().to_string()) {
                            warnings.push(format!("{e} — default theme kept"));
                        }
                    }
                    Err(e) if e.not_found => {}
                    Err(e) => warnings.push(format!("{}: {e} — default theme kept", at(&p, &e))),
                }
            }
        }
    }
    if opts.no_color {
        theme = Theme::without_color();
    }
    (keymap, theme, warnings)
}

/// A config file's name, with the line and column of a bad byte when there is one.
fn at(path: &Path, e: &ReadError) -> String {
    match e.at {
        Some((l, c)) => format!("{}:{l}:{c}", path.display()),
        None => path.display().to_string(),
    }
}
