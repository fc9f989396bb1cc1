//! The Charts tab (scaffold: the panel is being built; see the issue tracker).

use super::app::Selection;
use super::command::Command;
use crate::model::Workspace;

/// Charts tab state.
#[derive(Debug, Default)]
pub struct ChartsState {}

/// Draws the Charts tab.
pub fn charts_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _sel: &Selection,
    _state: &mut ChartsState,
    _cmds: &mut Vec<Command>,
) {
    ui.weak("This view is not built yet.");
}
