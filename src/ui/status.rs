//! The status bar: file, saved state, counts, and the latest note.

use super::app::ClaimbenchApp;
use super::command::Command;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if let Some(job) = &app.import_job {
            super::import::progress_ui(
                ui,
                job.progress(),
                160.0,
                "Importing",
                "Cancel import",
                cmds,
            );
            ui.separator();
        }
        if let Some(job) = &app.open_job {
            super::open_job::progress_ui(ui, job);
            ui.separator();
        }
        ui.label(app.source_label());
        ui.separator();
        if app.is_dirty() {
            ui.colored_label(ui.visuals().warn_fg_color, "unsaved changes");
        } else if app.is_blank() {
            ui.label("empty");
        } else {
            ui.label("saved");
        }
        ui.separator();
        // Counting evidence walks every claim: counted once, then kept current from the edits.
        let rev = app.session.history.revision();
        ui.label(app.derived.counts_line(&app.session.ws, rev));
        // The latest note, while it is news: after a minute it would describe a state the
        // window may no longer be in (the Messages pane keeps every note).
        const FRESH: std::time::Duration = std::time::Duration::from_secs(60);
        if let Some(m) = app.notes.messages.iter().rev().find(|m| !m.error)
            && m.at.elapsed() < FRESH
        {
            ui.separator();
            ui.add(
                egui::Label::new(
                    egui::RichText::new(m.text.lines().next().unwrap_or_default()).weak(),
                )
                .truncate(),
            );
            ui.ctx()
                .request_repaint_after(FRESH.saturating_sub(m.at.elapsed()));
        }
    });
}
