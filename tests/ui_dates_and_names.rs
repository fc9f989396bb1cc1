//! One date rule for every view, and a new workspace that is never called the sample.
//!
//! A claim with no date of its own holds at its document's publication date: the Claims table
//! (its Date column, sort and date filter), the charts, the Network's date filter, the claims
//! export and the report all say so. Setting a document's date later moves the claims dated by
//! it in one undo step.

use claimbench::model::{
    Claim, ClaimId, ClaimKind, DocId, Evidence, Figure, FuzzyDate, SourceDocument, Unit, Workspace,
};
use claimbench::ui::claims::{TableState, row_order};

fn date(s: &str) -> FuzzyDate {
    s.parse().expect("date")
}

/// One dated document, one undated; a valuation claim citing each, neither dated by hand.
fn workspace() -> Workspace {
    let mut ws = Workspace::new("dates");
    let text = "Lab X was valued at $90 billion in its latest round.".to_owned();
    let mut a = SourceDocument::new(DocId::numbered(1), "A", "Outlet A", text.clone());
    a.published = Some(date("2025-10-02"));
    let b = SourceDocument::new(DocId::numbered(2), "B", "Outlet B", text.clone());
    ws.documents = vec![a, b];
    for (n, doc) in [(1, 1), (2, 2)] {
        let mut c = Claim::new(ClaimId::numbered(n), ClaimKind::Valuation);
        let mut f = Figure::exact(90e9, Unit::Usd);
        f.low = 90e9;
        c.figure = Some(f);
        c.evidence.push(Evidence {
            doc: DocId::numbered(doc),
            anchor: claimbench::model::Anchor::from_span(&text, 0, text.len()),
            attributed_to: None,
            orphaned: false,
        });
        ws.claims.push(c);
    }
    ws
}

#[test]
fn every_surface_dates_a_claim_by_its_document() {
    let ws = workspace();
    let (dated, undated) = (&ws.claims[0], &ws.claims[1]);
    assert_eq!(ws.claim_date(dated), Some(date("2025-10-02")));
    assert_eq!(ws.claim_date(undated), None);

    // Charts.
    let p = claimbench::chart::series::point_of(&ws, dated, &Unit::Usd).expect("plotted");
    assert_eq!(p.x.date, date("2025-10-02"));
    assert!(claimbench::chart::series::point_of(&ws, undated, &Unit::Usd).is_err());
    // Claims export.
    let rec = claimbench::chart::table::ClaimRecord::of(&ws, dated);
    assert_eq!(rec.date.as_deref(), Some("2025-10-02"));
    // Network's filter.
    let f = claimbench::analysis::filter::Filter {
        from: Some(date("2025-10")),
        to: Some(date("2025-10")),
        ..Default::default()
    };
    assert!(f.accepts(&ws, dated));
    assert!(!f.accepts(&ws, undated));
    // Claims table: date filter and sort (dated first, undated last).
    let mut t = TableState::default();
    t.filter.from = "2025-10".into();
    t.filter.to = "2025-10".into();
    assert_eq!(row_order(&ws, &t, None), vec![0]);
    let mut t = TableState::default();
    t.descending = true;
    let rows = row_order(&ws, &TableState::default(), None);
    assert_eq!(rows, vec![0, 1], "dated before undated");
    assert_eq!(row_order(&ws, &t, None).len(), 2);
}

#[test]
fn setting_a_documents_date_dates_its_claims_in_one_undo_step() {
    let mut ws = workspace();
    let mut h = claimbench::action::History::default();
    // The undated document gets a date: its claim is dated by it everywhere.
    let b = ws.documents[1].clone();
    let act = claimbench::ui::docmeta::set_published(&ws, &b, Some(date("2025-11-05")));
    h.apply(&mut ws, act, "date", None).unwrap();
    assert_eq!(ws.claim_date(&ws.claims[1]), Some(date("2025-11-05")));

    // A claim that took the old date when it was made follows the document's new date.
    ws.claims[0].as_of = Some(date("2025-10-02"));
    let a = ws.documents[0].clone();
    let act = claimbench::ui::docmeta::set_published(&ws, &a, Some(date("2025-10-09")));
    h.apply(&mut ws, act, "date", None).unwrap();
    assert_eq!(ws.claims[0].as_of, Some(date("2025-10-09")));
    assert_eq!(ws.documents[0].published, Some(date("2025-10-09")));
    h.undo(&mut ws).expect("undo");
    assert_eq!(
        ws.claims[0].as_of,
        Some(date("2025-10-02")),
        "one undo restores both"
    );
    assert_eq!(ws.documents[0].published, Some(date("2025-10-02")));
}

#[test]
fn a_new_workspace_is_never_the_sample_and_takes_its_files_name() {
    use claimbench::ui::app::Settings;
    use claimbench::ui::{ClaimbenchApp, Command, Startup};
    let ctx = egui::Context::default();
    let mut app = ClaimbenchApp::with_settings(Startup::default(), Settings::default());
    assert!(app.session.is_sample);
    assert_eq!(app.source_label(), claimbench::sample::SAMPLE_NAME);

    app.run_command(
        claimbench::ui::Command::Ui(claimbench::ui::UiCommand::New),
        &ctx,
    );
    assert_eq!(app.source_label(), "new workspace (not saved yet)");
    assert!(app.is_blank(), "nothing to save yet");
    // An import adds documents: still a new workspace, not the sample.
    let doc = SourceDocument::new(DocId::numbered(1), "A", "Outlet", "Some text.".into());
    app.apply(
        claimbench::action::Action::AddDocument {
            doc: Box::new(doc),
            index: None,
        },
        "Import",
        None,
    );
    assert_eq!(app.source_label(), "new workspace (not saved yet)");
    assert!(!app.is_blank());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seeds-ws.ron");
    app.run_command(Command::SaveTo(path.clone()), &ctx);
    assert_eq!(app.session.ws.title, "seeds-ws", "named after its file");
    assert!(
        app.window_title().contains("seeds-ws"),
        "{}",
        app.window_title()
    );
    assert!(!app.window_title().contains("Untitled"));
    let saved = claimbench::io::load_workspace(&path).unwrap();
    assert_eq!(saved.title, "seeds-ws");
    assert!(!app.is_dirty(), "the naming is part of what was saved");
}
