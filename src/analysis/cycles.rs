//! Elementary cycles of a directed graph.
//!
//! petgraph finds the strongly connected components (Tarjan); within each, a backtracking search
//! from every node `s` follows only nodes of the same component with a higher index than `s`, so
//! each elementary cycle is found exactly once, starting at its lowest node. Money networks have
//! tens of nodes, where this is instant; the number of cycles can grow exponentially in general,
//! so the search is bounded: loops of at most [`MAX_CYCLE_LEN`] parties, at most [`MAX_CYCLES`] of
//! them, shortest first (a dense 200-party network has millions of long loops, none readable).

use petgraph::Direction;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

/// The longest loop searched for, in parties.
pub const MAX_CYCLE_LEN: usize = 5;

/// The most loops returned.
pub const MAX_CYCLES: usize = 200;

/// Every elementary cycle (no node twice) of at most [`MAX_CYCLE_LEN`] nodes, at most
/// [`MAX_CYCLES`] of them, shortest first, as its node sequence starting at its lowest node
/// index; the closing edge back to the first node is implied. Self-loops are cycles of length 1.
/// Ordered by length, then by node indices.
pub fn elementary_cycles<N, E>(g: &DiGraph<N, E>) -> Vec<Vec<NodeIndex>> {
    let mut comp = vec![usize::MAX; g.node_count()];
    for (i, scc) in tarjan_scc(g).iter().enumerate() {
        for n in scc {
            comp[n.index()] = i;
        }
    }
    let adj: Vec<Vec<NodeIndex>> = g.node_indices().map(|v| neighbours(g, v)).collect();
    let mut out = Vec::new();
    // Length by length, so that the cap keeps the shortest loops.
    for len in 1..=MAX_CYCLE_LEN {
        let mut found = Vec::new();
        for s in g.node_indices() {
            let mut path = vec![s];
            let mut on_path = vec![false; g.node_count()];
            on_path[s.index()] = true;
            let mut search = Search {
                adj: &adj,
                s,
                comp: &comp,
                len,
                out: &mut found,
                cap: MAX_CYCLES - out.len(),
            };
            search.run(s, &mut path, &mut on_path);
            if found.len() >= MAX_CYCLES - out.len() {
                break;
            }
        }
        found.sort();
        out.extend(found);
        if out.len() >= MAX_CYCLES {
            out.truncate(MAX_CYCLES);
            break;
        }
    }
    out
}

fn neighbours<N, E>(g: &DiGraph<N, E>, v: NodeIndex) -> Vec<NodeIndex> {
    let mut ns: Vec<NodeIndex> = g.neighbors_directed(v, Direction::Outgoing).collect();
    ns.sort();
    ns.dedup();
    ns
}

struct Search<'a> {
    adj: &'a [Vec<NodeIndex>],
    s: NodeIndex,
    comp: &'a [usize],
    /// The exact cycle length wanted.
    len: usize,
    out: &'a mut Vec<Vec<NodeIndex>>,
    cap: usize,
}

impl Search<'_> {
    fn run(&mut self, v: NodeIndex, path: &mut Vec<NodeIndex>, on_path: &mut [bool]) {
        for &w in &self.adj[v.index()] {
            if self.out.len() >= self.cap {
                return;
            }
            if w == self.s {
                if path.len() == self.len {
                    self.out.push(path.clone());
                }
            } else if path.len() < self.len
                && w > self.s
                && self.comp[w.index()] == self.comp[self.s.index()]
                && !on_path[w.index()]
            {
                path.push(w);
                on_path[w.index()] = true;
                self.run(w, path, on_path);
                on_path[w.index()] = false;
                path.pop();
            }
        }
    }
}
