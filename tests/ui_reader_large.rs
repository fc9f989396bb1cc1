//! The Reader on a large document (over 64 kB, laid out one paragraph at a time): a selection
//! made with a click and a Shift+click in another paragraph spans both, is drawn, and becomes
//! a claim's evidence.

mod harness;

use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::{ClaimbenchApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::VecDeque;

fn click(h: &mut Harness<'static, ClaimbenchApp>, pos: egui::Pos2, modifiers: egui::Modifiers) {
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event_modifiers(
            egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            },
            modifiers,
        );
        h.run();
    }
}

#[test]
fn shift_click_selects_across_paragraphs_of_a_large_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut spec = claimbench::synth::SynthSpec::new(3, 40);
    spec.big_doc_bytes = 120_000;
    spec.text_bytes = 200_000;
    let ws = claimbench::synth::generate(&spec);
    let big = ws.documents[0].clone();
    assert!(big.text.len() > 64 * 1024);
    let file = dir.path().join("large.ron");
    claimbench::io::save_workspace(&ws, &file).expect("save");
    let startup = Startup {
        path: Some(file),
        recovery_dir: Some(dir.path().join("recovery")),
        dialogs: DialogBackend::Scripted(VecDeque::new()),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    assert_eq!(h.state().selection.doc.as_ref(), Some(&big.id));
    // The paragraphs in view, top to bottom.
    let mut rects: Vec<egui::Rect> = h
        .get_all_by_label("Document text")
        .map(|n| n.rect())
        .filter(|r| r.height() > 10.0)
        .collect();
    rects.sort_by(|a, b| a.top().total_cmp(&b.top()));
    assert!(rects.len() >= 3, "several paragraphs in view");
    // The first and the last in view (blank lines between paragraphs are pieces of their own).
    let (first, second) = (rects[0], rects[rects.len() - 1]);
    click(
        &mut h,
        first.left_top() + egui::vec2(30.0, 8.0),
        egui::Modifiers::NONE,
    );
    click(
        &mut h,
        second.left_top() + egui::vec2(60.0, 8.0),
        egui::Modifiers::SHIFT,
    );
    let (doc, range) = h
        .state()
        .reader
        .selection
        .clone()
        .expect("a selection across paragraphs");
    assert_eq!(doc, big.id);
    let paras = &h.state().reader.paragraphs.ranges;
    let at = |b: usize| {
        paras
            .iter()
            .position(|p| p.contains(&b))
            .expect("inside the text")
    };
    assert!(
        at(range.end - 1) > at(range.start),
        "the selection {range:?} spans paragraphs"
    );
    let claims = h.state().session.ws.claims.len();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::N,
    );
    h.run();
    let ws = &h.state().session.ws;
    assert_eq!(ws.claims.len(), claims + 1, "New claim from selection");
    let made = ws
        .claims
        .iter()
        .find(|c| c.evidence.iter().any(|e| e.anchor.range() == range))
        .expect("a claim whose evidence is the selection");
    let quoted = &made.evidence[0].anchor.exact;
    assert_eq!(quoted, &big.text[range.clone()]);
    assert!(
        quoted.contains('\n'),
        "the quote crosses a paragraph break: {quoted:?}"
    );
    // A plain click starts afresh: the next Shift+click selects from there.
    click(
        &mut h,
        second.left_top() + egui::vec2(10.0, 8.0),
        egui::Modifiers::NONE,
    );
    let kept = h.state().reader.selection.clone();
    assert!(
        kept.is_none_or(|(_, r)| r.len() < range.len()),
        "the spanning selection was replaced"
    );
}
