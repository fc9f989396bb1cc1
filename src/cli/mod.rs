//! The command line (DESIGN.md §4): one file per subcommand; no subcommand starts the GUI.
//!
//! Exit codes: 0 ok, 1 bad input or data, 2 usage. Errors go to stderr as `claimbench: …`.

pub mod check;
pub mod export;
pub mod extract;
pub mod import;
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
}

/// Prints an error line in the contract's shape.
pub fn report_error(msg: impl std::fmt::Display) {
    eprintln!("claimbench: {msg}");
}
