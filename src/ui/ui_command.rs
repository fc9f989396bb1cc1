//! The commands a person runs by name: payload-free, listed once in [`UiCommand::ALL`], each with
//! its label, explanation and shortcuts in one exhaustive table. The menus, the command palette,
//! the keyboard-shortcut sheet, the shortcut handler and the README test all iterate this table,
//! so a command cannot be in one and missing from another, and a new command does not compile
//! until it has a name. Events that carry data the user picked in place (a claim, a path, an
//! edit) are [`super::Command`]s; a `UiCommand` becomes one through `Command::Ui`.

use super::layout::Pane;
use egui::{Key, KeyboardShortcut, Modifiers};

/// The pattern of every "Show <pane>" command, written once so that each `match` over
/// [`UiCommand`] stays exhaustive without repeating the pane list.
#[macro_export]
#[doc(hidden)]
macro_rules! show_pane {
    () => {
        $crate::ui::ui_command::UiCommand::ShowSources
            | $crate::ui::ui_command::UiCommand::ShowEntities
            | $crate::ui::ui_command::UiCommand::ShowReader
            | $crate::ui::ui_command::UiCommand::ShowCharts
            | $crate::ui::ui_command::UiCommand::ShowNetwork
            | $crate::ui::ui_command::UiCommand::ShowFindings
            | $crate::ui::ui_command::UiCommand::ShowClaims
            | $crate::ui::ui_command::UiCommand::ShowInspector
            | $crate::ui::ui_command::UiCommand::ShowSuggestions
            | $crate::ui::ui_command::UiCommand::ShowMessages
    };
}
pub use show_pane;

/// A command with no data: what the menus, palette and shortcuts run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Start an empty workspace.
    New,
    /// Ask for a workspace file to open.
    Open,
    /// Save to the current file (asks for a path if there is none).
    Save,
    /// Ask for a path and save there.
    SaveAs,
    /// Ask for documents to import.
    Import,
    /// Ask for web addresses to import.
    ImportFromUrl,
    /// Show the news feeds the workspace follows.
    ShowFeeds,
    /// Read every followed feed and import its new entries.
    CheckFeeds,
    /// Stop the running import after the current file.
    CancelImport,
    /// Ask for a path and write the findings report there.
    ExportReport,
    /// Ask for another copy of a workspace and merge it into the open one.
    MergeWorkspace,
    /// Close the window.
    Quit,
    /// Undo the last workspace edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Open the find bar in the Reader.
    Find,
    /// Create a claim from the Reader's selected text.
    NewClaimFromSelection,
    /// Attach the Reader's selected text as evidence to the selected claim.
    AddSelectionAsEvidence,
    /// Forget the recent-files list.
    ClearRecent,
    /// Show the Sources pane.
    ShowSources,
    /// Show the Entities pane.
    ShowEntities,
    /// Show the Reader.
    ShowReader,
    /// Show the Charts pane.
    ShowCharts,
    /// Show the Network pane.
    ShowNetwork,
    /// Show the Findings pane.
    ShowFindings,
    /// Show the Claims table.
    ShowClaims,
    /// Show the Inspector.
    ShowInspector,
    /// Show the Suggestions pane.
    ShowSuggestions,
    /// Show the Messages pane.
    ShowMessages,
    /// Put every pane back where it starts.
    ResetLayout,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Follow the system's theme.
    ThemeSystem,
    /// Dark theme.
    ThemeDark,
    /// Light theme.
    ThemeLight,
    /// Hide the first-run strip for good.
    DismissWelcome,
    /// Open (or close) the command palette.
    CommandPalette,
    /// Show the keyboard shortcuts sheet.
    ShowShortcuts,
    /// Show version and paths.
    ShowAbout,
}

/// The panes with a Ctrl+digit shortcut, in digit order.
pub const PANE_KEYS: [(Pane, Key); 9] = [
    (Pane::Reader, Key::Num1),
    (Pane::Claims, Key::Num2),
    (Pane::Charts, Key::Num3),
    (Pane::Network, Key::Num4),
    (Pane::Findings, Key::Num5),
    (Pane::Inspector, Key::Num6),
    (Pane::Sources, Key::Num7),
    (Pane::Entities, Key::Num8),
    (Pane::Suggestions, Key::Num9),
];

impl UiCommand {
    /// Every command, in palette and shortcut-sheet order.
    pub const ALL: [UiCommand; 39] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::Import,
        UiCommand::ImportFromUrl,
        UiCommand::ShowFeeds,
        UiCommand::CheckFeeds,
        UiCommand::CancelImport,
        UiCommand::ExportReport,
        UiCommand::MergeWorkspace,
        UiCommand::Find,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::NewClaimFromSelection,
        UiCommand::AddSelectionAsEvidence,
        UiCommand::ShowSources,
        UiCommand::ShowEntities,
        UiCommand::ShowReader,
        UiCommand::ShowCharts,
        UiCommand::ShowNetwork,
        UiCommand::ShowFindings,
        UiCommand::ShowClaims,
        UiCommand::ShowInspector,
        UiCommand::ShowSuggestions,
        UiCommand::ShowMessages,
        UiCommand::ResetLayout,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::ThemeSystem,
        UiCommand::ThemeDark,
        UiCommand::ThemeLight,
        UiCommand::DismissWelcome,
        UiCommand::CommandPalette,
        UiCommand::ShowShortcuts,
        UiCommand::ShowAbout,
        UiCommand::ClearRecent,
        UiCommand::Quit,
    ];

    /// The command that shows `pane`.
    pub fn show(pane: Pane) -> UiCommand {
        match pane {
            Pane::Sources => UiCommand::ShowSources,
            Pane::Entities => UiCommand::ShowEntities,
            Pane::Reader => UiCommand::ShowReader,
            Pane::Charts => UiCommand::ShowCharts,
            Pane::Network => UiCommand::ShowNetwork,
            Pane::Findings => UiCommand::ShowFindings,
            Pane::Claims => UiCommand::ShowClaims,
            Pane::Inspector => UiCommand::ShowInspector,
            Pane::Suggestions => UiCommand::ShowSuggestions,
            Pane::Messages => UiCommand::ShowMessages,
        }
    }

    /// The pane this command shows, if it is a Show command.
    pub fn pane(self) -> Option<Pane> {
        Pane::ALL.into_iter().find(|&p| UiCommand::show(p) == self)
    }

    /// The theme this command sets, if it is a theme command.
    pub fn theme(self) -> Option<egui::ThemePreference> {
        match self {
            UiCommand::ThemeSystem => Some(egui::ThemePreference::System),
            UiCommand::ThemeDark => Some(egui::ThemePreference::Dark),
            UiCommand::ThemeLight => Some(egui::ThemePreference::Light),
            _ => None,
        }
    }

    /// The name shown in menus, the command palette and the shortcuts sheet.
    pub fn label(self) -> String {
        let s = match self {
            UiCommand::New => "New workspace",
            UiCommand::Open => "Open workspace…",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save as…",
            UiCommand::Import => "Import documents…",
            UiCommand::ImportFromUrl => "Import from URL…",
            UiCommand::ShowFeeds => "News feeds…",
            UiCommand::CheckFeeds => "Check news feeds now",
            UiCommand::CancelImport => "Cancel import",
            UiCommand::ExportReport => "Export findings report…",
            UiCommand::MergeWorkspace => "Merge workspace…",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::Find => "Find in documents",
            UiCommand::NewClaimFromSelection => "New claim from selection",
            UiCommand::AddSelectionAsEvidence => "Add selection as evidence",
            UiCommand::ClearRecent => "Clear recent workspaces",
            show_pane!() => {
                let pane = self.pane().map_or("", |p| p.label());
                return format!("Show {pane}");
            }
            UiCommand::ResetLayout => "Reset layout",
            UiCommand::ZoomIn => "Zoom in",
            UiCommand::ZoomOut => "Zoom out",
            UiCommand::ZoomReset => "Reset zoom",
            UiCommand::ThemeSystem => "Theme follows the system",
            UiCommand::ThemeDark => "Dark theme",
            UiCommand::ThemeLight => "Light theme",
            UiCommand::DismissWelcome => "Hide the welcome strip",
            UiCommand::CommandPalette => "Command palette",
            UiCommand::ShowShortcuts => "Keyboard shortcuts",
            UiCommand::ShowAbout => "About claimbench",
        };
        s.to_owned()
    }

    /// The text of its menu item, where the menu gives the context ("New" under File, an ellipsis
    /// where a dialog follows); the [`UiCommand::label`] elsewhere.
    pub fn menu_label(self) -> String {
        let s = match self {
            UiCommand::New => "New",
            UiCommand::Open => "Open…",
            UiCommand::SaveAs => "Save As…",
            UiCommand::ExportReport => "Export report…",
            UiCommand::Find => "Find…",
            UiCommand::CommandPalette => "Command palette…",
            _ => return self.label(),
        };
        s.to_owned()
    }

    /// A one-line explanation (tooltips, command palette).
    pub fn tooltip(self) -> &'static str {
        match self {
            UiCommand::New => "Start an empty workspace",
            UiCommand::Open => "Open a workspace file (.ron)",
            UiCommand::Save => "Save the workspace to its file",
            UiCommand::SaveAs => "Save the workspace to a new file",
            UiCommand::Import => "Add articles, press releases or filings (txt, md, html, pdf)",
            UiCommand::ImportFromUrl => "Fetch web pages, PDFs or text files by their address",
            UiCommand::ShowFeeds => "The news feeds this workspace follows: add, remove, check",
            UiCommand::CheckFeeds => {
                "Read every followed feed and import the articles not seen before"
            }
            UiCommand::CancelImport => "Stop the running import after the current file",
            UiCommand::ExportReport => {
                "Write contradictions, wording differences and money loops as Markdown"
            }
            UiCommand::MergeWorkspace => {
                "Merge another copy of a workspace into this one; clashes are listed in Findings"
            }
            UiCommand::Quit => "Close the window (asks about unsaved changes)",
            UiCommand::Undo => "Undo the last edit of the workspace",
            UiCommand::Redo => "Redo the last undone edit",
            UiCommand::Find => "Find text in the open document and across all documents",
            UiCommand::NewClaimFromSelection => {
                "Create a claim from the text selected in the Reader"
            }
            UiCommand::AddSelectionAsEvidence => "Attach the selected text to the selected claim",
            UiCommand::ClearRecent => "Forget the list of recently opened workspaces",
            show_pane!() => self.pane().map_or("", |p| p.description()),
            UiCommand::ResetLayout => "Put every panel back where it starts",
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                "Scale all text and controls"
            }
            UiCommand::ThemeSystem | UiCommand::ThemeDark | UiCommand::ThemeLight => {
                "Colour theme; the default follows the system"
            }
            UiCommand::DismissWelcome => "Hide the first-run strip; Help brings the tour back",
            UiCommand::CommandPalette => {
                "Run any command or jump to a document, claim, entity or chart"
            }
            UiCommand::ShowShortcuts => "List every keyboard shortcut",
            UiCommand::ShowAbout => "Version, workspace file, settings and log folders",
        }
    }

    /// The keyboard shortcuts, the first being the one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let shift = cmd | Modifiers::SHIFT;
        let one = |m, k| vec![KeyboardShortcut::new(m, k)];
        match self {
            UiCommand::New => one(cmd, Key::N),
            UiCommand::Open => one(cmd, Key::O),
            UiCommand::Import => one(cmd, Key::I),
            UiCommand::Find => one(cmd, Key::F),
            UiCommand::Save => one(cmd, Key::S),
            UiCommand::SaveAs => one(shift, Key::S),
            UiCommand::Quit => one(cmd, Key::Q),
            UiCommand::Undo => one(cmd, Key::Z),
            UiCommand::NewClaimFromSelection => one(shift, Key::N),
            UiCommand::Redo => vec![
                KeyboardShortcut::new(shift, Key::Z),
                KeyboardShortcut::new(cmd, Key::Y),
            ],
            UiCommand::CommandPalette => vec![
                KeyboardShortcut::new(shift, Key::P),
                KeyboardShortcut::new(cmd, Key::K),
            ],
            UiCommand::ShowShortcuts => one(Modifiers::NONE, Key::F1),
            UiCommand::ZoomIn => vec![
                KeyboardShortcut::new(cmd, Key::Plus),
                KeyboardShortcut::new(cmd, Key::Equals),
            ],
            UiCommand::ZoomOut => one(cmd, Key::Minus),
            UiCommand::ZoomReset => one(cmd, Key::Num0),
            show_pane!() => PANE_KEYS
                .iter()
                .filter(|(p, _)| Some(*p) == self.pane())
                .map(|(_, k)| KeyboardShortcut::new(cmd, *k))
                .collect(),
            UiCommand::ImportFromUrl
            | UiCommand::ShowFeeds
            | UiCommand::CheckFeeds
            | UiCommand::CancelImport
            | UiCommand::ExportReport
            | UiCommand::MergeWorkspace
            | UiCommand::AddSelectionAsEvidence
            | UiCommand::ClearRecent
            | UiCommand::ResetLayout
            | UiCommand::ThemeSystem
            | UiCommand::ThemeDark
            | UiCommand::ThemeLight
            | UiCommand::DismissWelcome
            | UiCommand::ShowAbout => vec![],
        }
    }

    /// The shortcut shown in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }

    /// Commands that have a global shortcut, checked each frame, most specific first (so
    /// Ctrl+Shift+S is not taken for Ctrl+S): more modifiers before fewer.
    pub fn with_shortcuts() -> Vec<UiCommand> {
        let mods = |c: &UiCommand| {
            c.shortcuts()
                .iter()
                .map(|s| {
                    let m = s.modifiers;
                    u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl)
                })
                .max()
                .unwrap_or(0)
        };
        let mut all: Vec<UiCommand> = Self::ALL
            .into_iter()
            .filter(|c| !c.shortcuts().is_empty())
            .collect();
        all.sort_by_key(|c| std::cmp::Reverse(mods(c)));
        all
    }

    /// Whether the shortcut may fire while a text field has keyboard focus. Editing keys
    /// (undo, new claim, find, pane switching, zoom) belong to the field while typing; file
    /// commands, the palette and help stay available.
    pub fn fires_while_typing(self) -> bool {
        matches!(
            self,
            UiCommand::Save
                | UiCommand::SaveAs
                | UiCommand::Open
                | UiCommand::Quit
                | UiCommand::CommandPalette
                | UiCommand::ShowShortcuts
        )
    }

    /// Whether the command palette lists it: everything but the welcome strip's own button.
    pub fn in_palette(self) -> bool {
        !matches!(self, UiCommand::DismissWelcome | UiCommand::CancelImport)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_do_not_clash() {
        let all: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::with_shortcuts()
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        assert!(all.len() >= 20);
        for (i, (a, sa)) in all.iter().enumerate() {
            for (b, sb) in &all[i + 1..] {
                assert_ne!(sa, sb, "{a:?} and {b:?} share a shortcut");
            }
        }
        // More specific shortcuts are checked first, so Ctrl+Shift+S is never eaten by Ctrl+S.
        let order = UiCommand::with_shortcuts();
        let pos = |c: UiCommand| order.iter().position(|x| *x == c);
        assert!(pos(UiCommand::SaveAs) < pos(UiCommand::Save));
        assert!(pos(UiCommand::Redo) < pos(UiCommand::Undo));
        assert!(pos(UiCommand::NewClaimFromSelection) < pos(UiCommand::New));
        assert!(pos(UiCommand::CommandPalette) < pos(UiCommand::Open));
    }

    #[test]
    fn every_command_has_a_distinct_label_and_a_tooltip() {
        let mut seen = std::collections::HashSet::new();
        for c in UiCommand::ALL {
            let label = c.label();
            assert!(!label.is_empty() && !label.ends_with(' '), "{c:?}");
            assert!(seen.insert(label.clone()), "{label} twice");
            assert!(!c.tooltip().is_empty(), "{c:?}");
        }
        for p in Pane::ALL {
            assert_eq!(UiCommand::show(p).pane(), Some(p));
        }
    }
}
