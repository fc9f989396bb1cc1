//! Accessibility: names for controls whose visible text does not say what they are for (combo
//! boxes showing their current choice, text fields next to a separate label or showing only a
//! hint), so screen readers announce every control through AccessKit.

/// Gives the control of `response` the name screen readers announce, keeping its role and value
/// (a combo box still announces its current choice, a text field its text).
pub fn name(response: &egui::Response, name: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Names the control of `response` by a visible label beside it (a form row's caption), the
/// AccessKit way: screen readers read the label's text, and kittest's `get_by_label` finds the
/// control rather than the caption.
pub fn labelled(response: &egui::Response, label: egui::Id) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.push_labelled_by(label.accesskit_id())
    });
}

/// Gives a widget that its library draws without a name (a popup's frame, a window's title
/// bar) a role and a name, by its id. Call only while the widget exists this frame, or an empty
/// node would be added.
pub fn name_id(ctx: &egui::Context, id: egui::Id, role: egui::accesskit::Role, name: &str) {
    ctx.accesskit_node_builder(id, |node| {
        node.set_role(role);
        node.set_label(name);
    });
}

/// Names the handle egui gives an area (a window, a popup) to move it or bring it to the front:
/// egui gives it the id `area id + "move"` and no name.
pub fn name_area(ctx: &egui::Context, area: egui::Id, role: egui::accesskit::Role, name: &str) {
    name_id(ctx, area.with("move"), role, name);
}
