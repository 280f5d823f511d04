//! Fitting text to a width (terminal cells, not bytes or chars) and marking query matches.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

use crate::text::{fold_char, inert_cow};

/// Cut `s` to at most `width` terminal cells, ending with "…" when cut. Whatever in it could
/// act on the terminal (control characters, escape sequences, bidi overrides) is shown inert.
pub fn fit(s: &str, width: usize) -> String {
    let s = &*inert_cow(s);
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// As `fit`, but keeping the end of `s` ("…" first when cut): for a path, whose last part
/// says the most.
pub fn fit_tail(s: &str, width: usize) -> String {
    let s = &*inert_cow(s);
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        tail.push(c);
        used += w;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Which chars of `s` are inside a match of any folded needle.
pub fn match_mask(s: &str, needles: &[String]) -> Vec<bool> {
    let folded: Vec<char> = s.chars().map(fold_char).collect();
    let mut mask = vec![false; folded.len()];
    for n in needles {
        let n: Vec<char> = n.chars().collect();
        if n.is_empty() || n.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - n.len() {
            // Where the query matched: at the start of a word (`query::words`).
            let starts_word = start == 0 || !folded[start - 1].is_alphanumeric();
            if starts_word && folded[start..start + n.len()] == n[..] {
                for m in &mut mask[start..start + n.len()] {
                    *m = true;
                }
            }
        }
    }
    mask
}

/// Spans of `s` with the matches of `needles` in `hl` and the rest in `base`.
pub fn highlighted(s: &str, needles: &[String], base: Style, hl: Style) -> Vec<Span<'static>> {
    let s = &*inert_cow(s);
    if needles.is_empty() {
        return vec![Span::styled(s.to_string(), base)];
    }
    let mask = match_mask(s, needles);
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut cur_on = false;
    for (c, on) in s
        .chars()
        .zip(mask.iter().copied().chain(std::iter::repeat(false)))
    {
        if on != cur_on && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_on { hl } else { base },
            ));
        }
        cur_on = on;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_on { hl } else { base }));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_tail_keeps_the_end() {
        assert_eq!(fit_tail("/dữ liệu/2024-12-31", 40), "/dữ liệu/2024-12-31");
        assert_eq!(fit_tail("/dữ liệu/2024-12-31", 11), "…2024-12-31");
        assert_eq!(fit_tail("a\u{1b}[2Jb", 40), "a\\u{1b}[2Jb");
        assert_eq!(fit_tail("abc", 0), "");
    }

    #[test]
    fn fit_counts_cells() {
        assert_eq!(fit("Bình Định", 20), "Bình Định");
        assert_eq!(fit("Bình Định", 5), "Bình…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("x\u{1b}]0;T\u{7}", 40), "x\\u{1b}]0;T\\u{7}");
    }

    #[test]
    fn matches_line_up_with_diacritics() {
        let mask = match_mask("Tỉnh Bình Định", &["binh dinh".into()]);
        let marked: String = "Tỉnh Bình Định"
            .chars()
            .zip(mask)
            .filter(|(_, m)| *m)
            .map(|(c, _)| c)
            .collect();
        assert_eq!(marked, "Bình Định");
        // Not inside a word: "hue" is not marked in "thuế".
        let mask = match_mask("Thuế Huế", &["hue".into()]);
        assert_eq!(mask, [false, false, false, false, false, true, true, true]);
    }
}
