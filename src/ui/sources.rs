//! The Sources panel: documents with outlet, date and claim count; click to read.

use super::app::Selection;
use super::command::Command;
use crate::model::Workspace;

/// Draws the Sources panel.
pub fn sources_ui(ui: &mut egui::Ui, ws: &Workspace, sel: &Selection, cmds: &mut Vec<Command>) {
    ui.separator();
    if ws.documents.is_empty() {
        ui.weak("No documents yet.");
        return;
    }
    let counts = ws.claims_per_document();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for d in &ws.documents {
                let selected = sel.doc.as_ref() == Some(&d.id);
                let r = ui.add(
                    egui::Button::selectable(selected, egui::RichText::new(&d.title).strong())
                        .wrap(),
                );
                if r.clicked() {
                    cmds.push(Command::SelectDocument(d.id.clone()));
                }
                let date = d
                    .published
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "undated".into());
                let n = counts.get(&d.id).copied().unwrap_or(0);
                ui.weak(format!(
                    "{} · {date} · {n} claim{}",
                    d.outlet,
                    if n == 1 { "" } else { "s" }
                ));
                ui.add_space(6.0);
            }
        });
}
