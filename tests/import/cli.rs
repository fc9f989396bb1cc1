//! `claimbench import WORKSPACE.ron FILE... [--create]`, run as a binary.

use super::*;
use std::process::Command;

fn claimbench(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(args)
        .output()
        .expect("run claimbench");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(p: &Path) -> &std::ffi::OsStr {
    p.as_os_str()
}

#[test]
fn cli_creates_adds_and_skips_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("deals.ron");
    let (code, out, errs) = claimbench(&[
        "import".as_ref(),
        os(&ws),
        os(&fixture("article.txt")),
        "--create".as_ref(),
    ]);
    assert_eq!(code, 0, "{errs}");
    let chars = import("article.txt").document.text.chars().count();
    let chars = if chars >= 1000 {
        format!("{},{:03}", chars / 1000, chars % 1000)
    } else {
        chars.to_string()
    };
    assert!(
        out.contains(&format!(
            "added doc-0001 \"Cloud Giant Weighs Stake in Model Maker\" (Example Ledger, 2025-12-16, {chars} chars, 1 excluded range)"
        )),
        "{out}"
    );
    let loaded = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.title, "deals");

    let (code, out, errs) = claimbench(&[
        "import".as_ref(),
        os(&ws),
        os(&fixture("article.txt")),
        os(&fixture("article.html")),
    ]);
    assert_eq!(code, 0, "{errs}");
    assert!(
        out.contains("already in workspace: doc-0001 \"Cloud Giant Weighs Stake in Model Maker\""),
        "{out}"
    );
    assert!(out.contains("added doc-0002 \"Retailer Plans $5 Billion AI Data Centre\" (Example Herald, 2025-12-15,"), "{out}");
    let loaded = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(loaded.documents.len(), 2);
    assert!(claimbench::io::backup_path(&ws).exists());
}

#[test]
fn cli_reports_bad_files_and_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.ron");
    let (code, out, errs) = claimbench(&[
        "import".as_ref(),
        os(&ws),
        "--create".as_ref(),
        os(&fixture("empty.txt")),
        os(&fixture("article.md")),
        os(&fixture("image.txt")),
        os(&fixture("scan.pdf")),
        os(&fixture("article.pdf")),
        os(&fixture("latin1.txt")),
    ]);
    assert_eq!(code, 1, "{out}\n{errs}");
    let lines: Vec<&str> = errs.lines().collect();
    for name in ["empty.txt", "image.txt", "scan.pdf"] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("claimbench: ") && l.contains(name)),
            "no error for {name}: {errs}"
        );
    }
    assert!(
        errs.contains("latin1.txt: warning: not valid UTF-8"),
        "{errs}"
    );
    assert_eq!(out.matches("added doc-").count(), 3, "{out}");
    let loaded = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(loaded.documents.len(), 3);
}

#[test]
fn cli_without_create_refuses_a_missing_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("none.ron");
    let (code, _, errs) = claimbench(&["import".as_ref(), os(&ws), os(&fixture("article.txt"))]);
    assert_eq!(code, 1);
    assert!(errs.contains("none.ron: no such workspace"), "{errs}");
    assert!(!ws.exists());

    let (code, _, _) = claimbench(&["import".as_ref(), os(&ws)]);
    assert_eq!(code, 2, "missing FILE is a usage error");
}

#[test]
fn cli_leaves_a_broken_workspace_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("bad.ron");
    std::fs::write(&ws, "(format: \"claimbench\", version: 1, title: ").unwrap();
    let (code, _, errs) = claimbench(&["import".as_ref(), os(&ws), os(&fixture("article.txt"))]);
    assert_eq!(code, 1);
    assert!(
        errs.starts_with("claimbench: ") && errs.contains("bad.ron:"),
        "{errs}"
    );
    let after = std::fs::read_to_string(&ws).unwrap();
    assert_eq!(after, "(format: \"claimbench\", version: 1, title: ");
}
