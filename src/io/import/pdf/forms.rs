//! Form-field values and text annotations of a page, which live outside the page's content
//! stream: a filled-in field's value (`/V` of a widget or of its parent field) and the
//! `/Contents` of comment-like annotations (sticky notes, free text). They are added after the
//! page's text, one per line, marked by a sign rather than a word (`▤ name: value` for a field,
//! `✎ text` for a note) so the marker neither reads as part of the document's prose nor is
//! counted as one of its words, while what was typed into a form or noted on a page becomes
//! searchable and quotable like the rest.

use super::info::decode_text_string;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// Filled-in fields and notes of one page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PageExtras {
    /// `(field name, value)` of each filled-in field whose widget is on the page.
    pub fields: Vec<(String, String)>,
    /// The text of each comment-like annotation on the page.
    pub notes: Vec<String>,
}

impl PageExtras {
    /// The lines added after the page's text: values already printed on the page (a field's
    /// appearance drawn into the content) are not repeated.
    pub fn render(&self, page_text: &str) -> String {
        let mut out = String::new();
        for (name, value) in &self.fields {
            if page_text.contains(value.as_str()) {
                continue;
            }
            out.push_str(&format!("▤ {name}: {value}\n"));
        }
        for note in &self.notes {
            if page_text.contains(note.as_str()) {
                continue;
            }
            out.push_str(&format!("✎ {note}\n"));
        }
        out
    }
}

/// The most levels of `/Parent` followed up from a widget to find the field's name and value.
const MAX_FIELD_DEPTH: usize = 16;

/// The filled-in fields and notes of the page `id`.
pub fn page_extras(doc: &Document, id: ObjectId) -> PageExtras {
    let mut out = PageExtras::default();
    let Ok(page) = doc.get_dictionary(id) else {
        return out;
    };
    let annots = match page.get(b"Annots") {
        Ok(Object::Reference(r)) => doc.get_object(*r).and_then(Object::as_array).ok(),
        Ok(Object::Array(a)) => Some(a),
        _ => None,
    };
    for a in annots.into_iter().flatten().take(10_000) {
        let dict = match a {
            Object::Reference(r) => doc.get_dictionary(*r).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        };
        let Some(dict) = dict else { continue };
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(&b""[..]);
        match subtype {
            b"Widget" => {
                if let Some(f) = field(doc, dict) {
                    out.fields.push(f);
                }
            }
            b"Text" | b"FreeText" | b"Highlight" | b"Underline" | b"StrikeOut" | b"Squiggly" => {
                if let Some(t) = string(doc, dict, b"Contents") {
                    out.notes.push(t);
                }
            }
            _ => {}
        }
    }
    out
}

/// `(name, value)` of the field a widget belongs to, when it has a text value.
fn field(doc: &Document, widget: &Dictionary) -> Option<(String, String)> {
    let mut name = None;
    let mut value = None;
    let mut cur = widget;
    for _ in 0..MAX_FIELD_DEPTH {
        if name.is_none() {
            name = string(doc, cur, b"TU").or_else(|| string(doc, cur, b"T"));
        }
        if value.is_none() {
            value = match cur.get(b"V") {
                Ok(Object::Name(n)) if n != b"Off" => Some(String::from_utf8_lossy(n).into_owned()),
                _ => string(doc, cur, b"V"),
            };
        }
        let Ok(Object::Reference(p)) = cur.get(b"Parent") else {
            break;
        };
        let Ok(parent) = doc.get_dictionary(*p) else {
            break;
        };
        cur = parent;
    }
    let value = value?;
    Some((name.unwrap_or_else(|| "without a name".into()), value))
}

/// A text-string entry of `dict`, resolved and decoded, with its white space collapsed.
fn string(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    let obj = match dict.get(key).ok()? {
        Object::Reference(r) => doc.get_object(*r).ok()?,
        o => o,
    };
    let s = decode_text_string(obj.as_str().ok()?);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}
