//! The Charts tab driven like a user with egui_kittest: open the tab, pick each sample chart by
//! title, find its legend and "not plotted" list, hover and click points, export.

use claimbench::chart::{ChartData, build};
use claimbench::model::{ClaimId, Workspace};
use claimbench::ui::ClaimbenchApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod harness;
use harness::sample;
use harness::start;

/// Opens the Charts tab and picks the chart titled `title`.
fn open_chart(h: &mut Harness<'static, ClaimbenchApp>, title: &str) {
    h.get_by_label("Charts").click();
    h.run();
    h.get_by_label(title).click();
    h.run();
    // One more frame so the marker positions reflect the settled layout.
    h.run();
}

fn chart_data(ws: &Workspace, title: &str) -> ChartData {
    let chart = ws
        .charts
        .iter()
        .find(|c| c.title == title)
        .expect("chart exists");
    build(ws, chart)
}

fn click_at(h: &mut Harness<'static, ClaimbenchApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

/// A plotted claim whose marker no other marker sits near, with its screen position.
fn lone_target(h: &Harness<'static, ClaimbenchApp>) -> (ClaimId, egui::Pos2) {
    let targets = &h.state().charts.targets;
    targets
        .iter()
        .find(|t| {
            targets
                .iter()
                .all(|o| o.claim == t.claim || o.pos.distance(t.pos) > 2.0 * 10.0)
        })
        .map(|t| (t.claim.clone(), t.pos))
        .expect("a marker with no neighbour")
}

#[test]
fn each_sample_chart_shows_its_legend_and_not_plotted_list() {
    let mut h = start(vec![]);
    let ws = sample();
    assert!(ws.charts.len() >= 2, "the sample ships two charts");
    for chart in &ws.charts {
        open_chart(&mut h, &chart.title);
        assert_eq!(h.state().charts.chart.as_ref(), Some(&chart.id));
        let data = build(&ws, chart);
        assert!(!data.series.is_empty(), "{} plots something", chart.title);
        for s in &data.series {
            // Legend entries are checkboxes named after the series.
            assert!(
                h.get_all_by_label(&s.name)
                    .any(|n| n.accesskit_node().role() == Role::CheckBox),
                "legend entry {:?} in {}",
                s.name,
                chart.title
            );
        }
        let header = format!("Not plotted ({})", data.not_plotted.len());
        h.get_by_label(&header);
        for np in &data.not_plotted {
            // In words (kind, parties, figure), the claim's id only on hover.
            let c = ws.claim(&np.claim).expect("the claim");
            let row = format!(
                "{} — {}",
                claimbench::ui::charts::details::claim_line(&ws, c),
                np.reason
            );
            assert!(
                h.get_all_by_label(&row).next().is_some(),
                "not-plotted row {row:?} for {}",
                np.claim
            );
        }
        // Every plotted claim has a marker inside the window.
        let targets = &h.state().charts.targets;
        for id in &data.claims {
            let pos = h.state().charts.target_of(id).expect("marker");
            assert!(
                (0.0..1280.0).contains(&pos.x) && (0.0..800.0).contains(&pos.y),
                "{id} at {pos:?}"
            );
        }
        assert_eq!(targets.len(), data.points().count(), "one marker per point");
    }
}

#[test]
fn the_contradiction_key_appears_when_reports_disagree() {
    let mut h = start(vec![]);
    let ws = sample();
    for chart in &ws.charts {
        open_chart(&mut h, &chart.title);
        let data = build(&ws, chart);
        let contradicted = data.points().any(|(_, p)| p.disagrees);
        let legend = h
            .query_all_by_label("Contradicting reports")
            .any(|n| n.accesskit_node().role() == Role::CheckBox);
        assert_eq!(legend, contradicted, "{}", chart.title);
    }
}

#[test]
fn clicking_a_point_selects_its_claim_and_show_in_document_opens_it() {
    let mut h = start(vec![]);
    let ws = sample();
    let title = ws.charts[0].title.clone();
    open_chart(&mut h, &title);
    let (claim, pos) = lone_target(&h);
    assert_ne!(h.state().selection.claim.as_ref(), Some(&claim));
    click_at(&mut h, pos);
    assert_eq!(h.state().selection.claim.as_ref(), Some(&claim));
    // A click beside every marker selects nothing new.
    let before = h.state().selection.claim.clone();
    click_at(&mut h, pos + egui::vec2(0.0, -60.0));
    let still = h.state().selection.claim.clone();
    assert!(
        still == before
            || h.state()
                .charts
                .targets
                .iter()
                .any(|t| Some(&t.claim) == still.as_ref()),
        "a click on empty plot area must not select an unplotted claim"
    );
    // "Show in document" jumps to the claim's first evidence.
    click_at(&mut h, pos);
    let c = ws.claim(&claim).expect("claim");
    h.get_by_label("Show in document").click();
    h.run();
    assert_eq!(h.state().selection.doc.as_ref(), Some(&c.evidence[0].doc));
}

#[test]
fn hovering_a_point_shows_the_claim_with_its_evidence() {
    let mut h = start(vec![]);
    let ws = sample();
    for chart in &ws.charts {
        open_chart(&mut h, &chart.title);
        let data = chart_data(&ws, &chart.title);
        let (claim, pos) = lone_target(&h);
        h.hover_at(pos);
        h.run();
        h.run();
        assert_eq!(h.state().charts.hovered.as_ref(), Some(&claim));
        let (_, p) = data
            .points()
            .find(|(_, p)| p.claim == claim)
            .expect("point");
        h.get_by_label(&format!("Figure: {}", p.figure_text));
        h.get_by_label(&format!("Status: {}", p.status.label()));
        h.get_by_label(&format!("Date: {}", p.x.date));
        let c = ws.claim(&claim).expect("claim");
        for ev in &c.evidence {
            let outlet = &ws.document(&ev.doc).expect("doc").outlet;
            let quote = format!("“{}” — {outlet}", ev.anchor.exact.trim());
            h.get_by_label_contains(&quote);
        }
        h.remove_cursor();
        h.run();
        assert_eq!(h.state().charts.hovered, None);
        assert!(h.query_by_label_contains("Figure: ").is_none());
    }
}

#[test]
fn reset_view_restores_the_marker_positions_after_a_pan() {
    let mut h = start(vec![]);
    let ws = sample();
    open_chart(&mut h, &ws.charts[0].title);
    let (claim, pos) = lone_target(&h);
    // Pan by dragging the plot background a bit left of the marker.
    let from = pos + egui::vec2(-30.0, 40.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + egui::vec2(12.0 * i as f32, 0.0));
        h.run();
    }
    h.drop_at(from + egui::vec2(60.0, 0.0));
    h.run();
    let moved = h.state().charts.target_of(&claim).expect("marker");
    assert!(
        moved.x - pos.x > 20.0,
        "the pan moved the marker: {pos:?} → {moved:?}"
    );
    h.get_by_label("Reset view").click();
    h.run();
    h.run();
    let back = h.state().charts.target_of(&claim).expect("marker");
    assert!(back.distance(pos) < 1.0, "{pos:?} vs {back:?}");
}

#[test]
fn export_buttons_write_svg_png_and_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [svg, png, csv] = ["chart.svg", "chart.png", "chart.csv"].map(|n| dir.path().join(n));
    let mut h = start(vec![
        Some(svg.clone()),
        Some(png.clone()),
        Some(csv.clone()),
    ]);
    let ws = sample();
    let title = ws.charts[1].title.clone();
    open_chart(&mut h, &title);
    for label in ["Export SVG…", "Export PNG…", "Export CSV…"] {
        h.get_by_label(label).click();
        h.run();
    }
    let data = chart_data(&ws, &title);
    let svg = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(svg.contains("<svg"));
    for s in &data.series {
        assert!(svg.contains(&s.name), "series {} in the SVG", s.name);
    }
    let png = std::fs::read(&png).expect("the PNG was written");
    assert!(png.starts_with(b"\x89PNG"), "a PNG file");
    let csv = std::fs::read_to_string(&csv).expect("the CSV was written");
    for id in &data.claims {
        assert!(csv.contains(id.as_str()), "{id} in the CSV");
    }
    // The app and the CLI write the same bytes for the same chart (one export function).
    let sample_file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/workspaces/ai-compute-deals.ron"
    );
    for (app_file, ext) in [
        (&dir.path().join("chart.svg"), "svg"),
        (&dir.path().join("chart.csv"), "csv"),
    ] {
        let cli_file = dir.path().join(format!("cli.{ext}"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimbench"))
            .args(["export", "chart", sample_file, "--chart", &title, "--out"])
            .arg(&cli_file)
            .output()
            .expect("the CLI runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            std::fs::read(app_file).expect("app export"),
            std::fs::read(&cli_file).expect("CLI export"),
            "the app's and the CLI's {ext} differ"
        );
    }
}

#[test]
fn frames_reuse_the_chart_and_an_edit_updates_it() {
    let mut h = start(vec![]);
    let ws = sample();
    let title = ws.charts[0].title.clone();
    open_chart(&mut h, &title);
    let builds = h.state().charts.cache.builds;
    for _ in 0..3 {
        h.hover_at(egui::pos2(600.0, 300.0));
        h.run();
    }
    assert_eq!(
        h.state().charts.cache.builds,
        builds,
        "no rebuild per frame"
    );
    // Remove the figure of a plotted claim through an undoable edit: it moves to "not plotted".
    let data = chart_data(&ws, &title);
    let id = data.claims[0].clone();
    let mut claim = ws.claim(&id).expect("claim").clone();
    claim.figure = None;
    h.state_mut().apply(
        claimbench::action::Action::ReplaceClaim(Box::new(claim)),
        "Remove figure",
        None,
    );
    h.run();
    h.get_by_label(&format!("Not plotted ({})", data.not_plotted.len() + 1));
    assert!(h.state().charts.target_of(&id).is_none());
    assert_eq!(h.state().charts.cache.builds, builds + 1);
}

#[test]
fn hiding_a_series_in_the_legend_removes_its_points_from_hit_testing() {
    let mut h = start(vec![]);
    let ws = sample();
    let chart = &ws.charts[1];
    open_chart(&mut h, &chart.title);
    let data = build(&ws, chart);
    let series = data.series.last().expect("a series").name.clone();
    let count = |h: &Harness<'static, ClaimbenchApp>| {
        h.state()
            .charts
            .targets
            .iter()
            .filter(|t| t.series == series)
            .count()
    };
    assert!(count(&h) > 0);
    h.get_all_by_label(&series)
        .find(|n| n.accesskit_node().role() == Role::CheckBox)
        .expect("legend entry")
        .click();
    h.run();
    h.run();
    assert_eq!(count(&h), 0, "{series} hidden");
}

#[test]
fn the_chart_editor_renames_and_deletes_undoably() {
    let mut h = start(vec![]);
    let ws = sample();
    let chart = &ws.charts[0];
    open_chart(&mut h, &chart.title);
    h.get_by_label("Edit chart").click();
    h.run();
    assert!(
        h.get_by_label("Rename").accesskit_node().is_disabled(),
        "nothing to rename yet"
    );
    let field = h
        .get_all_by_value(&chart.title)
        .find(|n| n.accesskit_node().role() == Role::TextInput)
        .expect("title field");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_value(&chart.title)
        .find(|n| n.accesskit_node().role() == Role::TextInput)
        .expect("title field")
        .type_text("OpenAI valuation, 2024–2025");
    h.run();
    h.get_by_label("Rename").click();
    h.run();
    assert_eq!(
        h.state().session.ws.charts[0].title,
        "OpenAI valuation, 2024–2025"
    );
    h.get_by_label("Delete chart").click();
    h.run();
    assert_eq!(h.state().session.ws.charts.len(), ws.charts.len() - 1);
    for _ in 0..2 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(h.state().session.ws.charts, ws.charts, "both undone");
}

#[test]
fn a_new_chart_is_created_changed_and_undone() {
    let mut h = start(vec![]);
    let ws = sample();
    h.get_by_label("Charts").click();
    h.run();
    h.get_by_label("Commitments").click();
    h.run();
    h.get_all_by_role(Role::ComboBox)
        .find(|n| {
            n.value().as_deref() == Some("choose entity")
                || n.accesskit_node().label().as_deref() == Some("choose entity")
        })
        .expect("the entity picker")
        .click();
    h.run();
    h.get_all_by_label("Nvidia")
        .rfind(|n| n.accesskit_node().role() != Role::Label)
        .expect("Nvidia option")
        .click_accesskit();
    h.run();
    assert_eq!(
        h.state()
            .charts
            .new_chart
            .entity
            .as_ref()
            .map(|e| e.as_str()),
        Some("nvidia")
    );
    h.get_by_label("Create chart").click();
    h.run();
    let charts = &h.state().session.ws.charts;
    assert_eq!(charts.len(), ws.charts.len() + 1);
    let new = charts.last().unwrap().clone();
    assert_eq!(new.title, "Commitments around Nvidia");
    h.get_by_label("Annualised over the period").click();
    h.run();
    assert!(matches!(
        h.state().session.ws.charts.last().unwrap().spec,
        claimbench::model::ChartSpec::Commitments {
            annualised: true,
            ..
        }
    ));
    // Change the chart's entity (the last picker showing Nvidia; the first is the New chart form).
    h.get_all_by_role(Role::ComboBox)
        .rfind(|n| {
            n.value().as_deref() == Some("Nvidia")
                || n.accesskit_node().label().as_deref() == Some("Nvidia")
        })
        .expect("the chart's entity picker")
        .click();
    h.run();
    h.get_all_by_label("OpenAI")
        .rfind(|n| n.accesskit_node().role() != Role::Label)
        .expect("OpenAI option")
        .click_accesskit();
    h.run();
    assert!(matches!(
        &h.state().session.ws.charts.last().unwrap().spec,
        claimbench::model::ChartSpec::Commitments { entity, annualised: true } if entity.as_str() == "openai"
    ));
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(h.state().session.ws.charts, ws.charts);
}

#[test]
fn the_key_beside_the_plot_lists_what_the_export_lists() {
    // Issue 18: the app's key showed all eight entries whatever the chart drew, the export only
    // those it used; both now read chart::style::key.
    let mut h = start(vec![]);
    let ws = sample();
    let all = [
        claimbench::chart::key::FIRM,
        claimbench::chart::key::TENTATIVE,
        claimbench::chart::key::SPAN,
        claimbench::chart::key::OPEN_UP,
        claimbench::chart::key::OPEN_DOWN,
        claimbench::chart::key::INTERVAL,
        claimbench::chart::key::BAND,
    ];
    for chart in &ws.charts {
        open_chart(&mut h, &chart.title);
        let data = build(&ws, chart);
        let want: Vec<&str> = claimbench::chart::style::key(&data)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        for w in all {
            let shown = h.query_all_by_label(w).next().is_some();
            assert_eq!(shown, want.contains(&w), "{}: key entry {w:?}", chart.title);
        }
    }
}
