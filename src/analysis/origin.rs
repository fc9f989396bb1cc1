//! Independence of sources: which original reporter a piece of evidence comes from.
//!
//! An outlet that writes "according to The Information" or "citing a Reuters report" is an echo
//! of that origin, not a new source. The origin of one evidence span is, in order:
//! 1. its `attributed_to`, when the analyst set it;
//! 2. a reporter named by a cue phrase in the sentence around the span ("according to X",
//!    "a report by/from X", "as reported by X", "citing X", "X reported", "a X report");
//! 3. the document's `cites`: the first cited name that appears in that sentence, else the first;
//! 4. the document's own outlet (or its title when the outlet is blank).
//!
//! Names are compared case-insensitively without a leading "the" or a trailing "'s", and are
//! mapped through the aliases of entities of kind `outlet` ("FT" → "Financial Times").

use crate::model::{Claim, EntityKind, Evidence, Workspace};
use regex::Regex;
use std::sync::LazyLock;

/// Where an origin was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OriginSource {
    /// The evidence's `attributed_to`.
    Attributed,
    /// A cue phrase in the evidence's sentence.
    Cue,
    /// The document's `cites` list.
    Cites,
    /// The document's own outlet.
    Outlet,
}

/// The original reporter behind one evidence span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Display name ("The Information").
    pub name: String,
    /// Comparison key ("information").
    pub key: String,
    /// How it was determined.
    pub source: OriginSource,
}

const NAME: &str = r"\b(?P<name>(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:of\s+)?[A-Z][\w&’'-]*){0,4})";

static CUES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"(?i:\b(?:report|article|story|analysis)\s+(?:by|from|in))\s+{NAME}"),
        format!(r"(?i:\baccording\s+to)\s+{NAME}"),
        format!(r"(?i:\b(?:as\s+)?reported\s+by|\bciting|\bcited\s+by)\s+(?i:an?\s+)?{NAME}"),
        format!(r"{NAME}\s+(?i:reported|reports|said\s+in\s+a\s+report)\b"),
        format!(r"(?i:\ban?)\s+{NAME}\s+(?i:report|article|story)\b"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static cue regex"))
    .collect()
});

/// Words that start a capitalised run but are not reporters ("According to December …").
const NOT_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "recent",
    "sources",
    "people",
    "posts",
    "analysts",
];

/// The comparison key of a reporter's name, after outlet-entity aliases.
pub fn origin_key(ws: &Workspace, name: &str) -> String {
    let canonical = canonical_name(ws, name);
    let mut k = canonical
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suffix in ["'s", "’s"] {
        if let Some(s) = k.strip_suffix(suffix) {
            k = s.to_owned();
        }
    }
    if let Some(s) = k.strip_prefix("the ") {
        k = s.to_owned();
    }
    k.trim().to_owned()
}

fn canonical_name(ws: &Workspace, name: &str) -> String {
    let bare = name.trim().trim_end_matches("'s").trim_end_matches("’s");
    let no_the = bare
        .strip_prefix("The ")
        .or_else(|| bare.strip_prefix("the "))
        .unwrap_or(bare);
    ws.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Outlet)
        .find(|e| e.answers_to(bare) || e.answers_to(no_the))
        .map_or_else(|| bare.to_owned(), |e| e.name.clone())
}

/// The reporter a sentence attributes itself to, by cue phrase (module docs), if any.
pub fn cited_in(sentence: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for re in CUES.iter() {
        for c in re.captures_iter(sentence) {
            let Some(m) = c.name("name") else { continue };
            let name = m.as_str().trim_end_matches(['’', '\'', '-']).trim();
            let name = name.strip_prefix("the ").unwrap_or(name).trim();
            let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
            let first = first.trim_end_matches("'s").trim_end_matches("’s");
            if NOT_NAMES.contains(&first) {
                continue;
            }
            if best.as_ref().is_none_or(|(at, _)| m.start() < *at) {
                best = Some((m.start(), name.to_owned()));
            }
            break;
        }
    }
    best.map(|(_, n)| n)
}

/// The sentence of `text` around `start..end` (between sentence ends or line breaks).
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let start = crate::model::anchor::floor_boundary(text, start);
    let end = crate::model::anchor::floor_boundary(text, end.max(start));
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let s = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_stop(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let e = text[end..]
        .char_indices()
        .find(|&(_, c)| is_stop(c))
        .map_or(text.len(), |(i, c)| end + i + c.len_utf8());
    text[s..e].trim()
}

/// The text around an evidence span: its sentence when the anchor fits the document, else the
/// anchor's own context.
pub fn evidence_sentence(ws: &Workspace, ev: &Evidence) -> String {
    match ws.document(&ev.doc) {
        Some(d) if ev.anchor.validate(&d.text).is_ok() => {
            sentence_around(&d.text, ev.anchor.start, ev.anchor.end).to_owned()
        }
        _ => format!(
            "{}{}{}",
            ev.anchor.prefix, ev.anchor.exact, ev.anchor.suffix
        ),
    }
}

/// The origin of one evidence span (module docs).
pub fn evidence_origin(ws: &Workspace, ev: &Evidence) -> Origin {
    let make = |name: &str, source| Origin {
        name: canonical_name(ws, name),
        key: origin_key(ws, name),
        source,
    };
    if let Some(a) = ev.attributed_to.as_deref().filter(|a| !a.trim().is_empty()) {
        return make(a, OriginSource::Attributed);
    }
    let sentence = evidence_sentence(ws, ev);
    if let Some(n) = cited_in(&sentence) {
        // "Amazon reported …" names a party, not a reporter.
        let is_party = ws
            .entities
            .iter()
            .any(|e| e.kind != EntityKind::Outlet && e.answers_to(&n));
        if !is_party {
            return make(&n, OriginSource::Cue);
        }
    }
    let doc = ws.document(&ev.doc);
    if let Some(d) = doc.filter(|d| !d.cites.is_empty()) {
        let lower = sentence.to_lowercase();
        let named = d
            .cites
            .iter()
            .find(|c| lower.contains(&origin_key(ws, c)))
            .unwrap_or(&d.cites[0]);
        return make(named, OriginSource::Cites);
    }
    match doc {
        Some(d) if !d.outlet.trim().is_empty() => make(&d.outlet, OriginSource::Outlet),
        // A person reads this name: the document's title, not its id, when no outlet is known.
        Some(d) if !d.title.trim().is_empty() => make(&d.title, OriginSource::Outlet),
        _ => make(ev.doc.as_str(), OriginSource::Outlet),
    }
}

/// The distinct origins of a claim's evidence, by key, in first-seen order.
pub fn claim_origins(ws: &Workspace, c: &Claim) -> Vec<Origin> {
    let mut out: Vec<Origin> = Vec::new();
    for ev in &c.evidence {
        let o = evidence_origin(ws, ev);
        if !out.iter().any(|x| x.key == o.key) {
            out.push(o);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_phrases_name_the_origin() {
        let cases = [
            (
                "According to a December 16 report by The Information, Amazon may invest.",
                Some("The Information"),
            ),
            (
                "Amazon is in talks, according to the Financial Times.",
                Some("Financial Times"),
            ),
            ("A Reuters report confirmed the talks.", Some("Reuters")),
            (
                "The talks, as detailed in a report from The Information, go on.",
                Some("The Information"),
            ),
            (
                "Amazon may invest, citing a Bloomberg report.",
                Some("Bloomberg"),
            ),
            ("Bloomberg reported that talks continue.", Some("Bloomberg")),
            ("According to recent reports, talks are underway.", None),
            ("Amazon is in talks to invest $10 billion.", None),
        ];
        for (s, want) in cases {
            assert_eq!(cited_in(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn sentences_are_cut_at_stops() {
        let t = "First one. Second has the quote here. Third.";
        let i = t.find("quote").unwrap();
        assert_eq!(sentence_around(t, i, i + 5), "Second has the quote here.");
    }
}
