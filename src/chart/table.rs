//! Tables for export: the plotted data of a chart as CSV (one row per plotted claim, with its
//! sources), and every claim of a workspace as CSV or JSON. Output is deterministic.

use super::data::{ChartData, Mark};
use super::sources::claim_origins;
use crate::model::{Claim, Workspace};
use serde::Serialize;

/// A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: an entity named `=HYPERLINK(…)`) gets a leading `'`, so it shows as text;
/// numbers such as `-2.5` are kept.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A CSV table written through the `csv` crate: RFC 4180 quoting, `\n` line ends, every cell
/// neutralised. Writing into memory cannot fail for input reasons; the only error left is a row
/// with the wrong number of cells, which is a bug the tests would catch.
struct Table(csv::Writer<Vec<u8>>);

impl Table {
    fn new(header: &[&str]) -> Self {
        let mut t = Table(csv::WriterBuilder::new().from_writer(Vec::new()));
        // The header is ours and never needs neutralising; writing it cannot fail.
        let _ = t.0.write_record(header);
        t
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), csv::Error> {
        self.0
            .write_record(cells.iter().map(|c| neutralise(c.as_ref()).into_owned()))
    }

    fn finish(self) -> Result<String, csv::Error> {
        let bytes = self.0.into_inner().map_err(|e| e.into_error())?;
        // Every cell came from a `&str`, so the bytes are UTF-8.
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// Header of [`chart_csv`].
pub const CHART_CSV_HEADER: [&str; 20] = [
    "claim_id",
    "series",
    "kind",
    "subject",
    "counterparty",
    "date",
    "date_start",
    "date_end",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "figure",
    "status",
    "cumulative",
    "same_fact_as",
    "disagrees",
    "documents",
    "sources",
];

/// The plotted data as CSV: one row per plotted claim (first in legend order), naming every
/// series it appears in, its running total where a step series counts it (one report per fact),
/// the other reports of its fact and whether they disagree, its documents and its independent
/// sources. `date_end` is exclusive.
pub fn chart_csv(ws: &Workspace, data: &ChartData) -> Result<String, csv::Error> {
    let mut out = Table::new(&CHART_CSV_HEADER);
    let unit = if data.per_year {
        format!("{}/yr", data.unit)
    } else {
        data.unit.to_string()
    };
    // Each claim's points, gathered once (a scan of every point per claim was quadratic).
    let mut by_claim: std::collections::HashMap<&crate::model::ClaimId, Vec<_>> =
        std::collections::HashMap::new();
    for (s, p) in data.points() {
        by_claim.entry(&p.claim).or_default().push((s, p));
    }
    for id in &data.claims {
        let hits: &[_] = by_claim.get(id).map_or(&[], Vec::as_slice);
        let Some((_, p)) = hits
            .iter()
            .find(|(s, _)| s.mark != Mark::Step)
            .or(hits.first())
        else {
            continue;
        };
        let mut series: Vec<&str> = hits.iter().map(|(s, _)| s.name.as_str()).collect();
        series.dedup();
        let cumulative = hits
            .iter()
            .find(|(s, _)| s.mark == Mark::Step)
            .map_or(String::new(), |(_, p)| number(p.y.value));
        let claim = ws.claim(id);
        out.row(&[
            id.to_string(),
            series.join(" | "),
            claim.map_or("", |c| c.kind.name()).to_owned(),
            p.subject.clone().unwrap_or_default(),
            p.counterparty.clone().unwrap_or_default(),
            p.x.date.to_string(),
            p.x.start.to_string(),
            p.x.end.to_string(),
            number(p.y.value),
            number(p.y.low),
            number(p.y.high),
            p.y.qualifier.name().to_owned(),
            unit.clone(),
            p.figure_text.clone(),
            p.status.name().to_owned(),
            cumulative,
            p.same_fact
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            p.disagrees.to_string(),
            claim.map_or(String::new(), documents),
            p.sources.join("; "),
        ])?;
    }
    out.finish()
}

fn documents(c: &Claim) -> String {
    c.documents()
        .iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One claim as a flat record, for CSV and JSON export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRecord {
    /// Claim id.
    pub id: String,
    /// Kind name (`compute_commitment`).
    pub kind: String,
    /// Subject entity id.
    pub subject_id: Option<String>,
    /// Subject display name.
    pub subject: Option<String>,
    /// Counterparty entity id.
    pub counterparty_id: Option<String>,
    /// Counterparty display name.
    pub counterparty: Option<String>,
    /// The figure as text (`at least $10B`).
    pub figure: Option<String>,
    /// The stated number in base units.
    pub low: Option<f64>,
    /// A range's upper end.
    pub high: Option<f64>,
    /// Qualifier name.
    pub qualifier: Option<String>,
    /// Unit name.
    pub unit: Option<String>,
    /// Period text (`over 7 years`).
    pub period: Option<String>,
    /// Date as stated (`2025-12`).
    pub date: Option<String>,
    /// Status name.
    pub status: String,
    /// Documents carrying the claim.
    pub documents: Vec<String>,
    /// Independent origins of its evidence.
    pub sources: Vec<String>,
}

impl ClaimRecord {
    /// The record of one claim.
    pub fn of(ws: &Workspace, c: &Claim) -> Self {
        Self::named(ws, c, |e| ws.entity_name(e))
    }

    /// [`ClaimRecord::of`] with names from `name`: one index for every claim of an export
    /// (a scan of the entities per claim grew with claims × entities).
    fn named<'a>(
        ws: &Workspace,
        c: &'a Claim,
        name: impl Fn(&'a crate::model::EntityId) -> &'a str,
    ) -> Self {
        let name = |id: &'a Option<crate::model::EntityId>| id.as_ref().map(|e| name(e).to_owned());
        Self {
            id: c.id.to_string(),
            kind: c.kind.name().to_owned(),
            subject_id: c.subject.as_ref().map(|e| e.to_string()),
            subject: name(&c.subject),
            counterparty_id: c.counterparty.as_ref().map(|e| e.to_string()),
            counterparty: name(&c.counterparty),
            figure: c.figure.as_ref().map(|f| f.display()),
            low: c.figure.as_ref().map(|f| f.low),
            high: c.figure.as_ref().and_then(|f| f.high),
            qualifier: c.figure.as_ref().map(|f| f.qualifier.name().to_owned()),
            unit: c.figure.as_ref().map(|f| f.unit.name().to_owned()),
            period: c.period.as_ref().map(|p| p.display()),
            date: ws.claim_date(c).map(|d| d.to_string()),
            status: c.status.name().to_owned(),
            documents: c.documents().iter().map(|d| d.to_string()).collect(),
            sources: claim_origins(ws, c),
        }
    }
}

/// Header of [`claims_csv`].
pub const CLAIMS_CSV_HEADER: [&str; 16] = [
    "claim_id",
    "kind",
    "subject_id",
    "subject",
    "counterparty_id",
    "counterparty",
    "figure",
    "low",
    "high",
    "qualifier",
    "unit",
    "period",
    "date",
    "status",
    "documents",
    "sources",
];

/// Every claim as CSV, one row each, in workspace order.
pub fn claims_csv(ws: &Workspace) -> Result<String, csv::Error> {
    let mut out = Table::new(&CLAIMS_CSV_HEADER);
    let names = crate::analysis::facts::Roots::new(ws);
    for c in &ws.claims {
        let r = ClaimRecord::named(ws, c, |e| names.name(e));
        let o = |v: Option<String>| v.unwrap_or_default();
        out.row(&[
            r.id,
            r.kind,
            o(r.subject_id),
            o(r.subject),
            o(r.counterparty_id),
            o(r.counterparty),
            o(r.figure),
            r.low.map_or(String::new(), number),
            r.high.map_or(String::new(), number),
            o(r.qualifier),
            o(r.unit),
            o(r.period),
            o(r.date),
            r.status,
            r.documents.join("; "),
            r.sources.join("; "),
        ])?;
    }
    out.finish()
}

/// Every claim as a pretty JSON array of [`ClaimRecord`]s (ends with a newline).
pub fn claims_json(ws: &Workspace) -> Result<String, serde_json::Error> {
    let names = crate::analysis::facts::Roots::new(ws);
    let records: Vec<ClaimRecord> = ws
        .claims
        .iter()
        .map(|c| ClaimRecord::named(ws, c, |e| names.name(e)))
        .collect();
    let mut s = serde_json::to_string_pretty(&records)?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as a table row writes it.
    fn csv_field(s: &str) -> String {
        let mut t = Table(csv::Writer::from_writer(Vec::new()));
        t.row(&[s]).unwrap();
        t.finish().unwrap().trim_end_matches('\n').to_owned()
    }

    #[test]
    fn formulas_are_neutralised_but_numbers_kept() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("+1 555"), "'+1 555");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2.5"), "-2.5");
        assert_eq!(csv_field("-1e9"), "-1e9");
        assert_eq!(csv_field("Nvidia"), "Nvidia");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(number(f64::INFINITY), "");
        assert_eq!(number(3.8e10), "38000000000");
    }
}
