//! Hostile and real-world files (issue 19): what a security tester ran against the command line.
//! Each test names the case it covers; every run has a time limit, so a hang fails the test
//! instead of stalling the suite.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const V1: &str = include_str!("fixtures/versions/v1.ron");

/// Runs claimbench in `dir`; panics if it runs longer than `limit` (it is killed first).
fn cb_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    use std::io::{Read, Seek};
    // Output goes to files: a pipe that nobody reads until the end would block a large output.
    let mut out = tempfile::tempfile().expect("temp file");
    let mut err = tempfile::tempfile().expect("temp file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::from(out.try_clone().expect("clone")))
        .stderr(Stdio::from(err.try_clone().expect("clone")))
        .spawn()
        .expect("run claimbench");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimbench {args:?} still running after {limit:?} (hung)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let read = |f: &mut std::fs::File| {
        let mut v = Vec::new();
        f.rewind().expect("rewind");
        f.read_to_end(&mut v).expect("read output");
        v
    };
    Output {
        status,
        stdout: read(&mut out),
        stderr: read(&mut err),
    }
}

fn cb(dir: &Path, args: &[&str]) -> Output {
    cb_within(dir, args, Duration::from_secs(60))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn setup() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("ws.ron"), V1).expect("write ws");
    tmp
}

fn article(title: &str, outlet: &str, body: &str) -> String {
    format!("{title}\n\nSource {outlet}\nDecember 16, 2025\n\n{body}\n")
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo");
    assert!(ok.success());
}

// ---- Data lost --------------------------------------------------------------------------------

#[test]
fn report_out_never_replaces_a_workspace() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::write(d.join("other.ron"), V1).unwrap();
    std::os::unix::fs::symlink("ws.ron", d.join("alias.md")).unwrap();
    for target in ["ws.ron", "other.ron", "alias.md"] {
        let out = cb(d, &["report", "ws.ron", "--out", target]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{target}: {err}");
        assert!(err.contains("workspace"), "{target}: {err}");
        assert_eq!(std::fs::read_to_string(d.join("ws.ron")).unwrap(), V1);
        assert_eq!(std::fs::read_to_string(d.join("other.ron")).unwrap(), V1);
    }
    // An ordinary report file is written, and written again over itself.
    for _ in 0..2 {
        let out = cb(d, &["report", "ws.ron", "--out", "r.md"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let md = std::fs::read_to_string(d.join("r.md")).unwrap();
        assert!(md.starts_with("# Findings report"), "{md}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn exports_never_replace_the_workspace() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::rename(d.join("ws.ron"), d.join("ws.csv")).unwrap();
    let out = cb(d, &["export", "claims", "ws.csv", "--out", "ws.csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("workspace"));
    assert_eq!(std::fs::read_to_string(d.join("ws.csv")).unwrap(), V1);
}

#[test]
fn concurrent_imports_lose_no_document() {
    let tmp = setup();
    let d = tmp.path();
    let before = claimbench::io::load_workspace(&d.join("ws.ron"))
        .unwrap()
        .documents
        .len();
    let n = 6;
    for i in 0..n {
        let body = format!(
            "Paragraph number {i} says a company number {i} will spend ${i}00 million on chips in {} different ways, all of them unlike the others.",
            i + 2
        );
        std::fs::write(
            d.join(format!("a{i}.txt")),
            article(&format!("Story {i}"), "Wire", &body),
        )
        .unwrap();
    }
    let children: Vec<_> = (0..n)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_claimbench"))
                .args(["import", "ws.ron", &format!("a{i}.txt")])
                .current_dir(d)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut ids = Vec::new();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let line = text(&out.stdout);
        ids.push(
            line.split_whitespace()
                .nth(1)
                .unwrap_or_default()
                .to_owned(),
        );
    }
    let ws = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap();
    assert_eq!(ws.documents.len(), before + n, "every import kept");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "each process printed its own id: {ids:?}");
}

#[test]
fn reimport_of_an_unrelated_article_with_the_same_title_keeps_both() {
    let tmp = setup();
    let d = tmp.path();
    let first = article(
        "Markets Today",
        "Example Wire",
        "Chip makers said on Tuesday that they would build three new plants in Arizona and Texas over the next four years, hiring thousands of engineers.",
    );
    let other = article(
        "Markets Today",
        "Example Wire",
        "A cloud provider agreed to rent graphics processors from a start-up for five years in a deal that analysts called the largest of its kind this winter.",
    );
    std::fs::write(d.join("one.txt"), &first).unwrap();
    std::fs::write(d.join("two.txt"), &other).unwrap();
    assert_eq!(
        cb(d, &["import", "ws.ron", "one.txt"]).status.code(),
        Some(0)
    );
    let ws = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap();
    let kept = ws.documents.last().unwrap().clone();
    let out = cb(d, &["import", "ws.ron", "two.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("added "),
        "{}",
        text(&out.stdout)
    );
    let ws = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap();
    let same = ws.documents.iter().find(|x| x.id == kept.id).unwrap();
    assert_eq!(
        same.text, kept.text,
        "the first article's text is untouched"
    );
    assert_eq!(ws.documents.len(), 5);
}

#[test]
fn a_newer_version_is_kept_beside_unless_replace_is_given() {
    let tmp = setup();
    let d = tmp.path();
    let body = "Chip makers said on Tuesday that they would build three new plants in Arizona and Texas over the next four years, hiring thousands of engineers and spending heavily on tools.";
    std::fs::write(d.join("v1.txt"), article("Plants Ahead", "Wire", body)).unwrap();
    let v2 = format!("{body} A spokesperson added that a fourth site is under study.");
    std::fs::write(d.join("v2.txt"), article("Plants Ahead", "Wire", &v2)).unwrap();
    assert_eq!(
        cb(d, &["import", "ws.ron", "v1.txt"]).status.code(),
        Some(0)
    );
    let out = cb(d, &["import", "ws.ron", "v2.txt"]);
    let said = text(&out.stdout);
    assert!(said.contains("newer version of doc-"), "{said}");
    assert!(said.contains("--replace"), "{said}");
    let n = claimbench::io::load_workspace(&d.join("ws.ron"))
        .unwrap()
        .documents
        .len();
    assert_eq!(n, 5);
    std::fs::write(
        d.join("v3.txt"),
        article("Plants Ahead", "Wire", &format!("{v2} More later.")),
    )
    .unwrap();
    let out = cb(d, &["import", "ws.ron", "v3.txt", "--replace"]);
    assert!(
        text(&out.stdout).starts_with("updated doc-"),
        "{}",
        text(&out.stdout)
    );
    let ws = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap();
    assert_eq!(ws.documents.len(), 5, "replaced, not added");
}

#[test]
fn a_read_only_workspace_is_refused_and_nothing_is_said_added() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::write(
        d.join("a.txt"),
        article("Read Only", "Wire", "Some text here."),
    )
    .unwrap();
    std::fs::set_permissions(d.join("ws.ron"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = cb(d, &["import", "ws.ron", "a.txt"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(
        !text(&out.stdout).contains("added"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(std::fs::read_to_string(d.join("ws.ron")).unwrap(), V1);
    assert!(!d.join("ws.ron.bak").exists());
}

#[test]
fn a_symlinked_workspace_stays_a_link_and_its_target_gets_the_change() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::rename(d.join("ws.ron"), d.join("real/ws.ron")).unwrap();
    std::os::unix::fs::symlink("real/ws.ron", d.join("link.ron")).unwrap();
    std::fs::write(
        d.join("a.txt"),
        article("Linked", "Wire", "Some text here."),
    )
    .unwrap();
    let out = cb(d, &["import", "link.ron", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::symlink_metadata(d.join("link.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let ws = claimbench::io::load_workspace(&d.join("real/ws.ron")).unwrap();
    assert!(ws.documents.iter().any(|x| x.title == "Linked"));
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let tmp = setup();
    let d = tmp.path();
    let newer = V1.replacen(
        "    title: \"Every field of format version 1\",\n",
        "    title: \"Every field of format version 1\",\n    summary: \"kept by a newer build\",\n",
        1,
    );
    assert_ne!(newer, V1);
    std::fs::write(d.join("ws.ron"), &newer).unwrap();
    let e = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("unknown field `summary`"), "{msg}");
    assert_eq!(e.position(), Some((5, 5)), "{msg}");
    std::fs::write(d.join("a.txt"), article("New", "Wire", "Some text here.")).unwrap();
    let out = cb(d, &["import", "ws.ron", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(d.join("ws.ron")).unwrap(), newer);
}

// ---- Hangs and blow-ups -----------------------------------------------------------------------

#[test]
fn fifos_are_refused_as_document_workspace_and_output() {
    let tmp = setup();
    let d = tmp.path();
    mkfifo(&d.join("pipe.txt"));
    mkfifo(&d.join("pipe.ron"));
    mkfifo(&d.join("pipe.md"));
    let limit = Duration::from_secs(20);
    for args in [
        vec!["import", "ws.ron", "pipe.txt"],
        vec!["import", "pipe.ron", "ws.ron"],
        vec!["check", "pipe.ron"],
        vec!["report", "pipe.ron"],
        vec!["report", "ws.ron", "--out", "pipe.md"],
    ] {
        let out = cb_within(d, &args, limit);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("named pipe"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(d.join("ws.ron")).unwrap(), V1);
}

#[test]
fn devices_and_huge_sparse_files_are_refused_before_reading() {
    let tmp = setup();
    let d = tmp.path();
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.ron")).unwrap();
    let sparse = std::fs::File::create(d.join("sparse.ron")).unwrap();
    sparse.set_len(3 * 1024 * 1024 * 1024).unwrap();
    drop(sparse);
    let out = cb_within(d, &["check", "zero.ron"], Duration::from_secs(20));
    assert!(
        text(&out.stderr).contains("a device"),
        "{}",
        text(&out.stderr)
    );
    let out = cb_within(d, &["check", "sparse.ron"], Duration::from_secs(20));
    let err = text(&out.stderr);
    assert!(err.contains("3221225472 bytes, over the"), "{err}");
    let out = cb_within(
        d,
        &["import", "ws.ron", "zero.ron"],
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_long_line_without_sentence_end_is_extracted_in_bounded_pieces() {
    let tmp = setup();
    let d = tmp.path();
    let line = "Nvidia will pay $5 billion to OpenAI and ".repeat(2_500);
    std::fs::write(d.join("long.txt"), &line).unwrap();
    let out = cb_within(d, &["extract", "long.txt"], Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cands = json
        .as_array()
        .or_else(|| json.get("candidates").and_then(|c| c.as_array()))
        .expect("candidate list");
    assert!(cands.len() > 100);
    let longest = cands
        .iter()
        .filter_map(|c| c.get("quote").and_then(|q| q.as_str()))
        .map(str::len)
        .max()
        .unwrap();
    assert!(longest <= 2_000, "{longest}");
    assert!(
        out.stdout.len() < 20 * 1024 * 1024,
        "{} bytes",
        out.stdout.len()
    );
}

// ---- Unclear or wrong output ------------------------------------------------------------------

#[test]
fn crlf_and_bom_workspaces_load_as_written_with_lf() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::write(d.join("crlf.ron"), V1.replace('\n', "\r\n")).unwrap();
    std::fs::write(d.join("bom.ron"), format!("\u{feff}{V1}")).unwrap();
    let good = claimbench::io::load_workspace(&d.join("ws.ron")).unwrap();
    for f in ["crlf.ron", "bom.ron"] {
        let out = cb(d, &["check", f]);
        assert_eq!(out.status.code(), Some(0), "{f}: {}", text(&out.stderr));
        assert_eq!(claimbench::io::load_workspace(&d.join(f)).unwrap(), good);
        // The same report as the LF file: no evidence turned orphan by the line ends.
        assert_eq!(
            text(&cb(d, &["report", f]).stdout),
            text(&cb(d, &["report", "ws.ron"]).stdout),
            "{f}"
        );
    }
}

#[test]
fn version_messages_say_what_is_there() {
    let tmp = setup();
    let d = tmp.path();
    let cases = [
        (
            "hex.ron",
            V1.replacen("version: 1,", "version: 0x3E7,", 1),
            "`0x3E7`, not a whole number",
        ),
        (
            "huge.ron",
            V1.replacen("version: 1,", "version: 99999999999999999999,", 1),
            "version 99999999999999999999 is newer",
        ),
        (
            "none.ron",
            V1.replacen("    version: 1,\n", "", 1),
            "no `version` field",
        ),
    ];
    for (f, t, want) in cases {
        std::fs::write(d.join(f), t).unwrap();
        let out = cb(d, &["check", f]);
        let err = text(&out.stderr);
        assert!(err.contains(want), "{f}: {err}");
        assert!(!err.contains("truncated"), "{f}: {err}");
    }
}

#[test]
fn deep_nesting_in_a_workspace_says_so_in_our_words() {
    let tmp = setup();
    let d = tmp.path();
    let deep = format!(
        "(\n    format: \"claimbench\",\n    version: 1,\n    title: \"x\",\n    extra: {}{},\n)\n",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    std::fs::write(d.join("deep.ron"), deep).unwrap();
    let out = cb(d, &["check", "deep.ron"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("nested too deeply"), "{err}");
    assert!(!err.contains("ron::"), "{err}");
}

#[test]
fn spreadsheet_formulas_are_neutralised_in_claims_csv() {
    let tmp = setup();
    let d = tmp.path();
    let t = V1.replacen(
        "name: \"Amazon\",",
        "name: \"=HYPERLINK(\\\"http://x.test\\\",\\\"click\\\")\",",
        1,
    );
    assert_ne!(t, V1);
    std::fs::write(d.join("ws.ron"), t).unwrap();
    let out = cb(d, &["export", "claims", "ws.ron", "--out", "c.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(d.join("c.csv")).unwrap();
    assert!(
        !csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"),
        "{csv}"
    );
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

#[test]
fn control_characters_are_escaped_in_reports_and_messages() {
    let tmp = setup();
    let d = tmp.path();
    let t = V1.replacen(
        "title: \"Every field of format version 1\"",
        "title: \"Every field\\u{0}\\u{1b}[31m\"",
        1,
    );
    std::fs::write(d.join("ws.ron"), t).unwrap();
    let out = cb(d, &["report", "ws.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!out.stdout.contains(&0) && !out.stdout.contains(&0x1b));
    assert!(text(&out.stdout).contains("Every field\\u{0}\\u{1b}[31m"));
    let name = "evil\n\u{1b}[2Jname.txt";
    let out = cb(d, &["import", "ws.ron", name]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.contains(&0x1b), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn absurd_amounts_and_dates_are_not_read() {
    let tmp = setup();
    let d = tmp.path();
    let body = format!(
        "Acme will pay ${} to Beta. Gamma raised $1e999 billion. Delta said yesterday it agreed.",
        "9".repeat(10_000)
    );
    std::fs::write(d.join("a.txt"), body).unwrap();
    let out = cb(d, &["extract", "a.txt", "--published", "1000-01-01"]);
    let s = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !s.contains("inf") && !s.contains("null,\n      \"high\""),
        "{s}"
    );
    assert!(!s.contains("\"$1\""), "{s}");
    assert!(!s.contains("0999-12-31"), "{s}");
}
