//! Merging in the app, driven like a user with egui_kittest: a workspace left with conflicts by
//! `claimbench merge` (as after a conflicted `git merge`) opens with them in Findings, each settled
//! by a click (Take theirs, Keep ours, Edit…) and undoable; a file changed on disk while there
//! are unsaved edits is merged with them; File › Merge workspace… brings in another copy.

use claimbench::action::Action;
use claimbench::model::{ClaimStatus, Workspace};
use claimbench::ui::ClaimbenchApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod harness;

use harness::open;

/// Clicks the first control labelled `label` after scrolling it into view.
fn click(h: &mut Harness<'static, ClaimbenchApp>, label: &str) {
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .scroll_to_me();
    h.run();
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?} after scrolling"))
        .click();
    h.run();
}

fn undo(h: &mut Harness<'static, ClaimbenchApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

/// Writes BASE, OURS and THEIRS beside each other and runs the CLI's merge into OURS.
fn conflicted(dir: &Path, ours: &Workspace, theirs: &Workspace) -> PathBuf {
    let p = |n: &str| dir.join(n);
    claimbench::io::save_workspace(&harness::sample(), &p("base.ron")).unwrap();
    claimbench::io::save_workspace(ours, &p("deals.ron")).unwrap();
    claimbench::io::save_workspace(theirs, &p("theirs.ron")).unwrap();
    let args = claimbench::cli::merge::MergeArgs {
        base: p("base.ron"),
        ours: p("deals.ron"),
        theirs: p("theirs.ron"),
        out: None,
    };
    let outcome = claimbench::cli::merge::merge_files(&args).unwrap();
    assert_eq!(outcome.conflicts, 3);
    p("deals.ron")
}

#[test]
fn conflicts_are_listed_in_findings_and_settled_by_clicks_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let base = harness::sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.claims[0].note = "Ours: confirmed by the filing".into();
    theirs.claims[0].note = "Theirs: only one outlet has it".into();
    ours.claims[1].status = ClaimStatus::Signed;
    theirs.claims[1].status = ClaimStatus::Denied;
    ours.claims[2].note = "Ours again".into();
    theirs.claims[2].note = "Theirs again".into();
    let path = conflicted(dir.path(), &ours, &theirs);
    let mut h = open(&path, vec![]);
    assert_eq!(h.state().session.ws.conflicts.len(), 3);
    h.get_by_label("Findings").click();
    h.run();
    h.get_by_label("Merge conflicts (3)");
    // Both values side by side, in words.
    h.get_by_label("“Ours: confirmed by the filing”");
    h.get_by_label("“Theirs: only one outlet has it”");
    // (Statuses also show in the Claims table: at least the Findings row has them.)
    assert!(h.get_all_by_label("Signed").next().is_some());
    assert!(h.get_all_by_label("Denied").next().is_some());

    // Take theirs on the first: the note changes and the conflict is gone; undo brings both back.
    click(&mut h, "Take theirs");
    assert_eq!(
        h.state().session.ws.claims[0].note,
        "Theirs: only one outlet has it"
    );
    assert_eq!(h.state().session.ws.conflicts.len(), 2);
    h.get_by_label("Merge conflicts (2)");
    assert!(h.state().is_dirty());
    let label = h
        .state()
        .session
        .history
        .undo_label()
        .unwrap_or_default()
        .to_owned();
    assert!(
        label.starts_with(&format!("Take theirs for Claim {} (", base.claims[0].id))
            && label.ends_with("), note"),
        "{label}"
    );
    undo(&mut h);
    assert_eq!(
        h.state().session.ws.claims[0].note,
        "Ours: confirmed by the filing"
    );
    assert_eq!(h.state().session.ws.conflicts.len(), 3);
    h.get_by_label("Merge conflicts (3)");

    // Keep ours on the first: value unchanged, conflict settled.
    click(&mut h, "Keep ours");
    assert_eq!(
        h.state().session.ws.claims[0].note,
        "Ours: confirmed by the filing"
    );
    assert_eq!(h.state().session.ws.conflicts.len(), 2);
    // Take theirs on the status.
    click(&mut h, "Take theirs");
    assert_eq!(h.state().session.ws.claims[1].status, ClaimStatus::Denied);
    assert_eq!(h.state().session.ws.conflicts.len(), 1);

    // Edit… the last one: write a value of one's own.
    click(&mut h, "Edit…");
    h.state_mut().findings.conflict_draft.text = "\"Both: checked with the company\"".into();
    h.run();
    click(&mut h, "Apply value");
    assert_eq!(
        h.state().session.ws.claims[2].note,
        "Both: checked with the company"
    );
    assert!(h.state().session.ws.conflicts.is_empty());
    assert!(h.query_by_label_contains("Merge conflicts").is_none());
    assert_eq!(h.state().session.ws.validate(), vec![]);

    // A value that does not parse is refused in words and changes nothing.
    undo(&mut h);
    click(&mut h, "Edit…");
    h.state_mut().findings.conflict_draft.text = "not a value (".into();
    h.run();
    click(&mut h, "Apply value");
    assert_eq!(h.state().session.ws.conflicts.len(), 1);
    h.get_by_label_contains("not a valid value");
}

/// Runs frames until `label` shows (the file watcher wakes the UI), for at most 2 s.
fn frames_until(h: &mut Harness<'static, ClaimbenchApp>, label: &str) {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(2) {
        h.step();
        if h.query_by_label(label).is_some() {
            h.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{label:?} did not appear within 2 s");
}

#[test]
fn a_file_changed_on_disk_during_unsaved_edits_is_merged_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.ron");
    let base = harness::sample();
    claimbench::io::save_workspace(&base, &path).unwrap();
    let mut h = open(&path, vec![]);
    // An unsaved edit here…
    let mut mine = base.claims[0].clone();
    mine.note = "Edited in the app".into();
    h.state_mut()
        .apply(Action::ReplaceClaim(Box::new(mine)), "Edit note", None);
    h.run();
    assert!(h.state().is_dirty());
    // …and a colleague's version lands on disk (a git pull).
    let mut theirs = base.clone();
    theirs.claims[4].status = ClaimStatus::Completed;
    theirs.title = "Renamed by a colleague".into();
    claimbench::io::save_workspace(&theirs, &path).unwrap();
    frames_until(&mut h, "Merge");
    h.get_by_label("Reload");
    h.get_by_label("Keep mine");
    h.get_by_label("Merge").click();
    h.run();
    let ws = &h.state().session.ws;
    assert_eq!(ws.claims[0].note, "Edited in the app", "ours kept");
    assert_eq!(ws.claims[4].status, ClaimStatus::Completed, "theirs joined");
    assert_eq!(ws.title, "Renamed by a colleague");
    assert!(ws.conflicts.is_empty());
    assert!(
        h.query_by_label("Keep mine").is_none(),
        "the prompt is gone"
    );
    assert!(h.state().is_dirty(), "the merge is an unsaved edit");
    // Saving now writes over the disk version without asking (it is merged in).
    h.state_mut()
        .push(claimbench::ui::Command::Ui(claimbench::ui::UiCommand::Save));
    h.run();
    assert!(!h.state().is_dirty());
    let saved = claimbench::io::load_workspace(&path).unwrap();
    assert_eq!(saved.claims[0].note, "Edited in the app");
    assert_eq!(saved.claims[4].status, ClaimStatus::Completed);
    // Undo takes the merge back (and only the merge).
    undo(&mut h);
    assert_eq!(h.state().session.ws.claims[4].status, base.claims[4].status);
    assert_eq!(h.state().session.ws.claims[0].note, "Edited in the app");
}

#[test]
fn file_merge_workspace_brings_in_another_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.ron");
    let base = harness::sample();
    claimbench::io::save_workspace(&base, &path).unwrap();
    let mut other = base.clone();
    let mut extra = base.claims[3].clone();
    extra.id = claimbench::model::ClaimId::new("cl-colleague-1");
    extra.note = "Found by a colleague".into();
    other.claims.push(extra);
    other.claims[5].note = "Colleague's note".into();
    let other_path = dir.path().join("colleague.ron");
    claimbench::io::save_workspace(&other, &other_path).unwrap();
    let mut h = open(&path, vec![Some(other_path)]);
    click(&mut h, "File");
    click(&mut h, "Merge workspace…");
    let ws = &h.state().session.ws;
    assert!(ws.claims.iter().any(|c| c.note == "Found by a colleague"));
    // With no common ancestor, a field both copies have differently is a conflict, ours kept.
    assert_eq!(ws.claims[5].note, base.claims[5].note);
    assert_eq!(ws.conflicts.len(), 1, "{:?}", ws.conflicts);
    assert_eq!(ws.validate(), vec![]);
    undo(&mut h);
    assert!(h.state().session.ws == base);
}
