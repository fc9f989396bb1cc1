//! `claimbench import WORKSPACE.ron FILE... [--create] [--accept-above P]`: adds documents to a
//! workspace headlessly and, with `--accept-above`, accepts their extraction proposals at or
//! above confidence P as the GUI's "Accept all above" does.
//!
//! Each file goes through [`crate::io::import::import_file`]. An error on one file is reported
//! with its path and the run carries on with the others; duplicates are reported as "already in
//! workspace" and skipped. The workspace is saved once, atomically, if anything was added (or it
//! was just created and no file failed). Exit 1 at the end if any file failed.

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::io::import::{self, ImportOptions, Imported};
use crate::model::{SourceDocument, Workspace};
use std::path::{Path, PathBuf};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The workspace file to add to.
    pub workspace: PathBuf,
    /// Documents to import (.txt, .md, .html, .htm, .pdf).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Create the workspace if it does not exist.
    #[arg(long)]
    pub create: bool,
    /// Accept every extraction proposal at or above this confidence (0 to 1) in each imported
    /// document, as the GUI's "Accept all above" does.
    #[arg(long, value_name = "P", value_parser = parse_confidence)]
    pub accept_above: Option<f64>,
}

/// A confidence threshold between 0 and 1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "“{s}” is not a confidence between 0 and 1 (e.g. 0.7)"
        )),
    }
}

/// Runs `import`; returns the exit code.
pub fn run(args: &ImportArgs) -> i32 {
    let (mut ws, created) = match open(&args.workspace, args.create) {
        Ok(x) => x,
        Err(msg) => {
            report_error(msg);
            return EXIT_BAD_INPUT;
        }
    };
    let opts = ImportOptions::default();
    let mut failed = 0;
    let mut added = 0;
    for file in &args.files {
        let imported = match import::import_file(file, &opts) {
            Ok(i) => i,
            Err(e) => {
                report_error(e);
                failed += 1;
                continue;
            }
        };
        for w in &imported.warnings {
            report_error(format!("{}: warning: {w}", file.display()));
        }
        let summary = summary(&imported);
        let placed = match import::place_in_workspace(&mut ws, imported) {
            Ok(import::Placed::Added(id)) => {
                println!("added {id} {summary}");
                added += 1;
                Some(id)
            }
            Ok(import::Placed::Updated(id, r)) => {
                println!(
                    "updated {id} {summary}: newer version, text replaced ({} anchors unchanged, {} moved, {} orphaned)",
                    r.unchanged, r.moved, r.orphaned
                );
                added += 1;
                Some(id)
            }
            Err(dup) => {
                println!("skipped {}: {dup}", file.display());
                None
            }
        };
        if let (Some(id), Some(p)) = (placed, args.accept_above) {
            accept(&mut ws, &id, p);
        }
    }
    // A workspace is created only by a run that failed on nothing: a typo'd file name must not
    // leave an empty new workspace behind.
    if added > 0 || (created && failed == 0) {
        if let Err(e) = crate::io::save_workspace(&ws, &args.workspace) {
            report_error(e);
            return EXIT_BAD_INPUT;
        }
        if created {
            println!("created {}", args.workspace.display());
        }
    }
    if failed > 0 { EXIT_BAD_INPUT } else { EXIT_OK }
}

/// Accepts the document's proposals at or above `threshold` and says how many.
fn accept(ws: &mut Workspace, id: &crate::model::DocId, threshold: f64) {
    let Some(doc) = ws.document(id).cloned() else {
        return;
    };
    let n = match crate::annotate::accept_above(ws, &doc, threshold) {
        Some((action, n)) => match action.apply(ws) {
            Ok(_) => n,
            Err(e) => {
                report_error(format!("{id}: proposals not accepted: {e}"));
                return;
            }
        },
        None => 0,
    };
    println!(
        "accepted {n} proposal{} at or above {:.0}% in {id}",
        if n == 1 { "" } else { "s" },
        threshold * 100.0
    );
}

/// Loads the workspace, or makes a new one when it is missing and `create` is set.
fn open(path: &Path, create: bool) -> Result<(Workspace, bool), String> {
    // Anything at the path (even a broken symlink or a loop) is loaded, so its error is shown
    // rather than "no such workspace".
    if path.symlink_metadata().is_ok() {
        return crate::io::load_workspace(path)
            .map(|ws| (ws, false))
            .map_err(|e| e.to_string());
    }
    if !create {
        return Err(format!(
            "{}: no such workspace; add --create to make a new one",
            path.display()
        ));
    }
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Untitled workspace".into());
    Ok((Workspace::new(title), true))
}

/// `"Title" (outlet, 2025-12-17, 3,412 chars, 1 excluded range)`.
pub fn summary(imported: &Imported) -> String {
    let d: &SourceDocument = &imported.document;
    let mut parts = Vec::new();
    if !d.outlet.is_empty() {
        parts.push(d.outlet.clone());
    }
    if let Some(p) = d.published {
        parts.push(p.to_string());
    }
    parts.push(format!("{} chars", thousands(d.text.chars().count())));
    let n = d.excluded.len();
    parts.push(format!(
        "{n} excluded range{}",
        if n == 1 { "" } else { "s" }
    ));
    format!("{:?} ({})", d.title, parts.join(", "))
}

/// `3412` → `3,412`.
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(3412), "3,412");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
