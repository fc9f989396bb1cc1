//! Kind and status from cue words in the clause: "invest" → investment, "valued at" →
//! valuation, "lease"/"cloud" → compute commitment; "in talks" → in talks, "letter of intent",
//! "signed", "completed", "could"/"would" → forecast. Matched with one Aho-Corasick automaton
//! per question; the cue nearest the figure wins among those of equal strength.

use crate::model::{ClaimKind, ClaimStatus, Unit};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::sync::LazyLock;

/// `(cue, kind, weight)`; higher weight wins, distance to the figure breaks ties.
const KIND_CUES: &[(&str, ClaimKind, f32)] = &[
    ("valuation", ClaimKind::Valuation, 3.0),
    ("valued", ClaimKind::Valuation, 3.0),
    ("valuing", ClaimKind::Valuation, 3.0),
    ("value the", ClaimKind::Valuation, 2.5),
    ("value it", ClaimKind::Valuation, 2.5),
    ("values it", ClaimKind::Valuation, 2.5),
    ("values the", ClaimKind::Valuation, 2.5),
    ("market cap", ClaimKind::Valuation, 2.5),
    ("market value", ClaimKind::Valuation, 2.5),
    ("market capitalization", ClaimKind::Valuation, 2.5),
    ("worth", ClaimKind::Valuation, 0.5),
    ("its worth", ClaimKind::Valuation, 2.6),
    // Words that contain a cue but are not one.
    ("chipmaker", ClaimKind::Other, 0.0),
    ("chipmakers", ClaimKind::Other, 0.0),
    ("investor", ClaimKind::Other, 0.0),
    ("investors", ClaimKind::Other, 0.0),
    ("invest", ClaimKind::Investment, 2.6),
    ("stake", ClaimKind::Investment, 2.4),
    ("equity", ClaimKind::Investment, 2.0),
    ("owns", ClaimKind::Investment, 2.0),
    ("holds", ClaimKind::Investment, 1.8),
    ("injection", ClaimKind::Investment, 2.4),
    ("inject", ClaimKind::Investment, 2.4),
    ("infusion", ClaimKind::Investment, 2.4),
    ("plunge into", ClaimKind::Investment, 2.4),
    ("bet on", ClaimKind::Investment, 2.2),
    ("backing", ClaimKind::Investment, 2.0),
    ("put in", ClaimKind::Investment, 2.0),
    ("put", ClaimKind::Investment, 1.4),
    ("putting in", ClaimKind::Investment, 2.0),
    ("took part", ClaimKind::Investment, 2.0),
    ("pledged", ClaimKind::Investment, 1.5),
    ("promised", ClaimKind::Investment, 1.4),
    ("committing", ClaimKind::Investment, 1.4),
    ("raise", ClaimKind::Fundraising, 2.5),
    ("raising", ClaimKind::Fundraising, 2.5),
    ("funding round", ClaimKind::Fundraising, 2.6),
    ("fundraising", ClaimKind::Fundraising, 2.5),
    ("raised", ClaimKind::Fundraising, 2.4),
    ("round", ClaimKind::Fundraising, 2.2),
    ("funding", ClaimKind::Fundraising, 2.0),
    ("financing", ClaimKind::Fundraising, 2.0),
    ("bonds", ClaimKind::Fundraising, 2.0),
    ("debt", ClaimKind::Fundraising, 2.0),
    ("loan", ClaimKind::Fundraising, 2.0),
    ("credit line", ClaimKind::Fundraising, 2.2),
    ("secured", ClaimKind::Fundraising, 1.6),
    ("secures", ClaimKind::Fundraising, 1.6),
    ("committed", ClaimKind::Investment, 1.4),
    ("receive", ClaimKind::Investment, 1.5),
    ("received", ClaimKind::Investment, 1.5),
    ("cloud", ClaimKind::ComputeCommitment, 2.2),
    ("lease", ClaimKind::ComputeCommitment, 2.3),
    ("leasing", ClaimKind::ComputeCommitment, 2.3),
    ("rent", ClaimKind::ComputeCommitment, 2.3),
    ("compute deal", ClaimKind::ComputeCommitment, 2.4),
    ("computing capacity", ClaimKind::ComputeCommitment, 2.3),
    ("compute capacity", ClaimKind::ComputeCommitment, 2.3),
    ("infrastructure capacity", ClaimKind::ComputeCommitment, 2.3),
    ("servers from", ClaimKind::ComputeCommitment, 2.3),
    ("servers", ClaimKind::ComputeCommitment, 1.8),
    ("computing power", ClaimKind::ComputeCommitment, 2.3),
    ("compute", ClaimKind::ComputeCommitment, 1.8),
    ("commitments", ClaimKind::ComputeCommitment, 1.8),
    ("host", ClaimKind::ComputeCommitment, 1.8),
    ("hosting", ClaimKind::ComputeCommitment, 1.8),
    ("purchases", ClaimKind::ComputeCommitment, 1.6),
    ("purchase", ClaimKind::ComputeCommitment, 1.6),
    ("azure", ClaimKind::ComputeCommitment, 1.3),
    ("aws", ClaimKind::ComputeCommitment, 1.3),
    ("data center capacity", ClaimKind::ComputeCommitment, 2.2),
    ("capacity", ClaimKind::ComputeCommitment, 1.9),
    ("agreement", ClaimKind::ComputeCommitment, 1.0),
    ("agreements", ClaimKind::ComputeCommitment, 1.0),
    ("pact", ClaimKind::ComputeCommitment, 1.0),
    ("deal", ClaimKind::ComputeCommitment, 1.0),
    ("contract", ClaimKind::ComputeCommitment, 1.0),
    ("chips", ClaimKind::ChipSupply, 1.9),
    ("chip", ClaimKind::ChipSupply, 1.9),
    ("orders", ClaimKind::ChipSupply, 1.5),
    ("chip deal", ClaimKind::ChipSupply, 2.4),
    ("gpus", ClaimKind::ChipSupply, 1.9),
    ("accelerators", ClaimKind::ChipSupply, 1.9),
    ("processors", ClaimKind::ChipSupply, 1.8),
    ("revenue", ClaimKind::Revenue, 2.4),
    ("backlog", ClaimKind::Revenue, 2.2),
    ("performance obligations", ClaimKind::Revenue, 2.2),
    ("guided", ClaimKind::Revenue, 1.5),
    ("guidance", ClaimKind::Revenue, 1.5),
    ("sales", ClaimKind::Revenue, 2.0),
    ("generate", ClaimKind::Revenue, 2.0),
    ("bring", ClaimKind::Revenue, 1.8),
    ("income", ClaimKind::Revenue, 2.0),
    ("cash burn", ClaimKind::Spend, 2.8),
    ("burn", ClaimKind::Spend, 2.2),
    ("spend", ClaimKind::Spend, 1.7),
    ("spending", ClaimKind::Spend, 1.7),
    ("consume", ClaimKind::Spend, 1.8),
    ("capex", ClaimKind::Spend, 2.3),
    ("spent", ClaimKind::Spend, 1.9),
    ("spends", ClaimKind::Spend, 1.7),
    ("outlay", ClaimKind::Spend, 2.0),
    ("build-out", ClaimKind::Spend, 1.8),
    ("pledges", ClaimKind::Spend, 1.2),
    ("set aside", ClaimKind::Spend, 1.8),
    ("data centers", ClaimKind::Spend, 1.2),
    ("data centres", ClaimKind::Spend, 1.2),
    ("capital expenditure", ClaimKind::Spend, 2.3),
    ("allocated", ClaimKind::Spend, 2.0),
    ("cost", ClaimKind::Spend, 2.0),
    ("losses", ClaimKind::Spend, 1.8),
    ("cash", ClaimKind::Cash, 2.4),
    ("on hand", ClaimKind::Cash, 2.4),
    ("shares", ClaimKind::StockMove, 2.2),
    ("stock", ClaimKind::StockMove, 2.2),
    ("rise", ClaimKind::StockMove, 1.5),
    ("rose", ClaimKind::StockMove, 1.5),
    ("fell", ClaimKind::StockMove, 1.5),
    ("gain", ClaimKind::StockMove, 1.5),
    ("jump", ClaimKind::StockMove, 1.5),
    ("drop", ClaimKind::StockMove, 1.5),
    ("slid", ClaimKind::StockMove, 1.5),
    ("slipped", ClaimKind::StockMove, 1.5),
    ("climbed", ClaimKind::StockMove, 1.5),
    ("surged", ClaimKind::StockMove, 1.5),
    ("plunged", ClaimKind::StockMove, 1.5),
    ("tumbled", ClaimKind::StockMove, 1.5),
    ("sank", ClaimKind::StockMove, 1.5),
];

/// `(cue, status, priority)`; the highest priority present in the sentence wins.
const STATUS_CUES: &[(&str, ClaimStatus, u8)] = &[
    ("denied", ClaimStatus::Denied, 9),
    ("denies", ClaimStatus::Denied, 9),
    ("not in talks", ClaimStatus::Denied, 9),
    ("letter of intent", ClaimStatus::LetterOfIntent, 8),
    (
        "memorandum of understanding",
        ClaimStatus::LetterOfIntent,
        8,
    ),
    ("in talks", ClaimStatus::InTalks, 7),
    ("discussing", ClaimStatus::InTalks, 7),
    ("discussions", ClaimStatus::InTalks, 7),
    ("negotiat", ClaimStatus::InTalks, 7),
    ("exploring", ClaimStatus::InTalks, 7),
    ("considering", ClaimStatus::InTalks, 6),
    ("talks", ClaimStatus::InTalks, 6),
    ("signed", ClaimStatus::Signed, 5),
    ("agreed", ClaimStatus::Signed, 5),
    ("inked", ClaimStatus::Signed, 5),
    (" ink ", ClaimStatus::Signed, 5),
    ("struck", ClaimStatus::Signed, 5),
    ("committed to", ClaimStatus::Signed, 4),
    ("completed", ClaimStatus::Completed, 4),
    ("closed", ClaimStatus::Completed, 4),
    ("has invested", ClaimStatus::Completed, 4),
    ("has raised", ClaimStatus::Completed, 4),
    ("have raised", ClaimStatus::Completed, 4),
    ("have invested", ClaimStatus::Completed, 4),
    ("announced", ClaimStatus::Announced, 3),
    ("unveiled", ClaimStatus::Announced, 3),
    ("could", ClaimStatus::Forecast, 2),
    ("would", ClaimStatus::Forecast, 2),
    ("will ", ClaimStatus::Forecast, 2),
    ("plans to", ClaimStatus::Forecast, 2),
    ("expects", ClaimStatus::Forecast, 2),
    ("expected", ClaimStatus::Forecast, 2),
    ("forecast", ClaimStatus::Forecast, 2),
    ("projected", ClaimStatus::Forecast, 2),
    ("potential", ClaimStatus::Forecast, 2),
    ("reportedly", ClaimStatus::Rumored, 1),
    ("according to", ClaimStatus::Rumored, 1),
    ("people familiar", ClaimStatus::Rumored, 1),
    ("sources", ClaimStatus::Rumored, 1),
];

fn automaton(pats: impl Iterator<Item = &'static str>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(pats.collect::<Vec<_>>())
        .expect("static cue automaton builds")
}

static KIND_AC: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(KIND_CUES.iter().map(|c| c.0)));
static VALUE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)valu(?:e|es|ed|ing)(?-u:\b)[^.;]{0,40}(?-u:\b)at\s+(?:[a-z]+\s+){0,3}$",
    )
    .expect("static value-at regex is valid")
});

static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s+(?:in\s+which|which|who|whose|where)(?-u:\b)[^,]*,|\([^)]*\)")
        .expect("static aside regex is valid")
});

static DEAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:deal|agreement|contract|pact|order|transaction|partnership|arrangement)s?,?\s+(?:is\s+|was\s+|being\s+)?$")
        .expect("static deal regex is valid")
});

static DEAL_VALUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:deal|agreement|contract|pact|order|transaction|partnership|arrangement)s?,?\s+(?:is\s+|was\s+|being\s+)?valued(?-u:\b)")
        .expect("static deal-valued regex is valid")
});

/// What money is put into when it is spent rather than invested in a party: "invest RMB 380
/// billion in cloud and AI infrastructure", "pledged 100 trillion won to AI", "$1 trillion in
/// its own models", "on a new AI data centre".
static SPEND_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:on|in|into|to|for)\s+(?:(?:the|its|their|own|new|a|an|local|national|domestic)\s+)*(?:[A-Za-z-]+\s+){0,3}(?:infrastructure|data[- ]?cent(?:re|er)s?|hubs?|models?|campus(?:es)?|facilit(?:y|ies)|AI)(?-u:\b)")
        .expect("static spend-object regex is valid")
});

/// Whether the words right after a money figure name what it is spent on (infrastructure, data
/// centres, AI itself) rather than a party it goes to: such an investment or commitment is
/// spending.
/// Returns the length of that object phrase, so the caller can check that no party is named
/// in it ("in Mistral AI" is a company).
pub fn spent_on_things(after_figure: &str) -> Option<usize> {
    let m = SPEND_OBJECT.find(after_figure)?;
    let rest = &after_figure[m.end()..];
    // The thing must end the noun phrase: "into the AI startup" is a party, and "in cloud
    // infrastructure capacity from AWS" is bought from one.
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    let ends_phrase = rest.is_empty()
        || !rest.starts_with(' ')
        || next.is_empty()
        || matches!(
            next,
            "over"
                | "in"
                | "by"
                | "with"
                | "and"
                | "at"
                | "across"
                | "this"
                | "next"
                | "through"
                | "until"
                | "within"
                | "during"
                | "to"
                | "for"
                | "that"
                | "which"
                | "as"
                | "on"
        );
    (ends_phrase && !rest.contains(" from ")).then_some(m.end())
}

static STATUS_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(STATUS_CUES.iter().map(|c| c.0)));

/// The kind of a figure from its unit and the cue words of its clause. `clause` starts at byte
/// `base` of the text; `fig` is the figure's span and `others` the spans of the clause's other
/// figures, in text offsets. A cue counts only for the figure nearest to it.
pub fn kind(
    clause: &str,
    base: usize,
    fig: (usize, usize),
    others: &[(usize, usize)],
    unit: &Unit,
) -> ClaimKind {
    kind_scored(clause, base, fig, others, unit).0
}

/// [`kind`] with the winning cue's score (weight less distance), `0` when no cue was found.
pub fn kind_scored(
    clause: &str,
    base: usize,
    fig: (usize, usize),
    others: &[(usize, usize)],
    unit: &Unit,
) -> (ClaimKind, f32) {
    kind_masked(clause, base, fig, others, unit, &[])
}

/// [`kind_scored`] ignoring cues inside `masks` (text offsets): the "Investment" of "Public
/// Investment Fund" is a name, not a cue.
pub fn kind_masked(
    clause: &str,
    base: usize,
    fig: (usize, usize),
    others: &[(usize, usize)],
    unit: &Unit,
    masks: &[(usize, usize)],
) -> (ClaimKind, f32) {
    match unit {
        Unit::Gw => return (ClaimKind::Capacity, 3.0),
        Unit::Count => return (ClaimKind::ChipSupply, 3.0),
        _ => {}
    }
    // "the $10 billion from X" reads as money put in by X.
    let after = clause.get(fig.1.saturating_sub(base)..).unwrap_or("");
    let before = clause.get(..fig.0.saturating_sub(base)).unwrap_or("");
    let the_before = before.ends_with("the ") || before.ends_with("The ");
    if unit.is_money()
        && ((the_before && after.starts_with(" from ")) || after.starts_with(" investment"))
    {
        return (ClaimKind::Investment, 3.0);
    }
    let mentions_value = before.contains("valu") || before.contains("Valu");
    if unit.is_money()
        && mentions_value
        && VALUE_AT.is_match(before)
        && !DEAL_VALUED.is_match(before)
    {
        return (ClaimKind::Valuation, 3.0);
    }
    let may_aside =
        clause.contains('(') || clause.contains(", wh") || clause.contains(", in which");
    let asides: Vec<(usize, usize)> = if may_aside {
        ASIDE
            .find_iter(clause)
            .map(|m| (m.start(), m.end()))
            .filter(|&(a, b)| !(a <= fig.0 - base && fig.1 - base <= b))
            .collect()
    } else {
        Vec::new()
    };
    let mut best: Option<(f32, ClaimKind)> = None;
    for m in KIND_AC.find_iter(clause) {
        let (s, e) = (base + m.start(), base + m.end());
        if !word_start(clause, m.start()) {
            continue;
        }
        if masks.iter().any(|&(a, b)| a <= s && e <= b) {
            continue;
        }
        // ", in which it owns a stake,": an aside says nothing about this figure.
        if asides.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
            continue;
        }
        let (_, k, w) = KIND_CUES[m.pattern().as_usize()];
        // "the agreement, valued at $14 billion": the value of a deal, not of a company.
        if k == ClaimKind::Valuation && DEAL_BEFORE.is_match(&clause[..m.start()]) {
            continue;
        }
        let fits = match unit {
            // "a 27% stake": a share of a company is an investment.
            Unit::Percent => {
                matches!(k, ClaimKind::StockMove | ClaimKind::Revenue)
                    || matches!(
                        KIND_CUES[m.pattern().as_usize()].0,
                        "stake" | "equity" | "owns" | "holds"
                    )
            }
            _ => k != ClaimKind::StockMove,
        };
        if !fits {
            continue;
        }
        let dist = distance((s, e), fig);
        if others.iter().any(|o| distance((s, e), *o) < dist) {
            continue;
        }
        // "$38 billion cloud contract": the noun right after a figure says what it is.
        let right_after = s >= fig.1
            && clause
                .get(fig.1 - base..s - base)
                .is_some_and(|g| g.split_whitespace().count() <= 1);
        // "will invest € 1.3 billion in": a money verb right before a figure governs it.
        let right_before = e <= fig.0
            && fig.0 - e <= 12
            && matches!(k, ClaimKind::Investment | ClaimKind::Fundraising);
        let bonus = if right_after || right_before {
            0.5
        } else {
            0.0
        };
        let score = w + bonus - dist as f32 / 120.0;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map_or((ClaimKind::Other, 0.0), |(s, k)| (k, s))
}

/// Bytes between a cue and a figure.
pub fn distance(cue: (usize, usize), fig: (usize, usize)) -> usize {
    if cue.1 <= fig.0 {
        fig.0 - cue.1
    } else {
        cue.0.saturating_sub(fig.1)
    }
}

fn word_start(s: &str, i: usize) -> bool {
    i == 0
        || !s[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// The status of a claim from the cue words of its sentence.
pub fn status(sentence: &str) -> ClaimStatus {
    let mut best: Option<(u8, ClaimStatus)> = None;
    for m in STATUS_AC.find_iter(sentence) {
        if !word_start(sentence, m.start())
            && !STATUS_CUES[m.pattern().as_usize()].0.starts_with(' ')
        {
            continue;
        }
        let (_, st, p) = STATUS_CUES[m.pattern().as_usize()];
        // "if finalized", "if completed": a condition, not a fact.
        if matches!(st, ClaimStatus::Completed | ClaimStatus::Signed)
            && sentence[..m.start()]
                .to_ascii_lowercase()
                .trim_end()
                .ends_with(" if")
        {
            continue;
        }
        if best.is_none_or(|(b, _)| p > b) {
            best = Some((p, st));
        }
    }
    best.map_or(ClaimStatus::Unknown, |(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str, fig: &str, unit: Unit) -> ClaimKind {
        let at = s.find(fig).unwrap_or(0);
        kind(s, 0, (at, at + fig.len()), &[], &unit)
    }

    #[test]
    fn money_spent_on_things_not_parties() {
        assert!(spent_on_things(" in cloud and AI infrastructure over three years").is_some());
        assert!(spent_on_things(" to AI over the next five years").is_some());
        assert!(spent_on_things(" on a new AI data centre in Ulsan").is_some());
        assert!(spent_on_things(" in its own HyperClova models").is_some());
        assert!(spent_on_things(" to local data centres").is_some());
        assert!(spent_on_things(" in OpenAI").is_none());
        assert!(spent_on_things(" in Intel, the companies said").is_none());
        assert!(spent_on_things(" agreement to supply computing capacity").is_none());
        assert!(spent_on_things(" in cloud services from AWS").is_none());
        assert!(spent_on_things(" into the AI startup, a move").is_none());
        assert!(spent_on_things(" in cloud infrastructure capacity from AWS.").is_none());
    }

    #[test]
    fn kinds_from_cues() {
        assert_eq!(
            k(
                "Amazon may invest $10 billion in OpenAI",
                "$10 billion",
                Unit::Usd
            ),
            ClaimKind::Investment
        );
        assert_eq!(
            k(
                "a move that could value OpenAI at $500 billion",
                "$500 billion",
                Unit::Usd
            ),
            ClaimKind::Valuation
        );
        assert_eq!(
            k(
                "OpenAI would spend $38 billion over seven years to lease AWS servers",
                "$38 billion",
                Unit::Usd
            ),
            ClaimKind::ComputeCommitment
        );
        assert_eq!(
            k("deploy at least 10 GW", "10 GW", Unit::Gw),
            ClaimKind::Capacity
        );
        assert_eq!(
            k("Amazon's stock rose 5%", "5%", Unit::Percent),
            ClaimKind::StockMove
        );
        assert_eq!(
            k(
                "the $10 billion from Amazon might",
                "$10 billion",
                Unit::Usd
            ),
            ClaimKind::Investment
        );
        let t = "the numbers: $10 billion investment paired with $38 billion in AWS capacity";
        let (a, b) = (t.find("$10").unwrap_or(0), t.find("$38").unwrap_or(0));
        assert_eq!(
            kind(t, 0, (b, b + 11), &[(a, a + 11)], &Unit::Usd),
            ClaimKind::ComputeCommitment
        );
        assert_eq!(
            kind(t, 0, (a, a + 11), &[(b, b + 11)], &Unit::Usd),
            ClaimKind::Investment
        );
        assert_eq!(
            k("noted a 2.3% rise", "2.3%", Unit::Percent),
            ClaimKind::StockMove
        );
        assert_eq!(
            k(
                "cash and cash equivalents of $66.9 billion",
                "$66.9 billion",
                Unit::Usd
            ),
            ClaimKind::Cash
        );
    }

    #[test]
    fn statuses_from_cues() {
        assert_eq!(status("Amazon is in talks to invest"), ClaimStatus::InTalks);
        assert_eq!(
            status("they signed a letter of intent for Nvidia"),
            ClaimStatus::LetterOfIntent
        );
        assert_eq!(status("the deal could value it at"), ClaimStatus::Forecast);
        assert_eq!(status("If finalized, it would"), ClaimStatus::Forecast);
        assert_eq!(
            status("OpenAI completed a share sale"),
            ClaimStatus::Completed
        );
        assert_eq!(status("Plain words."), ClaimStatus::Unknown);
    }
}
