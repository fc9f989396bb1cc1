//! The Entities panel: the parties claims are about — add, rename, aliases, kind, parent, and
//! merge two entities (every claim re-pointed), each one undoable step.

use super::command::Command;
use crate::action::Action;
use crate::model::{Entity, EntityId, EntityKind, Workspace};

/// Entities panel state.
#[derive(Debug, Default)]
pub struct EntitiesState {
    /// The entity being edited.
    pub selected: Option<EntityId>,
    /// Name typed for a new entity.
    pub new_name: String,
    /// Filter of the list.
    pub filter: String,
}

const KINDS: [(EntityKind, &str); 6] = [
    (EntityKind::Company, "Company"),
    (EntityKind::Fund, "Fund"),
    (EntityKind::Person, "Person"),
    (EntityKind::Government, "Government"),
    (EntityKind::Outlet, "Outlet"),
    (EntityKind::Other, "Other"),
];

fn edit(e: &Entity, new: Entity, what: &str, cmds: &mut Vec<Command>) {
    if &new != e {
        cmds.push(Command::Edit(
            Box::new(Action::ReplaceEntity(Box::new(new))),
            format!("Edit entity {what}"),
            Some(format!("entity:{}:{what}", e.id)),
        ));
    }
}

/// Draws the Entities panel.
pub fn entities_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut EntitiesState,
    cmds: &mut Vec<Command>,
    claim_counts: std::sync::Arc<std::collections::HashMap<EntityId, usize>>,
) {
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .hint_text("New entity name")
                .desired_width(150.0),
        );
        super::a11y::name(&r, "New entity name");
        let name = state.new_name.trim().to_owned();
        let exists = ws.entities.iter().any(|e| e.answers_to(&name));
        if ui
            .add_enabled(!name.is_empty() && !exists, egui::Button::new("Add entity"))
            .on_disabled_hover_text("Type a name that is not an entity or alias yet")
            .clicked()
        {
            let e = ws.new_entity(&name);
            state.selected = Some(e.id.clone());
            cmds.push(Command::Edit(
                Box::new(Action::AddEntity {
                    entity: Box::new(e),
                    index: None,
                }),
                "Add entity".into(),
                None,
            ));
            state.new_name.clear();
        }
    });
    let r = ui.add(
        egui::TextEdit::singleline(&mut state.filter)
            .hint_text("Filter entities")
            .desired_width(f32::INFINITY),
    );
    super::a11y::name(&r, "Filter entities");
    // Claims per entity (as subject or counterparty, once per claim), kept current from the
    // edits by the derived-data layer: counting on every frame scanned every claim per entity.
    let count_map = claim_counts;
    let counts = |id: &EntityId| count_map.get(id).copied().unwrap_or(0);
    let f = state.filter.to_lowercase();
    let ents = ws.entities_by_name(&f);
    egui::ScrollArea::vertical()
        .id_salt("entities_list")
        .max_height(ui.available_height() * 0.45)
        .show(ui, |ui| {
            for e in ents {
                let parent = e
                    .parent
                    .as_ref()
                    .map(|p| format!(" ⊂ {}", ws.entity_name(p)))
                    .unwrap_or_default();
                let label = format!(
                    "{}{parent} · {}",
                    e.name,
                    crate::words::count(counts(&e.id), "claim")
                );
                if ui
                    .selectable_label(state.selected.as_ref() == Some(&e.id), label)
                    .clicked()
                {
                    state.selected = Some(e.id.clone());
                }
            }
        });
    ui.separator();
    let Some(e) = state.selected.as_ref().and_then(|id| ws.entity(id)) else {
        ui.weak("Select an entity to edit it.");
        return;
    };
    egui::Grid::new(("entity_fields", &e.id.0))
        .num_columns(2)
        .show(ui, |ui| {
            let caption = ui.weak("Name").id;
            let mut name = e.name.clone();
            let r = ui.text_edit_singleline(&mut name);
            super::a11y::labelled(&r, caption);
            if r.changed() && !name.trim().is_empty() {
                edit(e, Entity { name, ..e.clone() }, "name", cmds);
            }
            ui.end_row();
            let caption = ui.weak("Aliases").id;
            let mut aliases = e.aliases.join(", ");
            let r = ui.text_edit_singleline(&mut aliases);
            super::a11y::labelled(&r, caption);
            if r.on_hover_text("Comma-separated").changed() {
                let aliases = aliases
                    .split(',')
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect();
                edit(
                    e,
                    Entity {
                        aliases,
                        ..e.clone()
                    },
                    "aliases",
                    cmds,
                );
            }
            ui.end_row();
            let caption = ui.weak("Kind").id;
            let mut kind = e.kind;
            let r = egui::ComboBox::from_id_salt("entity_kind")
                .selected_text(KINDS.iter().find(|k| k.0 == kind).map_or("", |k| k.1))
                .show_ui(ui, |ui| {
                    for (k, l) in KINDS {
                        ui.selectable_value(&mut kind, k, l);
                    }
                })
                .response;
            super::a11y::labelled(&r, caption);
            if kind != e.kind {
                edit(e, Entity { kind, ..e.clone() }, "kind", cmds);
            }
            ui.end_row();
            let caption = ui.weak("Parent").id;
            let mut parent = e.parent.clone();
            let r = egui::ComboBox::from_id_salt("entity_parent")
                .selected_text(
                    parent
                        .as_ref()
                        .map_or("—".to_owned(), |p| ws.entity_name(p).to_owned()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut parent, None, "—");
                    for other in ws.entities.iter().filter(|o| o.id != e.id) {
                        ui.selectable_value(&mut parent, Some(other.id.clone()), &other.name);
                    }
                })
                .response;
            super::a11y::labelled(&r, caption);
            if parent != e.parent {
                let mut n = e.clone();
                n.parent = parent;
                let mut probe = ws.clone();
                if let Some(slot) = probe.entities.iter_mut().find(|x| x.id == n.id) {
                    *slot = n.clone();
                }
                if probe
                    .validate()
                    .iter()
                    .any(|p| p.kind == crate::model::ProblemKind::ParentLoop)
                {
                    ui.colored_label(ui.visuals().error_fg_color, "that parent would make a loop");
                } else {
                    edit(e, n, "parent", cmds);
                }
            }
            ui.end_row();
        });
    ui.horizontal(|ui| {
        let caption = ui.weak("Merge into").id;
        let r = egui::ComboBox::from_id_salt("merge_into")
            .selected_text("choose…")
            .show_ui(ui, |ui| {
                for other in ws.entities.iter().filter(|o| o.id != e.id) {
                    if ui.selectable_label(false, &other.name).clicked()
                        && let Some(a) = crate::annotate::merge_entities(ws, &other.id, &e.id)
                    {
                        cmds.push(Command::Edit(
                            Box::new(a),
                            format!("Merge {} into {}", e.name, other.name),
                            None,
                        ));
                        state.selected = Some(other.id.clone());
                    }
                }
            })
            .response;
        super::a11y::labelled(&r, caption);
    });
    if counts(&e.id) == 0
        && !ws.entities.iter().any(|o| o.parent.as_ref() == Some(&e.id))
        && ui.button("Delete entity").clicked()
    {
        cmds.push(Command::Edit(
            Box::new(Action::RemoveEntity(e.id.clone())),
            "Delete entity".into(),
            None,
        ));
        state.selected = None;
    }
}
