//! Synthetic workspaces for scale tests and benchmarks: many documents of varied length (one of
//! them up to several megabytes), entities with aliases and parents, claims of every kind whose
//! evidence is anchored to real spans of their documents, fuzzy dates, periods and charts.
//!
//! Generation is deterministic for a given [`SynthSpec`] (a small built-in PRNG, no outside
//! randomness), so benchmarks compare like with like. Every generated workspace validates.

pub mod hostile;

use crate::model::{
    Anchor, Chart, ChartId, ChartSpec, Claim, ClaimId, ClaimKind, ClaimStatus, DocId, Entity,
    EntityId, EntityKind, Evidence, Figure, FuzzyDate, Period, Qualifier, SourceDocument,
    TextRange, Unit, Workspace,
};

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthSpec {
    /// Number of documents.
    pub docs: usize,
    /// Number of claims.
    pub claims: usize,
    /// Total text over all documents, in bytes (approximate).
    pub text_bytes: usize,
    /// Length of the largest document in bytes (approximate); capped by `text_bytes / 2`.
    pub big_doc_bytes: usize,
    /// PRNG seed.
    pub seed: u64,
}

impl SynthSpec {
    /// `docs` documents averaging 10 kB of text (one of them up to 5 MB) and `claims` claims.
    pub fn new(docs: usize, claims: usize) -> Self {
        Self {
            docs,
            claims,
            text_bytes: docs.max(1) * 10_000,
            big_doc_bytes: 5_000_000,
            seed: 1,
        }
    }
}

/// A tiny deterministic PRNG (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Well-known parties: (name, aliases, parent name).
const KNOWN: &[(&str, &[&str], Option<&str>)] = &[
    ("OpenAI", &["Open AI"], None),
    ("Nvidia", &["NVIDIA Corp.", "NVDA"], None),
    ("Amazon", &["Amazon.com"], None),
    ("AWS", &["Amazon Web Services"], Some("Amazon")),
    ("Microsoft", &["MSFT"], None),
    ("Azure", &["Microsoft Azure"], Some("Microsoft")),
    ("Oracle", &["Oracle Corp."], None),
    ("Google", &["Alphabet"], None),
    ("Google Cloud", &["GCP"], Some("Google")),
    ("Anthropic", &[], None),
    ("AMD", &["Advanced Micro Devices"], None),
    ("Broadcom", &["AVGO"], None),
    ("CoreWeave", &[], None),
    ("SoftBank", &["SoftBank Group"], None),
    ("Meta", &["Meta Platforms"], None),
    ("xAI", &[], None),
    ("Intel", &[], None),
    ("TSMC", &["Taiwan Semiconductor"], None),
];

const OUTLETS: &[&str] = &[
    "The Information",
    "Financial Wire",
    "Tech Ledger",
    "Market Desk",
    "Compute Weekly",
    "Deal Journal",
    "Silicon Post",
    "Capital Notes",
];

const FILLER: &[&str] = &[
    "Analysts said the market for accelerators remains tight through next year.",
    "The companies declined to comment on the terms.",
    "Shares moved little in early trading after the report.",
    "People familiar with the matter described the talks as preliminary.",
    "Data-centre builders are racing to secure power and land near cheap energy.",
    "Executives have argued that demand for training capacity still outstrips supply.",
    "Critics question whether the revenue will ever justify the outlay — but investors keep buying.",
    "The deal’s structure mixes cash, credits and equity, according to filings.",
    "Regulators have not yet said whether they will review the arrangement.",
    "Some of the capacity will come online in phases over several years.",
];

/// One stated fact that sentences in documents report.
struct Fact {
    kind: ClaimKind,
    subject: usize,
    counterparty: Option<usize>,
    figure: Figure,
    period: Option<Period>,
    as_of: FuzzyDate,
    status: ClaimStatus,
}

/// A sentence in a document that states a fact (possibly with a slightly different figure).
struct Span {
    doc: usize,
    start: usize,
    end: usize,
    fact: usize,
    figure: Figure,
}

/// Generates a workspace following `spec`.
pub fn generate(spec: &SynthSpec) -> Workspace {
    let mut rng = Rng::new(spec.seed);
    let mut ws = Workspace::new(format!(
        "Synthetic workspace ({} documents, {} claims)",
        spec.docs, spec.claims
    ));
    ws.entities = entities(&mut rng, (spec.docs / 5).max(40));
    let facts = facts(&mut rng, &ws.entities, (spec.claims / 3).max(11));
    let lengths = doc_lengths(&mut rng, spec);
    let mut spans = Vec::new();
    for (i, len) in lengths.into_iter().enumerate() {
        let doc = document(&mut rng, &ws.entities, &facts, i, len, &mut spans);
        ws.documents.push(doc);
    }
    ws.claims = claims(&mut rng, &ws, &facts, &spans, spec.claims);
    ws.charts = charts(&ws.entities);
    ws
}

fn entities(rng: &mut Rng, n: usize) -> Vec<Entity> {
    let mut out: Vec<Entity> = KNOWN
        .iter()
        .map(|(name, aliases, parent)| Entity {
            id: EntityId::new(crate::model::ids::slugify(name)),
            name: (*name).to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: EntityKind::Company,
            parent: parent.map(|p| EntityId::new(crate::model::ids::slugify(p))),
        })
        .collect();
    let stems = [
        "Helix", "Quanta", "Boreal", "Cinder", "Meridian", "Photon", "Vertex", "Lumen",
    ];
    let tails = ["Labs", "Compute", "Systems", "Cloud", "Capital", "Power"];
    let mut k = 0;
    while out.len() < n {
        k += 1;
        let name = format!("{} {} {k}", rng.pick(&stems), rng.pick(&tails));
        let parent = (k % 7 == 0).then(|| out[rng.below(KNOWN.len())].id.clone());
        let kind = if name.contains("Capital") {
            EntityKind::Fund
        } else {
            EntityKind::Company
        };
        out.push(Entity {
            id: EntityId::new(crate::model::ids::slugify(&name)),
            aliases: vec![format!("{name} Inc.")],
            name,
            kind,
            parent,
        });
    }
    out
}

fn date(rng: &mut Rng) -> FuzzyDate {
    let year = 2022 + rng.below(5) as i32;
    let month = 1 + rng.below(12) as u32;
    let r = rng.below(10);
    let d = if r < 1 {
        FuzzyDate::year(year)
    } else if r < 4 {
        FuzzyDate::month(year, month)
    } else {
        FuzzyDate::day(year, month, 1 + rng.below(28) as u32)
    };
    d.unwrap_or_else(|_| FuzzyDate::from_naive(chrono::NaiveDate::MIN))
}

fn facts(rng: &mut Rng, ents: &[Entity], n: usize) -> Vec<Fact> {
    (0..n)
        .map(|i| {
            let kind = ClaimKind::ALL[i % ClaimKind::ALL.len()];
            // Skew parties towards the well-known ones, as real coverage is.
            let party = |rng: &mut Rng| {
                if rng.chance(0.4) {
                    rng.below(KNOWN.len())
                } else {
                    rng.below(ents.len())
                }
            };
            let subject = party(rng);
            let mut cp = party(rng);
            if cp == subject {
                cp = (cp + 1) % ents.len();
            }
            let two_sided = kind.moves_money() || rng.chance(0.2);
            let (value, unit) = match kind {
                ClaimKind::Capacity => ((1 + rng.below(100)) as f64 / 10.0, Unit::Gw),
                ClaimKind::StockMove => ((1 + rng.below(150)) as f64 / 10.0, Unit::Percent),
                ClaimKind::ChipSupply if rng.chance(0.5) => {
                    ((1 + rng.below(500)) as f64 * 1000.0, Unit::Count)
                }
                _ if rng.chance(0.05) => (
                    (1 + rng.below(90)) as f64 * 1e8,
                    Unit::Currency("EUR".into()),
                ),
                _ => ((1 + rng.below(2000)) as f64 * 5e7, Unit::Usd),
            };
            let q = *rng.pick(&Qualifier::ALL);
            let figure = if q == Qualifier::Range {
                Figure::range(value, Some(value * 1.25), unit)
            } else {
                Figure::qualified(value, q, unit)
            };
            let period = match kind {
                ClaimKind::ComputeCommitment => Some(Period::Over {
                    months: 12 * (2 + rng.below(8) as u32),
                }),
                ClaimKind::Revenue if rng.chance(0.5) => Some(Period::PerYear),
                ClaimKind::Capacity => Some(Period::By(date(rng))),
                _ => None,
            };
            Fact {
                kind,
                subject,
                counterparty: two_sided.then_some(cp),
                figure,
                period,
                as_of: date(rng),
                status: ClaimStatus::ALL[rng.below(ClaimStatus::ALL.len())],
            }
        })
        .collect()
}

/// Document lengths: the first document is the big one, the rest share what is left with a
/// skewed spread (many short pieces, a few long ones).
fn doc_lengths(rng: &mut Rng, spec: &SynthSpec) -> Vec<usize> {
    if spec.docs == 0 {
        return Vec::new();
    }
    let big = spec.big_doc_bytes.min(spec.text_bytes / 2).max(2_000);
    let rest = spec.text_bytes.saturating_sub(big);
    let weights: Vec<f64> = (1..spec.docs)
        .map(|_| {
            let u = (1 + rng.below(1000)) as f64 / 1000.0;
            u * u * u + 0.05
        })
        .collect();
    let sum: f64 = weights.iter().sum::<f64>().max(1e-9);
    let mut out = vec![big];
    out.extend(
        weights
            .iter()
            .map(|w| ((w / sum) * rest as f64).max(600.0) as usize),
    );
    out
}

fn figure_text(f: &Figure) -> String {
    let num = |v: f64| crate::model::figure::format_value(v, &f.unit);
    match f.qualifier {
        Qualifier::Exact => num(f.low),
        Qualifier::About => format!("about {}", num(f.low)),
        Qualifier::AtLeast => format!("at least {}", num(f.low)),
        Qualifier::MoreThan => format!("more than {}", num(f.low)),
        Qualifier::UpTo => format!("up to {}", num(f.low)),
        Qualifier::LessThan => format!("less than {}", num(f.low)),
        Qualifier::Range => format!(
            "between {} and {}",
            num(f.low),
            num(f.high.unwrap_or(f.low))
        ),
    }
}

fn sentence(ents: &[Entity], fact: &Fact, figure: &Figure, rng: &mut Rng) -> String {
    let mut e = |i: usize| {
        let ent = &ents[i];
        if !ent.aliases.is_empty() && rng.chance(0.3) {
            ent.aliases[rng.below(ent.aliases.len())].clone()
        } else {
            ent.name.clone()
        }
    };
    let s = e(fact.subject);
    let c = fact
        .counterparty
        .map(e)
        .unwrap_or_else(|| "partners".into());
    let fig = figure_text(figure);
    let period = fact
        .period
        .as_ref()
        .map(|p| format!(" {}", p.display()))
        .unwrap_or_default();
    match fact.kind {
        ClaimKind::Investment => format!("{s} is set to invest {fig} in {c}, sources said."),
        ClaimKind::Valuation => format!("The round would value {s} at {fig}."),
        ClaimKind::ComputeCommitment => {
            format!("{s} agreed to buy {fig} of cloud services from {c}{period}.")
        }
        ClaimKind::ChipSupply => format!("{s} will purchase {fig} worth of chips from {c}."),
        ClaimKind::Capacity => format!("{s} plans to deploy {fig} of capacity{period}."),
        ClaimKind::Revenue => format!("{s} reported revenue of {fig}{period}."),
        ClaimKind::Spend => format!("{s} expects to spend {fig} with {c} on infrastructure."),
        ClaimKind::Cash => format!("{s} held {fig} in cash at the end of the quarter."),
        ClaimKind::Fundraising => format!("{s} is looking to raise {fig} from investors."),
        ClaimKind::StockMove => format!("Shares of {s} rose {fig} on the news."),
        ClaimKind::Other => format!("{s} and {c} discussed a deal worth {fig}."),
    }
}

fn document(
    rng: &mut Rng,
    ents: &[Entity],
    facts: &[Fact],
    index: usize,
    len: usize,
    spans: &mut Vec<Span>,
) -> SourceDocument {
    let mut text = String::with_capacity(len + 200);
    let mut excluded = Vec::new();
    // Each paragraph covers a handful of related facts, so outlets repeat one another (a
    // long document moves on to other deals paragraph by paragraph).
    let mut base = rng.below(facts.len());
    while text.len() < len {
        if rng.chance(0.5) {
            base = rng.below(facts.len());
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if rng.chance(0.03) {
            let start = text.len();
            text.push_str(
                "Advertisement — Subscribe for €1 a week and get every deal alert first.",
            );
            excluded.push(TextRange {
                start,
                end: text.len(),
            });
            continue;
        }
        for _ in 0..3 + rng.below(5) {
            if text.len() > len {
                break;
            }
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            if rng.chance(0.6) {
                let fact_i = if rng.chance(0.5) {
                    (base + rng.below(8)) % facts.len()
                } else {
                    rng.below(facts.len())
                };
                let fact = &facts[fact_i];
                let mut figure = fact.figure.clone();
                if rng.chance(0.1) {
                    // Outlets disagree now and then.
                    figure.low *= 1.5;
                    figure.high = figure.high.map(|h| h * 1.5);
                }
                let s = sentence(ents, fact, &figure, rng);
                let start = text.len();
                text.push_str(&s);
                spans.push(Span {
                    doc: index,
                    start,
                    end: text.len(),
                    fact: fact_i,
                    figure,
                });
            } else {
                let f = *rng.pick(FILLER);
                text.push_str(f);
            }
        }
    }
    let outlet = rng.pick(OUTLETS);
    SourceDocument {
        id: DocId::numbered(index as u64 + 1),
        title: format!("{outlet}: deal roundup no. {}", index + 1),
        outlet: (*outlet).to_owned(),
        author: rng.chance(0.5).then(|| "Staff reporter".to_owned()),
        url: Some(format!("https://example.com/news/{}", index + 1)),
        published: Some(date(rng)),
        imported_at: Some("2026-01-05T09:30:00Z".into()),
        sha256: SourceDocument::hash_text(&text),
        cites: if rng.chance(0.3) {
            vec!["The Information".into()]
        } else {
            vec![]
        },
        text,
        excluded,
        rejected: Vec::new(),
        import_notes: Vec::new(),
        import_marks: Default::default(),
    }
}

fn claims(rng: &mut Rng, ws: &Workspace, facts: &[Fact], spans: &[Span], n: usize) -> Vec<Claim> {
    if spans.is_empty() {
        return Vec::new();
    }
    // Spans grouped by fact, so a claim can carry the other outlets that report it.
    let mut by_fact: Vec<Vec<usize>> = vec![Vec::new(); facts.len()];
    for (i, s) in spans.iter().enumerate() {
        by_fact[s.fact].push(i);
    }
    let evidence = |i: usize, rng: &mut Rng| {
        let s = &spans[i];
        let text = &ws.documents[s.doc].text;
        Evidence {
            doc: ws.documents[s.doc].id.clone(),
            anchor: Anchor::from_span(text, s.start, s.end),
            attributed_to: rng.chance(0.1).then(|| "The Information".to_owned()),
            orphaned: false,
        }
    };
    (0..n)
        .map(|k| {
            let si = (k * 7919 + rng.below(7)) % spans.len();
            let s = &spans[si];
            let fact = &facts[s.fact];
            let mut c = Claim::new(ClaimId::numbered(k as u64 + 1), fact.kind);
            c.subject = Some(ws.entities[fact.subject].id.clone());
            c.counterparty = fact.counterparty.map(|i| ws.entities[i].id.clone());
            c.figure = Some(s.figure.clone());
            c.period = fact.period.clone();
            c.as_of = Some(fact.as_of);
            c.status = fact.status;
            c.evidence.push(evidence(si, rng));
            if rng.chance(0.3) {
                let others = &by_fact[s.fact];
                let o = others[rng.below(others.len())];
                if spans[o].doc != s.doc {
                    c.evidence.push(evidence(o, rng));
                }
            }
            if rng.chance(0.05) {
                c.note = "Checked against the company statement.".into();
            }
            if rng.chance(0.1) {
                c.tags.push("follow-up".into());
            }
            c
        })
        .collect()
}

fn charts(ents: &[Entity]) -> Vec<Chart> {
    let id = |i: &str| EntityId::new(i);
    let top: Vec<EntityId> = ents.iter().take(5).map(|e| e.id.clone()).collect();
    vec![
        Chart {
            id: ChartId::numbered(1),
            title: "Valuations of the leading labs".into(),
            spec: ChartSpec::Valuation { entities: top },
        },
        Chart {
            id: ChartId::numbered(2),
            title: "OpenAI's commitments".into(),
            spec: ChartSpec::Commitments {
                entity: id("openai"),
                annualised: false,
            },
        },
        Chart {
            id: ChartId::numbered(3),
            title: "Investments in USD".into(),
            spec: ChartSpec::Figures {
                kinds: vec![ClaimKind::Investment, ClaimKind::Fundraising],
                parties: vec![],
                statuses: vec![],
                unit: Unit::Usd,
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_synthetic_workspace_validates_and_covers_every_kind() {
        let mut spec = SynthSpec::new(20, 300);
        spec.text_bytes = 200_000;
        spec.big_doc_bytes = 60_000;
        let ws = generate(&spec);
        assert_eq!(ws.validate(), vec![]);
        assert_eq!(ws.documents.len(), 20);
        assert_eq!(ws.claims.len(), 300);
        for k in ClaimKind::ALL {
            assert!(ws.claims.iter().any(|c| c.kind == k), "no {k:?} claim");
        }
        let total: usize = ws.documents.iter().map(|d| d.text.len()).sum();
        assert!((150_000..300_000).contains(&total), "{total}");
        assert!(ws.documents[0].text.len() >= 60_000);
        assert!(ws.entities.iter().any(|e| e.parent.is_some()));
        // Deterministic for a seed.
        assert_eq!(generate(&spec), ws);
    }
}
