//! The findings report: its Markdown from `analysis::report::render`, and the `report` CLI.

mod common;

use claimbench::analysis::report::{orphans, render};
use claimbench::io::to_ron_string;
use claimbench::model::*;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimbench"))
}

fn write(dir: &Path, name: &str, ws: &Workspace) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, to_ron_string(ws).unwrap()).unwrap();
    p
}

fn section<'a>(report: &'a str, title: &str) -> &'a str {
    let start = report
        .find(&format!("## {title}\n"))
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &report[start + 3..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn report_lists_contradictions_loops_and_corroboration() {
    let ws = deals();
    let r = render(&ws);
    let counts = section(&r, "Counts");
    assert!(counts.contains("- claims: 8"), "{counts}");
    assert!(
        counts.contains("- hard findings: 1 (0 resolved)"),
        "{counts}"
    );
    assert!(counts.contains("- money loops: 2"), "{counts}");
    let contra = section(&r, "Contradictions");
    assert!(
        contra.contains("Finding `figure:cl-0004+cl-0005`"),
        "{contra}"
    );
    assert!(contra.contains("### Hard: "), "{contra}");
    assert!(
        contra.contains("— Wire One, 2025-12-16 (doc-0001): “climbed 2.3%”"),
        "{contra}"
    );
    assert!(
        contra.contains("— Daily Two, 2025-12-17 (doc-0002): “jumped 5%”"),
        "{contra}"
    );
    assert!(
        contra.contains("Finding `figure:cl-0002+cl-0003`"),
        "{contra}"
    );
    assert!(contra.contains("### Soft: "), "{contra}");
    let wording = section(&r, "Wording differences");
    assert!(
        wording.contains("$10B / at least $10B / more than $10B"),
        "{wording}"
    );
    let loops = section(&r, "Money loops");
    assert!(loops.contains("### Amazon → OpenAI → Amazon"), "{loops}");
    assert!(loops.contains("### Nvidia → OpenAI → Nvidia"), "{loops}");
    assert!(
        loops.contains("| OpenAI | Amazon | $38B | signed |"),
        "{loops}"
    );
    assert!(
        loops.contains("| Nvidia | OpenAI | $100B | letter of intent |"),
        "{loops}"
    );
    assert!(loops.contains("| OpenAI | Nvidia | 10 GW |"), "{loops}");
    assert!(loops.contains("circularity for Amazon: 100%"), "{loops}");
    assert!(loops.contains("circularity for Nvidia: n/a"), "{loops}");
    let corr = section(&r, "Corroboration");
    assert!(corr.contains("| cl-0001 | Investment Amazon → OpenAI at least $10B (in talks) | 1 | 1 | The Information |"), "{corr}");
    assert!(
        corr.contains(
            "| cl-0006 | Compute commitment OpenAI → AWS $38B (signed) | 1 | 1 | Daily Two |"
        ),
        "{corr}"
    );
    assert!(section(&r, "Orphaned evidence").contains("None."));
    assert!(section(&r, "Claims without sources").contains("None."));
    assert_eq!(r, render(&ws.clone()), "deterministic");
}

#[test]
fn report_lists_orphans_and_unsourced_claims() {
    let mut ws = deals();
    ws.documents[0].text = ws.documents[0]
        .text
        .replace("climbed 2.3%", "rose 2.3 percent");
    ws.documents[0].sha256 = SourceDocument::hash_text(&ws.documents[0].text);
    ws.claims
        .push(Claim::new(ClaimId::numbered(20), ClaimKind::Revenue));
    ws.claims[8].subject = Some("openai".into());
    let o = orphans(&ws);
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(
        (o[0].claim.as_str(), o[0].evidence, o[0].doc.as_str()),
        ("cl-0004", 1, "doc-0001")
    );
    let r = render(&ws);
    assert!(
        section(&r, "Orphaned evidence").contains("- cl-0004 evidence 1 in doc-0001: text at"),
        "{r}"
    );
    assert!(
        section(&r, "Claims without sources").contains("- cl-0020: Revenue OpenAI (unknown)"),
        "{r}"
    );
    assert!(section(&r, "Counts").contains("- orphaned evidence: 1"));

    // The CLI still reports such a workspace, although `check` would refuse it.
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "w.ron", &ws);
    let out = bin().arg("report").arg(&p).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), r);
}

#[test]
fn cli_prints_or_writes_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let ws = deals();
    let p = write(dir.path(), "deals.ron", &ws);
    let out = bin().arg("report").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed, render(&ws));
    let md = dir.path().join("r.md");
    let out = bin()
        .args(["report"])
        .arg(&p)
        .arg("--out")
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&md).unwrap(), printed);
}

#[test]
fn cli_errors_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let out = bin().arg("report").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("claimbench: ") && err.lines().count() == 1,
        "{err}"
    );

    let mut ws = deals();
    ws.claims[0].subject = Some("nobody".into());
    let p = write(dir.path(), "bad.ron", &ws);
    let out = bin().arg("report").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let prefix = format!("claimbench: {}:", p.display());
    assert!(
        err.starts_with(&prefix) && err.contains("subject \"nobody\" is not an entity"),
        "{err}"
    );

    let out = bin().arg("report").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "missing argument is a usage error"
    );

    let good = write(dir.path(), "good.ron", &deals());
    let out = bin()
        .arg("report")
        .arg(&good)
        .arg("--out")
        .arg(dir.path().join("no/such/dir/r.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// The block of a finding or loop whose heading line contains `needle` (heading to next heading).
fn blocks_with<'a>(report: &'a str, heading_prefix: &str, needle: &str) -> Vec<&'a str> {
    report
        .split("\n### ")
        .skip(1)
        .map(|b| b.split("\n## ").next().unwrap_or(b))
        .filter(|b| b.starts_with(heading_prefix) && b.contains(needle))
        .collect()
}

#[test]
fn sample_report_lists_the_known_contradictions_and_loops() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/ai-compute-deals.ron");
    let out = bin().arg("report").arg(&path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = String::from_utf8(out.stdout).unwrap();
    let ws = claimbench::io::load_workspace(&path).unwrap();
    assert_eq!(
        r,
        render(&ws),
        "the CLI prints exactly the library's report"
    );

    // $100B against $10B for Amazon's stake: a hard conflict with both quotes and outlets.
    let amazon = blocks_with(
        &r,
        "Hard: ",
        "Investment Amazon → OpenAI: $10B and $100B contradict",
    );
    assert_eq!(amazon.len(), 1, "{r}");
    assert!(
        amazon[0].contains("[$10B] — ") && amazon[0].contains("[$100B] — "),
        "{}",
        amazon[0]
    );
    assert_eq!(
        amazon[0].matches(", 2025-12-").count(),
        2,
        "both quotes carry a date: {}",
        amazon[0]
    );

    // 2.3% against 5% for Amazon's share move.
    let stock = blocks_with(&r, "Hard: ", "Stock move of Amazon: 2.3% and 5% contradict");
    assert_eq!(stock.len(), 1, "{r}");
    assert!(
        stock[0].contains("[2.3%] — ") && stock[0].contains("[5%] — "),
        "{}",
        stock[0]
    );

    // The exact / at-least / more-than wording of the $10B.
    let wording = blocks_with(&r, "Note: ", "Investment Amazon → OpenAI: stated as");
    assert_eq!(wording.len(), 1, "{r}");
    for w in ["[$10B]", "[at least $10B]", "[more than $10B]"] {
        assert!(wording[0].contains(w), "{w} missing in {}", wording[0]);
    }
    let strict = blocks_with(&r, "Soft: ", "$10B and more than $10B clash in wording");
    assert_eq!(strict.len(), 1, "exact vs more-than is soft: {r}");

    // The two loops with their amounts.
    let loops = section(&r, "Money loops");
    let amazon_loop = blocks_with(loops, "Amazon → OpenAI → Amazon", "");
    assert_eq!(amazon_loop.len(), 1, "{loops}");
    assert!(
        amazon_loop[0].contains("| Amazon | OpenAI | $10B |"),
        "{}",
        amazon_loop[0]
    );
    assert!(
        amazon_loop[0].contains("| OpenAI | Amazon | $38B |"),
        "{}",
        amazon_loop[0]
    );
    assert!(
        amazon_loop[0].contains("circularity for Amazon: 100%"),
        "{}",
        amazon_loop[0]
    );
    let nvidia_loop = blocks_with(loops, "Nvidia → OpenAI → Nvidia", "");
    assert_eq!(nvidia_loop.len(), 1, "{loops}");
    assert!(
        nvidia_loop[0].contains("| Nvidia | OpenAI | $100B |"),
        "{}",
        nvidia_loop[0]
    );
    assert!(
        nvidia_loop[0].contains("| OpenAI | Nvidia | 10 GW |"),
        "{}",
        nvidia_loop[0]
    );
}

#[test]
fn dangling_resolution_is_located_at_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = deals();
    ws.resolutions.push(Resolution {
        finding: "figure:cl-0004+cl-0099".into(),
        claims: vec![ClaimId::numbered(4), ClaimId::numbered(99)],
        preferred: Some(ClaimId::numbered(4)),
        note: "closing price".into(),
    });
    let p = write(dir.path(), "res.ron", &ws);
    let text = std::fs::read_to_string(&p).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("finding: \"figure:cl-0004+cl-0099\""))
        .expect("resolution written")
        + 1;
    let out = bin().arg("report").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let want = format!("claimbench: {}:{line}:", p.display());
    assert!(err.starts_with(&want), "{err} should start with {want}");
    assert!(err.contains("missing claim \"cl-0099\""), "{err}");
}
