//! The real app driven like a user with egui_kittest: click by accessible label, type, and check
//! what the window shows. File dialogs are scripted (kittest cannot drive a native dialog).

use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::{ClaimbenchApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::collections::VecDeque;
use std::path::PathBuf;

mod harness;
use claimbench::ui::layout::Pane;
use harness::sample;
use harness::shown_in;
use harness::start;

/// The text field showing `value` (table cells may show the same text as labels).
fn field_with_value<'a>(
    h: &'a Harness<'static, ClaimbenchApp>,
    value: &'a str,
) -> egui_kittest::Node<'a> {
    h.get_all_by_value(value)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap_or_else(|| panic!("no text field shows {value:?}"))
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
    assert_eq!(h.state().session.ws, ws);
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
    let reader_text = |h: &Harness<'static, ClaimbenchApp>| {
        h.get_by_role(egui::accesskit::Role::MultilineTextInput)
            .value()
            .unwrap_or_default()
    };
    assert!(
        !reader_text(&h).contains(&sentence),
        "not shown before the click"
    );
    h.get_by_label(&doc.title).click();
    h.run();
    assert_eq!(h.state().selection.doc.as_ref(), Some(&doc.id));
    assert!(
        reader_text(&h).contains(&sentence),
        "the Reader shows the document"
    );
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
                && h.query_by_label(&displays[*i])
                    .is_some_and(|n| shown_in(&h, Pane::Claims, n.rect()))
        })
        .expect("a visible claim with a unique amount");
    let quote = format!("“{}”", claim.evidence[0].anchor.exact);
    assert!(h.query_by_label(&quote).is_none());
    h.get_by_label(&displays[i]).click();
    h.run();
    assert_eq!(h.state().selection.claim.as_ref(), Some(&claim.id));
    h.get_by_label(&quote);
    // "show in document" opens the evidence's document (scrolled into the Inspector's view).
    h.get_all_by_label("show in document")
        .next()
        .expect("a link")
        .scroll_to_me();
    h.run();
    let link = h
        .get_all_by_label("show in document")
        .next()
        .expect("a link");
    assert!(shown_in(&h, Pane::Inspector, link.rect()));
    link.click();
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
    assert_eq!(back, h.state().session.ws);
    assert_eq!(h.state().session.path.as_ref(), Some(&path));
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
    let before = h.state().session.ws.clone();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
    assert_eq!(h.state().session.ws, before, "the open workspace stays");
    // The error is a toast that stays until dismissed, and is kept in the Messages pane.
    h.get_by_label("Error");
    h.get_by_label_contains(&format!("{}:4:12:", bad.display()));
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label("Error").is_none());
    assert!(
        h.query_by_label_contains(&format!("{}:4:12:", bad.display()))
            .is_none()
    );
    h.get_by_label("Messages").click();
    h.run();
    h.get_by_label_contains(&format!("{}:4:12:", bad.display()));
}

#[test]
fn unsaved_changes_are_guarded_and_marked_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = start(vec![Some(path.clone())]);
    h.get_by_label("Edit").click();
    h.run();
    let title = h.state().session.ws.title.clone();
    let field = field_with_value(&h, &title);
    field.focus();
    field.type_text(" (edited)");
    h.run();
    assert!(h.state().is_dirty());
    assert!(
        h.state().window_title().ends_with(" (edited) *"),
        "{}",
        h.state().window_title()
    );
    // Ctrl+N belongs to the text field while typing; leave the field first.
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().is_dirty(), "cancel keeps the changes");
    assert!(
        !h.state().session.ws.documents.is_empty(),
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
        h.state().session.ws.documents.is_empty(),
        "then the new workspace opened"
    );
    assert!(!h.state().is_dirty());
}

#[test]
fn renaming_is_one_undo_step_and_undo_restores_the_saved_state() {
    let mut h = start(vec![]);
    let original = h.state().session.ws.title.clone();
    h.get_by_label("Edit").click();
    h.run();
    let title = h.state().session.ws.title.clone();
    let field = field_with_value(&h, &title);
    field.focus();
    field.type_text("!!");
    h.run();
    assert_eq!(h.state().session.ws.title, format!("{original}!!"));
    assert!(h.state().is_dirty());
    h.get_by_label_contains("Undo Rename workspace").click();
    h.run();
    assert_eq!(
        h.state().session.ws.title,
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
    assert_eq!(h.state().session.ws.title, format!("{original}!!"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws.title, original);
}

/// The annotation flow: select a span (through the app's API: kittest cannot drag), make it a
/// claim, edit amount and status in the Inspector, undo, redo, save, reload equal.
#[test]
fn claim_from_selection_edit_undo_redo_save_reload() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotated.ron");
    let mut h = start(vec![Some(path.clone())]);
    let doc = h.state().session.ws.documents[0].clone();
    let quote = "Amazon had $66.9 billion in cash";
    let quote = doc
        .text
        .find("$66.9 billion in cash")
        .map(|i| {
            &doc.text
                [doc.text[..i].rfind(". ").map_or(0, |j| j + 2)..i + "$66.9 billion in cash".len()]
        })
        .unwrap_or(quote)
        .to_owned();
    let start_byte = doc.text.find(&quote).expect("quote in the first document");
    let claims_before = h.state().session.ws.claims.len();
    h.state_mut().reader.selection = Some((doc.id.clone(), start_byte..start_byte + quote.len()));
    h.run();
    h.get_by_label_contains("New claim from selection").click();
    h.run();
    let ws = &h.state().session.ws;
    assert_eq!(ws.claims.len(), claims_before + 1);
    let id = h
        .state()
        .selection
        .claim
        .clone()
        .expect("the new claim is selected");
    let claim = ws.claim(&id).unwrap().clone();
    assert_eq!(claim.evidence[0].anchor.exact, quote);
    assert_eq!(
        claim.kind,
        claimbench::model::ClaimKind::Cash,
        "prefilled from the selection"
    );
    assert_eq!(claim.figure.as_ref().map(|f| f.low), Some(66.9e9));
    // The sentence says "as of September 30": the extraction engine resolves it.
    assert_eq!(
        claim.as_of.map(|d| d.to_string()).as_deref(),
        Some("2025-09-30")
    );

    // Edit the amount: select the field's text and type a new value.
    field_with_value(&h, "$66.9B").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field_with_value(&h, "$66.9B").type_text("70B");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .session
            .ws
            .claim(&id)
            .unwrap()
            .figure
            .as_ref()
            .unwrap()
            .low,
        70e9
    );

    // A high below the low is refused next to the field.
    // (the status combo box shows the current status)
    let status = claim.status.label();
    h.get_all_by_role(Role::ComboBox)
        .find(|n| {
            n.value().as_deref() == Some(status)
                || n.accesskit_node().label().as_deref() == Some(status)
        })
        .expect("the status combo box")
        .click();
    h.run();
    h.get_all_by_label("Signed")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the Signed option")
        .click();
    h.run();
    assert_eq!(
        h.state().session.ws.claim(&id).unwrap().status,
        claimbench::model::ClaimStatus::Signed
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session.ws.claim(&id).unwrap().status,
        claim.status,
        "undo the status"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .session
            .ws
            .claim(&id)
            .unwrap()
            .figure
            .as_ref()
            .unwrap()
            .low,
        66.9e9,
        "undo the amount"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    let edited = h.state().session.ws.claim(&id).unwrap().clone();
    assert_eq!(
        (edited.figure.as_ref().unwrap().low, edited.status),
        (70e9, claimbench::model::ClaimStatus::Signed)
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let back = claimbench::io::load_workspace(&path).expect("saved file loads");
    assert_eq!(back, h.state().session.ws);
    assert!(!h.state().is_dirty());
}

#[test]
fn invalid_input_is_shown_and_not_applied() {
    let mut h = start(vec![]);
    let id = h
        .state()
        .session
        .ws
        .claims
        .iter()
        .find(|c| c.as_of.is_some())
        .unwrap()
        .id
        .clone();
    h.state_mut()
        .push(claimbench::ui::Command::SelectClaim(id.clone()));
    h.run();
    let before = h.state().session.ws.claim(&id).unwrap().clone();
    let date = before.as_of.unwrap().to_string();
    assert_eq!(h.state().selection.claim.as_ref(), Some(&id));
    field_with_value(&h, &date).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field_with_value(&h, &date).type_text("2025-13");
    h.run();
    h.get_by_label("month 13 is not between 1 and 12");
    assert_eq!(
        h.state().session.ws.claim(&id).unwrap(),
        &before,
        "the claim is unchanged"
    );
}

#[test]
fn import_a_document_from_the_file_menu_then_undo_and_detect_duplicates() {
    let file = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/article.txt"
    ));
    let mut h = start(vec![Some(file.clone()), Some(file.clone())]);
    let before = h.state().session.ws.documents.len();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import documents…").click();
    harness::wait_for_import(&mut h);
    let ws = &h.state().session.ws;
    assert_eq!(ws.documents.len(), before + 1, "one document added");
    let doc = ws.documents.last().unwrap().clone();
    assert_eq!(
        h.state().selection.doc.as_ref(),
        Some(&doc.id),
        "the new document is open"
    );
    assert!(h.state().is_dirty());
    // The same file again: reported as already in the workspace, nothing added.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import documents…").click();
    harness::wait_for_import(&mut h);
    assert_eq!(h.state().session.ws.documents.len(), before + 1);
    h.get_by_label_contains("already in workspace");
    h.get_by_label("Dismiss").click();
    h.run();
    // Undo removes the import in one step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws.documents.len(), before);
    assert!(!h.state().is_dirty());
}

#[test]
fn suggestions_can_be_accepted_rejected_and_undone() {
    use claimbench::ui::suggestions::SuggestionsState;
    let mut h = start(vec![]);
    let ws = sample();
    // The document with the most open proposals.
    let (doc, n) = ws
        .documents
        .iter()
        .map(|d| {
            (
                d.clone(),
                SuggestionsState::default().proposals(&ws, d).len(),
            )
        })
        .max_by_key(|(_, n)| *n)
        .unwrap();
    assert!(n >= 2, "the sample leaves proposals to review ({n})");
    h.get_by_label(&doc.title).click();
    h.run();
    h.get_by_label_contains(&format!("Suggestions ({n})"));
    let claims = h.state().session.ws.claims.len();
    let evidence = h.state().session.ws.evidence_count();
    h.get_all_by_label("Accept")
        .next()
        .expect("an Accept button")
        .click();
    h.run();
    assert_eq!(
        h.state().session.ws.evidence_count(),
        evidence + 1,
        "the span became evidence"
    );
    assert!(h.state().session.ws.claims.len() <= claims + 1);
    h.get_by_label_contains(&format!("Suggestions ({})", n - 1));
    h.get_all_by_label("Reject")
        .next()
        .expect("a Reject button")
        .click();
    h.run();
    h.get_by_label_contains(&format!("Suggestions ({})", n - 2));
    let d = h.state().session.ws.document(&doc.id).unwrap();
    assert_eq!(d.rejected.len(), 1, "the rejection is kept in the document");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.get_by_label_contains(&format!("Suggestions ({n})"));
    assert_eq!(h.state().session.ws, ws, "both steps undone");
}

#[test]
fn replacing_text_reanchors_orphans_and_reattaches() {
    let mut h = start(vec![]);
    let ws = sample();
    let doc = ws.documents[0].clone();
    let evidence: Vec<_> = ws
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter().map(move |e| (c.id.clone(), e.clone())))
        .filter(|(_, e)| e.doc == doc.id)
        .collect();
    let (gone_claim, gone) = evidence[0].clone();
    let new_text = format!(
        "Update: this story was revised.\n\n{}",
        doc.text.replacen(&gone.anchor.exact, "", 1)
    );
    h.get_by_label("Replace text…").click();
    h.run();
    let editor = h
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .last()
        .expect("the editor");
    editor.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .last()
        .unwrap()
        .type_text(&new_text);
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    let ws2 = h.state().session.ws.clone();
    assert_eq!(ws2.document(&doc.id).unwrap().text, new_text);
    let orphan = ws2
        .claim(&gone_claim)
        .unwrap()
        .evidence
        .iter()
        .find(|e| e.doc == doc.id && e.anchor.exact == gone.anchor.exact)
        .unwrap();
    assert!(orphan.orphaned, "the deleted quote is orphaned, not moved");
    for (id, e) in &evidence[1..] {
        let now = ws2
            .claim(id)
            .unwrap()
            .evidence
            .iter()
            .find(|x| x.doc == doc.id && x.anchor.exact == e.anchor.exact)
            .unwrap();
        if !now.orphaned {
            assert_eq!(
                &new_text[now.anchor.range()],
                e.anchor.exact,
                "kept on its quote"
            );
        }
    }
    assert!(ws2.validate().is_empty());
    h.get_by_label("Dismiss").click(); // the orphan warning
    h.run();
    // Re-attach the orphan to a span selected in the new text.
    h.state_mut()
        .push(claimbench::ui::Command::SelectClaim(gone_claim.clone()));
    h.run();
    let span = new_text.find("Update: this story").unwrap();
    h.state_mut().reader.selection = Some((doc.id.clone(), span..span + 30));
    harness::click_in_view(&mut h, "Re-attach to selection");
    h.run();
    let re = h.state().session.ws.claim(&gone_claim).unwrap().clone();
    assert!(re.evidence.iter().all(|e| !e.orphaned));
    // One undo step each: re-attach, then the replacement.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws, ws);
}

#[test]
fn find_in_document_and_across_documents_and_filter_claims() {
    let mut h = start(vec![]);
    let ws = sample();
    let doc = &ws.documents[0];
    let n = claimbench::ui::find::matches(&doc.text, "openai").len();
    assert!(n >= 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.accesskit_node().placeholder() == Some("Find in document"))
        .expect("the find field")
        .type_text("OpenAI");
    h.run();
    h.get_by_label(&format!("1 of {n}"));
    h.get_by_label("Next").click();
    h.run();
    h.get_by_label(&format!("2 of {n}"));
    h.get_by_label("All documents").click();
    h.run();
    let docs_with = ws
        .documents
        .iter()
        .filter(|d| !claimbench::ui::find::matches(&d.text, "openai").is_empty())
        .count();
    h.get_by_label_contains(&format!("in {docs_with} documents"));
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Next").is_none());
    // The Claims table filter: free text narrows the rows.
    let before = h
        .get_by_label_contains(" of 29")
        .value()
        .unwrap_or_default();
    assert!(before.starts_with("29 of 29"), "{before}");
    let filter_field = |h: &Harness<'static, ClaimbenchApp>| {
        h.get_all_by_role(egui::accesskit::Role::TextInput)
            .find(|n| n.accesskit_node().placeholder() == Some("Filter claims…"))
            .expect("the filter field")
            .focus()
    };
    filter_field(&h);
    h.run();
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.accesskit_node().placeholder() == Some("Filter claims…"))
        .expect("the filter field")
        .type_text("valuation");
    h.run();
    let filter = claimbench::ui::claims::ClaimFilter {
        text: "valuation".into(),
        ..Default::default()
    };
    let expected = ws.claims.iter().filter(|c| filter.accepts(&ws, c)).count();
    assert!(expected > 0 && expected < 29);
    h.get_by_label(&format!("{expected} of 29"));
}

#[test]
fn merge_two_entities_and_undo() {
    let mut h = start(vec![]);
    let ws = sample();
    h.get_by_label("Entities").click();
    h.run();
    let aws = ws.entity(&"aws".into()).unwrap().name.clone();
    h.get_all_by_label_contains(&format!("{aws} ⊂ Amazon"))
        .next()
        .expect("AWS listed under Amazon")
        .click();
    h.run();
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| {
            n.value().as_deref() == Some("choose…")
                || n.accesskit_node().label().as_deref() == Some("choose…")
        })
        .expect("the merge combo box")
        .click();
    h.run();
    h.get_all_by_label("Amazon")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("Amazon option")
        .click();
    h.run();
    let merged = h.state().session.ws.clone();
    assert!(merged.entity(&"aws".into()).is_none(), "AWS merged away");
    assert!(
        merged
            .claims
            .iter()
            .all(|c| c.subject.as_ref().is_none_or(|s| s.as_str() != "aws")
                && c.counterparty.as_ref().is_none_or(|s| s.as_str() != "aws"))
    );
    assert!(
        merged
            .entity(&"amazon".into())
            .unwrap()
            .answers_to("Amazon Web Services")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session.ws,
        ws,
        "one undo restores both entities and every claim"
    );
}

#[test]
fn edit_document_details_and_mark_boilerplate() {
    let mut h = start(vec![]);
    let ws = sample();
    let doc = ws.documents[1].clone();
    h.get_by_label(&doc.title).click();
    h.run();
    h.get_by_label("Details…").click();
    h.run();
    let published = doc.published.unwrap().to_string();
    field_with_value(&h, &published).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field_with_value(&h, &published).type_text("2025-12-31");
    h.run();
    assert_eq!(
        h.state()
            .session
            .ws
            .document(&doc.id)
            .unwrap()
            .published
            .unwrap()
            .to_string(),
        "2025-12-31"
    );
    // Mark the first 40 bytes as boilerplate, then include them again.
    let end = claimbench::model::anchor::floor_boundary(&doc.text, 40);
    h.state_mut().reader.selection = Some((doc.id.clone(), 0..end));
    h.run();
    h.get_by_label("Exclude selection").click();
    h.run();
    let d = h.state().session.ws.document(&doc.id).unwrap().clone();
    assert!(d.is_excluded(0) && d.is_excluded(end - 1));
    h.state_mut().reader.selection = Some((doc.id.clone(), 0..end));
    h.run();
    h.get_by_label("Include selection").click();
    h.run();
    assert!(
        !h.state()
            .session
            .ws
            .document(&doc.id)
            .unwrap()
            .is_excluded(0)
    );
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(h.state().session.ws, ws);
}

#[test]
fn conflicts_are_flagged_in_the_table_and_the_report_exports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let mut h = start(vec![Some(path.clone())]);
    // cl-0018 (2.3%) and cl-0019 (5%) contradict each other: both rows carry the flag.
    fn filter<'a>(h: &'a Harness<'static, ClaimbenchApp>) -> egui_kittest::Node<'a> {
        h.get_all_by_role(egui::accesskit::Role::TextInput)
            .find(|n| n.accesskit_node().placeholder() == Some("Filter claims…"))
            .expect("the filter field")
    }
    filter(&h).focus();
    h.run();
    filter(&h).type_text("stock move");
    h.run();
    assert_eq!(
        h.get_all_by_label_contains("⚑ conflict").count(),
        2,
        "both share moves flagged"
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export report…").click();
    h.run();
    let report = std::fs::read_to_string(&path).expect("report written");
    assert_eq!(
        report,
        claimbench::analysis::report::render(&h.state().session.ws)
    );
    assert!(report.contains("Nvidia → OpenAI → Nvidia"));
}

/// Never lose work: unsaved changes are copied to the recovery folder (never over the file); after
/// a crash the next start offers them back with counts; a save removes the copy.
#[test]
fn unsaved_changes_survive_a_crash_through_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (file, rec_dir) = (dir.path().join("deals.ron"), dir.path().join("recovery"));
    claimbench::io::save_workspace(&sample(), &file).unwrap();
    let saved_bytes = std::fs::read(&file).unwrap();
    let open = |answers: Vec<Option<PathBuf>>| {
        let startup = Startup {
            path: Some(file.clone()),
            recovery_dir: Some(rec_dir.clone()),
            dialogs: DialogBackend::Scripted(VecDeque::from(answers)),
            ..Default::default()
        };
        let mut h = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
        h.state_mut().session.recovery.interval = std::time::Duration::ZERO;
        h.run();
        h
    };
    let mut h = open(vec![]);
    let id = h.state().session.ws.claims[0].id.clone();
    h.state_mut()
        .push(claimbench::ui::Command::DeleteClaim(id.clone()));
    h.run();
    h.run();
    assert!(h.state().is_dirty());
    let copy = claimbench::io::recovery::recovery_path(&rec_dir, Some(&file));
    assert!(copy.exists(), "a recovery copy was written");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved_bytes,
        "the user's file is untouched"
    );
    drop(h); // the "crash": no save, no clean exit

    let mut h = open(vec![]);
    h.get_by_label("Unsaved changes were recovered");
    h.get_by_label_contains("28 claims");
    h.get_by_label("Restore recovery copy").click();
    h.run();
    assert!(
        h.state().session.ws.claim(&id).is_none(),
        "the deletion is back"
    );
    assert!(
        h.state().is_dirty(),
        "recovered changes are unsaved until saved"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!copy.exists(), "saving removes the recovery copy");
    assert!(
        claimbench::io::load_workspace(&file)
            .unwrap()
            .claim(&id)
            .is_none()
    );
}

#[test]
fn a_claim_selected_at_startup_has_its_row_in_view() {
    let startup = Startup {
        dialogs: DialogBackend::Scripted(VecDeque::new()),
        select_first_claim: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    let id = h.state().selection.claim.clone().expect("a claim selected");
    let claim = h.state().session.ws.claim(&id).cloned().expect("the claim");
    let amount = claim
        .figure
        .as_ref()
        .map(|f| f.display())
        .expect("a figure");
    // Its amount cell (the Inspector shows the same text; the table's is the one in the pane).
    assert!(
        h.get_all_by_label(&amount)
            .any(|n| shown_in(&h, Pane::Claims, n.rect())),
        "the row of {id} ({amount}) is scrolled into the Claims pane"
    );
}
