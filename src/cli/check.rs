//! `claimbench check WORKSPACE.ron`: validate and print counts, or every problem with its
//! `file:line:col`.

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::io::{LoadError, locate};
use std::path::{Path, PathBuf};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The workspace file.
    pub workspace: PathBuf,
}

/// Runs `check`; returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    match check(&args.workspace) {
        Ok(summary) => {
            crate::outln!("{summary}");
            EXIT_OK
        }
        Err(lines) => {
            for l in lines {
                report_error(l);
            }
            EXIT_BAD_INPUT
        }
    }
}

/// Checks a workspace file: `Ok` with the counts line, or `Err` with one message per problem.
pub fn check(path: &Path) -> Result<String, Vec<String>> {
    match crate::io::load_workspace(path) {
        Ok(ws) => Ok(ws.counts_line()),
        Err(LoadError::Invalid { .. }) => {
            // Report every problem, not only the first.
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let ws: crate::model::Workspace = match ron::from_str(&text) {
                Ok(ws) => ws,
                Err(e) => return Err(vec![format!("{}: {e}", path.display())]),
            };
            Err(ws
                .validate()
                .into_iter()
                .map(|p| {
                    let (l, c) = locate(&text, &p.at);
                    format!("{}:{l}:{c}: {}", path.display(), p.message)
                })
                .collect())
        }
        Err(e) => Err(vec![e.to_string()]),
    }
}
