//! Starting the real app for kittest UI tests (shared by the `ui_*` test files).
#![allow(dead_code)]

use claimbench::model::Workspace;
use claimbench::ui::dialogs::DialogBackend;
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

/// The embedded sample workspace.
pub fn sample() -> Workspace {
    claimbench::sample::sample_workspace().expect("sample loads")
}
