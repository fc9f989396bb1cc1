//! PDF (`.pdf`): the text layer, page by page, read by `pdf_oxide` (fonts, encodings, ToUnicode
//! and CID maps, reading order, spacing from glyph positions), with `lopdf` for the document's
//! structure: the Info dictionary and XMP metadata ([`info`]), form-field values and notes
//! ([`forms`]), the decryption check and the inflated-size limit ([`limits`]).
//!
//! Chosen by comparing the candidates on the same files against poppler's `pdftotext` (see the
//! commit that adopted it): `pdf_oxide` kept the most words and lost no page.
//!
//! Never silent: each page that yields no text or fails gets a note naming the page and why
//! (kept on the document and reported as a warning), and one bad page does not stop the others.
//! A PDF without any text (a scan) is refused with a message saying it needs OCR; one that needs
//! a password to open gets its own message (one protected only against editing, with an empty
//! user password, opens). The parsers can panic on malformed data, so each step runs under
//! `catch_unwind` (with the panic message kept quiet) and a panic becomes a reason, not a crash.

mod forms;
mod gaps;
pub mod info;
mod limits;
pub mod mapped;
pub mod normalise;

use super::{Extracted, ImportError, ImportOptions, ImportWarning, meta};
use crate::model::{ImportMarks, MarkedRegion, OriginalSpan, RegionKind, TextRange};
use lopdf::{Document, Object, ObjectId};
use mapped::{Edit, Mapped};
use pdf_oxide::document::PdfDocument;
use std::cell::Cell;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

pub use limits::{MAX_INFLATED_BYTES, MAX_STREAM_BYTES};

thread_local! {
    /// Set while this thread runs the PDF parser, whose panics are caught and reported as errors.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err(message)` without printing it. The panic hook installed
/// here stays silent only on a thread inside `guarded`; every other panic goes to the previous
/// hook as before.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".into())
    })
}

/// Reads the text layer of a PDF.
pub fn import(path: &Path, bytes: &[u8], opts: &ImportOptions) -> Result<Extracted, ImportError> {
    let corrupt = |message: String| ImportError::PdfCorrupt {
        path: path.to_owned(),
        message,
    };
    let encrypted = || ImportError::PdfEncrypted {
        path: path.to_owned(),
    };
    if !contains(&bytes[..bytes.len().min(1024)], b"%PDF-") {
        return Err(corrupt("no %PDF- header; this is not a PDF file".into()));
    }
    limits::check_inflated(bytes).map_err(corrupt)?;
    // By default the reader drops glyphs that it decodes to U+FFFD, losing them silently; kept,
    // they are counted and reported with the page (the flag is process-wide, set once).
    static KEEP_UNMAPPED: Once = Once::new();
    KEEP_UNMAPPED.call_once(|| {
        pdf_oxide::extractors::text::set_preserve_unmapped_glyphs(true);
    });
    // The structure, for metadata, forms, the page tree check and the size limit. A file lopdf
    // cannot read may still have readable text, so its failure is not final unless the text
    // reader fails too.
    let structure = match guarded(|| Document::load_mem(bytes)) {
        Ok(Ok(mut doc)) => {
            if doc.is_encrypted() && doc.decrypt("").is_err() {
                None
            } else {
                Some(doc)
            }
        }
        _ => None,
    };
    let reader = match guarded(|| PdfDocument::from_bytes(bytes.to_vec())) {
        Ok(Ok(r)) => r,
        Ok(Err(pdf_oxide::Error::EncryptedPdf)) => return Err(encrypted()),
        Ok(Err(e)) => return Err(corrupt(e.to_string())),
        Err(m) => {
            return Err(corrupt(format!(
                "the parser failed on malformed data ({m})"
            )));
        }
    };
    if reader.is_encrypted() {
        // An empty user password opens files that are only protected against editing.
        match guarded(|| reader.authenticate(b"")) {
            Ok(Ok(true)) => {}
            _ => return Err(encrypted()),
        }
    }
    let count = match guarded(|| reader.page_count()) {
        Ok(Ok(n)) => n,
        Ok(Err(e)) => return Err(corrupt(format!("cannot find the pages ({e})"))),
        Err(m) => return Err(corrupt(format!("cannot find the pages ({m})"))),
    };
    if count == 0 {
        return Err(corrupt(
            "no pages found (the page tree is missing or empty)".into(),
        ));
    }
    let page_ids: Vec<ObjectId> = structure
        .as_ref()
        .map(|d| d.get_pages().into_values().collect())
        .unwrap_or_default();
    if let Some(doc) = &structure {
        for (i, &id) in page_ids.iter().enumerate() {
            if !parents_end(doc, id) {
                return Err(corrupt(format!(
                    "page {}: the page tree loops (a page or page node is its own ancestor)",
                    i + 1
                )));
            }
        }
    }
    // Table detection is off: on a LibreOffice table it interleaved the characters of two
    // cells ("b€i2ll.i8on"), a garbled figure; plain reading order keeps each cell intact.
    let layout = pdf_oxide::converters::ConversionOptions {
        extract_tables: false,
        ..Default::default()
    };
    let mut texts = Vec::with_capacity(count);
    let mut notes = Vec::new();
    let mut unknown_pages = Vec::new();
    let mut unknown = 0;
    for i in 0..count {
        if opts.cancelled() {
            return Err(ImportError::Cancelled {
                path: path.to_owned(),
            });
        }
        let n = i + 1;
        let raw = match guarded(|| reader.extract_text_with_options(i, &layout)) {
            Ok(Ok(t)) => t,
            Ok(Err(e)) => {
                notes.push(format!("Page {n}: could not be read ({e})"));
                continue;
            }
            Err(m) => {
                notes.push(format!(
                    "Page {n}: could not be read (the text reader failed on malformed content: {m})"
                ));
                continue;
            }
        };
        let raw = match (&structure, page_ids.get(i)) {
            (Some(doc), Some(&id)) => fabricated_to_unknown(&reader, i, Some((doc, id)), raw),
            _ => fabricated_to_unknown(&reader, i, None, raw),
        };
        // Words run together by a producer that leaves no spaces: spaces from the glyphs' gaps.
        let raw = if gaps::looks_run_together(&raw) {
            Mapped::new(raw.as_str())
                .apply(gaps::space_edits(&reader, i, &raw))
                .text
        } else {
            raw
        };
        // Capitals' accents that TeX raised onto a line of their own go back on their letters.
        let raw = if gaps::has_lone_accents(&raw) {
            Mapped::new(raw.as_str())
                .apply(gaps::raised_accent_edits(&reader, i, &raw))
                .text
        } else {
            raw
        };
        let (m, changes) = normalise::page_mapped(&raw);
        let tidy = tidy_edits(&m.text);
        let mut m = m.apply(tidy);
        let mut placed = Vec::new();
        if let (Some(doc), Some(&id)) = (&structure, page_ids.get(i))
            && let Ok(extras) = guarded(|| forms::page_extras(doc, id))
        {
            placed = extras.render(&mut m.text);
            while m.text.ends_with('\n') {
                m.text.pop();
            }
        }
        if changes.unknown > 0 {
            unknown += changes.unknown;
            unknown_pages.push(n as u32);
        }
        if m.text.trim().is_empty() {
            notes.push(format!(
                "Page {n}: no text layer (only images or drawings, or blank); run OCR on it to read it"
            ));
        } else {
            texts.push((m, placed));
        }
    }
    if texts.is_empty() {
        if notes.iter().all(|n| n.contains("no text layer")) {
            return Err(ImportError::PdfNoText {
                path: path.to_owned(),
                pages: count,
            });
        }
        return Err(corrupt(format!(
            "no page could be read: {}",
            notes.join("; ")
        )));
    }
    let (text, marks) = assemble(texts);
    let mut ex = Extracted {
        text,
        marks,
        ..Default::default()
    };
    if !notes.is_empty() {
        ex.warnings.push(ImportWarning::PdfPagesNotRead { notes });
    }
    if unknown > 0 {
        ex.warnings.push(ImportWarning::PdfUnknownGlyphs {
            count: unknown,
            pages: unknown_pages,
        });
    }
    if let Some(doc) = &structure {
        let _ = guarded(|| info::read(doc, &mut ex));
    }
    meta::fill_from_text(&mut ex);
    ex.title = ex
        .title
        .map(|t| info::one_line(&t))
        .filter(|t| !t.is_empty());
    Ok(ex)
}

/// The page notes of an import's warnings, for the document's Details.
pub fn notes_of(warnings: &[ImportWarning]) -> Vec<String> {
    warnings
        .iter()
        .flat_map(|w| match w {
            ImportWarning::PdfPagesNotRead { notes } => notes.clone(),
            ImportWarning::PdfUnknownGlyphs { .. } => vec![w.to_string()],
            _ => Vec::new(),
        })
        .collect()
}

/// The longest `/Parent` chain accepted above a page; real page trees are a few levels deep.
const MAX_PAGE_DEPTH: usize = 256;

/// Whether the `/Parent` chain above the page `id` ends within [`MAX_PAGE_DEPTH`] steps without
/// coming back to a node: a loop there makes readers that look for inherited resources hang
/// (found by the `import_pdf` fuzz target).
fn parents_end(doc: &Document, id: ObjectId) -> bool {
    let mut seen = HashSet::new();
    let mut cur = id;
    while seen.insert(cur) {
        if seen.len() > MAX_PAGE_DEPTH {
            return false;
        }
        let parent = doc
            .get_dictionary(cur)
            .and_then(|d| d.get(b"Parent"))
            .and_then(Object::as_reference);
        match parent {
            Ok(p) => cur = p,
            Err(_) => return true,
        }
    }
    false
}

/// The edits that trim the white space the extractor leaves around lines and collapse runs
/// of blank lines into one (layout only: no original is kept for them).
fn tidy_edits(page: &str) -> Vec<Edit> {
    // The trimmed non-blank lines, with whether a blank line came before each.
    let mut kept: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    let mut at = 0;
    let mut blank = false;
    for line in page.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        kept.push((start + lead..start + lead + trimmed.len(), blank));
        blank = false;
    }
    let mut edits = Vec::new();
    let mut prev_end = 0;
    for (k, (r, blank_before)) in kept.iter().enumerate() {
        let sep = match (k, blank_before) {
            (0, _) => "",
            (_, true) => "\n\n",
            _ => "\n",
        };
        if page[prev_end..r.start] != *sep {
            edits.push(Edit::layout(prev_end..r.start, sep));
        }
        prev_end = r.end;
    }
    if prev_end < page.len() {
        edits.push(Edit::layout(prev_end..page.len(), ""));
    }
    edits
}

/// The document's text from its pages (a blank line between pages, one newline at the end) and
/// the marks for what normalisation changed and where form values and notes are.
fn assemble(pages: Vec<(Mapped, Vec<forms::Placed>)>) -> (String, ImportMarks) {
    let mut all = Mapped::default();
    let mut regions = Vec::new();
    for (m, placed) in pages {
        if !all.text.is_empty() {
            all.push_str("\n\n");
        }
        let base = all.text.len();
        regions.extend(placed.into_iter().map(|p| MarkedRegion {
            range: TextRange {
                start: base + p.range.start,
                end: base + p.range.end,
            },
            kind: if p.field {
                RegionKind::FormField
            } else {
                RegionKind::Note
            },
            label: p.label,
        }));
        all.push(m);
    }
    // Pages are tidied (no leading or trailing blank lines), so ending the text with one
    // newline moves no span.
    let end = all.text.trim_end().len();
    all.text.truncate(end);
    all.text.push('\n');
    let originals = all
        .originals
        .into_iter()
        .filter(|(r, _)| r.end <= end)
        .map(|(r, original)| OriginalSpan {
            range: TextRange {
                start: r.start,
                end: r.end,
            },
            original,
        })
        .collect();
    regions.sort_by_key(|r| (r.range.start, r.range.end));
    (
        all.text,
        ImportMarks {
            originals,
            regions,
            ..Default::default()
        },
    )
}

/// The page's text with every character that a font without any way to Unicode produced (no
/// ToUnicode map, no known character collection, no embedded program: the reader then echoes
/// glyph numbers as characters, so `Version 1.1` can read `Version †.†` or digits appear from
/// nowhere) replaced by U+FFFD, which the normaliser counts and the import reports.
///
/// The fonts are found from the page's resources here rather than from the reader's own
/// `provenance` of each span, which 0.3.78 looks up by the font's resource name after renaming
/// the span's font to its base name, so it is never set for such fonts.
fn fabricated_to_unknown(
    reader: &PdfDocument,
    index: usize,
    page: Option<(&Document, ObjectId)>,
    raw: String,
) -> String {
    let Some((doc, id)) = page else {
        return raw;
    };
    let echoing: HashSet<Vec<u8>> = doc
        .get_page_fonts(id)
        .map(|fonts| {
            fonts
                .values()
                .filter(|f| echoes_glyph_numbers(doc, f))
                .filter_map(|f| f.get(b"BaseFont").and_then(Object::as_name).ok())
                .map(<[u8]>::to_vec)
                .collect()
        })
        .unwrap_or_default();
    if echoing.is_empty() {
        return raw;
    }
    let Ok(Ok(spans)) = guarded(|| reader.extract_spans(index)) else {
        return raw;
    };
    let mut out = raw;
    let mut cursor = 0;
    for span in spans
        .iter()
        .filter(|s| echoing.contains(s.font_name.as_bytes()))
    {
        for word in span.text.split_whitespace() {
            let from = if out[cursor..].contains(word) {
                cursor
            } else {
                0
            };
            if let Some(at) = out[from..].find(word).map(|a| a + from) {
                let marks = "\u{FFFD}".repeat(word.chars().count());
                out.replace_range(at..at + word.len(), &marks);
                cursor = at + marks.len();
            }
        }
    }
    out
}

/// Whether a font gives its glyphs no way to characters: a composite (Type0) font without a
/// ToUnicode map whose character collection is Identity (or not given) and which embeds no
/// program that could name its glyphs.
fn echoes_glyph_numbers(doc: &Document, font: &lopdf::Dictionary) -> bool {
    let is_type0 = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(&b"Type0"[..]);
    if !is_type0 || font.has(b"ToUnicode") {
        return false;
    }
    let Some(descendant) = descendant(doc, font) else {
        return false;
    };
    let ordering = deref(doc, descendant.get(b"CIDSystemInfo").ok())
        .and_then(|i| i.as_dict().ok())
        .and_then(|i| deref(doc, i.get(b"Ordering").ok()))
        .and_then(|o| o.as_str().ok())
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    (ordering.is_empty() || ordering == b"Identity") && !has_program(doc, descendant)
}

/// `o`, with a reference resolved.
fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    match o? {
        Object::Reference(r) => doc.get_object(*r).ok(),
        o => Some(o),
    }
}

/// The first descendant font of a Type0 font.
fn descendant<'a>(doc: &'a Document, font: &'a lopdf::Dictionary) -> Option<&'a lopdf::Dictionary> {
    deref(doc, font.get(b"DescendantFonts").ok())
        .and_then(|a| a.as_array().ok())
        .and_then(|a| deref(doc, a.first()))
        .and_then(|d| d.as_dict().ok())
}

/// Whether a font's descriptor embeds its font program.
fn has_program(doc: &Document, font: &lopdf::Dictionary) -> bool {
    deref(doc, font.get(b"FontDescriptor").ok())
        .and_then(|d| d.as_dict().ok())
        .is_some_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k))
        })
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
