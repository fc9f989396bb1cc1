//! Issue 8 (large workspaces) driven like a user with egui_kittest: the Claims filter finds what
//! an edit wrote and no longer finds what it replaced (the search texts are kept across edits and
//! rebuilt only for changed claims), and the Findings list, of which only the rows in view are
//! laid out, reaches its last finding by scrolling and by a jump.

use claimbench::action::Action;
use claimbench::analysis::Findings;
use claimbench::model::Workspace;
use claimbench::ui::layout::Pane;
use claimbench::ui::{ClaimbenchApp, Command, UiCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod harness;
use harness::start;

fn show(h: &mut Harness<'static, ClaimbenchApp>, pane: Pane) {
    h.state_mut().push(Command::ShowPane(pane));
    h.run();
}

/// The Claims table's rows (claim ids) as drawn at the app's current revision.
fn table_ids(h: &mut Harness<'static, ClaimbenchApp>) -> Vec<String> {
    let app = h.state_mut();
    let rev = app.session.history.revision();
    let doc = app.selection.doc.clone();
    let rows = app.table.rows(&app.session.ws, rev, doc.as_ref());
    rows.iter()
        .map(|&i| app.session.ws.claims[i].id.as_str().to_owned())
        .collect()
}

fn type_filter(h: &mut Harness<'static, ClaimbenchApp>, text: &str) {
    h.state_mut().table.filter.text.clear();
    h.run();
    h.get_by_label("Filter claims").click();
    h.run();
    h.get_by_label("Filter claims").type_text(text);
    h.run();
    assert_eq!(h.state().table.filter.text, text);
}

#[test]
fn the_claims_filter_follows_edits_to_a_claims_subject_and_quote() {
    let mut h = start(vec![]);
    show(&mut h, Pane::Claims);
    let ws = h.state().session.ws.clone();
    let total = ws.claims.len();
    // The first keystrokes build every claim's search text.
    type_filter(&mut h, "zanzibar");
    assert!(table_ids(&mut h).is_empty());
    h.get_by_label(&format!("0 of {total}"));

    // A claim whose search text, once its subject and first quote are replaced, holds neither
    // the old quote nor the old subject's name anywhere else.
    let names = claimbench::ui::claims::search::names(&ws);
    let (c, old_quote, old_name, other) = ws
        .claims
        .iter()
        .filter(|c| !c.evidence.is_empty() && c.subject.is_some())
        .find_map(|c| {
            let old_quote = c.evidence[0].anchor.exact.to_lowercase();
            let old_name = ws.entity_name(c.subject.as_ref()?).to_lowercase();
            let other = ws.entities.iter().find(|e| {
                Some(&e.id) != c.subject.as_ref()
                    && Some(&e.id) != c.counterparty.as_ref()
                    && !e.name.to_lowercase().contains(&old_name)
            })?;
            let mut edited = c.clone();
            edited.subject = Some(other.id.clone());
            edited.evidence[0].anchor.exact = "The Zanzibar accord was signed".into();
            let hay = claimbench::ui::claims::haystack(&names, &edited);
            (!hay.contains(&old_quote) && !hay.contains(&old_name))
                .then(|| (edited, old_quote, old_name, other.name.to_lowercase()))
        })
        .expect("a claim to edit");
    h.state_mut().apply(
        Action::ReplaceClaim(Box::new(c.clone())),
        "Edit claim",
        None,
    );
    h.run();
    let id = c.id.as_str().to_owned();
    assert_eq!(
        table_ids(&mut h),
        vec![id.clone()],
        "the new quote is found"
    );
    h.get_by_label(&format!("1 of {total}"));
    assert_eq!(
        h.state().table.haystacks_rebuilt(),
        1,
        "only the edited claim's search text was rebuilt"
    );

    // The old quote and subject no longer find the claim; the new subject does.
    type_filter(&mut h, &old_quote);
    assert!(!table_ids(&mut h).contains(&id), "old quote still finds it");
    type_filter(&mut h, &old_name);
    assert!(
        !table_ids(&mut h).contains(&id),
        "old subject still finds it"
    );
    type_filter(&mut h, &other);
    assert!(table_ids(&mut h).contains(&id), "new subject not found");

    // Undo: the old text is found again, the new one no longer.
    h.state_mut().push(Command::Ui(UiCommand::Undo));
    h.run();
    assert_eq!(h.state().session.ws, ws);
    type_filter(&mut h, &old_quote);
    assert!(table_ids(&mut h).contains(&id));
    type_filter(&mut h, "zanzibar");
    assert!(table_ids(&mut h).is_empty());
}

/// A workspace with more findings than the Findings pane shows at once, opened from a file.
fn open_many_findings(h: &mut Harness<'static, ClaimbenchApp>, dir: &std::path::Path) -> Workspace {
    let ws = claimbench::synth::generate(&claimbench::synth::SynthSpec::new(10, 1500));
    let path = dir.join("many.ron");
    claimbench::io::save_workspace(&ws, &path).expect("save");
    assert!(h.state_mut().open_path(&path));
    h.run();
    h.state().session.ws.clone()
}

/// The last finding whose message no other finding has.
fn last_unique(findings: &Findings) -> claimbench::analysis::Finding {
    findings
        .items
        .iter()
        .rev()
        .find(|f| {
            findings
                .items
                .iter()
                .filter(|g| g.message == f.message)
                .count()
                == 1
        })
        .expect("a finding with a message of its own")
        .clone()
}

/// Runs frames until the app stops asking for more (smooth scrolling has ended).
fn settle(h: &mut Harness<'static, ClaimbenchApp>) {
    for _ in 0..100 {
        if h.run_ok().is_some() {
            return;
        }
    }
    panic!("the app keeps repainting");
}

#[test]
fn the_last_finding_of_a_long_list_is_reached_by_scrolling_and_clicked_by_label() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = start(vec![]);
    let ws = open_many_findings(&mut h, dir.path());
    let findings = Findings::compute(&ws);
    assert!(
        findings.items.len() > 100,
        "{} findings",
        findings.items.len()
    );
    show(&mut h, Pane::Findings);
    let f = last_unique(&findings);
    assert!(
        h.query_by_label(&f.message).is_none(),
        "a late finding is not laid out before it is scrolled to"
    );
    let laid_out = h.query_all_by_label("Resolve…").count();
    assert!(
        (1..60).contains(&laid_out),
        "{laid_out} findings laid out at once"
    );
    // Scroll down with the wheel over the list until the finding is laid out.
    let heading = h.get_by_label_contains("Hard conflicts (").rect();
    let over = heading.center() + egui::vec2(0.0, 60.0);
    let mut steps = 0;
    while h.query_by_label(&f.message).is_none() {
        steps += 1;
        assert!(steps < 2000, "not reached after {steps} wheel steps");
        h.hover_at(over);
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -300.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
        });
        // Wheel scrolling is smoothed over frames: run a few, done or not.
        let _ = h.run_ok();
    }
    assert!(steps > 1, "the finding was in view from the start");
    settle(&mut h);
    // Laid out (it may still be in the margin below the view): bring it into view, click it.
    h.get_by_label(&f.message).scroll_to_me();
    settle(&mut h);
    let node = h.get_by_label(&f.message);
    assert!(harness::shown_in(&h, Pane::Findings, node.rect()));
    node.click();
    h.run();
    let s = &h.state().selection;
    let mut got: Vec<_> = s.claim.iter().chain(s.related.iter()).cloned().collect();
    got.sort();
    let mut want = f.claims.clone();
    want.sort();
    assert_eq!(got, want, "the finding's claims are selected");
}

#[test]
fn a_jump_brings_a_late_finding_into_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = start(vec![]);
    let ws = open_many_findings(&mut h, dir.path());
    let findings = Findings::compute(&ws);
    show(&mut h, Pane::Findings);
    let f = last_unique(&findings);
    assert!(h.query_by_label(&f.message).is_none());
    h.state_mut().findings.scroll_to = Some(f.id.clone());
    h.run();
    let node = h.get_by_label(&f.message);
    assert!(
        harness::shown_in(&h, Pane::Findings, node.rect()),
        "laid out and in view"
    );
    // Back to the top.
    let first = &findings.items[0];
    h.state_mut().findings.scroll_to = Some(first.id.clone());
    h.run();
    assert!(h.query_by_label(&f.message).is_none());
    h.get_all_by_label(&first.message)
        .next()
        .expect("first finding");
}
