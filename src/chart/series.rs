//! Building a chart's series from the workspace: which claims a chart selects, how each becomes
//! a point (x span from the date's precision, y interval from the qualifier), and why the others
//! are not plotted.
//!
//! [`build`] is the one entry point; the commitments chart's cumulative and annualised logic
//! lives in [`super::commitments`].

use super::data::{ChartData, Mark, NotPlotted, Point, Reason, Series, XSpan, YShape, YValue};
use super::sources::{claim_origins, distinct};
use crate::model::{
    Chart, ChartSpec, Claim, ClaimKind, ClaimStatus, EntityId, Figure, Qualifier, Unit, Workspace,
};
use std::collections::BTreeMap;

/// Builds the plotted data of `chart` over `ws`. Never fails: claims that cannot be plotted are
/// listed in [`ChartData::not_plotted`] with the reason.
pub fn build(ws: &Workspace, chart: &Chart) -> ChartData {
    match &chart.spec {
        ChartSpec::Valuation { entities } => valuation(ws, chart, entities),
        ChartSpec::Commitments { entity, annualised } => {
            super::commitments::build(ws, chart, entity, *annualised)
        }
        ChartSpec::Figures {
            kinds,
            parties,
            statuses,
            unit,
        } => figures(ws, chart, kinds, parties, statuses, unit),
    }
}

/// Whether `id` is `target` or rolls up to it through `parent` links.
pub fn is_or_under(ws: &Workspace, id: Option<&EntityId>, target: &EntityId) -> bool {
    id.is_some_and(|id| id == target || ws.root_entity(id) == target)
}

/// The y value a figure stands for, with its interval and how to draw it.
pub fn y_of(f: &Figure) -> YValue {
    let (low, high) = f.interval();
    let shape = match f.qualifier {
        Qualifier::Exact => YShape::Exact,
        Qualifier::About => YShape::Band,
        Qualifier::AtLeast | Qualifier::MoreThan => YShape::OpenUp,
        Qualifier::UpTo | Qualifier::LessThan => YShape::OpenDown,
        Qualifier::Range if f.high.is_some() => YShape::Interval,
        Qualifier::Range => YShape::OpenUp,
    };
    YValue {
        value: f.point(),
        low,
        high,
        qualifier: f.qualifier,
        shape,
    }
}

/// The axis unit for money charts: USD when any selected claim is in USD, else the most common
/// unit among them (ties by name), else USD.
pub fn money_axis<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Unit {
    let mut counts: BTreeMap<String, (usize, Unit)> = BTreeMap::new();
    for f in claims.into_iter().filter_map(|c| c.figure.as_ref()) {
        if f.unit == Unit::Usd {
            return Unit::Usd;
        }
        counts
            .entry(f.unit.name().to_owned())
            .or_insert((0, f.unit.clone()))
            .0 += 1;
    }
    let mut best: Option<(usize, Unit)> = None;
    for (n, u) in counts.into_values() {
        if best.as_ref().is_none_or(|(bn, _)| n > *bn) {
            best = Some((n, u));
        }
    }
    best.map_or(Unit::Usd, |(_, u)| u)
}

/// Turns one claim into a point on an axis of unit `axis`, or says why it cannot be plotted.
pub fn point_of(ws: &Workspace, c: &Claim, axis: &Unit) -> Result<Point, Reason> {
    let figure = c.figure.as_ref().ok_or(Reason::NoFigure)?;
    let date = ws.claim_date(c).ok_or(Reason::NoDate)?;
    if c.status == ClaimStatus::Denied {
        return Err(Reason::Denied);
    }
    if &figure.unit != axis {
        return Err(Reason::OtherUnit {
            unit: figure.unit.clone(),
            axis: axis.clone(),
        });
    }
    let mut figure_text = figure.display();
    if let Some(p) = &c.period {
        figure_text = format!("{figure_text} {}", p.display());
    }
    Ok(Point {
        claim: c.id.clone(),
        x: XSpan::of(date),
        y: y_of(figure),
        status: c.status,
        figure_text,
        subject: c.subject.as_ref().map(|e| ws.entity_name(e).to_owned()),
        counterparty: c
            .counterparty
            .as_ref()
            .map(|e| ws.entity_name(e).to_owned()),
        sources: claim_origins(ws, c),
        same_fact: Vec::new(),
        disagrees: false,
    })
}

/// Sorts points by date span, then claim id, so output is deterministic.
pub fn sort_points(points: &mut [Point]) {
    points.sort_by(|a, b| (a.x.start, a.x.end, &a.claim.0).cmp(&(b.x.start, b.x.end, &b.claim.0)));
}

/// Assembles the final data: drops empty series, collects plotted claims and their sources.
pub fn finish(
    ws: &Workspace,
    chart: &Chart,
    unit: Unit,
    y_label: String,
    mut series: Vec<Series>,
    not_plotted: Vec<NotPlotted>,
) -> ChartData {
    series.retain(|s| !s.points.is_empty());
    for s in &mut series {
        if s.mark != Mark::Step {
            sort_points(&mut s.points);
        }
    }
    mark_same_facts(ws, &mut series);
    let mut claims = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in &series {
        for p in &s.points {
            if seen.insert(&p.claim) {
                claims.push(p.claim.clone());
            }
        }
    }
    let by_id = ws.claims_by_id();
    let sources = distinct(
        claims
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .flat_map(|c| claim_origins(ws, c)),
    );
    ChartData {
        chart_id: chart.id.clone(),
        title: chart.title.clone(),
        unit,
        per_year: false,
        y_label,
        x_label: "Date".into(),
        series,
        not_plotted,
        claims,
        sources,
    }
}

/// Marks, on every point of every series, the other plotted reports of the same fact.
fn mark_same_facts(ws: &Workspace, series: &mut [Series]) {
    // Compare the claims' own values: take points from bars and markers before running totals.
    let mut distinct: Vec<Point> = Vec::new();
    let mut at: std::collections::HashMap<crate::model::ClaimId, usize> = Default::default();
    let own = series.iter().filter(|s| s.mark != Mark::Step);
    let totals = series.iter().filter(|s| s.mark == Mark::Step);
    for p in own.chain(totals).flat_map(|s| &s.points) {
        if !at.contains_key(&p.claim) {
            at.insert(p.claim.clone(), distinct.len());
            distinct.push(p.clone());
        }
    }
    super::same_fact::mark(ws, &mut distinct);
    for p in series.iter_mut().flat_map(|s| s.points.iter_mut()) {
        if let Some(d) = at.get(&p.claim).map(|&i| &distinct[i]) {
            p.same_fact = d.same_fact.clone();
            p.disagrees = d.disagrees;
        }
    }
}

/// The axis label for a unit: `Valuation (USD)`.
pub fn unit_label(what: &str, unit: &Unit) -> String {
    format!("{what} ({unit})")
}

fn valuation(ws: &Workspace, chart: &Chart, entities: &[EntityId]) -> ChartData {
    // Each claim goes to the first entity it names directly, else the first it rolls up to.
    let owner = |c: &Claim| -> Option<usize> {
        if c.kind != ClaimKind::Valuation {
            return None;
        }
        let subj = c.subject.as_ref()?;
        entities
            .iter()
            .position(|e| e == subj)
            .or_else(|| entities.iter().position(|e| ws.root_entity(subj) == e))
    };
    let selected: Vec<(usize, &Claim)> = ws
        .claims
        .iter()
        .filter_map(|c| owner(c).map(|i| (i, c)))
        .collect();
    let unit = money_axis(selected.iter().map(|(_, c)| *c));
    let mut series: Vec<Series> = entities
        .iter()
        .map(|e| Series {
            name: ws.entity_name(e).to_owned(),
            mark: Mark::Points,
            points: Vec::new(),
        })
        .collect();
    let mut not_plotted = Vec::new();
    for (i, c) in selected {
        match point_of(ws, c, &unit) {
            Ok(p) => series[i].points.push(p),
            Err(reason) => not_plotted.push(NotPlotted {
                claim: c.id.clone(),
                reason,
            }),
        }
    }
    let label = unit_label("Valuation", &unit);
    finish(ws, chart, unit, label, series, not_plotted)
}

fn figures(
    ws: &Workspace,
    chart: &Chart,
    kinds: &[ClaimKind],
    parties: &[EntityId],
    statuses: &[ClaimStatus],
    unit: &Unit,
) -> ChartData {
    let selected: Vec<&Claim> = ws
        .claims
        .iter()
        .filter(|c| kinds.is_empty() || kinds.contains(&c.kind))
        .filter(|c| statuses.is_empty() || statuses.contains(&c.status))
        .filter(|c| {
            parties.is_empty()
                || parties.iter().any(|p| {
                    is_or_under(ws, c.subject.as_ref(), p)
                        || is_or_under(ws, c.counterparty.as_ref(), p)
                })
        })
        .collect();
    let mut plotted: Vec<(&Claim, Point)> = Vec::new();
    let mut not_plotted = Vec::new();
    for c in selected {
        match point_of(ws, c, unit) {
            Ok(p) => plotted.push((c, p)),
            Err(reason) => not_plotted.push(NotPlotted {
                claim: c.id.clone(),
                reason,
            }),
        }
    }
    // One kind plotted: a series per subject; several kinds: a series per kind.
    let by_kind = plotted
        .iter()
        .any(|(c, _)| plotted.first().is_some_and(|(f, _)| f.kind != c.kind));
    let mut groups: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for (c, p) in plotted {
        let name = if by_kind {
            c.kind.label().to_owned()
        } else {
            p.subject.clone().unwrap_or_else(|| "(no subject)".into())
        };
        groups.entry(name).or_default().push(p);
    }
    let series = groups
        .into_iter()
        .map(|(name, points)| Series {
            name,
            mark: Mark::Points,
            points,
        })
        .collect();
    let what = match kinds {
        [k] => k.label(),
        _ => "Figure",
    };
    let label = unit_label(what, unit);
    finish(ws, chart, unit.clone(), label, series, not_plotted)
}
