//! The Network tab (scaffold: the panel is being built; see the issue tracker).

use super::app::Selection;
use super::command::Command;
use crate::model::Workspace;

/// Network tab state.
#[derive(Debug, Default)]
pub struct NetworkState {}

/// Draws the Network tab.
pub fn network_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _sel: &Selection,
    _state: &mut NetworkState,
    _cmds: &mut Vec<Command>,
) {
    ui.weak("This view is not built yet.");
}
