//! Starting the real app for kittest UI tests (shared by the `ui_*` test files).
#![allow(dead_code)]

use claimbench::model::Workspace;
use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::layout::Pane;
use claimbench::ui::{ClaimbenchApp, Startup};
use egui_kittest::Harness;
use std::collections::VecDeque;
use std::path::PathBuf;

/// The app on the embedded sample in a 1280x800 window; file dialogs answer from `dialog_answers`.
pub fn start(dialog_answers: Vec<Option<PathBuf>>) -> Harness<'static, ClaimbenchApp> {
    let startup = Startup {
        dialogs: DialogBackend::Scripted(VecDeque::from(dialog_answers)),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    h
}

/// The app with the workspace at `path` open in a 1280x800 window; file dialogs answer from
/// `answers`.
pub fn open(
    path: &std::path::Path,
    answers: Vec<Option<PathBuf>>,
) -> Harness<'static, ClaimbenchApp> {
    let startup = Startup {
        path: Some(path.to_owned()),
        dialogs: DialogBackend::Scripted(VecDeque::from(answers)),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    h
}

/// The app on the embedded sample with the given persisted settings (no file dialogs).
pub fn start_with_settings(
    settings: claimbench::ui::app::Settings,
) -> Harness<'static, ClaimbenchApp> {
    let startup = Startup {
        dialogs: DialogBackend::Scripted(VecDeque::new()),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| ClaimbenchApp::with_settings(startup, settings));
    h.run();
    h
}

/// Whether `rect` (a node's) lies inside the visible body of `pane`: rows of a table or list
/// that are laid out but scrolled out of view fail this.
pub fn shown_in(h: &Harness<'static, ClaimbenchApp>, pane: Pane, rect: egui::Rect) -> bool {
    h.state()
        .dock
        .iter_leaves()
        .find(|(_, leaf)| leaf.tabs.get(leaf.active.0) == Some(&pane))
        .is_some_and(|(_, leaf)| leaf.viewport.contains_rect(rect))
}

/// Scrolls the control labelled `label` into view, then clicks it (like a user would).
pub fn click_in_view(h: &mut Harness<'static, ClaimbenchApp>, label: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
}

/// The embedded sample workspace.
pub fn sample() -> Workspace {
    claimbench::sample::sample_workspace().expect("sample loads")
}

/// Steps frames until the background import finishes (the worker asks for repaints while it
/// runs); panics after about 5 s.
pub fn wait_for_import(h: &mut Harness<'static, ClaimbenchApp>) {
    for _ in 0..500 {
        h.step();
        if h.state().import_job.is_none() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("import did not finish");
}
