//! The commitments chart: money committed by and to one entity, as cumulative step lines and as
//! one bar per deal grouped by counterparty (rolled up to its parent: AWS counts as Amazon).
//!
//! Annualised, each deal is spread evenly over its stated period (a $38B deal over 7 years is
//! about $5.4B a year from its date for 7 years); bars then span the period and the step lines
//! show the yearly run-rate of all deals in force. Deals with no period are listed as not plotted.

use super::data::{ChartData, Mark, NotPlotted, Point, Reason, Series, XSpan, YShape, YValue};
use super::same_fact;
use super::series::{finish, is_or_under, money_axis, point_of, sort_points, unit_label};
use crate::model::{Chart, Claim, ClaimKind, EntityId, Period, Workspace};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// Claim kinds that commit money from subject to counterparty.
pub const COMMITMENT_KINDS: [ClaimKind; 3] = [
    ClaimKind::Investment,
    ClaimKind::ComputeCommitment,
    ClaimKind::ChipSupply,
];

/// Builds the commitments chart around `entity`.
pub fn build(ws: &Workspace, chart: &Chart, entity: &EntityId, annualised: bool) -> ChartData {
    let selected: Vec<&Claim> = ws
        .claims
        .iter()
        .filter(|c| COMMITMENT_KINDS.contains(&c.kind))
        .filter(|c| {
            is_or_under(ws, c.subject.as_ref(), entity)
                || is_or_under(ws, c.counterparty.as_ref(), entity)
        })
        .collect();
    let unit = money_axis(selected.iter().copied());
    let name = ws.entity_name(entity).to_owned();
    let mut outgoing = Vec::new();
    let mut incoming = Vec::new();
    let mut groups: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    let mut not_plotted = Vec::new();
    for c in selected {
        let point =
            point_of(ws, c, &unit).and_then(|p| if annualised { annualise(c, p) } else { Ok(p) });
        let p = match point {
            Ok(p) => p,
            Err(reason) => {
                not_plotted.push(NotPlotted::new(ws, c, reason));
                continue;
            }
        };
        let out = is_or_under(ws, c.subject.as_ref(), entity);
        let other = if out { &c.counterparty } else { &c.subject };
        let group = other.as_ref().map_or_else(
            || "(unnamed party)".to_owned(),
            |o| ws.entity_name(ws.root_entity(o)).to_owned(),
        );
        groups.entry(group).or_default().push(p.clone());
        if out {
            outgoing.push(p);
        } else {
            incoming.push(p);
        }
    }
    let step = if annualised { run_rate } else { cumulative };
    let (by, to) = if annualised {
        (
            format!("By {name}, per year in force"),
            format!("To {name}, per year in force"),
        )
    } else {
        (
            format!("By {name}, cumulative"),
            format!("To {name}, cumulative"),
        )
    };
    let mut series = vec![
        Series {
            name: by,
            mark: Mark::Step,
            points: step(counted_once(ws, outgoing)),
        },
        Series {
            name: to,
            mark: Mark::Step,
            points: step(counted_once(ws, incoming)),
        },
    ];
    // Bar groups: largest total first, then by name.
    let mut groups: Vec<(String, Vec<Point>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| {
        let total = |ps: &[Point]| ps.iter().map(|p| p.y.value).sum::<f64>();
        total(&b.1).total_cmp(&total(&a.1)).then(a.0.cmp(&b.0))
    });
    series.extend(groups.into_iter().map(|(name, points)| Series {
        name,
        mark: Mark::Bars,
        points,
    }));
    let what = if annualised {
        format!("Committed per year ({unit}/yr)")
    } else {
        unit_label("Committed", &unit)
    };
    let mut data = finish(ws, chart, unit, what, series, not_plotted);
    data.per_year = annualised;
    data
}

/// Keeps one report per fact (see [`super::same_fact::representative`]) so a total never adds
/// up several outlets' versions of one deal.
pub fn counted_once(ws: &Workspace, deals: Vec<Point>) -> Vec<Point> {
    let refs: Vec<&Point> = deals.iter().collect();
    let keep: std::collections::HashSet<usize> = same_fact::groups(ws, &refs)
        .iter()
        .map(|g| same_fact::representative(&refs, g))
        .collect();
    deals
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, p)| p)
        .collect()
}

/// The yearly share of a deal: its figure divided by the years of its period, with the x span
/// stretched over that period.
pub fn annualise(c: &Claim, mut p: Point) -> Result<Point, Reason> {
    let start = p.x.start;
    let (years, end) = match &c.period {
        Some(Period::Over { months }) if *months > 0 => {
            let end = start
                .checked_add_months(chrono::Months::new(*months))
                .ok_or(Reason::NoPeriod)?;
            (f64::from(*months) / 12.0, end)
        }
        Some(Period::By(d)) => {
            let end = d.last_day().succ_opt().ok_or(Reason::NoPeriod)?;
            let days = (end - start).num_days();
            if days <= 0 {
                return Err(Reason::NoPeriod);
            }
            (days as f64 / 365.25, end)
        }
        Some(Period::PerYear) => (1.0, p.x.end.max(add_days(start, 365))),
        _ => return Err(Reason::NoPeriod),
    };
    let y = p.y;
    p.y = YValue {
        value: y.value / years,
        low: y.low / years,
        high: y.high / years,
        ..y
    };
    p.x = XSpan::between(p.x.date, start, end);
    Ok(p)
}

fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

/// Running totals: each point's y becomes the sum of all deals up to and including it.
pub fn cumulative(mut deals: Vec<Point>) -> Vec<Point> {
    sort_points(&mut deals);
    let mut acc = YValue::exact(0.0);
    deals
        .into_iter()
        .map(|mut p| {
            acc = add(acc, &p.y, 1.0);
            p.y = acc;
            p
        })
        .collect()
}

/// Yearly run-rate: each annualised deal adds its rate at its start and removes it at its end.
pub fn run_rate(deals: Vec<Point>) -> Vec<Point> {
    let mut events: Vec<(NaiveDate, f64, Point)> = Vec::new();
    for p in deals {
        let mut end = p.clone();
        end.x = XSpan::between(p.x.date, p.x.end, p.x.end);
        events.push((p.x.end, -1.0, end));
        // The start steps up within the stated date's own span (a month, a year or a day).
        let mut start = p;
        start.x = XSpan::of(start.x.date);
        events.push((start.x.start, 1.0, start));
    }
    // Chronological; at the same day, ends before starts; then by claim id.
    events.sort_by(|a, b| (a.0, a.1 > 0.0, &a.2.claim.0).cmp(&(b.0, b.1 > 0.0, &b.2.claim.0)));
    let mut acc = YValue::exact(0.0);
    events
        .into_iter()
        .map(|(_, sign, mut p)| {
            acc = add(acc, &p.y, sign);
            p.y = acc;
            p
        })
        .collect()
}

/// Adds (or with `sign = -1` removes) a deal's interval to a running total.
fn add(acc: YValue, y: &YValue, sign: f64) -> YValue {
    // Removing what was added can leave rounding dust (1e-6 of a dollar); call that zero.
    let dust = 1e-9 * (acc.value.abs() + y.value.abs());
    let clean = |v: f64| if v.abs() <= dust { 0.0 } else { v };
    let value = clean(acc.value + sign * y.value);
    let low = clean(acc.low + sign * y.low);
    // Once an open-ended deal has counted, the total's upper end stays open (∞ − ∞ is undefined).
    let high = acc.high + sign * y.high;
    let high = if high.is_nan() {
        f64::INFINITY
    } else {
        clean(high)
    };
    let shape = if high.is_infinite() {
        YShape::OpenUp
    } else if (high - low).abs() > f64::EPSILON * value.abs().max(1.0) {
        YShape::Interval
    } else {
        YShape::Exact
    };
    YValue {
        value,
        low,
        high,
        shape,
        ..YValue::exact(value)
    }
}
