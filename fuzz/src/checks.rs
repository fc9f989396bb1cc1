//! Invariants the fuzz targets assert on whatever the library returns for arbitrary bytes.
//!
//! Shared by the fuzz crate (`fuzz/src/lib.rs`) and the regression tests of the main crate
//! (`tests/fuzz_regressions.rs`, via `#[path]`), so it depends on `claimbench` only. A failed
//! check panics, which libFuzzer reports as a crash.

use claimbench::extract::{Candidate, Gazetteer, extract, find_published};
use claimbench::io::import::{ImportOptions, add_to_workspace, boilerplate, import_bytes};
use claimbench::io::{LoadError, load_workspace_bytes, parse_workspace, to_ron_string};
use claimbench::model::{SourceDocument, Workspace};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The built-in gazetteer, built once per process.
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// A `file:line:col` position must lie inside `text` (or one past the end of a line).
fn check_position(text: &str, (line, col): (usize, usize), what: &dyn std::fmt::Display) {
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        line >= 1 && line <= lines.len(),
        "line {line} outside the {} lines of the input: {what}",
        lines.len()
    );
    let chars = lines[line - 1].chars().count();
    assert!(
        col >= 1 && col <= chars + 1,
        "column {col} outside line {line} ({chars} characters): {what}"
    );
}

/// Saves `ws` to RON, loads it back and checks both steps succeed and give the same workspace,
/// and that saving again writes the same text.
fn check_round_trip(ws: &Workspace) {
    let path = Path::new("fuzz-resaved.ron");
    let text = to_ron_string(ws).unwrap_or_else(|e| panic!("a valid workspace must save: {e}"));
    let again = parse_workspace(&text, path).unwrap_or_else(|e| {
        panic!("a saved workspace must load again: {e}\n--- saved ---\n{text}")
    });
    assert!(
        again == *ws,
        "re-loaded workspace differs\n--- saved ---\n{text}"
    );
    let text2 = to_ron_string(&again).unwrap_or_else(|e| panic!("re-save failed: {e}"));
    assert_eq!(text, text2, "saving is not a fixed point");
}

/// Workspace loader: no panic; an error names the file and a position inside it; a workspace that
/// loads is valid, and re-saves and re-loads equal.
pub fn check_load(data: &[u8]) {
    let path = Path::new("fuzz.ron");
    match load_workspace_bytes(data, path) {
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("fuzz.ron:"),
                "message does not name the file: {msg}"
            );
            let text = match &e {
                LoadError::NotUtf8 { byte, .. } => {
                    assert!(*byte < data.len(), "bad byte {byte} past the end: {msg}");
                    String::from_utf8_lossy(&data[..*byte]).into_owned()
                }
                _ => String::from_utf8_lossy(data).into_owned(),
            };
            if let Some(pos) = e.position() {
                check_position(&text, pos, &msg);
            }
        }
        Ok(ws) => {
            let problems = ws.validate();
            assert!(problems.is_empty(), "loaded but invalid: {problems:?}");
            check_round_trip(&ws);
            check_line_ends(data, &ws);
        }
    }
}

/// A workspace checked out with CRLF line ends (git's autocrlf) or saved with a byte-order mark
/// loads as the same workspace.
fn check_line_ends(data: &[u8], ws: &Workspace) {
    if data.contains(&b'\r') || data.starts_with(b"\xEF\xBB\xBF") || data.len() > 1 << 20 {
        return;
    }
    let path = Path::new("fuzz.ron");
    let mut crlf = b"\xEF\xBB\xBF".to_vec();
    for &b in data {
        if b == b'\n' {
            crlf.push(b'\r');
        }
        crlf.push(b);
    }
    match load_workspace_bytes(&crlf, path) {
        Ok(again) => assert!(again == *ws, "the CRLF + BOM copy loads differently"),
        Err(e) => panic!("the CRLF + BOM copy of a loadable workspace fails: {e}"),
    }
}

/// Checks an imported document: readable text ending in one newline, a title, the right hash,
/// excluded ranges and the spans marked at import inside the text on character boundaries.
fn check_document(doc: &SourceDocument) {
    let text = &doc.text;
    assert!(!text.trim().is_empty(), "imported an empty text");
    assert!(
        text.ends_with('\n') && !text[..text.len() - 1].ends_with(char::is_whitespace),
        "text does not end in exactly one newline: {:?}",
        &text[text.floor_char_boundary(text.len().saturating_sub(40))..]
    );
    assert!(!doc.title.trim().is_empty(), "empty title");
    assert_eq!(doc.sha256, SourceDocument::hash_text(text), "wrong sha256");
    for r in &doc.excluded {
        assert!(
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end),
            "excluded range {}..{} does not fit the text ({} bytes)",
            r.start,
            r.end,
            text.len()
        );
    }
    // What the import marked (normalised spans, form values, notes) fits the text too, and the
    // normalised spans are in order without overlapping.
    for r in doc.import_marks.ranges() {
        assert!(
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end),
            "marked span {}..{} does not fit the text ({} bytes)",
            r.start,
            r.end,
            text.len()
        );
    }
    for w in doc.import_marks.originals.windows(2) {
        assert!(
            w[0].range.end <= w[1].range.start,
            "normalised spans overlap: {:?}",
            (w[0].range, w[1].range)
        );
    }
}

/// Importer: `data` as a file with extension `ext`. No panic; an error names the file; an imported
/// document passes [`check_document`], can be added to an empty workspace, which is then valid,
/// and survives a save and re-load unchanged.
pub fn check_import(ext: &str, data: &[u8]) {
    let path = PathBuf::from(format!("fuzz.{ext}"));
    let opts = ImportOptions {
        imported_at: Some("2025-12-17T09:30:00Z".into()),
        ..Default::default()
    };
    match import_bytes(&path, data, &opts) {
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("fuzz.{ext}:")),
                "message does not name the file: {msg}"
            );
        }
        Ok(imported) => {
            check_document(&imported.document);
            let mut ws = Workspace::new("fuzz");
            add_to_workspace(&mut ws, imported)
                .unwrap_or_else(|e| panic!("cannot add to an empty workspace: {e}"));
            let problems = ws.validate();
            assert!(
                problems.is_empty(),
                "imported document is invalid: {problems:?}"
            );
            check_round_trip(&ws);
        }
    }
}

/// Checks one extraction candidate against the text it came from.
fn check_candidate(text: &str, c: &Candidate) {
    assert!(
        c.start <= c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end),
        "quote span {}..{} does not fit the text ({} bytes)",
        c.start,
        c.end,
        text.len()
    );
    assert_eq!(
        c.quote,
        text[c.start..c.end],
        "quote is not the text of its span"
    );
    assert!(
        c.start <= c.figure_start
            // A relation without a figure ("runs on Azure") has an empty figure span.
            && (c.figure_start < c.figure_end || (c.relation_only && c.figure_start == c.figure_end))
            && c.figure_end <= c.end
            && text.is_char_boundary(c.figure_start)
            && text.is_char_boundary(c.figure_end),
        "figure span {}..{} is not inside the quote {}..{}",
        c.figure_start,
        c.figure_end,
        c.start,
        c.end
    );
    assert_eq!(
        c.figure_text,
        text[c.figure_start..c.figure_end],
        "figure text is not the text of its span"
    );
    if let Err(e) = c.figure.validate() {
        panic!("invalid figure {:?} for {:?}: {e}", c.figure, c.figure_text);
    }
    assert!(
        (0.0..=1.0).contains(&c.confidence),
        "confidence {} outside 0..=1",
        c.confidence
    );
}

/// Extractor: `data` (lossily decoded) with its published date and boilerplate ranges as the
/// importer would find them. No panic; every candidate passes [`check_candidate`], none starts its
/// figure in an excluded range, and candidates come in text order.
pub fn check_extract(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let published = find_published(&text);
    let excluded = boilerplate::detect(&text);
    let candidates = extract(&text, published, &excluded, &GAZETTEER);
    for c in &candidates {
        check_candidate(&text, c);
        assert!(
            !excluded
                .iter()
                .any(|r| r.start <= c.figure_start && c.figure_start < r.end),
            "candidate {:?} starts in an excluded range",
            c.figure_text
        );
    }
    assert!(
        candidates
            .windows(2)
            .all(|w| w[0].figure_start <= w[1].figure_start),
        "candidates out of text order"
    );
}
