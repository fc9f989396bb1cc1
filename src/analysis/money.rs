//! The money-flow network: who pays whom, and the loops where an investor's money comes back to
//! it as purchases.
//!
//! Nodes are entities rolled up to their top-level parent (AWS → Amazon). Edges run payer →
//! payee and gather the claims between the two: money-moving kinds (`investment`,
//! `compute_commitment`, `chip_supply`, `spend`) and `capacity` claims that name both parties.
//! A capacity claim (OpenAI deploys 10 GW of Nvidia systems) is a purchase in kind: it closes a
//! loop, but its figure is in GW, never converted to dollars; a loop whose return leg carries only
//! GW has no dollar circularity and says so. Denied claims and self-payments after roll-up are
//! left out.
//!
//! On each edge, claims about the same fact ([`super::facts::same_fact`]) form one **deal**, whose
//! figure is that of its representative claim: the one a saved resolution prefers, else the one
//! with the most independent origins, then the most documents, then the lower stated number, then
//! the lower id. An edge's dollar amount is the sum of its deals' stated numbers (`low`) in USD.
//!
//! **Circularity** of a loop, for each investor on it (a node whose outgoing loop edge holds an
//! investment deal): `invested` is that edge's investment dollars, `returned` the smallest dollar
//! amount on the other edges of the loop (what can flow all the way back), `ratio = returned /
//! invested` and `share = min(ratio, 1)`: the share of the investor's money that can return to it
//! as purchases.

use super::cycles::elementary_cycles;
pub use super::deals::Deal;
use super::filter::Filter;
use crate::model::figure::format_value;
use crate::model::{Claim, ClaimId, ClaimKind, ClaimStatus, EntityId, Unit, Workspace};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use std::collections::BTreeMap;

/// An edge: everything `from` pays or commits to `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyEdge {
    /// Payer (top-level entity).
    pub from: EntityId,
    /// Payee (top-level entity).
    pub to: EntityId,
    /// Its deals, by kind then first claim id.
    pub deals: Vec<Deal>,
}

impl MoneyEdge {
    /// Total stated dollars over the deals in USD; `None` when no deal has a dollar figure.
    pub fn usd(&self) -> Option<f64> {
        let v: Vec<f64> = self.deals.iter().filter_map(Deal::usd).collect();
        (!v.is_empty()).then(|| v.iter().sum())
    }

    /// Dollars of the investment deals only.
    pub fn invested_usd(&self) -> Option<f64> {
        let v: Vec<f64> = self
            .deals
            .iter()
            .filter(|d| d.kind == ClaimKind::Investment)
            .filter_map(Deal::usd)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum())
    }

    /// The firmest status among the deals (completed > signed > announced > letter of intent >
    /// in talks > rumored > forecast > unknown).
    pub fn status(&self) -> ClaimStatus {
        use ClaimStatus::*;
        let rank = |s: ClaimStatus| match s {
            Completed => 8,
            Signed => 7,
            Announced => 6,
            LetterOfIntent => 5,
            InTalks => 4,
            Rumored => 3,
            Forecast => 2,
            Unknown => 1,
            Denied => 0,
        };
        self.deals
            .iter()
            .map(|d| d.status)
            .max_by_key(|&s| rank(s))
            .unwrap_or(Unknown)
    }

    /// Every claim on the edge, sorted.
    pub fn claims(&self) -> Vec<ClaimId> {
        let mut v: Vec<ClaimId> = self.deals.iter().flat_map(|d| d.claims.clone()).collect();
        v.sort();
        v
    }

    /// The amount as text: `$38B`, `10 GW`, `$10B + 10 GW`, or `unpriced`.
    pub fn amount_text(&self) -> String {
        let mut parts = Vec::new();
        if let Some(u) = self.usd() {
            parts.push(format_value(u, &Unit::Usd));
        }
        let mut other: BTreeMap<String, f64> = BTreeMap::new();
        for d in &self.deals {
            // Currencies with a rate are in the dollar sum; GW and the rest are listed apart.
            if let Some(f) = d.figure.as_ref().filter(|_| d.usd().is_none()) {
                *other.entry(f.unit.name().to_owned()).or_default() += f.low;
            }
        }
        for (u, v) in other {
            parts.push(format_value(v, &Unit::parse(&u).unwrap_or(Unit::Count)));
        }
        if parts.is_empty() {
            "unpriced".into()
        } else {
            parts.join(" + ")
        }
    }
}

/// How much of an investor's money can come back to it around a loop (module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Circularity {
    /// The investor.
    pub investor: EntityId,
    /// Dollars it invests on its loop edge.
    pub invested: Option<f64>,
    /// Smallest dollar amount on the rest of the loop; `None` when a leg has no dollar figure.
    pub returned: Option<f64>,
    /// `returned / invested`.
    pub ratio: Option<f64>,
    /// `min(ratio, 1)`.
    pub share: Option<f64>,
    /// The figures used, or why there is no number, in words.
    pub explanation: String,
}

/// An elementary loop of the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Cycle {
    /// The nodes in order, starting with the first investor (else the lowest id); the edge back
    /// to the first node is implied.
    pub nodes: Vec<EntityId>,
    /// The edges in order (`nodes[i] → nodes[i+1]`, the last one back to `nodes[0]`).
    pub edges: Vec<EdgeIndex>,
    /// One entry per investor on the loop.
    pub circularity: Vec<Circularity>,
}

/// The money-flow network of a workspace under a filter.
#[derive(Clone, Debug)]
pub struct MoneyGraph {
    /// The graph: nodes are top-level entity ids (added in id order), edges payer → payee.
    pub graph: DiGraph<EntityId, MoneyEdge>,
    /// Display names of the nodes.
    pub names: BTreeMap<EntityId, String>,
    /// Every elementary loop, shortest first.
    pub cycles: Vec<Cycle>,
    /// Every edge, largest dollar amount first (unpriced last, then in graph order): what a
    /// crowded drawing keeps, computed once here rather than sorted every frame.
    pub by_usd: Vec<EdgeIndex>,
    /// The largest dollar amount of any edge (0 when none is priced).
    pub max_usd: f64,
    /// The edges that lie on some loop.
    pub on_cycle: std::collections::HashSet<EdgeIndex>,
}

/// Whether a claim can be an edge of the network.
pub fn is_flow(c: &Claim) -> bool {
    (c.kind.moves_money() || c.kind == ClaimKind::Capacity)
        && c.status != ClaimStatus::Denied
        && c.subject.is_some()
        && c.counterparty.is_some()
}

impl MoneyGraph {
    /// Builds the network and its loops (module docs).
    pub fn build(ws: &Workspace, filter: &Filter) -> Self {
        let mut pairs: BTreeMap<(EntityId, EntityId), Vec<&Claim>> = BTreeMap::new();
        let roots = super::facts::Roots::new(ws);
        for c in ws
            .claims
            .iter()
            .filter(|c| is_flow(c) && filter.accepts(ws, c))
        {
            let k = super::facts::fact_key_in(&roots, c);
            if let (Some(s), Some(t)) = (k.subject, k.counterparty)
                && s != t
            {
                pairs.entry((s, t)).or_default().push(c);
            }
        }
        let mut graph = DiGraph::new();
        let mut index: BTreeMap<EntityId, NodeIndex> = BTreeMap::new();
        let mut ids: Vec<&EntityId> = pairs.keys().flat_map(|(s, t)| [s, t]).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            index.insert(id.clone(), graph.add_node(id.clone()));
        }
        for ((s, t), claims) in &pairs {
            let edge = MoneyEdge {
                from: s.clone(),
                to: t.clone(),
                deals: super::deals::deals_with(ws, &roots, claims),
            };
            graph.add_edge(index[s], index[t], edge);
        }
        let names = index
            .keys()
            .map(|id| (id.clone(), roots.name(id).to_owned()))
            .collect();
        let usd: Vec<f64> = graph
            .edge_weights()
            .map(|e| e.usd().unwrap_or(0.0))
            .collect();
        let mut by_usd: Vec<EdgeIndex> = graph.edge_indices().collect();
        by_usd.sort_by(|a, b| usd[b.index()].total_cmp(&usd[a.index()]));
        let max_usd = usd.iter().copied().fold(0.0, f64::max);
        let mut g = Self {
            graph,
            names,
            cycles: Vec::new(),
            by_usd,
            max_usd,
            on_cycle: Default::default(),
        };
        g.cycles = elementary_cycles(&g.graph)
            .into_iter()
            .map(|c| g.cycle(c))
            .collect();
        g.on_cycle = g.cycles.iter().flat_map(|c| c.edges.clone()).collect();
        g
    }

    /// The display name of a node.
    pub fn name<'a>(&'a self, id: &'a EntityId) -> &'a str {
        self.names.get(id).map_or(id.as_str(), String::as_str)
    }

    /// The edge from one node to another, if any.
    pub fn edge(&self, from: &EntityId, to: &EntityId) -> Option<&MoneyEdge> {
        self.graph
            .edge_weights()
            .find(|e| &e.from == from && &e.to == to)
    }

    /// A loop as `Nvidia → OpenAI → Nvidia`.
    pub fn cycle_text(&self, c: &Cycle) -> String {
        let mut names: Vec<&str> = c.nodes.iter().map(|n| self.name(n)).collect();
        if let Some(first) = names.first().copied() {
            names.push(first);
        }
        names.join(" → ")
    }

    fn cycle(&self, nodes: Vec<NodeIndex>) -> Cycle {
        let k = nodes.len();
        let edges_of = |ns: &[NodeIndex]| -> Vec<EdgeIndex> {
            (0..k)
                .filter_map(|i| self.graph.find_edge(ns[i], ns[(i + 1) % k]))
                .collect()
        };
        let raw = edges_of(&nodes);
        let investors: Vec<usize> = (0..k)
            .filter(|&i| {
                raw.get(i).is_some_and(|&e| {
                    self.graph[e]
                        .deals
                        .iter()
                        .any(|d| d.kind == ClaimKind::Investment)
                })
            })
            .collect();
        let start = investors.first().copied().unwrap_or(0);
        let mut rotated = nodes.clone();
        rotated.rotate_left(start);
        let edges = edges_of(&rotated);
        let circularity = investors
            .iter()
            .map(|&i| {
                let shift = (i + k - start) % k;
                let mut order: Vec<EdgeIndex> = edges.clone();
                order.rotate_left(shift);
                self.circularity(&order)
            })
            .collect();
        Cycle {
            nodes: rotated.iter().map(|&n| self.graph[n].clone()).collect(),
            edges,
            circularity,
        }
    }

    /// Circularity with `edges[0]` leaving the investor.
    fn circularity(&self, edges: &[EdgeIndex]) -> Circularity {
        let first = &self.graph[edges[0]];
        let investor = first.from.clone();
        let invested = first.invested_usd();
        let mut returned: Option<f64> = None;
        let mut unpriced = Vec::new();
        let mut legs = Vec::new();
        for &e in &edges[1..] {
            let edge = &self.graph[e];
            legs.push(format!(
                "{} → {} {}",
                self.name(&edge.from),
                self.name(&edge.to),
                edge.amount_text()
            ));
            match edge.usd() {
                Some(v) => returned = Some(returned.map_or(v, |r: f64| r.min(v))),
                None => unpriced.push(format!(
                    "{} → {} ({})",
                    self.name(&edge.from),
                    self.name(&edge.to),
                    edge.amount_text()
                )),
            }
        }
        let inv_text = invested.map_or("no dollar figure".to_owned(), |v| {
            format_value(v, &Unit::Usd)
        });
        let head = format!(
            "{} → {} invests {inv_text}; back: {}",
            self.name(&investor),
            self.name(&first.to),
            legs.join(", ")
        );
        let (returned, ratio, share, tail) = match (invested, unpriced.is_empty(), returned) {
            (Some(i), true, Some(r)) if i > 0.0 => {
                let ratio = r / i;
                let share = ratio.min(1.0);
                let tail = format!(
                    "{} of {} can return ({:.0}%{})",
                    format_value(r.min(i), &Unit::Usd),
                    format_value(i, &Unit::Usd),
                    share * 100.0,
                    if ratio > 1.0 {
                        format!("; purchases are {ratio:.1}× the investment")
                    } else {
                        String::new()
                    }
                );
                (Some(r), Some(ratio), Some(share), tail)
            }
            (_, false, _) => (
                None,
                None,
                None,
                format!(
                    "Not scored in dollars: unpriced leg {}",
                    unpriced.join(", ")
                ),
            ),
            _ => (
                returned,
                None,
                None,
                "Not scored: the investment has no dollar figure".to_owned(),
            ),
        };
        Circularity {
            investor,
            invested,
            returned,
            ratio,
            share,
            explanation: format!("{head}. {tail}"),
        }
    }
}
