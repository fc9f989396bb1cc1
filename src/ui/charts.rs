//! The Charts tab: pick one of the workspace's charts, see it plotted over real dates with its
//! uncertainty and status styling, hover a point for its claim and evidence, click it to select
//! the claim, and export it. Claims the chart cannot plot are listed beside it with the reason.
//!
//! The data comes from [`crate::chart::build`], the same code the CLI export uses; this module
//! only draws it ([`plot`]) and describes it in words ([`details`]).

pub mod axes;
pub mod cache;
pub mod details;
pub mod editor;
pub mod key;
pub mod layout;
pub mod plot;

use super::command::{Command, ExportFormat};
use super::selection::Selection;
use crate::chart::ChartData;
use crate::model::{Chart, ChartId, ClaimId, Workspace};
pub use layout::Target;

/// How close (in points) the pointer must be to a marker to hover or click it.
pub const HIT_RADIUS: f32 = 10.0;

/// Charts tab state.
#[derive(Debug, Default)]
pub struct ChartsState {
    /// The chart shown (the first chart when `None` or gone).
    pub chart: Option<ChartId>,
    /// Reset zoom and pan on the next frame.
    pub reset: bool,
    /// Screen positions of the markers drawn in the last frame, for hit testing.
    pub targets: Vec<Target>,
    /// The claim under the pointer in the last frame.
    pub hovered: Option<ClaimId>,
    /// The shown chart's data, rebuilt only when it changes.
    pub cache: cache::ChartCache,
    /// The chart editor's draft.
    pub editor: editor::EditorState,
    /// Edits asked for in the editor (kept for inspection in tests).
    pub pending_edits: Vec<editor::ChartEdit>,
    /// The "New chart" form.
    pub new_chart: editor::NewChartState,
}

impl ChartsState {
    /// The chart to show: the chosen one if it still exists, else the first.
    pub fn current<'a>(&self, ws: &'a Workspace) -> Option<&'a Chart> {
        self.chart
            .as_ref()
            .and_then(|id| ws.charts.iter().find(|c| &c.id == id))
            .or_else(|| ws.charts.first())
    }

    /// The screen position of a claim's marker in the last frame.
    pub fn target_of(&self, claim: &ClaimId) -> Option<egui::Pos2> {
        self.targets
            .iter()
            .find(|t| &t.claim == claim)
            .map(|t| t.pos)
    }
}

/// Draws the Charts tab; `revision` is the workspace's history revision (chart cache key).
pub fn charts_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut ChartsState,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    if let Some((action, id)) = editor::new_chart_ui(ui, ws, &mut state.new_chart) {
        cmds.push(Command::Edit(Box::new(action), "New chart".into(), None));
        state.chart = Some(id);
    }
    if ws.charts.is_empty() {
        state.targets.clear();
        ui.weak("This workspace has no charts yet: create one above.");
        return;
    }
    picker_ui(ui, ws, state);
    let Some(chart) = state.current(ws) else {
        return;
    };
    let data = state.cache.get(ws, chart, revision);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Reset view").clicked() {
            state.reset = true;
        }
        if let Some(action) = editor::options_ui(ui, ws, chart) {
            cmds.push(Command::Edit(Box::new(action), "Change chart".into(), None));
        }
        ui.separator();
        for (label, format) in [
            ("Export SVG…", ExportFormat::Svg),
            ("Export PNG…", ExportFormat::Png),
            ("Export CSV…", ExportFormat::Csv),
        ] {
            if ui.button(label).clicked() {
                cmds.push(Command::ExportChart(chart.id.clone(), format));
            }
        }
    });
    ui.separator();
    egui::Panel::right("charts_side")
        .resizable(true)
        .default_size(210.0)
        // At most 40% of the pane: the plot keeps the rest, whatever the names' lengths.
        .max_size((ui.available_width() * 0.4).max(160.0))
        .show(ui, |ui| {
            plot::series_list_ui(ui, &data);
            ui.separator();
            egui::CollapsingHeader::new("Edit chart").show(ui, |ui| {
                if let Some(edit) = editor::editor_ui(ui, ws, chart, &mut state.editor) {
                    if let Some((action, label)) = edit.action(ws) {
                        cmds.push(Command::Edit(Box::new(action), label, None));
                    }
                    state.pending_edits.push(edit);
                }
            });
            ui.separator();
            side_ui(ui, ws, sel, &data, cmds);
        });
    egui::CentralPanel::default().show(ui, |ui| plot_ui(ui, ws, sel, &data, state, cmds));
}

fn picker_ui(ui: &mut egui::Ui, ws: &Workspace, state: &mut ChartsState) {
    let shown = state.current(ws).map(|c| c.id.clone());
    ui.horizontal_wrapped(|ui| {
        ui.label("Chart:");
        for c in &ws.charts {
            if ui
                .selectable_label(shown.as_ref() == Some(&c.id), &c.title)
                .clicked()
            {
                state.chart = Some(c.id.clone());
                state.hovered = None;
            }
        }
    });
}

fn plot_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    data: &ChartData,
    state: &mut ChartsState,
    cmds: &mut Vec<Command>,
) {
    if data.is_empty() {
        state.targets.clear();
        ui.weak("Nothing to plot: none of the claims this chart selects has a figure and a date.");
        return;
    }
    let mut selected: Vec<ClaimId> = sel.related.clone();
    selected.extend(sel.claim.clone());
    let reset = std::mem::take(&mut state.reset);
    let resp = plot::configure(data, reset).show(ui, |pui| plot::draw(pui, data, &selected));
    super::a11y::name(&resp.response, "Chart plot: drag to pan, scroll to zoom");
    let hidden = plot::hidden_series(ui.ctx(), data);
    state.targets = layout::targets(data, &resp.transform, &hidden);
    let response = resp.response;
    let hovered = response
        .hover_pos()
        .and_then(|pos| layout::hit(&state.targets, pos, HIT_RADIUS))
        .map(|t| t.claim.clone());
    state.hovered = hovered.clone();
    if let Some(id) = hovered {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        if response.clicked() {
            cmds.push(Command::SelectClaim(id.clone()));
        }
        if let Some((_, p)) = data.points().find(|(_, p)| p.claim == id) {
            response.on_hover_ui_at_pointer(|ui| details::point_card(ui, ws, p));
        }
    }
}

fn side_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    data: &ChartData,
    cmds: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.strong("Selected claim");
        match sel.claim.as_ref().and_then(|id| ws.claim(id)) {
            Some(c) => {
                ui.label(details::claim_line(ws, c))
                    .on_hover_text(format!("claim {}", c.id));
                if !data.claims.contains(&c.id) {
                    ui.weak("(not plotted in this chart)");
                }
                if ui
                    .add_enabled(
                        !c.evidence.is_empty(),
                        egui::Button::new("Show in document"),
                    )
                    .clicked()
                {
                    cmds.push(Command::ShowEvidence(c.id.clone(), 0));
                }
            }
            None => {
                ui.weak("Click a point to select its claim.");
            }
        }
        ui.separator();
        ui.strong(format!("Not plotted ({})", data.not_plotted.len()));
        if data.not_plotted.is_empty() {
            ui.weak("Every claim this chart selects is plotted.");
        }
        for np in &data.not_plotted {
            let text = ws
                .claim(&np.claim)
                .map_or_else(|| np.claim.0.clone(), |c| details::claim_line(ws, c));
            let chosen = sel.claim.as_ref() == Some(&np.claim);
            if ui
                .selectable_label(chosen, format!("{text} — {}", np.reason))
                .on_hover_text(format!("claim {}", np.claim))
                .clicked()
            {
                cmds.push(Command::SelectClaim(np.claim.clone()));
            }
        }
        ui.separator();
        ui.strong("Key");
        key::key_ui(ui, data);
        ui.separator();
        ui.weak(format!(
            "{} plotted from {}",
            crate::words::count(data.claims.len(), "claim"),
            crate::words::count(data.sources.len(), "independent source")
        ));
    });
}
