//! Merging in the app: the open workspace file changed on disk while there are unsaved edits
//! ("Merge", three-way with the version last loaded or saved as the common ancestor), and
//! File › Merge workspace… (another copy, with no known common ancestor). Either way the result
//! comes in as one undoable edit, and its conflicts wait in Findings.

use super::app::ClaimbenchApp;
use super::command::Command;
use super::layout::Pane;
use crate::merge::{Outcome, apply::diff_action};
use std::path::Path;

/// Brings a merge result into the open workspace as one undo step and says what happened.
fn take(app: &mut ClaimbenchApp, outcome: Outcome, what: &str) -> Vec<Command> {
    let action = diff_action(&app.session.ws, &outcome.workspace);
    let changed = matches!(&action, crate::action::Action::Batch(a) if !a.is_empty());
    app.session.history.seal();
    if changed {
        app.apply(action, what, None);
    }
    let mut parts = vec![if changed {
        format!("{what}: done")
    } else {
        format!("{what}: nothing new")
    }];
    if outcome.renames.renumbered() > 0 {
        parts.push(format!(
            "{} new items renumbered",
            outcome.renames.renumbered()
        ));
    }
    if outcome.orphaned > 0 {
        parts.push(format!(
            "{} orphaned",
            crate::words::count(outcome.orphaned, "evidence span")
        ));
    }
    let mut cmds = Vec::new();
    if outcome.conflicts > 0 {
        parts.push(format!(
            "{} to settle in Findings",
            crate::words::count(outcome.conflicts, "conflict")
        ));
        cmds.push(Command::ShowPane(Pane::Findings));
    }
    app.note(parts.join("; "));
    cmds
}

/// The open file changed on disk: merges the version on disk into the open workspace, with the
/// version last loaded or saved as the common ancestor. Afterwards the disk version is the new
/// ancestor, and saving writes the merged workspace over it without asking again.
pub fn merge_from_disk(app: &mut ClaimbenchApp) -> Vec<Command> {
    let Some(path) = app.session.path.clone() else {
        return Vec::new();
    };
    let base = match app.disk.base() {
        Some(b) => b,
        None => {
            app.error(
                "Cannot merge: the version you opened is no longer known. Reload or keep yours.",
            );
            return Vec::new();
        }
    };
    let theirs = match crate::io::load_workspace(&path) {
        Ok(ws) => ws,
        Err(e) => {
            app.error(format!(
                "Could not merge the file on disk; nothing was changed.\n{e}"
            ));
            return Vec::new();
        }
    };
    match crate::merge::merge(base, app.session.ws.clone(), theirs) {
        Ok(outcome) => {
            app.disk.track(Some(&path));
            take(app, outcome, "Merge changes from disk")
        }
        Err(e) => {
            app.error(format!("Could not merge; nothing was changed.\n{e}"));
            Vec::new()
        }
    }
}

/// File › Merge workspace…: merges another copy into the open workspace. With no common
/// ancestor, what only the other copy has is added and what both have but differently becomes a
/// conflict; nothing is deleted.
pub fn merge_with_file(app: &mut ClaimbenchApp, path: &Path) -> Vec<Command> {
    let theirs = match crate::io::load_workspace(path) {
        Ok(ws) => ws,
        Err(e) => {
            app.error(format!(
                "Could not merge that file; nothing was changed.\n{e}"
            ));
            return Vec::new();
        }
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match crate::merge::merge_two(app.session.ws.clone(), theirs) {
        Ok(outcome) => take(app, outcome, &format!("Merge {name}")),
        Err(e) => {
            app.error(format!("Could not merge; nothing was changed.\n{e}"));
            Vec::new()
        }
    }
}
