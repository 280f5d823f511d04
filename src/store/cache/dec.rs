//! Reading back what `enc` wrote. The input is hostile as far as this reader knows (a cache
//! file can be damaged in any way its checksums miss, or forged): every length is checked
//! against what is left, a number that does not fit its type is an error, and nothing here
//! panics or allocates more than the input could fill. The text is checked to be UTF-8 once,
//! as a whole; each string is then a slice of it that must start and end on a character's
//! boundary, so every string handed on is valid UTF-8 without being checked again.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::Deserialize;

/// Why a part could not be decoded: it is not one this program wrote.
#[derive(Debug)]
pub struct DecodeError(String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }
}

fn bad(what: &str) -> DecodeError {
    DecodeError(what.to_string())
}

type R<T> = Result<T, DecodeError>;

/// Decode a part written by `enc::to_part`; all of it must be used.
pub fn from_part<'de, T: Deserialize<'de>>(part: &'de [u8]) -> R<T> {
    from_part_seed(part, std::marker::PhantomData::<T>)
}

/// The first fields of a part written by `enc::to_part`, as `T` has them (a struct whose
/// fields are the first of the part's, in the same order); the rest is not read.
pub fn from_part_start<'de, T: Deserialize<'de>>(part: &'de [u8]) -> R<T> {
    let mut d = decoder(part)?;
    T::deserialize(&mut d)
}

/// As `from_part`, with a seed (one that decodes into a place made for it).
pub fn from_part_seed<'de, S: DeserializeSeed<'de>>(part: &'de [u8], seed: S) -> R<S::Value> {
    let mut d = decoder(part)?;
    let v = seed.deserialize(&mut d)?;
    if !d.shape.is_empty() || !d.text.is_empty() {
        return Err(bad("bytes left over"));
    }
    Ok(v)
}

/// A reader of a part: its shape and its text, the text checked to be UTF-8.
fn decoder(part: &[u8]) -> R<Decoder<'_>> {
    let mut head = Decoder {
        shape: part,
        text: "",
    };
    let shape_len = usize::try_from(head.varint()?).map_err(|_| bad("shape length"))?;
    let rest = head.shape;
    if shape_len > rest.len() {
        return Err(bad("shape longer than the part"));
    }
    let (shape, text) = rest.split_at(shape_len);
    let text = simdutf8::basic::from_utf8(text).map_err(|_| bad("text not UTF-8"))?;
    Ok(Decoder { shape, text })
}

pub struct Decoder<'de> {
    shape: &'de [u8],
    text: &'de str,
}

impl<'de> Decoder<'de> {
    fn byte(&mut self) -> R<u8> {
        let (&b, rest) = self.shape.split_first().ok_or_else(|| bad("cut short"))?;
        self.shape = rest;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> R<&'de [u8]> {
        if n > self.shape.len() {
            return Err(bad("cut short"));
        }
        let (a, b) = self.shape.split_at(n);
        self.shape = b;
        Ok(a)
    }
    fn varint(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            // The tenth byte may hold only the top bit of 64.
            if shift == 63 && bits > 1 {
                return Err(bad("number too large"));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("number too long"))
    }
    fn int(&mut self) -> R<i64> {
        let u = self.varint()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    /// A count of elements: each takes at least one byte of the shape (no cached type has
    /// elements of size zero), so a count larger than what is left is refused before any room
    /// is made for it.
    fn count(&mut self) -> R<usize> {
        let n = self.varint()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.shape.len())
            .ok_or_else(|| bad("count larger than the part"))
    }
    fn fixed<const N: usize>(&mut self) -> R<[u8; N]> {
        self.take(N)?.try_into().map_err(|_| bad("cut short"))
    }
}

macro_rules! uint {
    ($($m:ident $t:ty => $v:ident),*) => {$(
        fn $m<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
            let n = <$t>::try_from(self.varint()?).map_err(|_| bad("number out of range"))?;
            visitor.$v(n)
        }
    )*};
}

macro_rules! sint {
    ($($m:ident $t:ty => $v:ident),*) => {$(
        fn $m<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
            let n = <$t>::try_from(self.int()?).map_err(|_| bad("number out of range"))?;
            visitor.$v(n)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Decoder<'de> {
    type Error = DecodeError;

    fn is_human_readable(&self) -> bool {
        false
    }
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> R<V::Value> {
        Err(bad("the cache's encoding does not describe itself"))
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> R<V::Value> {
        Err(bad("the cache's encoding does not describe itself"))
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, _: V) -> R<V::Value> {
        Err(bad("the cache's encoding has no names"))
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self.byte()? {
            0 => visitor.visit_bool(false),
            1 => visitor.visit_bool(true),
            _ => Err(bad("not a boolean")),
        }
    }
    uint!(deserialize_u8 u8 => visit_u8, deserialize_u16 u16 => visit_u16,
        deserialize_u32 u32 => visit_u32, deserialize_u64 u64 => visit_u64);
    sint!(deserialize_i8 i8 => visit_i8, deserialize_i16 i16 => visit_i16,
        deserialize_i32 i32 => visit_i32, deserialize_i64 i64 => visit_i64);
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_f32(f32::from_le_bytes(self.fixed()?))
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_f64(f64::from_le_bytes(self.fixed()?))
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let c = u32::try_from(self.varint()?)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| bad("not a character"))?;
        visitor.visit_char(c)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let n = usize::try_from(self.varint()?).map_err(|_| bad("string length"))?;
        // `get` refuses a slice past the end or not on a character's boundary.
        let s = self
            .text
            .get(..n)
            .ok_or_else(|| bad("string not in the text"))?;
        self.text = self.text.get(n..).unwrap_or_default();
        visitor.visit_borrowed_str(s)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let n = usize::try_from(self.varint()?).map_err(|_| bad("bytes length"))?;
        visitor.visit_borrowed_bytes(self.take(n)?)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        self.deserialize_bytes(visitor)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self.byte()? {
            0 => visitor.visit_none(),
            1 => visitor.visit_some(self),
            _ => Err(bad("not an option")),
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> R<V::Value> {
        v.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> R<V::Value> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let left = self.count()?;
        visitor.visit_seq(Access { de: self, left })
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, left: usize, visitor: V) -> R<V::Value> {
        visitor.visit_seq(Access { de: self, left })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        left: usize,
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_seq(Access { de: self, left })
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let left = self.count()?;
        visitor.visit_map(Access { de: self, left })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_seq(Access {
            de: self,
            left: fields.len(),
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_enum(self)
    }
}

/// The elements of a sequence, tuple, struct or map, `left` of them still to come.
struct Access<'a, 'de> {
    de: &'a mut Decoder<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Access<'_, 'de> {
    type Error = DecodeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> R<Option<T::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Access<'_, 'de> {
    type Error = DecodeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> R<Option<K::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> R<V::Value> {
        seed.deserialize(&mut *self.de)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Decoder<'de> {
    type Error = DecodeError;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> R<(V::Value, Self)> {
        let i = u32::try_from(self.varint()?).map_err(|_| bad("variant out of range"))?;
        let v = seed.deserialize(IntoDeserializer::<DecodeError>::into_deserializer(i))?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Decoder<'de> {
    type Error = DecodeError;
    fn unit_variant(self) -> R<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> R<T::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, left: usize, visitor: V) -> R<V::Value> {
        visitor.visit_seq(Access { de: self, left })
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_seq(Access {
            de: self,
            left: fields.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::store::cache::enc::to_part;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Empty,
        One(String),
        Pair(u8, i64),
        Named { a: Option<f64>, b: Vec<char> },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        words: Vec<String>,
        shapes: Vec<Shape>,
        by_id: HashMap<String, usize>,
        small: i32,
        flag: bool,
        #[serde(skip)]
        skipped: String,
    }

    fn sample() -> Sample {
        Sample {
            words: vec!["".into(), "Thừa Thiên - Huế".into(), "a\u{1b}b".into()],
            shapes: vec![
                Shape::Empty,
                Shape::One("Sở TT&TT".into()),
                Shape::Pair(255, -3),
                Shape::Named {
                    a: Some(99.51),
                    b: vec!['ệ', 'x'],
                },
                Shape::Named { a: None, b: vec![] },
            ],
            by_id: HashMap::from([("t1".into(), 0), ("t-2".into(), usize::MAX)]),
            small: i32::MIN,
            flag: true,
            skipped: String::new(),
        }
    }

    #[test]
    fn values_come_back_as_they_went() {
        let part = to_part(&sample()).unwrap();
        assert_eq!(from_part::<Sample>(&part).unwrap(), sample());
    }

    /// Every cut and every flipped byte of a part is refused or decodes to some value: never a
    /// panic, never a string that is not UTF-8 (the type system sees to the rest).
    #[test]
    fn a_damaged_part_is_refused_without_panicking() {
        let part = to_part(&sample()).unwrap();
        for cut in 0..part.len() {
            assert!(from_part::<Sample>(&part[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..part.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut p = part.clone();
                p[at] ^= flip;
                let _ = from_part::<Sample>(&p);
            }
        }
        let mut longer = part.clone();
        longer.push(0);
        assert!(from_part::<Sample>(&longer).is_err(), "a byte left over");
    }

    /// The first fields of a part read alone (what a reopen needs before the rest); a part cut
    /// short is still refused.
    #[test]
    fn the_first_fields_of_a_part_read_alone() {
        #[derive(Deserialize)]
        struct Start {
            words: Vec<String>,
            shapes: Vec<Shape>,
        }
        let part = to_part(&sample()).unwrap();
        let start: Start = from_part_start(&part).unwrap();
        assert_eq!(start.words, sample().words);
        assert_eq!(start.shapes, sample().shapes);
        assert!(from_part_start::<Start>(&part[..part.len() / 2]).is_err());
    }

    #[test]
    fn a_string_cut_inside_a_character_is_refused() {
        // One string "ệ" (3 bytes) claimed as two strings of 1 and 2 bytes.
        let mut part = Vec::new();
        crate::store::cache::enc::put_varint(&mut part, 3);
        part.extend_from_slice(&[2, 1, 2]);
        part.extend_from_slice("ệ".as_bytes());
        assert!(from_part::<Vec<String>>(&part).is_err());
        let whole = to_part(&vec!["ệ".to_string()]).unwrap();
        assert_eq!(from_part::<Vec<String>>(&whole).unwrap(), vec!["ệ"]);
    }

    #[test]
    fn a_count_larger_than_the_part_is_refused_before_room_is_made() {
        let mut part = Vec::new();
        crate::store::cache::enc::put_varint(&mut part, 10);
        crate::store::cache::enc::put_varint(&mut part, u64::MAX);
        assert!(from_part::<Vec<u8>>(&part).is_err());
    }
}
