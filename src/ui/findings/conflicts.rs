//! Merge conflicts at the top of the Findings tab: what a merge of two copies of the workspace
//! left to settle, with ours (kept) and theirs side by side and the value before both. Keep
//! ours, Take theirs and Edit… are each one undoable edit (`merge::resolve`).

use crate::merge::describe::{field_text, item_text, value_text};
use crate::merge::resolve::{Pick, resolve};
use crate::merge::{ItemKind, MergeConflict};
use crate::model::Workspace;
use crate::ui::command::Command;

/// A value being written for one conflict ("Edit…"), or why the last pick was refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConflictDraft {
    /// The conflict, to know the draft still belongs to it when the list changes.
    pub conflict: Option<MergeConflict>,
    /// The value as RON text (opened with ours').
    pub text: String,
    /// Why the last pick or value could not be taken, in words.
    pub error: Option<(MergeConflict, String)>,
}

fn pick_label(c: &MergeConflict, pick: &Pick, ws: &Workspace) -> String {
    let what = format!("{}, {}", item_text(ws, c), field_text(c).to_lowercase());
    match pick {
        Pick::Ours => format!("Keep ours for {what}"),
        Pick::Theirs => format!("Take theirs for {what}"),
        Pick::Value(_) => format!("Set {what}"),
    }
}

/// Settles conflict `i` with `pick` as one undoable edit, or keeps the reason it cannot be.
fn settle(
    ws: &Workspace,
    i: usize,
    pick: Pick,
    draft: &mut ConflictDraft,
    cmds: &mut Vec<Command>,
) {
    let c = &ws.conflicts[i];
    match resolve(ws, i, &pick) {
        Ok(action) => {
            let label = pick_label(c, &pick, ws);
            cmds.push(Command::Edit(Box::new(action), label, None));
            *draft = ConflictDraft::default();
        }
        Err(e) => draft.error = Some((c.clone(), e)),
    }
}

/// One conflict: item and field, the three values, and the buttons.
pub fn conflict_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    i: usize,
    draft: &mut ConflictDraft,
    cmds: &mut Vec<Command>,
) {
    let Some(c) = ws.conflicts.get(i) else {
        return;
    };
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(item_text(ws, c));
            ui.label(format!("· {}", field_text(c)));
            if c.kind == ItemKind::Claim
                && ws.claim(&c.item.as_str().into()).is_some()
                && ui.link("Show claim").clicked()
            {
                cmds.push(Command::SelectClaim(c.item.as_str().into()));
            }
        });
        egui::Grid::new(("merge_conflict", i))
            .num_columns(2)
            .striped(false)
            .show(ui, |ui| {
                for (name, value) in [
                    ("Ours (kept)", c.ours.as_deref()),
                    ("Theirs", c.theirs.as_deref()),
                    ("Before both", c.base.as_deref()),
                ] {
                    ui.weak(name);
                    ui.label(value_text(ws, c, value));
                    ui.end_row();
                }
            });
        let editing = draft.conflict.as_ref() == Some(c);
        ui.horizontal(|ui| {
            if ui
                .button("Keep ours")
                .on_hover_text("Keep the value this copy had and mark the conflict settled")
                .clicked()
            {
                settle(ws, i, Pick::Ours, draft, cmds);
            }
            if ui
                .button("Take theirs")
                .on_hover_text("Use the other copy's value")
                .clicked()
            {
                settle(ws, i, Pick::Theirs, draft, cmds);
            }
            if !editing
                && ui
                    .button("Edit…")
                    .on_hover_text("Write the value yourself (as it is stored in the file)")
                    .clicked()
            {
                *draft = ConflictDraft {
                    conflict: Some(c.clone()),
                    text: c
                        .ours
                        .clone()
                        .or_else(|| c.theirs.clone())
                        .unwrap_or_default(),
                    error: None,
                };
            }
        });
        if editing {
            ui.add(
                egui::TextEdit::multiline(&mut draft.text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .code_editor(),
            )
            .on_hover_text("The value as stored in the workspace file");
            ui.horizontal(|ui| {
                if ui.button("Apply value").clicked() {
                    let text = draft.text.clone();
                    settle(ws, i, Pick::Value(text), draft, cmds);
                }
                if ui.button("Cancel").clicked() {
                    *draft = ConflictDraft::default();
                }
            });
        }
        if let Some((on, why)) = &draft.error
            && on == c
        {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
    });
}
