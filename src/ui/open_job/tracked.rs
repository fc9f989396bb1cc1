//! Parse progress for RON: a serde deserializer that wraps ron's and passes every call through
//! unchanged, noting how far into the text the parser has got.
//!
//! ron hands struct field names and strings without escapes to the visitor as slices of the
//! input (`visit_borrowed_str`); the slice's address minus the text's start is the parser's
//! position. Each wrapper only forwards, so values, errors and their positions are exactly those
//! of `ron::Options::default().from_str`; the cost is one comparison per field name.

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::cell::Cell;
use std::fmt;

/// Where the parser is in the text, and whom to tell.
pub struct Tracker<'a> {
    base: usize,
    len: usize,
    step: usize,
    next: Cell<usize>,
    report: &'a dyn Fn(usize, usize) -> bool,
}

impl<'a> Tracker<'a> {
    /// A tracker over `text` calling `report(done, total)` about every `step` bytes; the parse
    /// stops with an error when `report` returns `false` (a cancelled open).
    pub fn new(text: &str, step: usize, report: &'a dyn Fn(usize, usize) -> bool) -> Self {
        Self {
            base: text.as_ptr() as usize,
            len: text.len(),
            step: step.max(1),
            next: Cell::new(step.max(1)),
            report,
        }
    }

    /// Notes a slice of the input; `false`: stop.
    fn saw(&self, s: &str) -> bool {
        let at = (s.as_ptr() as usize).wrapping_sub(self.base);
        if at < self.len && at >= self.next.get() {
            self.next.set(at + self.step);
            return (self.report)(at, self.len);
        }
        true
    }
}

/// Parses `text` like `ron::Options::default().from_str`, reporting progress through `tracker`
/// (which must have been made over the same `text`).
pub fn from_str<'de, T: de::Deserialize<'de>>(
    text: &'de str,
    tracker: &Tracker<'_>,
) -> Result<T, ron::error::SpannedError> {
    let options = ron::Options::default();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)?;
    // Fields this build does not know are refused, not dropped (a save would lose them).
    let mut unknown: Option<String> = None;
    let value = serde_ignored::deserialize(
        Tracked {
            inner: &mut de,
            t: tracker,
        },
        |p| {
            unknown.get_or_insert_with(|| p.to_string());
        },
    );
    let value = value.map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    match unknown {
        Some(field) => Err(crate::io::load::unknown_field_error(text, &field)),
        None => Ok(value),
    }
}

/// A deserializer, visitor, seed or access wrapped so that nested values are tracked too.
struct Tracked<'t, 'a, X> {
    inner: X,
    t: &'t Tracker<'a>,
}

impl<'t, 'a, X> Tracked<'t, 'a, X> {
    fn wrap<Y>(&self, inner: Y) -> Tracked<'t, 'a, Y> {
        Tracked { inner, t: self.t }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let v = self.wrap(visitor);
            self.inner.$method($($arg,)* v)
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tracked<'_, '_, D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_i128(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char(); deserialize_str();
        deserialize_string(); deserialize_bytes(); deserialize_byte_buf(); deserialize_option();
        deserialize_unit(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str); deserialize_seq();
        deserialize_tuple(len: usize); deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Tracked<'_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64);
        visit_i128(i128); visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64);
        visit_u128(u128); visit_f32(f32); visit_f64(f64); visit_char(char); visit_str(&str);
        visit_string(String); visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        if !self.t.saw(v) {
            return Err(E::custom("cancelled"));
        }
        self.inner.visit_borrowed_str(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.visit_some(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.visit_newtype_struct(d)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
        let a = self.wrap(a);
        self.inner.visit_seq(a)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
        let a = self.wrap(a);
        self.inner.visit_map(a)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
        let a = self.wrap(a);
        self.inner.visit_enum(a)
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Tracked<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.deserialize(d)
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Tracked<'_, '_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let s = self.wrap(seed);
        self.inner.next_element_seed(s)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Tracked<'_, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let s = self.wrap(seed);
        self.inner.next_key_seed(s)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let s = self.wrap(seed);
        self.inner.next_value_seed(s)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'t, 'a, 'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Tracked<'t, 'a, A> {
    type Error = A::Error;
    type Variant = Tracked<'t, 'a, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let s = self.wrap(seed);
        let t = self.t;
        let (value, variant) = self.inner.variant_seed(s)?;
        Ok((value, Tracked { inner: variant, t }))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Tracked<'_, '_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        let s = self.wrap(seed);
        self.inner.newtype_variant_seed(s)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let v = self.wrap(visitor);
        self.inner.tuple_variant(len, v)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let v = self.wrap(visitor);
        self.inner.struct_variant(fields, v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workspace;

    #[test]
    fn tracked_parse_equals_plain_parse_and_reports_rising_positions() {
        let mut spec = crate::synth::SynthSpec::new(20, 2000);
        spec.text_bytes = 200_000;
        let ws = crate::synth::generate(&spec);
        let text = crate::io::to_ron_string(&ws).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        let report = |done, total| {
            seen.borrow_mut().push((done, total));
            true
        };
        let tracker = Tracker::new(&text, 16 * 1024, &report);
        let parsed: Workspace = from_str(&text, &tracker).unwrap();
        assert_eq!(parsed, ws);
        let seen = seen.into_inner();
        assert!(seen.len() > 10, "{} reports", seen.len());
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "positions rise");
        assert!(seen.iter().all(|&(d, t)| t == text.len() && d < t));
        let last = seen.last().unwrap().0;
        assert!(last > text.len() * 9 / 10, "{last} of {}", text.len());

        let calls = std::cell::Cell::new(0);
        let stop = |_, _| {
            calls.set(calls.get() + 1);
            calls.get() < 3
        };
        let tracker = Tracker::new(&text, 16 * 1024, &stop);
        let err = from_str::<Workspace>(&text, &tracker).unwrap_err();
        assert_eq!(calls.get(), 3, "the parse stops at the first `false`");
        assert!(err.to_string().contains("cancelled"), "{err}");
    }

    #[test]
    fn errors_keep_ron_positions() {
        for text in [
            "(\n    format: \"claimbench\",\n    version: 1,\n    title: 5,\n)",
            "(\n    format: \"claimbench\",\n    version: 1,\n    title: \"x\",\n    entities: [",
            "(format: \"claimbench\", version: 1, title: \"x\") trailing",
        ] {
            let report = |_, _| true;
            let tracker = Tracker::new(text, 1, &report);
            let ours = from_str::<Workspace>(text, &tracker).unwrap_err();
            let theirs = ron::Options::default()
                .from_str::<Workspace>(text)
                .unwrap_err();
            assert_eq!(ours, theirs);
        }
    }
}
