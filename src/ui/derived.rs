//! The derived-data layer: what the panes show that is computed from the whole workspace (the
//! status bar's counts, claims per document and per entity) and the record of what each edit
//! changed, kept current from the actions the history applied rather than rebuilt per revision.
//!
//! At 100,000 claims every whole rebuild (counting evidence, claims per document, a document's
//! highlights, the Claims table's row order and search texts, the open proposals) walks every
//! claim, and the frame after an edit paid for all of them at once. [`Derived::follow`] reads the
//! history's journal once per frame, before the journal is dropped, and turns the actions into a
//! [`Change`]: which claims were replaced, added or removed, which documents their evidence was
//! in before and after, and whether documents or entities changed. The counts here are updated
//! from it by subtracting what a changed claim counted before and adding what it counts now;
//! panes that keep their own derived values (highlights, rows, search texts, proposals) ask
//! [`Derived::since`] what changed after the stamp of their value and patch it, and rebuild it
//! whole only when the journal does not reach back (another workspace was opened, hundreds of
//! actions went by).

use crate::action::{Action, History, JournalMark};
use crate::model::{Claim, ClaimId, ClaimKind, DocId, EntityId, Figure, Workspace};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::Arc;

/// What the actions applied between two stamps changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Claims replaced, created or deleted.
    pub claims: HashSet<ClaimId>,
    /// The documents the changed claims had evidence in, before or after the change.
    pub docs: HashSet<DocId>,
    /// Claims were created or deleted: positions in `claims` moved.
    pub reordered: bool,
    /// Documents were added, removed or replaced.
    pub documents: bool,
    /// Entities were added, removed or replaced (names shown and searched may differ).
    pub entities: bool,
    /// The changed claims' earlier documents are not known (`docs` is not complete).
    pub docs_unknown: bool,
}

impl Change {
    /// Takes note of one applied action.
    fn add(&mut self, action: &Action) {
        match action {
            Action::CreateClaim { claim, .. } => {
                self.claims.insert(claim.id.clone());
                self.reordered = true;
            }
            Action::DeleteClaim(id) => {
                self.claims.insert(id.clone());
                self.reordered = true;
            }
            Action::ReplaceClaim(c) => {
                self.claims.insert(c.id.clone());
            }
            Action::AddDocument { .. } | Action::RemoveDocument(_) | Action::ReplaceDocument(_) => {
                self.documents = true
            }
            Action::AddEntity { .. } | Action::RemoveEntity(_) | Action::ReplaceEntity(_) => {
                self.entities = true
            }
            Action::Batch(all) => all.iter().for_each(|a| self.add(a)),
            Action::SetTitle(_)
            | Action::SetResolutions(_)
            | Action::AddChart { .. }
            | Action::RemoveChart(_)
            | Action::ReplaceChart(_)
            | Action::SetConflicts(_)
            | Action::SetFeeds(_) => {}
        }
    }

    fn merge(&mut self, other: &Change) {
        self.claims.extend(other.claims.iter().cloned());
        self.docs.extend(other.docs.iter().cloned());
        self.reordered |= other.reordered;
        self.documents |= other.documents;
        self.entities |= other.entities;
        self.docs_unknown |= other.docs_unknown;
    }

    /// Only claims were replaced in place (none added or removed, no document or entity
    /// changed): a value over claim positions can be patched at the changed claims.
    pub fn claims_in_place(&self) -> bool {
        !self.reordered && !self.documents && !self.entities
    }

    /// Whether the change can alter what is derived for document `doc` from the claims'
    /// evidence (its highlights, its open proposals).
    pub fn touches_document(&self, doc: &DocId) -> bool {
        self.documents || self.docs_unknown || self.docs.contains(doc)
    }
}

/// What one claim counts for: kept per claim so that an edit subtracts the old contribution.
#[derive(Clone, Debug, Default)]
struct ClaimFact {
    evidence: usize,
    /// Its evidence's documents, each once.
    docs: Vec<DocId>,
    /// Subject and counterparty, each once (a claim naming one entity twice counts once).
    parties: Vec<EntityId>,
}

impl ClaimFact {
    fn of(c: &Claim) -> Self {
        let mut docs: Vec<DocId> = Vec::new();
        for e in &c.evidence {
            if !docs.contains(&e.doc) {
                docs.push(e.doc.clone());
            }
        }
        let mut parties: Vec<EntityId> = Vec::new();
        for p in [&c.subject, &c.counterparty].into_iter().flatten() {
            if !parties.contains(p) {
                parties.push(p.clone());
            }
        }
        Self {
            evidence: c.evidence.len(),
            docs,
            parties,
        }
    }
}

/// Counts over every claim, with each claim's part in them.
#[derive(Debug, Default)]
struct Counts {
    per_claim: HashMap<ClaimId, ClaimFact>,
    evidence: usize,
    per_doc: Arc<HashMap<DocId, usize>>,
    per_entity: Arc<HashMap<EntityId, usize>>,
}

impl Counts {
    fn of(ws: &Workspace) -> Self {
        let mut out = Counts {
            per_claim: HashMap::with_capacity(ws.claims.len()),
            ..Default::default()
        };
        for c in &ws.claims {
            out.add(c.id.clone(), ClaimFact::of(c));
        }
        out
    }

    fn add(&mut self, id: ClaimId, f: ClaimFact) {
        self.evidence += f.evidence;
        let per_doc = Arc::make_mut(&mut self.per_doc);
        for d in &f.docs {
            *per_doc.entry(d.clone()).or_insert(0) += 1;
        }
        let per_entity = Arc::make_mut(&mut self.per_entity);
        for p in &f.parties {
            *per_entity.entry(p.clone()).or_insert(0) += 1;
        }
        self.per_claim.insert(id, f);
    }

    fn remove(&mut self, id: &ClaimId) -> Option<ClaimFact> {
        let f = self.per_claim.remove(id)?;
        self.evidence -= f.evidence;
        let per_doc = Arc::make_mut(&mut self.per_doc);
        for d in &f.docs {
            if let Some(n) = per_doc.get_mut(d) {
                *n -= 1;
                if *n == 0 {
                    per_doc.remove(d);
                }
            }
        }
        let per_entity = Arc::make_mut(&mut self.per_entity);
        for p in &f.parties {
            if let Some(n) = per_entity.get_mut(p) {
                *n -= 1;
                if *n == 0 {
                    per_entity.remove(p);
                }
            }
        }
        Some(f)
    }
}

/// One evidence span in a document, with what the panes need of its claim: the Reader colours
/// it by kind, the open proposals are those no span of a claim with the same figure covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// The claim it supports.
    pub claim: ClaimId,
    /// The claim's kind.
    pub kind: ClaimKind,
    /// The claim's figure.
    pub figure: Option<Figure>,
    /// The evidence lost its place when the text was replaced (not highlighted).
    pub orphaned: bool,
}

/// The spans of claim `c` (at position `i`) in `doc`, in evidence order.
fn spans_in<'a>(c: &'a Claim, doc: &'a DocId) -> impl Iterator<Item = Span> + 'a {
    c.evidence
        .iter()
        .filter(move |e| &e.doc == doc)
        .map(|e| Span {
            range: e.anchor.range(),
            claim: c.id.clone(),
            kind: c.kind,
            figure: c.figure.clone(),
            orphaned: e.orphaned,
        })
}

/// Every evidence span in `doc`, by range, then claim position, then evidence order: one walk
/// over every claim, done once per document looked at; edits then patch the list
/// ([`patch_spans`]).
pub fn doc_spans(ws: &Workspace, doc: &DocId) -> Vec<Span> {
    let mut out: Vec<Span> = ws.claims.iter().flat_map(|c| spans_in(c, doc)).collect();
    out.sort_by_key(|s| (s.range.start, s.range.end));
    out
}

/// Whether `id` is among `changed`: a comparison per id for the usual handful (hashing every
/// span's id of a large document cost more than the patch itself).
fn among(changed: &[&ClaimId], set: &HashSet<ClaimId>, id: &ClaimId) -> bool {
    if changed.len() <= 8 {
        changed.contains(&id)
    } else {
        set.contains(id)
    }
}

/// `list` (a [`doc_spans`] list of `doc`, made before the claims `changed` were edited) brought
/// up to date in place: their spans are taken out and their current ones put where
/// [`doc_spans`] would have them, without a walk over every claim. `key` maps a span to the
/// item kept; the order of items of one range is by claim position. Returns whether anything
/// was taken out or put in.
pub fn patch_spans<T>(
    list: &mut Vec<T>,
    ws: &Workspace,
    doc: &DocId,
    changed: &HashSet<ClaimId>,
    make: impl Fn(Span) -> Option<T>,
    key: impl Fn(&T) -> (&Range<usize>, &ClaimId),
) -> bool {
    let ids: Vec<&ClaimId> = changed.iter().collect();
    let before = list.len();
    list.retain(|x| !among(&ids, changed, key(x).1));
    let mut touched = list.len() != before;
    let mut fresh: Vec<(usize, T)> = ids
        .iter()
        .filter_map(|id| ws.claim_position(id))
        .flat_map(|i| spans_in(&ws.claims[i], doc).map(move |s| (i, s)))
        .filter_map(|(i, s)| make(s).map(|t| (i, t)))
        .collect();
    // By claim position, each claim's spans in evidence order (stable).
    fresh.sort_by_key(|(i, _)| *i);
    let pos = |id: &ClaimId| ws.claim_position(id).unwrap_or(usize::MAX);
    for (i, t) in fresh {
        let (r, _) = key(&t);
        let k = (r.start, r.end);
        let lo = list.partition_point(|x| (key(x).0.start, key(x).0.end) < k);
        let hi = lo + list[lo..].partition_point(|x| (key(x).0.start, key(x).0.end) <= k);
        let at = lo + list[lo..hi].partition_point(|x| pos(key(x).1) <= i);
        list.insert(at, t);
        touched = true;
    }
    touched
}

/// How many documents' span lists are kept (the open one and a few looked at before it).
const SPAN_DOCS: usize = 4;

/// How many changes are kept for panes that were not drawn for a while; one that falls further
/// behind rebuilds its value whole.
const KEPT: usize = 512;

/// The derived values of the app's workspace and the changes that led to them.
#[derive(Debug, Default)]
pub struct Derived {
    /// The history journal position followed up to.
    mark: Option<JournalMark>,
    /// Counts one up per followed change; panes keep the stamp their value was made at.
    stamp: u64,
    /// The changes, each with the stamp it led to, oldest first.
    log: VecDeque<(u64, Change)>,
    /// Changes before this stamp are not known (a whole rebuild was needed then).
    known_from: u64,
    /// The counts and the history revision they are for (`None` until first asked for).
    counts: Option<(u64, Counts)>,
    /// The status bar's counts line and the revision it was written for.
    line: Option<(u64, String)>,
    /// How many times the counts were built over every claim (tests check that edits do not).
    pub full_counts: u64,
    /// The evidence spans of the documents looked at lately, most recent first, kept current
    /// from the edits (see [`Derived::spans`]).
    spans: Vec<(DocId, Arc<Vec<Span>>)>,
    /// How many times a document's spans were gathered from every claim.
    pub full_spans: u64,
}

impl Derived {
    /// Takes note of the actions `history` applied to `ws` since the last call, and brings the
    /// counts up to date. The app calls it once a frame, before the journal is dropped and
    /// before any pane is drawn.
    pub fn follow(&mut self, history: &History, ws: &Workspace) {
        let mark = history.journal_mark();
        if self.mark == Some(mark) {
            return;
        }
        let change = self
            .mark
            .and_then(|m| history.journal_since(m))
            .map(|actions| {
                let mut c = Change::default();
                actions.for_each(|a| c.add(a));
                c
            });
        self.mark = Some(mark);
        self.stamp += 1;
        let Some(mut change) = change else {
            // Not known: every value is rebuilt on next use.
            self.log.clear();
            self.known_from = self.stamp;
            self.counts = None;
            self.line = None;
            self.spans.clear();
            return;
        };
        let revision = history.revision();
        match &mut self.counts {
            Some((r, counts)) => {
                for id in &change.claims {
                    if let Some(old) = counts.remove(id) {
                        change.docs.extend(old.docs);
                    }
                    if let Some(c) = ws.claim(id) {
                        let f = ClaimFact::of(c);
                        change.docs.extend(f.docs.iter().cloned());
                        counts.add(id.clone(), f);
                    }
                }
                *r = revision;
            }
            None => {
                // No counts to learn the claims' old documents from: any document may be
                // touched.
                change.docs_unknown = !change.claims.is_empty();
            }
        }
        if !change.claims.is_empty() {
            for (doc, list) in &mut self.spans {
                // Edits of claims with no evidence in the document leave its spans as they
                // are (and the list unshared).
                if change.touches_document(doc) {
                    let list = Arc::make_mut(list);
                    patch_spans(list, ws, doc, &change.claims, Some, |s| {
                        (&s.range, &s.claim)
                    });
                }
            }
        }
        self.log.push_back((self.stamp, change));
        if self.log.len() > KEPT
            && let Some((s, _)) = self.log.pop_front()
        {
            self.known_from = s;
        }
    }

    /// The current stamp: what a pane records beside a value it derived now.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Everything that changed after `stamp`, or `None` when that is not known (the value made
    /// then must be rebuilt whole).
    pub fn since(&self, stamp: u64) -> Option<Change> {
        if stamp < self.known_from || stamp > self.stamp {
            return None;
        }
        let mut out = Change::default();
        for (s, c) in &self.log {
            if *s > stamp {
                out.merge(c);
            }
        }
        Some(out)
    }

    /// Every evidence span in `doc` ([`doc_spans`]) as of the last [`Derived::follow`]:
    /// gathered from every claim the first time a document is asked for, then patched from the
    /// edits. The list is shared; holding it past the frame makes the next patch copy it.
    pub fn spans(&mut self, ws: &Workspace, doc: &DocId) -> Arc<Vec<Span>> {
        let list = match self.spans.iter().position(|(d, _)| d == doc) {
            Some(i) => self.spans.remove(i).1,
            None => {
                self.full_spans += 1;
                Arc::new(doc_spans(ws, doc))
            }
        };
        self.spans.insert(0, (doc.clone(), list.clone()));
        self.spans.truncate(SPAN_DOCS);
        list
    }

    /// Whether the spans of `doc` are kept (asking for them then costs no walk).
    pub fn has_spans(&self, doc: &DocId) -> bool {
        self.spans.iter().any(|(d, _)| d == doc)
    }

    fn counts(&mut self, ws: &Workspace, revision: u64) -> &Counts {
        if self.counts.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.full_counts += 1;
            self.counts = Some((revision, Counts::of(ws)));
        }
        match &self.counts {
            Some((_, c)) => c,
            None => unreachable!("set above"),
        }
    }

    /// `documents: N  entities: N  claims: N  evidence: N` (see [`Workspace::counts_line`]) at
    /// history revision `revision`.
    pub fn counts_line(&mut self, ws: &Workspace, revision: u64) -> &str {
        if self.line.as_ref().is_none_or(|(r, _)| *r != revision) {
            let evidence = self.counts(ws, revision).evidence;
            let text = format!(
                "documents: {}  entities: {}  claims: {}  evidence: {evidence}",
                ws.documents.len(),
                ws.entities.len(),
                ws.claims.len(),
            );
            self.line = Some((revision, text));
        }
        self.line.as_ref().map_or("", |(_, t)| t.as_str())
    }

    /// How many claims have evidence in each document (see [`Workspace::claims_per_document`]).
    pub fn claims_per_document(
        &mut self,
        ws: &Workspace,
        revision: u64,
    ) -> Arc<HashMap<DocId, usize>> {
        self.counts(ws, revision).per_doc.clone()
    }

    /// How many claims name each entity as subject or counterparty (once per claim).
    pub fn claims_per_entity(
        &mut self,
        ws: &Workspace,
        revision: u64,
    ) -> Arc<HashMap<EntityId, usize>> {
        self.counts(ws, revision).per_entity.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(ws: &mut Workspace, h: &mut History, d: &mut Derived, a: Action) {
        h.apply(ws, a, "edit", None).expect("applies");
        d.follow(h, ws);
        h.forget_journal();
    }

    fn per_entity(ws: &Workspace) -> HashMap<EntityId, usize> {
        let mut m = HashMap::new();
        for c in &ws.claims {
            for p in ClaimFact::of(c).parties {
                *m.entry(p).or_insert(0) += 1;
            }
        }
        m
    }

    #[test]
    fn counts_follow_edits_without_a_recount() {
        let mut ws = crate::sample::sample_workspace().expect("sample");
        let mut h = History::default();
        let mut d = Derived::default();
        d.follow(&h, &ws);
        assert_eq!(d.counts_line(&ws, h.revision()), ws.counts_line());
        assert_eq!(d.full_counts, 1);
        // Evidence moved to another document, a claim deleted, one created, one undone.
        let mut c = ws.claims[0].clone();
        let other = ws
            .documents
            .iter()
            .find(|x| !c.evidence.iter().any(|e| e.doc == x.id))
            .expect("another document")
            .id
            .clone();
        let mut extra = c.evidence[0].clone();
        extra.doc = other.clone();
        c.evidence.push(extra);
        c.counterparty = c.subject.clone();
        apply(&mut ws, &mut h, &mut d, Action::ReplaceClaim(Box::new(c)));
        let change = d.since(1).expect("known");
        assert!(change.docs.contains(&other) && change.claims_in_place());
        let gone = ws.claims[3].id.clone();
        apply(&mut ws, &mut h, &mut d, Action::DeleteClaim(gone));
        let mut new = ws.claims[1].clone();
        new.id = ClaimId::new("cl-9999");
        apply(
            &mut ws,
            &mut h,
            &mut d,
            Action::CreateClaim {
                claim: Box::new(new),
                index: Some(2),
            },
        );
        h.undo(&mut ws).expect("undo");
        d.follow(&h, &ws);
        let rev = h.revision();
        assert_eq!(d.counts_line(&ws, rev), ws.counts_line());
        let per_doc: HashMap<DocId, usize> = ws
            .claims_per_document()
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (k.clone(), n))
            .collect();
        assert_eq!(*d.claims_per_document(&ws, rev), per_doc);
        assert_eq!(*d.claims_per_entity(&ws, rev), per_entity(&ws));
        assert_eq!(d.full_counts, 1, "patched, not recounted");
        let all = d.since(1).expect("known");
        assert!(all.reordered && all.claims.len() == 3);
        assert_eq!(d.since(d.stamp()), Some(Change::default()));
        // Another workspace: nothing known, counted again.
        h.clear();
        ws.claims.truncate(2);
        d.follow(&h, &ws);
        assert_eq!(d.since(1), None);
        assert_eq!(d.counts_line(&ws, h.revision()), ws.counts_line());
        assert_eq!(d.full_counts, 2);
    }

    /// The spans kept for documents looked at equal a walk over every claim after random edits
    /// (evidence moved between documents, spans copied onto other claims so that ranges tie,
    /// figures and kinds changed, claims deleted and created, evidence orphaned), undo and
    /// redo; only the first look at each document walks the claims.
    #[test]
    fn spans_follow_edits_undo_and_redo() {
        let mut spec = crate::synth::SynthSpec::new(5, 300);
        spec.big_doc_bytes = 8_000;
        let mut ws = crate::synth::generate(&spec);
        let (mut h, mut d) = (History::default(), Derived::default());
        d.follow(&h, &ws);
        let docs: Vec<DocId> = ws.documents.iter().take(3).map(|x| x.id.clone()).collect();
        for doc in &docs {
            d.spans(&ws, doc);
        }
        assert_eq!(d.full_spans, 3);
        let mut rng = crate::synth::Rng::new(11);
        for step in 0..60 {
            let i = rng.below(ws.claims.len());
            let j = rng.below(ws.claims.len());
            let mut c = ws.claims[i].clone();
            let action = match step % 6 {
                0 => {
                    let to = &docs[rng.below(docs.len())];
                    for e in &mut c.evidence {
                        e.doc = to.clone();
                    }
                    Action::ReplaceClaim(Box::new(c))
                }
                1 => {
                    let mut e = ws.claims[j].evidence[0].clone();
                    e.orphaned = step % 4 == 1;
                    c.evidence.push(e);
                    Action::ReplaceClaim(Box::new(c))
                }
                2 => {
                    c.kind = ClaimKind::ALL[step % ClaimKind::ALL.len()];
                    c.figure = ws.claims[j].figure.clone();
                    Action::ReplaceClaim(Box::new(c))
                }
                3 => Action::DeleteClaim(c.id.clone()),
                4 => {
                    c.id = ClaimId::new(format!("new-{step}"));
                    Action::CreateClaim {
                        claim: Box::new(c),
                        index: Some(j),
                    }
                }
                _ => Action::Batch(vec![
                    Action::DeleteClaim(c.id.clone()),
                    Action::SetTitle(format!("t{step}")),
                ]),
            };
            h.apply(&mut ws, action, "edit", None).expect("applies");
            match step % 7 {
                3 => {
                    h.undo(&mut ws).expect("undo");
                }
                5 => {
                    h.undo(&mut ws).expect("undo");
                    h.redo(&mut ws).expect("redo");
                }
                _ => {}
            }
            d.follow(&h, &ws);
            h.forget_journal();
            if step % 3 == 0 {
                // The status bar asks for counts: the change then knows the old documents.
                let _ = d.counts_line(&ws, h.revision());
            }
            for doc in &docs {
                assert_eq!(*d.spans(&ws, doc), doc_spans(&ws, doc), "step {step}");
            }
        }
        assert_eq!(d.full_spans, 3, "patched, not gathered again");
        // Another workspace: gathered again.
        h.clear();
        ws.claims.truncate(10);
        d.follow(&h, &ws);
        assert_eq!(*d.spans(&ws, &docs[0]), doc_spans(&ws, &docs[0]));
        assert_eq!(d.full_spans, 4);
    }
}
