//! Accessibility (issue 9): every control that can be clicked, focused or typed into carries a
//! label that screen readers (AccessKit) announce; the main controls are found by those labels;
//! focus moves with Tab / Shift+Tab onto labelled controls.

use claimbench::model::ClaimId;
use claimbench::ui::layout::{self, Pane};
use claimbench::ui::{ClaimbenchApp, Command, UiCommand};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod harness;
use harness::{click_in_view, shown_in, start};

mod a11y;
use a11y::{announced, audit_scene, focused};

fn show(h: &mut Harness<'static, ClaimbenchApp>, pane: Pane) {
    h.state_mut().push(Command::ShowPane(pane));
    h.run();
}

/// Audits one scene and checks the walk saw a full window's worth of controls.
fn scene(h: &Harness<'static, ClaimbenchApp>, name: &str, report: &mut Vec<String>) {
    let checked = audit_scene(h, name, report);
    assert!(checked >= 80, "{name}: only {checked} controls seen");
}

#[test]
fn every_control_of_every_pane_is_named() {
    let mut h = start(vec![]);
    let mut report = Vec::new();
    scene(&h, "start", &mut report);
    let claim = h.state().session.ws.claims[0].id.clone();
    h.state_mut().push(Command::SelectClaim(claim));
    h.run();
    for pane in Pane::ALL {
        show(&mut h, pane);
        assert!(layout::is_visible(&h.state().dock, pane));
        scene(&h, pane.label(), &mut report);
    }
    // Panes in their busier states: an entity open, document details, chart editor, a finding
    // being resolved, an entity picker open in the Inspector.
    let entity = h.state().session.ws.entities[0].id.clone();
    h.state_mut().push(Command::ShowEntity(entity));
    h.run();
    scene(&h, "Entities, one open", &mut report);
    show(&mut h, Pane::Reader);
    h.get_by_label("Details…").click();
    h.run();
    scene(&h, "Reader details", &mut report);
    show(&mut h, Pane::Charts);
    click_in_view(&mut h, "Edit chart");
    h.run();
    scene(&h, "Charts editor", &mut report);
    show(&mut h, Pane::Findings);
    let resolve = h.get_all_by_label("Resolve…").next().expect("a finding");
    resolve.scroll_to_me();
    h.run();
    h.get_all_by_label("Resolve…")
        .next()
        .expect("a finding")
        .click();
    h.run();
    h.get_by_label("Save resolution");
    scene(&h, "Findings, resolving", &mut report);
    h.get_by_role_and_label(Role::ComboBox, "Subject").click();
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx));
    scene(&h, "Inspector, Subject picker open", &mut report);
    h.key_press(egui::Key::Escape);
    h.run();
    for menu in ["File", "Edit", "View", "Help"] {
        h.get_by_role_and_label(Role::Button, menu).click();
        h.run();
        h.get_by_label(&format!("{menu} menu"));
        scene(&h, &format!("{menu} menu"), &mut report);
        h.key_press(egui::Key::Escape);
        h.run();
    }
    for (name, cmd) in [
        ("command palette", Command::Ui(UiCommand::CommandPalette)),
        ("shortcuts sheet", Command::Ui(UiCommand::ShowShortcuts)),
        ("About", Command::Ui(UiCommand::ShowAbout)),
    ] {
        h.state_mut().push(cmd);
        h.run();
        assert!(h.state().palette.is_some() || h.state().help.is_some());
        scene(&h, name, &mut report);
        h.key_press(egui::Key::Escape);
        h.run();
    }
    assert!(
        report.is_empty(),
        "{} unnamed controls:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn modals_toasts_and_messages_are_named_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = start(vec![Some(dir.path().join("c.csv"))]);
    let mut report = Vec::new();
    show(&mut h, Pane::Reader);
    click_in_view(&mut h, "Replace text…");
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "New document text");
    scene(&h, "Replace text dialog", &mut report);
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    // A finished export leaves a toast and a line in Messages.
    show(&mut h, Pane::Charts);
    h.get_by_role_and_label(Role::Button, "Export CSV…").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("Exported").next().is_some(),
        "the export shows a toast"
    );
    scene(&h, "toast", &mut report);
    show(&mut h, Pane::Messages);
    scene(&h, "Messages with a message", &mut report);
    // An unsaved change, then New: the confirmation dialog.
    h.state_mut()
        .push(Command::SetTitle("Renamed for the audit".into()));
    h.run();
    h.state_mut().push(Command::Ui(UiCommand::New));
    h.run();
    h.get_by_role_and_label(Role::Button, "Discard changes");
    scene(&h, "unsaved changes dialog", &mut report);
    assert!(
        report.is_empty(),
        "{} unnamed controls:\n{}",
        report.len(),
        report.join("\n")
    );
}

fn select_first_claim_with_figure(h: &mut Harness<'static, ClaimbenchApp>) -> ClaimId {
    let id = h
        .state()
        .session
        .ws
        .claims
        .iter()
        .find(|c| c.figure.is_some() && c.subject.is_some())
        .map(|c| c.id.clone())
        .expect("a claim with a figure");
    h.state_mut().push(Command::SelectClaim(id.clone()));
    h.run();
    show(h, Pane::Inspector);
    id
}

#[test]
fn every_pane_tab_is_found_by_its_label_and_brings_the_pane_forward() {
    let mut h = start(vec![]);
    for pane in Pane::ALL {
        h.get_by_role_and_label(Role::Button, pane.label()).click();
        h.run();
        assert!(
            layout::is_visible(&h.state().dock, pane),
            "clicking the {pane:?} tab shows it"
        );
    }
    // Each tab's × is a named button too.
    h.get_by_role_and_label(Role::Button, "Close Charts")
        .click();
    h.run();
    assert!(!layout::is_open(&h.state().dock, Pane::Charts));
}

#[test]
fn the_menus_open_by_label_and_name_their_popups() {
    let mut h = start(vec![]);
    for menu in ["File", "Edit", "View", "Help"] {
        let popup = format!("{menu} menu");
        assert!(h.query_by_label(&popup).is_none(), "{popup} starts closed");
        h.get_by_role_and_label(Role::Button, menu).click();
        h.run();
        assert_eq!(
            h.get_by_label(&popup).accesskit_node().role(),
            Role::Menu,
            "{popup} is announced as a menu"
        );
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.query_by_label(&popup).is_none(), "Escape closes {popup}");
    }
    // The workspace title field in Edit is named by its caption.
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Workspace title:")
        .focus();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Workspace title:")
            .is_focused()
    );
}

#[test]
fn claims_filter_and_reader_controls_are_found_by_label() {
    let mut h = start(vec![]);
    show(&mut h, Pane::Claims);
    let all = h.state().session.ws.claims.len();
    let filter = h.get_by_role_and_label(Role::TextInput, "Filter claims");
    filter.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Filter claims")
        .type_text("Nvidia");
    h.run();
    assert_eq!(h.state().table.filter.text, "Nvidia");
    for combo in ["Filter by kind", "Filter by status", "Filter by party"] {
        h.get_by_role_and_label(Role::ComboBox, combo);
    }
    for field in ["From date", "To date"] {
        h.get_by_role_and_label(Role::TextInput, field);
    }
    assert!(all > 0);

    show(&mut h, Pane::Reader);
    let text = h.get_by_role_and_label(Role::MultilineTextInput, "Document text");
    assert!(text.value().is_some_and(|v| !v.is_empty()));
    let new_claim = h.get_by_label_contains("New claim from selection");
    assert_eq!(new_claim.accesskit_node().role(), Role::Button);
    assert!(
        new_claim.accesskit_node().is_disabled(),
        "nothing is selected yet"
    );
}

#[test]
fn inspector_fields_are_found_by_their_captions() {
    let mut h = start(vec![]);
    let id = select_first_claim_with_figure(&mut h);
    for combo in [
        "Kind",
        "Subject",
        "Counterparty",
        "Qualifier",
        "Unit",
        "Status",
    ] {
        let node = h.get_by_role_and_label(Role::ComboBox, combo);
        assert!(
            node.value().is_some_and(|v| !v.is_empty()),
            "{combo} shows its value"
        );
        node.click();
        h.run();
        assert!(
            egui::Popup::is_any_open(&h.ctx),
            "clicking {combo} opens it"
        );
        h.key_press(egui::Key::Escape);
        h.run();
    }
    for field in ["Amount", "Date", "Period", "Tags"] {
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run();
        assert!(
            h.get_by_role_and_label(Role::TextInput, field).is_focused(),
            "{field} takes focus by its label"
        );
    }
    h.get_by_role_and_label(Role::MultilineTextInput, "Note");
    // Typing into the field found by its label edits the claim.
    h.get_by_role_and_label(Role::TextInput, "Date").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Date")
        .type_text("2024-03-05");
    h.run();
    let as_of = h.state().session.ws.claim(&id).and_then(|c| c.as_of);
    assert_eq!(as_of.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
}

#[test]
fn chart_export_and_findings_resolve_buttons_work_by_label() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("chart.svg");
    let mut h = start(vec![Some(svg.clone())]);
    show(&mut h, Pane::Charts);
    for label in ["Export SVG…", "Export PNG…", "Export CSV…", "Reset view"] {
        h.get_by_role_and_label(Role::Button, label);
    }
    h.get_by_label("Chart plot: drag to pan, scroll to zoom");
    h.get_by_role_and_label(Role::Button, "Export SVG…").click();
    h.run();
    let written = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(written.contains("<svg"));

    show(&mut h, Pane::Findings);
    let before = h.get_all_by_label("Resolve…").count();
    assert!(before > 0, "the sample has open findings");
    h.get_all_by_label("Resolve…")
        .next()
        .expect("a Resolve button")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Resolve…")
        .next()
        .expect("a Resolve button")
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("checked");
    h.run();
    click_in_view(&mut h, "Save resolution");
    h.run();
    assert_eq!(
        h.query_all_by_label("Resolve…").count(),
        before - 1,
        "one finding fewer to resolve"
    );
}

#[test]
fn tab_and_shift_tab_move_focus_over_named_controls() {
    let mut h = start(vec![]);
    select_first_claim_with_figure(&mut h);
    assert!(focused(&h).is_none(), "nothing focused at start");
    // Tab until the focus comes back round to the first stop: every stop is a named control.
    let mut seen = Vec::new();
    for _ in 0..600 {
        h.key_press(egui::Key::Tab);
        h.run();
        let node = focused(&h).expect("Tab puts the focus on a control");
        let id = node.accesskit_node().id();
        if seen.first().is_some_and(|(first, _)| *first == id) {
            break;
        }
        let name = announced(&node)
            .unwrap_or_else(|| panic!("Tab landed on a control without a name: {node:?}"));
        seen.push((id, name));
    }
    eprintln!(
        "{} Tab stops: {:?}",
        seen.len(),
        seen.iter().map(|s| &s.1).collect::<Vec<_>>()
    );
    let distinct: std::collections::HashSet<_> = seen.iter().map(|s| s.0).collect();
    assert_eq!(
        distinct.len(),
        seen.len(),
        "each control is visited once a round"
    );
    assert!(seen.len() >= 60, "Tab reaches the whole window");
    let names: Vec<&str> = seen.iter().map(|s| s.1.as_str()).collect();
    for want in [
        "File",
        "Sources",
        "Reader",
        "Claims",
        "Inspector",
        "Document text",
        "Filter claims",
        "Kind",
        "Subject",
        "Amount",
        "Date",
        "Status",
        "Note",
        "Delete claim",
    ] {
        assert!(names.contains(&want), "Tab reaches {want:?}");
    }
    // The focus is back on the first stop; Shift+Tab walks the same stops backwards.
    for back in (0..seen.len()).rev().take(12) {
        h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
        h.run();
        let node = focused(&h).expect("Shift+Tab keeps a focus");
        assert_eq!(
            node.accesskit_node().id(),
            seen[back].0,
            "Shift+Tab goes back to {:?}",
            seen[back].1
        );
    }
}

#[test]
fn a_focused_dock_tab_opens_with_space_or_enter() {
    let mut h = start(vec![]);
    for (pane, key) in [
        (Pane::Charts, egui::Key::Space),
        (Pane::Network, egui::Key::Enter),
        (Pane::Entities, egui::Key::Enter),
        (Pane::Messages, egui::Key::Space),
    ] {
        assert!(!layout::is_visible(&h.state().dock, pane));
        h.get_by_role_and_label(Role::Button, pane.label()).focus();
        h.run();
        assert!(
            h.get_by_role_and_label(Role::Button, pane.label())
                .is_focused()
        );
        h.key_press(key);
        h.run();
        assert!(
            layout::is_visible(&h.state().dock, pane),
            "{key:?} on the focused {pane:?} tab shows it"
        );
    }
}

#[test]
fn escape_closes_the_palette_and_the_help_windows() {
    let mut h = start(vec![]);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    h.run();
    assert!(
        h.state().palette.is_some(),
        "Ctrl+Shift+P opens the palette"
    );
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Command palette search")
            .is_focused(),
        "typing goes straight to the search field"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().palette.is_none(), "Escape closes the palette");
    assert!(h.query_by_label("Command palette search").is_none());

    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.state().help.is_some(), "F1 opens the shortcuts sheet");
    h.get_by_role_and_label(Role::Button, "Close window");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.state().help.is_none(),
        "Escape closes the shortcuts sheet"
    );
    assert!(h.query_by_label("Close window").is_none());

    h.state_mut().push(Command::Ui(UiCommand::ShowAbout));
    h.run();
    assert!(h.state().help.is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().help.is_none(), "Escape closes About");
}

#[test]
fn a_claim_row_is_selected_with_tab_and_enter() {
    let mut h = start(vec![]);
    let ws = h.state().session.ws.clone();
    // A claim whose amount cell text is unique in the table and shown without scrolling.
    let displays: Vec<String> = ws
        .claims
        .iter()
        .map(|c| c.figure.as_ref().map(|f| f.display()).unwrap_or_default())
        .collect();
    let (i, _) = displays
        .iter()
        .enumerate()
        .find(|(_, d)| {
            !d.is_empty()
                && displays.iter().filter(|e| e == d).count() == 1
                && h.query_by_label(d)
                    .is_some_and(|n| shown_in(&h, Pane::Claims, n.rect()))
        })
        .expect("a visible unique amount");
    assert!(h.state().selection.claim.is_none());
    let mut reached = false;
    for _ in 0..300 {
        h.key_press(egui::Key::Tab);
        h.run();
        let node = focused(&h).expect("a focus");
        if announced(&node).as_deref() == Some(displays[i].as_str()) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the cell {:?}", displays[i]);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().selection.claim.as_ref(),
        Some(&ws.claims[i].id),
        "Enter on a focused cell selects its claim"
    );
}
