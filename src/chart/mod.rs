//! Charts without egui: building a chart's series from the workspace ([`series::build`]), an SVG
//! renderer ([`svg`]), a PNG rasteriser with an embedded font ([`png`]) and CSV/JSON tables
//! ([`table`]). The CLI's `export` and the GUI's Charts tab both use this one module, and both
//! draw by one description of the chart's look ([`style`]), so an export looks like the app.

pub mod commitments;
pub mod data;
pub mod export;
pub mod key;
pub mod place;
pub mod png;
pub mod same_fact;
pub mod scale;
pub mod series;
pub mod sources;
pub mod step;
pub mod style;
pub mod svg;
pub mod table;

#[cfg(test)]
mod tests;

pub use data::{
    ChartData, Mark, NotPlotted, Point, Reason, Series, StatusStyle, XSpan, YShape, YValue,
};
pub use export::{ChartExportError, ChartFormat, chart_file};
pub use png::svg_to_png;
pub use series::build;
pub use svg::{RenderOptions, render_svg};

use crate::model::{Chart, Workspace};

/// Finds a chart by id, else by title (case-insensitive).
pub fn find_chart<'a>(ws: &'a Workspace, key: &str) -> Option<&'a Chart> {
    let key = key.trim();
    ws.charts
        .iter()
        .find(|c| c.id.as_str() == key)
        .or_else(|| ws.charts.iter().find(|c| c.title.eq_ignore_ascii_case(key)))
}
