//! The Inspector: details of the selected claim, each evidence quote with its source, and a
//! "show in document" link that opens the document at the span. Read-only for now.

use super::app::Selection;
use super::command::Command;
use super::palette;
use crate::model::Workspace;

/// Draws the Inspector.
pub fn inspector_ui(ui: &mut egui::Ui, ws: &Workspace, sel: &Selection, cmds: &mut Vec<Command>) {
    ui.heading("Inspector");
    ui.separator();
    let Some(c) = sel.claim.as_ref().and_then(|id| ws.claim(id)) else {
        ui.weak("Select a claim in the table, or click a highlight in the Reader.");
        return;
    };
    let name = |id: &Option<crate::model::EntityId>| {
        id.as_ref().map_or("—", |i| ws.entity_name(i)).to_owned()
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 2.0, palette::kind_color(c.kind));
                ui.strong(c.kind.label());
                ui.weak(c.id.as_str());
            });
            egui::Grid::new("claim_fields")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let mut field = |k: &str, v: String| {
                        ui.weak(k);
                        ui.label(v);
                        ui.end_row();
                    };
                    field("Subject", name(&c.subject));
                    field("Counterparty", name(&c.counterparty));
                    field(
                        "Figure",
                        c.figure.as_ref().map_or("—".into(), |f| f.display()),
                    );
                    field(
                        "Period",
                        c.period.as_ref().map_or("—".into(), |p| p.display()),
                    );
                    field("Date", c.as_of.map_or("—".into(), |d| d.to_string()));
                    field("Status", c.status.label().into());
                    if !c.tags.is_empty() {
                        field("Tags", c.tags.join(", "));
                    }
                });
            if !c.note.is_empty() {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(&c.note).italics());
            }
            ui.add_space(8.0);
            ui.strong(format!(
                "Evidence ({} in {} documents)",
                c.evidence.len(),
                c.documents().len()
            ));
            for (i, ev) in c.evidence.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    match ws.document(&ev.doc) {
                        Some(d) => {
                            let date = d.published.map(|p| p.to_string()).unwrap_or_default();
                            ui.weak(format!("{} · {date}", d.outlet));
                            ui.small(&d.title);
                        }
                        None => {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("missing document {}", ev.doc),
                            );
                        }
                    }
                    if let Some(a) = &ev.attributed_to {
                        ui.weak(format!("reporting {a}"));
                    }
                    ui.label(format!("“{}”", ev.anchor.exact));
                    if ui.link("show in document").clicked() {
                        cmds.push(Command::ShowEvidence(c.id.clone(), i));
                    }
                });
            }
        });
}
