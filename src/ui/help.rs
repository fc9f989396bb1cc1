//! Help: the first-run strip, the keyboard shortcuts sheet (built from the [`Command`] list, so it
//! cannot drift from what the keys do) and About (version and the folders the app uses).

use super::app::ClaimbenchApp;
use super::command::{Command, UiCommand};
use super::layout::Pane;

/// Which help window is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpWindow {
    /// Every keyboard shortcut.
    Shortcuts,
    /// Version and paths.
    About,
}

/// Keys that work inside panes rather than through a command.
const IN_PANE_KEYS: [(&str, &str); 5] = [
    (
        "Enter (in Find)",
        "Next match; the match becomes the selection",
    ),
    ("Esc", "Close the find bar, the palette or a dialog"),
    ("↑ / ↓ (in the palette)", "Move through the results"),
    ("Tab / Shift+Tab", "Move between controls"),
    ("Space / Enter (on a tab)", "Bring that panel to the front"),
];

/// The rows of the shortcuts sheet: (keys, command name), in palette order.
pub fn shortcut_rows(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for c in UiCommand::ALL {
        let keys: Vec<String> = c
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        if !keys.is_empty() {
            rows.push((keys.join("  or  "), c.label()));
        }
    }
    rows
}

/// The strip shown on the sample workspace until dismissed: what this is, three next steps.
pub fn welcome_ui(ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Sample workspace:");
        ui.label("eight reports on the AI compute deals of late 2025, annotated as claims. Next:");
        if ui
            .button("1. Read a document")
            .on_hover_text("Open the first document in the Reader; highlights are claims")
            .clicked()
        {
            cmds.push(Command::ShowPane(Pane::Sources));
            cmds.push(Command::ShowPane(Pane::Reader));
        }
        if ui
            .button("2. Open a chart")
            .on_hover_text("Valuations and commitments over time, with disagreements marked")
            .clicked()
        {
            cmds.push(Command::ShowPane(Pane::Charts));
        }
        if ui
            .button("3. Import your own articles…")
            .on_hover_text("txt, md, html or pdf; or drop files on the window")
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::Import));
        }
        ui.weak("Ctrl+K finds anything.");
        if ui
            .button("Hide tips")
            .on_hover_text("Hide this strip (Help › Show the welcome strip brings it back)")
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::DismissWelcome));
        }
    });
}

/// Draws the open help window.
pub fn help_ui(ctx: &egui::Context, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let Some(which) = app.help else {
        return;
    };
    let mut open = true;
    match which {
        HelpWindow::Shortcuts => {
            // Centred and no taller than the window, whatever its size: the list scrolls.
            let screen = ctx.content_rect();
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .collapsible(false)
                .pivot(egui::Align2::CENTER_CENTER)
                .default_pos(screen.center())
                .default_width(560.0_f32.min(screen.width() - 40.0))
                .constrain(true)
                .show(ctx, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height((screen.height() - 140.0).max(120.0))
                        .show(ui, |ui| {
                            egui::Grid::new("shortcuts")
                                .striped(true)
                                .num_columns(2)
                                .show(ui, |ui| {
                                    for (keys, label) in shortcut_rows(ctx) {
                                        ui.monospace(keys);
                                        ui.label(label);
                                        ui.end_row();
                                    }
                                    for (keys, what) in IN_PANE_KEYS {
                                        ui.monospace(keys);
                                        ui.label(what);
                                        ui.end_row();
                                    }
                                });
                            ui.add_space(6.0);
                            ui.weak(
                            "While you type in a text field, only Save, Save as, Open, Quit, the \
                             palette and F1 act; other keys belong to the field.",
                        );
                        });
                });
        }
        HelpWindow::About => {
            egui::Window::new("About claimbench")
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.heading(format!("claimbench {}", env!("CARGO_PKG_VERSION")));
                    ui.label("An analyst workbench for claims about AI-industry deals.");
                    ui.add_space(6.0);
                    egui::Grid::new("about_paths")
                        .num_columns(2)
                        .show(ui, |ui| {
                            ui.label("Workspace");
                            ui.monospace(app.source_label());
                            ui.end_row();
                            let data = super::data_dir();
                            let show = |p: Option<std::path::PathBuf>| {
                                p.map_or_else(|| "(none)".to_owned(), |p| p.display().to_string())
                            };
                            ui.label("Settings and layout");
                            ui.monospace(show(data.clone()));
                            ui.end_row();
                            ui.label("Recovery copies");
                            ui.monospace(show(app.session.recovery.dir.clone()));
                            ui.end_row();
                            ui.label("Log files");
                            ui.monospace(show(super::logging::log_dir()));
                            ui.end_row();
                        });
                    if ui.button("Keyboard shortcuts…").clicked() {
                        cmds.push(Command::Ui(UiCommand::ShowShortcuts));
                    }
                });
        }
    }
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        app.help = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_lists_every_shortcut_once() {
        let ctx = egui::Context::default();
        let rows = shortcut_rows(&ctx);
        for c in UiCommand::with_shortcuts() {
            let label = c.label();
            let n = rows.iter().filter(|(_, l)| *l == label).count();
            assert_eq!(n, 1, "{label} is listed once");
        }
        assert!(
            rows.iter()
                .any(|(k, l)| l == "Command palette" && k.contains('K'))
        );
    }
}
