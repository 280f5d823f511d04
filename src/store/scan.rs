//! One quick pass over a file's text to tell whether any string in it could need cleaning
//! (`text::clean`: NFC, control characters, escape sequences, invisible characters). Most
//! files need none, and then the records parsed from them are used as they are; a file that
//! might is cleaned string by string (see `parse`). The test is conservative: it may send a
//! clean file the slow way, never a dirty one the fast way.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use crate::text::is_invisible;

/// For each character of the Basic Multilingual Plane: true when a text made of such
/// characters is left unchanged by `clean` (a visible starter that NFC never composes).
fn plain_table() -> &'static [bool] {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x1_0000)
            .map(|u| match char::from_u32(u) {
                Some(c) => {
                    !is_invisible(c)
                        && c != '\t'
                        && canonical_combining_class(c) == 0
                        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
                }
                None => false,
            })
            .collect()
    })
}

/// True when some string of this RON text might be changed by `clean`: a control character
/// other than a newline, an escape other than `\\`, `\"`, `\'` or `\n`, or a character that
/// is not a plain visible starter.
pub fn may_need_cleaning(text: &str) -> bool {
    let table = plain_table();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
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
        } else {
            let Some(c) = text[i..].chars().next() else {
                return true;
            };
            let u = c as usize;
            if u >= table.len() || !table[u] {
                return true;
            }
            i += c.len_utf8();
        }
    }
    false
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
