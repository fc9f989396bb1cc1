//! The Findings tab (scaffold: the panel is being built; see the issue tracker).

use super::app::Selection;
use super::command::Command;
use crate::model::Workspace;

/// Findings tab state.
#[derive(Debug, Default)]
pub struct FindingsState {}

/// Draws the Findings tab.
pub fn findings_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _sel: &Selection,
    _state: &mut FindingsState,
    _cmds: &mut Vec<Command>,
) {
    ui.weak("This view is not built yet.");
}
