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

#[test]
fn cli_import_of_an_updated_article_replaces_its_text_and_keeps_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("deals.ron");
    let original = std::fs::read_to_string(fixture("article.txt")).unwrap();
    let first = dir.path().join("article.txt");
    std::fs::write(&first, &original).unwrap();
    let (code, _, errs) = claimbench(&[
        "import".as_ref(),
        os(&ws_path),
        os(&first),
        "--create".as_ref(),
    ]);
    assert_eq!(code, 0, "{errs}");
    // Annotate one sentence of the first version.
    let mut ws = claimbench::io::load_workspace(&ws_path).unwrap();
    let doc = ws.documents[0].clone();
    let quote =
        "The two firms agreed a seven-year server rental contract worth $30 billion last month.";
    let at = doc
        .text
        .find(quote)
        .expect("the sentence is in the document");
    let mut claim = claimbench::model::Claim::new(
        ws.next_claim_id(),
        claimbench::model::ClaimKind::ComputeCommitment,
    );
    claim.evidence.push(claimbench::model::Evidence {
        doc: doc.id.clone(),
        anchor: claimbench::model::Anchor::from_span(&doc.text, at, at + quote.len()),
        attributed_to: None,
        orphaned: false,
    });
    ws.claims.push(claim);
    claimbench::io::save_workspace(&ws, &ws_path).unwrap();
    // The outlet updates the story: a paragraph is added above the annotated sentence.
    let updated = original.replacen(
        "The two firms agreed",
        "Update: a spokesperson later declined to comment.\n\nThe two firms agreed",
        1,
    );
    let second = dir.path().join("article-updated.txt");
    std::fs::write(&second, &updated).unwrap();
    // Without --replace both versions are kept (issue 19: nothing is re-anchored unasked).
    let (code, out, errs) = claimbench(&["import".as_ref(), os(&ws_path), os(&second)]);
    assert_eq!(code, 0, "{errs}");
    assert!(
        out.contains(&format!("looks like a newer version of {}", doc.id)),
        "{out}"
    );
    let mut kept = claimbench::io::load_workspace(&ws_path).unwrap();
    assert_eq!(kept.documents.len(), 2, "both versions kept");
    assert_eq!(kept.documents[0].text, doc.text);
    kept.documents.pop();
    claimbench::io::save_workspace(&kept, &ws_path).unwrap();
    let (code, out, errs) = claimbench(&[
        "import".as_ref(),
        os(&ws_path),
        os(&second),
        "--replace".as_ref(),
    ]);
    assert_eq!(code, 0, "{errs}");
    assert!(out.starts_with(&format!("updated {} ", doc.id)), "{out}");
    assert!(
        out.contains("1 anchors unchanged") || out.contains("1 moved"),
        "{out}"
    );
    let ws = claimbench::io::load_workspace(&ws_path).unwrap();
    assert_eq!(ws.documents.len(), 1, "no second copy of the article");
    assert!(ws.documents[0].text.contains("Update: a spokesperson"));
    let ev = &ws.claims[0].evidence[0];
    assert!(!ev.orphaned);
    assert_eq!(&ws.documents[0].text[ev.anchor.range()], quote);
    assert!(ws.validate().is_empty());
}
