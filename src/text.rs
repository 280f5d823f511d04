//! Text rules shared by the loader, the query language and the views:
//! NFC normalisation, removal of control characters (`clean`, for data), the one function that
//! makes a file's text inert for messages and the screen (`inert`, `excerpt`), and diacritic
//! folding for search.

use unicode_normalization::UnicodeNormalization;

/// Normalise to NFC and drop every control character and terminal escape sequence.
/// Newlines and tabs become spaces in single-line context elsewhere; here `\n` is kept
/// because long texts are wrapped by paragraph.
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.nfc().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_escape(chars: &mut std::iter::Peekable<impl Iterator<Item = char>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            // OSC / DCS / SOS / PM / APC: up to BEL or ST (ESC \).
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

fn skip_csi_body(chars: &mut std::iter::Peekable<impl Iterator<Item = char>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Characters that must never reach a terminal as they are: C0 and C1 controls and DEL
/// (escape sequences start with them), bidirectional overrides and isolates (they reorder what
/// is shown), zero-width and invisible format characters, line and paragraph separators,
/// variation selectors (a terminal and the console disagree on the width of an emoji with
/// one), and Unicode tag characters.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
            | '\u{e0100}'..='\u{e01ef}')
}

/// Text that came from a file, made inert for a message: every character of `is_invisible`
/// is shown as its code (`\u{1b}`), so that an escape sequence or a bidi override is seen for
/// what it is and does nothing to the terminal. Everything else is kept as it is.
pub fn inert(input: &str) -> String {
    inert_cow(input).into_owned()
}

/// `inert`, without copying text that needs nothing.
pub fn inert_cow(input: &str) -> std::borrow::Cow<'_, str> {
    if !input.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 16);
    for c in input.chars() {
        if is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `inert` line by line: the line breaks of a message of several lines are kept.
pub fn inert_lines(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for (i, line) in input.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&inert_cow(line));
    }
    out
}

/// How many characters of a file's text an error message quotes.
pub const EXCERPT_CHARS: usize = 60;

/// A short, inert quotation of a file's text for a message: at most `max` characters (a
/// 200 MB token is not echoed whole), with how long it really is when it was cut.
pub fn excerpt(input: &str, max: usize) -> String {
    let (cut, shown) = match input.char_indices().nth(max) {
        Some((at, _)) => (true, &input[..at]),
        None => (false, input),
    };
    let mut out = inert(shown);
    if cut {
        let total = input.chars().count();
        out.push_str(&format!("… ({total} characters in all)"));
    }
    out
}

/// True when `clean` would change the text.
pub fn needs_cleaning(input: &str) -> bool {
    clean(input) != input
}

/// Fold one character for search: base letter without diacritics, `đ` → `d`, lower case.
/// One character in, one character out.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    fold_in(fold_table(), c)
}

/// Latin, its extensions and Vietnamese (U+1EA0–U+1EF9), folded once into a table.
fn fold_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..FOLD_TABLE)
            .map(|u| char::from_u32(u).map(fold_char_slow).unwrap_or('\u{fffd}'))
            .collect()
    })
}

fn fold_in(table: &[char], c: char) -> char {
    match table.get(c as usize) {
        Some(&f) => f,
        None => fold_char_slow(c),
    }
}

/// Characters below this are folded from a table.
const FOLD_TABLE: u32 = 0x2000;

fn fold_char_slow(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'd',
        'ð' | 'Ð' => 'd',
        _ => {
            let base = if c.is_ascii() {
                c
            } else {
                std::iter::once(c).nfd().next().unwrap_or(c)
            };
            base.to_lowercase().next().unwrap_or(base)
        }
    }
}

/// Fold a whole string. The result has exactly as many chars as the NFC form of `input`,
/// so char positions found in the folded text map back onto the displayed text.
pub fn fold(input: &str) -> String {
    input.nfc().map(fold_char).collect()
}

/// Fold a string that is already NFC (as everything in a loaded snapshot is).
pub fn fold_nfc(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    fold_nfc_into(&mut out, input);
    out
}

/// `fold_nfc`, appended to `out` (one string for many parts: no allocation per part). Runs of
/// ASCII are lower-cased as they are; other characters go through the table.
pub fn fold_nfc_into(out: &mut String, input: &str) {
    let table = fold_table();
    let mut rest = input;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        if ascii > 0 {
            let (run, tail) = rest.split_at(ascii);
            let from = out.len();
            out.push_str(run);
            if let Some(added) = out.get_mut(from..) {
                added.make_ascii_lowercase();
            }
            rest = tail;
            continue;
        }
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            if c.is_ascii() {
                break;
            }
            out.push(fold_in(table, c));
            rest = chars.as_str();
        }
    }
}

/// Turn a name into a stable ASCII id: "Bình Định" → "binh-dinh".
pub fn slug(input: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold(input).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Remove simple HTML markup kept from the source tables (`<p>`, `<b>`, `<li>` …) and the
/// Markdown bold marks of the text conversion (`**Kính đề nghị**`) for display. Paragraph and
/// list boundaries become line breaks.
pub fn strip_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            Some(end) => {
                let tag = after[1..end].trim().to_ascii_lowercase();
                let name = tag.trim_start_matches('/');
                let name = name.split_whitespace().next().unwrap_or("");
                if matches!(name, "p" | "li" | "br" | "ul" | "ol" | "div" | "tr")
                    && !out.ends_with('\n')
                    && !out.is_empty()
                {
                    out.push('\n');
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("**", "");
    let lines: Vec<String> = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// One line for a table cell: HTML stripped, line breaks as spaces.
pub fn one_line(input: &str) -> String {
    strip_html(input).replace('\n', " ")
}

/// Levenshtein distance on chars, for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to `wanted`, compared folded, if it is close enough to suggest.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // A suggestion for a word of thousands of characters would cost more than it helps.
    if wanted.len() > 200 {
        return None;
    }
    let w = fold(wanted);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&w, &fold(c));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (w.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_case() {
        assert_eq!(fold("Bình Định"), "binh dinh");
        assert_eq!(fold("Thừa thiên - Huế"), "thua thien - hue");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
        assert_eq!(fold("Khánh Hoà"), fold("Khánh Hòa"));
    }

    #[test]
    fn folding_into_a_string_is_folding_char_by_char() {
        let mut out = String::from("x\n");
        for s in [
            "",
            "Sở TT&TT",
            "ĐỒNG THÁP 2024",
            "a·b — “Huế” ǅ ẞ Ω",
            "ascii only",
        ] {
            fold_nfc_into(&mut out, s);
            out.push('\n');
        }
        let expected: String = [
            "x",
            "",
            "Sở TT&TT",
            "ĐỒNG THÁP 2024",
            "a·b — “Huế” ǅ ẞ Ω",
            "ascii only",
        ]
        .iter()
        .map(|s| s.chars().map(fold_char).collect::<String>() + "\n")
        .collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        for s in ["Bình Định", "Thừa Thiên Huế", "Quảng Ngãi", "Sở TT&TT"] {
            assert_eq!(fold(s).chars().count(), s.nfc().count(), "{s}");
        }
        // Decomposed input folds the same as precomposed.
        let decomposed: String = "Bình Định".nfd().collect();
        assert_eq!(fold(&decomposed), "binh dinh");
    }

    #[test]
    fn cleaning_strips_escapes_and_controls_and_normalises() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("tab\there\r\n"), "tab here\n");
        assert_eq!(clean("bell\u{7}\u{0}"), "bell");
        assert_eq!(clean("\u{202e}abc"), "abc");
        let decomposed: String = "Huế".nfd().collect();
        assert_eq!(clean(&decomposed), "Huế");
        assert!(needs_cleaning("a\u{1b}b"));
        assert!(!needs_cleaning("Bình Định"));
    }

    #[test]
    fn cleaning_strips_variation_selectors_and_invisible_marks() {
        assert_eq!(clean("\u{2601}\u{fe0f} mây"), "\u{2601} mây");
        assert_eq!(clean("a\u{2028}b\u{2067}c\u{e0041}"), "abc");
    }

    #[test]
    fn inert_shows_controls_and_bidi_as_codes() {
        let hostile = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGVsbG8=\u{7}";
        let shown = inert(hostile);
        assert_eq!(shown, "\\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;aGVsbG8=\\u{7}");
        assert!(!shown.chars().any(is_invisible));
        assert_eq!(inert("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(inert("a\u{9b}31m"), "a\\u{9b}31m");
        assert_eq!(inert("Bình Định"), "Bình Định");
        assert_eq!(inert_lines("a\u{1b}\nb\r"), "a\\u{1b}\nb\\u{d}");
    }

    #[test]
    fn excerpts_are_short_and_say_how_long_the_text_was() {
        let token = "x".repeat(1_000_000);
        let e = excerpt(&token, EXCERPT_CHARS);
        assert!(e.starts_with(&"x".repeat(EXCERPT_CHARS)), "{e}");
        assert!(e.ends_with("… (1000000 characters in all)"), "{e}");
        assert!(e.len() < 120);
        assert_eq!(excerpt("ngắn", 60), "ngắn");
        assert_eq!(excerpt("\u{1b}[2J", 60), "\\u{1b}[2J");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Bình Định"), "binh-dinh");
        assert_eq!(slug("Bà Rịa – Vũng Tàu"), "ba-ria-vung-tau");
        assert_eq!(slug("Thừa Thiên Huế"), "thua-thien-hue");
    }

    #[test]
    fn html_is_stripped_for_display() {
        assert_eq!(strip_html("<p><b>A</b> b</p> <p>c</p>"), "A b\nc");
        assert_eq!(
            strip_html("**Kính đề nghị** Cục C06"),
            "Kính đề nghị Cục C06"
        );
        assert_eq!(one_line("<li>- x</li><li>- y</li>"), "- x - y");
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("binh-dnh", ["binh-dinh", "ha-noi"]),
            Some("binh-dinh")
        );
        assert_eq!(did_you_mean("zzzzzz", ["binh-dinh", "ha-noi"]), None);
    }
}
