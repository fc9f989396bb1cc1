//! The workspace: everything an analyst keeps in one RON file, and its invariants.

use super::{
    Chart, Claim, ClaimId, DocId, Entity, EntityId, FeedSubscription, MergeConflict, Resolution,
    SourceDocument,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The value of the `format` field of every workspace file.
pub const FORMAT_NAME: &str = "claimbench";

/// The workspace format version this build writes. Older versions are migrated on load; newer
/// ones are refused.
///
/// - 1: the first released format.
/// - 2: the `less_than` qualifier, merge `conflicts` and feed subscriptions (`feeds`). Every
///   version-1 file is a valid version-2 file, so the migration only renumbers it.
pub const CURRENT_VERSION: u32 = 2;

/// One analyst workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Always `"claimbench"`.
    pub format: String,
    /// Format version, see [`CURRENT_VERSION`].
    pub version: u32,
    /// Shown in the window title.
    pub title: String,
    /// Companies and other parties.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Source documents with their text.
    #[serde(default)]
    pub documents: Vec<SourceDocument>,
    /// Claims with evidence.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Chart definitions.
    #[serde(default)]
    pub charts: Vec<Chart>,
    /// The analyst's verdicts on findings (contradictions and the like).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
    /// Conflicts left by a three-way merge, until someone picks a value (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<MergeConflict>,
    /// News feeds the workspace follows (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feeds: Vec<FeedSubscription>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new("Untitled workspace")
    }
}

/// Where in the workspace a problem lies, so that the loader can turn it into `line:column`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locator {
    /// The document with this id.
    Document(DocId),
    /// The entity with this id.
    Entity(EntityId),
    /// The claim with this id.
    Claim(ClaimId),
    /// The `occurrence`-th (0-based) definition of an id that is defined more than once.
    Duplicate {
        /// The repeated id.
        id: String,
        /// Which definition (1 is the first repeat).
        occurrence: usize,
    },
    /// The resolution of the finding with this id.
    Resolution(String),
    /// The file header (`format`, `version`).
    Header,
}

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub at: Locator,
    /// What kind of problem, for code that treats kinds differently (the report tolerates
    /// anchor problems, the Entities pane refuses a parent that makes a loop) without reading
    /// the message.
    pub kind: ProblemKind,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// The kinds of [`Problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file's `format` field names another format.
    Format,
    /// An id used twice in one list.
    DuplicateId,
    /// A reference to an entity or claim that is not in the workspace.
    MissingReference,
    /// Following an entity's parents comes back to it.
    ParentLoop,
    /// A figure that breaks its own rules (low above high, a value that is not finite).
    Figure,
    /// An evidence span that does not fit its document's text, or whose document is missing:
    /// what the report lists as orphaned evidence instead of refusing the file.
    Evidence,
    /// An excluded range outside its document's text.
    ExcludedRange,
    /// A resolution that prefers a claim it does not list.
    Resolution,
}

/// Makes `dst` equal to `src`, cloning only the elements that differ (a common prefix and
/// suffix are kept, so an edit, an insertion or a removal copies little). Returns how many
/// elements were cloned.
fn sync_vec<T: Clone + PartialEq>(dst: &mut Vec<T>, src: &[T]) -> usize {
    let prefix = dst.iter().zip(src).take_while(|(a, b)| a == b).count();
    let max_suffix = dst.len().min(src.len()) - prefix;
    let suffix = dst
        .iter()
        .rev()
        .zip(src.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let (dst_mid, src_mid) = (prefix..dst.len() - suffix, &src[prefix..src.len() - suffix]);
    if dst_mid.len() == src_mid.len() {
        // Same length in the middle: overwrite only the elements that differ.
        let mut n = 0;
        for (a, b) in dst[dst_mid].iter_mut().zip(src_mid) {
            if a != b {
                a.clone_from(b);
                n += 1;
            }
        }
        n
    } else {
        dst.splice(dst_mid, src_mid.iter().cloned());
        src_mid.len()
    }
}

impl Workspace {
    /// Makes `self` equal to `src` by cloning only what differs: a snapshot kept for background
    /// work (the findings of a 100,000-claim workspace) is brought up to date after an edit in a
    /// few milliseconds, where a full clone costs 40–100 ms of the UI thread. Returns how many
    /// entities, documents, claims, charts and resolutions were copied.
    pub fn sync_from(&mut self, src: &Workspace) -> usize {
        self.format.clone_from(&src.format);
        self.version = src.version;
        self.title.clone_from(&src.title);
        sync_vec(&mut self.entities, &src.entities)
            + sync_vec(&mut self.documents, &src.documents)
            + sync_vec(&mut self.claims, &src.claims)
            + sync_vec(&mut self.charts, &src.charts)
            + sync_vec(&mut self.resolutions, &src.resolutions)
            + sync_vec(&mut self.conflicts, &src.conflicts)
            + sync_vec(&mut self.feeds, &src.feeds)
    }

    /// An empty workspace with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            format: FORMAT_NAME.into(),
            version: CURRENT_VERSION,
            title: title.into(),
            entities: Vec::new(),
            documents: Vec::new(),
            claims: Vec::new(),
            charts: Vec::new(),
            resolutions: Vec::new(),
            conflicts: Vec::new(),
            feeds: Vec::new(),
        }
    }

    /// The document with this id. Like [`Workspace::claim_position`], a numbered id's own slot
    /// (`doc-0042` → 42nd) is tried before a scan.
    pub fn document(&self, id: &DocId) -> Option<&SourceDocument> {
        if let Some(n) = id.number()
            && let Some(d) = usize::try_from(n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| self.documents.get(i))
            && &d.id == id
        {
            return Some(d);
        }
        self.documents.iter().find(|d| &d.id == id)
    }

    /// The date a claim holds at, the one rule every view and export uses (Claims table,
    /// charts, Network, findings, report): its own `as_of`, else the earliest publication date
    /// of the documents it cites. An article usually reports a deal as of the day it appeared,
    /// so a claim nobody dated by hand still plots once its document is dated.
    pub fn claim_date(&self, c: &Claim) -> Option<super::FuzzyDate> {
        c.as_of.or_else(|| {
            c.evidence
                .iter()
                .filter_map(|e| self.document(&e.doc).and_then(|d| d.published))
                .min()
        })
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| &e.id == id)
    }

    /// The claim with this id (see [`Workspace::claim_position`]).
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claim_position(id).map(|i| &self.claims[i])
    }

    /// The position of the claim with this id in `claims`. Generated ids are numbered in file
    /// order (`cl-0042` is usually the 42nd claim), so that slot is tried first: O(1) for the
    /// usual workspace, a linear scan otherwise.
    pub fn claim_position(&self, id: &ClaimId) -> Option<usize> {
        if let Some(n) = id.number()
            && let Some(i) = usize::try_from(n).ok().and_then(|n| n.checked_sub(1))
            && self.claims.get(i).is_some_and(|c| &c.id == id)
        {
            return Some(i);
        }
        self.claims.iter().position(|c| &c.id == id)
    }

    /// Claims by id, for code that looks many claims up (one linear scan instead of one per
    /// lookup).
    pub fn claims_by_id(&self) -> HashMap<&ClaimId, &Claim> {
        self.claims.iter().map(|c| (&c.id, c)).collect()
    }

    /// Documents by id (see [`Workspace::claims_by_id`]).
    pub fn documents_by_id(&self) -> HashMap<&DocId, &SourceDocument> {
        self.documents.iter().map(|d| (&d.id, d)).collect()
    }

    /// The display name of an entity id (the id itself when unknown).
    pub fn entity_name<'a>(&'a self, id: &'a EntityId) -> &'a str {
        self.entity(id).map_or(id.as_str(), |e| e.name.as_str())
    }

    /// Follows `parent` links to the top-level owner (AWS → Amazon). Stops on cycles. A few
    /// steps are looked up directly; a deeper chain gets an index first, so one call costs about
    /// the number of entities, not that times the depth (for many calls, see
    /// `analysis::facts::Roots`).
    pub fn root_entity<'a>(&'a self, id: &'a EntityId) -> &'a EntityId {
        let mut cur = id;
        let mut seen = HashSet::new();
        let mut index: Option<HashMap<&EntityId, &Entity>> = None;
        loop {
            let entity = match &index {
                Some(ix) => ix.get(cur).copied(),
                None => self.entity(cur),
            };
            let Some(p) = entity.and_then(|e| e.parent.as_ref()) else {
                break;
            };
            if !seen.insert(cur) {
                break;
            }
            cur = p;
            if index.is_none() && seen.len() >= 8 {
                let mut ix = HashMap::new();
                for e in &self.entities {
                    ix.entry(&e.id).or_insert(e);
                }
                index = Some(ix);
            }
        }
        cur
    }

    /// `documents: N  entities: N  claims: N  evidence: N`, as `claimbench check` prints it (a
    /// fixed CLI contract) and the status bar shows it.
    pub fn counts_line(&self) -> String {
        format!(
            "documents: {}  entities: {}  claims: {}  evidence: {}",
            self.documents.len(),
            self.entities.len(),
            self.claims.len(),
            self.evidence_count()
        )
    }

    /// Total evidence spans over all claims.
    pub fn evidence_count(&self) -> usize {
        self.claims.iter().map(|c| c.evidence.len()).sum()
    }

    /// Number of claims with evidence in each document.
    pub fn claims_per_document(&self) -> HashMap<&DocId, usize> {
        // Counted by document position (generated ids name their slot, others are looked up
        // once in a map), not by hashing every evidence's id: 113,000 spans take ~4 ms, not 28.
        let by_id: HashMap<&DocId, usize> = self
            .documents
            .iter()
            .enumerate()
            .filter(|(i, d)| d.id.number() != Some(*i as u64 + 1))
            .map(|(i, d)| (&d.id, i))
            .collect();
        let slot = |id: &DocId| -> Option<usize> {
            if let Some(n) = id.number()
                && let Some(i) = usize::try_from(n).ok().and_then(|n| n.checked_sub(1))
                && self.documents.get(i).is_some_and(|d| &d.id == id)
            {
                return Some(i);
            }
            by_id.get(id).copied()
        };
        let mut counts = vec![0usize; self.documents.len()];
        let mut elsewhere: HashMap<&DocId, usize> = HashMap::new();
        for c in &self.claims {
            // Each document once per claim, without collecting them (this runs over every claim).
            for (i, e) in c.evidence.iter().enumerate() {
                if c.evidence[..i].iter().any(|p| p.doc == e.doc) {
                    continue;
                }
                match slot(&e.doc) {
                    Some(k) => counts[k] += 1,
                    None => *elsewhere.entry(&e.doc).or_insert(0) += 1,
                }
            }
        }
        let mut m = elsewhere;
        for (d, n) in self.documents.iter().zip(counts) {
            if n > 0 {
                *m.entry(&d.id).or_insert(0) += n;
            }
        }
        m
    }

    /// Entities whose name or an alias contains `filter` (case-insensitive; empty: all), sorted
    /// by name, for pickers and lists.
    pub fn entities_by_name(&self, filter: &str) -> Vec<&Entity> {
        let f = filter.trim().to_lowercase();
        let mut out: Vec<&Entity> = self
            .entities
            .iter()
            .filter(|e| {
                f.is_empty()
                    || e.name.to_lowercase().contains(&f)
                    || e.aliases.iter().any(|a| a.to_lowercase().contains(&f))
            })
            .collect();
        out.sort_by_key(|e| e.name.to_lowercase());
        out
    }

    /// A new company entity named `name`, with a slug id not used yet (`-2` appended on clashes).
    pub fn new_entity(&self, name: &str) -> Entity {
        let mut slug = super::ids::slugify(name);
        while self.entity(&EntityId::new(slug.clone())).is_some() {
            slug.push_str("-2");
        }
        Entity {
            id: EntityId::new(slug),
            name: name.to_owned(),
            aliases: vec![],
            kind: super::EntityKind::Company,
            parent: None,
        }
    }

    /// A claim id not used yet (one above the highest numbered one).
    pub fn next_claim_id(&self) -> ClaimId {
        let n = self
            .claims
            .iter()
            .filter_map(|c| c.id.number())
            .max()
            .unwrap_or(0);
        ClaimId::numbered(n + 1)
    }

    /// A document id not used yet.
    pub fn next_doc_id(&self) -> DocId {
        let n = self
            .documents
            .iter()
            .filter_map(|d| d.id.number())
            .max()
            .unwrap_or(0);
        DocId::numbered(n + 1)
    }

    /// Checks every invariant of DESIGN.md §3: unique ids, resolvable references, anchors inside
    /// their documents and equal to their quotes, sane figures, no parent cycles.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |at: Locator, kind: ProblemKind, message: String| {
            out.push(Problem { at, kind, message })
        };
        // How often each repeated id was seen before (one map, not a scan per repeat: 50,000
        // duplicate ids used to be quadratic).
        let repeat = |seen: &mut HashMap<String, usize>, id: &str| {
            let n = seen.entry(id.to_owned()).or_insert(0);
            *n += 1;
            *n
        };
        let mut seen_documents = HashMap::new();
        let mut seen_entities = HashMap::new();
        let mut seen_claims = HashMap::new();
        let mut seen_charts = HashMap::new();
        if self.format != FORMAT_NAME {
            push(
                Locator::Header,
                ProblemKind::Format,
                format!("format is {:?}, expected {FORMAT_NAME:?}", self.format),
            );
        }
        let mut docs = HashSet::new();
        for d in &self.documents {
            if !docs.insert(&d.id) {
                push(
                    Locator::Duplicate {
                        id: d.id.0.clone(),
                        occurrence: repeat(&mut seen_documents, d.id.as_str()),
                    },
                    ProblemKind::DuplicateId,
                    format!("duplicate document id {:?}", d.id.0),
                );
            }
            for r in &d.excluded {
                if !r.fits(&d.text) {
                    push(
                        Locator::Document(d.id.clone()),
                        ProblemKind::ExcludedRange,
                        format!(
                            "excluded range {}..{} does not fit the text ({} bytes)",
                            r.start,
                            r.end,
                            d.text.len()
                        ),
                    );
                }
            }
            for r in d.import_marks.ranges() {
                if !r.fits(&d.text) {
                    push(
                        Locator::Document(d.id.clone()),
                        ProblemKind::ExcludedRange,
                        format!(
                            "a span marked at import ({}..{}) does not fit the text ({} bytes)",
                            r.start,
                            r.end,
                            d.text.len()
                        ),
                    );
                }
            }
        }
        let mut ents = HashSet::new();
        for e in &self.entities {
            if !ents.insert(&e.id) {
                push(
                    Locator::Duplicate {
                        id: e.id.0.clone(),
                        occurrence: repeat(&mut seen_entities, e.id.as_str()),
                    },
                    ProblemKind::DuplicateId,
                    format!("duplicate entity id {:?}", e.id.0),
                );
            }
        }
        let looping = self.leads_into_parent_cycle();
        for (i, e) in self.entities.iter().enumerate() {
            if let Some(p) = &e.parent {
                if !ents.contains(p) {
                    push(
                        Locator::Entity(e.id.clone()),
                        ProblemKind::MissingReference,
                        format!("parent {:?} is not an entity", p.0),
                    );
                } else if looping[i] {
                    push(
                        Locator::Entity(e.id.clone()),
                        ProblemKind::ParentLoop,
                        format!("parent chain of {:?} loops back on itself", e.id.0),
                    );
                }
            }
        }
        let documents = self.documents_by_id();
        let mut claims = HashSet::new();
        for c in &self.claims {
            if !claims.insert(&c.id) {
                push(
                    Locator::Duplicate {
                        id: c.id.0.clone(),
                        occurrence: repeat(&mut seen_claims, c.id.as_str()),
                    },
                    ProblemKind::DuplicateId,
                    format!("duplicate claim id {:?}", c.id.0),
                );
            }
            let at = || Locator::Claim(c.id.clone());
            for (role, id) in [("subject", &c.subject), ("counterparty", &c.counterparty)] {
                if let Some(id) = id
                    && !ents.contains(id)
                {
                    push(
                        at(),
                        ProblemKind::MissingReference,
                        format!("{role} {:?} is not an entity", id.0),
                    );
                }
            }
            if let Some(f) = &c.figure
                && let Err(e) = f.validate()
            {
                push(at(), ProblemKind::Figure, format!("figure: {e}"));
            }
            for (k, ev) in c.evidence.iter().enumerate() {
                match documents.get(&ev.doc).copied() {
                    None => push(
                        at(),
                        ProblemKind::Evidence,
                        format!(
                            "evidence {} points to missing document {:?}",
                            k + 1,
                            ev.doc.0
                        ),
                    ),
                    Some(d) => {
                        if ev.orphaned {
                            continue;
                        }
                        if let Err(e) = ev.anchor.validate(&d.text) {
                            push(
                                at(),
                                ProblemKind::Evidence,
                                format!("evidence {} in {:?}: {e}", k + 1, ev.doc.0),
                            );
                        }
                    }
                }
            }
        }
        let mut charts = HashSet::new();
        for ch in &self.charts {
            if !charts.insert(&ch.id) {
                push(
                    Locator::Duplicate {
                        id: ch.id.0.clone(),
                        occurrence: repeat(&mut seen_charts, ch.id.as_str()),
                    },
                    ProblemKind::DuplicateId,
                    format!("duplicate chart id {:?}", ch.id.0),
                );
            }
        }
        for r in &self.resolutions {
            for id in r.claim_ids() {
                if !claims.contains(id) {
                    push(
                        Locator::Resolution(r.finding.clone()),
                        ProblemKind::MissingReference,
                        format!(
                            "resolution of {:?} refers to missing claim {:?}",
                            r.finding, id.0
                        ),
                    );
                }
            }
            if let Some(p) = &r.preferred
                && !r.claims.contains(p)
            {
                push(
                    Locator::Resolution(r.finding.clone()),
                    ProblemKind::Resolution,
                    format!(
                        "resolution of {:?} prefers {:?}, which is not one of its claims",
                        r.finding, p.0
                    ),
                );
            }
        }
        out
    }

    /// For each entity, whether following its parents runs into a loop. One pass over all
    /// chains, each entity settled once (a chain of 50,000 parents was walked from every entity
    /// on it, with a lookup per step). The first entity of a repeated id is the one followed.
    fn leads_into_parent_cycle(&self) -> Vec<bool> {
        let mut index: HashMap<&EntityId, usize> = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            index.entry(&e.id).or_insert(i);
        }
        // 0 not yet seen, 1 on the current walk, 2 no loop, 3 loops.
        let mut state = vec![0u8; self.entities.len()];
        let mut walk = Vec::new();
        for start in 0..self.entities.len() {
            let mut cur = start;
            let loops = loop {
                match state[cur] {
                    1 => break true,
                    2 => break false,
                    3 => break true,
                    _ => {}
                }
                state[cur] = 1;
                walk.push(cur);
                match self.entities[cur]
                    .parent
                    .as_ref()
                    .and_then(|p| index.get(p))
                {
                    Some(&next) => cur = next,
                    None => break false,
                }
            };
            for i in walk.drain(..) {
                state[i] = if loops { 3 } else { 2 };
            }
        }
        state.into_iter().map(|s| s == 3).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn claims_per_document_counts_each_claim_once_per_document() {
        let mut spec = crate::synth::SynthSpec::new(12, 600);
        spec.big_doc_bytes = 20_000;
        let mut ws = crate::synth::generate(&spec);
        // A document whose id names no slot, and evidence in a document that is not there.
        ws.documents[3].id = "reuters-2025-12-16".into();
        for c in ws.claims.iter_mut() {
            for e in c.evidence.iter_mut() {
                if e.doc.as_str() == "doc-0004" {
                    e.doc = "reuters-2025-12-16".into();
                }
            }
        }
        ws.claims[0].evidence[0].doc = "doc-9999".into();
        let mut naive: std::collections::HashMap<&DocId, usize> = Default::default();
        for c in &ws.claims {
            for d in c.documents() {
                *naive.entry(d).or_insert(0) += 1;
            }
        }
        let fast = ws.claims_per_document();
        assert_eq!(fast, naive);
        assert!(fast.contains_key(&DocId::from("reuters-2025-12-16")));
        assert_eq!(fast.get(&DocId::from("doc-9999")), Some(&1));
    }

    #[test]
    fn sync_from_copies_only_what_differs_and_ends_equal() {
        let mut spec = crate::synth::SynthSpec::new(6, 400);
        spec.big_doc_bytes = 20_000;
        let base = crate::synth::generate(&spec);
        let mut snap = base.clone();
        let mut ws = base.clone();
        assert_eq!(snap.sync_from(&ws), 0, "nothing differs");
        // An edit in the middle.
        ws.claims[200].note.push_str(" edited");
        assert_eq!(snap.sync_from(&ws), 1);
        assert_eq!(snap, ws);
        // A claim added at the end, one removed near the start, a document's text changed.
        let mut extra = ws.claims[3].clone();
        extra.id = ws.next_claim_id();
        ws.claims.push(extra);
        ws.claims.remove(5);
        ws.documents[2].text.push_str(" More text.");
        ws.title = "Renamed".into();
        snap.sync_from(&ws);
        assert_eq!(snap, ws);
        // Everything replaced: still equal.
        let mut spec = crate::synth::SynthSpec::new(3, 50);
        spec.big_doc_bytes = 10_000;
        let other = crate::synth::generate(&spec);
        snap.sync_from(&other);
        assert_eq!(snap, other);
        let mut empty = Workspace::default();
        empty.sync_from(&base);
        assert_eq!(empty, base);
        snap.sync_from(&Workspace::default());
        assert_eq!(snap, Workspace::default());
    }

    use super::*;
    use crate::model::*;

    fn tiny() -> Workspace {
        let mut ws = Workspace::new("t");
        ws.entities.push(Entity {
            id: "amazon".into(),
            name: "Amazon".into(),
            aliases: vec![],
            kind: EntityKind::Company,
            parent: None,
        });
        ws.entities.push(Entity {
            id: "aws".into(),
            name: "AWS".into(),
            aliases: vec!["Amazon Web Services".into()],
            kind: EntityKind::Company,
            parent: Some("amazon".into()),
        });
        let text = "Amazon may invest at least $10 billion.".to_owned();
        ws.documents.push(SourceDocument {
            id: "doc-0001".into(),
            title: "T".into(),
            outlet: "O".into(),
            author: None,
            url: None,
            published: None,
            imported_at: None,
            sha256: SourceDocument::hash_text(&text),
            cites: vec![],
            excluded: vec![],
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
            text,
        });
        let mut c = Claim::new(ClaimId::numbered(1), ClaimKind::Investment);
        c.subject = Some("aws".into());
        c.evidence.push(Evidence {
            doc: "doc-0001".into(),
            anchor: Anchor::find(&ws.documents[0].text, "at least $10 billion", 0).unwrap(),
            attributed_to: None,
            orphaned: false,
        });
        ws.claims.push(c);
        ws
    }

    #[test]
    fn claims_are_found_by_numbered_slot_or_by_scan() {
        let mut ws = tiny();
        let mut c2 = ws.claims[0].clone();
        c2.id = ClaimId::new("custom");
        ws.claims.push(c2);
        let mut c3 = ws.claims[0].clone();
        c3.id = ClaimId::numbered(7);
        ws.claims.insert(0, c3);
        for (i, c) in ws.claims.iter().enumerate() {
            assert_eq!(ws.claim_position(&c.id), Some(i), "{}", c.id);
        }
        assert_eq!(ws.claim_position(&ClaimId::numbered(99)), None);
        assert_eq!(ws.claims_by_id().len(), 3);
    }

    #[test]
    fn valid_workspace_has_no_problems() {
        let ws = tiny();
        assert_eq!(ws.validate(), vec![]);
        assert_eq!(ws.root_entity(&"aws".into()).as_str(), "amazon");
        assert_eq!(ws.next_claim_id().as_str(), "cl-0002");
    }

    #[test]
    fn broken_references_are_reported() {
        let mut ws = tiny();
        ws.claims[0].counterparty = Some("nobody".into());
        ws.claims[0].evidence[0].anchor.start += 1;
        ws.entities[0].parent = Some("aws".into());
        let msgs: Vec<String> = ws.validate().into_iter().map(|p| p.message).collect();
        assert!(
            msgs.iter().any(|m| m.contains("counterparty \"nobody\"")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("anchor quotes") || m.contains("text at")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("loops back")), "{msgs:?}");
        let kinds: Vec<ProblemKind> = ws.validate().into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::ParentLoop,
                ProblemKind::ParentLoop,
                ProblemKind::MissingReference,
                ProblemKind::Evidence
            ],
            "one kind per problem, in file order (both entities of the loop)"
        );
    }

    #[test]
    fn resolutions_must_name_existing_claims() {
        let mut ws = tiny();
        ws.resolutions.push(Resolution {
            finding: "figure:cl-0001+cl-0009".into(),
            claims: vec![ClaimId::numbered(1), ClaimId::numbered(9)],
            preferred: Some(ClaimId::numbered(2)),
            note: String::new(),
        });
        let msgs: Vec<String> = ws.validate().into_iter().map(|p| p.message).collect();
        assert!(
            msgs.iter().any(|m| m.contains("missing claim \"cl-0009\"")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("not one of its claims")),
            "{msgs:?}"
        );
        ws.resolutions[0].claims.pop();
        ws.resolutions[0].preferred = Some(ClaimId::numbered(1));
        assert_eq!(ws.validate(), vec![]);
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let mut ws = tiny();
        let c = ws.claims[0].clone();
        ws.claims.push(c);
        assert!(ws.validate().iter().any(
            |p| p.message.contains("duplicate claim id") && p.kind == ProblemKind::DuplicateId
        ));
    }
}
