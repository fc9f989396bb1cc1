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
        // egui_dock draws the tab's × button as a bare interaction with this id; name it.
        response
            .ctx
            .accesskit_node_builder(response.id.with("close-button"), |node| {
                node.set_role(egui::accesskit::Role::Button);
                node.set_label(format!("Close {label}"));
            });
    }

    fn scroll_bars(&self, tab: &Pane) -> [bool; 2] {
        // Panes with their own scroll areas, tables or plots fill the tab exactly.
        match tab {
            Pane::Messages | Pane::Suggestions => [false, true],
            _ => [false, false],
        }
    }
}

/// The smallest area the panes are laid out in.
pub const MIN_DOCK: egui::Vec2 = egui::vec2(560.0, 300.0);

/// Shows the dock area in `ui`, drawing each visible pane.
pub fn dock_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    // Below this size the panes cannot be laid out; egui_dock would squeeze its splits to fit
    // and keep the squeezed fractions once the window grows again (Sources at 44%, the Claims
    // table without its last columns). A window manager honours the window's minimum size;
    // without one (or while a window is being dragged small) the layout is left alone.
    let size = ui.available_size();
    if size.x < MIN_DOCK.x || size.y < MIN_DOCK.y {
        ui.centered_and_justified(|ui| {
            ui.weak("The window is too small to show the panes: make it larger.");
        });
        return;
    }
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
        .style(style.clone())
        .show_add_buttons(false)
        .show_leaf_collapse_buttons(false)
        .show_leaf_close_all_buttons(false)
        .show_inside(ui, &mut viewer);
    name_separators(ui, &dock, &style);
    viewer.app.dock = dock;
}

/// Names the separators between panes for screen readers. egui_dock draws each as a bare
/// interaction with an automatic id; it is found by its rectangle, which follows from its split's
/// rectangle and fraction exactly as egui_dock computes it.
fn name_separators(ui: &egui::Ui, dock: &DockState<Pane>, style: &egui_dock::Style) {
    let half = style.separator.width * 0.5 + style.separator.extra_interact_width * 0.5;
    let wanted: Vec<(egui::Rect, &str)> = dock
        .iter_all_nodes()
        .filter_map(|(_, node)| match node {
            egui_dock::Node::Horizontal(s) => {
                let x = s.rect.min.x + s.rect.width() * s.fraction;
                let r = egui::Rect::from_x_y_ranges(x - half..=x + half, s.rect.y_range());
                Some((r, "Resize the panes on either side"))
            }
            egui_dock::Node::Vertical(s) => {
                let y = s.rect.min.y + s.rect.height() * s.fraction;
                let r = egui::Rect::from_x_y_ranges(s.rect.x_range(), y - half..=y + half);
                Some((r, "Resize the panes above and below"))
            }
            _ => None,
        })
        .collect();
    let near = |a: egui::Rect, b: egui::Rect| {
        (a.min - b.min).length() < 0.5 && (a.max - b.max).length() < 0.5
    };
    let found: Vec<(egui::Id, &str)> = ui.ctx().viewport(|vp| {
        vp.this_pass
            .widgets
            .get_layer(ui.layer_id())
            .filter(|w| w.sense.senses_drag())
            .filter_map(|w| {
                let (_, label) = wanted.iter().find(|(r, _)| near(*r, w.rect))?;
                Some((w.id, *label))
            })
            .collect()
    });
    for (id, label) in found {
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Splitter);
            node.set_label(label);
        });
    }
}
