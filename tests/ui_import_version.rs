//! Importing a newer version of a document whose evidence it would orphan (issue 19): the app
//! asks — Replace and re-anchor / Keep both / Cancel — instead of deciding, and each answer that
//! changes the workspace is one undoable step. Driven like a user with egui_kittest.

use claimbench::model::{Anchor, Claim, ClaimId, ClaimKind, Evidence, Workspace};
use claimbench::ui::ClaimbenchApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

mod harness;

const HEADER: &str = "Chip Maker Widens Supply Pact\n\nSource Example Ledger\nBy Lee Varga\nMonday, Nov. 3, 2025\n\n";
const QUOTED: &str =
    "Boltworks agreed to buy $2 billion of accelerators from Acme Silicon over three years.";
const REST: &str = "The agreement adds to an earlier order placed in the spring, according to a filing seen by the paper. Deliveries are expected to start next quarter and run through the end of the decade, the companies said in a joint statement on Monday morning. Analysts said the size of the order shows how much computing power the young company expects to need for its next models, and that the price per chip was not disclosed by either side.";

fn v1() -> String {
    format!("{HEADER}{QUOTED} {REST}\n")
}

/// The same article, corrected: the quoted sentence is gone, a new one closes it.
fn v2() -> String {
    format!(
        "{HEADER}{REST} A spokesperson for Boltworks declined to comment on the $3 billion figure named by others.\n"
    )
}

/// A workspace with the first version imported and one claim quoting it; its path.
fn workspace(dir: &Path) -> PathBuf {
    let file = dir.join("pact.txt");
    std::fs::write(&file, v1()).expect("writes");
    let imported =
        claimbench::io::import::import_file(&file, &Default::default()).expect("imports");
    let mut ws = Workspace::new("Versions");
    let mut doc = imported.document;
    doc.id = "doc-0001".into();
    let anchor = Anchor::find(&doc.text, QUOTED, 0).expect("quote in text");
    ws.documents.push(doc);
    let mut c = Claim::new(ClaimId::numbered(1), ClaimKind::ChipSupply);
    c.evidence.push(Evidence {
        doc: "doc-0001".into(),
        anchor,
        attributed_to: None,
        orphaned: false,
    });
    ws.claims.push(c);
    let path = dir.join("versions.ron");
    claimbench::io::save_workspace(&ws, &path).expect("saves");
    path
}

fn import(h: &mut Harness<'static, ClaimbenchApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import documents…").click();
    harness::wait_for_import(h);
}

#[test]
fn a_newer_version_that_would_orphan_evidence_is_asked_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws_path = workspace(dir.path());
    let newer = dir.path().join("pact-corrected.txt");
    std::fs::write(&newer, v2()).expect("writes");
    let answers = vec![Some(newer.clone()); 3];
    let mut h = harness::open(&ws_path, answers);
    let before = h.state().session.ws.clone();
    assert_eq!(before.documents.len(), 1);

    // Cancel: nothing changes.
    import(&mut h);
    h.get_by_label_contains("looks like a newer version of doc-0001");
    h.get_by_label_contains("orphans 1");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Keep both").is_none(), "the dialog closed");
    assert_eq!(h.state().session.ws, before);
    assert!(h.state().new_versions.is_empty());

    // Keep both: a second document, evidence untouched; undo removes it.
    import(&mut h);
    h.get_by_label("Keep both").click();
    h.run();
    let ws = &h.state().session.ws;
    assert_eq!(ws.documents.len(), 2);
    assert_eq!(ws.documents[0].text, before.documents[0].text);
    assert_eq!(ws.claims, before.claims);
    assert!(ws.documents[1].text.contains("$3 billion"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws.documents, before.documents);

    // Replace and re-anchor: the text is replaced and the evidence flagged as orphaned, not
    // moved silently; undo restores both.
    import(&mut h);
    h.get_by_label("Replace and re-anchor").click();
    h.run();
    let ws = &h.state().session.ws;
    assert_eq!(ws.documents.len(), 1);
    assert!(ws.documents[0].text.contains("$3 billion"));
    assert!(
        ws.claims[0].evidence[0].orphaned,
        "flagged for re-attaching"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws.documents, before.documents);
    assert_eq!(h.state().session.ws.claims, before.claims);
}

/// The app and `claimbench import` place documents by one plan: the same files give the same
/// documents (ids, titles, texts, hashes, marked ranges), a repeat is skipped by both, and a
/// newer version whose replacing orphans nothing replaces the text in the app and with
/// `--replace` on the command line.
#[test]
fn the_app_and_the_cli_place_documents_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws_path = workspace(dir.path());
    let cli_ws = dir.path().join("cli.ron");
    std::fs::copy(&ws_path, &cli_ws).expect("copies");
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Grid Firm Books Turbines\n\nSource Example Ledger\nTuesday, Nov. 4, 2025\n\nVoltline ordered 40 turbines for its new campus, a deal worth about $300 million.\n",
    )
    .expect("writes");
    let copy = dir.path().join("pact-copy.txt");
    std::fs::write(&copy, v1()).expect("writes");
    // A newer version that keeps the quoted sentence: replacing orphans nothing.
    let newer = dir.path().join("pact-newer.txt");
    std::fs::write(
        &newer,
        format!("{HEADER}{QUOTED} {REST} The companies did not give a price.\n"),
    )
    .expect("writes");
    let files = [other, copy, newer];

    let mut h = harness::open(&ws_path, files.iter().cloned().map(Some).collect());
    for _ in &files {
        import(&mut h);
    }
    let app_docs = h.state().session.ws.documents.clone();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .arg("import")
        .arg(&cli_ws)
        .args(&files)
        .arg("--replace")
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli_docs = claimbench::io::load_workspace(&cli_ws)
        .expect("loads")
        .documents;

    // What each surface did, without the import time (which differs by the clock).
    let shape = |docs: &[claimbench::model::SourceDocument]| {
        docs.iter()
            .map(|d| {
                (
                    d.id.to_string(),
                    d.title.clone(),
                    d.text.clone(),
                    d.sha256.clone(),
                    d.excluded.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(app_docs.len(), 2, "one added, one skipped, one replaced");
    assert!(
        app_docs[0].text.contains("did not give a price"),
        "replaced"
    );
    assert_eq!(shape(&app_docs), shape(&cli_docs));
}
