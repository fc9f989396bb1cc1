//! The Sources panel: documents with outlet, date and claim count; click to read.

use super::command::Command;
use super::selection::Selection;
use crate::model::{DocId, Workspace};
use std::collections::HashMap;

/// Draws the Sources panel; `counts` are the claims per document (kept current from the edits by
/// the derived-data layer: counting scans every claim).
pub fn sources_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    cmds: &mut Vec<Command>,
    counts: &HashMap<DocId, usize>,
) {
    ui.separator();
    if ws.documents.is_empty() {
        ui.weak("No documents yet.");
        return;
    }
    // Only the documents in view are laid out: a thousand rows cost milliseconds a frame.
    let row_height = ui.spacing().interact_size.y
        + ui.text_style_height(&egui::TextStyle::Body)
        + 6.0
        + 2.0 * ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, ws.documents.len(), |ui, rows| {
            for d in &ws.documents[rows] {
                let selected = sel.doc.as_ref() == Some(&d.id);
                let r = ui.add(
                    egui::Button::selectable(selected, egui::RichText::new(&d.title).strong())
                        .truncate(),
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
                    "{} · {date} · {}",
                    d.outlet,
                    crate::words::count(n, "claim")
                ));
                ui.add_space(6.0);
            }
        });
}
