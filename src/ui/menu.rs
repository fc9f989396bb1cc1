//! The menu bar: File, Edit, View, Help.

use super::app::{ClaimbenchApp, View};
use super::command::Command;

fn item(
    ui: &mut egui::Ui,
    ctx: &egui::Context,
    label: &str,
    cmd: Command,
    cmds: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ctx.format_shortcut(&sc));
    }
    if ui.add(button).clicked() {
        cmds.push(cmd);
        ui.close();
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, &ctx, "New", Command::New, cmds);
            item(ui, &ctx, "Open…", Command::Open, cmds);
            ui.menu_button("Open Recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.label("No recent workspaces");
                }
                for p in app.settings.recent.clone() {
                    if ui.button(p.display().to_string()).clicked() {
                        cmds.push(Command::OpenPath(p));
                        ui.close();
                    }
                }
                if !app.settings.recent.is_empty() {
                    ui.separator();
                    if ui.button("Clear recent").clicked() {
                        cmds.push(Command::ClearRecent);
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, &ctx, "Import documents…", Command::Import, cmds);
            item(ui, &ctx, "Export report…", Command::ExportReport, cmds);
            ui.separator();
            item(ui, &ctx, "Save", Command::Save, cmds);
            item(ui, &ctx, "Save As…", Command::SaveAs, cmds);
            ui.separator();
            item(ui, &ctx, "Quit", Command::Quit, cmds);
        });
        ui.menu_button("Edit", |ui| {
            let sc = |c: &Command| {
                c.shortcut()
                    .map(|s| ctx.format_shortcut(&s))
                    .unwrap_or_default()
            };
            let undo = app.history.undo_label().map(|l| format!("Undo {l}"));
            let redo = app.history.redo_label().map(|l| format!("Redo {l}"));
            for (label, cmd, fallback) in
                [(undo, Command::Undo, "Undo"), (redo, Command::Redo, "Redo")]
            {
                let enabled = label.is_some();
                let button = egui::Button::new(label.unwrap_or_else(|| fallback.into()))
                    .shortcut_text(sc(&cmd));
                if ui.add_enabled(enabled, button).clicked() {
                    cmds.push(cmd);
                    ui.close();
                }
            }
            ui.separator();
            item(ui, &ctx, "Find…", Command::Find, cmds);
            ui.separator();
            ui.label("Workspace title:");
            let mut title = app.ws.title.clone();
            let r = ui.add(egui::TextEdit::singleline(&mut title).desired_width(240.0));
            if r.changed() {
                cmds.push(Command::SetTitle(title));
            }
        });
        ui.menu_button("View", |ui| {
            if ui.radio(app.view == View::Reader, "Reader large").clicked() {
                app.view = View::Reader;
                ui.close();
            }
            if ui
                .radio(app.view == View::Claims, "Claims table large")
                .clicked()
            {
                app.view = View::Claims;
                ui.close();
            }
            ui.separator();
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.menu_button("Help", |ui| {
            ui.label(format!("claimbench {}", env!("CARGO_PKG_VERSION")));
            ui.label("Ctrl+O open · Ctrl+S save · Ctrl+Shift+S save as · Ctrl+N new · Ctrl+Q quit");
            ui.label("Click a highlight in the Reader to inspect its claim.");
        });
    });
}
