//! The open workspace file changes on disk (another program, a `git pull`): the app notices it
//! while idle and offers to reload, and a save never overwrites the other version unasked.
//! Driven like a user with egui_kittest, by accessible labels.

use claimbench::io::{load_workspace, save_workspace};
use claimbench::model::{DocId, SourceDocument, Workspace};
use claimbench::ui::ClaimbenchApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};

mod harness;

use harness::open;

/// The sample with one more document, as another program would write it.
fn with_document(mut ws: Workspace, title: &str) -> Workspace {
    let text = format!("{title}: a short text written by another program.\n");
    ws.documents.push(SourceDocument::new(
        DocId::new("doc-outside"),
        title,
        "Elsewhere",
        text,
    ));
    ws
}

/// Runs frames (the watcher wakes the UI) until `label` shows, for at most 2 s; the time taken.
/// Then lets the frames settle: a new modal takes one sizing frame before it can be clicked.
fn frames_until(h: &mut Harness<'static, ClaimbenchApp>, label: &str) -> Duration {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(2) {
        h.step();
        if h.query_by_label(label).is_some() {
            let took = t.elapsed();
            h.run();
            return took;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{label:?} did not appear within 2 s");
}

#[test]
fn a_change_on_disk_is_offered_for_reload_while_idle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    let ws = harness::sample();
    save_workspace(&ws, &path).expect("save");
    let mut h = open(&path, vec![]);
    assert!(h.state().session.ws == ws);
    assert!(h.query_by_label("Keep mine").is_none());
    // A frame or two with nothing happening: no prompt.
    h.run();
    assert!(
        h.query_by_label("Keep mine").is_none(),
        "no change, no prompt"
    );
    assert!(!h.state().is_dirty());

    // Another program replaces the file (atomically, as git and editors do).
    let theirs = with_document(ws.clone(), "Document added outside");
    save_workspace(&theirs, &path).expect("outside save");
    let noticed = frames_until(&mut h, "Keep mine");
    eprintln!("ui_disk: the change was noticed after {noticed:?}");
    assert!(noticed < Duration::from_secs(1), "{noticed:?}");
    h.get_by_label("The file changed on disk");
    assert!(
        h.query_by_label("Document added outside").is_none(),
        "nothing reloaded before the user says so"
    );
    assert!(h.state().session.ws == ws, "the sample is open");

    h.get_by_label("Reload").click();
    h.run();
    assert!(
        h.state().session.ws == theirs,
        "the file's new content is loaded"
    );
    h.get_by_label("Document added outside");
    assert!(
        h.query_by_label("Keep mine").is_none(),
        "the prompt is gone"
    );
}

#[test]
fn keep_mine_is_not_asked_again_for_the_same_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    let ws = harness::sample();
    save_workspace(&ws, &path).expect("save");
    let mut h = open(&path, vec![]);
    let mut theirs = ws.clone();
    theirs.title = "Renamed elsewhere".into();
    save_workspace(&theirs, &path).expect("outside save");
    frames_until(&mut h, "Keep mine");
    h.get_by_label("Keep mine").click();
    h.run();
    assert!(h.state().session.ws == ws, "mine is kept");
    assert!(h.query_by_label("Keep mine").is_none(), "closed");
    // A touch (same content) does not bring the question back.
    let f = std::fs::File::options()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_modified(std::time::SystemTime::now() + Duration::from_secs(3))
        .expect("touch");
    drop(f);
    for _ in 0..30 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(h.query_by_label("Keep mine").is_none());
}

#[test]
fn saving_over_a_changed_file_asks_and_overwrites_only_when_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    let ws = harness::sample();
    save_workspace(&ws, &path).expect("save");
    let mut h = open(&path, vec![]);
    h.state_mut()
        .push(claimbench::ui::Command::SetTitle("Mine".into()));
    h.run();
    assert!(h.state().is_dirty());

    let mut theirs = ws.clone();
    theirs.title = "Theirs".into();
    save_workspace(&theirs, &path).expect("outside save");
    let on_disk = std::fs::read(&path).expect("read");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    frames_until(&mut h, "Overwrite");
    h.get_by_label("Save over a changed file?");
    h.get_by_label("Save as…");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        on_disk,
        "not overwritten yet"
    );
    assert!(h.state().is_dirty(), "still unsaved");

    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(load_workspace(&path).expect("loads").title, "Mine");
    assert!(!h.state().is_dirty());
    assert!(h.query_by_label("Overwrite").is_none());
    // The app's own save is not "a change on disk".
    for _ in 0..30 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(h.query_by_label("Keep mine").is_none());
}

#[test]
fn save_as_from_the_conflict_leaves_the_other_version_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    let copy = dir.path().join("mine.ron");
    let ws = harness::sample();
    save_workspace(&ws, &path).expect("save");
    let mut h = open(&path, vec![Some(copy.clone())]);
    h.state_mut()
        .push(claimbench::ui::Command::SetTitle("Mine".into()));
    h.run();
    let mut theirs = ws.clone();
    theirs.title = "Theirs".into();
    save_workspace(&theirs, &path).expect("outside save");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    frames_until(&mut h, "Save as…");
    h.get_by_label("Save as…").click();
    h.run();
    assert_eq!(load_workspace(&path).expect("loads").title, "Theirs");
    assert_eq!(load_workspace(&copy).expect("loads").title, "Mine");
    assert_eq!(h.state().session.path.as_deref(), Some(copy.as_path()));
}

#[test]
fn reloading_a_broken_file_keeps_the_open_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    let ws = harness::sample();
    save_workspace(&ws, &path).expect("save");
    let mut h = open(&path, vec![]);
    // Another program leaves a half-written file.
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, &text[..text.len() / 3]).expect("write");
    frames_until(&mut h, "Keep mine");
    h.get_by_label("Reload").click();
    h.run();
    assert!(
        h.state().session.ws == ws,
        "the open workspace is untouched"
    );
    assert_eq!(h.state().session.path.as_deref(), Some(path.as_path()));
    let err = h
        .state()
        .notes
        .messages
        .iter()
        .find(|m| m.error)
        .map(|m| m.text.clone())
        .expect("an error is shown");
    assert!(
        err.contains("Could not open the workspace; nothing was changed"),
        "{err}"
    );
    assert!(
        err.contains("deals.ron:"),
        "names the file and position: {err}"
    );
    // Shown to the user as an error toast that stays until dismissed.
    h.get_by_label("Error");
    h.get_by_label_contains("Could not open the workspace; nothing was changed");
}
