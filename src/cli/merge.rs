//! `claimbench merge BASE.ron OURS.ron THEIRS.ron [-o OUT.ron]`: three-way merge by id (see
//! `crate::merge`). The result replaces OURS unless `-o` is given — git's merge-driver
//! convention (`merge.claimbench.driver "claimbench merge %O %A %B"`). Exit 0 when clean, 1 when
//! conflicts were recorded in the result (or an input could not be read; then nothing is
//! written), 2 on usage errors.

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::model::Workspace;
use std::path::{Path, PathBuf};

/// Arguments of `merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's `%O`); an empty file means none (both sides added the file).
    pub base: PathBuf,
    /// Our version (git's `%A`); the result is written here unless `-o` is given.
    pub ours: PathBuf,
    /// Their version (git's `%B`).
    pub theirs: PathBuf,
    /// Write the result here instead of over OURS.
    #[arg(short = 'o', long = "out")]
    pub out: Option<PathBuf>,
}

/// Runs `merge`; returns the exit code.
pub fn run(args: &MergeArgs) -> i32 {
    match merge_files(args) {
        Ok(outcome) => {
            let n = outcome.conflicts;
            let mut line = format!(
                "claimbench: merged {} into {}",
                args.theirs.display(),
                args.out.as_deref().unwrap_or(&args.ours).display()
            );
            let renumbered = outcome.renames.renumbered();
            if renumbered > 0 {
                line.push_str(&format!("; {renumbered} new items renumbered"));
            }
            if outcome.renames.same_article > 0 {
                line.push_str(&format!(
                    "; {} articles imported on both sides joined",
                    outcome.renames.same_article
                ));
            }
            if outcome.orphaned > 0 {
                line.push_str(&format!(
                    "; {} evidence spans orphaned by a changed text",
                    outcome.orphaned
                ));
            }
            if n == 0 {
                eprintln!("{line}; no conflicts");
                EXIT_OK
            } else {
                eprintln!(
                    "{line}; {n} conflict{} recorded (OURS' value kept; see Findings in the app or `claimbench report`)",
                    if n == 1 { "" } else { "s" }
                );
                EXIT_BAD_INPUT
            }
        }
        Err(e) => {
            report_error(e);
            EXIT_BAD_INPUT
        }
    }
}

/// Loads a merge input; an empty BASE is an empty workspace (git passes one when the file has no
/// common ancestor).
fn load(path: &Path, empty_ok: bool) -> anyhow::Result<Workspace> {
    if empty_ok && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Ok(Workspace::new(""));
    }
    Ok(crate::io::load_workspace(path)?)
}

/// Merges the three files and writes the result; nothing is written when an input fails to load.
pub fn merge_files(args: &MergeArgs) -> anyhow::Result<crate::merge::Outcome> {
    let base = load(&args.base, true)?;
    let ours = load(&args.ours, false)?;
    let theirs = load(&args.theirs, false)?;
    let outcome = crate::merge::merge(base, ours, theirs)?;
    let out = args.out.as_deref().unwrap_or(&args.ours);
    let text = crate::io::to_ron_string(&outcome.workspace)?;
    crate::io::save::write_atomic(out, text.as_bytes(), keep_backup(out))?;
    Ok(outcome)
}

/// Git hands the driver temporary copies (`.merge_file_XXXXXX`) in the work tree: a `.bak` of
/// one would be left behind as an untracked file. Any other file replaced keeps its `.bak`, as a
/// save does.
fn keep_backup(out: &Path) -> bool {
    !out.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".merge_file_"))
}
