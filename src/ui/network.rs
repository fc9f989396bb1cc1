//! The Network tab: the money-flow graph drawn with egui's painter (see [`draw`]), filters by
//! status and date range, the list of loops with their circularity, and the edges; clicking an
//! edge (in the drawing or in the list) lists its claims, which can be selected.

pub mod draw;

use super::app::Selection;
use super::command::Command;
use crate::analysis::money::{MoneyEdge, MoneyGraph};
use crate::analysis::{Filter, findings::Severity};
use crate::model::{ClaimStatus, EntityId, FuzzyDate, Workspace};
use egui::RichText;

/// Network tab state.
#[derive(Debug, Default)]
pub struct NetworkState {
    /// Statuses switched off (empty: every status shown).
    pub hidden: Vec<ClaimStatus>,
    /// The "from" date as typed.
    pub from: String,
    /// The "to" date as typed.
    pub to: String,
    /// The selected edge, payer → payee.
    pub edge: Option<(EntityId, EntityId)>,
    /// The last graph with what it was built from: the workspace's history revision, the filter and
    /// whether every status was off (which an empty status list in [`Filter`] cannot express).
    cache: Option<(u64, Filter, bool, MoneyGraph)>,
}

impl NetworkState {
    /// The filter these settings describe, with an error message for each date that does not
    /// parse (such a date is ignored).
    pub fn filter(&self) -> (Filter, Vec<String>) {
        let mut errors = Vec::new();
        let mut date = |label: &str, s: &str| -> Option<FuzzyDate> {
            let s = s.trim();
            if s.is_empty() {
                return None;
            }
            match s.parse::<FuzzyDate>() {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(format!("{label} date: {e}"));
                    None
                }
            }
        };
        let from = date("from", &self.from);
        let to = date("to", &self.to);
        let statuses = if self.hidden.is_empty() {
            Vec::new()
        } else {
            ClaimStatus::ALL
                .into_iter()
                .filter(|s| !self.hidden.contains(s))
                .collect()
        };
        (Filter { statuses, from, to }, errors)
    }
}

/// Below this width (points) the lists go under the graph instead of beside it.
pub const NARROW: f32 = 600.0;

/// Draws the Network pane; `revision` is the workspace's history revision (graph cache key).
pub fn network_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut NetworkState,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    filters_ui(ui, state);
    let (filter, errors) = state.filter();
    for e in errors {
        ui.colored_label(super::findings::severity_color(Severity::Hard), e);
    }
    let none = state.hidden.len() == ClaimStatus::ALL.len();
    if none {
        ui.weak("Every status is switched off.");
    }
    let fp = revision;
    let g = match state.cache.take() {
        Some((f, fl, n, g)) if f == fp && fl == filter && n == none => g,
        _ if none => MoneyGraph::build(&Workspace::default(), &Filter::default()),
        _ => MoneyGraph::build(ws, &filter),
    };
    if let Some((a, b)) = &state.edge
        && g.edge(a, b).is_none()
    {
        state.edge = None;
    }
    ui.separator();
    let avail = ui.available_size();
    if avail.x < NARROW {
        // A narrow pane (docked in a side column): the graph above, the lists below it.
        let size = egui::vec2(avail.x.max(120.0), (avail.y * 0.55).max(160.0));
        if let Some(clicked) = draw::graph_ui(ui, &g, sel, state.edge.as_ref(), size) {
            state.edge = Some(clicked);
        }
        egui::ScrollArea::vertical()
            .id_salt("network_side")
            .auto_shrink([false, false])
            .show(ui, |ui| side_ui(ui, ws, &g, state, cmds));
    } else {
        let side = (avail.x * 0.42).clamp(220.0, 420.0);
        ui.horizontal_top(|ui| {
            let size = egui::vec2((avail.x - side - 12.0).max(120.0), avail.y.max(160.0));
            if let Some(clicked) = draw::graph_ui(ui, &g, sel, state.edge.as_ref(), size) {
                state.edge = Some(clicked);
            }
            ui.vertical(|ui| {
                ui.set_width(side);
                egui::ScrollArea::vertical()
                    .id_salt("network_side")
                    .auto_shrink([false, false])
                    .show(ui, |ui| side_ui(ui, ws, &g, state, cmds));
            });
        });
    }
    state.cache = Some((fp, filter, none, g));
}

fn filters_ui(ui: &mut egui::Ui, state: &mut NetworkState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        for s in ClaimStatus::ALL {
            let mut on = !state.hidden.contains(&s);
            if ui.checkbox(&mut on, s.label()).changed() {
                if on {
                    state.hidden.retain(|h| *h != s);
                } else {
                    state.hidden.push(s);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("From");
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.from)
                .hint_text("2025-09")
                .desired_width(90.0),
        );
        super::a11y::name(&r, "Deals from date");
        ui.label("to");
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.to)
                .hint_text("2025-12-31")
                .desired_width(90.0),
        );
        super::a11y::name(&r, "Deals to date");
        if ui.button("Clear filters").clicked() {
            state.hidden.clear();
            state.from.clear();
            state.to.clear();
        }
    });
}

/// `Nvidia → OpenAI · $100B`.
pub fn edge_text(g: &MoneyGraph, e: &MoneyEdge) -> String {
    format!(
        "{} → {} · {}",
        g.name(&e.from),
        g.name(&e.to),
        e.amount_text()
    )
}

/// The most loops and flows listed beside the drawing: a list of thousands of rows costs
/// milliseconds a frame to lay out and is no use to read.
const MAX_LISTED: usize = 20;

fn side_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    g: &MoneyGraph,
    state: &mut NetworkState,
    cmds: &mut Vec<Command>,
) {
    ui.heading(format!("Loops ({})", g.cycles.len()));
    if g.cycles.is_empty() {
        ui.weak("No money returns to where it came from under these filters.");
    }
    if g.cycles.len() >= crate::analysis::cycles::MAX_CYCLES {
        ui.weak(format!(
            "Showing the {} shortest loops (of at most {} parties); narrow the filters to see others.",
            g.cycles.len(),
            crate::analysis::cycles::MAX_CYCLE_LEN
        ));
    }
    for c in g.cycles.iter().take(MAX_LISTED) {
        let text = g.cycle_text(c);
        if ui
            .selectable_label(false, RichText::new(&text).strong().color(draw::CYCLE))
            .on_hover_text("Select every claim on this loop")
            .clicked()
        {
            let mut ids: Vec<_> = c.edges.iter().flat_map(|&e| g.graph[e].claims()).collect();
            ids.dedup();
            cmds.push(Command::SelectClaims(ids));
        }
        for circ in &c.circularity {
            let share = circ.share.map_or("circularity n/a".to_owned(), |s| {
                format!("circularity {:.0}%", s * 100.0)
            });
            ui.label(format!("{}: {share}", g.name(&circ.investor)));
            ui.weak(&circ.explanation);
        }
        ui.add_space(4.0);
    }
    ui.separator();
    ui.heading(format!("Money flows ({})", g.graph.edge_count()));
    if g.graph.edge_count() > MAX_LISTED {
        ui.weak(format!(
            "Listing {MAX_LISTED}; click an arrow in the drawing or narrow the filters for others."
        ));
    }
    let selected = state
        .edge
        .as_ref()
        .and_then(|(a, b)| g.edge(a, b))
        .into_iter();
    let listed: Vec<&MoneyEdge> = g.graph.edge_weights().take(MAX_LISTED).collect();
    let extra: Vec<&MoneyEdge> = selected
        .filter(|s| !listed.iter().any(|l| std::ptr::eq(*l, *s)))
        .collect();
    for e in listed.into_iter().chain(extra) {
        let key = (e.from.clone(), e.to.clone());
        let on = state.edge.as_ref() == Some(&key);
        if ui.selectable_label(on, edge_text(g, e)).clicked() {
            state.edge = if on { None } else { Some(key) };
        }
    }
    if let Some((a, b)) = &state.edge
        && let Some(e) = g.edge(a, b)
    {
        ui.separator();
        edge_claims_ui(ui, ws, g, e, cmds);
    }
}

fn edge_claims_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    g: &MoneyGraph,
    e: &MoneyEdge,
    cmds: &mut Vec<Command>,
) {
    ui.label(
        RichText::new(format!(
            "Claims on {} → {} ({})",
            g.name(&e.from),
            g.name(&e.to),
            e.status().label().to_lowercase()
        ))
        .strong(),
    );
    if ui.button("Select all claims of this flow").clicked() {
        cmds.push(Command::SelectClaims(e.claims()));
    }
    for d in &e.deals {
        ui.label(d.describe());
        for id in &d.claims {
            let text = ws
                .claim(id)
                .map_or_else(|| id.to_string(), |c| super::findings::claim_text(ws, c));
            let text = if *id == d.representative {
                format!("{text} (figure used)")
            } else {
                text
            };
            if ui.link(text).clicked() {
                cmds.push(Command::SelectClaims(vec![id.clone()]));
            }
        }
    }
}
