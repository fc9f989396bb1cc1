//! `claimbench check WORKSPACE.ron`: validate and print counts, or every problem with its
//! `file:line:col`.

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::io::LoadError;
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
        Ok(ws) => {
            // Recorded merge conflicts must read back as their fields (Keep ours / Take theirs).
            let bad = crate::merge::check::conflict_problems(&ws);
            if bad.is_empty() {
                Ok(ws.counts_line())
            } else {
                Err(bad
                    .into_iter()
                    .map(|(_, m)| format!("{}: {m}", path.display()))
                    .collect())
            }
        }
        Err(LoadError::Invalid { .. }) => {
            // Report every problem, not only the first.
            let (text, ws) = match crate::io::load_unvalidated(path) {
                Ok(x) => x,
                Err(e) => return Err(vec![e.to_string()]),
            };
            let problems = ws.validate();
            Err(crate::io::load::locate_all(&text, &problems)
                .into_iter()
                .zip(problems)
                .map(|((l, c), p)| format!("{}:{l}:{c}: {}", path.display(), p.message))
                .collect())
        }
        Err(e) => Err(vec![e.to_string()]),
    }
}
