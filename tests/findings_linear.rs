//! The findings that used to be found pair by pair (issue 19) — dated claims of one fact on the
//! same day, valuations out of order, fact groups and duplicate candidates — are found through
//! twin groups and sorted sweeps now. Each is compared here with the pairwise rule, written out
//! again from the public definitions, on the sample, synthetic workspaces, and workspaces where
//! many claims share a day, a figure and a status.

use claimbench::analysis::facts::{POINT_DAYS, days_apart, fact_groups, fact_key, same_fact};
use claimbench::analysis::findings::status_clash;
use claimbench::analysis::interval::{Agreement, compare};
use claimbench::analysis::{FindingKind, Findings, Severity, duplicate_candidates};
use claimbench::model::{ClaimKind, ClaimStatus, FuzzyDate, Unit, Workspace};
use claimbench::synth::{Rng, SynthSpec, generate, hostile};

type Row = (FindingKind, Severity, String, String);

/// Every two dated claims of one fact, by the pairwise rule (in claim order).
fn dated_same_fact_pairs(ws: &Workspace) -> Vec<(usize, usize)> {
    let cs = &ws.claims;
    let keys: Vec<_> = cs.iter().map(|c| fact_key(ws, c)).collect();
    let mut out = Vec::new();
    for i in 0..cs.len() {
        for j in i + 1..cs.len() {
            let (a, b) = (&cs[i], &cs[j]);
            // Claims of different fact keys are never the same fact (a shortcut, not a rule).
            if keys[i] == keys[j]
                && ws.claim_date(a).is_some()
                && ws.claim_date(b).is_some()
                && same_fact(ws, a, b)
            {
                out.push((i, j));
            }
        }
    }
    out
}

/// The pairwise findings as the old code made them: every two dated claims of one fact.
fn pairwise(ws: &Workspace) -> Vec<Row> {
    let mut out = Vec::new();
    let cs = &ws.claims;
    let id = |k: &str, a: &str, b: &str| {
        let (x, y) = if a < b { (a, b) } else { (b, a) };
        format!("{k}:{x}+{y}")
    };
    for (i, j) in dated_same_fact_pairs(ws) {
        let (a, b) = (&cs[i], &cs[j]);
        if let (Some(fa), Some(fb)) = (&a.figure, &b.figure)
            && let Some(sev) = compare(fa, fb).severity()
        {
            let m = format!(
                "{} and {} {}",
                fa.display(),
                fb.display(),
                compare(fa, fb).describe()
            );
            out.push((
                FindingKind::Figure,
                sev,
                id("figure", a.id.as_str(), b.id.as_str()),
                m,
            ));
        }
        if let Some(sev) = status_clash(ws, a, b) {
            let m = format!(
                "{} and {} on the same date",
                a.status.label().to_lowercase(),
                b.status.label().to_lowercase()
            );
            out.push((
                FindingKind::Status,
                sev,
                id("status", a.id.as_str(), b.id.as_str()),
                m,
            ));
        }
    }
    let vals: Vec<_> = cs
        .iter()
        .filter(|c| c.kind == ClaimKind::Valuation && c.subject.is_some())
        .filter(|c| !matches!(c.status, ClaimStatus::Forecast | ClaimStatus::Denied))
        .filter(|c| c.figure.as_ref().is_some_and(|f| f.unit == Unit::Usd))
        .filter_map(|c| ws.claim_date(c).map(|d| (c, d)))
        .collect();
    let vkeys: Vec<_> = vals.iter().map(|(c, _)| fact_key(ws, c)).collect();
    for (x, (a, da)) in vals.iter().enumerate() {
        for (y, (b, db)) in vals.iter().enumerate() {
            if vkeys[x] != vkeys[y]
                || da.last_day() >= db.first_day()
                || days_apart(da, db) <= POINT_DAYS
            {
                continue;
            }
            let (Some(fa), Some(fb)) = (&a.figure, &b.figure) else {
                continue;
            };
            if fb.interval().1 < fa.interval().0 {
                let m = format!(
                    "{} dated {db} is below {} dated {da}",
                    fb.display(),
                    fa.display()
                );
                let fid = id("valuation-order", a.id.as_str(), b.id.as_str());
                out.push((FindingKind::ValuationOrder, Severity::Soft, fid, m));
            }
        }
    }
    out.sort();
    out
}

/// The same findings from [`Findings::compute`]: every status and valuation-order finding, and
/// the figure findings between two dated claims. Messages lose their fact label (the pairwise
/// rule above does not rebuild it) and valuation-order messages their closing words.
fn computed(ws: &Workspace) -> Vec<Row> {
    let dated = |ids: &[claimbench::model::ClaimId]| {
        ids.iter()
            .all(|i| ws.claim(i).and_then(|c| ws.claim_date(c)).is_some())
    };
    let mut out: Vec<Row> = Findings::compute(ws)
        .items
        .into_iter()
        .filter(|f| match f.kind {
            FindingKind::Figure => f.claims.len() == 2 && dated(&f.claims),
            FindingKind::Status | FindingKind::ValuationOrder => true,
            FindingKind::Wording => false,
        })
        .map(|f| {
            let m = f.message.split_once(": ").map_or("", |x| x.1);
            let m = m.split(": a down round").next().unwrap_or(m).to_owned();
            (f.kind, f.severity, f.id, m)
        })
        .collect();
    out.sort();
    out
}

/// Fact groups by the pairwise relation: union of every same-fact pair, dated or not.
fn pairwise_groups(ws: &Workspace) -> Vec<Vec<usize>> {
    let n = ws.claims.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let keys: Vec<_> = ws.claims.iter().map(|c| fact_key(ws, c)).collect();
    for i in 0..n {
        for j in i + 1..n {
            if keys[i] == keys[j] && same_fact(ws, &ws.claims[i], &ws.claims[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let id = |i: usize| &ws.claims[i].id;
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort_by(|&x, &y| id(x).cmp(id(y)));
    }
    out.sort_by(|x, y| id(x[0]).cmp(id(y[0])));
    out
}

/// Duplicate candidates of dated claims by the pairwise rule, as `(keep, absorb)`.
fn pairwise_duplicates(ws: &Workspace) -> Vec<(String, String)> {
    let cs = &ws.claims;
    let mut out = Vec::new();
    for (i, j) in dated_same_fact_pairs(ws) {
        let (a, b) = (&cs[i], &cs[j]);
        if let (Some(fa), Some(fb)) = (&a.figure, &b.figure)
            && compare(fa, fb) != Agreement::Agree
        {
            continue;
        }
        let (k, x) = if (b.evidence.len(), &a.id) > (a.evidence.len(), &b.id) {
            (b, a)
        } else {
            (a, b)
        };
        out.push((k.id.to_string(), x.id.to_string()));
    }
    out.sort();
    out
}

/// A synthetic workspace squeezed onto a few days, figures and statuses, so many claims are
/// twins and many pairs are findings; some valuations move down.
fn crowded(seed: u64, claims: usize) -> Workspace {
    let mut spec = SynthSpec::new(10, claims);
    spec.big_doc_bytes = 10_000;
    spec.seed = seed;
    let mut ws = generate(&spec);
    let mut rng = Rng::new(seed);
    let days = [
        "2025-03-01",
        "2025-03-02",
        "2025-03-20",
        "2025-05",
        "2025",
        "2025-06-30",
    ];
    let statuses = [
        ClaimStatus::Announced,
        ClaimStatus::Rumored,
        ClaimStatus::Denied,
        ClaimStatus::Signed,
        ClaimStatus::Forecast,
    ];
    for c in &mut ws.claims {
        c.as_of = match rng.below(8) {
            0 => None,
            k => rng
                .pick(&days[..k.min(days.len())])
                .parse::<FuzzyDate>()
                .ok(),
        };
        c.status = *rng.pick(&statuses);
        if let Some(f) = &mut c.figure {
            f.low = [1e9, 2e9, 10e9, 10.2e9, 30e9][rng.below(5)];
            f.high = None;
        }
        if rng.chance(0.1) {
            c.period = None;
        }
    }
    ws
}

fn agree(name: &str, ws: &Workspace) {
    let (want, got) = (pairwise(ws), computed(ws));
    assert_eq!(got, want, "{name}: findings");
    assert_eq!(fact_groups(ws), pairwise_groups(ws), "{name}: fact groups");
    let dated_only = ws.claims.iter().all(|c| ws.claim_date(c).is_some());
    if dated_only {
        // Duplicates: every proposal is a pairwise duplicate, and merging as proposed joins the
        // same claims as merging every pairwise duplicate would, with at most one proposal per
        // claim absorbed.
        let want = pairwise_duplicates(ws);
        let got: Vec<(String, String)> = duplicate_candidates(ws)
            .into_iter()
            .map(|d| (d.keep.to_string(), d.absorb.to_string()))
            .collect();
        let all: std::collections::BTreeSet<&(String, String)> = want.iter().collect();
        for p in &got {
            assert!(all.contains(p), "{name}: {p:?} is no pairwise duplicate");
        }
        assert_eq!(
            joined(&got),
            joined(&want),
            "{name}: duplicates join other claims"
        );
        let absorbed: std::collections::BTreeSet<&String> = got.iter().map(|p| &p.1).collect();
        assert!(
            got.len() <= absorbed.len() * 2 + 1,
            "{name}: {} proposals",
            got.len()
        );
    }
}

/// The groups of claims that merging the given pairs would join, as sorted lists of ids.
fn joined(pairs: &[(String, String)]) -> Vec<Vec<String>> {
    let mut of: std::collections::BTreeMap<String, String> = Default::default();
    fn root(of: &mut std::collections::BTreeMap<String, String>, x: &str) -> String {
        let mut cur = x.to_owned();
        while let Some(p) = of.get(&cur).filter(|p| **p != cur) {
            cur = p.clone();
        }
        cur
    }
    for (a, b) in pairs {
        of.entry(a.clone()).or_insert_with(|| a.clone());
        of.entry(b.clone()).or_insert_with(|| b.clone());
        let (ra, rb) = (root(&mut of, a), root(&mut of, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            of.insert(hi, lo);
        }
    }
    let ids: Vec<String> = of.keys().cloned().collect();
    let mut groups: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for id in ids {
        let r = root(&mut of, &id);
        groups.entry(r).or_default().push(id);
    }
    groups.into_values().collect()
}

#[test]
fn the_sample_gives_the_pairwise_findings() {
    let ws = claimbench::sample::sample_workspace().expect("the sample loads");
    let rows = pairwise(&ws);
    assert!(!rows.is_empty(), "the sample has pair findings");
    agree("sample", &ws);
}

#[test]
fn synthetic_workspaces_give_the_pairwise_findings() {
    let mut kinds = std::collections::BTreeSet::new();
    for seed in 1..=4 {
        let ws = generate(&SynthSpec {
            seed,
            ..SynthSpec::new(20, 600)
        });
        agree(&format!("synth {seed}"), &ws);
        let ws = crowded(seed, 700);
        let rows = pairwise(&ws);
        kinds.extend(rows.iter().map(|r| r.0));
        agree(&format!("crowded {seed}"), &ws);
    }
    assert_eq!(
        kinds.len(),
        3,
        "figure, status and valuation-order findings all occur: {kinds:?}"
    );
}

#[test]
fn many_claims_of_one_day_and_long_valuation_series_give_the_pairwise_findings() {
    let ws = hostile::same_day(1);
    let rows = pairwise(&ws);
    // One $13B a day against its 99 $10B: 20 days.
    assert_eq!(rows.len(), 20 * 99);
    agree("same day", &ws);
    // The 99 reports of $10B a day were 4,851 proposals a day, pair by pair; now 98.
    assert_eq!(duplicate_candidates(&ws).len(), 20 * 98);
    let ws = hostile::valuations(1);
    let rows = pairwise(&ws);
    assert_eq!(rows.len(), 4, "one dip every 500 of 2,000");
    assert!(rows.iter().all(|r| r.0 == FindingKind::ValuationOrder));
    agree("valuations", &ws);
}
