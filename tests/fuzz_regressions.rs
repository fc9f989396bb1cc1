//! Regression tests for the fuzz targets in `fuzz/`: every input a target ever crashed on is kept
//! in `tests/fixtures/fuzz/<target>/` and re-run here through the same checks the target asserts
//! (`fuzz/src/checks.rs`), together with the hand-written seeds in `fuzz/seeds/<target>/`, so a
//! fixed crash cannot come back unnoticed even where no fuzzer runs.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// The files of `dir` (none if it does not exist), sorted by name.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("read_dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// The files of `dir` whose name ends with `suffix`.
fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect()
}

/// Runs `check` on every stored crash input and seed of `target` and on the fixtures named by
/// `fixtures` (folder, name suffix), the same seeds `fuzz/seed-corpus.sh` uses; fails naming each
/// input that panics, and if there was nothing to run.
fn run(target: &str, fixtures: &[(&str, &str)], check: impl Fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = files(&root.join("tests/fixtures/fuzz").join(target));
    inputs.extend(files(&root.join("fuzz/seeds").join(target)));
    for (dir, suffix) in fixtures {
        inputs.extend(files_ending(&root.join(dir), suffix));
    }
    assert!(!inputs.is_empty(), "{target}: no inputs found");
    let mut failed = Vec::new();
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let check = std::panic::AssertUnwindSafe(&check);
        if std::panic::catch_unwind(|| (*check)(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: failing inputs: {failed:#?}");
}

#[test]
fn load_workspace_inputs() {
    run(
        "load_workspace",
        &[("workspaces", ".ron")],
        checks::check_load,
    );
}

#[test]
fn import_txt_inputs() {
    let fixtures = [
        ("tests/fixtures/import", ".txt"),
        ("assets/samples", ".txt"),
    ];
    run("import_txt", &fixtures, |d| checks::check_import("txt", d));
}

#[test]
fn import_md_inputs() {
    let fixtures = [("tests/fixtures/import", ".md")];
    run("import_md", &fixtures, |d| checks::check_import("md", d));
}

#[test]
fn import_html_inputs() {
    let fixtures = [("tests/fixtures/import", ".html")];
    run("import_html", &fixtures, |d| {
        checks::check_import("html", d)
    });
}

#[test]
fn import_pdf_inputs() {
    let fixtures = [("tests/fixtures/import", ".pdf")];
    run("import_pdf", &fixtures, |d| checks::check_import("pdf", d));
}

#[test]
fn extract_inputs() {
    let fixtures = [
        ("tests/fixtures/extract", ".txt"),
        ("assets/samples", ".txt"),
    ];
    run("extract", &fixtures, checks::check_extract);
}

/// The load check passes a file the loader refuses (an excluded range past the end of the text)
/// only because the error names the file and a position inside it.
#[test]
fn refused_workspace_passes_the_load_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("fuzz/seeds/load_workspace/small.ron"))
        .expect("seed workspace");
    let bad = seed.replace("end: 69,", "end: 6900,");
    assert_ne!(
        bad, seed,
        "the seed's excluded range moved; update this test"
    );
    let e = claimbench::io::load_workspace_bytes(bad.as_bytes(), Path::new("fuzz.ron"))
        .expect_err("a range past the end must be refused");
    assert!(
        e.to_string().starts_with("fuzz.ron:32:13: excluded range"),
        "{e}"
    );
    checks::check_load(bad.as_bytes());
}

/// `import_pdf` found a page whose `/Parent` is itself: `pdf-extract` followed it forever looking
/// for inherited resources (a hang; a stack overflow in debug builds). It is refused as damaged.
#[test]
fn pdf_page_tree_loop_is_refused() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("tests/fixtures/fuzz/import_pdf/page-parent-loop.pdf");
    let bytes = std::fs::read(&path).expect("stored crash input");
    let opts = claimbench::io::import::ImportOptions::default();
    let e = claimbench::io::import::import_bytes(&path, &bytes, &opts)
        .expect_err("a looping page tree must be refused");
    assert!(
        matches!(e, claimbench::io::import::ImportError::PdfCorrupt { .. }),
        "{e}"
    );
    assert!(e.to_string().contains("page tree loops"), "{e}");
}
