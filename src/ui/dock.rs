//! Draws the dockable panes: an `egui_dock` [`TabViewer`] that sends each [`Pane`] to its
//! panel's drawing function and gives every tab button a label screen readers announce.

use super::app::ClaimbenchApp;
use super::command::Command;
use super::layout::Pane;
use egui_dock::{DockArea, DockState, TabViewer};

struct Viewer<'a> {
    app: &'a mut ClaimbenchApp,
    cmds: &'a mut Vec<Command>,
    /// The panes that are the front tab of their group this frame.
    visible: Vec<Pane>,
}

impl TabViewer for Viewer<'_> {
    type Tab = Pane;

    fn id(&mut self, tab: &mut Pane) -> egui::Id {
        egui::Id::new(("pane", *tab))
    }

    fn title(&mut self, tab: &mut Pane) -> egui::WidgetText {
        tab.label().into()
    }

    fn ui(&mut self, ui: &mut egui::Ui, tab: &mut Pane) {
        self.app.pane_ui(ui, *tab, self.cmds);
    }

    fn on_tab_button(&mut self, tab: &mut Pane, response: &egui::Response) {
        let selected = self.visible.contains(tab);
        let label = tab.label();
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::WidgetType::Button, true, selected, label)
        });
        if response.hovered() {
            response.show_tooltip_text(tab.description());
        }
    }

    fn scroll_bars(&self, tab: &Pane) -> [bool; 2] {
        // Panes with their own scroll areas, tables or plots fill the tab exactly.
        match tab {
            Pane::Messages | Pane::Suggestions => [false, true],
            _ => [false, false],
        }
    }
}

/// Shows the dock area in `ui`, drawing each visible pane.
pub fn dock_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    // The dock state is lent out while its panes draw from the rest of the app.
    let mut dock = std::mem::replace(&mut app.dock, DockState::new(Vec::new()));
    let visible = dock
        .iter_leaves()
        .filter_map(|(_, leaf)| leaf.tabs.get(leaf.active.0).copied())
        .collect();
    let mut viewer = Viewer { app, cmds, visible };
    let mut style = egui_dock::Style::from_egui(ui.style());
    style.tab.tab_body.inner_margin = egui::Margin::same(6);
    DockArea::new(&mut dock)
        .id(egui::Id::new("claimbench_dock"))
        .style(style)
        .show_add_buttons(false)
        .show_leaf_collapse_buttons(false)
        .show_leaf_close_all_buttons(false)
        .show_inside(ui, &mut viewer);
    viewer.app.dock = dock;
}
