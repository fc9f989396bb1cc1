//! Importer tests: each format on fixture files written for this project (including broken
//! ones), the `claimbench import` CLI, and — when `CLAIMBENCH_SEEDS` names the seed folder — the
//! boilerplate findings on the seed articles.

use claimbench::io::import::sniff::Format;
use claimbench::io::import::{
    self, ImportError, ImportOptions, ImportWarning, Imported, add_to_workspace, import_file,
    import_files,
};
use claimbench::model::{SourceDocument, Workspace};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn opts() -> ImportOptions {
    ImportOptions {
        imported_at: Some("2025-12-18T10:00:00Z".into()),
        ..Default::default()
    }
}

fn import(name: &str) -> Imported {
    import_file(&fixture(name), &opts()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn excluded_text(d: &SourceDocument) -> String {
    d.excluded.iter().map(|r| &d.text[r.start..r.end]).collect()
}

fn err(name: &str) -> ImportError {
    match import_file(&fixture(name), &opts()) {
        Ok(i) => panic!("{name} imported: {:?}", i.document.title),
        Err(e) => {
            assert!(
                e.to_string().contains(name),
                "error does not name the file: {e}"
            );
            e
        }
    }
}

#[test]
fn txt_with_source_byline_date_and_trailing_ads() {
    let i = import("article.txt");
    let d = &i.document;
    assert_eq!(i.format, Format::Text);
    assert_eq!(d.title, "Cloud Giant Weighs Stake in Model Maker");
    assert_eq!(d.outlet, "Example Ledger");
    assert_eq!(d.author.as_deref(), Some("Dana Okafor"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-16")
    );
    assert_eq!(d.imported_at.as_deref(), Some("2025-12-18T10:00:00Z"));
    assert_eq!(d.sha256, SourceDocument::hash_text(&d.text));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert_eq!(d.excluded.len(), 1, "{:?}", d.excluded);
    let ex = excluded_text(d);
    assert!(ex.starts_with("Disclaimer:"), "{ex}");
    for figure in ["$11,000", "$120"] {
        let at = d.text.find(figure).unwrap();
        assert!(d.is_excluded(at), "{figure} not excluded");
    }
    for figure in ["$8 billion", "$30 billion", "$400 billion"] {
        let at = d.text.find(figure).unwrap();
        assert!(!d.is_excluded(at), "{figure} of the body excluded");
    }
}

#[test]
fn markdown_is_flattened_with_front_matter_and_heading() {
    let i = import("article.md");
    let d = &i.document;
    assert_eq!(i.format, Format::Markdown);
    assert_eq!(d.title, "Chipmaker and Lab Sign 10 GW Letter of Intent");
    assert_eq!(d.author.as_deref(), Some("Lee Moreau"));
    assert_eq!(d.outlet, "Example Markdown Weekly");
    assert_eq!(d.url.as_deref(), Some("https://weekly.example/gw-deal"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-11-03")
    );
    assert!(
        d.text
            .starts_with("Chipmaker and Lab Sign 10 GW Letter of Intent\n\n")
    );
    assert!(
        d.text.contains("invest up to $90 billion in the lab"),
        "{}",
        d.text
    );
    assert!(d.text.contains("- access to the newest accelerators\n"));
    assert!(d.text.contains("deployed_gw = 10"));
    for syntax in ["**", "](", "```", "---", "author:", "## "] {
        assert!(!d.text.contains(syntax), "{syntax:?} left in text");
    }
    let ex = excluded_text(d);
    assert!(ex.starts_with("Related stories"), "{ex:?}");
    assert!(ex.contains("$300 billion"));
}

#[test]
fn html_article_without_scripts_styles_nav_ads_and_comments() {
    let i = import("article.html");
    let d = &i.document;
    assert_eq!(i.format, Format::Html);
    assert_eq!(d.title, "Retailer Plans $5 Billion AI Data Centre");
    assert_eq!(d.outlet, "Example Herald");
    assert_eq!(d.author.as_deref(), Some("Priya Nandakumar"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-15")
    );
    assert_eq!(
        d.url.as_deref(),
        Some("https://herald.example/retailer-ai-datacentre")
    );
    assert!(
        d.text
            .starts_with("Retailer Plans $5 Billion AI Data Centre\n\n")
    );
    assert!(d.text.contains(
        "spend about $5 billion on a data centre built for AI workloads, it said on Monday."
    ));
    assert!(d.text.contains("1.2 GW once complete & fully leased."));
    assert!(d.text.contains("The planned campus."));
    for noise in [
        "dataLayer",
        "font-family",
        "Markets",
        "Trade gold",
        "$4,210",
        "Sponsored",
        "Bitcoin",
        "Tweet",
        "Hidden tracking",
        "First!",
        "Filed under",
        "All rights reserved",
        "JavaScript",
        "Artist's impression",
    ] {
        assert!(!d.text.contains(noise), "{noise:?} left in:\n{}", d.text);
    }
}

#[test]
fn html_without_semantic_markup_gets_text_level_boilerplate_rules() {
    let i = import("blog.html");
    let d = &i.document;
    assert_eq!(d.title, "Lab Books Extra Capacity From Second Cloud");
    assert_eq!(d.author.as_deref(), Some("Ines Varga"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-11-21")
    );
    assert_eq!(d.excluded.len(), 1, "{:?}", d.excluded);
    let ex = excluded_text(d);
    assert!(
        ex.starts_with("Ines Varga\n\nInes Varga is a senior reporter"),
        "{ex}"
    );
    assert!(ex.contains("No comments yet"));
    let body = d.text.find("more than $20 billion").unwrap();
    assert!(!d.is_excluded(body));
}

#[test]
fn pdf_text_layer_and_info_dictionary() {
    let i = import("article.pdf");
    let d = &i.document;
    assert_eq!(i.format, Format::Pdf);
    assert_eq!(d.title, "Memory Maker Signs Supply Pact");
    assert_eq!(d.author.as_deref(), Some("R. Example"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-10")
    );
    let flat = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("about $12 billion to an AI lab over three years."),
        "{}",
        d.text
    );
    assert!(
        flat.contains("minority stake in a new packaging plant."),
        "{}",
        d.text
    );
    let p1 = d.text.find("three years").unwrap();
    let p2 = d.text.find("minority stake").unwrap();
    assert!(p1 < p2, "pages out of order");
}

#[test]
fn broken_pdfs_get_specific_errors() {
    assert!(matches!(
        err("scan.pdf"),
        ImportError::PdfNoText { pages: 1, .. }
    ));
    assert!(matches!(
        err("encrypted.pdf"),
        ImportError::PdfEncrypted { .. }
    ));
    let e = err("truncated.pdf");
    assert!(
        matches!(
            e,
            ImportError::PdfCorrupt { .. } | ImportError::PdfNoText { .. }
        ),
        "{e}"
    );
    // A text file with a .pdf name.
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.pdf");
    std::fs::write(&fake, "just words").unwrap();
    let e = import_file(&fake, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::PdfCorrupt { .. }), "{e}");
    assert!(e.to_string().contains("not a PDF"), "{e}");
}

#[test]
fn damaged_pdfs_never_panic() {
    let good = std::fs::read(fixture("article.pdf")).unwrap();
    let path = Path::new("damaged.pdf");
    let mut outcomes = (0, 0);
    for cut in (8..good.len()).step_by(17) {
        match import::import_bytes(path, &good[..cut], &opts()) {
            Ok(_) => outcomes.0 += 1,
            Err(e) => {
                assert!(e.to_string().starts_with("damaged.pdf: "), "{e}");
                outcomes.1 += 1;
            }
        }
    }
    // Flip bytes inside the content streams and dictionaries.
    for at in (200..good.len()).step_by(29) {
        let mut bad = good.clone();
        bad[at] ^= 0x5A;
        let _ = import::import_bytes(path, &bad, &opts());
    }
    assert!(outcomes.1 > 0, "{outcomes:?}");
}

#[test]
fn bad_inputs_get_specific_errors() {
    assert!(matches!(err("empty.txt"), ImportError::Empty { .. }));
    assert!(matches!(err("blank.txt"), ImportError::Empty { .. }));
    match err("image.txt") {
        ImportError::Binary { what, .. } => assert_eq!(what, "PNG image"),
        e => panic!("{e}"),
    }
    match err("report.docx") {
        ImportError::UnknownFormat { extension, .. } => assert_eq!(extension, "docx"),
        e => panic!("{e}"),
    }
    let dir = fixture("");
    let e = import_file(&dir, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Directory { .. }), "{e}");
    let missing = fixture("missing.txt");
    let e = import_file(&missing, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
    assert!(e.to_string().contains("missing.txt"));
}

#[test]
fn size_limit_is_checked_before_reading() {
    let small = ImportOptions {
        max_bytes: 100,
        ..opts()
    };
    let e = import_file(&fixture("article.txt"), &small).unwrap_err();
    match &e {
        ImportError::TooLarge { size, limit, .. } => {
            assert!(*size > 100);
            assert_eq!(*limit, 100);
        }
        e => panic!("{e}"),
    }
    assert!(e.to_string().contains("article.txt"));
    assert_eq!(import::DEFAULT_MAX_BYTES, 50 * 1024 * 1024);
}

#[test]
fn file_over_50_mb_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // A sparse file: 50 MB + 1 byte of zeros on disk costs nothing, and reading it would fail
    // differently (binary), so the error proves the size was checked first.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(import::DEFAULT_MAX_BYTES + 1).unwrap();
    let e = import_file(&big, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("huge.txt"), "{e}");
}

#[test]
fn non_utf8_text_is_decoded_with_a_warning() {
    let i = import("latin1.txt");
    assert!(i.document.text.contains("Caf\u{FFFD} Owner"));
    assert_eq!(
        i.warnings,
        vec![ImportWarning::NotUtf8 {
            replaced: 4,
            first_at: 3
        }]
    );
    assert!(i.warnings[0].to_string().contains("not valid UTF-8"));
}

#[test]
fn file_without_extension_is_sniffed_as_text() {
    let i = import("notes");
    assert_eq!(i.format, Format::Text);
    assert_eq!(i.document.title, "No extension here, just a title line");
}

#[test]
fn same_content_is_already_in_workspace() {
    let mut ws = Workspace::new("t");
    let a = add_to_workspace(&mut ws, import("article.txt")).unwrap();
    let b = add_to_workspace(&mut ws, import("article.md")).unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("doc-0001", "doc-0002"));
    let dup = add_to_workspace(&mut ws, import("article.md")).unwrap_err();
    assert_eq!(dup.id.as_str(), "doc-0002");
    assert_eq!(
        dup.to_string(),
        "already in workspace: doc-0002 \"Chipmaker and Lab Sign 10 GW Letter of Intent\""
    );
    assert_eq!(ws.documents.len(), 2);
    assert_eq!(ws.validate(), vec![]);
}

#[test]
fn batch_reports_progress_and_can_be_cancelled() {
    let files: Vec<PathBuf> = ["article.txt", "empty.txt", "article.md", "article.html"]
        .iter()
        .map(|f| fixture(f))
        .collect();
    let mut seen = Vec::new();
    let out = import_files(&files, &opts(), |done, total| {
        seen.push((done, total));
        ControlFlow::Continue(())
    });
    assert_eq!(seen, vec![(1, 4), (2, 4), (3, 4), (4, 4)]);
    assert!(!out.cancelled);
    assert_eq!(out.imported().count(), 3);
    assert_eq!(out.errors().count(), 1);

    let out = import_files(&files, &opts(), |done, _| {
        if done == 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert!(out.cancelled);
    assert_eq!(out.results.len(), 2);

    let flag = Arc::new(AtomicBool::new(false));
    let o = ImportOptions {
        cancel: Some(flag.clone()),
        ..opts()
    };
    let out = import_files(&files, &o, |done, _| {
        if done == 1 {
            flag.store(true, Ordering::Relaxed);
        }
        ControlFlow::Continue(())
    });
    assert!(out.cancelled);
    assert_eq!(out.results.len(), 1);
}

// ---------------------------------------------------------------- CLI

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

// ---------------------------------------------------------------- seeds

/// The seed folder, if `CLAIMBENCH_SEEDS` is set; panics if it is set but unreadable.
fn seeds() -> Option<Vec<PathBuf>> {
    let dir = std::env::var_os("CLAIMBENCH_SEEDS")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("CLAIMBENCH_SEEDS={dir:?} is not readable: {e}"))
        .map(|e| e.expect("seed dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the five seed articles in {dir:?}"
    );
    Some(files)
}

fn seed<'a>(files: &'a [PathBuf], prefix: &str) -> &'a Path {
    files
        .iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt"))
}

/// The first paragraph of prose (the first line over 150 characters).
fn first_paragraph(d: &SourceDocument) -> usize {
    let line = d.text.lines().find(|l| l.len() > 150).expect("a paragraph");
    d.text.find(line).expect("line offset")
}

#[test]
fn seeds_boilerplate_is_excluded_and_bodies_are_not() {
    let Some(files) = seeds() else {
        eprintln!("CLAIMBENCH_SEEDS not set: seed checks not run");
        return;
    };
    let mut ws = Workspace::new("seeds");
    for f in &files {
        let i = import_file(f, &opts()).unwrap_or_else(|e| panic!("{e}"));
        let d = &i.document;
        // The body is never excluded: more text comes before the first range than after it.
        if let Some(r) = d.excluded.first() {
            assert!(
                r.start * 2 >= d.text.len(),
                "{}: range {r:?} too early",
                f.display()
            );
        }
        assert!(!d.is_excluded(first_paragraph(d)), "{}", f.display());
        add_to_workspace(&mut ws, i).unwrap();
    }
    assert_eq!(ws.validate(), vec![]);

    // 000: the crypto/gold headline block after the disclaimer.
    let d = import_file(seed(&files, "000"), &opts()).unwrap().document;
    assert_eq!(d.outlet, "Tradingkey");
    assert_eq!(d.title, d.text.lines().next().unwrap());
    assert_eq!(d.excluded.len(), 1);
    let start = d.excluded[0].start;
    assert!(d.text[start..].starts_with("Disclaimer"));
    assert_eq!(d.excluded[0].end, d.text.len());
    let dollars: Vec<usize> = d.text.match_indices('$').map(|(i, _)| i).collect();
    let (body, ads): (Vec<usize>, Vec<usize>) = dollars.iter().partition(|&&i| i < start);
    assert!(
        body.len() >= 10 && ads.len() >= 10,
        "{} / {}",
        body.len(),
        ads.len()
    );
    assert!(ads.iter().all(|&i| d.is_excluded(i)));
    assert!(body.iter().all(|&i| !d.is_excluded(i)));
    for marker in ["placeholder", "Mitrade", "11 hours ago", "goTop"] {
        let at = d.text.find(marker).unwrap_or_else(|| panic!("{marker}"));
        assert!(d.is_excluded(at), "{marker}");
    }

    // 004: author avatar, blurb and comments.
    let d = import_file(seed(&files, "004"), &opts()).unwrap().document;
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-17")
    );
    assert_eq!(d.excluded.len(), 1);
    let ex = excluded_text(&d);
    assert!(ex.starts_with("author avatar"), "{ex}");
    for marker in [
        "Comments",
        "Add a public comment",
        "No comments yet",
        "AI Writing Agent",
    ] {
        assert!(ex.contains(marker), "{marker}");
    }
    let last_body = d.text[..d.excluded[0].start].trim_end();
    assert!(last_body.len() > 6000 && last_body.ends_with('.'));

    // 001: the publication footer line only.
    let d = import_file(seed(&files, "001"), &opts()).unwrap().document;
    assert_eq!(d.outlet, "WebProNews");
    assert_eq!(d.excluded.len(), 1);
    assert_eq!(
        excluded_text(&d).trim(),
        d.text.trim_end().lines().last().unwrap()
    );

    // 002 and 003 have no boilerplate, and no headline: their first line is a sentence, so the
    // title is its first words and a warning says so.
    for p in ["002", "003"] {
        let i = import_file(seed(&files, p), &opts()).unwrap();
        assert_eq!(i.document.excluded, vec![], "{p}");
        assert!(i.document.title.ends_with('…'), "{p}: {}", i.document.title);
        assert!(
            matches!(i.warnings.as_slice(), [ImportWarning::TitleGuessed { .. }]),
            "{p}: {:?}",
            i.warnings
        );
    }
}
