//! A real `git merge` of two branches through the claimbench merge driver, registered with the
//! two lines the README shows, gives the same file as running `claimbench merge` by hand; a
//! clean merge commits, a conflicting one stops with the conflict recorded in a loadable file.

use claimbench::model::{ClaimStatus, Workspace};
use std::path::Path;
use std::process::Command;

/// Runs git in `dir` with no user or system configuration; returns success, stdout, stderr.
fn run_git(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Success and everything git printed.
fn git(dir: &Path, args: &[&str]) -> (bool, String) {
    let (good, out, err) = run_git(dir, args);
    (good, format!("{out}{err}"))
}

/// Git's stdout; the command must succeed.
fn ok(dir: &Path, args: &[&str]) -> String {
    let (good, out, err) = run_git(dir, args);
    assert!(good, "git {args:?}: {out}{err}");
    out
}

fn write(dir: &Path, ws: &Workspace) {
    std::fs::write(
        dir.join("deals.ron"),
        claimbench::io::to_ron_string(ws).unwrap(),
    )
    .unwrap();
}

fn read(dir: &Path) -> Workspace {
    claimbench::io::load_workspace(&dir.join("deals.ron")).unwrap()
}

/// The two lines the README gives for registering the driver: the `.gitattributes` line and the
/// driver command.
fn readme_lines() -> (String, String) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let attributes = readme
        .lines()
        .find_map(|l| Some(l.split_once("echo '")?.1.split_once('\'')?.0.to_owned()))
        .expect("README shows the .gitattributes line");
    let driver = readme
        .lines()
        .find_map(|l| {
            let rest = l
                .trim()
                .strip_prefix("git config merge.claimbench.driver \"")?;
            Some(rest.strip_suffix('"')?.to_owned())
        })
        .expect("README shows the driver line");
    assert_eq!(attributes, "*.ron merge=claimbench");
    assert_eq!(driver, "claimbench merge %O %A %B");
    (attributes, driver)
}

/// A repository with the driver registered (README's two lines, the binary under test in place
/// of `claimbench`), the sample workspace committed on `main`, and branches `ana` and `ben`
/// made by `edit_ana` and `edit_ben`.
fn repo(edit_ana: impl Fn(&mut Workspace), edit_ben: impl Fn(&mut Workspace)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    ok(d, &["init", "-q", "-b", "main"]);
    ok(d, &["config", "user.name", "Test Analyst"]);
    ok(d, &["config", "user.email", "analyst@example.com"]);
    let (attributes, driver) = readme_lines();
    let driver = driver.replacen(
        "claimbench ",
        &format!("{} ", env!("CARGO_BIN_EXE_claimbench")),
        1,
    );
    ok(d, &["config", "merge.claimbench.driver", &driver]);
    std::fs::write(d.join(".gitattributes"), format!("{attributes}\n")).unwrap();
    let base = claimbench::sample::sample_workspace().unwrap();
    write(d, &base);
    ok(d, &["add", "."]);
    ok(d, &["commit", "-q", "-m", "base"]);
    for (branch, edit) in [
        ("ana", &edit_ana as &dyn Fn(&mut Workspace)),
        ("ben", &edit_ben),
    ] {
        ok(d, &["checkout", "-q", "-b", branch, "main"]);
        let mut ws = base.clone();
        edit(&mut ws);
        write(d, &ws);
        ok(d, &["commit", "-q", "-am", branch]);
        // The branch tips before the merge moves `ana`, for the direct run to compare with.
        ok(d, &["tag", &format!("{branch}-tip")]);
    }
    ok(d, &["checkout", "-q", "ana"]);
    tmp
}

/// Runs `claimbench merge` on the three versions git holds and returns its exit code and file.
fn direct_merge(d: &Path) -> (i32, String) {
    let scratch = tempfile::tempdir().unwrap();
    let p = |n: &str| scratch.path().join(format!("{n}.ron"));
    for (name, rev) in [("base", "main"), ("ana", "ana-tip"), ("ben", "ben-tip")] {
        let text = ok(d, &["show", &format!("{rev}:deals.ron")]);
        std::fs::write(p(name), text).unwrap();
    }
    let out = p("out");
    let status = Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .arg("merge")
        .args([p("base"), p("ana"), p("ben")])
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    (status.code().unwrap_or(-1), text)
}

#[test]
fn a_clean_git_merge_through_the_driver_equals_claimbench_merge() {
    let tmp = repo(
        |ws| {
            ws.claims[0].note = "Ana checked the filing.".into();
            let mut c = ws.claims[1].clone();
            c.id = ws.next_claim_id();
            c.note = "Ana's new claim".into();
            ws.claims.push(c);
        },
        |ws| {
            ws.claims[0].status = ClaimStatus::Signed;
            let mut c = ws.claims[2].clone();
            c.id = ws.next_claim_id();
            c.note = "Ben's new claim".into();
            ws.claims.push(c);
        },
    );
    let d = tmp.path();
    let (merged, out) = git(d, &["merge", "--no-edit", "ben"]);
    assert!(merged, "a clean merge commits: {out}");
    let ws = read(d);
    assert_eq!(ws.claims[0].note, "Ana checked the filing.");
    assert_eq!(ws.claims[0].status, ClaimStatus::Signed);
    let base = claimbench::sample::sample_workspace().unwrap();
    assert_eq!(ws.claims.len(), base.claims.len() + 2);
    let notes: Vec<&str> = ws.claims.iter().map(|c| c.note.as_str()).collect();
    assert!(notes.contains(&"Ana's new claim") && notes.contains(&"Ben's new claim"));
    assert!(ws.conflicts.is_empty(), "{:?}", ws.conflicts);
    assert_eq!(ws.validate(), vec![]);
    // Nothing left behind in the work tree (no .bak of git's temporary files).
    assert_eq!(ok(d, &["status", "--porcelain"]), "");
    let (code, direct) = direct_merge(d);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(d.join("deals.ron")).unwrap() == direct,
        "git's result is claimbench merge's result"
    );
}

#[test]
fn a_conflicting_git_merge_stops_with_the_conflict_recorded() {
    let tmp = repo(
        |ws| ws.claims[0].note = "Ana: the figure is confirmed.".into(),
        |ws| ws.claims[0].note = "Ben: the figure is disputed.".into(),
    );
    let d = tmp.path();
    let (merged, out) = git(d, &["merge", "--no-edit", "ben"]);
    assert!(!merged, "a conflict stops the merge: {out}");
    assert!(out.contains("deals.ron"), "{out}");
    let ws = read(d);
    assert_eq!(ws.validate(), vec![], "the conflicted file passes check");
    assert_eq!(
        ws.claims[0].note, "Ana: the figure is confirmed.",
        "ours kept"
    );
    assert_eq!(ws.conflicts.len(), 1, "{:?}", ws.conflicts);
    let c = &ws.conflicts[0];
    assert_eq!(c.field, "note");
    assert_eq!(
        c.theirs.as_deref(),
        Some("\"Ben: the figure is disputed.\"")
    );
    let (code, direct) = direct_merge(d);
    assert_eq!(code, 1, "conflicts: exit 1");
    assert!(
        std::fs::read_to_string(d.join("deals.ron")).unwrap() == direct,
        "git's result is claimbench merge's result"
    );
    // Resolved and committed like any file.
    ok(d, &["add", "deals.ron"]);
    ok(d, &["commit", "-q", "--no-edit"]);
}
