//! The chart editor's model: a rename draft and the edits the user asks for, validated here.
//!
//! Edits become undoable chart actions ([`ChartEdit::action`]): rename, delete, and new charts.

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

impl ChartEdit {
    /// The undoable action and its label for the Edit menu.
    pub fn action(&self, ws: &Workspace) -> Option<(crate::action::Action, String)> {
        use crate::action::Action;
        match self {
            ChartEdit::Rename { id, title } => {
                let mut c = ws.charts.iter().find(|c| &c.id == id)?.clone();
                c.title = title.clone();
                Some((Action::ReplaceChart(Box::new(c)), "Rename chart".into()))
            }
            ChartEdit::Delete(id) => Some((Action::RemoveChart(id.clone()), "Delete chart".into())),
        }
    }
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
pub const CHART_ACTIONS: bool = true;

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
        let caption = ui.label("Title").id;
        let r = ui.text_edit_singleline(draft);
        crate::ui::a11y::labelled(&r, caption);
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
        assert_eq!(title_problem(&ws, a, "OpenAI valuation, 2024–2025"), None);
    }
}

/// What the "New chart" form creates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewChartKind {
    /// Valuation over time of one entity.
    #[default]
    Valuation,
    /// Commitments by or to one entity.
    Commitments,
}

/// The "New chart" form's state.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct NewChartState {
    /// What to plot.
    pub kind: NewChartKind,
    /// For which entity.
    pub entity: Option<crate::model::EntityId>,
}

/// The "New chart" form; returns the action creating the chart and its id.
pub fn new_chart_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut NewChartState,
) -> Option<(crate::action::Action, ChartId)> {
    use crate::model::ChartSpec;
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("New chart:");
        ui.selectable_value(&mut state.kind, NewChartKind::Valuation, "Valuation");
        ui.selectable_value(&mut state.kind, NewChartKind::Commitments, "Commitments");
        let shown = state
            .entity
            .as_ref()
            .map_or("choose entity".to_owned(), |e| ws.entity_name(e).to_owned());
        let r = egui::ComboBox::from_id_salt("new_chart_entity")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let mut ents: Vec<_> = ws.entities.iter().collect();
                ents.sort_by_key(|e| e.name.to_lowercase());
                for e in ents {
                    ui.selectable_value(&mut state.entity, Some(e.id.clone()), &e.name);
                }
            })
            .response;
        crate::ui::a11y::name(&r, "Entity for the new chart");
        if let Some(entity) = state.entity.clone()
            && ui.button("Create chart").clicked()
        {
            let name = ws.entity_name(&entity).to_owned();
            let (spec, what, slug) = match state.kind {
                NewChartKind::Valuation => (
                    ChartSpec::Valuation {
                        entities: vec![entity.clone()],
                    },
                    format!("{name} valuation"),
                    "valuation",
                ),
                NewChartKind::Commitments => (
                    ChartSpec::Commitments {
                        entity: entity.clone(),
                        annualised: false,
                    },
                    format!("Commitments around {name}"),
                    "commitments",
                ),
            };
            let mut id = format!("chart-{}-{slug}", entity.as_str());
            while ws.charts.iter().any(|c| c.id.as_str() == id) {
                id.push_str("-2");
            }
            let mut title = what.clone();
            let mut n = 2;
            while ws
                .charts
                .iter()
                .any(|c| c.title.eq_ignore_ascii_case(&title))
            {
                title = format!("{what} ({n})");
                n += 1;
            }
            let chart = Chart {
                id: ChartId::new(id.clone()),
                title,
                spec,
            };
            out = Some((
                crate::action::Action::AddChart {
                    chart: Box::new(chart),
                    index: None,
                },
                ChartId::new(id),
            ));
        }
    });
    out
}

/// Changing what a chart plots: its entity, and "annualised over the period" for commitments.
pub fn options_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    chart: &Chart,
) -> Option<crate::action::Action> {
    use crate::model::ChartSpec;
    let current = match &chart.spec {
        ChartSpec::Valuation { entities } => entities.first().cloned(),
        ChartSpec::Commitments { entity, .. } => Some(entity.clone()),
        ChartSpec::Figures { .. } => None,
    };
    let mut out = None;
    if let Some(cur) = current {
        let mut chosen = cur.clone();
        let r = egui::ComboBox::from_id_salt("chart_entity")
            .selected_text(ws.entity_name(&cur).to_owned())
            .show_ui(ui, |ui| {
                let mut ents: Vec<_> = ws.entities.iter().collect();
                ents.sort_by_key(|e| e.name.to_lowercase());
                for e in ents {
                    ui.selectable_value(&mut chosen, e.id.clone(), &e.name);
                }
            })
            .response
            .on_hover_text("The entity this chart is about");
        crate::ui::a11y::name(&r, "Chart entity");
        if chosen != cur {
            let mut c = chart.clone();
            c.spec = match &chart.spec {
                ChartSpec::Valuation { .. } => ChartSpec::Valuation {
                    entities: vec![chosen],
                },
                ChartSpec::Commitments { annualised, .. } => ChartSpec::Commitments {
                    entity: chosen,
                    annualised: *annualised,
                },
                other => other.clone(),
            };
            out = Some(crate::action::Action::ReplaceChart(Box::new(c)));
        }
    }
    if let ChartSpec::Commitments { entity, annualised } = &chart.spec {
        let mut a = *annualised;
        if ui.checkbox(&mut a, "Annualised over the period").changed() {
            let mut c = chart.clone();
            c.spec = ChartSpec::Commitments {
                entity: entity.clone(),
                annualised: a,
            };
            out = Some(crate::action::Action::ReplaceChart(Box::new(c)));
        }
    }
    out
}
