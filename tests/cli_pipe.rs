//! The CLI as a well-behaved Unix tool: a reader that goes away (`| head -c 100`) ends the
//! command quietly with exit 0, never a panic.

use std::io::Read;
use std::process::{Command, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_claimbench")
}

/// A text long enough that `extract` prints far more than a pipe's buffer (64 KiB).
fn long_article(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::new();
    for i in 0..800 {
        text.push_str(&format!(
            "Acme Cloud agreed on 3 March 2025 to invest ${i}.5 billion in Foo Labs, people familiar said.\n\n"
        ));
    }
    let path = dir.join("long.txt");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn extract_into_a_closed_pipe_exits_zero_without_a_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = long_article(dir.path());
    for format in ["json", "text"] {
        let mut child = Command::new(bin())
            .args(["extract", "--format", format])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Read a little, like `head -c 100`, then close the pipe.
        let mut head = [0u8; 100];
        let mut out = child.stdout.take().expect("stdout");
        out.read_exact(&mut head).expect("first 100 bytes");
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        let status = child.wait().expect("wait");
        assert_eq!(
            status.code(),
            Some(0),
            "{format}: exit status; stderr: {err}"
        );
        assert_eq!(err, "", "{format}: nothing on stderr");
    }
}
