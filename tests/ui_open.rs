//! Opening a large workspace runs off the UI thread: the status bar shows a named progress bar
//! with a Cancel button, menus keep working, and the workspace appears when it is ready; a
//! cancelled or failed open leaves the previous workspace as it was. Driven like a user with
//! egui_kittest, by accessible labels.
//!
//! The worker is paused between reading and parsing with `hold_opens_of` while a test looks at
//! the window mid-open, so nothing depends on how fast the machine parses. Frames run one at a
//! time with a short sleep, under a generous deadline.

mod harness;

use claimbench::model::Workspace;
use claimbench::ui::app::Settings;
use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::open_job::{BACKGROUND_BYTES, PROGRESS_LABEL, hold_opens_of};
use claimbench::ui::{ClaimbenchApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type H = Harness<'static, ClaimbenchApp>;

/// A synthetic workspace of about 6 MB saved as `dir/name`.
fn big_workspace(dir: &Path, name: &str) -> (PathBuf, Workspace) {
    let mut spec = claimbench::synth::SynthSpec::new(30, 3000);
    spec.text_bytes = 3_000_000;
    let ws = claimbench::synth::generate(&spec);
    let path = dir.join(name);
    claimbench::io::save_workspace(&ws, &path).expect("save");
    let size = std::fs::metadata(&path).expect("saved").len();
    assert!(size >= BACKGROUND_BYTES, "{size} bytes opens synchronously");
    (path, ws)
}

/// The counts as the status bar shows them.
fn counts(ws: &Workspace) -> String {
    format!(
        "documents: {}  entities: {}  claims: {}  evidence: {}",
        ws.documents.len(),
        ws.entities.len(),
        ws.claims.len(),
        ws.evidence_count()
    )
}

/// Runs frames one at a time until `done`, for at most 60 s.
fn frames_until(h: &mut H, what: &str, done: impl Fn(&H) -> bool) {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        h.step();
        if done(h) {
            h.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("{what}: not within 60 s");
}

/// The app on the embedded sample with `settings`, file dialogs answering from `answers`. Frames
/// are 1/60 s apart, as on screen (the default quarter second would turn the open's "repaint in
/// 30 ms" into "repaint now", and `run` would never settle while a file loads).
fn start_app(answers: Vec<Option<PathBuf>>, settings: Settings) -> H {
    let startup = Startup {
        dialogs: DialogBackend::Scripted(VecDeque::from(answers)),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| ClaimbenchApp::with_settings(startup, settings));
    h.run();
    h
}

fn start(answers: Vec<Option<PathBuf>>) -> H {
    start_app(answers, Settings::default())
}

/// Whether some label contains `text` (a note shows as a toast and in the status bar).
fn shows(h: &H, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn open_from_file_menu(h: &mut H) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
}

fn wait_for_progress_bar(h: &mut H) {
    frames_until(h, "the progress bar", |h| {
        h.query_by_label(PROGRESS_LABEL).is_some()
    });
}

#[test]
fn a_large_workspace_opens_in_the_background_with_a_progress_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ws) = big_workspace(dir.path(), "big.ron");
    let hold = hold_opens_of(&path);
    let mut h = start(vec![Some(path.clone())]);
    let sample = h.state().session.ws.clone();
    open_from_file_menu(&mut h);
    wait_for_progress_bar(&mut h);

    // The bar says what it does (the worker is held once the file is read); Cancel is offered;
    // the old workspace is still shown.
    let said = |h: &H| {
        h.query_by_label(PROGRESS_LABEL)
            .and_then(|bar| bar.accesskit_node().description())
            .unwrap_or_default()
    };
    frames_until(&mut h, "the file read", |h| said(h).contains("Parsing"));
    assert!(
        said(&h).starts_with("big.ron: Parsing 0 of 6 MB"),
        "{}",
        said(&h)
    );
    let bar = h.get_by_label(PROGRESS_LABEL);
    assert_eq!(bar.accesskit_node().numeric_value(), Some(5.0), "read: 5 %");
    h.get_by_label("Cancel open");
    h.get_by_label(&counts(&sample));
    assert!(h.state().session.ws == sample);

    // The window still answers: the Edit menu opens and closes while the file loads.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("Undo").is_none(), "menu closed");
    assert!(h.state().open_job.is_some(), "still loading");

    drop(hold);
    frames_until(&mut h, "the open", |h| h.state().open_job.is_none());
    assert!(
        h.query_by_label(PROGRESS_LABEL).is_none(),
        "the bar is gone"
    );
    assert!(h.state().session.ws == ws, "the new workspace is shown");
    h.get_by_label(&counts(&ws));
    h.get_by_label(&path.display().to_string());
    assert!(!h.state().is_dirty());
    let canonical = std::fs::canonicalize(&path).expect("exists");
    assert_eq!(h.state().settings.recent.first(), Some(&canonical));
}

#[test]
fn cancel_keeps_the_previous_workspace_and_its_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = big_workspace(dir.path(), "big.ron");
    let hold = hold_opens_of(&path);
    let settings = Settings {
        recent: vec![path.clone()],
        welcome_dismissed: true,
        ..Default::default()
    };
    let mut h = start_app(vec![], settings);
    let sample = h.state().session.ws.clone();
    // Through File › Open Recent.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open Recent").click();
    h.run();
    h.get_by_label(&path.display().to_string()).click();
    h.run();
    wait_for_progress_bar(&mut h);

    h.get_by_label("Cancel open").click();
    h.run();
    assert!(h.state().open_job.is_none());
    assert!(h.query_by_label(PROGRESS_LABEL).is_none());
    assert!(shows(&h, "Open cancelled; nothing was changed"));
    // The worker goes on to its next step, sees the cancel and hands nothing back.
    drop(hold);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        h.state().session.ws == sample,
        "the previous workspace stays"
    );
    h.get_by_label(&counts(&sample));
    h.get_by_label(claimbench::sample::SAMPLE_NAME);
}

#[test]
fn a_corrupt_large_file_says_where_and_keeps_the_previous_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (good, _) = big_workspace(dir.path(), "good.ron");
    let text = std::fs::read_to_string(&good).expect("read");
    // Garbage on a line of its own, well past the header.
    let at = text[text.len() * 6 / 10..]
        .find('\n')
        .map(|i| text.len() * 6 / 10 + i + 1)
        .expect("a line break");
    let line = text[..at].matches('\n').count() + 1;
    let corrupt = format!("{}    @@ this is not RON @@\n{}", &text[..at], &text[at..]);
    let path = dir.path().join("corrupt.ron");
    std::fs::write(&path, &corrupt).expect("write");
    let expected = claimbench::io::parse_workspace(&corrupt, &path)
        .expect_err("corrupt")
        .position()
        .expect("a position");
    assert_eq!(
        expected.0, line,
        "the synchronous loader points at the garbage"
    );

    let hold = hold_opens_of(&path);
    let mut h = start(vec![Some(path.clone())]);
    let sample = h.state().session.ws.clone();
    open_from_file_menu(&mut h);
    wait_for_progress_bar(&mut h);
    drop(hold);
    frames_until(&mut h, "the open", |h| h.state().open_job.is_none());
    assert!(h.state().session.ws == sample, "the open workspace stays");
    h.get_by_label(&counts(&sample));
    h.get_by_label("Error");
    let at = format!("{}:{}:{}:", path.display(), expected.0, expected.1);
    h.get_by_label_contains(&at);
    h.get_by_label_contains("Could not open the workspace; nothing was changed.");
}

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn edits_made_while_a_dropped_file_loads_are_asked_about_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ws) = big_workspace(dir.path(), "dropped.ron");
    let hold = hold_opens_of(&path);
    let mut h = start(vec![]);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.step();
    wait_for_progress_bar(&mut h);

    // Rename the open workspace while the dropped one loads.
    rename_the_open_workspace(&mut h);

    drop(hold);
    frames_until(&mut h, "the question", |h| {
        h.query_by_label("Unsaved changes").is_some()
    });
    assert!(
        h.state().session.ws.title.ends_with(" (edited)"),
        "not replaced unasked"
    );
    h.get_by_label_contains("dropped.ron is loaded; save or discard your changes");
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(
        h.state().session.ws == ws,
        "the loaded workspace, without a second read"
    );
    assert!(h.state().open_job.is_none());
    assert!(!h.state().is_dirty());
    h.get_by_label(&counts(&ws));
}

#[test]
fn a_second_open_cancels_the_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (big, _) = big_workspace(dir.path(), "big.ron");
    let small = dir.path().join("small.ron");
    let mut other = harness::sample();
    other.title = "Small and quick".into();
    claimbench::io::save_workspace(&other, &small).expect("save");
    let hold = hold_opens_of(&big);
    let mut h = start(vec![Some(big.clone()), Some(small.clone())]);
    open_from_file_menu(&mut h);
    wait_for_progress_bar(&mut h);
    open_from_file_menu(&mut h);
    assert!(h.state().open_job.is_none(), "the first open was cancelled");
    assert!(shows(
        &h,
        "Stopped opening big.ron; opening small.ron instead"
    ));
    assert!(h.state().session.ws == other);
    drop(hold);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        h.state().session.ws == other,
        "the cancelled open never lands"
    );
    h.get_by_label(&small.display().to_string());
}

#[test]
fn startup_and_reload_from_disk_open_large_files_in_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ws) = big_workspace(dir.path(), "big.ron");
    // Startup with a large workspace named: the sample shows while it loads.
    let hold = hold_opens_of(&path);
    let startup = Startup {
        path: Some(path.clone()),
        dialogs: DialogBackend::Scripted(VecDeque::new()),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| ClaimbenchApp::with_settings(startup, Settings::default()));
    h.run();
    wait_for_progress_bar(&mut h);
    h.get_by_label(claimbench::sample::SAMPLE_NAME);
    drop(hold);
    frames_until(&mut h, "the startup open", |h| h.state().open_job.is_none());
    assert!(h.state().session.ws == ws);
    h.get_by_label(&counts(&ws));

    // Another program rewrites the file; Reload reads it in the background too.
    let mut theirs = ws.clone();
    theirs.title = "Rewritten elsewhere".into();
    theirs.claims.truncate(2500);
    claimbench::io::save_workspace(&theirs, &path).expect("outside save");
    frames_until(&mut h, "the changed-on-disk question", |h| {
        h.query_by_label("Keep mine").is_some()
    });
    let hold = hold_opens_of(&path);
    h.get_by_label("Reload").click();
    h.run();
    wait_for_progress_bar(&mut h);
    assert!(
        h.state().session.ws == ws,
        "shown until the new content is ready"
    );
    drop(hold);
    frames_until(&mut h, "the reload", |h| h.state().open_job.is_none());
    assert!(h.state().session.ws == theirs, "the file's new content");
    h.get_by_label(&counts(&theirs));
    assert!(h.query_by_label("Keep mine").is_none());
}

#[test]
fn new_while_a_file_loads_stops_the_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = big_workspace(dir.path(), "big.ron");
    let hold = hold_opens_of(&path);
    let mut h = start(vec![Some(path.clone())]);
    open_from_file_menu(&mut h);
    wait_for_progress_bar(&mut h);
    // File › New by its shortcut.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(h.state().open_job.is_none());
    assert!(h.query_by_label(PROGRESS_LABEL).is_none());
    assert!(shows(&h, "Stopped opening big.ron"));
    drop(hold);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        h.state().session.ws == Workspace::default(),
        "the new, empty workspace stays"
    );
    h.get_by_label("new workspace (not saved yet)");
}

/// Edits the open workspace's title from the Edit menu, as a user would: it has unsaved changes.
fn rename_the_open_workspace(h: &mut Harness<'static, ClaimbenchApp>) {
    h.get_by_label("Edit").click();
    h.run();
    let title = h.state().session.ws.title.clone();
    let field = h
        .get_all_by_value(&title)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the title field");
    field.focus();
    field.type_text(" (edited)");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().is_dirty());
}

#[test]
fn unsaved_changes_are_asked_about_before_a_large_open_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ws) = big_workspace(dir.path(), "big.ron");
    let hold = hold_opens_of(&path);
    let mut h = start(vec![Some(path.clone())]);
    rename_the_open_workspace(&mut h);

    open_from_file_menu(&mut h);
    h.get_by_label("Unsaved changes");
    assert!(
        h.state().open_job.is_none(),
        "nothing is read before the answer"
    );
    h.get_by_label("Discard changes").click();
    h.run();
    wait_for_progress_bar(&mut h);
    assert!(
        h.state().session.ws.title.ends_with(" (edited)"),
        "shown while loading"
    );
    drop(hold);
    frames_until(&mut h, "the open", |h| h.state().open_job.is_none());
    assert!(h.query_by_label("Unsaved changes").is_none(), "asked once");
    assert!(h.state().session.ws == ws);
    assert!(!h.state().is_dirty());
}
