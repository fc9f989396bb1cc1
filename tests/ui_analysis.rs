//! The Findings and Network tabs driven like a user with egui_kittest on the embedded sample:
//! selecting a finding's claims, resolving with undo and redo, merging duplicates with undo, the
//! loop list and an edge's claim list.

use claimbench::analysis::{Filter, Findings, MoneyGraph, Severity, duplicate_candidates};
use claimbench::model::{ClaimId, ClaimStatus, Workspace};
use claimbench::ui::ClaimbenchApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod harness;
use harness::sample;

fn start() -> Harness<'static, ClaimbenchApp> {
    harness::start(Vec::new())
}

/// Scrolls the first node with this exact label into view and clicks it.
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

fn open_tab(h: &mut Harness<'static, ClaimbenchApp>, tab: &str) {
    h.get_by_label(tab).click();
    h.run();
}

/// Every selected claim: the Inspector's, then the related ones.
fn selected(h: &Harness<'static, ClaimbenchApp>) -> Vec<ClaimId> {
    let s = &h.state().selection;
    s.claim.iter().chain(s.related.iter()).cloned().collect()
}

/// The hard finding between the $10B and the $100B Amazon investment figures.
fn hundred_vs_ten(ws: &Workspace) -> claimbench::analysis::Finding {
    Findings::compute(ws)
        .items
        .into_iter()
        .find(|f| {
            let lows: Vec<f64> = f
                .claims
                .iter()
                .filter_map(|c| ws.claim(c)?.figure.as_ref().map(|x| x.low))
                .collect();
            f.severity == Severity::Hard && lows.contains(&10e9) && lows.contains(&100e9)
        })
        .expect("the sample has the $100B vs $10B finding")
}

#[test]
fn clicking_a_finding_selects_both_claims_and_shows_both_quotes() {
    let mut h = start();
    let ws = sample();
    let f = hundred_vs_ten(&ws);
    assert_eq!(f.claims.len(), 2);
    open_tab(&mut h, "Findings");
    for q in &f.quotes {
        // A claim can be in several findings, so its quote may show more than once.
        h.get_all_by_label(&format!("“{}”", q.text))
            .next()
            .unwrap_or_else(|| panic!("quote of {} shown", q.claim));
        assert!(!q.outlet.is_empty());
        h.get_all_by_label_contains(&q.outlet)
            .next()
            .unwrap_or_else(|| panic!("outlet {} shown", q.outlet));
    }
    assert!(selected(&h).is_empty());
    click(&mut h, &f.message);
    let mut got = selected(&h);
    got.sort();
    assert_eq!(got, f.claims, "both claims of the finding are selected");
    assert!(h.state().selection.related.len() == 1);
}

#[test]
fn findings_read_in_words_not_claim_ids() {
    // Issue 18: the quote lines under a finding read "cl-0002 $10B — Ledger Wire, …".
    let mut h = start();
    let ws = sample();
    open_tab(&mut h, "Findings");
    let f = hundred_vs_ten(&ws);
    click(&mut h, &f.message);
    // Every claim and document id of the sample, as a person would see it.
    let ids: Vec<String> = ws
        .claims
        .iter()
        .map(|c| c.id.to_string())
        .chain(ws.documents.iter().map(|d| d.id.to_string()))
        .collect();
    let ids_shown = |h: &Harness<'static, ClaimbenchApp>| -> Vec<String> {
        h.root()
            .query_all(egui_kittest::kittest::by())
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| ids.iter().any(|id| l.contains(id.as_str())))
            .collect()
    };
    let shown = ids_shown(&h);
    assert!(shown.is_empty(), "ids shown to people: {shown:?}");
    // Nor anywhere else in the window: the other tabs, the Inspector, the Claims table.
    for tab in ["Reader", "Charts", "Network"] {
        open_tab(&mut h, tab);
        let shown = ids_shown(&h);
        assert!(shown.is_empty(), "{tab}: ids shown to people: {shown:?}");
    }
    open_tab(&mut h, "Findings");
    // The quote line says the figure and where it was reported.
    h.get_all_by_label_contains("$10B — Ledger Wire")
        .next()
        .expect("a quote line in words");
}

#[test]
fn resolving_a_finding_is_saved_and_undoable() {
    let mut h = start();
    let ws = sample();
    let f = hundred_vs_ten(&ws);
    open_tab(&mut h, "Findings");
    assert!(h.query_by_label_contains("Resolved, prefers").is_none());
    // The first "Resolve…" belongs to the first hard finding, which is this one.
    assert_eq!(Findings::compute(&ws).items[0].id, f.id);
    click(&mut h, "Resolve…");
    let preferred = f.claims[0].clone();
    // Named by its figure and outlet, in words.
    let q = f
        .quotes
        .iter()
        .find(|q| q.claim == preferred)
        .expect("the first claim's quote");
    let radio = h
        .get_all_by_role(Role::RadioButton)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == format!("{} ({})", q.figure, q.outlet))
        })
        .expect("a radio button for the first claim");
    radio.click();
    h.run();
    h.state_mut()
        .findings
        .draft
        .as_mut()
        .expect("the resolve form is open")
        .note = "the smaller figure is the one most outlets report".into();
    h.run();
    click(&mut h, "Save resolution");
    let saved = h.state().session.ws.resolutions.clone();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].finding, f.id);
    assert_eq!(saved[0].preferred.as_ref(), Some(&preferred));
    assert_eq!(
        saved[0].note,
        "the smaller figure is the one most outlets report"
    );
    assert!(h.state().is_dirty());
    let words = claimbench::ui::findings::claim_text(&ws, ws.claim(&preferred).unwrap());
    h.get_by_label_contains(&format!("Resolved, prefers {words}"));
    h.get_by_label("Hard conflicts (2, 1 resolved)");
    // Saved in the workspace file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resolved.ron");
    claimbench::io::save_workspace(&h.state().session.ws, &path).unwrap();
    let back = claimbench::io::load_workspace(&path).unwrap();
    assert_eq!(back.resolutions, saved);
    assert_eq!(
        Findings::compute(&back)
            .get(&f.id)
            .and_then(|x| x.resolution.clone()),
        Some(saved[0].clone())
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().session.ws.resolutions.is_empty(),
        "undo removes it"
    );
    assert!(h.query_by_label_contains("Resolved, prefers").is_none());
    h.get_by_label("Hard conflicts (2, 0 resolved)");
    assert_eq!(h.state().session.ws, ws);

    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(h.state().session.ws.resolutions, saved, "redo restores it");
    h.get_by_label_contains(&format!("Resolved, prefers {words}"));

    // Reopening is an undoable edit too.
    click(&mut h, "Reopen");
    assert!(h.state().session.ws.resolutions.is_empty(), "reopened");
    h.get_by_label("Hard conflicts (2, 0 resolved)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.ws.resolutions, saved, "undo the reopen");
}

#[test]
fn merging_a_duplicate_moves_the_evidence_and_undo_restores_both() {
    let mut h = start();
    let ws = sample();
    let d = duplicate_candidates(&ws)
        .into_iter()
        .next()
        .expect("the sample has duplicate candidates");
    open_tab(&mut h, "Findings");
    click(&mut h, "Merge");
    let after = &h.state().session.ws;
    assert_eq!(after.claims.len(), ws.claims.len() - 1);
    assert!(
        after.claim(&d.absorb).is_none(),
        "the absorbed claim is gone"
    );
    let kept = after.claim(&d.keep).expect("kept");
    let absorbed = ws.claim(&d.absorb).unwrap();
    for ev in &absorbed.evidence {
        assert!(
            kept.evidence
                .iter()
                .any(|e| e.doc == ev.doc && e.anchor.range() == ev.anchor.range()),
            "evidence moved to the kept claim"
        );
    }
    assert_eq!(h.state().selection.claim.as_ref(), Some(&d.keep));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session.ws,
        ws,
        "undo restores both claims exactly"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert!(
        h.state().session.ws.claim(&d.absorb).is_none(),
        "redo merges again"
    );
}

#[test]
fn network_lists_both_loops_and_an_edge_selects_its_claims() {
    let mut h = start();
    let ws = sample();
    let g = MoneyGraph::build(&ws, &Filter::default());
    open_tab(&mut h, "Network");
    h.get_by_label("Nvidia → OpenAI → Nvidia");
    h.get_by_label("Amazon → OpenAI → Amazon");
    h.get_by_label("Loops (2)");
    h.get_all_by_label_contains("circularity 100%")
        .next()
        .expect("Amazon's loop is scored");

    // Pick the Nvidia → OpenAI edge from the list, then one of its claims.
    let edge = g
        .graph
        .edge_weights()
        .find(|e| g.name(&e.from) == "Nvidia" && g.name(&e.to) == "OpenAI")
        .expect("Nvidia pays OpenAI");
    click(&mut h, &claimbench::ui::network::edge_text(&g, edge));
    let id = edge.claims()[0].clone();
    let text = claimbench::ui::findings::claim_text(&ws, ws.claim(&id).unwrap());
    let entry = h
        .get_all_by_label_contains(&text)
        .next()
        .expect("the edge's claim is listed")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    click(&mut h, &entry);
    assert_eq!(h.state().selection.claim.as_ref(), Some(&id));

    // "Select all" on the OpenAI → Amazon edge selects every claim on it.
    let back = g
        .graph
        .edge_weights()
        .find(|e| g.name(&e.from) == "OpenAI" && g.name(&e.to) == "Amazon")
        .expect("OpenAI pays Amazon");
    assert!(back.claims().len() > 1);
    click(&mut h, &claimbench::ui::network::edge_text(&g, back));
    click(&mut h, "Select all claims of this flow");
    let mut got = selected(&h);
    got.sort();
    assert_eq!(got, back.claims());
}

#[test]
fn network_status_filter_drops_the_letter_of_intent_loop() {
    let mut h = start();
    open_tab(&mut h, "Network");
    h.get_by_label("Nvidia → OpenAI → Nvidia");
    h.get_all_by_role(Role::CheckBox)
        .find(|n| {
            n.accesskit_node().label().as_deref() == Some(ClaimStatus::LetterOfIntent.label())
        })
        .expect("a checkbox per status")
        .click();
    h.run();
    assert!(h.query_by_label("Nvidia → OpenAI → Nvidia").is_none());
    h.get_by_label("Amazon → OpenAI → Amazon");
    h.get_by_label("Loops (1)");
    // A date range that ends before the Amazon talks drops that loop too.
    assert!(
        h.get_all_by_role(Role::TextInput).count() >= 2,
        "from and to date fields"
    );
    h.state_mut().network.to = "2025-10".into();
    h.run();
    h.get_by_label("Loops (0)");
    h.state_mut().network.to.clear();
    h.run();
    h.get_by_label("Loops (1)");
    // Every status off: nothing is drawn (the cached full graph must not come back).
    h.state_mut().network.hidden = ClaimStatus::ALL.to_vec();
    h.run();
    h.get_by_label("Loops (0)");
    h.get_by_label("Every status is switched off.");
    h.state_mut().network.hidden.clear();
    h.run();
    h.get_by_label("Loops (2)");
    h.state_mut().network.to = "2025-13".into();
    h.run();
    h.get_all_by_label_contains("to date:")
        .next()
        .expect("a bad date is reported");
}

#[test]
fn clicking_an_edge_in_the_drawing_lists_its_claims() {
    use claimbench::ui::network::draw::{GRAPH_LABEL, node_positions, segment};
    let mut h = start();
    let ws = sample();
    let g = MoneyGraph::build(&ws, &Filter::default());
    open_tab(&mut h, "Network");
    let rect = h.get_by_label(GRAPH_LABEL).rect();
    let pos = node_positions(&g, rect);
    let at = |name: &str| {
        let i = g
            .graph
            .node_indices()
            .find(|&n| g.name(&g.graph[n]) == name)
            .unwrap_or_else(|| panic!("node {name}"));
        pos[i.index()]
    };
    let edge = g
        .graph
        .edge_weights()
        .find(|e| g.name(&e.from) == "Nvidia" && g.name(&e.to) == "OpenAI")
        .expect("Nvidia pays OpenAI");
    let (p, q) = segment(at("Nvidia"), at("OpenAI")).expect("drawn");
    let mid = p + (q - p) * 0.3;
    let header = "Claims on Nvidia → OpenAI";
    assert!(h.query_by_label_contains(header).is_none());
    h.hover_at(mid);
    h.drag_at(mid);
    h.drop_at(mid);
    h.run();
    assert_eq!(
        h.state().network.edge,
        Some((edge.from.clone(), edge.to.clone())),
        "the click picked the edge"
    );
    h.get_all_by_label_contains(header)
        .next()
        .expect("its claims are listed");
    // A click in the drawing's corner, away from every edge, changes nothing.
    let before = h.state().network.edge.clone();
    let corner = rect.left_top() + egui::vec2(3.0, 3.0);
    h.hover_at(corner);
    h.drag_at(corner);
    h.drop_at(corner);
    h.run();
    assert_eq!(h.state().network.edge, before);
}

/// Every node name and edge amount is painted as text inside the drawing, not cut off at its
/// border; unsigned edges are dashed (drawn as many short segments).
#[test]
fn the_drawing_labels_nodes_and_edges_inside_its_area() {
    use claimbench::ui::network::draw::GRAPH_LABEL;
    let mut h = start();
    let ws = sample();
    let g = MoneyGraph::build(&ws, &Filter::default());
    open_tab(&mut h, "Network");
    let rect = h.get_by_label(GRAPH_LABEL).rect();
    let mut texts = Vec::new();
    let mut segments = 0;
    for cs in &h.output().shapes {
        match &cs.shape {
            egui::Shape::Text(t) if rect.contains(t.pos) => {
                let r = t.visual_bounding_rect();
                assert!(
                    rect.expand(1.0).contains_rect(r),
                    "{:?} sticks out of the drawing",
                    t.galley.text()
                );
                texts.push(t.galley.text().to_owned());
            }
            egui::Shape::LineSegment { points, .. } if rect.contains(points[0]) => segments += 1,
            _ => {}
        }
    }
    for n in g.graph.node_weights() {
        assert!(texts.iter().any(|t| t == g.name(n)), "node {n} labelled");
    }
    for e in g.graph.edge_weights() {
        assert!(
            texts.contains(&e.amount_text()),
            "edge amount {} labelled",
            e.amount_text()
        );
    }
    let unsigned = g
        .graph
        .edge_weights()
        .filter(|e| !e.status().is_firm())
        .count();
    assert!(unsigned > 0);
    assert!(
        segments > g.graph.edge_count() + 3 * unsigned,
        "dashed edges are drawn as many segments ({segments})"
    );
}
