//! The menu bar: File, Edit, View, Help. Labels, shortcuts and tooltips come from [`Command`].

use super::app::ClaimbenchApp;
use super::command::Command;
use super::layout::{self, Pane};

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
    let tip = cmd.tooltip();
    let r = ui.add(button);
    let r = if tip.is_empty() {
        r
    } else {
        r.on_hover_text(tip)
    };
    if r.clicked() {
        cmds.push(cmd);
        ui.close();
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    egui::MenuBar::new().ui(ui, |ui| {
        let r = ui.menu_button("File", |ui| {
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
            item(ui, &ctx, "Import from URL…", Command::ImportFromUrl, cmds);
            item(ui, &ctx, "Export report…", Command::ExportReport, cmds);
            item(ui, &ctx, "Merge workspace…", Command::MergeWorkspace, cmds);
            ui.separator();
            item(ui, &ctx, "Save", Command::Save, cmds);
            item(ui, &ctx, "Save As…", Command::SaveAs, cmds);
            ui.separator();
            item(ui, &ctx, "Quit", Command::Quit, cmds);
        });
        super::a11y::name_menu(&r.response, "File menu");
        let r = ui.menu_button("Edit", |ui| {
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
            let label = ui.label("Workspace title:");
            let mut title = app.ws.title.clone();
            let r = ui
                .add(egui::TextEdit::singleline(&mut title).desired_width(240.0))
                .labelled_by(label.id);
            if r.changed() {
                cmds.push(Command::SetTitle(title));
            }
        });
        super::a11y::name_menu(&r.response, "Edit menu");
        let r = ui.menu_button("View", |ui| {
            item(ui, &ctx, "Command palette…", Command::CommandPalette, cmds);
            ui.separator();
            ui.label("Panels (click to close or reopen)");
            for pane in Pane::ALL {
                let mut open = layout::is_open(&app.dock, pane);
                let r = ui
                    .checkbox(&mut open, pane.label())
                    .on_hover_text(pane.description());
                if r.clicked() {
                    cmds.push(Command::TogglePane(pane));
                }
            }
            item(ui, &ctx, "Reset layout", Command::ResetLayout, cmds);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Theme:");
                for (label, theme) in [
                    ("System", egui::ThemePreference::System),
                    ("Dark", egui::ThemePreference::Dark),
                    ("Light", egui::ThemePreference::Light),
                ] {
                    if ui
                        .selectable_label(app.settings.theme == theme, label)
                        .on_hover_text(Command::SetTheme(theme).tooltip())
                        .clicked()
                    {
                        cmds.push(Command::SetTheme(theme));
                    }
                }
            });
            item(ui, &ctx, "Zoom in", Command::ZoomIn, cmds);
            item(ui, &ctx, "Zoom out", Command::ZoomOut, cmds);
            item(ui, &ctx, "Reset zoom", Command::ZoomReset, cmds);
        });
        super::a11y::name_menu(&r.response, "View menu");
        let r = ui.menu_button("Help", |ui| {
            item(ui, &ctx, "Keyboard shortcuts", Command::ShowShortcuts, cmds);
            item(ui, &ctx, "Command palette…", Command::CommandPalette, cmds);
            if ui.button("Show the welcome strip").clicked() {
                app.settings.welcome_dismissed = false;
                ui.close();
            }
            ui.separator();
            item(ui, &ctx, "About claimbench", Command::ShowAbout, cmds);
        });
        super::a11y::name_menu(&r.response, "Help menu");
    });
}
