//! The folded search texts of one kind of record, kept in one block.
//!
//! A million records' texts as a million `String`s cost an allocation each: the allocator's
//! own bytes and rounding on every one (about 40 MB at 200k tasks), 24 bytes of `String` where
//! an offset needs 8, and a cache that encodes and decodes them one by one. Here every text of
//! a kind is written one after another into one block, made once at about its final size, and
//! each record's text is the stretch between its end and the previous one's.

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeTuple, Serializer};

/// The texts of the records of one kind, in record order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Texts {
    block: String,
    /// Where each record's text ends in `block`: it starts where the previous one ends. Every
    /// end is on a character's boundary, none is before the previous one, the last is the
    /// block's length.
    ends: Vec<usize>,
}

impl Texts {
    /// Room for `records` texts of `bytes` bytes in all (more is still taken, at the cost of
    /// growing the block).
    pub fn with_capacity(records: usize, bytes: usize) -> Texts {
        Texts {
            block: String::with_capacity(bytes),
            ends: Vec::with_capacity(records),
        }
    }

    /// Add the next record's text, as `write` appends it to the block (it must only append:
    /// a text cut into would read as empty, never as another's).
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.block.len();
        write(&mut self.block);
        debug_assert!(self.block.len() >= start, "a search text only appends");
        self.ends.push(self.block.len());
    }

    /// Add the next record's text.
    pub fn push(&mut self, text: &str) {
        self.push_with(|b| b.push_str(text));
    }

    /// Give back the room not used.
    pub fn shrink_to_fit(&mut self) {
        self.block.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// How many records have a text.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text of record `i` (`None` past the last).
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(0),
        };
        self.block.get(start..end)
    }

    /// Every record's text, in record order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.get(i).unwrap_or(""))
    }

    /// The bytes of every text together.
    pub fn bytes(&self) -> usize {
        self.block.len()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Texts {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Texts {
        let mut t = Texts::default();
        for s in iter {
            t.push(s.as_ref());
        }
        t.shrink_to_fit();
        t
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Written as each text's length, then the block as one string (the cache's encoding keeps
/// it as one piece: one copy to read it back, its UTF-8 checked with the rest of its part).
impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut start = 0;
        let lengths: Vec<u64> = self
            .ends
            .iter()
            .map(|&e| {
                let n = e.saturating_sub(start);
                start = e;
                n as u64
            })
            .collect();
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&lengths)?;
        t.serialize_element(self.block.as_str())?;
        t.end()
    }
}

/// Read back whole or refused: the lengths must add up to the block's, each text must end
/// on a character's boundary.
impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        d.deserialize_tuple(2, TextsVisitor)
    }
}

struct TextsVisitor;

impl<'de> Visitor<'de> for TextsVisitor {
    type Value = Texts;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the lengths of the texts, then the texts")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
        let missing = || de::Error::custom("texts cut short");
        let lengths: Vec<u64> = seq.next_element()?.ok_or_else(missing)?;
        let block: String = seq.next_element()?.ok_or_else(missing)?;
        let mut ends = Vec::with_capacity(lengths.len());
        let mut end: usize = 0;
        for n in lengths {
            end = usize::try_from(n)
                .ok()
                .and_then(|n| end.checked_add(n))
                .filter(|&e| block.is_char_boundary(e))
                .ok_or_else(|| de::Error::custom("a text outside the block"))?;
            ends.push(end);
        }
        if end != block.len() {
            return Err(de::Error::custom("texts that do not fill the block"));
        }
        Ok(Texts { block, ends })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_record_gets_back_its_own_text() {
        let mut t = Texts::with_capacity(2, 4);
        t.push("thừa thiên huế");
        t.push_with(|b| b.push_str(""));
        t.push_with(|b| {
            b.push_str("so tttt");
            b.push('\n');
        });
        assert_eq!(t.len(), 3);
        assert_eq!(t.get(0), Some("thừa thiên huế"));
        assert_eq!(t.get(1), Some(""));
        assert_eq!(t.get(2), Some("so tttt\n"));
        assert_eq!(t.get(3), None);
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["thừa thiên huế", "", "so tttt\n"]
        );
        assert_eq!(format!("{t:?}"), r#"["thừa thiên huế", "", "so tttt\n"]"#);
    }
}
