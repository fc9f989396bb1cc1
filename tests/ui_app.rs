//! The real app driven like a user with egui_kittest: click by accessible label, type, and check
//! what the window shows. File dialogs are scripted (kittest cannot drive a native dialog).

use claimbench::model::Workspace;
use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::{ClaimbenchApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::VecDeque;
use std::path::PathBuf;

fn start(dialog_answers: Vec<Option<PathBuf>>) -> Harness<'static, ClaimbenchApp> {
    let startup = Startup {
        dialogs: DialogBackend::Scripted(VecDeque::from(dialog_answers)),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    h
}

fn sample() -> Workspace {
    claimbench::sample::sample_workspace().expect("sample loads")
}

/// A sentence-sized piece of a document's first long line.
fn sentence_of(text: &str) -> String {
    let line = text.lines().find(|l| l.len() > 60).expect("a long line");
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    line[..end].to_owned()
}

#[test]
fn opens_on_the_sample_with_its_title() {
    let h = start(vec![]);
    let ws = sample();
    assert_eq!(h.state().ws, ws);
    assert_eq!(
        h.state().window_title(),
        format!("claimbench — {}", ws.title)
    );
    h.get_by_label("Sources");
    h.get_by_label("Inspector");
    h.get_by_label("File");
}

#[test]
fn clicking_a_document_shows_its_text_in_the_reader() {
    let mut h = start(vec![]);
    let ws = sample();
    let doc = ws.documents.last().expect("sample has documents");
    let sentence = sentence_of(&doc.text);
    assert!(
        h.query_by_label_contains(&sentence).is_none(),
        "not shown before the click"
    );
    h.get_by_label(&doc.title).click();
    h.run();
    assert_eq!(h.state().selection.doc.as_ref(), Some(&doc.id));
    h.get_by_label_contains(&sentence);
}

#[test]
fn clicking_a_claim_row_shows_its_quote_in_the_inspector() {
    let mut h = start(vec![]);
    let ws = sample();
    // A claim visible in the table whose amount text is unique, so its cell can be found by label.
    let displays: Vec<String> = ws
        .claims
        .iter()
        .map(|c| c.figure.as_ref().map(|f| f.display()).unwrap_or_default())
        .collect();
    let (i, claim) = ws
        .claims
        .iter()
        .enumerate()
        .find(|(i, c)| {
            !c.evidence.is_empty()
                && !displays[*i].is_empty()
                && displays.iter().filter(|d| **d == displays[*i]).count() == 1
                && h.query_by_label(&displays[*i]).is_some()
        })
        .expect("a visible claim with a unique amount");
    let quote = format!("“{}”", claim.evidence[0].anchor.exact);
    assert!(h.query_by_label(&quote).is_none());
    h.get_by_label(&displays[i]).click();
    h.run();
    assert_eq!(h.state().selection.claim.as_ref(), Some(&claim.id));
    h.get_by_label(&quote);
    // "show in document" opens the evidence's document.
    h.get_all_by_label("show in document")
        .next()
        .expect("a link")
        .click();
    h.run();
    assert_eq!(
        h.state().selection.doc.as_ref(),
        Some(&claim.evidence[0].doc)
    );
}

#[test]
fn save_as_writes_a_file_that_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    let mut h = start(vec![Some(path.clone())]);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save As…").click();
    h.run();
    assert!(path.exists(), "Save As wrote the file");
    let back = claimbench::io::load_workspace(&path).unwrap();
    assert_eq!(back, h.state().ws);
    assert_eq!(h.state().path.as_ref(), Some(&path));
    assert!(!h.state().is_dirty());
    h.get_by_label(&path.display().to_string());
}

#[test]
fn a_bad_file_keeps_the_open_workspace_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: \"claimbench\",\n    version: 1,\n    title: [],\n)",
    )
    .unwrap();
    let mut h = start(vec![Some(bad.clone())]);
    let before = h.state().ws.clone();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
    assert_eq!(h.state().ws, before, "the open workspace stays");
    h.get_by_label("Something went wrong");
    h.get_by_label_contains(&format!("{}:4:12:", bad.display()));
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
}

#[test]
fn unsaved_changes_are_guarded_and_marked_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = start(vec![Some(path.clone())]);
    h.get_by_label("Edit").click();
    h.run();
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text(" (edited)");
    h.run();
    assert!(h.state().is_dirty());
    assert!(
        h.state().window_title().ends_with(" (edited) *"),
        "{}",
        h.state().window_title()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().is_dirty(), "cancel keeps the changes");
    assert!(
        !h.state().ws.documents.is_empty(),
        "cancel keeps the workspace"
    );
    // Ctrl+N again, and this time save first: the file is written, then a new workspace opens.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let saved = claimbench::io::load_workspace(&path).unwrap();
    assert!(saved.title.ends_with(" (edited)"));
    assert!(
        h.state().ws.documents.is_empty(),
        "then the new workspace opened"
    );
    assert!(!h.state().is_dirty());
}

#[test]
fn renaming_is_one_undo_step_and_undo_restores_the_saved_state() {
    let mut h = start(vec![]);
    let original = h.state().ws.title.clone();
    h.get_by_label("Edit").click();
    h.run();
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("!!");
    h.run();
    assert_eq!(h.state().ws.title, format!("{original}!!"));
    assert!(h.state().is_dirty());
    h.get_by_label_contains("Undo Rename workspace").click();
    h.run();
    assert_eq!(
        h.state().ws.title,
        original,
        "typing two characters is one undo step"
    );
    assert!(!h.state().is_dirty(), "back to the saved state");
    // Redo from the keyboard (no text field has focus now).
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(h.state().ws.title, format!("{original}!!"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().ws.title, original);
}
