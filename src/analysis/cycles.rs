//! Elementary cycles of a directed graph.
//!
//! petgraph finds the strongly connected components (Tarjan); within each, a backtracking search
//! from every node `s` follows only nodes of the same component with a higher index than `s`, so
//! each elementary cycle is found exactly once, starting at its lowest node. Money networks have
//! tens of nodes, where this is instant; the number of cycles can grow exponentially in general.

use petgraph::Direction;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

/// Every elementary cycle (no node twice) as its node sequence, starting at its lowest node
/// index; the closing edge back to the first node is implied. Self-loops are cycles of length 1.
/// Ordered by length, then by node indices.
pub fn elementary_cycles<N, E>(g: &DiGraph<N, E>) -> Vec<Vec<NodeIndex>> {
    let mut comp = vec![usize::MAX; g.node_count()];
    for (i, scc) in tarjan_scc(g).iter().enumerate() {
        for n in scc {
            comp[n.index()] = i;
        }
    }
    let mut out = Vec::new();
    for s in g.node_indices() {
        let mut path = vec![s];
        let mut on_path = vec![false; g.node_count()];
        on_path[s.index()] = true;
        search(g, s, s, &comp, &mut path, &mut on_path, &mut out);
    }
    out.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    out
}

fn neighbours<N, E>(g: &DiGraph<N, E>, v: NodeIndex) -> Vec<NodeIndex> {
    let mut ns: Vec<NodeIndex> = g.neighbors_directed(v, Direction::Outgoing).collect();
    ns.sort();
    ns.dedup();
    ns
}

fn search<N, E>(
    g: &DiGraph<N, E>,
    s: NodeIndex,
    v: NodeIndex,
    comp: &[usize],
    path: &mut Vec<NodeIndex>,
    on_path: &mut [bool],
    out: &mut Vec<Vec<NodeIndex>>,
) {
    for w in neighbours(g, v) {
        if w == s {
            out.push(path.clone());
        } else if w > s && comp[w.index()] == comp[s.index()] && !on_path[w.index()] {
            path.push(w);
            on_path[w.index()] = true;
            search(g, s, w, comp, path, on_path, out);
            on_path[w.index()] = false;
            path.pop();
        }
    }
}
