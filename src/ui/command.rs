//! Everything the user can ask of the app, as values. Panels push commands; the app runs them
//! after the UI pass, in one place.

use super::layout::Pane;
use crate::model::{ClaimId, DocId};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A user command.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start an empty workspace.
    New,
    /// Ask for a workspace file to open.
    Open,
    /// Open this workspace file.
    OpenPath(PathBuf),
    /// Save to the current file (asks for a path if there is none).
    Save,
    /// Ask for documents to import.
    Import,
    /// Ask for web addresses to import.
    ImportFromUrl,
    /// Import these files (txt, md, html, pdf) or web addresses in the background.
    ImportPaths(Vec<PathBuf>),
    /// Stop the running import after the current file.
    CancelImport,
    /// Ask for a path and save there.
    SaveAs,
    /// Save to this path and make it the current file.
    SaveTo(PathBuf),
    /// Close the window.
    Quit,
    /// Show this document in the Reader.
    SelectDocument(DocId),
    /// Select this claim (Inspector, table, highlights).
    SelectClaim(ClaimId),
    /// Open the find bar in the Reader.
    Find,
    /// Scroll the Reader to a span of a document (opening it).
    ScrollReader(DocId, std::ops::Range<usize>),
    /// Open the document of the claim's n-th evidence and scroll to its span.
    ShowEvidence(ClaimId, usize),
    /// Rename the workspace.
    SetTitle(String),
    /// Forget the recent-files list.
    ClearRecent,
    /// Undo the last workspace edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Create a claim from the Reader's selected text.
    NewClaimFromSelection,
    /// Attach the Reader's selected text as evidence to the selected claim.
    AddSelectionAsEvidence,
    /// Replace a document's text, re-anchoring its evidence (orphaning what cannot be found).
    ReplaceText(DocId, String),
    /// Re-attach the claim's n-th (orphaned) evidence to the Reader's selected text.
    ReattachEvidence(ClaimId, usize),
    /// Delete a claim with its evidence.
    DeleteClaim(ClaimId),
    /// Remove the n-th evidence of a claim.
    RemoveEvidence(ClaimId, usize),
    /// Select several claims: the first in the Inspector, the rest marked in the table.
    SelectClaims(Vec<ClaimId>),
    /// Show a tab in the centre.
    ShowTab(super::app::CentralTab),
    /// Bring a dockable pane to the front (reopening it if it was closed).
    ShowPane(Pane),
    /// Close a pane if it is open, reopen it if not (View menu).
    TogglePane(Pane),
    /// Put every pane back where it starts.
    ResetLayout,
    /// Open (or close) the command palette.
    CommandPalette,
    /// Show the keyboard shortcuts sheet.
    ShowShortcuts,
    /// Show version and paths.
    ShowAbout,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Dark, light, or follow the system.
    SetTheme(egui::ThemePreference),
    /// Hide the first-run strip for good.
    DismissWelcome,
    /// Open an entity in the Entities pane.
    ShowEntity(crate::model::EntityId),
    /// Show a chart in the Charts pane.
    ShowChart(crate::model::ChartId),
    /// Ask for a path and export a chart there.
    ExportChart(crate::model::ChartId, ExportFormat),
    /// Ask for a path and write the findings report (Markdown) there.
    ExportReport,
    /// Write the findings report to this path.
    ExportReportTo(PathBuf),
    /// Export a chart to this path.
    ExportChartTo(crate::model::ChartId, ExportFormat, PathBuf),
    /// Reload the open workspace from its file, dropping unsaved changes (the file changed on
    /// disk and the user chose Reload).
    ReloadFromDisk,
    /// Save over the file although it changed on disk since it was loaded or saved.
    OverwriteSave,
    /// Merge the changed file on disk into the open workspace (three-way, the version last
    /// loaded or saved as the common ancestor).
    MergeFromDisk,
    /// Ask for another copy of a workspace and merge it into the open one.
    MergeWorkspace,
    /// Merge this workspace file into the open one.
    MergeWith(PathBuf),
    /// Apply an edit: the action, its label for the Edit menu, and a coalescing key (edits with
    /// the same key in a row form one undo step).
    Edit(Box<crate::action::Action>, String, Option<String>),
}

/// A chart export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Scalable vector graphics, text kept as text.
    Svg,
    /// A PNG picture.
    Png,
    /// The plotted data with claim ids and sources.
    Csv,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Csv => "csv",
        }
    }
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

impl Command {
    /// The keyboard shortcuts, the first being the one shown in menus.
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let shift = cmd | Modifiers::SHIFT;
        match self {
            Command::New => vec![KeyboardShortcut::new(cmd, Key::N)],
            Command::Open => vec![KeyboardShortcut::new(cmd, Key::O)],
            Command::Import => vec![KeyboardShortcut::new(cmd, Key::I)],
            Command::Find => vec![KeyboardShortcut::new(cmd, Key::F)],
            Command::Save => vec![KeyboardShortcut::new(cmd, Key::S)],
            Command::SaveAs => vec![KeyboardShortcut::new(shift, Key::S)],
            Command::Quit => vec![KeyboardShortcut::new(cmd, Key::Q)],
            Command::Undo => vec![KeyboardShortcut::new(cmd, Key::Z)],
            Command::NewClaimFromSelection => vec![KeyboardShortcut::new(shift, Key::N)],
            Command::Redo => vec![
                KeyboardShortcut::new(shift, Key::Z),
                KeyboardShortcut::new(cmd, Key::Y),
            ],
            Command::CommandPalette => vec![
                KeyboardShortcut::new(shift, Key::P),
                KeyboardShortcut::new(cmd, Key::K),
            ],
            Command::ShowShortcuts => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F1)],
            Command::ZoomIn => vec![
                KeyboardShortcut::new(cmd, Key::Plus),
                KeyboardShortcut::new(cmd, Key::Equals),
            ],
            Command::ZoomOut => vec![KeyboardShortcut::new(cmd, Key::Minus)],
            Command::ZoomReset => vec![KeyboardShortcut::new(cmd, Key::Num0)],
            Command::ShowPane(p) => PANE_KEYS
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, k)| KeyboardShortcut::new(cmd, *k))
                .collect(),
            _ => vec![],
        }
    }

    /// The shortcut shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }

    /// Commands that have a global shortcut, checked each frame (most specific first, so
    /// Ctrl+Shift+S is not taken for Ctrl+S).
    pub fn with_shortcuts() -> Vec<Command> {
        let mut all = vec![
            Command::CommandPalette,
            Command::Find,
            Command::Import,
            Command::NewClaimFromSelection,
            Command::SaveAs,
            Command::Redo,
            Command::Save,
            Command::Open,
            Command::New,
            Command::Quit,
            Command::Undo,
            Command::ShowShortcuts,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
        ];
        all.extend(PANE_KEYS.iter().map(|(p, _)| Command::ShowPane(*p)));
        all
    }

    /// Whether the shortcut may fire while a text field has keyboard focus. Editing keys
    /// (undo, new claim, find, pane switching, zoom) belong to the field while typing; file
    /// commands, the palette and help stay available.
    pub fn fires_while_typing(&self) -> bool {
        matches!(
            self,
            Command::Save
                | Command::SaveAs
                | Command::Open
                | Command::Quit
                | Command::CommandPalette
                | Command::ShowShortcuts
        )
    }

    /// The name shown in menus, the command palette and the shortcuts sheet; `None` for
    /// commands that only panels issue (they carry data the user picks in place).
    pub fn label(&self) -> Option<String> {
        let s = match self {
            Command::New => "New workspace",
            Command::Open => "Open workspace…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::Import => "Import documents…",
            Command::ImportFromUrl => "Import from URL…",
            Command::CancelImport => "Cancel import",
            Command::Quit => "Quit",
            Command::Find => "Find in documents",
            Command::ClearRecent => "Clear recent workspaces",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::NewClaimFromSelection => "New claim from selection",
            Command::AddSelectionAsEvidence => "Add selection as evidence",
            Command::ExportReport => "Export findings report…",
            Command::MergeWorkspace => "Merge workspace…",
            Command::ShowPane(p) => return Some(format!("Show {}", p.label())),
            Command::TogglePane(p) => return Some(p.label().to_owned()),
            Command::ShowTab(t) => return Some(format!("Show {}", t.label())),
            Command::ResetLayout => "Reset layout",
            Command::CommandPalette => "Command palette",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::ShowAbout => "About claimbench",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Reset zoom",
            Command::SetTheme(egui::ThemePreference::Dark) => "Dark theme",
            Command::SetTheme(egui::ThemePreference::Light) => "Light theme",
            Command::SetTheme(egui::ThemePreference::System) => "Theme follows the system",
            Command::DismissWelcome => "Hide the welcome strip",
            _ => return None,
        };
        Some(s.to_owned())
    }

    /// A one-line explanation (tooltips, command palette).
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::New => "Start an empty workspace",
            Command::Open => "Open a workspace file (.ron)",
            Command::Save => "Save the workspace to its file",
            Command::SaveAs => "Save the workspace to a new file",
            Command::Import => "Add articles, press releases or filings (txt, md, html, pdf)",
            Command::ImportFromUrl => "Fetch web pages, PDFs or text files by their address",
            Command::Find => "Find text in the open document and across all documents",
            Command::Undo => "Undo the last edit of the workspace",
            Command::Redo => "Redo the last undone edit",
            Command::NewClaimFromSelection => "Create a claim from the text selected in the Reader",
            Command::AddSelectionAsEvidence => "Attach the selected text to the selected claim",
            Command::ExportReport => {
                "Write contradictions, wording differences and money loops as Markdown"
            }
            Command::MergeWorkspace => {
                "Merge another copy of a workspace into this one; clashes are listed in Findings"
            }
            Command::ShowPane(p) | Command::TogglePane(p) => p.description(),
            Command::ResetLayout => "Put every panel back where it starts",
            Command::CommandPalette => {
                "Run any command or jump to a document, claim, entity or chart"
            }
            Command::ShowShortcuts => "List every keyboard shortcut",
            Command::ShowAbout => "Version, workspace file, settings and log folders",
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                "Scale all text and controls"
            }
            Command::SetTheme(_) => "Colour theme; the default follows the system",
            Command::Quit => "Close the window (asks about unsaved changes)",
            _ => "",
        }
    }

    /// Every command a user can run without picking data first: the palette's command list
    /// and the shortcuts sheet.
    pub fn palette() -> Vec<Command> {
        let mut all = vec![
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::Import,
            Command::ImportFromUrl,
            Command::ExportReport,
            Command::MergeWorkspace,
            Command::Find,
            Command::Undo,
            Command::Redo,
            Command::NewClaimFromSelection,
            Command::AddSelectionAsEvidence,
        ];
        all.extend(super::layout::Pane::ALL.map(Command::ShowPane));
        all.extend([
            Command::ResetLayout,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::SetTheme(egui::ThemePreference::Dark),
            Command::SetTheme(egui::ThemePreference::Light),
            Command::SetTheme(egui::ThemePreference::System),
            Command::CommandPalette,
            Command::ShowShortcuts,
            Command::ShowAbout,
            Command::ClearRecent,
            Command::Quit,
        ]);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_do_not_clash() {
        let all: Vec<(Command, KeyboardShortcut)> = Command::with_shortcuts()
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c.clone(), s)))
            .collect();
        assert!(all.len() >= 20);
        for (i, (a, sa)) in all.iter().enumerate() {
            for (b, sb) in &all[i + 1..] {
                assert_ne!(sa, sb, "{a:?} and {b:?} share a shortcut");
            }
        }
        // More specific shortcuts are checked first, so Ctrl+Shift+S is never eaten by Ctrl+S.
        let pos = |c: Command| Command::with_shortcuts().iter().position(|x| *x == c);
        assert!(pos(Command::SaveAs) < pos(Command::Save));
        assert!(pos(Command::Redo) < pos(Command::Undo));
        assert!(pos(Command::NewClaimFromSelection) < pos(Command::New));
        assert!(pos(Command::CommandPalette) < pos(Command::Open));
    }

    #[test]
    fn every_palette_command_has_a_label_and_tooltip() {
        for c in Command::palette() {
            assert!(c.label().is_some_and(|l| !l.is_empty()), "{c:?}");
            if !matches!(c, Command::ClearRecent) {
                assert!(!c.tooltip().is_empty(), "{c:?}");
            }
        }
        for c in Command::with_shortcuts() {
            assert!(c.label().is_some(), "{c:?} has a shortcut but no name");
        }
    }
}
