//! Turning a selected span of a document into a claim: a quick reading of the selection for a
//! figure with its qualifier and unit, the parties the workspace knows, cue words for kind and
//! status, and the document's publication date.
//!
//! This is the fallback prefill; the extraction engine gives richer proposals where present.

use crate::model::{
    Anchor, Claim, ClaimId, ClaimKind, ClaimStatus, EntityId, Evidence, Figure, Period,
    SourceDocument, Unit, Workspace,
};
use std::ops::Range;

/// Reads the first figure in a piece of text with the extractor's grammar: money first, else
/// the first percentage, gigawatts or count.
pub fn read_figure(text: &str) -> Option<Figure> {
    let found = crate::extract::figures::find_figures(text, 0);
    found
        .iter()
        .find(|f| f.figure.unit.is_money())
        .or_else(|| found.first())
        .map(|f| f.figure.clone())
}

/// The workspace entities named in a text, in order of first mention, without repeats.
pub fn mentioned_entities(ws: &Workspace, text: &str) -> Vec<EntityId> {
    let lower = text.to_lowercase();
    let mut hits: Vec<(usize, usize, &EntityId)> = Vec::new();
    for e in &ws.entities {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let n = name.to_lowercase();
            if n.len() < 2 {
                continue;
            }
            for (i, _) in lower.match_indices(&n) {
                let before = lower[..i].chars().next_back();
                let after = lower[i + n.len()..].chars().next();
                if before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
                {
                    hits.push((i, n.len(), &e.id));
                }
            }
        }
    }
    // Earlier first; at the same place the longer name ("Amazon Web Services" over "Amazon").
    hits.sort_by_key(|&(i, len, _)| (i, std::cmp::Reverse(len)));
    let mut out: Vec<EntityId> = Vec::new();
    let mut covered = 0;
    for (i, len, id) in hits {
        if i < covered {
            continue;
        }
        covered = i + len;
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// The claim kind suggested by cue words: the extractor's cues, read around the figure.
pub fn read_kind(text: &str, figure: Option<&Figure>) -> ClaimKind {
    let found = crate::extract::figures::find_figures(text, 0);
    let at = found
        .iter()
        .find(|f| figure.is_none_or(|g| g.unit == f.figure.unit))
        .map_or((text.len(), text.len()), |f| (f.start, f.end));
    let unit = figure.map_or(Unit::Usd, |f| f.unit.clone());
    crate::extract::cues::kind(text, 0, at, &[], &unit)
}

/// The status suggested by cue words: the extractor's cues.
pub fn read_status(text: &str) -> ClaimStatus {
    crate::extract::cues::status(text)
}

/// The period the selection states for its figure: the extractor's period grammar
/// ([`crate::extract::period::find_period`]), read around the first figure (or from the end of
/// the text when there is none), as it would be in an article.
fn read_period(text: &str) -> Option<Period> {
    let found = crate::extract::figures::find_figures(text, 0);
    let at = found
        .iter()
        .find(|f| f.figure.unit.is_money())
        .or_else(|| found.first())
        .map_or((text.len(), text.len()), |f| (f.start, f.end));
    crate::extract::period::find_period(text, at)
}

/// A new claim for `range` of `doc`, prefilled from the selected text.
pub fn claim_from_selection(
    ws: &Workspace,
    doc: &SourceDocument,
    range: Range<usize>,
    id: ClaimId,
) -> Claim {
    let anchor = Anchor::from_span(&doc.text, range.start, range.end);
    let text = anchor.exact.clone();
    let figure = read_figure(&text);
    let kind = read_kind(&text, figure.as_ref());
    let mut claim = Claim::new(id, kind);
    let parties = mentioned_entities(ws, &text);
    claim.subject = parties.first().cloned();
    claim.counterparty = parties.get(1).cloned();
    claim.period = read_period(&text);
    claim.figure = figure;
    claim.status = read_status(&text);
    claim.as_of = doc.published;
    claim.evidence.push(Evidence {
        doc: doc.id.clone(),
        anchor,
        attributed_to: doc.cites.first().cloned(),
        orphaned: false,
    });
    claim
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;

    #[test]
    fn reads_figures_with_qualifiers_and_units() {
        let f = read_figure("Amazon may invest at least $10 billion").unwrap();
        assert_eq!(
            (f.low, f.qualifier, f.unit),
            (1e10, Qualifier::AtLeast, Unit::Usd)
        );
        let f = read_figure("a $10B+ stake").unwrap();
        assert_eq!((f.low, f.qualifier), (1e10, Qualifier::AtLeast));
        let f = read_figure("more than $13 billion so far").unwrap();
        assert_eq!(f.qualifier, Qualifier::MoreThan);
        let f = read_figure("cash of $66.9 billion").unwrap();
        assert_eq!(f.low, 66.9e9);
        assert_eq!(
            read_figure("€2bn deal").unwrap().unit,
            Unit::Currency("EUR".into())
        );
        let f = read_figure("at least 10 GW of systems").unwrap();
        assert_eq!(
            (f.low, f.qualifier, f.unit),
            (10.0, Qualifier::AtLeast, Unit::Gw)
        );
        assert_eq!(read_figure("shares rose 2.3%").unwrap().unit, Unit::Percent);
        assert!(read_figure("no numbers here").is_none());
    }

    #[test]
    fn cues_give_kind_status_and_period() {
        let t = "OpenAI agreed to pay $38 billion over seven years to rent servers";
        assert_eq!(
            read_kind(t, read_figure(t).as_ref()),
            ClaimKind::ComputeCommitment
        );
        assert_eq!(read_status(t), ClaimStatus::Signed);
        assert_eq!(read_period(t), Some(Period::Over { months: 84 }));
        assert_eq!(
            read_status("Amazon is in talks to invest"),
            ClaimStatus::InTalks
        );
        assert_eq!(
            read_kind("valued at $500 billion", None),
            ClaimKind::Valuation
        );
    }

    #[test]
    fn parties_in_order_longest_name_first() {
        let ws = crate::sample::sample_workspace().unwrap();
        let ids = mentioned_entities(
            &ws,
            "Amazon Web Services will host OpenAI, and Amazon may invest",
        );
        let names: Vec<&str> = ids.iter().map(|i| ws.entity_name(i)).collect();
        assert_eq!(names.first().copied(), Some("AWS"), "{names:?}");
        assert!(
            names.contains(&"OpenAI") && names.contains(&"Amazon"),
            "{names:?}"
        );
    }
}

/// The workspace entity a canonical name refers to, or a new entity to create for it.
fn entity_for(ws: &Workspace, name: &str, created: &mut Vec<crate::model::Entity>) -> EntityId {
    if let Some(e) = ws
        .entities
        .iter()
        .chain(created.iter())
        .find(|e| e.answers_to(name))
    {
        return e.id.clone();
    }
    let mut slug = crate::model::ids::slugify(name);
    while ws.entity(&EntityId::new(slug.clone())).is_some()
        || created.iter().any(|e| e.id.as_str() == slug)
    {
        slug.push_str("-2");
    }
    let e = crate::model::Entity {
        id: EntityId::new(slug),
        name: name.to_owned(),
        aliases: vec![],
        kind: crate::model::EntityKind::Company,
        parent: None,
    };
    let id = e.id.clone();
    created.push(e);
    id
}

fn figures_compatible(a: &Figure, b: &Figure) -> bool {
    if a.unit != b.unit {
        return false;
    }
    let ((a0, a1), (b0, b1)) = (a.interval(), b.interval());
    a0 <= b1 && b0 <= a1
}

/// What accepting an extraction proposal does: the action (one undo step) and the claim that
/// carries the span afterwards. A claim with the same kind, parties and a compatible figure gets
/// the span as new evidence; otherwise a new claim is created (with any entity it names).
pub fn accept_candidate(
    ws: &Workspace,
    doc: &SourceDocument,
    cand: &crate::extract::Candidate,
    new_id: ClaimId,
) -> (crate::action::Action, ClaimId) {
    use crate::action::Action;
    let mut created = Vec::new();
    let subject = cand
        .subject
        .as_deref()
        .map(|n| entity_for(ws, n, &mut created));
    let counterparty = cand
        .counterparty
        .as_deref()
        .map(|n| entity_for(ws, n, &mut created));
    let anchor = Anchor::from_span(&doc.text, cand.start, cand.end);
    let evidence = Evidence {
        doc: doc.id.clone(),
        anchor,
        attributed_to: doc.cites.first().cloned(),
        orphaned: false,
    };
    let existing = ws.claims.iter().find(|c| {
        c.kind == cand.kind
            && c.subject == subject
            && c.counterparty == counterparty
            && match c.figure.as_ref() {
                // A relation without a figure joins a claim that has none.
                None => cand.relation_only,
                Some(f) => {
                    !cand.relation_only
                        && figures_compatible(f, &cand.figure)
                        && f.qualifier == cand.figure.qualifier
                }
            }
    });
    let mut actions: Vec<Action> = created
        .into_iter()
        .map(|e| Action::AddEntity {
            entity: Box::new(e),
            index: None,
        })
        .collect();
    let id = match existing {
        Some(c) => {
            let mut c = c.clone();
            if !c
                .evidence
                .iter()
                .any(|e| e.doc == evidence.doc && e.anchor.range() == evidence.anchor.range())
            {
                c.evidence.push(evidence);
            }
            let id = c.id.clone();
            actions.push(Action::ReplaceClaim(Box::new(c)));
            id
        }
        None => {
            let mut c = Claim::new(new_id.clone(), cand.kind);
            c.subject = subject;
            c.counterparty = counterparty;
            c.figure = (!cand.relation_only).then(|| cand.figure.clone());
            c.period = cand.period.clone();
            c.as_of = cand.date.or(doc.published);
            c.status = cand.status;
            c.evidence.push(evidence);
            actions.push(Action::CreateClaim {
                claim: Box::new(c),
                index: None,
            });
            new_id
        }
    };
    (Action::Batch(actions), id)
}

/// A claim for a selection, prefilled from the extraction proposal whose figure lies inside the
/// selection when there is one, else from [`claim_from_selection`]'s quick reading. Returns the
/// action (with any entity it creates) and the new claim's id.
pub fn claim_for_selection(
    ws: &Workspace,
    doc: &SourceDocument,
    range: Range<usize>,
    id: ClaimId,
) -> crate::action::Action {
    use crate::action::Action;
    let cands = crate::extract::extract_document(doc, &ws.entities);
    let inside = cands
        .iter()
        .find(|c| range.start <= c.figure_start && c.figure_end <= range.end);
    let mut claim = claim_from_selection(ws, doc, range, id.clone());
    let mut actions = Vec::new();
    if let Some(cand) = inside {
        let mut created = Vec::new();
        claim.kind = cand.kind;
        claim.subject = cand
            .subject
            .as_deref()
            .map(|n| entity_for(ws, n, &mut created))
            .or(claim.subject);
        claim.counterparty = cand
            .counterparty
            .as_deref()
            .map(|n| entity_for(ws, n, &mut created))
            .or(claim.counterparty);
        claim.figure = (!cand.relation_only).then(|| cand.figure.clone());
        claim.period = cand.period.clone().or(claim.period);
        claim.as_of = cand.date.or(claim.as_of);
        claim.status = cand.status;
        actions.extend(created.into_iter().map(|e| Action::AddEntity {
            entity: Box::new(e),
            index: None,
        }));
    }
    actions.push(Action::CreateClaim {
        claim: Box::new(claim),
        index: None,
    });
    Action::Batch(actions)
}

#[cfg(test)]
mod accept_tests {
    use super::*;

    #[test]
    fn accepting_adds_evidence_to_a_matching_claim_or_creates_one() {
        let ws = crate::sample::sample_workspace().unwrap();
        // Each sample document's proposals: accepting one whose figure is already a claim with the
        // same kind and parties attaches evidence instead of duplicating the claim.
        let mut attached = 0;
        let mut created = 0;
        for doc in &ws.documents {
            for cand in crate::extract::extract_document(doc, &ws.entities) {
                let mut w = ws.clone();
                let before = w.claims.len();
                let (action, id) = accept_candidate(&w, doc, &cand, w.next_claim_id());
                action.apply(&mut w).unwrap();
                let claim = w.claim(&id).unwrap();
                assert!(
                    claim
                        .evidence
                        .iter()
                        .any(|e| e.doc == doc.id && e.anchor.range() == (cand.start..cand.end))
                );
                assert!(w.validate().is_empty(), "{:?}", w.validate());
                if w.claims.len() == before {
                    attached += 1
                } else {
                    created += 1
                }
            }
        }
        assert!(
            attached > 0 && created > 0,
            "attached {attached}, created {created}"
        );
    }

    #[test]
    fn selection_prefill_uses_the_extraction_engine() {
        let ws = crate::sample::sample_workspace().unwrap();
        let doc = ws
            .documents
            .iter()
            .find(|d| d.text.contains("$38 billion"))
            .unwrap();
        let i = doc.text.find("$38 billion").unwrap();
        let start = doc.text[..i].rfind(". ").map_or(0, |j| j + 2);
        let end = doc.text[i..]
            .find('.')
            .map_or(doc.text.len(), |j| i + j + 1);
        let mut w = ws.clone();
        let id = w.next_claim_id();
        claim_for_selection(&ws, doc, start..end, id.clone())
            .apply(&mut w)
            .unwrap();
        let c = w.claim(&id).unwrap();
        assert_eq!(c.figure.as_ref().map(|f| f.low), Some(38e9));
        assert_eq!(c.kind, ClaimKind::ComputeCommitment, "{c:?}");
        assert!(c.subject.is_some() && c.counterparty.is_some(), "{c:?}");
    }
}

/// The action that merges entity `absorb` into `keep` (one undo step): every claim naming
/// `absorb` is re-pointed to `keep`, `absorb`'s name and aliases become aliases of `keep`, its
/// children get `keep` as parent, and `absorb` is removed.
pub fn merge_entities(
    ws: &Workspace,
    keep: &EntityId,
    absorb: &EntityId,
) -> Option<crate::action::Action> {
    use crate::action::Action;
    if keep == absorb {
        return None;
    }
    let (k, a) = (ws.entity(keep)?, ws.entity(absorb)?);
    let mut actions = Vec::new();
    for c in &ws.claims {
        if c.subject.as_ref() == Some(absorb) || c.counterparty.as_ref() == Some(absorb) {
            let mut n = c.clone();
            for p in [&mut n.subject, &mut n.counterparty] {
                if p.as_ref() == Some(absorb) {
                    *p = Some(keep.clone());
                }
            }
            actions.push(Action::ReplaceClaim(Box::new(n)));
        }
    }
    for e in &ws.entities {
        if e.parent.as_ref() == Some(absorb) && &e.id != keep {
            let mut n = e.clone();
            n.parent = Some(keep.clone());
            actions.push(Action::ReplaceEntity(Box::new(n)));
        }
    }
    let mut kept = k.clone();
    for name in std::iter::once(&a.name).chain(&a.aliases) {
        if !kept.answers_to(name) {
            kept.aliases.push(name.clone());
        }
    }
    if kept.parent.as_ref() == Some(absorb) {
        kept.parent = a.parent.clone().filter(|p| p != keep);
    }
    actions.push(Action::ReplaceEntity(Box::new(kept)));
    actions.push(Action::RemoveEntity(absorb.clone()));
    Some(Action::Batch(actions))
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    #[test]
    fn merging_repoints_claims_keeps_names_and_undoes() {
        let mut ws = crate::sample::sample_workspace().unwrap();
        let before = ws.clone();
        let (keep, absorb) = (EntityId::from("amazon"), EntityId::from("aws"));
        let n_aws = ws
            .claims
            .iter()
            .filter(|c| {
                c.subject.as_ref() == Some(&absorb) || c.counterparty.as_ref() == Some(&absorb)
            })
            .count();
        assert!(n_aws > 0);
        let inverse = merge_entities(&ws, &keep, &absorb)
            .unwrap()
            .apply(&mut ws)
            .unwrap();
        assert!(ws.entity(&absorb).is_none());
        assert!(ws.claims.iter().all(
            |c| c.subject.as_ref() != Some(&absorb) && c.counterparty.as_ref() != Some(&absorb)
        ));
        assert!(ws.entity(&keep).unwrap().answers_to("Amazon Web Services"));
        assert!(ws.validate().is_empty(), "{:?}", ws.validate());
        inverse.apply(&mut ws).unwrap();
        assert_eq!(ws, before);
        assert!(merge_entities(&ws, &keep, &keep).is_none());
    }
}

/// Whether a claim already carries this proposal: its evidence spans the figure and its figure
/// is the same number in the same unit (a sentence with two figures yields two proposals); a
/// relation without a figure is carried by a claim without a figure.
fn same_figure(f: Option<&Figure>, c: &crate::extract::Candidate) -> bool {
    match f {
        None => c.relation_only,
        Some(f) => {
            !c.relation_only
                && f.unit == c.figure.unit
                && (f.low - c.figure.low).abs() <= 1e-9 * c.figure.low.abs().max(1.0)
        }
    }
}

/// Every evidence span in document `doc` with its claim's figure, in text order (start, then
/// end): what [`open_mask`] sweeps. One walk over every claim.
pub fn evidence_spans<'w>(
    ws: &'w Workspace,
    doc: &crate::model::DocId,
) -> Vec<(usize, usize, Option<&'w Figure>)> {
    let mut spans: Vec<(usize, usize, Option<&Figure>)> = ws
        .claims
        .iter()
        .flat_map(|cl| {
            cl.evidence
                .iter()
                .filter(|e| &e.doc == doc)
                .map(move |e| (e.anchor.start, e.anchor.end, cl.figure.as_ref()))
        })
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    spans
}

/// The candidates not already carried by a claim with the same figure whose evidence in `doc`
/// covers the figure, nor rejected. One sweep over the document's evidence spans in text
/// order: a 5 MB document has tens of thousands of candidates and a workspace 100,000 claims,
/// which a claim scan per candidate cannot afford. The GUI's Suggestions list and
/// `claimbench import --accept-above` both start from this list.
pub fn open_candidates(
    ws: &Workspace,
    doc: &SourceDocument,
    all: &[crate::extract::Candidate],
) -> Vec<crate::extract::Candidate> {
    let open = open_mask(doc, evidence_spans(ws, &doc.id), all, &by_start(all));
    all.iter()
        .zip(open)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c.clone())
        .collect()
}

/// The positions of `all` in order of their figures' starts (what [`open_mask`] sweeps in).
pub fn by_start(all: &[crate::extract::Candidate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].figure_start);
    order
}

/// Which of `all` are open ([`open_candidates`]), given the document's evidence spans (start,
/// end, the claim's figure) sorted by start and `order` from [`by_start`]: one sweep, so that
/// the GUI can work the list out again after an edit from spans it keeps per document
/// instead of a walk over every claim.
pub fn open_mask<'a>(
    doc: &SourceDocument,
    spans: impl IntoIterator<Item = (usize, usize, Option<&'a Figure>)>,
    all: &[crate::extract::Candidate],
    order: &[usize],
) -> Vec<bool> {
    let mut spans = spans.into_iter().peekable();
    let mut keep = vec![false; all.len()];
    let mut active: Vec<(usize, usize, Option<&Figure>)> = Vec::new();
    for &i in order {
        let c = &all[i];
        while let Some(s) = spans.next_if(|s| s.0 <= c.figure_start) {
            active.push(s);
        }
        active.retain(|s| s.1 >= c.figure_start);
        let covered = active
            .iter()
            .any(|s| c.figure_end <= s.1 && same_figure(s.2, c));
        keep[i] = !covered && !rejected(doc, c);
    }
    keep
}

fn rejected(doc: &SourceDocument, c: &crate::extract::Candidate) -> bool {
    doc.rejected
        .iter()
        .any(|r| r.start == c.figure_start && r.end == c.figure_end)
}

/// The action that accepts several proposals as one undo step.
pub fn accept_all(
    ws: &Workspace,
    doc: &SourceDocument,
    cands: &[crate::extract::Candidate],
) -> Option<crate::action::Action> {
    use crate::action::Action;
    let mut scratch = ws.clone();
    let mut actions = Vec::new();
    for c in cands {
        let Some(d) = scratch.document(&doc.id).cloned() else {
            break;
        };
        let (action, _) = accept_candidate(&scratch, &d, c, scratch.next_claim_id());
        match action.clone().apply(&mut scratch) {
            Ok(_) => actions.push(action),
            Err(_) => continue,
        }
    }
    (!actions.is_empty()).then_some(Action::Batch(actions))
}

/// What the GUI's "Accept all above N%" does, for a script: extracts `doc` with the
/// workspace's entities, keeps the open proposals at or above `threshold` (0–1) and accepts
/// them as one action. Returns the action and how many proposals it accepts.
pub fn accept_above(
    ws: &Workspace,
    doc: &SourceDocument,
    threshold: f64,
) -> Option<(crate::action::Action, usize)> {
    accept_above_within(ws, doc, threshold, crate::extract::TIME_LIMIT).0
}

/// [`accept_above`] with the extraction bounded by `limit`; also says where extraction
/// stopped when it ran out of time (the import report prints it).
pub fn accept_above_within(
    ws: &Workspace,
    doc: &SourceDocument,
    threshold: f64,
    limit: std::time::Duration,
) -> (
    Option<(crate::action::Action, usize)>,
    Option<crate::extract::Stopped>,
) {
    let all = crate::extract::extract_document_within(doc, &ws.entities, limit);
    let above: Vec<crate::extract::Candidate> = open_candidates(ws, doc, &all.candidates)
        .into_iter()
        .filter(|c| c.confidence >= threshold)
        .collect();
    let n = above.len();
    (accept_all(ws, doc, &above).map(|a| (a, n)), all.stopped)
}
