//! Before items are matched by id: new items that took the same next id on both sides get a fresh
//! id on THEIRS' side (every reference to them rewritten), and an article imported on both sides
//! (same text hash or same address) is matched to OURS' copy so the two become one document.
//!
//! Only THEIRS is renamed: OURS is the analyst's own copy (git's `%A`), whose ids they may already
//! have written down.

use crate::analysis::findings::finding_id;
use crate::model::{ClaimId, DocId, Workspace};
use std::collections::{HashMap, HashSet};

/// What was renamed on THEIRS' side, old id → new id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Renames {
    /// Documents renumbered or matched to OURS' copy of the same article.
    pub documents: HashMap<String, String>,
    /// Claims renumbered.
    pub claims: HashMap<String, String>,
    /// Charts renumbered.
    pub charts: HashMap<String, String>,
    /// How many of `documents` are the same article imported on both sides.
    pub same_article: usize,
}

impl Renames {
    /// How many items were renumbered (not counting articles matched to OURS' copy).
    pub fn renumbered(&self) -> usize {
        self.documents.len() - self.same_article + self.claims.len() + self.charts.len()
    }
}

/// How ids of one kind are numbered: the number of an id (`None` for free-form ids, which are
/// merged field by field instead of renumbered), and the id of a number.
struct Numbering {
    number: fn(&str) -> Option<u64>,
    make: fn(u64) -> String,
}

/// Plans which of THEIRS' new ids collide with OURS' new ids. `alias` proposes, for a new THEIRS
/// item, a new OURS item it is the same as (same article); `ids` says how ids are numbered.
fn plan<'a, T>(
    base: impl Iterator<Item = &'a str>,
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&T) -> &str,
    ids: Numbering,
    alias: impl Fn(&T) -> Option<&'a str>,
    renumber: bool,
) -> (HashMap<String, String>, usize)
where
    T: PartialEq + 'a,
{
    let base: HashSet<&str> = base.collect();
    let ours_new: HashMap<&str, &T> = ours
        .iter()
        .filter(|o| !base.contains(key(o)))
        .map(|o| (key(o), o))
        .collect();
    let mut next = base
        .iter()
        .copied()
        .chain(ours.iter().map(&key))
        .chain(theirs.iter().map(&key))
        .filter_map(ids.number)
        .max()
        .unwrap_or(0);
    let mut map = HashMap::new();
    let mut targets = HashSet::new();
    let mut matched = HashSet::new();
    let new_theirs = || theirs.iter().filter(|t| !base.contains(key(t)));
    for t in new_theirs() {
        if let Some(o) = alias(t)
            && targets.insert(o)
        {
            matched.insert(key(t));
            map.insert(key(t).to_owned(), o.to_owned());
        }
    }
    // Matched under the same id already: not a rename, but the id is taken.
    map.retain(|k, v| k != v);
    let aliased = map.len();
    for t in new_theirs().filter(|_| renumber) {
        let id = key(t);
        if matched.contains(id) || (ids.number)(id).is_none() && !targets.contains(id) {
            continue;
        }
        let clash = ours_new.get(id).is_some_and(|o| *o != t) || targets.contains(id);
        if clash {
            next += 1;
            map.insert(id.to_owned(), (ids.make)(next));
        }
    }
    (map, aliased)
}

/// Renames THEIRS' colliding new items and rewrites every reference to them in THEIRS.
/// Without `renumber` (a merge with no common ancestor), an id on both sides names one item.
pub fn align_theirs(
    base: &Workspace,
    ours: &Workspace,
    theirs: &mut Workspace,
    renumber: bool,
) -> Renames {
    let by_hash: HashMap<&str, &str> = ours
        .documents
        .iter()
        .filter(|d| !d.sha256.is_empty())
        .map(|d| (d.sha256.as_str(), d.id.as_str()))
        .collect();
    let by_url: HashMap<&str, &str> = ours
        .documents
        .iter()
        .filter_map(|d| {
            Some((
                d.url.as_deref().filter(|u| !u.trim().is_empty())?,
                d.id.as_str(),
            ))
        })
        .collect();
    let base_docs: HashSet<&str> = base.documents.iter().map(|d| d.id.as_str()).collect();
    let (documents, same_article) = plan(
        base.documents.iter().map(|d| d.id.as_str()),
        &ours.documents,
        &theirs.documents,
        |d| d.id.as_str(),
        Numbering {
            number: |id| DocId::from(id).number().or(Some(0)),
            make: |n| DocId::numbered(n).0,
        },
        |t| {
            let o = by_hash
                .get(t.sha256.as_str())
                .or_else(|| t.url.as_deref().and_then(|u| by_url.get(u)))?;
            // Only an article new on OURS' side too: one already in the base is a re-import.
            (!base_docs.contains(o)).then_some(*o)
        },
        renumber,
    );
    let (claims, _) = plan(
        base.claims.iter().map(|c| c.id.as_str()),
        &ours.claims,
        &theirs.claims,
        |c| c.id.as_str(),
        Numbering {
            number: |id| ClaimId::from(id).number().or(Some(0)),
            make: |n| ClaimId::numbered(n).0,
        },
        |_| None,
        renumber,
    );
    let (charts, _) = plan(
        base.charts.iter().map(|c| c.id.as_str()),
        &ours.charts,
        &theirs.charts,
        |c| c.id.as_str(),
        Numbering {
            number: |id| crate::model::ChartId::from(id).number(),
            make: |n| crate::model::ChartId::numbered(n).0,
        },
        |_| None,
        renumber,
    );
    let renames = Renames {
        documents,
        claims,
        charts,
        same_article,
    };
    rewrite(theirs, &renames);
    renames
}

/// Applies `renames` to THEIRS' items and every reference to them.
fn rewrite(ws: &mut Workspace, r: &Renames) {
    let get = |m: &HashMap<String, String>, id: &str| m.get(id).cloned();
    if !r.documents.is_empty() {
        for d in &mut ws.documents {
            if let Some(n) = get(&r.documents, d.id.as_str()) {
                d.id = DocId(n);
            }
        }
    }
    for c in &mut ws.claims {
        if let Some(n) = get(&r.claims, c.id.as_str()) {
            c.id = ClaimId(n);
        }
        if !r.documents.is_empty() {
            for e in &mut c.evidence {
                if let Some(n) = get(&r.documents, e.doc.as_str()) {
                    e.doc = DocId(n);
                }
            }
        }
    }
    for ch in &mut ws.charts {
        if let Some(n) = get(&r.charts, ch.id.as_str()) {
            ch.id = crate::model::ChartId(n);
        }
    }
    if !r.claims.is_empty() {
        for res in &mut ws.resolutions {
            let mut touched = false;
            for id in res.claims.iter_mut().chain(res.preferred.iter_mut()) {
                if let Some(n) = get(&r.claims, id.as_str()) {
                    *id = ClaimId(n);
                    touched = true;
                }
            }
            if touched && let Some((prefix, ids)) = res.finding.split_once(':') {
                let ids: Vec<ClaimId> = ids
                    .split('+')
                    .map(|id| ClaimId(get(&r.claims, id).unwrap_or_else(|| id.to_owned())))
                    .collect();
                res.finding = finding_id(prefix, &ids);
            }
        }
    }
    super::rename_conflict_items(ws, r);
}
