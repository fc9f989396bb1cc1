//! `claimbench export chart|claims`: write a chart as SVG, PNG or CSV, or every claim as CSV or
//! JSON. Files are written atomically; the same input gives byte-identical SVG, CSV and JSON.

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, report_error};
use crate::chart::{self, RenderOptions, svg};
use crate::io::save::write_output;
use crate::model::Workspace;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportCommand,
}

/// The things `export` writes.
#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// Export one chart as SVG, PNG, or CSV of the plotted data.
    Chart(ChartArgs),
    /// Export every claim as CSV or JSON.
    Claims(ClaimsArgs),
}

/// Arguments of `export chart`.
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// The workspace file.
    pub workspace: PathBuf,
    /// The chart's id or title.
    #[arg(long)]
    pub chart: String,
    /// Output file: .svg, .png or .csv.
    #[arg(long)]
    pub out: PathBuf,
    /// Width in pixels (SVG and PNG).
    #[arg(long, default_value_t = svg::DEFAULT_SIZE.0,
          value_parser = clap::value_parser!(u32).range(i64::from(svg::MIN_SIZE.0)..=i64::from(svg::MAX_SIZE.0)))]
    pub width: u32,
    /// Height in pixels (SVG and PNG).
    #[arg(long, default_value_t = svg::DEFAULT_SIZE.1,
          value_parser = clap::value_parser!(u32).range(i64::from(svg::MIN_SIZE.1)..=i64::from(svg::MAX_SIZE.1)))]
    pub height: u32,
    /// Export date to print in the footnote (YYYY-MM-DD); left out by default so exports diff.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

/// Arguments of `export claims`.
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// The workspace file.
    pub workspace: PathBuf,
    /// Output file: .csv or .json.
    #[arg(long)]
    pub out: PathBuf,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// SVG text.
    Svg,
    /// PNG image.
    Png,
    /// CSV table.
    Csv,
    /// JSON array.
    Json,
}

/// The format named by a file's extension (case-insensitive), if it is one of `allowed`.
pub fn format_of(path: &Path, allowed: &[Format]) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let f = match ext.as_str() {
        "svg" => Format::Svg,
        "png" => Format::Png,
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => return None,
    };
    allowed.contains(&f).then_some(f)
}

/// A failed export: the message line and the exit code.
struct Failure(String, i32);

/// Runs `export`; returns the exit code.
pub fn run(args: &ExportArgs) -> i32 {
    let result = match &args.what {
        ExportCommand::Chart(a) => export_chart(a),
        ExportCommand::Claims(a) => export_claims(a),
    };
    match result {
        Ok(summary) => {
            crate::outln!("{summary}");
            EXIT_OK
        }
        Err(Failure(msg, code)) => {
            report_error(msg);
            code
        }
    }
}

fn usage(path: &Path, exts: &str) -> Failure {
    Failure(
        format!(
            "{}: unknown output type; the file name must end in {exts}",
            path.display()
        ),
        EXIT_USAGE,
    )
}

fn load(path: &Path) -> Result<Workspace, Failure> {
    crate::io::load_workspace(path).map_err(|e| Failure(e.to_string(), EXIT_BAD_INPUT))
}

/// Writes an export; never over the workspace it came from, nor any other workspace.
fn write(path: &Path, bytes: &[u8], workspace: &Path) -> Result<(), Failure> {
    write_output(path, bytes, Some(workspace)).map_err(|e| Failure(e.to_string(), EXIT_BAD_INPUT))
}

fn export_chart(a: &ChartArgs) -> Result<String, Failure> {
    let format = format_of(&a.out, &[Format::Svg, Format::Png, Format::Csv])
        .ok_or_else(|| usage(&a.out, ".svg, .png or .csv"))?;
    let ws = load(&a.workspace)?;
    let Some(chart) = chart::find_chart(&ws, &a.chart) else {
        let available = if ws.charts.is_empty() {
            "the workspace has no charts".to_owned()
        } else {
            let list: Vec<String> = ws
                .charts
                .iter()
                .map(|c| format!("{} ({})", c.id, c.title))
                .collect();
            format!("available: {}", list.join(", "))
        };
        return Err(Failure(
            format!(
                "{}: no chart with id or title {:?}; {available}",
                a.workspace.display(),
                a.chart
            ),
            EXIT_BAD_INPUT,
        ));
    };
    let data = chart::build(&ws, chart);
    let opts = RenderOptions {
        width: a.width,
        height: a.height,
        workspace_title: ws.title.clone(),
        export_date: a.date,
    };
    let format = match format {
        Format::Csv => chart::ChartFormat::Csv,
        Format::Svg => chart::ChartFormat::Svg,
        _ => chart::ChartFormat::Png,
    };
    let bytes = chart::chart_file(&ws, &data, format, &opts)
        .map_err(|e| Failure(format!("{}: {e}", a.out.display()), EXIT_BAD_INPUT))?;
    write(&a.out, &bytes, &a.workspace)?;
    Ok(format!(
        "{}: chart {} — claims plotted: {}, not plotted: {}",
        a.out.display(),
        chart.id,
        data.claims.len(),
        data.not_plotted.len()
    ))
}

fn export_claims(a: &ClaimsArgs) -> Result<String, Failure> {
    let format = format_of(&a.out, &[Format::Csv, Format::Json])
        .ok_or_else(|| usage(&a.out, ".csv or .json"))?;
    let ws = load(&a.workspace)?;
    let text = match format {
        Format::Json => chart::table::claims_json(&ws)
            .map_err(|e| Failure(format!("{}: {e}", a.out.display()), EXIT_BAD_INPUT))?,
        _ => chart::table::claims_csv(&ws)
            .map_err(|e| Failure(format!("{}: {e}", a.out.display()), EXIT_BAD_INPUT))?,
    };
    write(&a.out, text.as_bytes(), &a.workspace)?;
    Ok(format!("{}: claims: {}", a.out.display(), ws.claims.len()))
}
