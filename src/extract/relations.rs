//! Relations stated without a figure: "OpenAI runs ChatGPT on Microsoft's Azure", "leases
//! capacity from Oracle", "buys its chips from Nvidia", "Dell supplies the servers". They are
//! proposed as claims with no amount so the money-flow network can close loops whose return leg
//! has no price.
//!
//! One regex per sentence finds a cue verb with the word that tells the direction (`on`,
//! `from`, `to`, or a direct object); the payer and the payee are the parties named right
//! before the verb and right after that word. Who pays: the user of a service (`runs on Y`,
//! `leases from Y`, `rents Y's TPUs`) pays its provider; a seller (`Y supplies X`, `leases its
//! site to X`) is paid.

use super::gazetteer::Mention;
use crate::model::ClaimKind;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// A relation found in a sentence: payer, payee, kind and the cue's span.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Who pays (canonical name).
    pub payer: String,
    /// Who is paid (canonical name).
    pub payee: String,
    /// `compute_commitment` or `chip_supply`.
    pub kind: ClaimKind,
    /// Start byte of the cue verb (text offsets).
    pub start: usize,
    /// End byte of the cue (the governing word after it).
    pub end: usize,
    /// Whether the payer was named in the sentence (not read from context).
    pub named: bool,
}

/// Cheap test: does a paragraph hold any cue verb at all.
pub fn may_hold(paragraph: &str) -> bool {
    CUE_HINT.is_match(paragraph)
}

static CUE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:run|ran|train|host|leas|rent|buy|bought|purchas|sourc|pay|paid|use|using|relies|depend|suppl|sell|sold|provid)")
        .expect("static relation-hint regex is valid")
});

/// Which way money goes for a cue: the user pays (`runs on Y`), or the seller is paid
/// (`Y supplies X`, `leases its site to X`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    UserPays,
    SellerPaid,
}

/// The cue verbs, each with the word that names the other party, most specific first.
static CUES: LazyLock<Vec<(Regex, Dir)>> = LazyLock::new(|| {
    let pats = [
        (
            r"(?i)(?-u:\b)(?:runs?|running|ran|trains?|training|trained|hosts?|hosting|hosted)(?-u:\b)[^.;:,]{0,50}?(?-u:\b)on\s+(?:the\s+)?",
            Dir::UserPays,
        ),
        (
            r"(?i)(?-u:\b)(?:leases?|leasing|leased|rents?|renting|rented|buys?|buying|bought|purchases?|purchasing|purchased|sources?|sourcing|sourced|procures?|procured)(?-u:\b)[^.;:,]{0,50}?(?-u:\b)from\s+(?:the\s+)?",
            Dir::UserPays,
        ),
        (
            r"(?i)(?-u:\b)(?:leases?|leasing|leased|rents?|renting|rented|sells?|selling|sold|supplies|supplying|supplied|provides?|providing|provided)(?-u:\b)[^.;:,]{0,50}?(?-u:\b)to\s+(?:the\s+)?",
            Dir::SellerPaid,
        ),
        (
            r"(?i)(?-u:\b)(?:secured|signed|struck|inked|reached|has|have)\s+(?:an?\s+|new\s+|several\s+)?(?:compute\s+|cloud\s+|chip\s+)?(?:agreements?|deals?|contracts?|partnerships?)\s+with\s+(?:the\s+)?",
            Dir::UserPays,
        ),
        (
            r"(?i)(?-u:\b)(?:rents?\s+out|rents?|renting|rented|leases?|uses?|using|used|relies\s+on|relying\s+on|reliance\s+on|depends\s+on|dependence\s+on|pays?|paying|paid|taps?|tapping)\s+(?:the\s+)?",
            Dir::UserPays,
        ),
        (
            r"(?i)(?-u:\b)(?:supplies|supply|supplying|supplied|sells?|selling|sold|provides?|providing)\s+(?:the\s+)?",
            Dir::SellerPaid,
        ),
    ];
    pats.into_iter()
        .map(|(p, d)| {
            (
                Regex::new(p).expect("static relation-cue regex is valid"),
                d,
            )
        })
        .collect()
});

/// All the cue patterns at once: one scan of a sentence tells which cues occur in it, so only
/// those are searched for their matches (six scans of every sentence took a tenth of an
/// extraction).
static CUE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(CUES.iter().map(|(re, _)| re.as_str())).expect("static relation-cue set is valid")
});

static PREP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:from|with|to|in|into|by|of|for|on|at)\s+(?:the\s+)?$")
        .expect("static preposition regex is valid")
});

/// Sellers of chips: a purchase from them is chip supply, not compute.
const CHIP_MAKERS: &[&str] = &[
    "Nvidia", "AMD", "Broadcom", "Intel", "TSMC", "Samsung", "SK Hynix", "Micron", "Cerebras",
    "Groq", "Qualcomm", "Arm",
];

static SUBJECT_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:it|the\s+(?:company|start-?up|lab|group|firm|developer|chatgpt\s+maker))(?-u:\b)")
        .expect("static subject-anaphor regex is valid")
});

/// The relations stated in sentence `s` (text offsets). `ms` are the sentence's mentions in
/// order; `fallback` is who "it"/"the company" refers to when the sentence names no payer.
pub fn find(
    text: &str,
    s: (usize, usize),
    ms: &[&Mention],
    fallback: Option<&str>,
) -> Vec<Relation> {
    let stext = &text[s.0..s.1];
    let mut out: Vec<Relation> = Vec::new();
    let present = CUE_SET.matches(stext);
    for (i, (re, dir)) in CUES.iter().enumerate() {
        if !present.matched(i) {
            continue;
        }
        for m in re.find_iter(stext) {
            let (cue_start, cue_end) = (s.0 + m.start(), s.0 + m.end());
            if out
                .iter()
                .any(|r| r.start <= cue_start && cue_start < r.end)
            {
                continue;
            }
            // The party named right after the cue; a few words of description may come
            // between ("from chipmaker Nvidia"), a comma may not.
            let Some(object) = ms.iter().find(|x| {
                x.start >= cue_end
                    && x.start - cue_end <= 24
                    && !text[cue_end..x.start].contains([',', '.', ';'])
            }) else {
                continue;
            };
            // The party before the cue that is not governed by a preposition ("invested in
            // G42" names G42 as an object, not as the actor of what follows).
            let before = ms.iter().rev().find(|x| {
                x.end <= cue_start
                    && !PREP_BEFORE.is_match(
                        &text[super::figures::ceil(text, x.start.saturating_sub(12))..x.start],
                    )
            });
            let lead = text[s.0..cue_start].trim_start();
            let (subject, named) = match before {
                Some(b) if !SUBJECT_ANAPHOR.is_match(lead) || b.start > s.0 + 12 => {
                    (Some(b.canonical.as_str()), true)
                }
                _ => (fallback, false),
            };
            let Some(subject) = subject else { continue };
            // "with Nvidia, Oracle, AMD and others", "on Nvidia's chips and Microsoft's
            // Azure": every party of a list joined to the first.
            let mut objects = vec![*object];
            let mut last = *object;
            for x in ms.iter().filter(|x| x.start > object.start) {
                if x.start > last.end + 48 {
                    break;
                }
                let gap = &text[last.end..x.start];
                let joined = (gap.trim() == "," || gap.contains(" and ") || gap.starts_with(", "))
                    && !gap.contains(['.', ';']);
                if !joined {
                    break;
                }
                objects.push(x);
                last = x;
            }
            for (i, obj) in objects.iter().enumerate() {
                let (payer, payee) = match dir {
                    Dir::SellerPaid => (obj.canonical.as_str(), subject),
                    Dir::UserPays => (subject, obj.canonical.as_str()),
                };
                if payer == payee || out.iter().any(|r| r.payer == payer && r.payee == payee) {
                    continue;
                }
                let kind = if CHIP_MAKERS.contains(&payee) {
                    ClaimKind::ChipSupply
                } else {
                    ClaimKind::ComputeCommitment
                };
                out.push(Relation {
                    payer: payer.to_owned(),
                    payee: payee.to_owned(),
                    kind,
                    // Each relation of a list keeps its own place, so each can be rejected.
                    start: if i == 0 { cue_start } else { obj.start },
                    end: if i == 0 { cue_end } else { obj.end },
                    named,
                });
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Gazetteer;

    fn rel(s: &str) -> Vec<(String, String, ClaimKind)> {
        let g = Gazetteer::builtin();
        let ms = g.find(s, 0);
        let refs: Vec<&Mention> = ms.iter().collect();
        find(s, (0, s.len()), &refs, Some("OpenAI"))
            .into_iter()
            .map(|r| (r.payer, r.payee, r.kind))
            .collect()
    }

    #[test]
    fn users_pay_providers() {
        assert_eq!(
            rel("OpenAI runs ChatGPT on Microsoft's Azure."),
            [(
                "OpenAI".into(),
                "Microsoft".into(),
                ClaimKind::ComputeCommitment
            )]
        );
        assert_eq!(
            rel("OpenAI also leases data-centre capacity from Oracle in Texas."),
            [(
                "OpenAI".into(),
                "Oracle".into(),
                ClaimKind::ComputeCommitment
            )]
        );
        assert_eq!(
            rel("AWS rents out Nvidia GPUs to its customers."),
            [("Amazon".into(), "Nvidia".into(), ClaimKind::ChipSupply)]
        );
        assert_eq!(
            rel("It also rents Google's TPUs."),
            [(
                "OpenAI".into(),
                "Google".into(),
                ClaimKind::ComputeCommitment
            )]
        );
    }

    #[test]
    fn sellers_are_paid() {
        assert_eq!(
            rel("Nscale will lease its Loughton site to Microsoft."),
            [(
                "Microsoft".into(),
                "Nscale".into(),
                ClaimKind::ComputeCommitment
            )]
        );
        assert_eq!(
            rel("Nvidia supplies xAI with accelerators."),
            [("xAI".into(), "Nvidia".into(), ClaimKind::ChipSupply)]
        );
    }

    #[test]
    fn lists_and_nouns() {
        let r = rel("OpenAI secured agreements with Nvidia, Oracle and AMD to lease chips.");
        let payees: Vec<&str> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(payees, ["Nvidia", "Oracle", "AMD"]);
        let r = rel("It cuts OpenAI's reliance on Nvidia's chips and Microsoft's Azure cloud.");
        let payees: Vec<&str> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(payees, ["Nvidia", "Microsoft"]);
    }

    #[test]
    fn no_relation_without_two_parties() {
        assert!(rel("The company runs on hope.").is_empty());
        assert!(rel("Analysts use many models.").is_empty());
    }
}
