//! Saving is atomic even when the saving process is killed: a child process saves a workspace of
//! several MB in a loop, alternating two contents; the parent SIGKILLs it at random moments and
//! checks after each kill that the file on disk loads and is exactly one of the two contents, and
//! that only the save's own temporary files can be left behind (the next save removes them).
//!
//! The child is this test binary run again (`current_exe`) with only the entry test selected and
//! an environment variable naming the target file; without the variable that entry is an ordinary
//! round-trip test of the same workspaces.
#![cfg(unix)]

use claimbench::io::{load_workspace, save_workspace};
use claimbench::model::{DocId, SourceDocument, Workspace};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Names the file the child saves to; set only by the parent.
const TARGET_VAR: &str = "CLAIMBENCH_KILL_SAVE_TARGET";
/// What the child prints on stdout when its saves begin.
const READY: &str = "CHILD-SAVER-READY";
/// How many times the child is killed.
const KILLS: usize = 60;

/// A workspace of about 4 MB: the sample plus large documents; `variant` changes the title and
/// every generated text, so the two contents differ all over the file.
fn big_workspace(variant: u8) -> Workspace {
    let mut ws = claimbench::sample::sample_workspace().expect("sample loads");
    ws.title = format!("Kill-test workspace, variant {variant}");
    for d in 0..8 {
        let mut text = String::with_capacity(520_000);
        let mut i = 0u64;
        while text.len() < 500_000 {
            text.push_str(&format!(
                "Paragraph {i} of document {d} (variant {variant}): a company committed ${} billion over {} years.\n",
                (i * 7 + u64::from(variant)) % 500,
                i % 9 + 1
            ));
            i += 1;
        }
        let id = DocId::new(format!("doc-big-{d}"));
        ws.documents.push(SourceDocument::new(
            id,
            format!("Generated document {d}"),
            "Generated",
            text,
        ));
    }
    ws
}

/// Two roles in one test. Started by `sigkill_during_save_leaves_old_or_new_content` with
/// `CLAIMBENCH_KILL_SAVE_TARGET` set, it is the child: it saves the two variants in turn until it
/// is killed. Run by `cargo test` without the variable, it checks what the child relies on: each
/// variant saves and loads back equal, and the two really differ on disk.
#[test]
fn child_saver_entry() {
    let variants = [big_workspace(1), big_workspace(0)];
    let Some(target) = std::env::var_os(TARGET_VAR).map(PathBuf::from) else {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut bytes = Vec::new();
        for (i, ws) in variants.iter().enumerate() {
            let path = dir.path().join(format!("v{i}.ron"));
            save_workspace(ws, &path).expect("save");
            assert_eq!(
                &load_workspace(&path).expect("load"),
                ws,
                "variant {i} round-trips"
            );
            bytes.push(std::fs::read(&path).expect("read"));
        }
        assert!(bytes[0].len() > 4_000_000, "{} bytes", bytes[0].len());
        assert_ne!(bytes[0], bytes[1]);
        return;
    };
    // Tell the parent the saves start now, so its random delays fall on saves, not on start-up.
    println!("{READY}");
    for n in 0.. {
        save_workspace(&variants[n % 2], &target).expect("child save");
    }
}

/// A small xorshift generator, seeded from the clock (the seed is printed for reruns).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn spawn_child(target: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary path"))
        .args(["child_saver_entry", "--exact", "--nocapture"])
        .env(TARGET_VAR, target)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the child saver")
}

/// Blocks until the child says its saves begin (the test harness prints other lines too).
fn wait_until_ready(child: &mut std::process::Child) {
    use std::io::BufRead;
    let out = child.stdout.take().expect("piped stdout");
    let mut lines = std::io::BufReader::new(out).lines();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.trim() == READY => break,
            Some(Ok(_)) => {}
            _ => {
                let status = child.wait().expect("wait");
                let mut err = String::new();
                if let Some(mut s) = child.stderr.take() {
                    use std::io::Read;
                    let _ = s.read_to_string(&mut err);
                }
                panic!("the child saver ended before it was ready ({status}): {err}");
            }
        }
    }
    // Keep the pipe's reader alive in a thread so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
}

/// Files in `dir` other than the workspace, its backup and the save's temporary files.
fn unexpected_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n != "ws.ron"
                && n != "ws.ron.bak"
                && !(n.starts_with(".ws.ron.claimbench-save-") && n.ends_with(".tmp"))
                && !(n.starts_with(".ws.ron.bak.claimbench-save-") && n.ends_with(".tmp"))
        })
        .collect()
}

#[test]
fn sigkill_during_save_leaves_old_or_new_content() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("ws.ron");
    let old = big_workspace(0);
    let new = big_workspace(1);
    assert_ne!(old, new);
    save_workspace(&old, &target).expect("first save");
    let size = std::fs::metadata(&target).expect("saved").len();
    assert!(size > 3_000_000, "the workspace is large: {size} bytes");

    // How long one save takes here, so kills spread over the whole save (and the gaps).
    let t = Instant::now();
    save_workspace(&old, &target).expect("timing save");
    let save_ms = (t.elapsed().as_millis() as u64).max(5);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0x9e37_79b9, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("kill_save: seed {seed}, one save takes {save_ms} ms, file {size} bytes");
    let mut rng = Rng(seed);
    let (mut seen_old, mut seen_new, mut max_leftovers) = (0, 0, 0);
    for k in 0..KILLS {
        let mut child = spawn_child(&target);
        wait_until_ready(&mut child);
        // Kill anywhere in the next few saves (or right at the start).
        let delay = rng.next() % (3 * save_ms);
        std::thread::sleep(Duration::from_millis(delay));
        if let Some(status) = child.try_wait().expect("try_wait") {
            let mut err = String::new();
            if let Some(mut s) = child.stderr.take() {
                use std::io::Read;
                let _ = s.read_to_string(&mut err);
            }
            panic!("the child saver exited by itself ({status}): {err}");
        }
        child.kill().expect("SIGKILL the child");
        let status = child.wait().expect("wait for the child");
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "kill {k}: killed by SIGKILL");
        }
        let loaded = load_workspace(&target)
            .unwrap_or_else(|e| panic!("kill {k} after {delay} ms: the file does not load: {e}"));
        if loaded == old {
            seen_old += 1;
        } else if loaded == new {
            seen_new += 1;
        } else {
            panic!("kill {k} after {delay} ms: the file is neither the old nor the new content");
        }
        let bak = claimbench::io::backup_path(&target);
        if bak.exists() {
            let b = load_workspace(&bak)
                .unwrap_or_else(|e| panic!("kill {k}: the backup does not load: {e}"));
            assert!(b == old || b == new, "kill {k}: the backup is torn");
        }
        assert_eq!(
            unexpected_files(dir.path()),
            Vec::<String>::new(),
            "kill {k}"
        );
        let leftovers = claimbench::io::save::leftover_temp_files(&target).len()
            + claimbench::io::save::leftover_temp_files(&bak).len();
        max_leftovers = max_leftovers.max(leftovers);
    }
    eprintln!(
        "kill_save: {KILLS} kills in {:.1} s: old content {seen_old}, new {seen_new}, at most {max_leftovers} temp files left at once",
        started.elapsed().as_secs_f64()
    );
    assert!(
        seen_old > 0 && seen_new > 0,
        "kills landed both before and after completed saves (old {seen_old}, new {seen_new})"
    );
    // A later save is not confused by leftovers and removes them.
    save_workspace(&new, &target).expect("save after the kills");
    assert_eq!(load_workspace(&target).expect("loads"), new);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ws.ron", "ws.ron.bak"], "no temporary file is left");
}
