//! Colours. Built-in themes live in `themes/*.ron`; a user's `theme.ron` (or `--theme PATH`)
//! overrides only the colours it names; a bad file is reported and the defaults are kept.
//! With `NO_COLOR` set, no colour is used: selection, overdue and status stay visible through
//! reverse video, bold and symbols.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

pub const BUILTIN: [(&str, &str); 3] = [
    ("dark", include_str!("../../themes/dark.ron")),
    ("light", include_str!("../../themes/light.ron")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.ron"),
    ),
];

/// A theme file: every colour optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeFile {
    pub text: Option<String>,
    pub muted: Option<String>,
    pub background: Option<String>,
    pub border: Option<String>,
    pub title: Option<String>,
    pub tab_active: Option<String>,
    pub selection_fg: Option<String>,
    pub selection_bg: Option<String>,
    pub highlight: Option<String>,
    pub overdue: Option<String>,
    pub blocked: Option<String>,
    pub in_progress: Option<String>,
    pub done: Option<String>,
    pub warning: Option<String>,
    pub bar: Option<String>,
    pub decision: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Color,
    pub muted: Color,
    pub background: Color,
    pub border: Color,
    pub title: Color,
    pub tab_active: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    pub highlight: Color,
    pub overdue: Color,
    pub blocked: Color,
    pub in_progress: Color,
    pub done: Color,
    pub warning: Color,
    pub bar: Color,
    pub decision: Color,
    pub no_color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        let mut t = Theme {
            text: Color::Reset,
            muted: Color::DarkGray,
            background: Color::Reset,
            border: Color::DarkGray,
            title: Color::Cyan,
            tab_active: Color::Yellow,
            selection_fg: Color::Black,
            selection_bg: Color::Cyan,
            highlight: Color::Yellow,
            overdue: Color::Red,
            blocked: Color::Magenta,
            in_progress: Color::Yellow,
            done: Color::Green,
            warning: Color::LightRed,
            bar: Color::Blue,
            decision: Color::LightCyan,
            no_color: false,
        };
        // The built-in dark theme is the default; it is tested to parse (and to be the
        // default, colour for colour).
        let _ = t.merge(BUILTIN[0].1, "themes/dark.ron");
        t
    }
}

/// Line and column of the first quoted occurrence of `needle` in `text`.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    let q = format!("\"{needle}\"");
    let at = text.find(&q).or_else(|| text.find(needle));
    match at {
        Some(i) => {
            let before = &text[..i];
            (
                before.matches('\n').count() + 1,
                before
                    .rsplit('\n')
                    .next()
                    .map(|l| l.chars().count())
                    .unwrap_or(0)
                    + 1,
            )
        }
        None => (1, 1),
    }
}

pub fn parse_color(s: &str) -> Result<Color, String> {
    let shown = crate::text::excerpt(s, crate::text::EXCERPT_CHARS);
    let l = s.trim().to_ascii_lowercase();
    if let Some(hex) = l.strip_prefix('#') {
        if hex.len() == 6 {
            if let Ok(v) = u32::from_str_radix(hex, 16) {
                return Ok(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
            }
        }
        return Err(format!(
            "'{shown}' is not a colour: '#rrggbb' needs six hexadecimal digits"
        ));
    }
    Ok(match l.replace(['_', '-', ' '], "").as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        other => match other.parse::<u8>() {
            Ok(n) => Color::Indexed(n),
            Err(_) => return Err(format!("'{shown}' is not a colour: expected a name (red, light-blue, dark-gray …), '#rrggbb' or 0–255")),
        },
    })
}

impl Theme {
    /// Apply the colours a file names. On any error nothing is changed.
    pub fn apply(&mut self, f: &ThemeFile, file: &str, text: &str) -> Result<(), String> {
        let mut next = self.clone();
        let fields: [(&Option<String>, &mut Color); 16] = [
            (&f.text, &mut next.text),
            (&f.muted, &mut next.muted),
            (&f.background, &mut next.background),
            (&f.border, &mut next.border),
            (&f.title, &mut next.title),
            (&f.tab_active, &mut next.tab_active),
            (&f.selection_fg, &mut next.selection_fg),
            (&f.selection_bg, &mut next.selection_bg),
            (&f.highlight, &mut next.highlight),
            (&f.overdue, &mut next.overdue),
            (&f.blocked, &mut next.blocked),
            (&f.in_progress, &mut next.in_progress),
            (&f.done, &mut next.done),
            (&f.warning, &mut next.warning),
            (&f.bar, &mut next.bar),
            (&f.decision, &mut next.decision),
        ];
        for (value, slot) in fields {
            if let Some(v) = value {
                *slot = parse_color(v).map_err(|m| {
                    let (l, c) = locate(text, v);
                    format!("{file}:{l}:{c}: {m}")
                })?;
            }
        }
        *self = next;
        Ok(())
    }

    /// Merge a theme file's text over this theme.
    pub fn merge(&mut self, text: &str, file: &str) -> Result<(), String> {
        let f: ThemeFile = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| {
                format!(
                    "{file}:{}:{}: {}",
                    e.position.line,
                    e.position.col,
                    crate::text::excerpt(&e.code.to_string(), 4 * crate::text::EXCERPT_CHARS)
                )
            })?;
        self.apply(&f, file, text)
    }

    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        let mut t = Theme::default();
        t.merge(text, &format!("themes/{name}.ron")).ok()?;
        Some(t)
    }

    pub fn without_color() -> Theme {
        Theme {
            text: Color::Reset,
            muted: Color::Reset,
            background: Color::Reset,
            border: Color::Reset,
            title: Color::Reset,
            tab_active: Color::Reset,
            selection_fg: Color::Reset,
            selection_bg: Color::Reset,
            highlight: Color::Reset,
            overdue: Color::Reset,
            blocked: Color::Reset,
            in_progress: Color::Reset,
            done: Color::Reset,
            warning: Color::Reset,
            bar: Color::Reset,
            decision: Color::Reset,
            no_color: true,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.no_color {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    /// The screen's own style: the background painted under everything, in the text colour.
    pub fn base(&self) -> Style {
        if self.no_color {
            Style::default()
        } else {
            Style::default().fg(self.text).bg(self.background)
        }
    }

    pub fn text(&self) -> Style {
        self.fg(self.text)
    }
    pub fn muted(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            self.fg(self.muted)
        }
    }
    pub fn border(&self) -> Style {
        self.fg(self.border)
    }
    pub fn title(&self) -> Style {
        self.fg(self.title).add_modifier(Modifier::BOLD)
    }
    pub fn tab_active(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            self.fg(self.tab_active)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn selection(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().fg(self.selection_fg).bg(self.selection_bg)
        }
    }
    pub fn highlight(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            self.fg(self.highlight)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn overdue(&self) -> Style {
        self.fg(self.overdue).add_modifier(Modifier::BOLD)
    }
    pub fn blocked(&self) -> Style {
        self.fg(self.blocked)
    }
    pub fn in_progress(&self) -> Style {
        self.fg(self.in_progress)
    }
    pub fn done(&self) -> Style {
        self.fg(self.done)
    }
    pub fn warning(&self) -> Style {
        self.fg(self.warning).add_modifier(Modifier::BOLD)
    }
    pub fn bar(&self) -> Style {
        self.fg(self.bar)
    }
    pub fn decision(&self) -> Style {
        self.fg(self.decision).add_modifier(Modifier::ITALIC)
    }
}

/// The colour a terminal shows for `c`, as red, green, blue: exact for "#rrggbb"; for the
/// named and numbered colours, xterm's standard palette (a terminal may differ, which is why
/// the built-in themes name their colours exactly). None for "reset" (the terminal's own).
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let indexed = |n: u8| -> (u8, u8, u8) {
        match n {
            0..=15 => BASIC[n as usize],
            16..=231 => {
                let i = n - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                (level(i / 36), level(i / 6 % 6), level(i % 6))
            }
            _ => {
                let g = 8 + 10 * (n - 232);
                (g, g, g)
            }
        }
    };
    Some(match c {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(n) => indexed(n),
        Color::Black => BASIC[0],
        Color::Red => BASIC[1],
        Color::Green => BASIC[2],
        Color::Yellow => BASIC[3],
        Color::Blue => BASIC[4],
        Color::Magenta => BASIC[5],
        Color::Cyan => BASIC[6],
        Color::Gray => BASIC[7],
        Color::DarkGray => BASIC[8],
        Color::LightRed => BASIC[9],
        Color::LightGreen => BASIC[10],
        Color::LightYellow => BASIC[11],
        Color::LightBlue => BASIC[12],
        Color::LightMagenta => BASIC[13],
        Color::LightCyan => BASIC[14],
        Color::White => BASIC[15],
    })
}

/// WCAG 2.x relative luminance of an sRGB colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2.x contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

impl Theme {
    /// Every colour text is written in, with the colour it is written on: (slot, fg, bg).
    pub fn text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        let bg = self.background;
        vec![
            ("text", self.text, bg),
            ("muted", self.muted, bg),
            ("title", self.title, bg),
            ("tab_active", self.tab_active, bg),
            ("highlight", self.highlight, bg),
            ("overdue", self.overdue, bg),
            ("blocked", self.blocked, bg),
            ("in_progress", self.in_progress, bg),
            ("done", self.done, bg),
            ("warning", self.warning, bg),
            ("decision", self.decision, bg),
            ("border", self.border, bg),
            ("bar", self.bar, bg),
            ("selection_fg", self.selection_fg, self.selection_bg),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse() {
        for (name, _) in BUILTIN {
            assert!(Theme::builtin(name).is_some(), "{name}");
        }
        assert_ne!(Theme::builtin("light"), Theme::builtin("dark"));
        let mut dark = Theme::without_color();
        dark.no_color = false;
        dark.merge(BUILTIN[0].1, "dark.ron").unwrap();
        assert_eq!(Theme::default(), dark, "the default is the dark theme");
    }

    #[test]
    fn partial_override_and_bad_file() {
        let mut t = Theme::default();
        t.merge("(overdue: \"#ff0000\")", "theme.ron").unwrap();
        assert_eq!(t.overdue, Color::Rgb(255, 0, 0));
        assert_eq!(t.done, Theme::default().done);
        let before = t.clone();
        let err = t
            .merge("(\n  overdue: \"reddish\",\n)", "theme.ron")
            .unwrap_err();
        assert!(err.starts_with("theme.ron:2:"), "{err}");
        let err = t.merge("(overdeu: \"red\")", "theme.ron").unwrap_err();
        assert!(err.starts_with("theme.ron:1:"), "{err}");
        assert_eq!(t, before);
    }
}
