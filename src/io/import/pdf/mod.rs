//! PDF (`.pdf`): the text layer, page by page, via `pdf-extract` (font encodings, ToUnicode
//! maps) over `lopdf` (parsing, decryption check, the Info dictionary for title/author/date).
//!
//! A PDF without a text layer (a scan) is refused with a message saying it needs OCR; a
//! password-protected one and a damaged or truncated one get their own messages. `pdf-extract`
//! can panic on malformed content streams, so parsing and each page run under `catch_unwind` (with
//! the panic message kept quiet) and a panic becomes a "damaged" error instead of taking the app
//! down.

use super::{Extracted, ImportError, ImportOptions, ImportWarning, finish_text, meta};
use lopdf::{Document, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

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
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
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
    if !contains(&bytes[..bytes.len().min(1024)], b"%PDF-") {
        return Err(corrupt("no %PDF- header; this is not a PDF file".into()));
    }
    let loaded = guarded(|| Document::load_mem(bytes));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => {
            if contains(bytes, b"/Encrypt") {
                return Err(ImportError::PdfEncrypted {
                    path: path.to_owned(),
                });
            }
            return Err(corrupt(e.to_string()));
        }
        Err(m) => {
            return Err(corrupt(format!(
                "the parser failed on malformed data ({m})"
            )));
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ImportError::PdfEncrypted {
            path: path.to_owned(),
        });
    }
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if pages.is_empty() {
        return Err(corrupt(
            "no pages found (the page tree is missing or empty)".into(),
        ));
    }
    let mut texts = Vec::with_capacity(pages.len());
    let mut empty = Vec::new();
    for &(n, id) in &pages {
        if opts.cancelled() {
            return Err(ImportError::Cancelled {
                path: path.to_owned(),
            });
        }
        if !parents_end(&doc, id) {
            return Err(corrupt(format!(
                "page {n}: the page tree loops (a page or page node is its own ancestor)"
            )));
        }
        let page = page_text(&doc, n).map_err(|m| corrupt(format!("page {n}: {m}")))?;
        if page.trim().is_empty() {
            empty.push(n);
        } else {
            texts.push(tidy(&page));
        }
    }
    if texts.is_empty() {
        return Err(ImportError::PdfNoText {
            path: path.to_owned(),
            pages: pages.len(),
        });
    }
    let mut ex = Extracted {
        text: finish_text(texts.join("\n\n")),
        ..Default::default()
    };
    if !empty.is_empty() {
        ex.warnings
            .push(ImportWarning::PdfPagesWithoutText { pages: empty });
    }
    read_info(&mut doc, &mut ex);
    meta::fill_from_text(&mut ex);
    Ok(ex)
}

/// The longest `/Parent` chain accepted above a page; real page trees are a few levels deep.
const MAX_PAGE_DEPTH: usize = 256;

/// Whether the `/Parent` chain above the page `id` ends within [`MAX_PAGE_DEPTH`] steps without
/// coming back to a node. `pdf-extract` follows it without a limit to find inherited `Resources`
/// and `MediaBox`, so a loop there would hang the import (found by the `import_pdf` fuzz target).
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

fn page_text(doc: &Document, n: u32) -> Result<String, String> {
    let mut s = String::new();
    let r = guarded(|| {
        let mut out = pdf_extract::PlainTextOutput::new(&mut s);
        pdf_extract::output_doc_page(doc, &mut out, n)
    });
    match r {
        Ok(Ok(())) => Ok(s),
        Ok(Err(e)) => Err(e.to_string()),
        Err(m) => Err(format!(
            "the text extractor failed on malformed content ({m})"
        )),
    }
}

/// Trims the spaces the extractor leaves at line ends and collapses runs of blank lines.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = 0;
    for line in page.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line.trim_start());
    }
    out
}

/// Title, author and creation date from the Info dictionary, when they are filled in.
fn read_info(doc: &mut Document, ex: &mut Extracted) {
    let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    let Ok(dict) = doc.get_dictionary(info) else {
        return;
    };
    let get = |key: &[u8]| -> Option<String> {
        let bytes = dict.get(key).ok()?.as_str().ok()?;
        let s = decode_pdf_string(bytes);
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    ex.title = get(b"Title").filter(|t| !t.to_ascii_lowercase().starts_with("untitled"));
    ex.author = get(b"Author");
    ex.published = get(b"CreationDate").and_then(|d| meta::parse_machine_date(&d));
}

/// PDF text strings are UTF-16BE with a BOM, or PDFDocEncoding (Latin-1 for our purposes).
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
