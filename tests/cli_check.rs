//! `claimbench check`: counts on a valid workspace, `file:line:col` and exit 1 on a broken one,
//! exit 2 on bad usage.

mod small_ws;
use small_ws as common_ws;

use std::process::Command;

fn claimbench(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(args)
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_prints_counts_for_the_sample() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/workspaces/ai-compute-deals.ron"
    );
    let ws = claimbench::sample::sample_workspace().unwrap();
    let (code, out, err) = claimbench(&["check", path]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim(),
        format!(
            "documents: {}  entities: {}  claims: {}  evidence: {}",
            ws.documents.len(),
            ws.entities.len(),
            ws.claims.len(),
            ws.evidence_count()
        )
    );
}

#[test]
fn check_reports_every_problem_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = claimbench::io::to_ron_string(&common_ws::small())
        .unwrap()
        .replace("subject: Some(\"amazon\")", "subject: Some(\"nobody\")")
        .replace(
            "counterparty: Some(\"openai\")",
            "counterparty: Some(\"nobody-else\")",
        );
    std::fs::write(&path, &text).unwrap();
    let (code, out, err) = claimbench(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let line = text
        .lines()
        .position(|l| l.contains("id: \"cl-0001\""))
        .unwrap()
        + 1;
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("claimbench: {}:{line}:", path.display())),
        "{err}"
    );
    assert!(
        err.contains("\"nobody\"") && err.contains("\"nobody-else\""),
        "{err}"
    );
}

#[test]
fn check_reports_syntax_errors_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.ron");
    let text = claimbench::io::to_ron_string(&common_ws::small()).unwrap();
    let cut = &text[..text.find("claims:").unwrap()];
    std::fs::write(&path, cut).unwrap();
    let (code, _, err) = claimbench(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let prefix = format!("claimbench: {}:", path.display());
    assert!(err.starts_with(&prefix), "{err}");
    let pos: Vec<&str> = err[prefix.len()..].splitn(3, ':').collect();
    assert!(
        pos[0].parse::<usize>().is_ok() && pos[1].parse::<usize>().is_ok(),
        "line:col in {err}"
    );
}

#[test]
fn missing_file_and_bad_usage() {
    let (code, _, err) = claimbench(&["check", "/nonexistent/w.ron"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("claimbench: /nonexistent/w.ron: cannot read"),
        "{err}"
    );
    let (code, _, _) = claimbench(&["check"]);
    assert_eq!(code, 2, "missing argument is a usage error");
    let (code, _, _) = claimbench(&["frobnicate", "x", "y"]);
    assert_eq!(code, 2);
}
