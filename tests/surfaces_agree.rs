//! One rule, one place: every surface that names a claim's sources tells the same story. The
//! claims CSV (`export claims`) and the report's corroboration table (`report`) are read back
//! through the real CLI, on the sample and on a synthetic 1,000-claim workspace, and must name
//! the same independent origins for every claim. Charts (`export chart` CSV) group the same claims
//! into facts as the report does.

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

/// Claim id → the other claims its chart row names as reports of the same fact, for every chart
/// of the workspace, read from `export chart … --out X.csv`.
fn chart_same_facts(ws: &Path, dir: &Path) -> Vec<(String, BTreeMap<String, BTreeSet<String>>)> {
    let loaded = claimbench::io::load_workspace(ws).expect("load");
    let mut out = Vec::new();
    for chart in &loaded.charts {
        let file = dir.join(format!("{}.csv", chart.id));
        run(&[
            "export",
            "chart",
            ws.to_str().expect("path"),
            "--chart",
            chart.id.as_str(),
            "--out",
            file.to_str().expect("path"),
        ]);
        let text = std::fs::read_to_string(&file).expect("csv");
        let mut rows = parse_csv(&text).into_iter();
        let headers = rows.next().expect("header");
        let col = |n: &str| headers.iter().position(|h| h == n).expect(n);
        let (id, same) = (col("claim_id"), col("same_fact_as"));
        let rows = rows
            .map(|r| {
                let others = r[same]
                    .split("; ")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                (r[id].clone(), others)
            })
            .collect();
        out.push((chart.title.clone(), rows));
    }
    out
}

/// The report's duplicate candidates as (keep, absorb) pairs.
fn report_duplicates(ws: &Path) -> Vec<(String, String)> {
    let text = run(&["report", ws.to_str().expect("path")]);
    let section = text
        .split("## Duplicate candidates")
        .nth(1)
        .expect("a duplicates section");
    section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| {
            let rest = l.strip_prefix("- keep ")?;
            let (keep, rest) = rest.split_once(", absorb ")?;
            let (absorb, _) = rest.split_once(':')?;
            Some((keep.to_owned(), absorb.to_owned()))
        })
        .collect()
}

/// Every chart pairs plotted claims exactly as the report's fact rule does: a plotted claim's
/// chart row names another plotted claim as a report of its fact (CSV `same_fact_as`) if and
/// only if the library's `same_fact`, which the report's duplicates and findings use, says so;
/// and every duplicate pair the report proposes is marked on each chart that plots both.
fn assert_same_facts_agree(path: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = claimbench::io::load_workspace(path).expect("load");
    let claim = |id: &str| {
        ws.claims
            .iter()
            .find(|c| c.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} in the chart is a claim"))
    };
    let dups = report_duplicates(path);
    let charts = chart_same_facts(path, dir.path());
    assert!(!charts.is_empty(), "the workspace has charts");
    let (mut marked, mut checked_dups) = (0, 0);
    for (title, rows) in &charts {
        let mut differ = Vec::new();
        for (a, others) in rows {
            for b in rows.keys().filter(|b| *b != a) {
                let chart_says = others.contains(b);
                let rule_says = claimbench::analysis::facts::same_fact(&ws, claim(a), claim(b));
                marked += usize::from(chart_says);
                if chart_says != rule_says {
                    differ.push(format!("{a} ~ {b}: chart {chart_says}, rule {rule_says}"));
                }
            }
        }
        assert!(
            differ.is_empty(),
            "{title}: {} pairs differ:\n{}",
            differ.len(),
            differ.join("\n")
        );
        for (keep, absorb) in &dups {
            if let (Some(k), Some(_)) = (rows.get(keep), rows.get(absorb)) {
                checked_dups += 1;
                assert!(
                    k.contains(absorb),
                    "{title}: the report proposes merging {absorb} into {keep}, the chart keeps them apart"
                );
            }
        }
    }
    assert!(
        marked > 0,
        "some chart marks a same-fact pair (the test would be empty)"
    );
    eprintln!("{marked} same-fact marks and {checked_dups} plotted duplicate pairs checked");
}

#[test]
fn charts_group_the_same_facts_as_the_report_on_the_sample() {
    let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("workspaces/ai-compute-deals.ron");
    assert_same_facts_agree(&ws);
}

#[test]
fn charts_group_the_same_facts_as_the_report_on_a_synthetic_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = claimbench::synth::generate(&claimbench::synth::SynthSpec::new(40, 1000));
    let path = dir.path().join("synth.ron");
    claimbench::io::save_workspace(&ws, &path).expect("save");
    assert_same_facts_agree(&path);
}

/// The Claims table's From/To filter and the analysis filter the Network and Findings use keep
/// the same claims for every window, on the sample and on a synthetic 1,000-claim workspace
/// (vague dates such as a bare month or year on both sides of a bound included).
#[test]
fn the_claims_table_and_the_network_keep_the_same_claims_for_a_date_window() {
    use claimbench::analysis::filter::Filter;
    use claimbench::ui::claims::ClaimFilter;
    let sample = claimbench::sample::sample_workspace().expect("sample");
    let synth = claimbench::synth::generate(&claimbench::synth::SynthSpec::new(40, 1000));
    let windows = [
        ("2025", ""),
        ("", "2025-06"),
        ("2025-03-20", "2025-11-02"),
        ("2024-12", "2025-01-15"),
        ("2025-09-22", "2025-09-22"),
        ("2026", "2027"),
    ];
    for (name, ws) in [("sample", &sample), ("synthetic", &synth)] {
        let mut kept_any = false;
        for (from, to) in windows {
            let table = ClaimFilter {
                from: from.into(),
                to: to.into(),
                ..Default::default()
            };
            let network = Filter {
                from: from.parse().ok(),
                to: to.parse().ok(),
                ..Default::default()
            };
            let by_table: Vec<&str> = ws
                .claims
                .iter()
                .filter(|c| table.accepts(ws, c))
                .map(|c| c.id.0.as_str())
                .collect();
            let by_network: Vec<&str> = ws
                .claims
                .iter()
                .filter(|c| network.accepts(ws, c))
                .map(|c| c.id.0.as_str())
                .collect();
            assert_eq!(
                by_table, by_network,
                "{name}: the window {from:?}..{to:?} keeps different claims"
            );
            kept_any |= !by_table.is_empty() && by_table.len() < ws.claims.len();
        }
        assert!(
            kept_any,
            "{name}: no window kept some but not all claims, so the comparison proved nothing"
        );
    }
}
