//! The dockable layout: every panel is a tab ([`Pane`]) in an `egui_dock` tree that the user can
//! split, move, close and reopen from the View menu. The tree persists through eframe storage
//! (never in the workspace file); "Reset layout" rebuilds the default one.

use egui_dock::{DockState, NodeIndex};
use serde::{Deserialize, Serialize};

/// One dockable panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pane {
    /// The documents of the workspace.
    Sources,
    /// People, companies and their aliases.
    Entities,
    /// The selected document's text with its highlights.
    Reader,
    /// Charts of the workspace's chart definitions.
    Charts,
    /// The money-flow network.
    Network,
    /// Contradictions and other findings.
    Findings,
    /// The claims table.
    Claims,
    /// The selected claim's form.
    Inspector,
    /// Extraction proposals for the open document.
    Suggestions,
    /// Every message the app showed, newest last.
    Messages,
}

impl Pane {
    /// Every pane, in View-menu order.
    pub const ALL: [Pane; 10] = [
        Pane::Sources,
        Pane::Entities,
        Pane::Reader,
        Pane::Charts,
        Pane::Network,
        Pane::Findings,
        Pane::Claims,
        Pane::Inspector,
        Pane::Suggestions,
        Pane::Messages,
    ];

    /// The tab title, also the label screen readers announce.
    pub fn label(self) -> &'static str {
        match self {
            Pane::Sources => "Sources",
            Pane::Entities => "Entities",
            Pane::Reader => "Reader",
            Pane::Charts => "Charts",
            Pane::Network => "Network",
            Pane::Findings => "Findings",
            Pane::Claims => "Claims",
            Pane::Inspector => "Inspector",
            Pane::Suggestions => "Suggestions",
            Pane::Messages => "Messages",
        }
    }

    /// What the pane is for (tooltips, command palette).
    pub fn description(self) -> &'static str {
        match self {
            Pane::Sources => "The workspace's documents; click one to read it",
            Pane::Entities => "Companies and people: rename, aliases, parents, merge",
            Pane::Reader => "The selected document with its evidence highlighted",
            Pane::Charts => "Valuations and commitments over time",
            Pane::Network => "Who pays whom: deals as a graph, with money loops",
            Pane::Findings => "Contradictions, duplicates and other findings",
            Pane::Claims => "Every claim in a sortable, filterable table",
            Pane::Inspector => "Edit the selected claim and its evidence",
            Pane::Suggestions => "Figures found in the open document, to accept or reject",
            Pane::Messages => "Every message and error of this session",
        }
    }
}

/// The default arrangement. With `claims_large` the Claims table takes most of the centre
/// (the `claims` view of `claimbench screenshot`).
pub fn default_dock(claims_large: bool) -> DockState<Pane> {
    let mut dock = DockState::new(vec![
        Pane::Reader,
        Pane::Charts,
        Pane::Network,
        Pane::Findings,
    ]);
    let tree = dock.main_surface_mut();
    let [centre, _left] =
        tree.split_left(NodeIndex::root(), 0.2, vec![Pane::Sources, Pane::Entities]);
    let [centre, right] = tree.split_right(centre, 0.71, vec![Pane::Inspector]);
    tree.split_below(right, 0.7, vec![Pane::Suggestions]);
    let top = if claims_large { 0.28 } else { 0.56 };
    tree.split_below(centre, top, vec![Pane::Claims, Pane::Messages]);
    dock
}

/// A layout saved by [`to_ron`]; `None` when it cannot be read or holds no pane at all.
pub fn from_ron(text: &str) -> Option<DockState<Pane>> {
    let dock: DockState<Pane> = ron::from_str(text).ok()?;
    (dock.iter_all_tabs().count() > 0).then_some(dock)
}

/// The layout as RON text for the settings.
pub fn to_ron(dock: &DockState<Pane>) -> Option<String> {
    ron::to_string(dock).ok()
}

/// Whether the pane is somewhere in the layout (shown or behind another tab).
pub fn is_open(dock: &DockState<Pane>, pane: Pane) -> bool {
    dock.find_tab(&pane).is_some()
}

/// Whether the pane is the visible tab of its group.
pub fn is_visible(dock: &DockState<Pane>, pane: Pane) -> bool {
    dock.iter_leaves()
        .any(|(_, leaf)| leaf.tabs.get(leaf.active.0) == Some(&pane))
}

/// Brings a pane to the front, reopening it where it belongs by default when it was closed.
pub fn show(dock: &mut DockState<Pane>, pane: Pane) {
    if dock.find_tab(&pane).is_none() {
        reopen(dock, pane);
    }
    if let Some(path) = dock.find_tab(&pane) {
        let _ = dock.set_active_tab(path);
        dock.set_focused_node_and_surface(path.node_path());
    }
}

/// Closes a pane (View menu); closing the last one leaves an empty area that View can refill.
pub fn close(dock: &mut DockState<Pane>, pane: Pane) {
    if let Some(path) = dock.find_tab(&pane) {
        dock.remove_tab(path);
    }
}

/// Puts a closed pane back next to a pane of its default group, or anywhere if none is open.
fn reopen(dock: &mut DockState<Pane>, pane: Pane) {
    let groups: [&[Pane]; 4] = [
        &[Pane::Sources, Pane::Entities],
        &[Pane::Reader, Pane::Charts, Pane::Network, Pane::Findings],
        &[Pane::Claims, Pane::Messages],
        &[Pane::Inspector, Pane::Suggestions],
    ];
    let siblings = groups
        .iter()
        .find(|g| g.contains(&pane))
        .map(|g| g.to_vec())
        .unwrap_or_default();
    let home = siblings.iter().find_map(|p| dock.find_tab(p));
    match home {
        Some(path) => {
            if let Ok(leaf) = dock.leaf_mut(path.node_path()) {
                leaf.append_tab(pane);
            }
        }
        None if dock.main_surface().is_empty() => {
            *dock.main_surface_mut() = egui_dock::Tree::new(vec![pane]);
        }
        None => dock.main_surface_mut().push_to_first_leaf(pane),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_layout_has_every_pane_once() {
        for large in [false, true] {
            let dock = default_dock(large);
            for p in Pane::ALL {
                assert_eq!(
                    dock.iter_all_tabs().filter(|(_, t)| **t == p).count(),
                    1,
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn closed_pane_reopens_beside_its_group_and_shows() {
        let mut dock = default_dock(false);
        close(&mut dock, Pane::Charts);
        assert!(!is_open(&dock, Pane::Charts));
        show(&mut dock, Pane::Charts);
        assert!(is_visible(&dock, Pane::Charts));
        let reader = dock.find_tab(&Pane::Reader).map(|p| p.node_path());
        let charts = dock.find_tab(&Pane::Charts).map(|p| p.node_path());
        assert_eq!(reader, charts, "Charts went back beside the Reader");
        assert!(
            !is_visible(&dock, Pane::Reader),
            "one tab visible per group"
        );
    }

    #[test]
    fn every_pane_can_be_closed_and_reopened() {
        let mut dock = default_dock(false);
        for p in Pane::ALL {
            close(&mut dock, p);
        }
        assert_eq!(dock.iter_all_tabs().count(), 0);
        for p in Pane::ALL {
            show(&mut dock, p);
            assert!(is_visible(&dock, p), "{p:?}");
        }
        assert_eq!(dock.iter_all_tabs().count(), Pane::ALL.len());
    }

    #[test]
    fn layout_round_trips_through_ron() {
        let mut dock = default_dock(false);
        show(&mut dock, Pane::Network);
        let text = to_ron(&dock).expect("serialises");
        let back = from_ron(&text).expect("parses");
        assert!(is_visible(&back, Pane::Network));
        assert_eq!(back.iter_all_tabs().count(), Pane::ALL.len());
        assert!(from_ron("(surfaces: [Main((nodes: [Leaf((tabs: [Timeline]))]))])").is_none());
        assert!(from_ron("not ron").is_none());
    }
}
