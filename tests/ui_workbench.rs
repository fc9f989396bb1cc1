//! Workbench ergonomics, driven like a user: the command palette, docking and Reset layout,
//! theme and zoom, shortcuts that must not fire while typing, a keyboard-only claim, help.

mod harness;

use claimbench::ui::layout::{self, Pane};
use claimbench::ui::{Command, UiCommand};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use harness::{sample, start};

fn type_text(h: &mut egui_kittest::Harness<'static, claimbench::ui::ClaimbenchApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

fn ctrl(h: &mut egui_kittest::Harness<'static, claimbench::ui::ClaimbenchApp>, key: egui::Key) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, key);
    h.run();
}

#[test]
fn palette_jumps_to_the_openai_valuation_chart() {
    let mut h = start(vec![]);
    assert!(layout::is_visible(&h.state().dock, Pane::Reader));
    ctrl(&mut h, egui::Key::K);
    assert!(h.state().palette.is_some(), "Ctrl+K opens the palette");
    type_text(&mut h, "openai val");
    // The best match is listed first and highlighted.
    h.get_by_label("OpenAI valuation, 2025");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().palette.is_none(), "Enter closes the palette");
    assert!(layout::is_visible(&h.state().dock, Pane::Charts));
    let chart = h.state().charts.chart.clone().expect("a chart is shown");
    let title = &h
        .state()
        .session
        .ws
        .charts
        .iter()
        .find(|c| c.id == chart)
        .unwrap()
        .title;
    assert_eq!(title, "OpenAI valuation, 2025");
}

#[test]
fn palette_opens_a_document_and_escape_closes_it() {
    let mut h = start(vec![]);
    let ws = sample();
    let doc = ws
        .documents
        .iter()
        .find(|d| d.title.starts_with("AWS lands"))
        .unwrap();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    h.run();
    assert!(
        h.state().palette.is_some(),
        "Ctrl+Shift+P opens the palette"
    );
    type_text(&mut h, "aws lands");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selection.doc.as_ref(), Some(&doc.id));
    assert!(layout::is_visible(&h.state().dock, Pane::Reader));
    ctrl(&mut h, egui::Key::K);
    type_text(&mut h, "zzzz nothing");
    h.get_by_label("Nothing matches.");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().palette.is_none(), "Escape closes the palette");
}

#[test]
fn panes_close_from_view_and_reset_layout_brings_them_back() {
    let mut h = start(vec![]);
    h.get_by_label("View").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Charts").click();
    h.run();
    assert!(!layout::is_open(&h.state().dock, Pane::Charts));
    assert!(h.query_by_role_and_label(Role::Button, "Charts").is_none());
    // Reopened from View, it comes back beside the Reader and in front.
    h.get_by_label("View").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Charts").click();
    h.run();
    assert!(layout::is_visible(&h.state().dock, Pane::Charts));
    // Close two panes, then Reset layout restores the default arrangement.
    h.state_mut().push(Command::TogglePane(Pane::Inspector));
    h.state_mut().push(Command::TogglePane(Pane::Sources));
    h.run();
    assert!(!layout::is_open(&h.state().dock, Pane::Inspector));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Reset layout").click();
    h.run();
    let dock = &h.state().dock;
    for p in Pane::ALL {
        assert!(layout::is_open(dock, p), "{p:?} is back");
    }
    assert!(layout::is_visible(dock, Pane::Reader) && layout::is_visible(dock, Pane::Inspector));
    h.get_by_role_and_label(Role::Button, "Inspector");
}

#[test]
fn tabs_switch_by_click_and_by_ctrl_digit() {
    let mut h = start(vec![]);
    h.get_by_role_and_label(Role::Button, "Findings").click();
    h.run();
    assert!(layout::is_visible(&h.state().dock, Pane::Findings));
    ctrl(&mut h, egui::Key::Num4);
    assert!(layout::is_visible(&h.state().dock, Pane::Network));
    ctrl(&mut h, egui::Key::Num1);
    assert!(layout::is_visible(&h.state().dock, Pane::Reader));
    ctrl(&mut h, egui::Key::Num8);
    assert!(layout::is_visible(&h.state().dock, Pane::Entities));
}

#[test]
fn theme_switches_from_the_view_menu_and_zoom_from_the_keyboard() {
    let mut h = start(vec![]);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert_eq!(h.state().settings.theme, egui::ThemePreference::Light);
    assert!(!h.ctx.global_style().visuals.dark_mode);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    ctrl(&mut h, egui::Key::Equals);
    ctrl(&mut h, egui::Key::Equals);
    assert_eq!(h.state().settings.zoom, Some(1.2));
    assert!((h.ctx.zoom_factor() - 1.2).abs() < 1e-6);
    ctrl(&mut h, egui::Key::Minus);
    assert_eq!(h.state().settings.zoom, Some(1.1));
    ctrl(&mut h, egui::Key::Num0);
    assert_eq!(h.state().settings.zoom, Some(1.0));
}

#[test]
fn shortcuts_do_not_fire_while_typing_in_a_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let mut h = start(vec![Some(path.clone())]);
    let ws = sample();
    let doc = ws.documents[0].clone();
    // A selection exists, so Ctrl+Shift+N would make a claim if it fired.
    h.state_mut().reader.selection = Some((doc.id.clone(), 0..20));
    h.get_by_label("Edit").click();
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().value().as_deref() == Some(ws.title.as_str())
        })
        .expect("the workspace title field");
    field.focus();
    h.run();
    type_text(&mut h, " draft");
    let claims = h.state().session.ws.claims.len();
    let revision = h.state().session.history.revision();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::N,
    );
    h.run();
    ctrl(&mut h, egui::Key::Num3);
    ctrl(&mut h, egui::Key::Equals);
    assert_eq!(
        h.state().session.ws.claims.len(),
        claims,
        "no claim while typing"
    );
    assert!(
        layout::is_visible(&h.state().dock, Pane::Reader),
        "no pane switch"
    );
    assert_eq!(h.state().settings.zoom, None, "no zoom while typing");
    assert_eq!(h.state().session.history.revision(), revision);
    assert!(h.state().session.ws.title.ends_with(" draft"));
    // Save is the exception: it works from anywhere, so typing never risks work.
    ctrl(&mut h, egui::Key::S);
    assert!(path.exists(), "Ctrl+S saves while typing");
    // Out of the field, the same keys act.
    h.key_press(egui::Key::Escape);
    h.run();
    ctrl(&mut h, egui::Key::Num3);
    assert!(layout::is_visible(&h.state().dock, Pane::Charts));
}

#[test]
fn a_claim_is_made_with_the_keyboard_alone() {
    let mut h = start(vec![]);
    let ws = sample();
    // Jump to the AWS article through the palette.
    ctrl(&mut h, egui::Key::K);
    type_text(&mut h, "aws lands");
    h.key_press(egui::Key::Enter);
    h.run();
    let doc = h.state().selection.doc.clone().expect("a document");
    let text = &ws.document(&doc).unwrap().text;
    let needle = "$38 billion";
    let at = text.find(needle).expect("the article states $38 billion");
    // Find the figure; the match becomes the selection.
    ctrl(&mut h, egui::Key::F);
    type_text(&mut h, needle);
    assert_eq!(
        h.state().reader.selection,
        Some((doc.clone(), at..at + needle.len()))
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.state().reader.find.is_none(),
        "Escape closes the find bar"
    );
    let before = h.state().session.ws.claims.len();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::N,
    );
    h.run();
    let app = h.state();
    assert_eq!(app.session.ws.claims.len(), before + 1, "a new claim");
    let id = app
        .selection
        .claim
        .clone()
        .expect("the new claim is selected");
    let claim = app.session.ws.claim(&id).unwrap();
    assert_eq!(claim.evidence[0].doc, doc);
    assert!(claim.evidence[0].anchor.exact.contains(needle));
    let figure = claim.figure.as_ref().expect("prefilled figure");
    assert_eq!(figure.low, 38e9);
    // Undo with the keyboard too.
    ctrl(&mut h, egui::Key::Z);
    assert_eq!(h.state().session.ws.claims.len(), before);
}

#[test]
fn f1_lists_shortcuts_and_about_shows_version_and_paths() {
    let mut h = start(vec![]);
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.query_all_by_label("Keyboard shortcuts").count() >= 1);
    h.get_by_label("F1");
    h.get_by_label("Command palette");
    h.get_by_label("Show Network");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().help.is_none());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About claimbench").click();
    h.run();
    h.get_by_label(&format!("claimbench {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("Log files");
    h.get_by_label("Workspace");
    // Named in the About window and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("ai-compute-deals.ron")
            .count(),
        2
    );
}

#[test]
fn welcome_strip_offers_three_next_steps_and_hides() {
    let mut h = start(vec![]);
    h.get_by_label("2. Open a chart").click();
    h.run();
    assert!(layout::is_visible(&h.state().dock, Pane::Charts));
    h.get_by_label("1. Read a document").click();
    h.run();
    assert!(layout::is_visible(&h.state().dock, Pane::Reader));
    h.get_by_label("3. Import your own articles…");
    h.get_by_label("Hide tips").click();
    h.run();
    assert!(h.state().settings.welcome_dismissed);
    assert!(h.query_by_label("2. Open a chart").is_none());
}

#[test]
fn notes_are_toasts_once_and_stay_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noted.ron");
    let mut h = start(vec![Some(path.clone())]);
    ctrl(&mut h, egui::Key::S);
    let saved = format!("Saved {}", path.display());
    // Shown once as a toast (and as the status bar's latest note).
    assert_eq!(h.query_all_by_label(&saved).count(), 2);
    // The toast can be closed; the message stays in the Messages pane.
    h.get_by_label("×").click();
    h.run();
    assert_eq!(
        h.query_all_by_label(&saved).count(),
        1,
        "only the status bar"
    );
    h.get_by_role_and_label(Role::Button, "Messages").click();
    h.run();
    assert_eq!(
        h.query_all_by_label(&saved).count(),
        2,
        "status bar and Messages"
    );
    h.get_by_label_contains("1 message, 0 errors");
}

#[test]
fn a_saved_layout_is_restored_and_reset_goes_back_to_the_default() {
    use claimbench::ui::app::Settings;
    let mut dock = layout::default_dock(false);
    layout::close(&mut dock, Pane::Charts);
    layout::show(&mut dock, Pane::Network);
    // Settings go through eframe storage as RON; check that path too.
    let settings = Settings {
        dock: layout::to_ron(&dock),
        recent: vec!["/tmp/deals.ron".into()],
        ..Default::default()
    };
    let text = ron::to_string(&settings).unwrap();
    let settings: Settings = ron::from_str(&text).unwrap();
    let mut h = harness::start_with_settings(settings);
    assert!(!layout::is_open(&h.state().dock, Pane::Charts));
    assert!(layout::is_visible(&h.state().dock, Pane::Network));
    h.get_by_role_and_label(Role::Button, "Network");
    assert!(h.query_by_role_and_label(Role::Button, "Charts").is_none());
    h.state_mut().push(Command::Ui(UiCommand::ResetLayout));
    h.run();
    assert!(layout::is_visible(&h.state().dock, Pane::Reader));
    h.get_by_role_and_label(Role::Button, "Charts");
}

#[test]
fn an_unreadable_saved_layout_falls_back_to_the_default_and_keeps_other_settings() {
    use claimbench::ui::app::Settings;
    let text = r#"(recent: ["/tmp/deals.ron"], dock: Some("(surfaces: [Main(garbage)])"), welcome_dismissed: true)"#;
    let settings: Settings = ron::from_str(text).expect("the settings still parse");
    assert_eq!(settings.recent.len(), 1);
    let h = harness::start_with_settings(settings);
    for p in Pane::ALL {
        assert!(layout::is_open(&h.state().dock, p), "{p:?}");
    }
    assert_eq!(h.state().settings.recent.len(), 1);
    assert!(h.state().settings.welcome_dismissed);
}

#[test]
fn entity_claim_counts_follow_edits() {
    let mut h = start(vec![]);
    let ws = sample();
    let amazon = ws
        .entities
        .iter()
        .find(|e| e.name == "Amazon")
        .unwrap()
        .id
        .clone();
    let count = |ws: &claimbench::model::Workspace| {
        ws.claims
            .iter()
            .filter(|c| {
                c.subject.as_ref() == Some(&amazon) || c.counterparty.as_ref() == Some(&amazon)
            })
            .count()
    };
    let n = count(&ws);
    assert!(n >= 2);
    ctrl(&mut h, egui::Key::Num8);
    h.get_by_label(&format!("Amazon · {n} claims"));
    let victim = ws
        .claims
        .iter()
        .find(|c| c.subject.as_ref() == Some(&amazon))
        .unwrap()
        .id
        .clone();
    h.state_mut().push(Command::DeleteClaim(victim));
    h.run();
    assert_eq!(count(&h.state().session.ws), n - 1);
    h.get_by_label(&format!("Amazon · {} claims", n - 1));
}
