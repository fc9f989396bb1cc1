//! Importing source documents (`.txt`, `.md`, `.html`/`.htm`, `.pdf`) into a workspace.
//!
//! One entry point, [`import_file`], serves the CLI, the File › Import menu and drag-and-drop: it
//! checks the path (directory, size limit before reading), detects the format, turns the file into
//! readable text with metadata (title, outlet, author, URL, published date), marks trailing
//! boilerplate (ads, comment sections, footers) as excluded ranges, and returns a
//! [`SourceDocument`] plus warnings. It never touches a workspace; [`add_to_workspace`] does that
//! and refuses content that is already there. [`import_files`] runs a batch with progress and
//! cancellation, for use off the UI thread.

mod article;
pub mod batch;
pub mod boilerplate;
pub mod error;
pub mod html;
mod html_author;
mod html_meta;
mod html_walk;
pub mod markdown;
pub mod meta;
pub mod pdf;
pub mod plan;
pub mod sniff;
pub mod text;
pub mod url;
pub mod workspace;

pub use batch::{BatchOutcome, import_files};
pub use error::{ImportError, ImportWarning};
pub use plan::{ImportPlan, NewVersionPolicy, Placement, plan_import};
pub use url::import_url;
pub use workspace::{
    AlreadyPresent, Placed, add_to_workspace, find_same_article, find_same_content,
    place_in_workspace,
};

use crate::model::{DocId, FuzzyDate, ImportMarks, SourceDocument, TextRange};
use sniff::Format;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The default largest file accepted: 50 MB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Files larger than this many bytes are refused before they are read.
    pub max_bytes: u64,
    /// Whether trailing ads, comment sections and footers are marked as excluded ranges.
    pub detect_boilerplate: bool,
    /// The import time to record (RFC 3339 UTC); `None` uses the current time.
    pub imported_at: Option<String>,
    /// Set to `true` from another thread to stop a batch or a long PDF between files or pages.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            detect_boilerplate: true,
            imported_at: None,
            cancel: None,
        }
    }
}

impl ImportOptions {
    /// Whether the cancel flag is set.
    pub fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// A file turned into a document, not yet part of any workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The file it came from.
    pub path: PathBuf,
    /// The format it was read as.
    pub format: Format,
    /// The document; its `id` is empty until [`add_to_workspace`] assigns one.
    pub document: SourceDocument,
    /// Things the user should check.
    pub warnings: Vec<ImportWarning>,
    /// Where each metadata field came from (`("author", "JSON-LD author")`).
    pub sources: Vec<(&'static str, &'static str)>,
}

/// What a format reader hands back before the common steps (hash, boilerplate, time).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// Readable text.
    pub text: String,
    /// Headline, if found.
    pub title: Option<String>,
    /// Publisher, if found.
    pub outlet: Option<String>,
    /// Byline, if found.
    pub author: Option<String>,
    /// Canonical address, if found.
    pub url: Option<String>,
    /// Publication date, if found.
    pub published: Option<FuzzyDate>,
    /// Ranges of `text` the reader already knows are not the article (a web page's menus,
    /// teaser lists, footers), sorted and disjoint.
    pub excluded: Vec<TextRange>,
    /// Where each metadata field came from (`("author", "JSON-LD author")`), for web pages.
    pub sources: Vec<(&'static str, &'static str)>,
    /// Warnings so far.
    pub warnings: Vec<ImportWarning>,
    /// What normalisation changed and where form values and notes are (PDF).
    pub marks: ImportMarks,
}

/// Imports one file: the single function behind the CLI, the menu and drag-and-drop.
pub fn import_file(path: &Path, opts: &ImportOptions) -> Result<Imported, ImportError> {
    if opts.cancelled() {
        return Err(ImportError::Cancelled {
            path: path.to_owned(),
        });
    }
    let bytes = read_limited(path, opts.max_bytes)?;
    import_bytes(path, &bytes, opts)
}

/// Imports a file's bytes already in memory; `path` gives the format (by extension) and names
/// the file in messages.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let format = sniff::detect(path, bytes)?;
    import_as(path, format, bytes, opts)
}

/// Imports bytes already known to be in `format` (a web page's media type decided it).
pub fn import_as(
    path: &Path,
    format: Format,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let mut ex = match format {
        Format::Text => text::import(path, bytes)?,
        Format::Markdown => markdown::import(path, bytes)?,
        Format::Html => html::import(path, bytes)?,
        Format::Pdf => pdf::import(path, bytes, opts)?,
    };
    if ex.text.trim().is_empty() {
        return Err(ImportError::NoText {
            path: path.to_owned(),
            why: "only markup or white space".into(),
        });
    }
    let title = match ex.title.take().filter(|t| !t.trim().is_empty()) {
        Some(t) => t,
        None => {
            let t = meta::fallback_title(path, &ex.text);
            ex.warnings
                .push(ImportWarning::TitleGuessed { title: t.clone() });
            t
        }
    };
    let excluded: Vec<TextRange> = if opts.detect_boilerplate {
        union(
            std::mem::take(&mut ex.excluded),
            boilerplate::detect(&ex.text),
        )
    } else {
        Vec::new()
    };
    let imported_at = opts.imported_at.clone().unwrap_or_else(now_rfc3339);
    let import_notes = pdf::notes_of(&ex.warnings);
    // No date in the metadata: a dateline, byline or URL path may still give it.
    let published = match ex.published {
        Some(d) => Some(d),
        None => {
            let found = crate::extract::find_published_in(&ex.text, ex.url.as_deref());
            if found.is_some() {
                ex.sources.push(("published", "dateline or URL path"));
            }
            found
        }
    };
    let mut marks = std::mem::take(&mut ex.marks);
    marks.field_sources = field_sources(&ex.sources);
    let document = SourceDocument {
        id: DocId::new(""),
        title,
        outlet: ex.outlet.unwrap_or_default(),
        author: ex.author,
        url: ex.url,
        published,
        imported_at: Some(imported_at),
        sha256: SourceDocument::hash_text(&ex.text),
        cites: Vec::new(),
        text: ex.text,
        excluded,
        rejected: Vec::new(),
        import_notes,
        import_marks: marks,
    };
    Ok(Imported {
        path: path.to_owned(),
        format,
        document,
        warnings: ex.warnings,
        sources: ex.sources,
    })
}

/// The model's record of where each field came from; the first source named for a field wins
/// (a reader notes a field once, a later fill-in only when the field was empty).
pub fn field_sources(sources: &[(&'static str, &'static str)]) -> Vec<crate::model::FieldSource> {
    let mut out: Vec<crate::model::FieldSource> = Vec::new();
    for (field, from) in sources {
        if !out.iter().any(|s| s.field == *field) {
            out.push(crate::model::FieldSource {
                field: (*field).to_owned(),
                from: (*from).to_owned(),
            });
        }
    }
    out
}

impl Imported {
    /// Records that `field` was filled in from `from` after the page was read (a feed entry's
    /// date or author), both in [`Imported::sources`] and in the document.
    pub fn note_source(&mut self, field: &'static str, from: &'static str) {
        self.sources.push((field, from));
        self.document.import_marks.field_sources = field_sources(&self.sources);
    }
}

/// The union of two sets of ranges, sorted and disjoint (touching ranges are joined).
fn union(mut a: Vec<TextRange>, b: Vec<TextRange>) -> Vec<TextRange> {
    a.extend(b);
    a.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<TextRange> = Vec::with_capacity(a.len());
    for r in a.into_iter().filter(|r| r.end > r.start) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The current time as RFC 3339 UTC with second precision (`2025-12-17T09:30:00Z`).
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Reads a file, refusing directories and files over `limit` bytes before reading them.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let md = std::fs::metadata(path).map_err(io)?;
    if md.is_dir() {
        return Err(ImportError::Directory {
            path: path.to_owned(),
        });
    }
    // A FIFO would block the open forever, a device never end: refused before opening.
    if let Some(kind) = crate::io::read::irregular_kind(&md.file_type()) {
        return Err(ImportError::NotRegular {
            path: path.to_owned(),
            kind,
        });
    }
    let too_large = |size| ImportError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    };
    if md.len() > limit {
        return Err(too_large(md.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(md.len() as usize);
    // The file may grow between the check and the read: never read more than the limit + 1.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decodes bytes as UTF-8 text: a BOM is dropped, CRLF and CR become LF, invalid sequences are
/// replaced by U+FFFD with a warning.
pub fn decode_text(bytes: &[u8], warnings: &mut Vec<ImportWarning>) -> String {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            let first_at = bom + e.valid_up_to();
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    replaced += 1;
                }
            }
            warnings.push(ImportWarning::NotUtf8 { replaced, first_at });
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Drops leading blank lines and trailing white space, and ends the text with one newline.
pub fn finish_text(text: String) -> String {
    let body = text.trim_end();
    let start = body.len() - body.trim_start_matches(['\n', '\r']).len();
    let mut out = body[start..].to_owned();
    out.push('\n');
    out
}
