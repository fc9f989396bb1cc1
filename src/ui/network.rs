//! The Network tab: the money-flow graph drawn with egui's painter (see [`draw`]), filters by
//! status and date range, the list of loops with their circularity, and the edges; clicking an
//! edge (in the drawing or in the list) lists its claims, which can be selected.

pub mod draw;
pub mod layout;

use super::background::{Job, Polled, Priority};
use super::command::Command;
use super::selection::Selection;
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
    /// A graph being built on a worker (large workspaces), with what it is built from.
    pending: Option<(u64, Filter, super::background::Job<MoneyGraph>)>,
}

/// Above this many claims the graph is built on a worker thread (building it reads every
/// flow's evidence for its origin: about 0.3 s at 100,000 claims) and the last one stays drawn
/// meanwhile.
pub const BACKGROUND_CLAIMS: usize = super::findings::BACKGROUND_CLAIMS;

impl NetworkState {
    /// Whether a graph is being built on a worker.
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// The graph for `filter` over `ws` at `revision`: at once on a small workspace, else the
    /// last graph built while a worker builds the new one from `snapshot` (`None` before the
    /// first), with what it was built from. The second value says whether a newer graph is on
    /// its way. The caller puts the entry back in `cache` when done with it.
    #[allow(clippy::type_complexity)]
    fn graph(
        &mut self,
        ws: &Workspace,
        revision: u64,
        filter: &Filter,
        none: bool,
        snapshot: &mut super::snapshot::Snapshot,
        ctx: &egui::Context,
    ) -> (Option<(u64, Filter, bool, MoneyGraph)>, bool) {
        if let Some((r, f, job)) = &self.pending {
            match job.poll() {
                Polled::Done(g) => {
                    self.cache = Some((*r, f.clone(), false, g));
                    self.pending = None;
                }
                Polled::Running => {}
                Polled::Stopped => self.pending = None,
            }
        }
        let fresh = |(r, f, n, _): &(u64, Filter, bool, MoneyGraph)| {
            *r == revision && f == filter && *n == none
        };
        if self.cache.as_ref().is_some_and(fresh) {
            return (self.cache.take(), false);
        }
        let built = |g| Some((revision, filter.clone(), none, g));
        if none {
            let empty = MoneyGraph::build(&Workspace::default(), &Filter::default());
            return (built(empty), false);
        }
        if ws.claims.len() <= BACKGROUND_CLAIMS {
            return (built(MoneyGraph::build(ws, filter)), false);
        }
        // One build at a time; a build for an older revision or filter is let finish, and the
        // next frame after it starts this one.
        if self.pending.is_none()
            && let Some(snap) = snapshot.at(ws, revision)
        {
            let f = filter.clone();
            // The snapshot is dropped with the closure, before the graph is reported.
            let job = Job::spawn("network", Priority::Low, (), Some(ctx.clone()), move |_| {
                MoneyGraph::build(&snap, &f)
            });
            self.pending = Some((revision, filter.clone(), job));
        }
        (self.cache.take(), true)
    }
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

/// Draws the Network pane; `revision` is the workspace's history revision (graph cache key);
/// `snapshot` is the workspace copy a worker builds the graph from on a large workspace.
pub fn network_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut NetworkState,
    cmds: &mut Vec<Command>,
    revision: u64,
    snapshot: &mut super::snapshot::Snapshot,
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
    let (entry, updating) = state.graph(ws, revision, &filter, none, snapshot, ui.ctx());
    if updating {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Updating the network for the latest changes…");
        });
    }
    let Some((built_at, built_for, built_none, g)) = entry else {
        return;
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
        let size = egui::vec2(avail.x.max(120.0), (avail.y * 0.7).max(200.0));
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
    state.cache = Some((built_at, built_for, built_none, g));
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
            if ui.link(text).on_hover_text(format!("claim {id}")).clicked() {
                cmds.push(Command::SelectClaims(vec![id.clone()]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asks for the graph until no worker is building one (at most 60 s).
    fn settle(
        state: &mut NetworkState,
        ws: &Workspace,
        rev: u64,
        snap: &mut super::super::snapshot::Snapshot,
    ) -> MoneyGraph {
        let ctx = egui::Context::default();
        for _ in 0..2400 {
            let (entry, updating) = state.graph(ws, rev, &Filter::default(), false, snap, &ctx);
            if let Some(entry) = entry {
                let g = entry.3.clone();
                state.cache = Some(entry);
                if !updating {
                    return g;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("the network was not built in 60 s");
    }

    #[test]
    fn large_workspaces_build_the_graph_in_the_background_and_keep_the_last_one_drawn() {
        let mut spec = crate::synth::SynthSpec::new(20, BACKGROUND_CLAIMS + 500);
        spec.big_doc_bytes = 50_000;
        let ws = crate::synth::generate(&spec);
        let (mut state, mut snap) = (NetworkState::default(), Default::default());
        let ctx = egui::Context::default();
        let (first, updating) = state.graph(&ws, 1, &Filter::default(), false, &mut snap, &ctx);
        assert!(first.is_none() && updating, "nothing yet: the worker runs");
        assert!(state.is_updating());
        let g = settle(&mut state, &ws, 1, &mut snap);
        let now = MoneyGraph::build(&ws, &Filter::default());
        assert_eq!(g.graph.edge_count(), now.graph.edge_count());
        assert!(g.graph.edge_count() > 0);
        assert_eq!(format!("{:?}", g.cycles), format!("{:?}", now.cycles));
        // An edit that removes every flow: the last graph stays drawn until the new one is in.
        let mut edited = ws.clone();
        for c in &mut edited.claims {
            c.status = crate::model::ClaimStatus::Denied;
        }
        assert!(edited.claims.len() > BACKGROUND_CLAIMS);
        let (shown, updating) = state.graph(&edited, 2, &Filter::default(), false, &mut snap, &ctx);
        let shown = shown.expect("the last graph");
        assert_eq!(shown.0, 1, "built at revision 1");
        assert!(updating);
        state.cache = Some(shown);
        let g = settle(&mut state, &edited, 2, &mut snap);
        assert_eq!(g.graph.edge_count(), 0);
        assert_eq!(
            snap.full_copies, 1,
            "the edit was synced into the shared copy"
        );
    }
}
