//! The chart editor's model: a rename draft and the edits the user asks for, validated here.
//!
//! Applying an edit needs undoable chart actions in [`crate::action::Action`], which do not exist
//! yet; until they do, [`editor_ui`] shows the controls disabled and says why, and
//! [`ChartEdit`] is what the wiring will turn into `Command::Edit`.

use crate::model::{Chart, ChartId, Workspace};

/// A change to the workspace's charts that the editor asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartEdit {
    /// Give a chart a new title.
    Rename {
        /// The chart.
        id: ChartId,
        /// Its new title.
        title: String,
    },
    /// Remove a chart.
    Delete(ChartId),
}

/// Why a new title cannot be used, if it cannot.
pub fn title_problem(ws: &Workspace, chart: &Chart, title: &str) -> Option<&'static str> {
    let t = title.trim();
    if t.is_empty() {
        Some("A chart needs a title.")
    } else if ws
        .charts
        .iter()
        .any(|c| c.id != chart.id && c.title.trim().eq_ignore_ascii_case(t))
    {
        Some("Another chart has this title.")
    } else {
        None
    }
}

/// The editor's draft title, kept per chart.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct EditorState {
    /// The chart the draft belongs to and the draft itself.
    pub draft: Option<(ChartId, String)>,
}

/// Whether chart edits can be applied (true once the workspace has chart actions).
pub const CHART_ACTIONS: bool = false;

/// Draws the editor for `chart`; returns the edit the user asked for.
pub fn editor_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    chart: &Chart,
    state: &mut EditorState,
) -> Option<ChartEdit> {
    if state.draft.as_ref().is_none_or(|(id, _)| id != &chart.id) {
        state.draft = Some((chart.id.clone(), chart.title.clone()));
    }
    let (_, draft) = state.draft.as_mut()?;
    let mut edit = None;
    ui.horizontal(|ui| {
        ui.label("Title");
        ui.text_edit_singleline(draft);
    });
    let problem = title_problem(ws, chart, draft);
    if let Some(p) = problem {
        ui.colored_label(ui.visuals().error_fg_color, p);
    }
    let changed = draft.trim() != chart.title;
    ui.add_enabled_ui(CHART_ACTIONS, |ui| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(problem.is_none() && changed, egui::Button::new("Rename"))
                .clicked()
            {
                edit = Some(ChartEdit::Rename {
                    id: chart.id.clone(),
                    title: draft.trim().to_owned(),
                });
            }
            if ui.button("Delete chart").clicked() {
                edit = Some(ChartEdit::Delete(chart.id.clone()));
            }
        });
    });
    if !CHART_ACTIONS {
        ui.weak("Renaming and deleting charts needs undoable chart actions, not merged yet.");
    }
    edit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_must_be_present_and_unique() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let (a, b) = (&ws.charts[0], &ws.charts[1]);
        assert_eq!(title_problem(&ws, a, "  "), Some("A chart needs a title."));
        assert_eq!(
            title_problem(&ws, a, &b.title.to_uppercase()),
            Some("Another chart has this title.")
        );
        assert_eq!(title_problem(&ws, a, &a.title), None);
        assert_eq!(title_problem(&ws, a, "OpenAI valuation, 2025"), None);
    }
}
