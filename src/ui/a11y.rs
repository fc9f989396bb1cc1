//! Accessibility: names for controls whose visible text does not say what they are for (combo
//! boxes showing their current choice, text fields next to a separate label or showing only a
//! hint), so screen readers announce every control through AccessKit.

/// Gives the control of `response` the name screen readers announce, keeping its role and value
/// (a combo box still announces its current choice, a text field its text).
///
/// A combo box's open list of choices gets the same name.
pub fn name(response: &egui::Response, name: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
    if let Some(popup) = open_popup(response) {
        name_id(&response.ctx, popup, egui::accesskit::Role::ListBox, name);
    }
}

/// The move handle of the popup `response` opened (a combo box's list, a menu), if it is open:
/// egui gives it no name of its own.
fn open_popup(response: &egui::Response) -> Option<egui::Id> {
    let id = egui::Popup::default_response_id(response);
    egui::Popup::is_id_open(&response.ctx, id).then(|| id.with("move"))
}

/// Names the control of `response` by a visible label beside it (a form row's caption), the
/// AccessKit way: screen readers read the label's text, and kittest's `get_by_label` finds the
/// control rather than the caption.
///
/// A combo box's open list of choices is labelled by the same caption.
pub fn labelled(response: &egui::Response, label: egui::Id) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.push_labelled_by(label.accesskit_id())
    });
    if let Some(popup) = open_popup(response) {
        response.ctx.accesskit_node_builder(popup, |node| {
            node.set_role(egui::accesskit::Role::ListBox);
            node.push_labelled_by(label.accesskit_id());
        });
    }
}

/// Names an open menu's popup (`Menu` role) after its menu button.
pub fn name_menu(button: &egui::Response, name: &str) {
    if let Some(popup) = open_popup(button) {
        name_id(&button.ctx, popup, egui::accesskit::Role::Menu, name);
    }
}

/// Gives a widget that its library draws without a name (a popup's frame) a role and a name, by
/// its id. Call only while the widget exists this frame, or an empty node would be added.
fn name_id(ctx: &egui::Context, id: egui::Id, role: egui::accesskit::Role, name: &str) {
    ctx.accesskit_node_builder(id, |node| {
        node.set_role(role);
        node.set_label(name);
    });
}
