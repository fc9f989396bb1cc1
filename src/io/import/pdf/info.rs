//! A PDF's own metadata: the Info dictionary (values may be indirect references, strings in
//! PDFDocEncoding, UTF-16 or UTF-8) and, where it leaves gaps, the XMP packet of the catalog's
//! `/Metadata` stream (`dc:title`, `dc:creator`, `xmp:CreateDate`).

use super::super::{Extracted, meta};
use lopdf::{Document, Object};
use regex::Regex;
use std::sync::LazyLock;

/// A title longer than this is cut at a word boundary: a title is one line, not a paragraph.
pub const MAX_TITLE: usize = 160;

/// Fills title, author and published date of `ex` from the Info dictionary, then from XMP.
pub fn read(doc: &Document, ex: &mut Extracted) {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok());
    if let Some(dict) = info {
        let get = |key: &[u8]| -> Option<String> {
            let obj = resolve(doc, dict.get(key).ok()?)?;
            let s = decode_text_string(obj.as_str().ok()?);
            let s = one_line(&s);
            (!s.is_empty()).then_some(s)
        };
        ex.title = get(b"Title").filter(|t| !is_placeholder(t));
        ex.author = get(b"Author");
        ex.published = get(b"CreationDate").and_then(|d| meta::parse_machine_date(&d));
    }
    if (ex.title.is_none() || ex.author.is_none() || ex.published.is_none())
        && let Some(xmp) = xmp_packet(doc)
    {
        if ex.title.is_none() {
            ex.title = xmp_field(&xmp, "dc:title")
                .map(|t| one_line(&t))
                .filter(|t| !t.is_empty() && !is_placeholder(t));
        }
        if ex.author.is_none() {
            ex.author = xmp_field(&xmp, "dc:creator").map(|t| one_line(&t));
        }
        if ex.published.is_none() {
            ex.published =
                xmp_field(&xmp, "xmp:CreateDate").and_then(|d| meta::parse_machine_date(&d));
        }
    }
}

/// Titles that producers fill in on their own and that say nothing about the document.
fn is_placeholder(t: &str) -> bool {
    let l = t.to_lowercase();
    l.starts_with("untitled")
        || l == "microsoft word"
        || l.ends_with(".doc")
        || l.ends_with(".docx")
}

/// Follows references (a few levels: a chain longer than that is broken, not meaningful).
fn resolve<'a>(doc: &'a Document, mut obj: &'a Object) -> Option<&'a Object> {
    for _ in 0..8 {
        match obj {
            Object::Reference(id) => obj = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

/// A text string: UTF-16BE or UTF-16LE with a byte order mark, UTF-8 with one (PDF 2.0), else
/// PDFDocEncoding.
pub fn decode_text_string(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], be: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_char(b)).collect()
}

/// One byte of PDFDocEncoding: Latin-1 except 0x18–0x1F and 0x80–0xA0, which hold accents,
/// dashes, quotes, ligatures and the euro sign (ISO 32000-1, Annex D).
fn pdf_doc_char(b: u8) -> char {
    const HIGH: [char; 33] = [
        '\u{2022}', '\u{2020}', '\u{2021}', '\u{2026}', '\u{2014}', '\u{2013}', '\u{0192}',
        '\u{2044}', '\u{2039}', '\u{203A}', '\u{2212}', '\u{2030}', '\u{201E}', '\u{201C}',
        '\u{201D}', '\u{2018}', '\u{2019}', '\u{201A}', '\u{2122}', '\u{FB01}', '\u{FB02}',
        '\u{0141}', '\u{0152}', '\u{0160}', '\u{0178}', '\u{017D}', '\u{0131}', '\u{0142}',
        '\u{0153}', '\u{0161}', '\u{017E}', '\u{FFFD}', '\u{20AC}',
    ];
    const LOW: [char; 8] = [
        '\u{02D8}', '\u{02C7}', '\u{02C6}', '\u{02D9}', '\u{02DD}', '\u{02DB}', '\u{02DA}',
        '\u{02DC}',
    ];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0xA0 => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Makes a metadata value one line: control characters and line breaks become spaces, runs of
/// spaces collapse, ligatures are expanded, and a value over [`MAX_TITLE`] characters is cut at
/// a word boundary with an ellipsis.
pub fn one_line(s: &str) -> String {
    let (clean, _) = super::normalise::page(&s.replace(['\n', '\r'], " "));
    let words: Vec<&str> = clean.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + 1 + w.chars().count() > MAX_TITLE {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The decoded XMP packet of the catalog's `/Metadata` stream, if there is one.
fn xmp_packet(doc: &Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let stream = resolve(doc, catalog.get(b"Metadata").ok()?)?
        .as_stream()
        .ok()?;
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    if bytes.len() > super::MAX_STREAM_BYTES {
        return None;
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

static LI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<rdf:li[^>]*>(.*?)</rdf:li>").expect("static regex: rdf:li"));

/// The first value of an XMP property, as an element (`<dc:title><rdf:Alt><rdf:li>…`) or an
/// attribute (`xmp:CreateDate="…"`), with XML entities decoded.
fn xmp_field(xmp: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let raw = if let Some(at) = xmp.find(&open) {
        let rest = &xmp[at + open.len()..];
        let body_start = rest.find('>')? + 1;
        let close = format!("</{name}>");
        let body = &rest[body_start..];
        let body = &body[..body.find(&close)?];
        match LI.captures(body) {
            Some(c) => c[1].to_owned(),
            None => body.to_owned(),
        }
    } else {
        let attr = format!("{name}=\"");
        let at = xmp.find(&attr)? + attr.len();
        let end = xmp[at..].find('"')?;
        xmp[at..at + end].to_owned()
    };
    let v = raw
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_doc_encoding_dashes_and_quotes() {
        assert_eq!(
            decode_text_string(b"2024\x852025 \x84 \x8dyes\x8e \x83"),
            "2024–2025 — “yes” …"
        );
        assert_eq!(decode_text_string(b"\xfe\xff\x00A\x20\xac"), "A€");
        assert_eq!(decode_text_string(b"\xef\xbb\xbfna\xc3\xafve"), "naïve");
    }

    #[test]
    fn titles_are_one_short_line() {
        assert_eq!(
            one_line("Annual\r\nReport\u{7}  2025"),
            "Annual Report 2025"
        );
        let long = "word ".repeat(200);
        let t = one_line(&long);
        assert!(t.chars().count() <= MAX_TITLE + 1, "{}", t.len());
        assert!(t.ends_with('…'));
    }

    #[test]
    fn xmp_elements_and_attributes() {
        let x = r#"<x:xmpmeta><rdf:Description xmp:CreateDate="2024-05-01T10:00:00Z"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Chips &amp; Power</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Ada Lund</rdf:li></rdf:Seq></dc:creator></rdf:Description></x:xmpmeta>"#;
        assert_eq!(xmp_field(x, "dc:title").as_deref(), Some("Chips & Power"));
        assert_eq!(xmp_field(x, "dc:creator").as_deref(), Some("Ada Lund"));
        assert_eq!(
            xmp_field(x, "xmp:CreateDate").as_deref(),
            Some("2024-05-01T10:00:00Z")
        );
    }
}
