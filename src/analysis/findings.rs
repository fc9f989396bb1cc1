//! Findings: contradictions and other things an analyst should look at, each with the claims
//! involved and one quote per claim (outlet and publication date included).
//!
//! Kinds of finding, for claims about the same fact ([`super::facts::same_fact`]):
//! - **figure**: two figures that conflict as intervals ([`super::interval::compare`]); hard or
//!   soft. Conflicts that involve a deal claim without a date are one finding per fact, listing
//!   every claim involved ([`super::undated`]): such a claim is comparable with every date, and
//!   one finding per pair grew with the square of the claims. A point-in-time claim (a share
//!   move, a valuation) without a date is the same fact as none, but when its figure differs
//!   from another claim of its fact key, one soft finding per key asks the analyst to check the
//!   dates;
//! - **wording**: one info finding per fact whose claims qualify the figure differently
//!   (`$10B`, `at least $10B`, `more than $10B`), listing every wording;
//! - **status**: two statuses that cannot both hold on the same date (overlapping date spans, not
//!   merely within the fact tolerance): `denied` against any positive status is hard; `signed` or
//!   `completed` against `rumored` or `in_talks` is soft;
//! - **valuation order**: for one (rolled-up) company, a valuation dated strictly later — beyond
//!   the point-in-time tolerance — whose whole interval lies below an earlier valuation's interval.
//!   Forecast and denied valuations are left out. This is soft: a down round is possible, but more
//!   often an old figure was reported as the current one (its date then falls back to the
//!   article's publication date).
//!
//! Ids are stable: the kind's prefix and the sorted claim ids (`figure:cl-0003+cl-0007`), so a
//! saved [`Resolution`] keeps pointing at the same finding.

use super::facts::{FactIndex, POINT_DAYS, Roots, claim_date, days_apart, fact_key_in};
use super::interval::compare;
use super::undated::UndatedSet;
use crate::model::{
    Claim, ClaimId, ClaimKind, ClaimStatus, DocId, FuzzyDate, Resolution, Unit, Workspace,
};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The sources cannot both be right.
    Hard,
    /// Probably a wording or rounding difference, or suspicious but possible.
    Soft,
    /// Worth knowing, not a conflict.
    Info,
}

impl Severity {
    /// Lowercase name (`hard`).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Hard => "hard",
            Severity::Soft => "soft",
            Severity::Info => "info",
        }
    }
}

/// What sort of finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// Conflicting figures.
    Figure,
    /// The same figure in different words.
    Wording,
    /// Conflicting statuses at the same date.
    Status,
    /// A later valuation below an earlier one.
    ValuationOrder,
}

impl FindingKind {
    /// The id prefix (`figure`).
    pub fn prefix(self) -> &'static str {
        match self {
            FindingKind::Figure => "figure",
            FindingKind::Wording => "wording",
            FindingKind::Status => "status",
            FindingKind::ValuationOrder => "valuation-order",
        }
    }
}

/// A quote of one claim: where a source states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The claim quoted.
    pub claim: ClaimId,
    /// The document.
    pub doc: DocId,
    /// Its outlet (empty when unknown).
    pub outlet: String,
    /// Its publication date.
    pub published: Option<FuzzyDate>,
    /// The quoted text.
    pub text: String,
    /// The claim's figure as text (`at least $10B`), empty without a figure.
    pub figure: String,
}

impl Quote {
    /// Where the quote comes from: the outlet (`unknown outlet` when unknown; the document id
    /// is shown beside it where ids are) and the publication date (`undated` when unknown).
    pub fn source(&self) -> (&str, String) {
        let outlet = if self.outlet.is_empty() {
            "unknown outlet"
        } else {
            self.outlet.as_str()
        };
        (
            outlet,
            self.published
                .map_or("undated".to_owned(), |d| d.to_string()),
        )
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable id (module docs).
    pub id: String,
    /// What sort.
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// One sentence.
    pub message: String,
    /// The claims involved, sorted by id.
    pub claims: Vec<ClaimId>,
    /// One quote per claim with evidence, in claim order.
    pub quotes: Vec<Quote>,
    /// The saved resolution, if the analyst settled it.
    pub resolution: Option<Resolution>,
}

/// All findings of a workspace, most serious first, then by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    /// The findings.
    pub items: Vec<Finding>,
}

/// The id of a finding: its kind's prefix and its claim ids, sorted, joined by `+`
/// (`figure:cl-0003+cl-0007`).
pub fn finding_id(prefix: &str, claims: &[ClaimId]) -> String {
    let mut ids: Vec<&str> = claims.iter().map(ClaimId::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    format!("{prefix}:{}", ids.join("+"))
}

/// The first quote of a claim: its first evidence whose anchor fits, else its first evidence.
pub fn quote_of(ws: &Workspace, c: &Claim) -> Option<Quote> {
    let ev = c
        .evidence
        .iter()
        .find(|e| {
            ws.document(&e.doc)
                .is_some_and(|d| e.anchor.validate(&d.text).is_ok())
        })
        .or(c.evidence.first())?;
    let doc = ws.document(&ev.doc);
    Some(Quote {
        claim: c.id.clone(),
        doc: ev.doc.clone(),
        outlet: doc.map(|d| d.outlet.clone()).unwrap_or_default(),
        published: doc.and_then(|d| d.published),
        text: ev.anchor.exact.clone(),
        figure: c.figure.as_ref().map(|f| f.display()).unwrap_or_default(),
    })
}

fn fact_label(roots: &Roots<'_>, c: &Claim) -> String {
    let k = fact_key_in(roots, c);
    let name = |e: &Option<crate::model::EntityId>| e.as_ref().map(|e| roots.name(e).to_owned());
    match (name(&k.subject), name(&k.counterparty)) {
        (Some(s), Some(t)) => format!("{} {s} → {t}", k.kind.label()),
        (Some(s), None) => format!("{} of {s}", k.kind.label()),
        _ => k.kind.label().to_owned(),
    }
}

impl Findings {
    /// Computes every finding of the workspace (module docs).
    pub fn compute(ws: &Workspace) -> Self {
        let mut items = Vec::new();
        let roots = Roots::new(ws);
        let roots = &roots;
        let idx = FactIndex::with_roots(ws, roots, ws.claims.iter().collect());
        // Each rule is decided once per pair of twin groups (figures and statuses are alike
        // within a group, and both rules are symmetric); only the claim pairs of a group pair
        // that gives a finding are listed, then made in index order as pair by pair.
        let twins = idx.twins();
        let mut hits: Vec<(usize, usize, FindingKind)> = Vec::new();
        for &(g, h) in &twins.pairs {
            if !idx.same_twins(&twins, g, h) {
                continue;
            }
            let (a, b) = (
                idx.claims()[twins.groups[g][0]],
                idx.claims()[twins.groups[h][0]],
            );
            let (a, b) = if g == h {
                (a, idx.claims()[twins.groups[g][1]])
            } else {
                (a, b)
            };
            let figure = match (&a.figure, &b.figure) {
                (Some(fa), Some(fb)) => compare(fa, fb).severity().is_some(),
                _ => false,
            };
            let status = status_clash(ws, a, b).is_some();
            for kind in [(figure, FindingKind::Figure), (status, FindingKind::Status)]
                .into_iter()
                .filter_map(|(hit, kind)| hit.then_some(kind))
            {
                hits.extend(twins.members(g, h).into_iter().map(|(i, j)| (i, j, kind)));
            }
        }
        hits.sort_unstable();
        for (i, j, kind) in hits {
            let (a, b) = (idx.claims()[i], idx.claims()[j]);
            match (kind, &a.figure, &b.figure) {
                (FindingKind::Figure, Some(fa), Some(fb)) => {
                    let ag = compare(fa, fb);
                    let Some(sev) = ag.severity() else { continue };
                    let msg = format!(
                        "{}: {} and {} {}",
                        fact_label(roots, a),
                        fa.display(),
                        fb.display(),
                        ag.describe()
                    );
                    items.push(make(ws, FindingKind::Figure, sev, msg, &[a, b]));
                }
                (FindingKind::Status, ..) => {
                    let Some(sev) = status_clash(ws, a, b) else {
                        continue;
                    };
                    let msg = format!(
                        "{}: {} and {} on the same date",
                        fact_label(roots, a),
                        a.status.label().to_lowercase(),
                        b.status.label().to_lowercase()
                    );
                    items.push(make(ws, FindingKind::Status, sev, msg, &[a, b]));
                }
                _ => {}
            }
        }
        for set in idx.undated_sets() {
            items.extend(undated_figures(ws, roots, &idx, &set));
        }
        for set in idx.undated_point_sets() {
            items.extend(undated_points(ws, roots, &idx, &set));
        }
        items.extend(wording(ws, roots, &idx));
        items.extend(valuation_order(ws, roots));
        // The first resolution of each finding id, looked up once (not a scan per finding).
        let mut resolutions: std::collections::HashMap<&str, &Resolution> = Default::default();
        for r in &ws.resolutions {
            resolutions.entry(r.finding.as_str()).or_insert(r);
        }
        for f in &mut items {
            f.resolution = resolutions.get(f.id.as_str()).map(|&r| r.clone());
        }
        items.sort_by(|x, y| (x.severity, &x.id).cmp(&(y.severity, &y.id)));
        Self { items }
    }

    /// The findings that involve a claim (for flags in the Claims table).
    pub fn for_claim<'a>(&'a self, id: &'a ClaimId) -> impl Iterator<Item = &'a Finding> + 'a {
        self.items.iter().filter(move |f| f.claims.contains(id))
    }

    /// The finding with this id.
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.items.iter().find(|f| f.id == id)
    }

    /// How many findings of a severity there are, and how many of those are resolved.
    pub fn count(&self, severity: Severity) -> (usize, usize) {
        let of: Vec<&Finding> = self
            .items
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        let resolved = of.iter().filter(|f| f.resolution.is_some()).count();
        (of.len(), resolved)
    }
}

fn make(
    ws: &Workspace,
    kind: FindingKind,
    severity: Severity,
    message: String,
    cs: &[&Claim],
) -> Finding {
    let mut cs: Vec<&Claim> = cs.to_vec();
    cs.sort_by(|a, b| a.id.cmp(&b.id));
    let ids: Vec<ClaimId> = cs.iter().map(|c| c.id.clone()).collect();
    let id = finding_id(kind.prefix(), &ids);
    Finding {
        id,
        kind,
        severity,
        message,
        claims: ids,
        quotes: cs.iter().filter_map(|c| quote_of(ws, c)).collect(),
        resolution: None,
    }
}

/// The severity of a status clash between two claims about the same fact, if they clash.
pub fn status_clash(ws: &Workspace, a: &Claim, b: &Claim) -> Option<Severity> {
    use ClaimStatus::*;
    let (Some(da), Some(db)) = (claim_date(ws, a), claim_date(ws, b)) else {
        return None;
    };
    if days_apart(&da, &db) != 0 {
        return None;
    }
    let positive = |s: ClaimStatus| {
        matches!(
            s,
            Rumored | InTalks | LetterOfIntent | Announced | Signed | Completed
        )
    };
    let talk = |s: ClaimStatus| matches!(s, Rumored | InTalks);
    let (x, y) = (a.status, b.status);
    if (x == Denied && positive(y)) || (y == Denied && positive(x)) {
        Some(Severity::Hard)
    } else if (x.is_firm() && talk(y)) || (y.is_firm() && talk(x)) {
        Some(Severity::Soft)
    } else {
        None
    }
}

/// One figure finding per fact key of a point-in-time kind (a share move, a valuation) whose
/// undated claims state a figure that differs from another claim of the key: without a date
/// nobody can tell whether they speak of the same day, so the finding asks the analyst to check
/// and is never more serious than soft.
fn undated_points(
    ws: &Workspace,
    roots: &Roots<'_>,
    idx: &FactIndex<'_>,
    set: &UndatedSet,
) -> Option<Finding> {
    let (involved, sev, ag) =
        super::undated::figure_conflict_by(idx, set, |x, e| idx.same_apart_from_time(x, e))?;
    let sev = sev.max(Severity::Soft);
    let cs: Vec<&Claim> = involved.iter().map(|&i| idx.claims()[i]).collect();
    let undated = cs.iter().filter(|c| claim_date(ws, c).is_none()).count();
    let msg = if let [a, b] = cs[..] {
        let (Some(fa), Some(fb)) = (&a.figure, &b.figure) else {
            return None;
        };
        let which = if undated == 2 {
            "neither report gives a date"
        } else {
            "one report gives no date"
        };
        format!(
            "{}: {} and {} {} if they speak of the same day ({which}: check the dates)",
            fact_label(roots, a),
            fa.display(),
            fb.display(),
            ag.describe()
        )
    } else {
        format!(
            "{}: {} claims ({undated} without a date, so maybe of other days) state figures that conflict: {}",
            fact_label(roots, cs[0]),
            cs.len(),
            distinct_figures(&cs)
        )
    };
    Some(make(ws, FindingKind::Figure, sev, msg, &cs))
}

/// One figure finding per fact key for conflicts that involve a claim without a date (module
/// docs): such a claim is compatible with every date, so it is compared with its fact's extreme
/// figures once instead of with every claim ([`super::undated`]). Two claims give the same
/// finding, id and message, as a pair of dated claims would.
fn undated_figures(
    ws: &Workspace,
    roots: &Roots<'_>,
    idx: &FactIndex<'_>,
    set: &UndatedSet,
) -> Option<Finding> {
    let (involved, sev, ag) = super::undated::figure_conflict(idx, set)?;
    let cs: Vec<&Claim> = involved.iter().map(|&i| idx.claims()[i]).collect();
    let figs: Vec<String> = cs
        .iter()
        .filter_map(|c| c.figure.as_ref().map(|f| f.display()))
        .collect();
    let msg = if let [a, _] = cs[..] {
        format!(
            "{}: {} and {} {}",
            fact_label(roots, a),
            figs[0],
            figs[1],
            ag.describe()
        )
    } else {
        let undated = cs.iter().filter(|c| claim_date(ws, c).is_none()).count();
        format!(
            "{}: {} claims ({undated} without a date, so comparable with every date) state figures that conflict: {}",
            fact_label(roots, cs[0]),
            cs.len(),
            distinct_figures(&cs)
        )
    };
    Some(make(ws, FindingKind::Figure, sev, msg, &cs))
}

/// The distinct figures of `cs`, lowest first, at most eight, with " and N more" after them.
fn distinct_figures(cs: &[&Claim]) -> String {
    let mut by_value: Vec<(f64, String)> = cs
        .iter()
        .filter_map(|c| c.figure.as_ref())
        .map(|f| (f.point(), f.display()))
        .collect();
    by_value.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut distinct: Vec<String> = by_value.into_iter().map(|(_, d)| d).collect();
    distinct.dedup();
    let more = distinct.len().saturating_sub(8);
    distinct.truncate(8);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{}{tail}", distinct.join(" / "))
}

fn wording(ws: &Workspace, roots: &Roots<'_>, idx: &FactIndex<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for g in idx.groups() {
        let cs: Vec<&Claim> = g
            .iter()
            .map(|&i| idx.claims()[i])
            .filter(|c| c.figure.is_some())
            .collect();
        let mut words: Vec<String> = cs
            .iter()
            .filter_map(|c| c.figure.as_ref().map(|f| f.display()))
            .collect();
        words.sort();
        words.dedup();
        let mut quals: Vec<&str> = cs
            .iter()
            .filter_map(|c| c.figure.as_ref().map(|f| f.qualifier.name()))
            .collect();
        quals.sort();
        quals.dedup();
        if cs.len() < 2 || words.len() < 2 || quals.len() < 2 {
            continue;
        }
        let msg = format!(
            "{}: stated as {}",
            fact_label(roots, cs[0]),
            words.join(" / ")
        );
        out.push(make(ws, FindingKind::Wording, Severity::Info, msg, &cs));
    }
    out
}

/// A lowest value, ordered as numbers (`total_cmp`) so it can key a sorted map.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Low(f64);

impl Eq for Low {}

impl PartialOrd for Low {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Low {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

fn valuation_order(ws: &Workspace, roots: &Roots<'_>) -> Vec<Finding> {
    let vals: Vec<(&Claim, FuzzyDate)> = ws
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Valuation && c.subject.is_some())
        .filter(|c| !matches!(c.status, ClaimStatus::Forecast | ClaimStatus::Denied))
        .filter(|c| c.figure.as_ref().is_some_and(|f| f.unit == Unit::Usd))
        .filter_map(|c| claim_date(ws, c).map(|d| (c, d)))
        .collect();
    // Only claims about the same party are compared: bucket them by fact key first.
    let mut buckets: std::collections::HashMap<_, Vec<usize>> = Default::default();
    for (i, (c, _)) in vals.iter().enumerate() {
        buckets.entry(fact_key_in(roots, c)).or_default().push(i);
    }
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().collect();
    buckets.sort();
    // Within a bucket, the earlier claim `a` of a finding ends more than POINT_DAYS before the
    // later `b` starts, and its lowest value lies above b's highest. Sweep the later claims by
    // first day, adding each earlier claim once it ends early enough, keyed by its lowest value:
    // a range query then lists exactly the earlier claims above b. Found pairs are put in the
    // order of the pairwise scan (bucket, then a, then b) before the findings are made.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (rank, bucket) in buckets.iter().enumerate() {
        let mut by_end: Vec<usize> = bucket.clone();
        by_end.sort_by_key(|&i| vals[i].1.last_day());
        let mut by_start: Vec<usize> = bucket.clone();
        by_start.sort_by_key(|&i| vals[i].1.first_day());
        let mut open: std::collections::BTreeMap<(Low, usize), ()> = Default::default();
        let mut next = 0;
        for &j in &by_start {
            let (b, db) = &vals[j];
            while let Some(&i) = by_end.get(next) {
                if (db.first_day() - vals[i].1.last_day()).num_days() <= POINT_DAYS {
                    break;
                }
                if let Some(low) = vals[i].0.figure.as_ref().map(|f| f.interval().0)
                    && !low.is_nan()
                {
                    open.insert((Low(low), i), ());
                }
                next += 1;
            }
            let Some(fb) = &b.figure else { continue };
            let high = fb.interval().1;
            for &(_, i) in open.range((Low(high), usize::MAX)..).map(|(k, _)| k) {
                found.push((rank, i, j));
            }
        }
    }
    found.sort_unstable();
    let mut out = Vec::new();
    for (_, i, j) in found {
        let ((a, da), (b, db)) = (&vals[i], &vals[j]);
        if da.last_day() >= db.first_day() || days_apart(da, db) <= POINT_DAYS {
            continue;
        }
        let (Some(fa), Some(fb)) = (&a.figure, &b.figure) else {
            continue;
        };
        // b is later; its highest possible value is below a's lowest.
        if fb.interval().1 < fa.interval().0 {
            let msg = format!(
                "{}: {} dated {db} is below {} dated {da}: a down round, or an older figure reported as current",
                fact_label(roots, a),
                fb.display(),
                fa.display()
            );
            out.push(make(
                ws,
                FindingKind::ValuationOrder,
                Severity::Soft,
                msg,
                &[a, b],
            ));
        }
    }
    out
}
