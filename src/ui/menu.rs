//! The menu bar: File, Edit, View, Help. Labels, shortcuts and tooltips come from the
//! [`UiCommand`] table, as in the command palette and the shortcuts sheet.

use super::app::ClaimbenchApp;
use super::command::{Command, UiCommand};
use super::layout::{self, Pane};

fn item(ui: &mut egui::Ui, ctx: &egui::Context, cmd: UiCommand, cmds: &mut Vec<Command>) {
    let mut button = egui::Button::new(cmd.menu_label());
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
        cmds.push(Command::Ui(cmd));
        ui.close();
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    egui::MenuBar::new().ui(ui, |ui| {
        let r = ui.menu_button("File", |ui| {
            item(ui, &ctx, UiCommand::New, cmds);
            item(ui, &ctx, UiCommand::Open, cmds);
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
                        cmds.push(Command::Ui(UiCommand::ClearRecent));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, &ctx, UiCommand::Import, cmds);
            item(ui, &ctx, UiCommand::ImportFromUrl, cmds);
            item(ui, &ctx, UiCommand::ShowFeeds, cmds);
            item(ui, &ctx, UiCommand::ExportReport, cmds);
            item(ui, &ctx, UiCommand::MergeWorkspace, cmds);
            ui.separator();
            item(ui, &ctx, UiCommand::Save, cmds);
            item(ui, &ctx, UiCommand::SaveAs, cmds);
            ui.separator();
            item(ui, &ctx, UiCommand::Quit, cmds);
        });
        super::a11y::name_menu(&r.response, "File menu");
        let r = ui.menu_button("Edit", |ui| {
            let sc = |c: UiCommand| {
                c.shortcut()
                    .map(|s| ctx.format_shortcut(&s))
                    .unwrap_or_default()
            };
            let undo = app
                .session
                .history
                .undo_label()
                .map(|l| format!("Undo {l}"));
            let redo = app
                .session
                .history
                .redo_label()
                .map(|l| format!("Redo {l}"));
            for (label, cmd, fallback) in [
                (undo, UiCommand::Undo, "Undo"),
                (redo, UiCommand::Redo, "Redo"),
            ] {
                let enabled = label.is_some();
                let button = egui::Button::new(label.unwrap_or_else(|| fallback.into()))
                    .shortcut_text(sc(cmd));
                if ui.add_enabled(enabled, button).clicked() {
                    cmds.push(Command::Ui(cmd));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, &ctx, UiCommand::Find, cmds);
            ui.separator();
            let label = ui.label("Workspace title:");
            let mut title = app.session.ws.title.clone();
            let r = ui
                .add(egui::TextEdit::singleline(&mut title).desired_width(240.0))
                .labelled_by(label.id);
            if r.changed() {
                cmds.push(Command::SetTitle(title));
            }
        });
        super::a11y::name_menu(&r.response, "Edit menu");
        let r = ui.menu_button("View", |ui| {
            item(ui, &ctx, UiCommand::CommandPalette, cmds);
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
            item(ui, &ctx, UiCommand::ResetLayout, cmds);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Theme:");
                for (label, cmd) in [
                    ("System", UiCommand::ThemeSystem),
                    ("Dark", UiCommand::ThemeDark),
                    ("Light", UiCommand::ThemeLight),
                ] {
                    if ui
                        .selectable_label(cmd.theme() == Some(app.settings.theme), label)
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        cmds.push(Command::Ui(cmd));
                    }
                }
            });
            item(ui, &ctx, UiCommand::ZoomIn, cmds);
            item(ui, &ctx, UiCommand::ZoomOut, cmds);
            item(ui, &ctx, UiCommand::ZoomReset, cmds);
        });
        super::a11y::name_menu(&r.response, "View menu");
        let r = ui.menu_button("Help", |ui| {
            item(ui, &ctx, UiCommand::ShowShortcuts, cmds);
            item(ui, &ctx, UiCommand::CommandPalette, cmds);
            if ui.button("Show the welcome strip").clicked() {
                app.settings.welcome_dismissed = false;
                ui.close();
            }
            ui.separator();
            item(ui, &ctx, UiCommand::ShowAbout, cmds);
        });
        super::a11y::name_menu(&r.response, "Help menu");
    });
}
