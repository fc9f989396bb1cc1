//! `claimbench report WORKSPACE.ron [--out FILE.md]`: the findings report as Markdown, on stdout
//! or into a file.
//!
//! A workspace whose only problems are evidence anchors that no longer fit their documents is
//! still reported: those spans are exactly the orphaned evidence the report lists. Any other
//! problem (syntax, version, dangling ids) stops with exit code 1.

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::io::{LoadError, locate};
use crate::model::Workspace;
use std::path::{Path, PathBuf};

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The workspace file.
    pub workspace: PathBuf,
    /// Write the report here instead of printing it.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `report`; returns the exit code.
pub fn run(args: &ReportArgs) -> i32 {
    let ws = match load_for_report(&args.workspace) {
        Ok(ws) => ws,
        Err(msg) => {
            report_error(msg);
            return EXIT_BAD_INPUT;
        }
    };
    let text = crate::analysis::report::render(&ws);
    match &args.out {
        None => {
            crate::out!("{text}");
            EXIT_OK
        }
        // Atomic, and never over a workspace: `--out WS.ron` used to replace the workspace.
        Some(path) => {
            match crate::io::save::write_output(path, text.as_bytes(), Some(&args.workspace)) {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    report_error(format!("cannot write the report: {e}"));
                    EXIT_BAD_INPUT
                }
            }
        }
    }
}

/// Loads a workspace, tolerating orphaned evidence (module docs); `Err` is the message line.
pub fn load_for_report(path: &Path) -> Result<Workspace, String> {
    match crate::io::load_workspace(path) {
        Ok(ws) => Ok(ws),
        Err(LoadError::Invalid { .. }) => {
            let (text, ws) = crate::io::load_unvalidated(path).map_err(|e| e.to_string())?;
            let fatal = ws
                .validate()
                .into_iter()
                .find(|p| !is_anchor_problem(&p.message));
            match fatal {
                None => Ok(ws),
                Some(p) => {
                    let (l, c) = locate(&text, &p.at);
                    Err(format!("{}:{l}:{c}: {}", path.display(), p.message))
                }
            }
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Whether a validation message is about an evidence span that does not fit its document.
fn is_anchor_problem(message: &str) -> bool {
    message.starts_with("evidence ")
}
