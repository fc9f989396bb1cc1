//! The accessibility audit used by `ui_a11y`: which AccessKit nodes are controls, the name a
//! screen reader announces for each, and a walk over the whole tree listing unnamed ones.

use claimbench::ui::ClaimbenchApp;
use egui::accesskit::{Action, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

/// Roles a user operates; each of these must be named.
pub const INTERACTIVE: [Role; 16] = [
    Role::Button,
    Role::DefaultButton,
    Role::CheckBox,
    Role::RadioButton,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::ComboBox,
    Role::Slider,
    Role::SpinButton,
    Role::Link,
    Role::Tab,
    Role::ListBoxOption,
    Role::MenuItem,
    Role::ColorWell,
    Role::Switch,
];

/// One unnamed control: what it is and where, with the labels around it to find it in the code.
#[derive(Debug)]
pub struct Offender {
    /// Its role.
    pub role: Role,
    /// Where it is.
    pub rect: egui::Rect,
    /// Labels around it.
    pub context: Vec<String>,
}

/// Whether a node is something the user operates: an interactive role, or any node egui marks
/// as clickable or focusable (a widget drawn with `ui.interact` and no WidgetInfo).
pub fn is_control(node: &egui_kittest::Node<'_>) -> bool {
    let ak = node.accesskit_node();
    // Scroll bars are announced by role and orientation; what they scroll is reachable itself.
    if ak.is_hidden() || ak.role() == Role::ScrollBar {
        return false;
    }
    let data = ak.data();
    INTERACTIVE.contains(&ak.role())
        || data.supports_action(Action::Click)
        || data.supports_action(Action::Focus)
}

/// The name a screen reader announces: the label (own, or from `labelled_by` / its text), or
/// for a text field its placeholder.
pub fn announced(node: &egui_kittest::Node<'_>) -> Option<String> {
    let ak = node.accesskit_node();
    // A text label's name is its text (AccessKit keeps it in `value`).
    let own = if ak.label_comes_from_value() {
        ak.value()
    } else {
        ak.label()
    };
    let label = own.filter(|l| !l.trim().is_empty());
    // A clickable container (a table cell) is announced by the text inside it.
    let contents = (ak.role() == Role::GenericContainer)
        .then(|| {
            node.children_recursive().find_map(|c| {
                let ak = c.accesskit_node();
                let text = if ak.label_comes_from_value() {
                    ak.value()
                } else {
                    ak.label()
                };
                text.filter(|v| !v.trim().is_empty())
            })
        })
        .flatten();
    let placeholder = matches!(ak.role(), Role::TextInput | Role::MultilineTextInput)
        .then(|| ak.placeholder().map(str::to_owned))
        .flatten()
        .filter(|p| !p.trim().is_empty());
    label.or(placeholder).or(contents)
}

/// The nearest labels up the tree and the labelled siblings, to say where an offender is.
pub fn context_of(node: &egui_kittest::Node<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let inside: Vec<String> = node
        .children_recursive()
        .filter_map(|c| {
            let ak = c.accesskit_node();
            ak.label().or_else(|| ak.value())
        })
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    if !inside.is_empty() {
        out.push(format!("containing {inside:?}"));
    }
    let mut cur = node.parent();
    while let Some(p) = cur {
        if let Some(l) = p.accesskit_node().label().filter(|l| !l.is_empty()) {
            out.push(l);
        }
        let near: Vec<String> = p
            .children()
            .filter_map(|c| {
                let ak = c.accesskit_node();
                ak.label().or_else(|| ak.value())
            })
            .filter(|l| !l.is_empty())
            .take(3)
            .collect();
        if !near.is_empty() && out.len() < 6 {
            out.push(format!("near {near:?}"));
        }
        if out.len() >= 6 {
            break;
        }
        cur = p.parent();
    }
    out
}

/// Handles egui and egui_plot draw without a role or a hook to name them: egui_plot's
/// axis-zoom strips (drag only), a panel's resize edge, a window's title bar. Mouse conveniences
/// whose function has a named equivalent (the named plot zooms and pans; the window is named
/// and has a named close button). Allowed unnamed, and listed in the test output.
pub fn is_drag_strip(node: &egui_kittest::Node<'_>) -> bool {
    let ak = node.accesskit_node();
    if ak.role() != Role::Unknown {
        return false;
    }
    let drag_only = !ak.data().supports_action(Action::Click);
    // egui's panel resize edge (a few points wide, or high) and a window's title-bar handle
    // (inside the named window, beside its named close button): egui internals without a hook.
    let r = node.rect();
    let edge = r.width().min(r.height()) <= 8.0;
    let title_bar = node.parent().is_some_and(|p| {
        p.children()
            .any(|c| c.accesskit_node().label().as_deref() == Some("Close window"))
    });
    drag_only || edge || title_bar
}

/// Walks the whole AccessKit tree; returns how many controls were checked and the unnamed ones.
pub fn audit(h: &Harness<'static, ClaimbenchApp>) -> (usize, Vec<Offender>) {
    let mut checked = 0;
    let mut offenders = Vec::new();
    for node in h.root().children_recursive() {
        if !is_control(&node) {
            continue;
        }
        checked += 1;
        if announced(&node).is_none() && is_drag_strip(&node) {
            eprintln!(
                "  allowed unnamed: {:?} at {:?}",
                node.accesskit_node().role(),
                node.rect()
            );
        } else if announced(&node).is_none() {
            offenders.push(Offender {
                role: node.accesskit_node().role(),
                rect: node.rect(),
                context: context_of(&node),
            });
        }
    }
    (checked, offenders)
}

/// Runs the audit for one scene, adding its offenders to `report`.
pub fn audit_scene(
    h: &Harness<'static, ClaimbenchApp>,
    scene: &str,
    report: &mut Vec<String>,
) -> usize {
    let (checked, offenders) = audit(h);
    eprintln!(
        "{scene}: {checked} controls checked, {} unnamed",
        offenders.len()
    );
    for o in offenders {
        report.push(format!(
            "{scene}: {:?} at {:?} in {:?}",
            o.role, o.rect, o.context
        ));
    }
    checked
}

/// The node with keyboard focus, if any.
pub fn focused<'h>(h: &'h Harness<'static, ClaimbenchApp>) -> Option<egui_kittest::Node<'h>> {
    h.root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
}
