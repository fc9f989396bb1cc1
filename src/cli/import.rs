//! `claimbench import WORKSPACE.ron FILE|URL... [--create] [--accept-above P] [--feed URL]...`:
//! adds documents to a workspace headlessly and, with `--accept-above`, accepts their extraction
//! proposals at or above confidence P as the GUI's "Accept all above" does.
//!
//! Each file goes through [`crate::io::import::import_file`]; an `http://` or `https://` argument
//! is fetched and read by [`crate::io::import::import_url`] (a 404, time-out or TLS failure is an
//! error naming the status, like an unreadable file). An error on one file is reported
//! with its path and the run carries on with the others; duplicates are reported as "already in
//! workspace" and skipped. The workspace is saved once, atomically, if anything was added (or it
//! was just created and no file failed). Exit 1 at the end if any file failed.

use super::{EXIT_BAD_INPUT, EXIT_OK, printable, report_error};
use crate::io::import::{self, ImportOptions, Imported};
use crate::model::{SourceDocument, Workspace};
use sha2::{Digest, Sha256};
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
    /// When a file is a newer version of a document already there (same URL, or same title and
    /// outlet with mostly the same text), replace that document's text and re-anchor its
    /// evidence; without it both are kept.
    #[arg(long)]
    pub replace: bool,
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

/// The workspace as read: its content hash (to notice another process saving it meanwhile).
struct Opened {
    ws: Workspace,
    created: bool,
    sha256: Option<[u8; 32]>,
}

/// Runs `import`; returns the exit code.
///
/// The files are read first, without holding anything. Then the workspace is locked, read again
/// if another claimbench saved it meanwhile (its documents are kept and ours placed after them),
/// saved, and only then is "added …" printed.
pub fn run(args: &ImportArgs) -> i32 {
    // The file a symlink names gets the change (a link loop is reported by the load below).
    let real =
        crate::io::save::real_path(&args.workspace).unwrap_or_else(|_| args.workspace.clone());
    let first = match open(&args.workspace, &real, args.create) {
        Ok(x) => x,
        Err(msg) => {
            report_error(msg);
            return EXIT_BAD_INPUT;
        }
    };
    let opts = ImportOptions::default();
    let mut failed = 0;
    let mut docs = Vec::new();
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
        match result {
            Ok(i) => {
                for w in &i.warnings {
                    report_error(format!("{}: warning: {w}", file.display()));
                }
                docs.push(i);
            }
            Err(e) => {
                report_error(e);
                failed += 1;
            }
        }
    }
    // Feed entries are read before the workspace is locked, like files, and placed with them.
    // Each feed becomes (or stays) one of the workspace's subscriptions, its entries marked seen.
    let mut feed_lines = Vec::new();
    let checked = read_feeds(
        &first.ws,
        &args.feed,
        &opts,
        &fetch_opts,
        &mut docs,
        &mut feed_lines,
        &mut failed,
    );
    let Opened {
        ws,
        created,
        sha256: first_sha256,
    } = first;
    // The same session the app holds: one import plan, one undo step, one notion of saved.
    let mut session = crate::session::Session::new(None);
    session.replace(ws, Some(args.workspace.clone()));
    let mut lines = feed_lines.clone();
    lines.extend(place_all(
        &mut session,
        &docs,
        args.replace,
        args.accept_above,
    ));
    let feeds_changed = record_feeds(&mut session.ws, &checked);
    let added = lines
        .iter()
        .filter(|l| l.starts_with("added ") || l.starts_with("updated "))
        .count();
    // A workspace is created only by a run that failed on nothing: a typo'd file name must not
    // leave an empty new workspace behind. A new subscription, or entries newly seen, are saved
    // too; a check that found nothing new leaves the file as it was.
    if added > 0 || (created && failed == 0) || feeds_changed {
        let lock = match crate::io::save::lock_workspace(&real, crate::io::lock::DEFAULT_WAIT) {
            Ok(l) => l,
            Err(e) => {
                report_error(format!("nothing imported: {e}"));
                return EXIT_BAD_INPUT;
            }
        };
        // Under the lock: if another process saved the workspace since we read it, start again
        // from what it saved, so its documents are not lost.
        let now = match open(&args.workspace, &real, true) {
            Ok(now) => now,
            Err(msg) => {
                report_error(format!("nothing imported: {msg}"));
                return EXIT_BAD_INPUT;
            }
        };
        let created_now = now.created;
        if now.sha256 != first_sha256 {
            session.replace(now.ws, Some(args.workspace.clone()));
            lines = feed_lines.clone();
            lines.extend(place_all(
                &mut session,
                &docs,
                args.replace,
                args.accept_above,
            ));
            record_feeds(&mut session.ws, &checked);
        }
        if let Err(e) = crate::io::save::save_workspace_locked(&session.ws, &lock) {
            report_error(format!("nothing imported: {e}"));
            return EXIT_BAD_INPUT;
        }
        drop(lock);
        for l in &lines {
            crate::outln!("{l}");
        }
        if created_now {
            crate::outln!(
                "created {}",
                printable(&args.workspace.display().to_string())
            );
        }
    } else {
        for l in &lines {
            crate::outln!("{l}");
        }
    }
    if failed > 0 { EXIT_BAD_INPUT } else { EXIT_OK }
}

/// Places every imported document into the session's workspace through the one import plan
/// the app also uses ([`crate::session::Session::place`]), accepting each placed document's
/// proposals at or above `accept` when given; the lines to print.
fn place_all(
    session: &mut crate::session::Session,
    docs: &[Imported],
    replace: bool,
    accept: Option<f64>,
) -> Vec<String> {
    let policy = if replace {
        import::NewVersionPolicy::Replace
    } else {
        import::NewVersionPolicy::KeepBoth
    };
    let mut lines = Vec::new();
    let placed = match session.place(
        docs.iter().map(|d| (d.path.clone(), d.document.clone())),
        policy,
    ) {
        Ok(p) => p,
        Err(e) => {
            report_error(format!("nothing imported: {e}"));
            return lines;
        }
    };
    let ws = &mut session.ws;
    for (imported, (path, _, placement)) in docs.iter().zip(&placed.placements) {
        let summary = summary(imported);
        let (line, placed) = match placement {
            import::Placement::Added(id) => (format!("added {id} {summary}"), Some(id)),
            import::Placement::Replaced(id, r) => (
                format!(
                    "updated {id} {summary}: newer version, text replaced ({} anchors unchanged, {} moved, {} orphaned)",
                    r.unchanged, r.moved, r.orphaned
                ),
                Some(id),
            ),
            import::Placement::KeptBoth { id, earlier } => (
                format!(
                    "added {id} {summary}: looks like a newer version of {earlier}; both kept (use --replace to replace its text)"
                ),
                Some(id),
            ),
            import::Placement::Duplicate { id, title } => (
                format!(
                    "skipped {}: {}",
                    printable(&path.display().to_string()),
                    import::AlreadyPresent {
                        id: id.clone(),
                        title: title.clone()
                    }
                ),
                None,
            ),
            // The CLI never asks: its policies replace or keep both.
            import::Placement::Ask { existing, .. } => (
                format!(
                    "skipped {}: looks like a newer version of {existing}",
                    printable(&path.display().to_string())
                ),
                None,
            ),
        };
        lines.push(line);
        if let (Some(id), Some(p)) = (placed, accept) {
            lines.extend(accept_proposals(ws, id, p, crate::extract::TIME_LIMIT));
        }
    }
    lines
}

/// Accepts the document's proposals at or above `threshold`, extracting for at most `limit`
/// ([`crate::extract::TIME_LIMIT`] from the command); the line saying how many, and where
/// extraction stopped if it ran out of time.
pub fn accept_proposals(
    ws: &mut Workspace,
    id: &crate::model::DocId,
    threshold: f64,
    limit: std::time::Duration,
) -> Option<String> {
    let doc = ws.document(id).cloned()?;
    let (accepted, stopped) = crate::annotate::accept_above_within(ws, &doc, threshold, limit);
    let n = match accepted {
        Some((action, n)) => match action.apply(ws) {
            Ok(_) => n,
            Err(e) => {
                report_error(format!("{id}: proposals not accepted: {e}"));
                return None;
            }
        },
        None => 0,
    };
    let stopped = stopped
        .map(|s| format!(" ({})", s.describe(&doc.text)))
        .unwrap_or_default();
    Some(format!(
        "accepted {n} proposal{} at or above {:.0}% in {id}{stopped}",
        if n == 1 { "" } else { "s" },
        threshold * 100.0
    ))
}

/// Reads the feeds named on the command line as subscriptions of `ws` (new ones added, existing
/// ones with the entries they have seen) and imports the pages of entries not seen before into
/// `docs`; lines for skipped entries go to `lines`, failures are reported and counted. Returns
/// the subscriptions as they are after the check.
fn read_feeds(
    ws: &Workspace,
    urls: &[String],
    opts: &ImportOptions,
    fetch_opts: &crate::io::fetch::FetchOptions,
    docs: &mut Vec<Imported>,
    lines: &mut Vec<String>,
    failed: &mut usize,
) -> Vec<crate::model::FeedSubscription> {
    use crate::io::feed;
    if urls.is_empty() {
        return Vec::new();
    }
    let mut subs: Vec<crate::model::FeedSubscription> = Vec::new();
    for url in urls {
        let sub = feed::subscription_for(&ws.feeds, url);
        if !subs.iter().any(|s| feed::same_feed(&s.url, &sub.url)) {
            subs.push(sub);
        }
    }
    let check = feed::check_feeds(
        &subs,
        &feed::KnownAddresses::of(ws),
        opts,
        fetch_opts,
        &import::now_rfc3339(),
        |_, _| std::ops::ControlFlow::Continue(()),
    );
    for e in &check.feed_errors {
        report_error(e);
        *failed += 1;
    }
    for (_, e) in &check.problems {
        report_error(e);
        *failed += 1;
    }
    if check.skipped > 0 {
        lines.push(format!(
            "skipped {}: already imported or seen in an earlier check",
            crate::words::count(check.skipped, "feed entry")
        ));
    }
    docs.extend(check.new.into_iter().map(|n| n.imported));
    check.feeds
}

/// Puts the checked subscriptions into `ws` (replacing those with the same address, adding new
/// ones); whether anything but the check time changed.
fn record_feeds(ws: &mut Workspace, checked: &[crate::model::FeedSubscription]) -> bool {
    use crate::io::feed::same_feed;
    let before = ws.feeds.clone();
    for sub in checked {
        match ws.feeds.iter_mut().find(|f| same_feed(&f.url, &sub.url)) {
            Some(f) => *f = sub.clone(),
            None => ws.feeds.push(sub.clone()),
        }
    }
    crate::io::feed::changed_beyond_check_time(&before, &ws.feeds)
}

/// Loads the workspace, or makes a new one when it is missing and `create` is set.
fn open(path: &Path, real: &Path, create: bool) -> Result<Opened, String> {
    // Anything at the path (even a broken symlink or a loop) is loaded, so its error is shown
    // rather than "no such workspace".
    if path.symlink_metadata().is_ok() && (real.symlink_metadata().is_ok() || !create) {
        let bytes = crate::io::load::read_workspace_bytes(path).map_err(|e| e.to_string())?;
        let ws = crate::io::load_workspace_bytes(&bytes, path).map_err(|e| e.to_string())?;
        return Ok(Opened {
            ws,
            created: false,
            sha256: Some(Sha256::digest(&bytes).into()),
        });
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
    Ok(Opened {
        ws: Workspace::new(title),
        created: true,
        sha256: None,
    })
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
