//! Everything the user can ask of the app, as values. Panels push commands; the app runs them
//! after the UI pass, in one place. Commands run by name (menus, palette, shortcuts) are the
//! payload-free [`UiCommand`]s of one table; the other variants are events that carry what the
//! user picked in place (a claim, a path, an edit).

use super::layout::Pane;
pub use super::ui_command::{PANE_KEYS, UiCommand};
use crate::model::{ClaimId, DocId};
use std::path::PathBuf;

/// A user command: a named command, or an event with its data.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command run by name from a menu, the palette or a shortcut.
    Ui(UiCommand),
    /// Open this workspace file.
    OpenPath(PathBuf),
    /// Import these files (txt, md, html, pdf) or web addresses in the background.
    ImportPaths(Vec<PathBuf>),
    /// Save to this path and make it the current file.
    SaveTo(PathBuf),
    /// Show this document in the Reader.
    SelectDocument(DocId),
    /// Select this claim (Inspector, table, highlights).
    SelectClaim(ClaimId),
    /// Scroll the Reader to a span of a document (opening it).
    ScrollReader(DocId, std::ops::Range<usize>),
    /// Open the document of the claim's n-th evidence and scroll to its span.
    ShowEvidence(ClaimId, usize),
    /// Rename the workspace.
    SetTitle(String),
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
    /// Open an entity in the Entities pane.
    ShowEntity(crate::model::EntityId),
    /// Show a chart in the Charts pane.
    ShowChart(crate::model::ChartId),
    /// Ask for a path and export a chart there.
    ExportChart(crate::model::ChartId, ExportFormat),
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
    /// Merge this workspace file into the open one.
    MergeWith(PathBuf),
    /// Apply an edit: the action, its label for the Edit menu, and a coalescing key (edits with
    /// the same key in a row form one undo step).
    Edit(Box<crate::action::Action>, String, Option<String>),
}

/// A chart export format (the library's, so the app and the CLI export alike).
pub use crate::chart::ChartFormat as ExportFormat;

impl From<UiCommand> for Command {
    fn from(c: UiCommand) -> Self {
        Command::Ui(c)
    }
}
