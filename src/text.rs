//! Text rules shared by the loader, the query language and the views:
//! NFC normalisation, removal of control characters, and diacritic folding for search.

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
            c if c.is_control() => {}
            // Bidirectional overrides and zero-width controls can reorder what the terminal shows.
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}' => {}
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

/// True when `clean` would change the text.
pub fn needs_cleaning(input: &str) -> bool {
    clean(input) != input
}

/// Fold one character for search: base letter without diacritics, `đ` → `d`, lower case.
/// One character in, one character out.
pub fn fold_char(c: char) -> char {
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
    input.chars().map(fold_char).collect()
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
