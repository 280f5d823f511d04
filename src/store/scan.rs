//! One quick pass over a file's text to tell whether any string in it could need cleaning
//! (`text::clean`: NFC, control characters, escape sequences, invisible characters). Most
//! files need none, and then the records parsed from them are used as they are; a file that
//! might is cleaned string by string (see `parse`). The test is conservative: it may send a
//! clean file the slow way, never a dirty one the fast way.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use crate::text::is_invisible;

/// For each character of the Basic Multilingual Plane, one bit: set when a text made of such
/// characters is left unchanged by `clean` (a visible starter that NFC never composes).
fn plain_table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits = vec![0u64; 0x1_0000 / 64];
        for u in 0u32..0x1_0000 {
            let plain = char::from_u32(u).is_some_and(|c| {
                !is_invisible(c)
                    && c != '\t'
                    && canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            });
            if plain {
                bits[u as usize / 64] |= 1 << (u % 64);
            }
        }
        bits
    })
}

/// True when some string of this RON text might be changed by `clean`: a control character
/// other than a newline, an escape other than `\\`, `\"`, `\'` or `\n`, or a character that
/// is not a plain visible starter.
pub fn may_need_cleaning(text: &str) -> bool {
    let table = plain_table();
    let b = text.as_bytes();
    let cont = |i: usize| b.get(i).map_or(0, |x| u32::from(x & 0x3f));
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time: the plain ASCII ones before the first that is not (in
        // Vietnamese text, a letter with a diacritic every few bytes) are skipped at once.
        if let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            let plain = plain_ascii_bytes(w);
            if plain > 0 {
                i += plain;
                continue;
            }
        }
        let x = b[i];
        let u = if x < 0x80 {
            if (x < 0x20 && x != b'\n') || x == 0x7f {
                return true;
            }
            if x == b'\\' {
                match b.get(i + 1) {
                    Some(b'\\' | b'"' | b'\'' | b'n') => {
                        i += 2;
                        continue;
                    }
                    _ => return true,
                }
            }
            i += 1;
            continue;
        } else if x < 0xe0 {
            // Two bytes (the text is UTF-8: a lead byte, then continuation bytes).
            let u = (u32::from(x & 0x1f) << 6) | cont(i + 1);
            i += 2;
            u
        } else if x < 0xf0 {
            let u = (u32::from(x & 0x0f) << 12) | (cont(i + 1) << 6) | cont(i + 2);
            i += 3;
            u
        } else {
            // Beyond the Basic Multilingual Plane: never plain.
            return true;
        };
        if table[u as usize / 64] & (1 << (u % 64)) == 0 {
            return true;
        }
    }
    false
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` below `n` (at most 0x80). Exact up to the first such byte;
/// a byte after it may be flagged wrongly (a borrow), which only the first one found is used.
fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH
}

/// How many of the eight bytes of `w` (first in memory first) are ASCII that needs no
/// cleaning and holds no escape, before the first that is not: a control character (a newline
/// is looked at on its own), DEL, a backslash, or a byte of a longer character.
fn plain_ascii_bytes(w: u64) -> usize {
    let odd = (w & HIGH)
        | below(w, 0x20)
        | below(w ^ (ONES * 0x7f), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1);
    (odd.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn vietnamese_text_is_plain() {
        let t = "(title: \"Sở Thông tin và Truyền thông tỉnh Bình Định — “Đề án 06” (đạt 99,5%)\\n\\\"x\\\"\")\n";
        assert!(!may_need_cleaning(t));
    }

    #[test]
    fn every_character_is_decoded_as_itself() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let plain = c == '\n'
                || ((c as u32) < 0x1_0000
                    && c >= ' '
                    && c != '\\'
                    && c != '\u{7f}'
                    && !is_invisible(c)
                    && canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes);
            assert_eq!(
                may_need_cleaning(&format!("a{c}b")),
                !plain,
                "{:X}",
                c as u32
            );
        }
    }

    #[test]
    fn ascii_is_judged_the_same_eight_bytes_at_a_time() {
        for c in 0u8..0x80 {
            let plain = (c >= b' ' && c != 0x7f && c != b'\\') || c == b'\n';
            for at in 0..17 {
                let t = format!("{}{}{}", "x".repeat(at), c as char, "y".repeat(17));
                assert_eq!(may_need_cleaning(&t), !plain, "{c:#x} at {at}");
            }
        }
        assert!(!may_need_cleaning(&"đ \\\" \\n ab".repeat(9)));
    }

    #[test]
    fn every_character_is_judged_the_same_anywhere_in_a_word_of_eight() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let alone = may_need_cleaning(&format!("a{c}b"));
            for at in [0, 3, 7, 8, 13] {
                let t = format!("{}{c}{}", "x".repeat(at), "y".repeat(17));
                assert_eq!(may_need_cleaning(&t), alone, "{:X} at {at}", c as u32);
            }
        }
    }

    #[test]
    fn anything_clean_would_change_is_caught() {
        let decomposed: String = "Huế".nfd().collect();
        for t in [
            "a\u{1b}[31mb",
            "tab\there",
            "crlf\r\n",
            "x\u{202e}y",
            "zero\u{200b}width",
            "bom\u{feff}",
            "vs\u{fe0f}",
            "c1\u{9b}",
            "esc \\u{1b}",
            "esc \\x1b",
            "tab \\t",
            decomposed.as_str(),
            "tag \u{e0041}",
        ] {
            assert!(may_need_cleaning(t), "{t:?}");
        }
        // Whatever the scan lets through, clean leaves alone.
        for t in ["plain", "Bình Định", "«x» — y…", "a\\\\tb"] {
            assert!(!may_need_cleaning(t), "{t:?}");
            assert_eq!(crate::text::clean(t), t);
        }
    }
}
