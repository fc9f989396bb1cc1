//! Scores our web-page import on an article-extraction benchmark laid out as a folder of pages
//! (`NAME.html`): writes `{"NAME": {"articleBody": TEXT}}` (the format the benchmark's own
//! `evaluate.py` reads), where TEXT is the document text minus its excluded ranges, which is what
//! extraction reads. Pages that fail to import are counted and written as empty.
//!
//! `cargo run --release --example web_bench -- PAGES_DIR OUT.json [--meta META.json]`
//!
//! `web_bench --growth PAGE.html` instead imports the page with its body repeated 1, 2, 4 and 8
//! times and prints the time of each (best of three), to show how the HTML import grows.

use claimbench::io::import::{ImportOptions, import_bytes};
use std::collections::BTreeMap;
use std::path::Path;

/// Imports `page` with its `<body>` content repeated 1×, 2×, 4×, 8×; prints size and time.
fn growth(page: &str) {
    let html = std::fs::read_to_string(page).expect("page");
    let lower = html.to_ascii_lowercase();
    let start = lower
        .find("<body")
        .and_then(|b| lower[b..].find('>').map(|e| b + e + 1))
        .unwrap_or(0);
    let end = lower.rfind("</body>").unwrap_or(html.len()).max(start);
    let (head, body, tail) = (&html[..start], &html[start..end], &html[end..]);
    let opts = ImportOptions {
        imported_at: Some("2026-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    for k in [1, 2, 4, 8] {
        let input = format!("{head}{}{tail}", body.repeat(k));
        let best = (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                import_bytes(Path::new("page.html"), input.as_bytes(), &opts).expect("imports");
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min);
        println!("{k}x\t{} bytes\t{best:.1} ms", input.len());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--growth") {
        growth(args.get(1).expect("usage: web_bench --growth PAGE.html"));
        return;
    }
    if args.len() < 2 {
        eprintln!("usage: web_bench PAGES_DIR OUT.json [--meta META.json]");
        std::process::exit(2);
    }
    let meta_out = args
        .iter()
        .position(|a| a == "--meta")
        .map(|i| &args[i + 1]);
    let opts = ImportOptions {
        imported_at: Some("2026-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    let mut out = BTreeMap::new();
    let mut meta = BTreeMap::new();
    let (mut failed, mut total_ms) = (0, 0u128);
    let mut entries: Vec<_> = std::fs::read_dir(&args[0])
        .expect("pages folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    entries.sort();
    for path in entries {
        let key = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("read page");
        let t = std::time::Instant::now();
        let body = match import_bytes(Path::new("page.html"), &bytes, &opts) {
            Ok(imp) => {
                let d = &imp.document;
                meta.insert(
                    key.clone(),
                    serde_json::json!({
                        "title": d.title, "outlet": d.outlet, "author": d.author,
                        "published": d.published.map(|p| p.to_string()), "url": d.url,
                    }),
                );
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
            Err(e) => {
                eprintln!("{key}: {e}");
                failed += 1;
                String::new()
            }
        };
        total_ms += t.elapsed().as_millis();
        out.insert(key, serde_json::json!({ "articleBody": body }));
    }
    let n = out.len();
    std::fs::write(&args[1], serde_json::to_string_pretty(&out).expect("json")).expect("write");
    if let Some(m) = meta_out {
        std::fs::write(m, serde_json::to_string_pretty(&meta).expect("json")).expect("write");
    }
    eprintln!("{n} pages, {failed} failed to import, {total_ms} ms in all");
}
