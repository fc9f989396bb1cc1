//! The bad-input matrix (issue 8): every kind of broken input, run through the workspace loader,
//! `check`, `import` (as the document and as the target workspace) and `extract`.
//!
//! A refused input must give one specific message naming the file (and `line:col` where the text
//! is at fault), exit code 1, no panic, and leave every file on disk as it was (for `import`, the
//! workspace file is untouched when the import fails). The few inputs that are accepted on purpose
//! (HTML full of scripts and nesting, non-UTF-8 text imported with a warning) say so in the table.
#![cfg(unix)]

use claimbench::io::load_workspace;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "bad_input/cases.rs"]
mod cases;
use cases::On::{self, *};
use cases::Want::*;
use cases::{V1, cases, edit, make_inputs};

/// Every entry of the folder: size, mtime and content hash (or link target / "dir").
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let e = e.expect("entry");
        let name = e.file_name().to_string_lossy().into_owned();
        let md = std::fs::symlink_metadata(e.path()).expect("metadata");
        let sig = if md.is_symlink() {
            format!("link {:?}", std::fs::read_link(e.path()).expect("link"))
        } else if md.is_dir() {
            "dir".into()
        } else {
            let stamp = format!("{} {:?}", md.len(), md.modified().expect("mtime"));
            match (md.len() < 10_000_000)
                .then(|| std::fs::read(e.path()).ok())
                .flatten()
            {
                Some(b) => format!("{stamp} {:x}", Sha256::digest(&b)),
                None => stamp,
            }
        };
        m.insert(name, sig);
    }
    m
}

/// Runs one input on one surface: `(exit code, stdout, stderr)`; `Load` gives 0 or 1.
fn run(dir: &Path, on: On, file: &str) -> (i32, String, String) {
    let args: Vec<&str> = match on {
        Load => {
            return match load_workspace(&dir.join(file)) {
                Ok(_) => (0, String::new(), String::new()),
                Err(e) => {
                    let full = dir.join(file).display().to_string();
                    let msg = e.to_string();
                    let rel = msg
                        .strip_prefix(&full)
                        .unwrap_or_else(|| panic!("{msg} names {full}"));
                    if let Some(pos) = e.position() {
                        assert!(rel.starts_with(&format!(":{}:{}: ", pos.0, pos.1)), "{msg}");
                    }
                    (1, String::new(), format!("claimbench: {file}{rel}\n"))
                }
            };
        }
        Check => vec!["check", file],
        ImportDoc => vec!["import", "ws.ron", file],
        ImportInto => vec!["import", file, "article.txt"],
        Extract => vec!["extract", file],
    };
    let out = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(&args)
        .current_dir(dir)
        .output()
        .expect("run claimbench");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_bad_input_is_refused_precisely_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let chmod_works = make_inputs(dir);
    let mut ran = 0;
    for case in cases(chmod_works) {
        for (on, want) in &case.on {
            // A fresh good workspace for each run (an accepted import changes it).
            std::fs::write(dir.join("ws.ron"), V1).expect("reset ws.ron");
            let _ = std::fs::remove_file(dir.join("ws.ron.bak"));
            let before = snapshot(dir);
            let (code, out, err) = run(dir, *on, case.file);
            let ctx = format!(
                "{} ({}) on {on:?}: exit {code}\nstdout: {out}\nstderr: {err}",
                case.what, case.file
            );
            assert!(!err.contains("panicked"), "{ctx}");
            match want {
                Refused(msg, pos) => {
                    assert_eq!(code, 1, "{ctx}");
                    let first = err.lines().next().unwrap_or_default();
                    let prefix = match pos {
                        Some((l, c)) => format!("claimbench: {}:{l}:{c}: ", case.file),
                        None => format!("claimbench: {}: ", case.file),
                    };
                    assert!(first.starts_with(&prefix), "expected {prefix:?}: {ctx}");
                    assert!(first.contains(msg), "expected {msg:?}: {ctx}");
                    assert!(err.lines().all(|l| l.starts_with("claimbench: ")), "{ctx}");
                    assert_eq!(snapshot(dir), before, "files on disk changed: {ctx}");
                }
                Accepted(check) => {
                    assert_eq!(code, 0, "{ctx}");
                    check(dir, &out, &err);
                }
            }
            ran += 1;
        }
    }
    assert!(ran >= 50, "{ran} runs");
    eprintln!("bad_input: {ran} input × surface runs");
}

/// A failed import never writes the workspace, nor creates one with `--create`.
#[test]
fn failed_import_with_create_leaves_no_new_workspace() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/corrupt.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(["import", "new.ron", "--create"])
        .arg(&fx)
        .current_dir(tmp.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !tmp.path().join("new.ron").exists(),
        "no empty workspace left behind"
    );
}

/// Truncating a workspace anywhere gives a positioned error, never a panic or a partial load.
#[test]
fn truncation_anywhere_is_a_positioned_error() {
    let path = PathBuf::from("cut.ron");
    let mut n = 0;
    for cut in (1..V1.len()).step_by(97) {
        let cut = claimbench::model::anchor::floor_boundary(V1, cut);
        let e =
            claimbench::io::parse_workspace(&V1[..cut], &path).expect_err("a cut file never loads");
        let (line, _) = e.position().unwrap_or_else(|| panic!("no position: {e}"));
        assert!(line <= V1[..cut].lines().count() + 1, "{e}");
        n += 1;
    }
    assert!(n > 100);
}

/// Loading never reads anything outside the file: a workspace whose URL and path-like strings
/// name a FIFO (reading it would block forever) loads at once with its text as written.
#[test]
fn loading_never_follows_paths_in_the_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("trap");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    let trap = fifo.display().to_string();
    let text = edit(
        V1,
        "https://example.com/fixture/amazon-openai",
        &format!("file://{trap}"),
    );
    let text = edit(
        &text,
        "title: \"Year-only note\"",
        &format!("title: \"{trap}\""),
    );
    let ws_path = tmp.path().join("ws.ron");
    std::fs::write(&ws_path, &text).expect("write");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load_workspace(&ws_path).map(|ws| ws.documents[2].title.clone()));
    });
    let title = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading finished without touching the FIFO")
        .expect("loads");
    assert_eq!(title, trap);
    let src = include_str!("../src/io/load.rs");
    for call in [
        "File::open",
        "read_to_string",
        "Command::new",
        "canonicalize",
    ] {
        assert!(
            !src.contains(call),
            "the loader gained {call}: check it cannot follow the file's contents"
        );
    }
}
