//! `claimbench import WORKSPACE.ron FILE|URL... [--create]`: adds documents to a workspace
//! headlessly.
//!
//! Each file goes through [`crate::io::import::import_file`]; an `http://` or `https://` argument
//! is fetched and read by [`crate::io::import::import_url`] (a 404, time-out or TLS failure is an
//! error naming the status, like an unreadable file). An error on one file is reported
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
    /// Documents to import (.txt, .md, .html, .htm, .pdf files, or http/https addresses).
    #[arg(required_unless_present = "feed")]
    pub files: Vec<PathBuf>,
    /// A news feed (RSS, Atom or JSON Feed) whose entries' pages are imported, each once.
    #[arg(long, value_name = "URL")]
    pub feed: Vec<String>,
    /// Seconds a web address may take to answer in full.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Create the workspace if it does not exist.
    #[arg(long)]
    pub create: bool,
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
    let fetch_opts = crate::io::fetch::FetchOptions {
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        ..Default::default()
    };
    for file in &args.files {
        let url = file
            .to_str()
            .filter(|s| crate::io::fetch::is_web_address(s));
        let result = match url {
            Some(url) => import::import_url(url, &opts, &fetch_opts),
            None => import::import_file(file, &opts),
        };
        let imported = match result {
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
        match import::place_in_workspace(&mut ws, imported) {
            Ok(import::Placed::Added(id)) => {
                println!("added {id} {summary}");
                added += 1;
            }
            Ok(import::Placed::Updated(id, r)) => {
                println!(
                    "updated {id} {summary}: newer version, text replaced ({} anchors unchanged, {} moved, {} orphaned)",
                    r.unchanged, r.moved, r.orphaned
                );
                added += 1;
            }
            Err(dup) => println!("skipped {}: {dup}", file.display()),
        }
    }
    for url in &args.feed {
        let (a, f) = import_feed(&mut ws, url, &opts, &fetch_opts);
        added += a;
        failed += f;
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

/// Imports the pages of a feed's entries not yet in `ws`; returns (added, failed).
fn import_feed(
    ws: &mut Workspace,
    url: &str,
    opts: &ImportOptions,
    fetch_opts: &crate::io::fetch::FetchOptions,
) -> (usize, usize) {
    use crate::io::feed::{self, EntryOutcome};
    let parsed = match feed::fetch_feed(url, fetch_opts) {
        Ok(f) => f,
        Err(e) => {
            report_error(e);
            return (0, 1);
        }
    };
    let (mut added, mut failed) = (0, 0);
    for entry in &parsed.entries {
        match feed::import_entry(ws, entry, opts, fetch_opts) {
            EntryOutcome::Imported(imp) => {
                let summary = summary(&imp);
                let link = entry.link.clone().unwrap_or_default();
                match import::add_to_workspace(ws, *imp) {
                    Ok(id) => {
                        println!("added {id} {summary}");
                        added += 1;
                    }
                    Err(dup) => println!("skipped {link}: {dup}"),
                }
            }
            EntryOutcome::AlreadyThere(link) => println!("skipped {link}: already imported"),
            EntryOutcome::NoLink => println!(
                "skipped feed entry {:?}: it links to no page",
                entry.title.as_deref().unwrap_or(&entry.id)
            ),
            EntryOutcome::Failed(e) => {
                report_error(e);
                failed += 1;
            }
        }
    }
    (added, failed)
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
