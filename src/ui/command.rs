//! Everything the user can ask of the app, as values. Panels push commands; the app runs them
//! after the UI pass, in one place.

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
    /// Import these files (txt, md, html, pdf) in the background.
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

impl Command {
    /// The keyboard shortcuts, the first being the one shown in menus.
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        match self {
            Command::New => vec![KeyboardShortcut::new(cmd, Key::N)],
            Command::Open => vec![KeyboardShortcut::new(cmd, Key::O)],
            Command::Import => vec![KeyboardShortcut::new(cmd, Key::I)],
            Command::Find => vec![KeyboardShortcut::new(cmd, Key::F)],
            Command::Save => vec![KeyboardShortcut::new(cmd, Key::S)],
            Command::SaveAs => vec![KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S)],
            Command::Quit => vec![KeyboardShortcut::new(cmd, Key::Q)],
            Command::Undo => vec![KeyboardShortcut::new(cmd, Key::Z)],
            Command::NewClaimFromSelection => {
                vec![KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::N)]
            }
            Command::Redo => vec![
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
                KeyboardShortcut::new(cmd, Key::Y),
            ],
            _ => vec![],
        }
    }

    /// The shortcut shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }

    /// Commands that have a global shortcut, checked each frame (most specific first, so
    /// Ctrl+Shift+S is not taken for Ctrl+S).
    pub fn with_shortcuts() -> [Command; 10] {
        [
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
        ]
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
        assert!(all.len() >= 8);
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
    }
}
