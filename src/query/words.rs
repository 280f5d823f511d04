//! Free words: how a word of a query finds a text, the one rule of the filter bar, the views
//! and the command line.
//!
//! Texts and words are folded (lower case, no diacritics, `đ` → `d`). A word matches where it
//! BEGINS a word of the text: "hue" finds "Huế" and "Thừa Thiên Huế" but not "thuế", "binh"
//! finds "Bình Định" and "Hoà Bình" but not "Bắc Ninh", and "dich" finds "dịch vụ" as soon as
//! it is typed ("di", "dic" already do). A word of the text begins at the start of the text or
//! after anything that is not a letter or a digit (a space, a line break, "-", "&", "(" …).
//! A quoted phrase follows the same rule, spaces included.
//!
//! On a record's short title (its first line), a word of `LOOSE_MIN` letters or more is also
//! forgiven what a hurried typist does: the spaces (and marks) between the words it covers may
//! be left out ("dichvu" finds "dịch vụ") and one letter may be missing ("trin khai" finds
//! "triển khai"). The word still has to begin a word of the title.
//!
//! Typing one more letter never finds more: what a word matches, the same word with a letter
//! added matches only a part of (within the same side of `LOOSE_MIN`). That is what lets the
//! console narrow the previous result instead of searching everything again.

use memchr::memmem::Finder;

/// From this many letters on, a word is also matched loosely on a record's title.
pub const LOOSE_MIN: usize = 4;

/// Longer words are matched as typed only: no typist runs 40 letters together, and a loose
/// match costs a pass per word of the title.
const LOOSE_MAX: usize = 40;

/// A folded word (or phrase) of a query, ready to be searched for.
#[derive(Clone, Debug)]
pub struct Word {
    text: String,
    finder: Finder<'static>,
    loose: bool,
}

impl Word {
    /// `folded` is already folded (the parser folds every word).
    pub fn new(folded: &str) -> Word {
        Word {
            text: folded.to_string(),
            finder: Finder::new(folded.as_bytes()).into_owned(),
            loose: is_loose(folded),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether this word is also matched loosely on titles.
    pub fn is_loose(&self) -> bool {
        self.loose
    }

    /// The word begins a word somewhere in the folded `text`.
    pub fn starts_a_word_in(&self, text: &str) -> bool {
        self.positions(text).next().is_some()
    }

    /// Where (byte offsets) the word begins a word of the folded `text`.
    pub fn positions<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.finder
            .find_iter(text.as_bytes())
            .filter(move |&p| starts_word(text, p))
    }

    /// The word matches a folded title: as typed, or loosely (spaces left out, one letter
    /// missing) when it is long enough.
    pub fn matches_title(&self, title: &str) -> bool {
        self.starts_a_word_in(title) || self.loosely_in_title(title)
    }

    /// The word is long enough to be matched loosely and matches the folded title so.
    pub fn loosely_in_title(&self, title: &str) -> bool {
        self.loose && loosely_in(title, &self.text)
    }
}

/// Whether a folded word is also matched loosely on titles: from `LOOSE_MIN` letters on,
/// not past `LOOSE_MAX`, and not a phrase.
pub fn is_loose(folded: &str) -> bool {
    let n = folded.chars().count();
    (LOOSE_MIN..=LOOSE_MAX).contains(&n) && !folded.contains(char::is_whitespace)
}

/// Whether byte offset `pos` of `text` begins a word: the start of the text, or after a char
/// that is neither a letter nor a digit.
pub fn starts_word(text: &str, pos: usize) -> bool {
    if pos == 0 {
        return true;
    }
    let bytes = text.as_bytes();
    match bytes.get(pos - 1) {
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..pos)
            .and_then(|s| s.chars().next_back())
            .is_some_and(|c| !c.is_alphanumeric()),
        None => false,
    }
}

/// `word` begins some word of `title` when the spaces and marks between the title's words may
/// be left out of it and one letter of the title may be missing from it.
fn loosely_in(title: &str, word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    title
        .char_indices()
        .filter(|&(i, c)| c == first && starts_word(title, i))
        .any(|(i, _)| aligns(&title[i..], word))
}

/// `word` is `text`'s beginning with separators left out and at most one letter dropped.
/// Taking each letter as early as it comes is never worse than waiting: the earliest fit leaves
/// the fewest letters skipped.
fn aligns(text: &str, word: &str) -> bool {
    let mut t = text.chars();
    let mut dropped = false;
    for c in word.chars() {
        loop {
            let Some(h) = t.next() else {
                return false;
            };
            if h == c {
                break;
            }
            if !h.is_alphanumeric() {
                continue;
            }
            if dropped {
                return false;
            }
            dropped = true;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn finds(word: &str, text: &str) -> bool {
        Word::new(&fold(word)).starts_a_word_in(&fold(text))
    }

    fn finds_title(word: &str, title: &str) -> bool {
        Word::new(&fold(word)).matches_title(&fold(title))
    }

    #[test]
    fn a_word_matches_where_a_word_of_the_text_begins() {
        assert!(finds("hue", "Sở TTTT Thừa Thiên Huế"));
        assert!(finds("Huế", "huế"));
        assert!(!finds("hue", "Kê khai thuế điện tử"));
        assert!(finds("binh", "Hoà Bình"));
        assert!(finds("binh", "Bình Định"));
        assert!(!finds("binh", "Bắc Ninh"));
        // After a mark, a dash or a line break.
        assert!(finds("tt", "Sở TT&TT"));
        assert!(finds("258", "bd-258"));
        assert!(finds("ke", "x\nkê khai"));
        assert!(finds("(ubnd", "theo (UBND tỉnh)"));
        // Inside a word of letters and digits: no.
        assert!(!finds("06", "Bộ Công an (C06)"));
        assert!(!finds("inh", "Bình"));
        // A phrase: the same rule, spaces included.
        assert!(finds("dịch vụ", "Cung cấp dịch vụ công"));
        assert!(!finds("ich vu", "Cung cấp dịch vụ công"));
    }

    #[test]
    fn typing_on_never_finds_more() {
        let text = fold("Thuế thu nhập · Huế · Hoà Bình");
        for word in [
            "h", "hu", "hue", "t", "th", "thu", "thue", "b", "bi", "binh",
        ] {
            let shorter = &word[..word.len() - 1];
            if Word::new(word).starts_a_word_in(&text) && !shorter.is_empty() {
                assert!(Word::new(shorter).starts_a_word_in(&text), "{word}");
            }
        }
    }

    #[test]
    fn titles_forgive_left_out_spaces_and_one_missing_letter() {
        assert!(finds_title("dichvu", "Cung cấp dịch vụ công trực tuyến"));
        assert!(finds_title("dichv", "Cung cấp dịch vụ công trực tuyến"));
        assert!(finds_title("binhdinh", "Tỉnh Bình Định"));
        assert!(finds_title("trin", "Triển khai"));
        // Letters picked across the title are not a word.
        assert!(!finds_title("binh", "Bắc Ninh"));
        assert!(!finds_title("dvcong", "dịch vụ công"));
        // Two letters missing is not a typo any more.
        assert!(!finds_title("tkhai", "triển khai"));
        // Short words are taken as typed: "hue" is not "h…ue".
        assert!(!finds_title("hue", "Hướng dẫn ue"));
        // Still at the start of a word.
        assert!(!finds_title("ichvu", "dịch vụ"));
    }

    #[test]
    fn a_long_word_is_matched_as_typed_only() {
        let long = "a".repeat(LOOSE_MAX + 1);
        assert!(!Word::new(&long).is_loose());
        assert!(Word::new("dich").is_loose());
        assert!(!Word::new("dic").is_loose());
        assert!(!Word::new("dich vu").is_loose());
    }
}
