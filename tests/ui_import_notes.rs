//! The pages an import could not read stay visible: a document's import notes (a PDF page
//! without a text layer, a page that failed) are listed in its Details in the Reader, after a
//! save and reopen.

use egui_kittest::kittest::Queryable;

mod harness;

#[test]
fn pages_not_imported_are_listed_in_the_document_details() {
    let mut ws = harness::sample();
    let note =
        "Page 2: no text layer (only images or drawings, or blank); run OCR on it to read it";
    ws.documents[1].import_notes = vec![note.to_owned()];
    let title = ws.documents[1].title.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deals.ron");
    claimbench::io::save_workspace(&ws, &path).expect("saves");
    let mut h = harness::open(&path, vec![]);
    h.get_by_label(&title).click();
    h.run();
    assert!(
        h.query_by_label(note).is_none(),
        "shown before Details is opened"
    );
    h.get_by_label("Details…").click();
    h.run();
    h.get_by_label("Not imported");
    h.get_by_label(note);
}
