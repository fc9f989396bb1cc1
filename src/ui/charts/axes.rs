//! The chart's axes: plot X values are days since 0001-01-01, labelled as dates on month
//! boundaries; Y values are labelled in the chart's unit (`$10B`, `1.2 GW`, `20%`).

use crate::chart::scale::tick_label;
use crate::chart::scale::{date_axis, day_number};
use crate::model::Unit;
use chrono::NaiveDate;
use egui_plot::{GridInput, GridMark};
use std::cell::RefCell;
use std::rc::Rc;

/// The date a plot X value (days since 0001-01-01) stands for.
pub fn date_of(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Month-boundary grid marks over the visible days with their labels, by the exports' rule
/// ([`crate::chart::scale::date_axis`]): the finest calendar step whose labels fit side by side,
/// and only marks whose label fits whole inside the plot.
pub fn date_marks(input: GridInput) -> Vec<(GridMark, String)> {
    let (Some(a), Some(b)) = (date_of(input.bounds.0), date_of(input.bounds.1)) else {
        return Vec::new();
    };
    // egui_plot passes the days covered by its minimum grid spacing (8 points).
    let days_per_point = input.base_step_size / 8.0;
    if !(days_per_point.is_finite() && days_per_point > 0.0) {
        return Vec::new();
    }
    let width = (input.bounds.1 - input.bounds.0) / days_per_point;
    // The rule measures from the first whole day shown.
    let offset = (day_number(a) - input.bounds.0).max(0.0) / days_per_point;
    let (step, ticks) = date_axis(a, b, width - offset);
    // egui_plot hides a label whose marks are closer than 60 points (its step_size in
    // points) and fades it below 80: the rule above already spaced the labels, so each mark
    // claims at least 80 points.
    let step_size = (f64::from(step) * 30.44).max(80.0 * days_per_point);
    ticks
        .into_iter()
        .map(|t| {
            (
                GridMark {
                    value: day_number(t.date),
                    step_size,
                },
                t.label,
            )
        })
        .collect()
}

/// `plot` with the date axis: the grid spacer and the label formatter share the labels the
/// spacer chose.
pub fn with_date_axis(plot: egui_plot::Plot<'_>) -> egui_plot::Plot<'_> {
    let labels: Rc<RefCell<Vec<(f64, String)>>> = Rc::default();
    let store = labels.clone();
    plot.x_grid_spacer(move |input: GridInput| {
        let marks = date_marks(input);
        *store.borrow_mut() = marks.iter().map(|(m, l)| (m.value, l.clone())).collect();
        marks.into_iter().map(|(m, _)| m).collect()
    })
    .x_axis_formatter(move |mark: GridMark, _| {
        labels
            .borrow()
            .iter()
            .find(|(v, _)| *v == mark.value)
            .map_or_else(String::new, |(_, l)| l.clone())
    })
}

/// Value grid marks by the exports' rule ([`crate::chart::scale::value_ticks`]): round values
/// about 40 points apart.
pub fn value_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    // egui_plot passes the values covered by its minimum grid spacing (8 points).
    let per_point = input.base_step_size / 8.0;
    if !(per_point.is_finite() && per_point > 0.0 && lo.is_finite() && hi.is_finite()) {
        return Vec::new();
    }
    let ticks = crate::chart::scale::value_ticks(lo, hi, (hi - lo) / per_point);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => hi - lo,
    };
    ticks
        .into_iter()
        .filter(|v| (lo..=hi).contains(v))
        .map(|value| GridMark {
            value,
            step_size: step,
        })
        .collect()
}

/// A Y axis label in the chart's unit (`$10B`, `1.2 GW`, `20%`), `/yr` for yearly amounts,
/// with the precision the grid's `step` needs (the exports' rule, [`tick_label`]).
pub fn value_label(v: f64, step: f64, unit: &Unit, per_year: bool) -> String {
    let s = tick_label(v, step, unit);
    if per_year { format!("{s}/yr") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_marks_fall_on_month_starts_and_label_as_dates() {
        use chrono::Datelike;
        let d = |y, m, day| day_number(NaiveDate::from_ymd_opt(y, m, day).expect("date"));
        let marks = date_marks(GridInput {
            bounds: (d(2024, 11, 20), d(2025, 12, 31)),
            // About 400 points for 406 days.
            base_step_size: 8.0,
        });
        assert!(marks.len() >= 3 && marks.len() <= 8, "{marks:?}");
        for (m, _) in &marks {
            assert_eq!(date_of(m.value).map(|x| x.day()), Some(1));
            assert!(m.step_size >= 80.0, "egui_plot paints the label: {m:?}");
        }
        // No mark so near an edge that its label would be cut: half a label is 28 points.
        let (b0, b1) = (d(2024, 11, 20), d(2025, 12, 31));
        assert!(
            marks
                .iter()
                .all(|(m, l)| m.value >= b0 + 3.5 * l.len() as f64
                    && m.value <= b1 - 3.5 * l.len() as f64),
            "{marks:?}"
        );
        // The same rule as the exports: the labels are those of the shared date axis.
        let (_, shared) = crate::chart::scale::date_axis(
            NaiveDate::from_ymd_opt(2024, 11, 20).expect("date"),
            NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
            d(2025, 12, 31) - d(2024, 11, 20),
        );
        let ours: Vec<&str> = marks.iter().map(|(_, l)| l.as_str()).collect();
        let theirs: Vec<&str> = shared.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ours, theirs);
        // Ten years in 400 points: yearly or coarser marks.
        let wide = date_marks(GridInput {
            bounds: (d(2015, 1, 1), d(2025, 1, 1)),
            base_step_size: 8.0 * 3653.0 / 400.0,
        });
        assert!(wide.iter().all(|(_, l)| l.len() == 4), "{wide:?}");
    }

    #[test]
    fn values_format_in_the_axis_unit() {
        assert_eq!(value_label(1.0e10, 1.0e10, &Unit::Usd, false), "$10B");
        assert_eq!(value_label(1.2e12, 2.0e11, &Unit::Usd, false), "$1.2T");
        assert_eq!(value_label(5.4e9, 2.0e8, &Unit::Usd, true), "$5.4B/yr");
        assert!(value_label(1.5, 0.5, &Unit::Gw, false).contains("GW"));
    }
}
