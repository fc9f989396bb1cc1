//! `claimbench extract FILE [--published YYYY-MM-DD] [--format json|text]`: propose candidate
//! claims for a text file, in the JSON shape fixed by DESIGN.md §4 (or one line each as text).

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::extract::{Candidate, Gazetteer, extract, find_published};
use crate::model::FuzzyDate;
use crate::model::Period;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Output format of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object (DESIGN.md §4).
    Json,
    /// One line per candidate, for reading.
    Text,
}

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The text file (UTF-8).
    pub file: PathBuf,
    /// Publication date (YYYY-MM-DD, YYYY-MM or YYYY) that relative dates resolve against;
    /// default: a date line near the top of the file, if any.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<FuzzyDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

fn parse_date(s: &str) -> Result<FuzzyDate, String> {
    s.parse().map_err(|e| format!("{e}"))
}

/// The largest file `extract` reads (the import limit): 50 MB.
pub const MAX_BYTES: u64 = crate::io::import::DEFAULT_MAX_BYTES;

/// Why a file cannot be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read (missing, no permission, a symlink loop).
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The path is a directory.
    #[error("{path}: is a directory; extract reads one text file")]
    Directory {
        /// The directory.
        path: String,
    },
    /// The file is larger than [`MAX_BYTES`] (checked before reading it).
    #[error("{path}: file is {size} bytes, over the {limit}-byte limit of extract")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A FIFO, socket or device: reading it could block or never end.
    #[error("{path}: is {kind}, not a regular file; extract reads text files")]
    NotRegular {
        /// The file.
        path: String,
        /// What it is.
        kind: &'static str,
    },
    /// The file has no bytes or only white space.
    #[error("{path}: file is empty; there is nothing to extract")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is a PDF (damaged, encrypted or not), which extract does not read.
    #[error(
        "{path}: a PDF file; extract reads UTF-8 text: import it into a workspace (`claimbench import`) instead"
    )]
    Pdf {
        /// The file.
        path: String,
    },
    /// The file holds NUL bytes, so it is binary rather than text.
    #[error("{path}: binary file (NUL byte at offset {offset}); expected UTF-8 text")]
    Binary {
        /// The file.
        path: String,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}:{col}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Line of the first invalid byte.
        line: usize,
        /// Column (in characters) of the first invalid byte.
        col: usize,
        /// Offset of the first invalid byte.
        offset: usize,
    },
}

/// Reads a file as UTF-8 text, rejecting directories, files over [`MAX_BYTES`], empty files,
/// PDFs, binary and non-UTF-8 content, each with its own message.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    use std::io::Read;
    let p = path.display().to_string();
    let io = |source| ReadError::Io {
        path: p.clone(),
        source,
    };
    let md = std::fs::metadata(path).map_err(io)?;
    if md.is_dir() {
        return Err(ReadError::Directory { path: p });
    }
    if let Some(kind) = crate::io::read::irregular_kind(&md.file_type()) {
        return Err(ReadError::NotRegular { path: p, kind });
    }
    let too_large = |size| ReadError::TooLarge {
        path: p.clone(),
        size,
        limit: MAX_BYTES,
    };
    if md.len() > MAX_BYTES {
        return Err(too_large(md.len()));
    }
    let mut bytes = Vec::with_capacity(md.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty { path: p });
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(ReadError::Pdf { path: p });
    }
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(ReadError::Binary { path: p, offset });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let (line, col) = crate::io::load::line_col(valid, valid.len());
        ReadError::NotUtf8 {
            path: p,
            line,
            col,
            offset,
        }
    })
}

/// Runs `extract`; returns the exit code.
pub fn run(args: &ExtractArgs) -> i32 {
    let text = match read_text(&args.file) {
        Ok(t) => t,
        Err(e) => {
            report_error(e);
            return EXIT_BAD_INPUT;
        }
    };
    let published = args.published.or_else(|| find_published(&text));
    let candidates = extract(&text, published, &[], &Gazetteer::builtin());
    match args.format {
        Format::Json => crate::outln!("{}", to_json(&args.file, published, &candidates)),
        Format::Text => {
            for c in &candidates {
                crate::outln!("{}", text_line(c));
            }
        }
    }
    EXIT_OK
}

/// A figure in the JSON output.
#[derive(Serialize)]
struct FigureOut<'a> {
    low: f64,
    high: Option<f64>,
    qualifier: &'static str,
    unit: &'a str,
}

/// A candidate in the JSON output, fields in the order of DESIGN.md §4.
#[derive(Serialize)]
struct CandidateOut<'a> {
    start: usize,
    end: usize,
    quote: &'a str,
    figure_text: &'a str,
    kind: &'static str,
    subject: Option<&'a str>,
    counterparty: Option<&'a str>,
    figure: Option<FigureOut<'a>>,
    period: Option<&'a Period>,
    date: Option<String>,
    date_source: &'static str,
    doubts: &'a [String],
    status: &'static str,
    confidence: f64,
    figure_start: usize,
    figure_end: usize,
    in_heading: bool,
}

/// The whole `extract --format json` document.
#[derive(Serialize)]
struct DocumentOut<'a> {
    document: String,
    published: Option<String>,
    candidates: Vec<CandidateOut<'a>>,
}

fn candidate_out(c: &Candidate) -> CandidateOut<'_> {
    CandidateOut {
        start: c.start,
        end: c.end,
        quote: &c.quote,
        figure_text: &c.figure_text,
        kind: c.kind.name(),
        subject: c.subject.as_deref(),
        counterparty: c.counterparty.as_deref(),
        // A relation stated without a figure has none.
        figure: (!c.relation_only).then(|| FigureOut {
            low: c.figure.low,
            high: c.figure.high,
            qualifier: c.figure.qualifier.name(),
            unit: c.figure.unit.name(),
        }),
        period: c.period.as_ref(),
        date: c.date.map(|d| d.to_string()),
        date_source: c.date_source.name(),
        doubts: &c.doubts,
        status: c.status.name(),
        confidence: c.confidence,
        figure_start: c.figure_start,
        figure_end: c.figure_end,
        in_heading: c.in_heading,
    }
}

/// The `extract --format json` document as one line of JSON (DESIGN.md §4 field order).
pub fn to_json(path: &Path, published: Option<FuzzyDate>, cands: &[Candidate]) -> String {
    let doc = DocumentOut {
        document: path.display().to_string(),
        published: published.map(|d| d.to_string()),
        candidates: cands.iter().map(candidate_out).collect(),
    };
    serde_json::to_string(&doc).unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
}

fn text_line(c: &Candidate) -> String {
    let party = |p: &Option<String>| p.clone().unwrap_or_else(|| "?".into());
    let mut line = format!(
        "{}..{}  {}  {} -> {}  {}",
        c.start,
        c.end,
        c.kind.name(),
        party(&c.subject),
        party(&c.counterparty),
        if c.relation_only {
            "(no figure)".to_owned()
        } else {
            c.figure.display()
        }
    );
    if let Some(p) = &c.period {
        line.push_str(&format!(" {}", p.display()));
    }
    if let Some(d) = c.date {
        line.push_str(&format!("  {d}"));
    }
    line.push_str(&format!("  {}  {:.2}", c.status.name(), c.confidence));
    if c.in_heading {
        line.push_str("  [heading]");
    }
    line.push_str(&format!("  {:?}", c.figure_text));
    for d in &c.doubts {
        line.push_str(&format!("  [unsure: {d}]"));
    }
    line
}
