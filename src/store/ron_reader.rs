//! A fast reader for the RON that factmark writes: structs as `(field: value, …)`, enum
//! variants as `Name` or `Name(field: value, …)`, `Some(…)`/`None`, lists, strings with
//! escapes, unsigned integers and booleans, with any white space and comments between them.
//! It reads a sidecar several times faster than the general `ron` parser by borrowing field
//! names and escape-free strings from the input.
//!
//! It is only a fast path: anything outside that subset (struct names, raw strings, floats,
//! tuples, maps, extensions…) is an error, and the caller then parses with `ron`, which also
//! gives the precise message for a broken file. Where both accept an input, both give the
//! same value (a property test checks it).

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer as _, MapAccess,
    SeqAccess, VariantAccess, Visitor,
};

/// Why the fast path gave up (the message is never shown: `ron` parses the file instead).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unsupported(String);

impl de::Error for Unsupported {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

fn fail<T>(what: &str) -> Result<T> {
    Err(Unsupported(what.to_owned()))
}

/// Reads a whole `T` from `source`, or says that the fast path does not apply.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Result<T> {
    let mut d = Reader {
        src: source.as_bytes(),
        text: source,
        pos: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut d)?;
    d.skip_ws()?;
    if d.pos != d.src.len() {
        return fail("trailing characters");
    }
    Ok(value)
}

/// How deeply values may nest (a sidecar nests a few levels).
const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Skips white space and `//` and `/* */` comments (which RON allows; block comments nest).
    fn skip_ws(&mut self) -> Result<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.pos += 1,
                Some(b'/') => match self.src.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos = memchr::memchr(b'\n', &self.src[self.pos..])
                            .map_or(self.src.len(), |i| self.pos + i + 1);
                    }
                    Some(b'*') => self.skip_block_comment()?,
                    _ => return fail("a stray /"),
                },
                _ => return Ok(()),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Result<()> {
        let mut level = 0usize;
        while self.pos + 1 < self.src.len() {
            match (self.src[self.pos], self.src[self.pos + 1]) {
                (b'/', b'*') => {
                    level += 1;
                    self.pos += 2;
                }
                (b'*', b'/') => {
                    level -= 1;
                    self.pos += 2;
                    if level == 0 {
                        return Ok(());
                    }
                }
                _ => self.pos += 1,
            }
        }
        fail("an unclosed comment")
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        self.skip_ws()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            fail("an unexpected character")
        }
    }

    /// Consumes `byte` if it comes next (after white space).
    fn eat(&mut self, byte: u8) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// An identifier: `[A-Za-z_][A-Za-z0-9_]*` (raw `r#` identifiers are left to `ron`).
    fn ident(&mut self) -> Result<&'a str> {
        self.skip_ws()?;
        let start = self.pos;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => self.pos += 1,
            _ => return fail("an identifier was expected"),
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            return fail("a raw identifier");
        }
        Ok(&self.text[start..self.pos])
    }

    /// A string: borrowed when it has no escapes.
    fn string(&mut self) -> Result<std::borrow::Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        let Some(end) = memchr::memchr2(b'"', b'\\', &self.src[self.pos..]) else {
            return fail("an unclosed string");
        };
        self.pos += end;
        if self.src[self.pos] == b'"' {
            self.pos += 1;
            return Ok(std::borrow::Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            let Some(end) = memchr::memchr2(b'"', b'\\', &self.src[self.pos..]) else {
                return fail("an unclosed string");
            };
            out.push_str(&self.text[self.pos..self.pos + end]);
            self.pos += end;
            if self.src[self.pos] == b'"' {
                self.pos += 1;
                return Ok(std::borrow::Cow::Owned(out));
            }
            self.pos += 1; // the backslash
            let Some(kind) = self.peek() else {
                return fail("an unclosed string");
            };
            self.pos += 1;
            // The escapes `ron` reads, but `\x`, which is left to it.
            let c = match kind {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => self.unicode_escape()?,
                _ => return fail("an escape the fast reader leaves to ron"),
            };
            out.push(c);
        }
    }

    /// The `{XXXX}` of `\u{XXXX}`, just after the `u`; leaves the position after the `}`.
    fn unicode_escape(&mut self) -> Result<char> {
        if self.peek() != Some(b'{') {
            return fail("a \\u escape without braces");
        }
        let Some(close) = memchr::memchr(b'}', &self.src[self.pos..]) else {
            return fail("an unclosed \\u escape");
        };
        let hex = &self.text[self.pos + 1..self.pos + close];
        if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return fail("a \\u escape of 1 to 6 hex digits was expected");
        }
        self.pos += close + 1;
        let code = u32::from_str_radix(hex, 16).map_err(|_| Unsupported("bad \\u".into()))?;
        char::from_u32(code).ok_or_else(|| Unsupported("bad \\u".into()))
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.skip_ws()?;
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == start || matches!(self.peek(), Some(b'.' | b'e' | b'E' | b'_')) {
            return fail("not an unsigned integer");
        }
        self.text[start..self.pos]
            .parse()
            .map_err(|_| Unsupported("integer out of range".into()))
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail("nested too deeply");
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Unsupported;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a value of unknown type")
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => fail("not a boolean"),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a float")
    }
    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a float")
    }
    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a char")
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            std::borrow::Cow::Owned(s) => visitor.visit_string(s),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("bytes")
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("bytes")
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.enter()?;
                let value = visitor.visit_some(&mut *self)?;
                self.leave();
                self.eat(b',')?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => fail("not an option"),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a unit")
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        fail("a unit struct")
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        // `ron` writes newtype structs as their inner value only with the `unwrap_newtypes`
        // extension; factmark's newtypes are `transparent` and never reach here.
        let _ = visitor;
        fail("a newtype struct")
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Items {
            r: &mut *self,
            first: true,
        })?;
        self.leave();
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        fail("a tuple")
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        fail("a tuple struct")
    }
    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("a map")
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_map(Fields {
            r: &mut *self,
            first: true,
        })?;
        self.leave();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(Variant { r: &mut *self })?;
        self.leave();
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        fail("an ignored value")
    }
}

/// The items of a list, comma-separated, with an optional trailing comma.
struct Items<'r, 'a> {
    r: &'r mut Reader<'a>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Unsupported;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        self.r.skip_ws()?;
        if !self.first && self.r.peek() != Some(b']') {
            self.r.expect(b',')?;
            self.r.skip_ws()?;
        } else if !self.first {
            return Ok(None);
        }
        if self.r.peek() == Some(b']') {
            return Ok(None);
        }
        self.first = false;
        seed.deserialize(&mut *self.r).map(Some)
    }
}

/// The fields of a struct, comma-separated, with an optional trailing comma.
struct Fields<'r, 'a> {
    r: &'r mut Reader<'a>,
    first: bool,
}

impl<'de> MapAccess<'de> for Fields<'_, 'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        self.r.skip_ws()?;
        if self.r.peek() == Some(b')') {
            return Ok(None);
        }
        if !self.first {
            self.r.expect(b',')?;
            self.r.skip_ws()?;
            if self.r.peek() == Some(b')') {
                return Ok(None);
            }
        }
        self.first = false;
        let name = self.r.ident()?;
        self.r.expect(b':')?;
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.r)
    }
}

/// An enum variant: `Name` or `Name(field: value, …)`.
struct Variant<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Unsupported;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let name = self.r.ident()?;
        let value = seed.deserialize(name.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Unsupported;

    fn unit_variant(self) -> Result<()> {
        self.r.skip_ws()?;
        if self.r.peek() == Some(b'(') {
            return fail("a unit variant with parentheses");
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.r.expect(b'(')?;
        let value = seed.deserialize(&mut *self.r)?;
        self.r.eat(b',')?;
        self.r.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        fail("a tuple variant")
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.r.expect(b'(')?;
        let value = visitor.visit_map(Fields {
            r: &mut *self.r,
            first: true,
        })?;
        self.r.expect(b')')?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::*;
    use crate::core::text::Text;
    use crate::store::sidecar::Sidecar;
    use chrono::{TimeZone as _, Utc};
    use proptest::prelude::*;

    fn sidecar(body: &str, note: &str, who: &str, ident: Option<String>, k: usize) -> Sidecar {
        let t = Text::from_str_normalized(body);
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let tag = match k % 4 {
            0 => Tag::Claim {
                verdict: Verdict::MostlyFalse,
                claimant: ident.clone(),
            },
            1 => Tag::Quote {
                speaker: ident.clone(),
            },
            2 => Tag::Date {
                value: DateValue::parse("2020-02").ok(),
            },
            _ => Tag::Entity {
                kind: EntityKind::Place,
                identifier: ident.clone(),
            },
        };
        let mut a = Annotation::new(&t, 0, t.char_count(), tag, who, now).unwrap();
        a.note = note.to_owned();
        if k >= 4 {
            a.review = Review {
                status: ReviewStatus::NeedsWork,
                by: ident.clone(),
                at: Some(now),
                comment: ident,
            };
        }
        let b = Annotation::new(&t, 0, 1, Tag::new(TagKind::Date), "x", now).unwrap();
        Sidecar::new("doc.txt", &t, vec![a, b])
    }

    #[test]
    fn reads_comments_escapes_and_white_space_like_ron() {
        let s = sidecar(
            "Quote \"this\" \\ here\ttab\u{7}\u{301}é😀\n",
            "a\nb\"c\\",
            "ana",
            None,
            5,
        );
        let encoded = s.encode().unwrap();
        assert!(encoded.contains("\\u{"), "{encoded}");
        assert_eq!(from_str::<Sidecar>(&encoded).unwrap(), s);
        let commented = encoded
            .replacen("(\n", "( // a comment\n /* a /* nested */ block */", 1)
            .replace(",\n", " ,\r\n\t");
        let by_ron: Sidecar = ron::from_str(&commented).unwrap();
        assert_eq!(from_str::<Sidecar>(&commented).unwrap(), by_ron);
        // Left to ron: struct names, raw strings, \x escapes.
        assert!(from_str::<Sidecar>(&encoded.replacen("(", "Sidecar(", 1)).is_err());
        assert!(
            from_str::<Sidecar>(&encoded.replace("author: \"ana\"", "author: r\"ana\"")).is_err()
        );
        assert!(
            from_str::<Sidecar>(&encoded.replace("author: \"ana\"", "author: \"\\x41\"")).is_err()
        );
    }

    proptest! {
        /// Whatever factmark writes, the fast reader reads back exactly.
        #[test]
        fn reads_what_factmark_writes(
            body in "\\PC{1,60}",
            note in "\\PC{0,40}",
            who in "\\PC{0,10}",
            ident in proptest::option::of("\\PC{0,10}"),
            k in 0usize..8,
        ) {
            let t = Text::from_str_normalized(&body);
            prop_assume!(t.char_count() >= 1);
            let s = sidecar(&body, &note, &who, ident, k);
            let encoded = s.encode().unwrap();
            prop_assert_eq!(from_str::<Sidecar>(&encoded).unwrap(), s);
        }

        /// On a damaged file, the fast reader either gives up or agrees with ron.
        #[test]
        fn never_disagrees_with_ron(
            body in "\\PC{1,30}",
            note in "[a-z\"\\\\ ]{0,10}",
            k in 0usize..8,
            at in 0usize..2000,
            cut in 0usize..4,
            insert in prop::sample::select(vec!["", ",", ")", "(", "\"", "\\", " ", "Some(", "None", "]", "//", "0", "_"]),
        ) {
            let t = Text::from_str_normalized(&body);
            prop_assume!(t.char_count() >= 1);
            let encoded = sidecar(&body, &note, "ana", Some("x".into()), k).encode().unwrap();
            let mut at = at.min(encoded.len());
            while !encoded.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(encoded.len());
            while !encoded.is_char_boundary(end) {
                end += 1;
            }
            let damaged = format!("{}{}{}", &encoded[..at], insert, &encoded[end..]);
            if let Ok(fast) = from_str::<Sidecar>(&damaged) {
                let slow: std::result::Result<Sidecar, _> = ron::from_str(&damaged);
                prop_assert_eq!(slow.ok(), Some(fast), "{}", damaged);
            }
        }
    }
}
