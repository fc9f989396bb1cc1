//! One rule, one place: every surface that names a claim's sources tells the same story. The
//! claims CSV (`export claims`) and the report's corroboration table (`report`) are read back
//! through the real CLI, on the sample and on a synthetic 1,000-claim workspace, and must name
//! the same independent origins for every claim.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_claimbench")
}

fn run(args: &[&str]) -> String {
    let out = Command::new(bin()).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Claim id → origin names (normalised) from the claims CSV.
fn csv_sources(ws: &Path, dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let out = dir.join("claims.csv");
    run(&[
        "export",
        "claims",
        ws.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    let text = std::fs::read_to_string(&out).expect("csv");
    let mut rows = parse_csv(&text).into_iter();
    let headers = rows.next().expect("header");
    let col = |n: &str| headers.iter().position(|h| h == n).expect(n);
    let (id, sources) = (col("claim_id"), col("sources"));
    rows.map(|rec| {
        let names = rec[sources]
            .split("; ")
            .filter(|s| !s.is_empty())
            .map(key)
            .collect();
        (rec[id].clone(), names)
    })
    .collect()
}

/// RFC 4180 records: fields separated by commas, quoted when they hold a comma, quote or line
/// break, a quote doubled inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Claim id → origin names (normalised) from the report's corroboration table.
fn report_sources(ws: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = run(&["report", ws.to_str().expect("path")]);
    let table = text
        .split("## Corroboration")
        .nth(1)
        .expect("a corroboration section");
    table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| claim"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            let names = cells[4]
                .split(", ")
                .filter(|s| !s.is_empty())
                .map(key)
                .collect();
            (cells[0].to_owned(), names)
        })
        .collect()
}

fn assert_agree(ws: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = csv_sources(ws, dir.path());
    let report = report_sources(ws);
    assert!(!csv.is_empty(), "the CSV lists claims");
    assert_eq!(
        csv.keys().collect::<Vec<_>>(),
        report.keys().collect::<Vec<_>>(),
        "same claims"
    );
    let differ: Vec<_> = csv
        .iter()
        .filter(|(id, names)| report.get(*id) != Some(names))
        .map(|(id, names)| format!("{id}: csv {names:?} vs report {:?}", report[id]))
        .collect();
    assert!(
        differ.is_empty(),
        "{} claims differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn export_and_report_name_the_same_sources_on_the_sample() {
    let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("workspaces/ai-compute-deals.ron");
    assert_agree(&ws);
}

#[test]
fn export_and_report_name_the_same_sources_on_a_synthetic_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = claimbench::synth::generate(&claimbench::synth::SynthSpec::new(40, 1000));
    let path = dir.path().join("synth.ron");
    claimbench::io::save_workspace(&ws, &path).expect("save");
    assert_agree(&path);
    // No reporter is a fragment of a company name ("AI" out of "xAI reported revenue").
    let report = report_sources(&path);
    assert!(
        !report.values().flatten().any(|n| n == "ai"),
        "an origin named \"AI\""
    );
}
