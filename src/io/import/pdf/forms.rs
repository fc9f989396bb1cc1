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

/// A form value or note placed in the text: `range` of the page's text (with the added lines)
/// holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Where the value or note is, in bytes of the page text with the added lines.
    pub range: std::ops::Range<usize>,
    /// A form field's value (`true`) or a note.
    pub field: bool,
    /// The field's name; empty for a note.
    pub label: String,
}

impl PageExtras {
    /// Adds the lines for the page's fields and notes to `page_text` and says where each value
    /// is. A value already printed on the page (a field's appearance drawn into the content) is
    /// not repeated: its first occurrence there is marked instead.
    pub fn render(&self, page_text: &mut String) -> Vec<Placed> {
        let mut placed = Vec::new();
        let body_len = page_text.len();
        let items = self
            .fields
            .iter()
            .map(|(n, v)| (true, n.as_str(), v.as_str()))
            .chain(self.notes.iter().map(|n| (false, "", n.as_str())));
        for (field, label, value) in items {
            let start = match page_text[..body_len].find(value) {
                Some(at) => at,
                None => {
                    if !page_text.trim().is_empty() && !page_text.ends_with('\n') {
                        page_text.push('\n');
                    }
                    if field {
                        page_text.push_str(&format!("▤ {label}: "));
                    } else {
                        page_text.push_str("✎ ");
                    }
                    let at = page_text.len();
                    page_text.push_str(value);
                    page_text.push('\n');
                    at
                }
            };
            placed.push(Placed {
                range: start..start + value.len(),
                field,
                label: label.to_owned(),
            });
        }
        placed
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
