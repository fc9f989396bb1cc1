//! Subject and counterparty from the clause's structure.
//!
//! Each party named in the clause gets a marker from the word before it (`in Y`, `from X`, `by
//! X`, `with Y`, `valuing Y`) and whether it is possessive (`X's $38B deal`). Per kind, the
//! markers decide who pays whom ("X … invest … in Y", "the $10 billion from X", "Y's deal with
//! X", passives with `by`); where they do not, the gazetteer's role priors do (a lab receives
//! investment and buys compute). Missing parties come from the sentence, then the previous
//! sentence (anaphora such as "the startup"), then the document's two main parties.

use super::gazetteer::{Mention, Role};
use super::noise::Topic;
use crate::model::ClaimKind;
use regex::Regex;
use std::sync::LazyLock;

/// The word that governs a party mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    In,
    From,
    By,
    With,
    To,
    For,
    Value,
    /// "X-backed Y": X backs Y.
    Backer,
    None,
}

static PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<p>in|into|from|by|with|to|for|on|valuing|value|values|valued|valuation\s+of|(?:investors|backers)\s+(?:including|such\s+as|like)|led\s+by)\s+(?:(?:the|its|their|rival|partner|startup|start-up|chipmaker|company|giant|firm|lab|provider|cloud|ai|tech|developer|maker|competitor|customer|unit|division|arm|backer|investor|computing|e-commerce|services|platform|chip)\s+){0,3}[“\x22]?$",
    )
    .expect("static preposition regex is valid")
});

/// A mention with its governing word.
#[derive(Clone, Debug)]
struct Party<'a> {
    m: &'a Mention,
    marker: Marker,
}

fn mark<'a>(text: &str, floor: usize, ms: &[&'a Mention]) -> Vec<Party<'a>> {
    let mut out: Vec<Party<'a>> = ms
        .iter()
        .map(|m| {
            let from = super::figures::ceil(text, m.start.saturating_sub(48).max(floor));
            let before = &text[from..m.start];
            // `find` (no capture groups) keeps this cheap; the governing word is the
            // start of the match.
            let marker = PREP.find(before).map_or(Marker::None, |m| {
                let lower = m.as_str().to_ascii_lowercase();
                let mut words = lower.split_whitespace();
                let w1 = words.next().unwrap_or("");
                let p = match w1 {
                    "investors" | "backers" | "led" => w1,
                    "valuation" => "valuation of",
                    _ => w1,
                };
                match p {
                    "in" | "into" => Marker::In,
                    "from" => Marker::From,
                    "by" => Marker::By,
                    s if s.starts_with("investors") || s.starts_with("backers") => Marker::From,
                    s if s.starts_with("led") => Marker::From,
                    "with" => Marker::With,
                    "to" | "on" => Marker::To,
                    "for" => Marker::For,
                    _ => Marker::Value,
                }
            });
            // "Amazon-backed Anthropic": the backer is a modifier, not the actor.
            let rest = &text[m.end..super::figures::floor(text, m.end + 12)];
            let marker = if marker == Marker::None
                && ["-backed", "-funded", "-owned", "-controlled"]
                    .iter()
                    .any(|s| rest.starts_with(s))
            {
                Marker::Backer
            } else {
                marker
            };
            Party { m, marker }
        })
        .collect();
    // "in OpenAI's competitor Anthropic": the preposition governs the possessed party.
    for i in 0..out.len().saturating_sub(1) {
        if out[i].m.possessive
            && out[i + 1].m.start.saturating_sub(out[i].m.end) < 32
            && out[i + 1].marker == Marker::None
        {
            out[i + 1].marker = out[i].marker;
            out[i].marker = Marker::None;
        }
    }
    out
}

/// Keeps the parties that belong to the figure `fig` rather than to a neighbouring figure:
/// after it, up to the next figure, those governed by a preposition ("$5 billion into Intel")
/// or nearer to it than to the next; before it, back to the previous figure, those not
/// governed by a preposition (which would attach to the previous figure).
fn own<'a>(
    text: &str,
    ps: Vec<Party<'a>>,
    fig: (usize, usize),
    others: &[(usize, usize)],
) -> Vec<Party<'a>> {
    let next = others.iter().map(|o| o.0).filter(|&o| o >= fig.1).min();
    let prev = others.iter().map(|o| o.1).filter(|&o| o <= fig.0).max();
    ps.into_iter()
        .filter(|p| {
            if p.m.start >= fig.1 {
                match next {
                    Some(n) if p.m.start >= n => false,
                    Some(n) => {
                        p.marker != Marker::None || p.m.start - fig.1 <= n.saturating_sub(p.m.end)
                    }
                    None => true,
                }
            } else {
                match prev {
                    Some(pv) if p.m.start >= pv => {
                        p.marker == Marker::None || !PREP_ONLY.is_match(&text[pv..p.m.start])
                    }
                    _ => true,
                }
            }
        })
        .collect()
}

/// Who is subject and counterparty of a figure.
pub struct PartyInput<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Figure span (text offsets).
    pub fig: (usize, usize),
    /// Spans of the other figures in the clause.
    pub others: Vec<(usize, usize)>,
    /// Start of the clause (text offset); markers do not look before it.
    pub clause_start: usize,
    /// End of the clause (text offset).
    pub clause_end: usize,
    /// Mentions in the clause.
    pub clause: Vec<&'a Mention>,
    /// Mentions in the whole sentence.
    pub sentence: Vec<&'a Mention>,
    /// Mentions in the previous sentence.
    pub previous: Vec<&'a Mention>,
    /// Mentions in the text shortly before the sentence, in order.
    pub context: Vec<&'a Mention>,
    /// The kind of the claim.
    pub kind: ClaimKind,
    /// The document's main parties.
    pub topic: &'a Topic,
}

type Pair = (Option<String>, Option<String>);

/// What a missing party should be, for the context search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Lab,
    NotLab,
    Seller,
    Any,
    /// "the two companies", "the agreement": both parties of a deal named just before.
    Deal,
}

impl Want {
    fn fits(self, r: Role) -> bool {
        match self {
            Want::Lab => r == Role::Lab,
            Want::NotLab => r != Role::Lab,
            Want::Seller => matches!(r, Role::Provider | Role::BigTech),
            Want::Any | Want::Deal => true,
        }
    }
}

static PREP_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:into|in|from|with|to|for|by|on)\s+(?:the\s+)?$")
        .expect("static preposition-gap regex is valid")
});

static PREP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:into|in|from|with|to|by)\s+$")
        .expect("static preposition-before regex is valid")
});

static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:the|both)\s+(?:(?P<lab>startup|start-up|lab|ai\s+developer|ai\s+company|model\s+developer)|(?P<seller>chipmaker|chip\s+designer|cloud\s+provider|cloud\s+unit|cloud\s+giant|provider|supplier)|(?P<deal>companies|partners|two|pair|parties|deal|agreement|contract|arrangement|partnership|commitment)|(?P<any>company|firm|group|investor))(?-u:\b)|(?-u:\b)(?P<it>it|its|they|their)(?-u:\b)",
    )
    .expect("static anaphor regex is valid")
});

/// Chooses subject and counterparty (canonical names).
pub fn parties(inp: &PartyInput<'_>) -> Pair {
    let anaphors = find_anaphors(inp);
    // "a stake in the chip designer": typed descriptions stand for the party they name.
    let described = described_parties(inp, &anaphors);
    // "the ChatGPT maker's rival" names someone else: the latest other party of that type.
    let rivals: Vec<Mention> = inp
        .clause
        .iter()
        .filter(|m| is_rival_of(inp.text, m))
        .filter_map(|m| {
            let other = inp
                .sentence
                .iter()
                .rev()
                .filter(|x| x.end <= m.start)
                .chain(inp.context.iter().rev())
                .find(|x| x.role == m.role && x.canonical != m.canonical)?;
            Some(Mention {
                canonical: other.canonical.clone(),
                ..(*m).clone()
            })
        })
        .collect();
    let mut in_clause: Vec<&Mention> = inp
        .clause
        .iter()
        .copied()
        .filter(|m| !is_rival_of(inp.text, m))
        .collect();
    in_clause.extend(described.iter());
    in_clause.extend(rivals.iter());
    in_clause.sort_by_key(|m| m.start);
    let clause = own(
        inp.text,
        mark(inp.text, inp.clause_start, &in_clause),
        inp.fig,
        &inp.others,
    );
    let (mut s, mut c) = assign(inp.kind, &clause, inp);
    if s.is_none() && c.is_none() {
        let floor = inp
            .sentence
            .first()
            .map_or(0, |m| m.start.saturating_sub(48));
        let sent = own(
            inp.text,
            mark(inp.text, floor, &inp.sentence),
            inp.fig,
            &inp.others,
        );
        (s, c) = assign(inp.kind, &sent, inp);
    }
    let money = matches!(
        inp.kind,
        ClaimKind::Investment | ClaimKind::ComputeCommitment | ClaimKind::ChipSupply
    );
    let reach = super::figures::floor(inp.text, inp.fig.1 + 120);
    let anaphor = anaphors
        .iter()
        .find(|a| a.0 < inp.fig.0)
        .or_else(|| anaphors.iter().find(|a| a.0 < reach))
        .map(|a| a.2);
    let (want_s, want_c) = match inp.kind {
        ClaimKind::Investment => (Want::NotLab, Want::Lab),
        ClaimKind::ComputeCommitment | ClaimKind::ChipSupply | ClaimKind::Capacity => {
            (Want::Lab, Want::Seller)
        }
        ClaimKind::Valuation | ClaimKind::Fundraising => (Want::Lab, Want::Any),
        _ => (Want::Any, Want::Any),
    };
    let needs_subject = money || matches!(inp.kind, ClaimKind::Valuation | ClaimKind::Fundraising);
    if anaphor == Some(Want::Deal) && (s.is_none() || c.is_none()) {
        let floor = inp
            .previous
            .first()
            .map_or(0, |m| m.start.saturating_sub(48));
        let prev = mark(inp.text, floor, &inp.previous);
        let (ps, pc) = assign(inp.kind, &prev, inp);
        if s.is_none() && ps.is_some() && ps != c {
            s = ps;
        }
        if c.is_none() && pc.is_some() && pc != s {
            c = pc;
        }
    }
    let mut anaphor_used = false;
    if s.is_none() && (anaphor.is_some() || needs_subject) {
        anaphor_used = anaphor.is_some();
        let want = match anaphor {
            Some(a) if a != Want::Any && a != Want::Deal => a,
            _ => want_s,
        };
        s = resolve(inp, want, c.as_deref(), needs_subject);
        if s.is_none() && anaphor.is_some() {
            // "the start-up" may be a provider too: fall back to the previous subject.
            s = resolve(inp, Want::Any, c.as_deref(), false);
        }
    }
    if c.is_none() && money {
        let want = match anaphor {
            Some(a) if !matches!(a, Want::Any | Want::Deal) && !anaphor_used && s.is_some() => a,
            _ => want_c,
        };
        c = resolve(inp, want, s.as_deref(), true);
    }
    if s.is_some() && s == c {
        c = None;
    }
    // "The cloud provider signed a deal with OpenAI": in a compute or chip deal the party more
    // likely to buy pays, whichever was named first (an unknown role decides nothing).
    if matches!(
        inp.kind,
        ClaimKind::ComputeCommitment | ClaimKind::ChipSupply | ClaimKind::Capacity
    ) && let (Some(a), Some(b)) = (&s, &c)
    {
        let (ra, rb) = (role_of(inp, a).buyer_rank(), role_of(inp, b).buyer_rank());
        if ra > 0 && rb > ra {
            std::mem::swap(&mut s, &mut c);
        }
    }
    (s, c)
}

/// The usual role of a party by its canonical name, from any mention of it nearby, else the
/// document's topic.
fn role_of(inp: &PartyInput<'_>, name: &str) -> Role {
    inp.sentence
        .iter()
        .chain(inp.previous.iter())
        .chain(inp.context.iter())
        .find(|m| m.canonical == name)
        .map_or_else(|| inp.topic.role(name), |m| m.role)
}

/// The party a missing slot most likely refers to: the most recent fitting mention before the
/// sentence (the previous sentence's subject first when any party will do), else one of the
/// document's two main parties when `topic_ok`.
fn resolve(
    inp: &PartyInput<'_>,
    want: Want,
    exclude: Option<&str>,
    topic_ok: bool,
) -> Option<String> {
    let free = |n: &str| Some(n) != exclude;
    if matches!(want, Want::Any | Want::Deal)
        && let Some(m) = inp.previous.iter().find(|m| free(&m.canonical))
    {
        return Some(m.canonical.clone());
    }
    if let Some(m) = inp
        .context
        .iter()
        .rev()
        .find(|m| want.fits(m.role) && free(&m.canonical))
    {
        return Some(m.canonical.clone());
    }
    if !topic_ok {
        return None;
    }
    let (t1, t2) = inp.topic.pair();
    let pair: Vec<&str> = [t1, t2].into_iter().flatten().filter(|n| free(n)).collect();
    pair.iter()
        .find(|n| want.fits(inp.topic.role(n)))
        .or(if want == Want::Any {
            pair.first()
        } else {
            None
        })
        .map(|n| (*n).to_owned())
}

/// Anaphoric words in the clause (and a little past the figure), with the party type each
/// asks for: "the startup" → lab, "the chipmaker" → seller, "the two companies" → deal.
fn find_anaphors(inp: &PartyInput<'_>) -> Vec<(usize, usize, Want)> {
    let end = super::figures::floor(inp.text, inp.clause_end.max(inp.fig.1 + 120));
    let ctext = &inp.text[inp.clause_start..end];
    ANAPHOR
        .find_iter(ctext)
        .map(|m| {
            let lower = m.as_str().to_ascii_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            let rest = words.get(1..).map(|w| w.join(" ")).unwrap_or_default();
            let want = match rest.as_str() {
                "startup" | "start-up" | "lab" | "ai developer" | "ai company"
                | "model developer" => Want::Lab,
                "chipmaker" | "chip designer" | "cloud provider" | "cloud unit" | "cloud giant"
                | "provider" | "supplier" => Want::Seller,
                "companies" | "partners" | "two" | "pair" | "parties" | "deal" | "agreement"
                | "contract" | "arrangement" | "partnership" | "commitment" => Want::Deal,
                _ => Want::Any,
            };
            (
                inp.clause_start + m.start(),
                inp.clause_start + m.end(),
                want,
            )
        })
        .collect()
}

/// Whether a mention is "X's rival" / "X's competitor", which names another party.
fn is_rival_of(text: &str, m: &Mention) -> bool {
    if !m.possessive {
        return false;
    }
    let rest = &text[m.end..super::figures::floor(text, m.end + 24)];
    let rest = rest
        .trim_start_matches(['\'', '’'])
        .trim_start_matches('s')
        .trim_start();
    ["rival", "competitor", "challenger"]
        .iter()
        .any(|w| rest.starts_with(w))
        && !rest.contains(|c: char| c.is_uppercase())
}

/// Typed descriptions in the clause ("the startup", "the chipmaker") governed by a
/// preposition, resolved to the most recent party of that type before them.
fn described_parties(inp: &PartyInput<'_>, anaphors: &[(usize, usize, Want)]) -> Vec<Mention> {
    let mut out = Vec::new();
    for &(start, end, want) in anaphors {
        if start >= inp.clause_end || !matches!(want, Want::Lab | Want::Seller) {
            continue;
        }
        let before = &inp.text[super::figures::ceil(inp.text, start.saturating_sub(24))..start];
        if !PREP_BEFORE.is_match(before) {
            continue;
        }
        let found = inp
            .sentence
            .iter()
            .rev()
            .filter(|x| x.end <= start)
            .chain(inp.context.iter().rev())
            .find(|x| want.fits(x.role));
        if let Some(x) = found {
            out.push(Mention {
                start,
                end,
                canonical: x.canonical.clone(),
                role: x.role,
                possessive: false,
            });
        }
    }
    out
}

fn name(p: Option<&Party<'_>>) -> Option<String> {
    p.map(|p| p.m.canonical.clone())
}

fn first<'a, 'b>(ps: &'b [Party<'a>], f: impl Fn(&Party<'a>) -> bool) -> Option<&'b Party<'a>> {
    ps.iter().find(|p| f(p))
}

fn assign(kind: ClaimKind, ps: &[Party<'_>], inp: &PartyInput<'_>) -> Pair {
    if ps.is_empty() {
        return (None, None);
    }
    let fig = inp.fig;
    // A possessive right before the figure: "Amazon's $10B investment".
    let poss = ps
        .iter()
        .rev()
        .find(|p| p.m.possessive && p.m.end <= fig.0 && fig.0 - p.m.end < 40);
    match kind {
        ClaimKind::Investment => investment(ps, poss),
        ClaimKind::Fundraising => {
            // "raised by X … from Y": X raises, Y puts money in.
            let from = first(ps, |p| p.marker == Marker::From);
            let s = first(ps, |p| p.marker == Marker::By)
                .or_else(|| first(ps, |p| p.marker == Marker::None && p.m.end <= fig.0))
                .or(poss)
                .or_else(|| first(ps, |p| p.marker == Marker::None && p.m.role == Role::Lab))
                .or_else(|| first(ps, |p| p.marker == Marker::None));
            (name(s), name(from.filter(|f| Some(f.m) != s.map(|s| s.m))))
        }
        ClaimKind::ComputeCommitment | ClaimKind::ChipSupply | ClaimKind::Capacity => {
            buyer_provider(kind, ps)
        }
        ClaimKind::Valuation => {
            let v = first(ps, |p| p.marker == Marker::Value)
                .or_else(|| {
                    ps.iter().find(|p| {
                        p.m.possessive
                            && inp.text[p.m.end..super::figures::floor(inp.text, p.m.end + 40)]
                                .contains("valuation")
                    })
                })
                .or_else(|| first(ps, |p| p.m.role == Role::Lab && p.marker == Marker::None))
                .or_else(|| first(ps, |p| p.m.role == Role::Lab && !investor(p)))
                .or(poss.filter(|p| !investor(p)))
                .or_else(|| first(ps, |p| !investor(p)));
            (name(v), None)
        }
        ClaimKind::Revenue => {
            let s = first(ps, |p| p.marker == Marker::For)
                .or(poss)
                .or_else(|| first(ps, |p| p.marker == Marker::None))
                .or_else(|| ps.first());
            let c = first(ps, |p| {
                p.marker == Marker::From && Some(p.m) != s.map(|s| s.m)
            });
            (name(s), name(c))
        }
        ClaimKind::StockMove => {
            let shares = ps.iter().find(|p| {
                let after = &inp.text[p.m.end..super::figures::floor(inp.text, p.m.end + 12)];
                let after = after.trim_start_matches(['\'', '’', 's']).trim_start();
                after.starts_with("shares") || after.starts_with("stock")
            });
            let before = ps
                .iter()
                .rev()
                .find(|p| p.m.end <= fig.0 && p.marker == Marker::None)
                .or_else(|| ps.iter().rev().find(|p| p.m.end <= fig.0));
            (name(shares.or(before)), None)
        }
        _ => {
            let s = poss.or_else(|| first(ps, |p| p.marker == Marker::None));
            let c = if matches!(kind, ClaimKind::Spend | ClaimKind::Other) {
                ps.iter().find(|p| {
                    p.m.start > fig.1
                        && matches!(
                            p.marker,
                            Marker::To | Marker::With | Marker::From | Marker::In
                        )
                        && p.m.canonical != s.map_or("", |s| s.m.canonical.as_str())
                })
            } else {
                None
            };
            (name(s), name(c))
        }
    }
}

/// "led by Thrive at a $29B valuation": a party that puts money in is not the valued company.
fn investor(p: &Party<'_>) -> bool {
    matches!(p.marker, Marker::From | Marker::By | Marker::Backer) || p.m.role == Role::Investor
}

fn investment(ps: &[Party<'_>], poss: Option<&Party<'_>>) -> Pair {
    let investee = first(ps, |p| p.marker == Marker::In);
    let investor = first(ps, |p| {
        matches!(p.marker, Marker::From | Marker::By | Marker::Backer)
    })
    .or(poss.filter(|p| investee.is_none_or(|i| i.m.canonical != p.m.canonical)));
    let other = |x: Option<&Party<'_>>, pref: &dyn Fn(&Party<'_>) -> bool| {
        let exclude = x.map_or("", |x| x.m.canonical.as_str());
        ps.iter()
            .find(|p| p.m.canonical != exclude && pref(p))
            .or_else(|| ps.iter().find(|p| p.m.canonical != exclude))
            .map(|p| p.m.canonical.clone())
    };
    match (investor, investee) {
        (Some(a), Some(b)) => (name(Some(a)), name(Some(b))),
        (None, Some(b)) => (other(Some(b), &|p| p.m.role != Role::Lab), name(Some(b))),
        (Some(a), None) => (name(Some(a)), other(Some(a), &|p| p.m.role == Role::Lab)),
        (None, None) => {
            let lab = first(ps, |p| p.m.role == Role::Lab);
            let non = first(ps, |p| p.m.role != Role::Lab);
            match (non, lab) {
                (Some(a), Some(b)) => (name(Some(a)), name(Some(b))),
                (Some(a), None) => (name(Some(a)), other(Some(a), &|_| true)),
                (None, Some(b)) => {
                    // Only labs named ("OpenAI … with Anthropic"): the first invests.
                    let o = other(Some(b), &|_| true);
                    match o {
                        Some(o) => (name(Some(b)), Some(o)),
                        None => (None, name(Some(b))),
                    }
                }
                (None, None) => (None, None),
            }
        }
    }
}

fn buyer_provider(kind: ClaimKind, ps: &[Party<'_>]) -> Pair {
    // The party more likely to buy (lab > big tech > provider) is the subject.
    let top = ps.iter().map(|p| p.m.role.buyer_rank()).max().unwrap_or(0);
    let low = ps
        .iter()
        .map(|p| p.m.role.buyer_rank())
        .filter(|r| *r > 0)
        .min()
        .unwrap_or(0);
    if top > low && low > 0 {
        let buyer = first(ps, |p| p.m.role.buyer_rank() == top);
        let seller = first(ps, |p| {
            p.m.role.buyer_rank() < top && p.m.role.buyer_rank() > 0
        });
        return (name(buyer), name(seller));
    }
    let marked = first(ps, |p| matches!(p.marker, Marker::From | Marker::With));
    if let Some(m) = marked {
        let s = ps.iter().find(|p| p.m.canonical != m.m.canonical);
        return (name(s), name(Some(m)));
    }
    let mut uniq: Vec<&Party<'_>> = Vec::new();
    for p in ps {
        if !uniq.iter().any(|u| u.m.canonical == p.m.canonical) {
            uniq.push(p);
        }
    }
    match uniq.as_slice() {
        [a, b, ..] => (name(Some(a)), name(Some(b))),
        [a] if kind != ClaimKind::Capacity && a.m.role.buyer_rank() < 3 => (None, name(Some(a))),
        [a] => (name(Some(a)), None),
        [] => (None, None),
    }
}
