//! The cache's own encoding of serde values, written here (`dec` reads it back).
//!
//! Not self-describing, like bincode, but with every string's bytes apart from the rest: a
//! part is its *shape* (lengths, numbers, tags, each length and whole number as a LEB128
//! varint) and then its *text* (every string's bytes, one after another). So a reader checks
//! that the text is UTF-8 once, with a fast whole-block check, and then takes each string as
//! a slice of it (a slice that does not start and end on a character's boundary is refused),
//! instead of checking ten million short strings one by one; and it never copies a string but
//! into the record that keeps it.
//!
//! A part's bytes: the shape's length (varint), the shape, the text.

use serde::ser::{self, Serialize};

/// Why a value could not be encoded (a sequence of unknown length, or a type's own error).
#[derive(Debug)]
pub struct EncodeError(pub String);

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

impl ser::Error for EncodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        EncodeError(msg.to_string())
    }
}

/// A value encoded: the shape and the text, then joined into a part.
#[derive(Default)]
pub struct Encoder {
    shape: Vec<u8>,
    text: Vec<u8>,
}

/// Encode `v` as one part.
pub fn to_part<T: Serialize + ?Sized>(v: &T) -> Result<Vec<u8>, EncodeError> {
    let mut e = Encoder::default();
    v.serialize(&mut e)?;
    let mut out = Vec::with_capacity(e.shape.len() + e.text.len() + 10);
    put_varint(&mut out, e.shape.len() as u64);
    out.extend_from_slice(&e.shape);
    out.extend_from_slice(&e.text);
    Ok(out)
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl Encoder {
    fn uint(&mut self, v: u64) {
        put_varint(&mut self.shape, v);
    }
    fn int(&mut self, v: i64) {
        // Zigzag: small negative numbers stay short.
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }
    fn len(&mut self, len: Option<usize>) -> Result<(), EncodeError> {
        let n = len.ok_or_else(|| EncodeError("a sequence of unknown length".into()))?;
        self.uint(n as u64);
        Ok(())
    }
}

type R = Result<(), EncodeError>;

impl ser::Serializer for &mut Encoder {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn is_human_readable(&self) -> bool {
        false
    }
    fn serialize_bool(self, v: bool) -> R {
        self.shape.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.uint(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> R {
        self.shape.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> R {
        self.shape.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.uint(u64::from(u32::from(v)));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.uint(v.len() as u64);
        self.text.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        self.uint(v.len() as u64);
        self.shape.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.shape.push(0);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        self.shape.push(1);
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, i: u32, _: &'static str) -> R {
        self.uint(i.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        v: &T,
    ) -> R {
        self.uint(i.into());
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, EncodeError> {
        self.len(len)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, EncodeError> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, EncodeError> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, EncodeError> {
        self.uint(i.into());
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, EncodeError> {
        self.len(len)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, EncodeError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, EncodeError> {
        self.uint(i.into());
        Ok(self)
    }
}

/// Compound values: their elements one after another (their count, when there is one, was
/// written when they began).
macro_rules! elements {
    ($($tr:ident :: $m:ident),*) => {$(
        impl ser::$tr for &mut Encoder {
            type Ok = ();
            type Error = EncodeError;
            fn $m<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        }
    )*};
}
elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($tr:ident),*) => {$(
        impl ser::$tr for &mut Encoder {
            type Ok = ();
            type Error = EncodeError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for &mut Encoder {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}
