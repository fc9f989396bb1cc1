//! The command line (DESIGN.md §4): one file per subcommand; no subcommand starts the GUI.
//!
//! Exit codes: 0 ok, 1 bad input or data, 2 usage. Errors go to stderr as `claimbench: …`.

pub mod check;
pub mod export;
pub mod extract;
pub mod import;
pub mod merge;
pub mod out;
pub mod report;
#[cfg(feature = "gui")]
pub mod screenshot;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit code for success.
pub const EXIT_OK: i32 = 0;
/// Exit code for bad input or data.
pub const EXIT_BAD_INPUT: i32 = 1;
/// Exit code for a usage error.
pub const EXIT_USAGE: i32 = 2;

/// claimbench: annotate claims about AI-industry deals, find contradictions, chart the money.
#[derive(Debug, Parser)]
#[command(
    name = "claimbench",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Subcommand; none opens the GUI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Workspace to open in the GUI (default: the last one, else the embedded sample).
    pub workspace: Option<PathBuf>,
}

/// The subcommands of the fixed CLI contract.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a workspace and print its counts.
    Check(check::CheckArgs),
    /// Add documents (txt, md, html, pdf) to a workspace.
    Import(import::ImportArgs),
    /// Open the window, save a PNG of it, exit (needs a display).
    #[cfg(feature = "gui")]
    Screenshot(screenshot::ScreenshotArgs),
    /// Export a chart (SVG, PNG, CSV) or the claims (CSV, JSON).
    Export(export::ExportArgs),
    /// Write the findings report (corroboration, contradictions, money loops, orphans) as Markdown.
    Report(report::ReportArgs),
    /// Propose candidate claims (figures, parties, dates) for a text file; JSON by default.
    Extract(extract::ExtractArgs),
    /// Three-way merge of two copies of a workspace by id (also git's merge driver); the result
    /// goes to OURS unless -o is given. Exit 0 clean, 1 conflicts recorded, 2 usage.
    Merge(merge::MergeArgs),
}

/// Prints an error line in the contract's shape. Control characters (a file name with a
/// newline or a terminal escape sequence in it) are shown escaped, never sent to the terminal.
pub fn report_error(msg: impl std::fmt::Display) {
    eprintln!("claimbench: {}", printable(&msg.to_string()));
}

/// `s` with every control character written as `\u{…}`, so that a name can neither break a line
/// of output in two nor drive the terminal.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    crate::analysis::report::escape_controls(s, false)
}
