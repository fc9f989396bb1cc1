//! The eframe application: panels read the workspace and push [`Command`]s; only the app's
//! command handler ([`app::ClaimbenchApp::run_command`]) changes the workspace or opens files.
//!
//! Layout (DESIGN.md §5): menu bar · dockable panes ([`layout`]: Sources and Entities on the
//! left, Reader/Charts/Network/Findings over Claims/Messages in the centre, Inspector over
//! Suggestions on the right) · status bar at the bottom · toasts in the corner.

pub mod a11y;
pub mod app;
pub mod background;
pub mod charts;
pub mod claims;
pub mod command;
pub mod command_palette;
pub mod derived;
pub mod dialogs;
pub mod disk;
pub mod dock;
pub mod docmeta;
pub mod entities;
pub mod feeds;
pub mod find;
pub mod findings;
pub mod help;
pub mod import;
pub mod inspector;
pub mod layout;
pub mod logging;
pub mod menu;
pub mod merge;
pub mod network;
pub mod notifications;
pub mod open_job;
pub mod palette;
pub mod probe;
pub mod reader;
pub mod screenshot;
pub mod selection;
pub mod snapshot;
pub mod sources;
pub mod status;
pub mod suggestions;
pub mod toasts;
pub mod ui_command;

pub use app::{ClaimbenchApp, Startup, View};
pub use command::Command;
pub use ui_command::UiCommand;

use std::path::PathBuf;

/// The window's initial inner size in points.
pub const WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens the GUI window and runs until it is closed.
pub fn run(startup: Startup) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("claimbench")
            .with_inner_size(startup.window_size.unwrap_or(WINDOW_SIZE))
            .with_min_inner_size([640.0, 400.0])
            .with_app_id("claimbench"),
        persist_window: startup.screenshot.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "claimbench",
        options,
        Box::new(move |cc| Ok(Box::new(ClaimbenchApp::new(cc, startup)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// Where the settings and recovery files live (eframe's storage folder for this app).
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir("claimbench")
}
