//! A chart as an export file: the one place both the CLI's `export chart` and the app's
//! Export menu get their bytes from, so the two can never write different files for the same
//! chart (the app used to dispatch on the format itself).

use super::{ChartData, RenderOptions, render_svg, svg_to_png, table::chart_csv};
use crate::model::Workspace;

/// A chart export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartFormat {
    /// Scalable vector graphics, text kept as text.
    Svg,
    /// A PNG picture.
    Png,
    /// The plotted data with claim ids and sources.
    Csv,
}

impl ChartFormat {
    /// Every format, in menu order.
    pub const ALL: [ChartFormat; 3] = [ChartFormat::Svg, ChartFormat::Png, ChartFormat::Csv];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Svg => "svg",
            ChartFormat::Png => "png",
            ChartFormat::Csv => "csv",
        }
    }
}

/// Why a chart could not be turned into a file.
#[derive(Debug, thiserror::Error)]
pub enum ChartExportError {
    /// The picture could not be drawn.
    #[error(transparent)]
    Png(#[from] super::png::PngError),
    /// The table could not be written.
    #[error("cannot write the chart's table: {0}")]
    Csv(#[from] csv::Error),
}

/// The bytes of `data` exported as `format`. SVG and CSV are byte-identical for the same input.
pub fn chart_file(
    ws: &Workspace,
    data: &ChartData,
    format: ChartFormat,
    opts: &RenderOptions,
) -> Result<Vec<u8>, ChartExportError> {
    Ok(match format {
        ChartFormat::Svg => render_svg(data, opts).into_bytes(),
        ChartFormat::Png => svg_to_png(&render_svg(data, opts))?,
        ChartFormat::Csv => chart_csv(ws, data)?.into_bytes(),
    })
}
