//! The lists below the findings: duplicate candidates (with an undoable Merge), claims without
//! sources and orphaned evidence. Clicking a claim selects it.

use crate::analysis::report::Orphan;
use crate::analysis::{DuplicateCandidate, merge_claims};
use crate::model::{Claim, ClaimId, Workspace};
use crate::ui::command::Command;

/// `Investment Amazon → OpenAI $10B (Ledger Wire)`: words a person reads; the claim's id goes in the link's
/// tooltip.
pub fn claim_text(ws: &Workspace, c: &Claim) -> String {
    let name = |e: &Option<crate::model::EntityId>| {
        e.as_ref()
            .map_or("?".to_owned(), |e| ws.entity_name(e).to_owned())
    };
    let parties = match &c.counterparty {
        Some(_) => format!("{} → {}", name(&c.subject), name(&c.counterparty)),
        None => name(&c.subject),
    };
    let fig = c
        .figure
        .as_ref()
        .map(|f| format!(" {}", f.display()))
        .unwrap_or_default();
    // Where it was reported tells two claims of the same parties and figure apart (duplicate
    // candidates), as the id did.
    let source = c
        .evidence
        .first()
        .and_then(|e| ws.document(&e.doc))
        .map(|d| {
            if d.outlet.trim().is_empty() {
                d.title.clone()
            } else {
                d.outlet.clone()
            }
        })
        .map(|o| format!(" ({o})"))
        .unwrap_or_default();
    format!("{} {parties}{fig}{source}", c.kind.label())
}

fn claim_link(ui: &mut egui::Ui, ws: &Workspace, id: &ClaimId, cmds: &mut Vec<Command>) {
    let text = ws
        .claim(id)
        .map_or_else(|| id.to_string(), |c| claim_text(ws, c));
    if ui.link(text).on_hover_text(format!("claim {id}")).clicked() {
        cmds.push(Command::SelectClaim(id.clone()));
    }
}

/// One duplicate candidate with its Merge button.
pub fn duplicate_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &DuplicateCandidate,
    cmds: &mut Vec<Command>,
) {
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label("keep");
            claim_link(ui, ws, &d.keep, cmds);
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("absorb");
            claim_link(ui, ws, &d.absorb, cmds);
        });
        ui.weak(&d.reason);
        if ui
            .button("Merge")
            .on_hover_text(format!(
                "Move {}'s evidence into {} and delete {}",
                d.absorb, d.keep, d.absorb
            ))
            .clicked()
            && let Ok(m) = merge_claims(ws, &d.keep, &d.absorb)
        {
            cmds.push(Command::Edit(
                Box::new(m.into_action()),
                format!(
                    "Merge duplicate claim into {}",
                    ws.claim(&d.keep)
                        .map_or_else(|| d.keep.to_string(), |c| claim_text(ws, c))
                ),
                None,
            ));
            cmds.push(Command::SelectClaim(d.keep.clone()));
        }
    });
}

/// One claim that has no evidence at all.
pub fn unsourced_ui(ui: &mut egui::Ui, ws: &Workspace, id: &ClaimId, cmds: &mut Vec<Command>) {
    claim_link(ui, ws, id, cmds);
}

/// One evidence span whose anchor no longer fits the document.
pub fn orphan_ui(ui: &mut egui::Ui, ws: &Workspace, o: &Orphan, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        claim_link(ui, ws, &o.claim, cmds);
        let doc = ws
            .document(&o.doc)
            .map_or_else(|| o.doc.to_string(), |d| d.title.clone());
        ui.weak(format!("evidence {} in “{doc}”: {}", o.evidence, o.problem))
            .on_hover_text(format!("document {}", o.doc));
    });
}
