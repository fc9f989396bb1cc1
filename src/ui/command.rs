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
    /// Open the document of the claim's n-th evidence and scroll to its span.
    ShowEvidence(ClaimId, usize),
    /// Rename the workspace.
    SetTitle(String),
    /// Forget the recent-files list.
    ClearRecent,
}

impl Command {
    /// The keyboard shortcut, where the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        Some(match self {
            Command::New => KeyboardShortcut::new(cmd, Key::N),
            Command::Open => KeyboardShortcut::new(cmd, Key::O),
            Command::Save => KeyboardShortcut::new(cmd, Key::S),
            Command::SaveAs => KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S),
            Command::Quit => KeyboardShortcut::new(cmd, Key::Q),
            _ => return None,
        })
    }

    /// Commands that have a global shortcut, checked each frame (most specific first, so
    /// Ctrl+Shift+S is not taken for Ctrl+S).
    pub fn with_shortcuts() -> [Command; 5] {
        [
            Command::SaveAs,
            Command::Save,
            Command::Open,
            Command::New,
            Command::Quit,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_do_not_clash() {
        let all = Command::with_shortcuts();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(
                    a.shortcut(),
                    b.shortcut(),
                    "{a:?} and {b:?} share a shortcut"
                );
            }
        }
    }
}
