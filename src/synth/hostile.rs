//! The inputs of the growth cases of issue 19, in one place so the criterion bench
//! (`benches/growth.rs`), the file writer (`examples/hostile_cases.rs`) and the tests build the
//! same thing. Each function takes a scale `k` (1, 2, 4, 8 …) and returns `k` times its base
//! size; the base sizes are in each function's doc. Every case was quadratic somewhere once.

use super::{SynthSpec, generate};
use crate::model::{
    Anchor, Chart, ChartId, ChartSpec, Claim, ClaimId, ClaimKind, EntityId, Evidence, Figure,
    FuzzyDate, SourceDocument, Unit, Workspace,
};

/// A growth case: its name (`same-day`) and the workspace at a scale.
pub type Case = (&'static str, fn(usize) -> Workspace);

/// Every workspace case, in the order `examples/hostile_cases.rs` writes them.
pub const WORKSPACES: [Case; 8] = [
    ("undated", undated),
    ("chain", chain),
    ("dangling", dangling),
    ("duplicates", duplicates),
    ("one-id", one_id),
    ("chart", chart),
    ("same-day", same_day),
    ("valuations", valuations),
];

/// A synthetic workspace of `claims` claims over 20 documents (the largest 20 kB).
pub fn synth(claims: usize) -> Workspace {
    let mut spec = SynthSpec::new(20, claims);
    spec.big_doc_bytes = 20_000;
    generate(&spec)
}

/// Plain prose of at least `bytes` bytes, with a repeated boilerplate line (boilerplate
/// detection was quadratic in the lines): for `import`.
pub fn prose(bytes: usize) -> String {
    let mut s = String::from("Quarterly Filing\n\nSource Example Ledger\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "Item {i}. The company said it may commit ${i} million to data centres over the next years, subject to approval.\n"
        ));
        if i % 7 == 0 {
            s.push_str("Related stories\n");
        }
        i += 1;
    }
    s
}

/// One line of figures with no sentence end, 24.6 kB·k (every candidate quoted the whole line):
/// for `extract`.
pub fn long_line(k: usize) -> String {
    "Nvidia will pay $5 billion to OpenAI and ".repeat(600 * k)
}

/// 1,000·k deal claims without any date (no `as_of`, no publication date): for `report`.
pub fn undated(k: usize) -> Workspace {
    let mut ws = synth(1_000 * k);
    for c in &mut ws.claims {
        c.as_of = None;
        if c.kind == ClaimKind::Other || c.kind == ClaimKind::Valuation {
            c.kind = ClaimKind::Investment;
        }
    }
    for d in &mut ws.documents {
        d.published = None;
    }
    ws
}

/// A synthetic workspace of 100 claims plus 5,000·k entities each the parent of the next, and
/// every other claim about the deepest: for `check` and `report`.
pub fn chain(k: usize) -> Workspace {
    let mut ws = synth(100);
    let top = ws.entities.first().map(|e| e.id.clone());
    for i in 0..5_000 * k {
        let mut e = ws.new_entity(&format!("Holding {i}"));
        e.id = EntityId::new(format!("chain{i}"));
        e.parent = if i == 0 {
            top.clone()
        } else {
            Some(EntityId::new(format!("chain{}", i - 1)))
        };
        ws.entities.push(e);
    }
    let deepest = ws.entities.last().map(|e| e.id.clone());
    for c in ws.claims.iter_mut().step_by(2) {
        c.subject = deepest.clone();
    }
    ws
}

/// 5,000·k claims that all name a missing entity: for `check`.
pub fn dangling(k: usize) -> Workspace {
    let mut ws = synth(5_000 * k);
    for c in &mut ws.claims {
        c.subject = Some(EntityId::new("nobody-at-all"));
    }
    ws
}

/// 5,000·k claims, each id twice: for `check`.
pub fn duplicates(k: usize) -> Workspace {
    let mut ws = synth(5_000 * k);
    let copies = ws.claims.clone();
    ws.claims.extend(copies);
    ws
}

/// 10,000·k claims that all carry one id (one id repeated, not many repeated once): for `check`.
pub fn one_id(k: usize) -> Workspace {
    let mut ws = synth(10_000 * k);
    for c in &mut ws.claims {
        c.id = ClaimId::numbered(1);
    }
    ws
}

/// A synthetic workspace of 6,250·k claims over 100·k documents (so a fact has about as many
/// reports at every scale: its row lists them all), every figure in USD, with a fourth chart of
/// every figure (`chart-0004`, 50,000 points at k = 8): for `export chart`.
pub fn chart(k: usize) -> Workspace {
    let mut spec = SynthSpec::new(100 * k, 6_250 * k);
    spec.big_doc_bytes = 20_000;
    let mut ws = generate(&spec);
    for c in &mut ws.claims {
        if let Some(f) = &mut c.figure {
            f.unit = Unit::Usd;
        }
    }
    ws.charts.push(Chart {
        id: ChartId::numbered(4),
        title: "Every figure in USD".into(),
        spec: ChartSpec::Figures {
            kinds: vec![],
            parties: vec![],
            statuses: vec![],
            unit: Unit::Usd,
        },
    });
    ws
}

/// The text of the one document of [`same_day`] and [`valuations`].
const TEXT: &str = "Acme Capital will invest in Boltworks, people familiar with the plan said; Boltworks is valued at a new high.";

/// Companies Acme and Boltworks and one dated document, no claims.
fn two_parties() -> Workspace {
    let mut ws = Workspace::new("Growth");
    for (id, name) in [("acme", "Acme Capital"), ("bolt", "Boltworks")] {
        let mut e = ws.new_entity(name);
        e.id = EntityId::new(id);
        ws.entities.push(e);
    }
    let mut d = SourceDocument::new(
        "doc-0001".into(),
        "Acme and Boltworks",
        "Example Wire",
        TEXT.to_owned(),
    );
    d.published = "2025-10-01".parse().ok();
    ws.documents.push(d);
    ws
}

/// A claim of `kind` citing the whole document, dated `day`: about Boltworks for a valuation,
/// else Acme → Boltworks.
fn cited(n: usize, kind: ClaimKind, figure: f64, day: chrono::NaiveDate) -> Claim {
    let mut c = Claim::new(ClaimId::numbered(n as u64), kind);
    if kind == ClaimKind::Valuation {
        c.subject = Some(EntityId::new("bolt"));
    } else {
        c.subject = Some(EntityId::new("acme"));
        c.counterparty = Some(EntityId::new("bolt"));
    }
    c.figure = Some(Figure::exact(figure, Unit::Usd));
    c.as_of = Some(FuzzyDate::from_naive(day));
    c.evidence.push(Evidence {
        doc: "doc-0001".into(),
        anchor: Anchor::from_span(TEXT, 0, TEXT.len()),
        attributed_to: None,
        orphaned: false,
    });
    c
}

/// 2,000·k investment claims Acme → Boltworks on 20 days far apart (100·k a day), stating
/// $10B except one $13B a day (a conflict with each $10B of its day, so the findings grow
/// linearly): every claim of a day was compared with every other, for `report`.
pub fn same_day(k: usize) -> Workspace {
    let mut ws = two_parties();
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let per_day = 100 * k;
    for n in 1..=2_000 * k {
        let day = start + chrono::Duration::days(((n - 1) / per_day) as i64 * 90);
        let billions = if n % per_day == 0 { 13.0 } else { 10.0 };
        ws.claims
            .push(cited(n, ClaimKind::Investment, billions * 1e9, day));
    }
    ws
}

/// 2,000·k valuations of Boltworks ten days apart, rising by $1B each, except that every
/// 500th is $0.5B below the one before (one finding each): each valuation was compared with
/// every other of its company, for `report`.
pub fn valuations(k: usize) -> Workspace {
    let mut ws = two_parties();
    let start = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or_default();
    for n in 1..=2_000 * k {
        let day = start + chrono::Duration::days(n as i64 * 10);
        let billions = if n % 500 == 0 {
            n as f64 - 1.5
        } else {
            n as f64
        };
        ws.claims
            .push(cited(n, ClaimKind::Valuation, billions * 1e9, day));
    }
    ws
}
