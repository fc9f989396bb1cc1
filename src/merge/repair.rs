//! After every list is merged on its own, the result is made whole again: an item one side
//! deleted but the other still refers to comes back (with a conflict saying so), evidence whose
//! document text changed is found again or flagged orphaned, and the rare cross-field breakage
//! (a parent loop made of two edits, a range past a shorter text) is undone into a conflict.
//! The merged workspace must pass `check` like any saved one.

use super::fields::to_ron;
use super::items::Item;
use super::{ItemKind, Recorder};
use crate::model::{Claim, EntityId, SourceDocument, Workspace};
use std::collections::{HashMap, HashSet};

/// Items deleted by one side, kept aside until nothing refers to them.
#[derive(Default)]
pub struct Graveyard {
    /// Deleted entities, by id, and whether OURS deleted them.
    pub entities: HashMap<String, (crate::model::Entity, bool)>,
    /// Deleted documents (as entities).
    pub documents: HashMap<String, (SourceDocument, bool)>,
    /// Deleted claims (as entities).
    pub claims: HashMap<String, (Claim, bool)>,
}

/// Brings back a deleted item still referred to, recording why (unless a conflict on the whole
/// item already says it).
fn revive<T: Item>(
    grave: &mut HashMap<String, (T, bool)>,
    id: &str,
    into: &mut Vec<T>,
    rec: &mut Recorder,
) -> bool {
    let Some((item, by_ours)) = grave.remove(id) else {
        return false;
    };
    if !rec.has_whole(T::KIND, id) {
        // Untouched on the side that kept it (else the deletion is a conflict already).
        let text = to_ron(&item);
        let (ours, theirs) = if by_ours {
            (None, Some(text.clone()))
        } else {
            (Some(text.clone()), None)
        };
        rec.whole(T::KIND, id, Some(text), ours, theirs);
    }
    into.push(item);
    true
}

/// Restores deleted items that the result still refers to, until nothing dangles.
fn restore_referenced(ws: &mut Workspace, grave: &mut Graveyard, rec: &mut Recorder) {
    if grave.entities.is_empty() && grave.documents.is_empty() && grave.claims.is_empty() {
        return;
    }
    loop {
        let mut changed = false;
        let ents: HashSet<String> = ws.entities.iter().map(|e| e.id.0.clone()).collect();
        let docs: HashSet<String> = ws.documents.iter().map(|d| d.id.0.clone()).collect();
        let claims: HashSet<String> = ws.claims.iter().map(|c| c.id.0.clone()).collect();
        let mut want_ents: Vec<String> = Vec::new();
        let mut want_docs: Vec<String> = Vec::new();
        let mut want_claims: Vec<String> = Vec::new();
        for c in &ws.claims {
            for e in c.subject.iter().chain(c.counterparty.iter()) {
                if !ents.contains(e.as_str()) {
                    want_ents.push(e.0.clone());
                }
            }
            for ev in &c.evidence {
                if !docs.contains(ev.doc.as_str()) {
                    want_docs.push(ev.doc.0.clone());
                }
            }
        }
        for e in &ws.entities {
            if let Some(p) = &e.parent
                && !ents.contains(p.as_str())
            {
                want_ents.push(p.0.clone());
            }
        }
        for r in &ws.resolutions {
            for id in r.claim_ids() {
                if !claims.contains(id.as_str()) {
                    want_claims.push(id.0.clone());
                }
            }
        }
        for ch in &ws.charts {
            for e in chart_entities(&ch.spec) {
                if !ents.contains(e.as_str()) {
                    want_ents.push(e.0.clone());
                }
            }
        }
        for id in want_ents {
            changed |= revive(&mut grave.entities, &id, &mut ws.entities, rec);
        }
        for id in want_docs {
            changed |= revive(&mut grave.documents, &id, &mut ws.documents, rec);
        }
        for id in want_claims {
            changed |= revive(&mut grave.claims, &id, &mut ws.claims, rec);
        }
        if !changed {
            break;
        }
    }
}

fn chart_entities(spec: &crate::model::ChartSpec) -> Vec<&EntityId> {
    use crate::model::ChartSpec;
    match spec {
        ChartSpec::Valuation { entities } => entities.iter().collect(),
        ChartSpec::Commitments { entity, .. } => vec![entity],
        ChartSpec::Figures { parties, .. } => parties.iter().collect(),
    }
}

/// Evidence whose quote no longer sits at its anchor (its document's text came from the other
/// side) is found again, else flagged orphaned — kept, visible, never moved silently.
fn reanchor_evidence(ws: &mut Workspace) -> usize {
    let texts: HashMap<&str, &str> = ws
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let mut orphaned = 0;
    for c in &mut ws.claims {
        for ev in &mut c.evidence {
            let Some(text) = texts.get(ev.doc.as_str()) else {
                continue;
            };
            if ev.orphaned || ev.anchor.validate(text).is_ok() {
                continue;
            }
            match crate::anchoring::reanchor(&ev.anchor, text) {
                (Some(a), _) => ev.anchor = a,
                (None, _) => {
                    ev.orphaned = true;
                    orphaned += 1;
                }
            }
        }
    }
    orphaned
}

/// Excluded and rejected spans that no longer fit their document's text (the text came from one
/// side, the spans from the other) are taken out into a conflict.
fn fit_ranges(ws: &mut Workspace, rec: &mut Recorder) {
    for d in &mut ws.documents {
        let text = &d.text;
        let fits = |r: &crate::model::TextRange| r.fits(text);
        for (name, list) in [("excluded", &mut d.excluded), ("rejected", &mut d.rejected)] {
            if list.iter().all(fits) {
                continue;
            }
            let before = to_ron(&*list);
            list.retain(fits);
            rec.field(
                ItemKind::Document,
                d.id.as_str(),
                name,
                None,
                Some(to_ron(&*list)),
                Some(before),
            );
        }
    }
}

/// Two edits that each kept the parent chain acyclic can close a loop together (AWS → Amazon on
/// one side, Amazon → AWS on the other): the parent of one entity on the loop is cleared and
/// recorded as a conflict.
fn break_parent_loops(ws: &mut Workspace, rec: &mut Recorder) {
    loop {
        let parent: HashMap<&str, &str> = ws
            .entities
            .iter()
            .filter_map(|e| Some((e.id.as_str(), e.parent.as_ref()?.as_str())))
            .collect();
        let mut culprit = None;
        'outer: for start in parent.keys() {
            let mut seen = HashSet::new();
            let mut cur = *start;
            while let Some(p) = parent.get(cur) {
                if !seen.insert(cur) {
                    // `cur` is on a loop: pick its largest id for a deterministic choice.
                    let mut on_loop = vec![cur];
                    let mut x = parent[cur];
                    while x != cur {
                        on_loop.push(x);
                        x = parent[x];
                    }
                    culprit = on_loop.into_iter().max().map(str::to_owned);
                    break 'outer;
                }
                cur = p;
            }
        }
        let Some(id) = culprit else {
            return;
        };
        if let Some(e) = ws.entities.iter_mut().find(|e| e.id.as_str() == id) {
            let was = e.parent.take();
            rec.field(
                ItemKind::Entity,
                &id,
                "parent",
                None,
                Some(to_ron(&None::<EntityId>)),
                Some(to_ron(&was)),
            );
        }
    }
}

/// A resolution whose preferred claim is not among its claims (its two fields came from
/// different sides) keeps its claims and loses the preference into a conflict.
fn fit_resolutions(ws: &mut Workspace, rec: &mut Recorder) {
    for r in &mut ws.resolutions {
        if let Some(p) = &r.preferred
            && !r.claims.contains(p)
        {
            let was = r.preferred.take();
            rec.field(
                ItemKind::Resolution,
                &r.finding,
                "preferred",
                None,
                Some(to_ron(&None::<crate::model::ClaimId>)),
                Some(to_ron(&was)),
            );
        }
    }
}

/// Makes the merged workspace whole; returns how much evidence was orphaned.
pub fn repair(ws: &mut Workspace, grave: &mut Graveyard, rec: &mut Recorder) -> usize {
    restore_referenced(ws, grave, rec);
    fit_ranges(ws, rec);
    break_parent_loops(ws, rec);
    fit_resolutions(ws, rec);
    reanchor_evidence(ws)
}
