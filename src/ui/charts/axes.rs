//! The chart's axes: plot X values are days since 0001-01-01, labelled as dates on month
//! boundaries; Y values are labelled in the chart's unit (`$10B`, `1.2 GW`, `20%`).

use crate::chart::scale::day_number;
use crate::chart::scale::tick_label;
use crate::model::Unit;
use chrono::{Datelike, NaiveDate};
use egui_plot::{GridInput, GridMark};

/// The date a plot X value (days since 0001-01-01) stands for.
pub fn date_of(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Month-boundary grid marks over the visible days, spaced so their labels fit: at least about
/// 64 points apart for `Apr 2025`, 44 for `2025`.
pub fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (Some(a), Some(b)) = (date_of(input.bounds.0), date_of(input.bounds.1)) else {
        return Vec::new();
    };
    let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (m0, m1) = (month(a), month(b) + 1);
    // egui_plot passes the days covered by its minimum grid spacing (8 points).
    let days_per_point = input.base_step_size / 8.0;
    let fits = |step: i32| {
        let need = if step >= 12 { 44.0 } else { 64.0 };
        !(days_per_point.is_finite() && days_per_point > 0.0)
            || f64::from(step) * 30.44 / days_per_point >= need
    };
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| fits(*s) && (m1 - m0) / s <= 12)
        .unwrap_or(240);
    // A label is centred on its mark: a mark closer to the plot's edge than half a label would
    // have its label cut there ("'25" for "Jan 2025"), so it gets no label and no line.
    let half_label = if step >= 12 { 22.0 } else { 32.0 };
    let edge = if days_per_point.is_finite() && days_per_point > 0.0 {
        half_label * days_per_point
    } else {
        0.0
    };
    let inside = |x: f64| x >= input.bounds.0 + edge && x <= input.bounds.1 - edge;
    let mut out = Vec::new();
    let mut m = m0 + (step - m0.rem_euclid(step)) % step;
    while m <= m1 && out.len() < 200 {
        if let Some(d) = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
            && inside(day_number(d))
        {
            out.push(GridMark {
                value: day_number(d),
                step_size: f64::from(step) * 30.44,
            });
        }
        m += step;
    }
    out
}

/// An X axis label: the year for yearly marks, else month and year.
pub fn date_label(mark: GridMark) -> String {
    match date_of(mark.value) {
        Some(d) if mark.step_size >= 360.0 => d.format("%Y").to_string(),
        Some(d) => d.format("%b %Y").to_string(),
        None => String::new(),
    }
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
        let d = |y, m, day| day_number(NaiveDate::from_ymd_opt(y, m, day).expect("date"));
        let marks = date_grid(GridInput {
            bounds: (d(2024, 11, 20), d(2025, 12, 31)),
            // About 400 points for 406 days.
            base_step_size: 8.0,
        });
        assert!(marks.len() >= 3 && marks.len() <= 8, "{marks:?}");
        for m in &marks {
            assert_eq!(date_of(m.value).map(|x| x.day()), Some(1));
            assert!(m.step_size >= 64.0, "labels fit: {m:?}");
        }
        // No mark so near an edge that its label would be cut: at 1 day per point the first
        // and last 32 days are left free.
        let (b0, b1) = (d(2024, 11, 20), d(2025, 12, 31));
        assert!(
            marks
                .iter()
                .all(|m| m.value >= b0 + 32.0 && m.value <= b1 - 32.0),
            "{marks:?}"
        );
        let near_start = date_grid(GridInput {
            bounds: (d(2024, 12, 20), d(2025, 12, 31)),
            base_step_size: 8.0,
        });
        assert!(
            near_start.iter().all(|m| m.value > d(2025, 1, 1)),
            "Jan 2025, 12 points from the left edge, is left out: {near_start:?}"
        );
        // Ten years in 400 points: yearly or coarser marks.
        let wide = date_grid(GridInput {
            bounds: (d(2015, 1, 1), d(2025, 1, 1)),
            base_step_size: 8.0 * 3653.0 / 400.0,
        });
        assert!(wide.iter().all(|m| m.step_size >= 360.0), "{wide:?}");
        assert_eq!(
            date_label(GridMark {
                value: d(2025, 4, 1),
                step_size: 91.0
            }),
            "Apr 2025"
        );
        assert_eq!(
            date_label(GridMark {
                value: d(2025, 1, 1),
                step_size: 365.0
            }),
            "2025"
        );
    }

    #[test]
    fn values_format_in_the_axis_unit() {
        assert_eq!(value_label(1.0e10, 1.0e10, &Unit::Usd, false), "$10B");
        assert_eq!(value_label(1.2e12, 2.0e11, &Unit::Usd, false), "$1.2T");
        assert_eq!(value_label(5.4e9, 2.0e8, &Unit::Usd, true), "$5.4B/yr");
        assert!(value_label(1.5, 0.5, &Unit::Gw, false).contains("GW"));
    }
}
