//! Why a file could not be imported, and the softer warnings an import may carry.
//!
//! Every error names the file, so a batch or a CLI run can report each one on its own line and
//! go on with the others. An error means nothing was imported; a warning means the document was
//! imported but the user should look at something.

use std::fmt;
use std::path::PathBuf;

/// Why one file could not be imported. Nothing was added anywhere.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The path could not be read: it does not exist, or permission is denied.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The path is a directory, not a file.
    #[error("{path}: is a directory; pick the files inside it")]
    Directory {
        /// The directory.
        path: PathBuf,
    },
    /// A FIFO, socket or device: reading it could block forever or never end.
    #[error("{path}: is {kind}, not a regular file; import reads document files")]
    NotRegular {
        /// The file.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The file is larger than the import limit (checked before reading it).
    #[error("{path}: file is {size} bytes, over the {limit}-byte import limit")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file has no bytes, or only white space.
    #[error("{path}: file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The extension is not one of the supported formats.
    #[error("{path}: unknown format {extension:?}; supported are .txt, .md, .html, .htm and .pdf")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// The extension as found (without the dot).
        extension: String,
    },
    /// The content is binary (NUL bytes or a known binary signature), not text.
    #[error("{path}: binary content ({what}), not a text, Markdown, HTML or PDF document")]
    Binary {
        /// The file.
        path: PathBuf,
        /// What it looks like (`PNG image`, `NUL byte at offset 12`).
        what: String,
    },
    /// The format was read but no readable text was left (an HTML page of scripts only).
    #[error("{path}: no readable text found ({why})")]
    NoText {
        /// The file.
        path: PathBuf,
        /// Why, in a few words.
        why: String,
    },
    /// A PDF whose pages carry no text layer (a scan); it needs OCR first.
    #[error(
        "{path}: PDF has no text layer ({pages} page(s), no extractable text); run OCR on it first"
    )]
    PdfNoText {
        /// The file.
        path: PathBuf,
        /// Number of pages.
        pages: usize,
    },
    /// A password-protected PDF.
    #[error("{path}: PDF is encrypted with a password; save an unprotected copy and import that")]
    PdfEncrypted {
        /// The file.
        path: PathBuf,
    },
    /// A PDF that cannot be parsed (truncated, damaged, or not a PDF at all).
    #[error("{path}: PDF is damaged or truncated: {message}")]
    PdfCorrupt {
        /// The file.
        path: PathBuf,
        /// What the parser reported.
        message: String,
    },
    /// A web address could not be fetched (status, time-out, TLS, size); `path` is the address.
    #[error("{source}")]
    Fetch {
        /// The address, as a path for messages and batches.
        path: PathBuf,
        /// What went wrong.
        source: crate::io::fetch::FetchError,
    },
    /// A batch was cancelled before this file was imported.
    #[error("{path}: import cancelled")]
    Cancelled {
        /// The file.
        path: PathBuf,
    },
}

impl ImportError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ImportError::Io { path, .. }
            | ImportError::Directory { path }
            | ImportError::NotRegular { path, .. }
            | ImportError::TooLarge { path, .. }
            | ImportError::Empty { path }
            | ImportError::UnknownFormat { path, .. }
            | ImportError::Binary { path, .. }
            | ImportError::NoText { path, .. }
            | ImportError::PdfNoText { path, .. }
            | ImportError::PdfEncrypted { path }
            | ImportError::PdfCorrupt { path, .. }
            | ImportError::Fetch { path, .. }
            | ImportError::Cancelled { path } => path,
        }
    }
}

/// Something the user should know about a document that was imported anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The bytes were not valid UTF-8; invalid sequences were replaced by U+FFFD.
    NotUtf8 {
        /// How many invalid sequences were replaced.
        replaced: usize,
        /// Byte offset of the first one in the file.
        first_at: usize,
    },
    /// No headline was found; the title was made from the file name or the first words.
    TitleGuessed {
        /// The title that was used.
        title: String,
    },
    /// Some PDF pages produced no text (images or scans among text pages) or could not be read;
    /// the other pages were imported.
    PdfPagesNotRead {
        /// One sentence per page, naming it and saying why (`Page 2: no text layer …`).
        notes: Vec<String>,
    },
    /// Glyphs the PDF gives no character for were replaced by U+FFFD rather than guessed.
    PdfUnknownGlyphs {
        /// How many were replaced.
        count: usize,
        /// 1-based numbers of the pages they are on.
        pages: Vec<u32>,
    },
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::NotUtf8 { replaced, first_at } => write!(
                f,
                "not valid UTF-8: {replaced} invalid byte sequence(s) replaced by \u{FFFD} (first at byte {first_at}); check the text"
            ),
            ImportWarning::TitleGuessed { title } => {
                write!(f, "no headline found; title set to {title:?}")
            }
            ImportWarning::PdfPagesNotRead { notes } => {
                write!(
                    f,
                    "{} PDF page(s) not read: {}",
                    notes.len(),
                    notes.join("; ")
                )
            }
            ImportWarning::PdfUnknownGlyphs { count, pages } => {
                let list: Vec<String> = pages.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "{count} character(s) the PDF gives no meaning for are shown as \u{FFFD} (page(s) {}); check them against the PDF",
                    list.join(", ")
                )
            }
        }
    }
}
