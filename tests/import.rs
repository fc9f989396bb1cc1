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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[path = "import/cli.rs"]
mod cli;
#[path = "import/errors.rs"]
mod errors;
#[path = "import/seeds.rs"]
mod seeds;

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

/// The text extraction reads: the document minus its excluded ranges.
fn kept_text(d: &SourceDocument) -> String {
    let mut s = String::new();
    let mut at = 0;
    for r in &d.excluded {
        s.push_str(&d.text[at..r.start]);
        s.push('\n');
        at = r.end;
    }
    s.push_str(&d.text[at..]);
    s
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
    // The page's furniture stays in the document, marked excluded: extraction reads the rest.
    let kept = kept_text(d);
    assert!(kept.contains(
        "spend about $5 billion on a data centre built for AI workloads, it said on Monday."
    ));
    assert!(kept.contains("1.2 GW once complete & fully leased."));
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
        assert!(!kept.contains(noise), "{noise:?} left in:\n{kept}");
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
    // The headline (the title holds it), the byline and date lines (read into the metadata),
    // and the trailing blurb and comments.
    let parts: Vec<&str> = d
        .excluded
        .iter()
        .map(|r| d.text[r.start..r.end].trim())
        .collect();
    assert_eq!(parts.len(), 3, "{parts:?}");
    assert_eq!(parts[0], "Lab Books Extra Capacity From Second Cloud");
    assert_eq!(parts[1], "By Ines Varga\n\nNov. 21, 2025");
    assert!(
        parts[2].starts_with("Ines Varga\n\nInes Varga is a senior reporter"),
        "{parts:?}"
    );
    let ex = excluded_text(d);
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
