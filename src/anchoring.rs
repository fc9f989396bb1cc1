//! Finding evidence again when a document's text changes (re-import of a newer version, or
//! "Replace text…"): the exact position, else the quote where its prefix/suffix context matches,
//! else a fuzzy match of an edited quote between its unchanged contexts; otherwise the evidence is
//! orphaned — kept and flagged, never moved silently to look-alike text.
//!
//! Fuzzy matching uses `strsim`'s normalised Levenshtein similarity.

use crate::action::Action;
use crate::model::anchor::{ceil_boundary, floor_boundary};
use crate::model::{Anchor, DocId, Workspace};

/// Minimum similarity of an edited quote to its stored text for a fuzzy match.
pub const FUZZY_THRESHOLD: f64 = 0.85;
/// Bytes of stored context that must be found again, on each side, for a fuzzy match.
const CONTEXT_PROBE: usize = 16;

/// How an anchor was found again.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Same place, same text.
    Unchanged,
    /// Same quote, elsewhere, identified by its context.
    Moved,
    /// An edited quote between its unchanged contexts, with its similarity.
    Fuzzy(f64),
    /// Not found above the threshold.
    Orphaned,
}

fn context_score(a: &Anchor, text: &str, start: usize, end: usize) -> f64 {
    let pre = &text[floor_boundary(text, start.saturating_sub(a.prefix.len()))..start];
    let suf = &text[end..ceil_boundary(text, (end + a.suffix.len()).min(text.len()))];
    let common_suffix = a
        .prefix
        .chars()
        .rev()
        .zip(pre.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let common_prefix = a
        .suffix
        .chars()
        .zip(suf.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let total = a.prefix.chars().count() + a.suffix.chars().count();
    if total == 0 {
        1.0
    } else {
        (common_suffix + common_prefix) as f64 / total as f64
    }
}

/// Finds `old` again in `text`. Returns the new anchor (with fresh context) and how it was found.
pub fn reanchor(old: &Anchor, text: &str) -> (Option<Anchor>, Outcome) {
    if old.exact.is_empty() {
        return (None, Outcome::Orphaned);
    }
    if text.get(old.start..old.end) == Some(old.exact.as_str())
        && context_score(old, text, old.start, old.end) >= 0.5
    {
        let outcome = if context_score(old, text, old.start, old.end) == 1.0 {
            Outcome::Unchanged
        } else {
            Outcome::Moved
        };
        return (Some(Anchor::from_span(text, old.start, old.end)), outcome);
    }
    // The same quote elsewhere: the occurrence whose surroundings match best, if they match.
    let best = text
        .match_indices(old.exact.as_str())
        .map(|(i, _)| (i, context_score(old, text, i, i + old.exact.len())))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((i, score)) = best
        && score >= 0.5
    {
        return (
            Some(Anchor::from_span(text, i, i + old.exact.len())),
            Outcome::Moved,
        );
    }
    // An edited quote: both contexts still there, in order, around text similar to the quote.
    if let Some((s, e, sim)) = fuzzy(old, text) {
        return (Some(Anchor::from_span(text, s, e)), Outcome::Fuzzy(sim));
    }
    (None, Outcome::Orphaned)
}

fn fuzzy(old: &Anchor, text: &str) -> Option<(usize, usize, f64)> {
    let pre =
        &old.prefix[floor_boundary(&old.prefix, old.prefix.len().saturating_sub(CONTEXT_PROBE))..];
    let suf = &old.suffix[..floor_boundary(&old.suffix, CONTEXT_PROBE.min(old.suffix.len()))];
    if pre.chars().count() < 4 || suf.chars().count() < 4 {
        return None; // Too little context to tell the quote from look-alike text.
    }
    let (min_len, max_len) = (old.exact.len() / 2, old.exact.len() * 3 / 2 + 8);
    let mut best: Option<(usize, usize, f64)> = None;
    for (p, _) in text.match_indices(pre) {
        let start = p + pre.len();
        let window_end = ceil_boundary(text, (start + max_len + suf.len()).min(text.len()));
        for (q, _) in text[start..window_end].match_indices(suf) {
            let end = start + q;
            if end - start < min_len {
                continue;
            }
            let sim = strsim::normalized_levenshtein(&old.exact, &text[start..end]);
            if sim >= FUZZY_THRESHOLD && best.is_none_or(|b| sim > b.2) {
                best = Some((start, end, sim));
            }
        }
    }
    best
}

/// What replacing a document's text did to its evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Anchors at the same place.
    pub unchanged: usize,
    /// Anchors found elsewhere or fuzzily.
    pub moved: usize,
    /// Evidence that could not be found again.
    pub orphaned: usize,
}

/// The action replacing a document's text, with every evidence anchor in it re-resolved (or
/// orphaned), excluded and rejected ranges that no longer fit dropped; one undo step.
pub fn replace_text(
    ws: &Workspace,
    doc: &DocId,
    new_text: String,
) -> Option<(Action, ReanchorReport)> {
    let old = ws.document(doc)?;
    let mut d = old.clone();
    d.sha256 = crate::model::SourceDocument::hash_text(&new_text);
    let fits = |s: usize, e: usize| {
        s <= e
            && e <= new_text.len()
            && new_text.is_char_boundary(s)
            && new_text.is_char_boundary(e)
    };
    d.excluded.retain(|r| fits(r.start, r.end));
    d.rejected.clear();
    let mut report = ReanchorReport::default();
    let mut actions = Vec::new();
    for c in &ws.claims {
        if !c.evidence.iter().any(|e| &e.doc == doc) {
            continue;
        }
        let mut nc = c.clone();
        for e in nc
            .evidence
            .iter_mut()
            .filter(|e| &e.doc == doc && !e.orphaned)
        {
            match reanchor(&e.anchor, &new_text) {
                (Some(a), Outcome::Unchanged) => {
                    e.anchor = a;
                    report.unchanged += 1;
                }
                (Some(a), _) => {
                    e.anchor = a;
                    report.moved += 1;
                }
                (None, _) => {
                    e.orphaned = true;
                    report.orphaned += 1;
                }
            }
        }
        if &nc != c {
            actions.push(Action::ReplaceClaim(Box::new(nc)));
        }
    }
    d.text = new_text;
    actions.insert(0, Action::ReplaceDocument(Box::new(d)));
    Some((Action::Batch(actions), report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TEXT: &str = "OpenAI agreed a deal with AWS last month. Amazon is in talks to invest at least $10 billion in OpenAI, people said. Shares rose.";
    const QUOTE: &str = "Amazon is in talks to invest at least $10 billion in OpenAI";

    fn anchor() -> Anchor {
        Anchor::find(TEXT, QUOTE, 0).unwrap()
    }

    #[test]
    fn unchanged_text_keeps_the_anchor() {
        assert_eq!(
            reanchor(&anchor(), TEXT),
            (Some(anchor()), Outcome::Unchanged)
        );
    }

    #[test]
    fn text_inserted_before_moves_the_anchor() {
        let t = format!("Breaking. {TEXT}");
        let (a, o) = reanchor(&anchor(), &t);
        assert_eq!(o, Outcome::Moved);
        assert_eq!(&t[a.unwrap().range()], QUOTE);
    }

    #[test]
    fn a_typo_fix_inside_the_quote_is_a_fuzzy_match() {
        let t = TEXT.replace("in talks to invest", "in talks to put");
        let (a, o) = reanchor(&anchor(), &t);
        assert!(
            matches!(o, Outcome::Fuzzy(s) if s >= FUZZY_THRESHOLD),
            "{o:?}"
        );
        assert_eq!(
            &t[a.unwrap().range()],
            "Amazon is in talks to put at least $10 billion in OpenAI"
        );
    }

    #[test]
    fn deleting_the_sentence_orphans_it_even_with_a_look_alike_next_to_it() {
        let look_alike =
            "Amazon is in talks to invest at least $12 billion in OpenAI, others said.";
        let doc = format!("{TEXT} {look_alike} Markets closed.");
        let a = Anchor::find(&doc, QUOTE, 0).unwrap();
        let edited = doc.replace(&format!("{QUOTE}, people said. "), "");
        assert!(edited.contains(look_alike));
        assert_eq!(
            reanchor(&a, &edited),
            (None, Outcome::Orphaned),
            "never moved to the look-alike"
        );
    }

    #[test]
    fn identical_quote_elsewhere_with_other_context_is_not_taken() {
        let a = anchor();
        let t = format!("Unrelated intro text here. {QUOTE}. Unrelated outro text follows.");
        assert_eq!(reanchor(&a, &t).1, Outcome::Orphaned);
    }

    #[test]
    fn replace_text_reanchors_and_orphans_in_one_undo_step() {
        let mut ws = crate::sample::sample_workspace().unwrap();
        let before = ws.clone();
        let doc = ws.documents[0].clone();
        let first_quote = ws
            .claims
            .iter()
            .flat_map(|c| &c.evidence)
            .find(|e| e.doc == doc.id)
            .unwrap()
            .anchor
            .exact
            .clone();
        let new_text = format!("Updated: {}", doc.text.replace(&first_quote, ""));
        let (action, report) = replace_text(&ws, &doc.id, new_text).unwrap();
        let inverse = action.apply(&mut ws).unwrap();
        assert!(report.orphaned >= 1 && report.moved >= 1, "{report:?}");
        assert!(
            ws.validate().is_empty(),
            "orphaned evidence keeps the workspace valid: {:?}",
            ws.validate()
        );
        inverse.apply(&mut ws).unwrap();
        assert_eq!(ws, before);
    }

    proptest! {
        /// Random edits keep each anchor on its original quote (shifted) when they miss it, and
        /// either orphan it or keep it on the edited quote's place when they hit it.
        #[test]
        fn random_edits_keep_or_orphan(pos in 0usize..TEXT.len(), del in 0usize..12, ins in "[a-z ]{0,8}") {
            let a = anchor();
            let pos = floor_boundary(TEXT, pos);
            let end = floor_boundary(TEXT, (pos + del).min(TEXT.len()));
            let edited = format!("{}{}{}", &TEXT[..pos], ins, &TEXT[end..]);
            let (found, outcome) = reanchor(&a, &edited);
            let shift = ins.len() as isize - (end - pos) as isize;
            if end <= a.start.saturating_sub(a.prefix.len()) || pos >= a.end + a.suffix.len() {
                // The edit misses the quote and its context: same quote, shifted.
                let f = found.expect("kept");
                prop_assert_eq!(&edited[f.range()], QUOTE);
                let expected = if pos < a.start { (a.start as isize + shift) as usize } else { a.start };
                prop_assert_eq!(f.start, expected);
            } else if let Some(f) = found {
                // Either the very quote, or an edit of it where it was.
                let region_end = (a.end as isize + shift.max(0)) as usize + 1;
                prop_assert!(&edited[f.range()] == QUOTE || (f.start < region_end && f.end + 1 > a.start), "{:?} {:?}", outcome, f);
            }
        }
    }
}
