//! Errors of workspace loading and saving. Every variant names the file and, where the text is
//! at fault, the line and column, so a message reads `file:line:col: what was expected`.

use std::path::PathBuf;

/// Why a workspace could not be loaded. The caller's open workspace is never touched.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (missing, a directory, no permission).
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The path is not a regular file, or the file is too large: refused before reading it.
    #[error("{path}: {why}")]
    Refused {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        why: super::read::ReadError,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{path}:{line}:{col}: not UTF-8 text (byte {byte} is invalid); a workspace is a RON text file"
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte.
        line: usize,
        /// Column of the first bad byte.
        col: usize,
        /// Offset of the first bad byte.
        byte: usize,
    },
    /// The text is not valid RON for a workspace (syntax, a wrong type, an unknown variant…).
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file was written by a newer claimbench.
    #[error(
        "{path}:{line}:{col}: workspace version {found} is newer than this claimbench supports (up to {supported}); update claimbench to open it"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Line of the `version` field.
        line: usize,
        /// Column of the `version` field.
        col: usize,
        /// Version in the file.
        found: u32,
        /// Highest version this build reads.
        supported: u32,
    },
    /// The file is RON but breaks workspace invariants (dangling ids, anchors off their quote…).
    #[error("{path}:{line}:{col}: {message}{}", more_suffix(*.more))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the first problem.
        line: usize,
        /// Column of the first problem.
        col: usize,
        /// The first problem.
        message: String,
        /// How many further problems there are.
        more: usize,
    },
}

fn more_suffix(more: usize) -> String {
    match more {
        0 => String::new(),
        1 => " (and 1 more problem; run `claimbench check` for all)".into(),
        n => format!(" (and {n} more problems; run `claimbench check` for all)"),
    }
}

impl LoadError {
    /// The `(line, column)` the error points at, if it points into the text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Io { .. } | LoadError::Refused { .. } => None,
            LoadError::NotUtf8 { line, col, .. }
            | LoadError::Syntax { line, col, .. }
            | LoadError::TooNew { line, col, .. }
            | LoadError::Invalid { line, col, .. } => Some((*line, *col)),
        }
    }
}

/// Why a workspace could not be saved. The file on disk keeps its previous content.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialising to RON failed (should not happen for a valid workspace).
    #[error("cannot serialise the workspace: {0}")]
    Serialize(String),
    /// The target must not be written: read-only, not a regular file, a workspace that an output
    /// would replace, or in use by another claimbench.
    #[error("{path}: {why}")]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why, in a sentence.
        why: String,
    },
    /// Writing, syncing or renaming failed.
    #[error("{path}: cannot save: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}
