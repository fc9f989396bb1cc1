//! The README's shortcut table is the one users read: it must list every shortcut the app has.

use claimbench::ui::UiCommand;
use claimbench::ui::command::PANE_KEYS;

#[test]
fn readme_lists_every_keyboard_shortcut() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let ctx = egui::Context::default();
    let panes: Vec<UiCommand> = PANE_KEYS.iter().map(|(p, _)| UiCommand::show(*p)).collect();
    let mut checked = 0;
    for cmd in UiCommand::with_shortcuts() {
        if panes.contains(&cmd) {
            continue;
        }
        for sc in cmd.shortcuts() {
            let keys = ctx.format_shortcut(&sc);
            assert!(
                readme.contains(&format!("| {keys} "))
                    || readme.contains(&format!(", {keys} "))
                    || readme.contains(&format!("{keys},"))
                    || readme.contains(&format!("/ {keys} ")),
                "README's shortcut table lacks {keys} ({cmd:?})"
            );
            checked += 1;
        }
    }
    assert!(checked >= 16, "{checked}");
    let labels: Vec<&str> = PANE_KEYS.iter().map(|(p, _)| p.label()).collect();
    assert!(readme.contains(&format!("Show {}", labels.join(", "))));
    assert!(readme.contains("Ctrl+1 … Ctrl+9"));
}
