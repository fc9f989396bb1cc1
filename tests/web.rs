//! Web pages: article extraction on fixtures written for each failure class of the old reader
//! (teaser `<article>`s, comment authors, a content column named `sidebar`, microdata-only
//! articles, menus outside `<nav>`, "most popular" lists, video rails, donation and paywall
//! boxes, non-English pages, a page nested 20,000 levels deep), metadata (JSON-LD, OpenGraph,
//! Dublin Core, `twitter:site`, any case), and import from a URL or a news feed against an HTTP
//! server on 127.0.0.1 started by the test itself (no internet).

#[path = "web/server.rs"]
mod server;

use claimbench::io::import::{ImportOptions, Imported, import_file};
use claimbench::model::SourceDocument;
use server::{Route, Server};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
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

/// The text extraction reads: the document minus its excluded ranges.
fn kept(d: &SourceDocument) -> String {
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

/// Every phrase of `keep` is article text, every phrase of `drop` is not (excluded or absent).
fn check(name: &str, keep: &[&str], drop: &[&str]) -> Imported {
    let i = import(name);
    let k = kept(&i.document);
    for p in keep {
        assert!(k.contains(p), "{name}: {p:?} should be article text:\n{k}");
    }
    for p in drop {
        assert!(
            !k.contains(p),
            "{name}: {p:?} should not be article text:\n{k}"
        );
    }
    i
}

#[test]
fn a_teaser_article_box_is_not_the_story() {
    let i = check(
        "teaser_article.html",
        &[
            "Harbor Compute has agreed to buy two gigawatts",
            "roughly $4.1 billion",
            "Harbor said it would publish more details",
        ],
        &[
            "Quartzline files to list",
            "forty million shares",
            "Markets",
            "independent newsroom",
        ],
    );
    let d = &i.document;
    assert_eq!(
        d.title,
        "Harbor Compute books a 2 GW power deal for its Ohio campus"
    );
    assert_eq!(d.outlet, "Ledgerline");
    assert_eq!(d.author.as_deref(), Some("Ines Varga"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-10-14")
    );
}

#[test]
fn a_commenter_is_neither_text_nor_author() {
    let i = check(
        "comment_author.html",
        &[
            "Nimbus Labs, the model developer based in Austin",
            "close to $2.5 billion",
            "expected to ship from the first quarter",
        ],
        &["not convinced that a supply agreement", "12 Comments"],
    );
    let d = &i.document;
    assert_eq!(d.author.as_deref(), Some("Tomas Ferreira"));
    assert_eq!(
        d.title,
        "Nimbus Labs signs a three-year chip supply agreement"
    );
    assert_eq!(d.outlet, "The Circuit Desk");
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-09-22")
    );
}

#[test]
fn a_content_column_named_sidebar_is_kept_and_rails_are_not() {
    let i = check(
        "sidebar_column.html",
        &[
            "A pension fund based in Oslo has bought a minority stake",
            "still needs approval from competition authorities",
        ],
        &[
            "Power prices jump",
            "Watch: inside a cold-climate server hall",
            "Donate today",
            "Business",
        ],
    );
    let d = &i.document;
    assert_eq!(d.outlet, "fjordtimes");
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-05")
    );
}

#[test]
fn microdata_only_article_json_ld_metadata_bio_and_paywall() {
    let i = check(
        "microdata_meta.html",
        &[
            "Vantage Robotics, which builds software",
            "about $5.8 billion",
            "took a small stake as part of a wider commercial agreement",
        ],
        &[
            "for subscribers only",
            "senior reporter who covers robotics",
        ],
    );
    let d = &i.document;
    assert_eq!(
        d.title,
        "Vantage Robotics raises $640 million to expand its training cluster"
    );
    assert_eq!(d.outlet, "Chipwire");
    assert_eq!(d.author.as_deref(), Some("Priya Raman, Leo Brandt"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-11-18")
    );
    assert!(
        i.sources
            .contains(&("published", "JSON-LD publication date")),
        "{:?}",
        i.sources
    );
}

#[test]
fn a_german_page_without_article_element() {
    let i = check(
        "german.html",
        &[
            "Ein junges Unternehmen aus München",
            "rund 300 Millionen Euro",
            "an ausreichend Hardware zu kommen",
        ],
        &["Bahn erhöht die Preise", "Wirtschaft\n"],
    );
    let d = &i.document;
    assert_eq!(
        d.title,
        "Münchner Start-up sichert sich Rechenleistung für drei Jahre"
    );
    assert_eq!(d.outlet, "Wirtschaftsblatt");
    assert_eq!(d.author.as_deref(), Some("Katrin Lehmann"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-07-09")
    );
}

#[test]
fn a_related_heading_in_any_language_ends_the_article() {
    check(
        "related_heading.html",
        &[
            "vai investir 1,2 bilhão de reais",
            "passará de 40 para 96 megawatts",
            "Clientes de inteligência artificial já reservaram",
        ],
        &[
            "Você pode gostar",
            "Rede de fibra chega ao interior",
            "fibra óptica para mais trinta cidades",
            "encapsulamento",
            "cooperativa local renovou",
        ],
    );
    check(
        "more_from_site.html",
        &[
            "Every week another company announces a data centre",
            "better conductors and sensors",
            "sit idle in buildings that cannot be switched on",
        ],
        &[
            "More Capitol Ledger",
            "Why the port strike matters",
            "Shipping delays last spring",
            "Dana Kim",
            "almost unused last year",
            "Cooling towers in the desert",
        ],
    );
}

#[test]
fn category_lists_with_counts_bylines_and_promotion_lines_are_not_article_text() {
    check(
        "category_counts.html",
        &[
            "senilai 450 juta rupiah",
            "Sebanyak 120 anggota akan memakai mesin itu",
        ],
        &["Kategori", "Pertanian", "Ekonomi Desa", "(48)", "Cuaca"],
    );
    let i = check(
        "promo_lines.html",
        &[
            "will add a second shift of 300 workers",
            "lift output by about forty percent",
            "Hiring starts next week",
            "packaging line for a customer",
        ],
        &[
            "By PETRA HOLM",
            "SUPPLIERS SAY CHIP ORDERS",
            "BY CLICKING HERE",
            "Advert",
            "sponsored links",
            "You may also be interested",
        ],
    );
    let d = &i.document;
    assert_eq!(d.author.as_deref(), Some("Petra Holm"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-09-03")
    );
}

fn claimbench(args: &[&str]) -> (i32, String, String) {
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

#[test]
fn a_page_nested_twenty_thousand_levels_deep_imports() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep.html");
    let n = 25_000;
    std::fs::write(
        &page,
        format!(
            "<html><body>{}<p>The deep page still says that a chip deal was signed.</p>{}</body></html>",
            "<div><span>".repeat(n),
            "</span></div>".repeat(n)
        ),
    )
    .unwrap();
    let ws = dir.path().join("w.ron");
    let (code, out, errs) = claimbench(&[
        "import",
        ws.to_str().unwrap(),
        page.to_str().unwrap(),
        "--create",
    ]);
    assert_eq!(code, 0, "{out}{errs}");
    let loaded = claimbench::io::load_workspace(&ws).unwrap();
    assert!(
        loaded.documents[0].text.contains("a chip deal was signed"),
        "{:?}",
        loaded.documents[0].text
    );
}

fn article_page(title: &str, para: &str, extra_head: &str) -> String {
    let body: String = (0..5)
        .map(|i| format!("<p>{para} This is paragraph {i} of the report and it goes on long enough to read as prose about deals.</p>"))
        .collect();
    format!(
        "<!doctype html><html><head><title>{title}</title>{extra_head}</head><body><div class=\"menu\"><a href=\"/\">Home</a></div><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

fn site() -> Server {
    let latin1: Vec<u8> = {
        let mut v = article_page(
            "Caf\u{e9} chain deal",
            "The caf\u{e9} chain paid 5 million.",
            "",
        )
        .into_bytes();
        // Re-encode as windows-1252: é is one byte.
        let s = String::from_utf8(std::mem::take(&mut v)).unwrap();
        encoding_rs::WINDOWS_1252.encode(&s).0.into_owned()
    };
    Server::start(vec![
        (
            "/story",
            Route::ok(
                "text/html; charset=utf-8",
                article_page(
                    "Fabric Labs raises $90 million",
                    "Fabric Labs raised $90 million for its chips.",
                    "<link rel=\"canonical\" href=\"https://news.example/fabric\"><meta property=\"article:published_time\" content=\"2025-12-01T08:00:00Z\">",
                ),
            ),
        ),
        ("/moved", Route::redirect("/story-nocanon")),
        (
            "/story-nocanon",
            Route::ok(
                "text/html",
                article_page(
                    "Grid deal signed",
                    "A grid operator signed a 400 MW deal.",
                    "",
                ),
            ),
        ),
        (
            "/latin1",
            Route::ok("text/html; charset=windows-1252", latin1),
        ),
        (
            "/notes",
            Route::ok(
                "text/plain; charset=utf-8",
                "Plain notes on a deal\n\nThe fund put $40 million into a solar farm.\n",
            ),
        ),
        (
            "/image",
            Route::ok("image/png", b"\x89PNG\r\n\x1a\nxxxx".to_vec()),
        ),
        ("/gone", Route::status(404)),
        ("/broken", Route::status(500)),
        (
            "/slow",
            Route::ok("text/html", article_page("Slow", "Slow words.", ""))
                .slow(Duration::from_secs(4)),
        ),
        (
            "/undated",
            Route::ok(
                "text/html",
                article_page(
                    "Undated chip story",
                    "A chip maker agreed to supply a start-up for two years.",
                    "",
                ),
            ),
        ),
    ])
}

fn ws_file(dir: &Path) -> PathBuf {
    dir.join("web.ron")
}

#[test]
fn url_import_keeps_canonical_address_and_retrieval_time() {
    let s = site();
    let dir = tempfile::tempdir().unwrap();
    let ws = ws_file(dir.path());
    let (code, out, errs) = claimbench(&[
        "import",
        ws.to_str().unwrap(),
        &s.url("/story"),
        &s.url("/moved"),
        &s.url("/notes"),
        &s.url("/latin1"),
        "--create",
    ]);
    assert_eq!(code, 0, "{out}{errs}");
    let w = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(w.documents.len(), 4, "{out}");
    let by_title = |t: &str| {
        w.documents
            .iter()
            .find(|d| d.title == t)
            .unwrap_or_else(|| panic!("no {t:?} in {out}"))
    };
    let story = by_title("Fabric Labs raises $90 million");
    assert_eq!(story.url.as_deref(), Some("https://news.example/fabric"));
    assert_eq!(
        story.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-01")
    );
    let stamp = story.imported_at.as_deref().unwrap();
    assert!(stamp.starts_with("20") && stamp.ends_with('Z'), "{stamp}");
    // A redirect: the address it was finally read from.
    let grid = by_title("Grid deal signed");
    assert_eq!(grid.url.as_deref(), Some(s.url("/story-nocanon").as_str()));
    let notes = by_title("Plain notes on a deal");
    assert!(notes.text.contains("$40 million"));
    let cafe = by_title("Caf\u{e9} chain deal");
    assert!(cafe.text.contains("caf\u{e9} chain paid"), "{}", cafe.text);
}

#[test]
fn url_errors_name_the_status_and_leave_the_workspace_as_it_was() {
    let s = site();
    let dir = tempfile::tempdir().unwrap();
    let ws = ws_file(dir.path());
    let (code, _, errs) =
        claimbench(&["import", ws.to_str().unwrap(), &s.url("/story"), "--create"]);
    assert_eq!(code, 0, "{errs}");
    let before = std::fs::read(&ws).unwrap();
    for (path, words) in [
        ("/gone", "404 Not Found"),
        ("/broken", "500 Internal Server Error"),
        ("/image", "image/png"),
    ] {
        let (code, out, errs) = claimbench(&["import", ws.to_str().unwrap(), &s.url(path)]);
        assert_eq!(code, 1, "{path}: {out}{errs}");
        assert!(
            errs.contains(words) && errs.contains(&s.url(path)),
            "{path}: {errs}"
        );
        assert_eq!(
            std::fs::read(&ws).unwrap(),
            before,
            "{path} changed the workspace"
        );
    }
    let (code, _, errs) = claimbench(&[
        "import",
        ws.to_str().unwrap(),
        &s.url("/slow"),
        "--timeout",
        "1",
    ]);
    assert_eq!(code, 1, "{errs}");
    assert!(errs.contains("timed out"), "{errs}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // Nothing listens on the port of a dropped server.
    let dead = s.url("/story");
    drop(s);
    std::thread::sleep(Duration::from_millis(100));
    let (code, _, errs) = claimbench(&["import", ws.to_str().unwrap(), &dead, "--timeout", "2"]);
    assert_eq!(code, 1, "{errs}");
    assert!(errs.contains(&dead), "{errs}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // A TLS handshake against a plain-HTTP server fails with a TLS message.
    let plain = site();
    let tls = plain.url("/story").replacen("http://", "https://", 1);
    let (code, _, errs) = claimbench(&["import", ws.to_str().unwrap(), &tls, "--timeout", "3"]);
    assert_eq!(code, 1, "{errs}");
    assert!(
        errs.to_lowercase().contains("tls") || errs.contains("secure"),
        "{errs}"
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn feeds_import_each_entry_once_and_fill_in_the_entry_date() {
    let s = site();
    let fix = |body: &str| body.replace("BASE", &s.base);
    // The feeds name the server's own address: serve them from a second server.
    let feeds = Server::start(vec![
        (
            "/rss",
            Route::ok("application/rss+xml", fix(&feed_body("/rss"))),
        ),
        (
            "/atom",
            Route::ok("application/atom+xml", fix(&feed_body("/atom"))),
        ),
        (
            "/jsonfeed",
            Route::ok("application/feed+json", fix(&feed_body("/jsonfeed"))),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let ws = ws_file(dir.path());
    let run = || {
        claimbench(&[
            "import",
            ws.to_str().unwrap(),
            "--feed",
            &feeds.url("/rss"),
            "--feed",
            &feeds.url("/atom"),
            "--feed",
            &feeds.url("/jsonfeed"),
            "--create",
        ])
    };
    let (code, out, errs) = run();
    assert_eq!(code, 0, "{out}{errs}");
    let w = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(w.documents.len(), 4, "{out}");
    let undated = w
        .documents
        .iter()
        .find(|d| d.title == "Undated chip story")
        .expect("undated story");
    assert_eq!(
        undated.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-02")
    );
    assert_eq!(undated.author.as_deref(), Some("Rosa Mendes"));
    let before = std::fs::read(&ws).unwrap();
    let pages_before = s.hits("/undated");
    let (code, out, errs) = run();
    assert_eq!(code, 0, "{out}{errs}");
    assert!(!out.contains("added"), "{out}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert_eq!(
        s.hits("/undated"),
        pages_before,
        "an imported page was fetched again"
    );
}

/// A feed naming pages of the first server as `BASE/…`.
fn feed_body(path: &str) -> String {
    match path {
        "/rss" => r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Deals desk</title><link>https://x/</link><description>d</description>
<item><title>Fabric Labs raises</title><link>BASE/story</link><guid>a1</guid><pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate></item>
<item><title>Undated chip story</title><link>BASE/undated</link><guid>a2</guid><pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate><author>desk@example.com (Rosa Mendes)</author></item>
</channel></rss>"#.to_owned(),
        "/atom" => r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:x</id><updated>2025-12-03T00:00:00Z</updated>
<entry><title>Grid deal</title><id>urn:e1</id><link href="BASE/story-nocanon"/><updated>2025-11-30T00:00:00Z</updated></entry>
</feed>"#.to_owned(),
        _ => r#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON desk","items":[{"id":"j1","url":"BASE/notes","title":"Notes","date_published":"2025-10-10T00:00:00Z"}]}"#.to_owned(),
    }
}

/// Fixtures written with their expectations before the reader was run on them, and not looked
/// at while tuning; scored once at the end.
#[test]
fn unseen_fixtures() {
    let i = check(
        "unseen_liveblog.html",
        &[
            "closed at $1.3 billion",
            "each putting in around $400 million",
            "a new office in Singapore",
        ],
        &["Markets slip on rate worries", "Privacy", "Sport"],
    );
    let d = &i.document;
    assert_eq!(d.title, "Live: Saltmarsh AI closes its funding round");
    assert_eq!(d.outlet, "Meridian Post");
    assert_eq!(d.author.as_deref(), Some("Hana Sato"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-06-30")
    );
    let i = check(
        "unseen_blog.html",
        &[
            "runs for five years",
            "around $70 million up front",
            "swap to newer parts after three years",
        ],
        &["Subscribe now", "Share on LinkedIn", "Archive"],
    );
    let d = &i.document;
    assert_eq!(d.title, "Why we signed a five-year GPU lease");
    assert_eq!(d.outlet, "Kestrel Engineering Blog");
    assert_eq!(d.author.as_deref(), Some("Olu Adeyemi"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-05-12")
    );
    // Written with the related-box, lone-link and byline classes; not looked at while tuning.
    let i = check(
        "unseen_news_rail.html",
        &[
            "contratará a 200 operarios antes del verano",
            "invertirá 85 millones de euros",
            "Los primeros contratos serán de seis meses",
            "el cliente que más ha crecido este año",
        ],
        &[
            "Por LUCÍA FERRER",
            "LA PATRONAL PIDE",
            "Te puede interesar",
            "puerto seco",
            "maquinaria agrícola",
            "El Faro Económico S.L.",
        ],
    );
    let d = &i.document;
    assert_eq!(
        d.title,
        "Una planta de baterías contrata a 200 personas en Zaragoza"
    );
    assert_eq!(d.outlet, "El Faro Económico");
    assert_eq!(d.author.as_deref(), Some("Lucía Ferrer"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-03-21")
    );
}

mod harness;

use claimbench::ui::command::{Command as AppCommand, UiCommand};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// The feed server of the app tests: an RSS feed naming two pages of `s`, and a second feed.
fn app_feeds(s: &Server) -> Server {
    let fix = |body: &str| body.replace("BASE", &s.base);
    Server::start(vec![
        (
            "/rss",
            Route::ok("application/rss+xml", fix(&feed_body("/rss"))),
        ),
        (
            "/atom",
            Route::ok("application/atom+xml", fix(&feed_body("/atom"))),
        ),
    ])
}

#[test]
fn app_import_from_url_dialog_fetches_pages_from_the_local_server() {
    let s = site();
    let mut h = harness::start(vec![]);
    let before = h.state().session.ws.documents.len();
    h.state_mut().push(AppCommand::Ui(UiCommand::ImportFromUrl));
    h.run();
    let field = "Web addresses of articles, PDFs or text files, one a line:";
    // Not a web address: refused with a sentence naming it, nothing fetched.
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text("news.example/fabric");
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label(
        "“news.example/fabric” is not a web address: it must start with http:// or https://",
    );
    assert!(h.state().import_job.is_none());
    // Two real addresses (one redirected) and a 404.
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    let typed = format!(
        "{}\n{}\n{}",
        s.url("/story"),
        s.url("/moved"),
        s.url("/gone")
    );
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text(&typed);
    h.run();
    h.get_by_label("Import").click();
    h.step();
    harness::wait_for_import(&mut h);
    let ws = &h.state().session.ws;
    assert_eq!(ws.documents.len(), before + 2);
    let story = ws
        .documents
        .iter()
        .find(|d| d.title == "Fabric Labs raises $90 million")
        .expect("the story was imported");
    assert_eq!(story.url.as_deref(), Some("https://news.example/fabric"));
    assert!(
        ws.documents
            .iter()
            .any(|d| d.url.as_deref() == Some(s.url("/story-nocanon").as_str())),
        "the redirected page keeps the address it was read from"
    );
    let errors: Vec<&str> = h
        .state()
        .notes
        .messages
        .iter()
        .filter(|m| m.error)
        .map(|m| m.text.as_str())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("/gone") && e.contains("404")),
        "{errors:?}"
    );
    // One undo step removes both pages.
    h.state_mut().push(AppCommand::Ui(UiCommand::Undo));
    h.run();
    assert_eq!(h.state().session.ws.documents.len(), before);
}

#[test]
fn app_feeds_panel_adds_checks_lists_new_entries_and_removes() {
    let s = site();
    let feeds = app_feeds(&s);
    let mut h = harness::start(vec![]);
    let docs_before = h.state().session.ws.documents.len();
    h.state_mut().push(AppCommand::Ui(UiCommand::ShowFeeds));
    h.run();
    h.get_by_label("This workspace follows no news feeds yet.");
    // Add two feeds through the panel; each is one undoable edit.
    for path in ["/rss", "/atom"] {
        h.get_by_role_and_label(Role::TextInput, "Feed address")
            .focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Feed address")
            .type_text(&feeds.url(path));
        h.run();
        h.get_by_label("Add feed").click();
        h.run();
    }
    assert_eq!(h.state().session.ws.feeds.len(), 2);
    // The same address again is refused.
    h.get_by_role_and_label(Role::TextInput, "Feed address")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Feed address")
        .type_text(&feeds.url("/rss"));
    h.run();
    h.get_by_label("Add feed").click();
    h.run();
    h.get_by_label(&format!(
        "This workspace already follows {}",
        feeds.url("/rss")
    ));
    assert_eq!(h.state().session.ws.feeds.len(), 2);
    // Check now: the three entries' pages come in through the background import.
    h.get_by_label("Check now").click();
    h.step();
    harness::wait_for_import(&mut h);
    let ws = &h.state().session.ws;
    assert_eq!(ws.documents.len(), docs_before + 3);
    let undated = ws
        .documents
        .iter()
        .find(|d| d.title == "Undated chip story")
        .expect("the undated story came in");
    assert_eq!(
        undated.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-02"),
        "the entry's date fills in what the page does not say"
    );
    assert_eq!(ws.feeds[0].title, "Deals desk");
    assert_eq!(ws.feeds[1].title, "Atom desk");
    assert!(ws.feeds.iter().all(|f| f.last_checked.is_some()));
    // The new entries are listed, unread; opening one takes it off the list.
    h.get_by_label("New, not yet read");
    h.get_by_role_and_label(Role::Button, "Grid deal signed");
    h.get_by_role_and_label(Role::Button, "Undated chip story")
        .click();
    h.run();
    assert_eq!(h.state().feeds_panel.unread.len(), 2);
    assert_eq!(
        h.state()
            .selection
            .doc
            .as_ref()
            .and_then(|id| h.state().session.ws.document(id))
            .map(|d| d.title.as_str()),
        Some("Undated chip story")
    );
    // Details says where each field came from: the date and author from the feed entry.
    // (The panel is closed first so that it does not cover the Reader.)
    h.state_mut().feeds_panel.open = false;
    h.run();
    h.get_by_label("Details…").click();
    h.run();
    assert_eq!(h.get_all_by_label("from feed entry").count(), 2);
    h.get_by_label("from title tag");
    h.state_mut().push(AppCommand::Ui(UiCommand::ShowFeeds));
    h.run();
    // Checking again adds nothing and fetches no page again.
    let hits = s.hits("/undated");
    h.get_by_label("Check now").click();
    h.step();
    harness::wait_for_import(&mut h);
    assert_eq!(h.state().session.ws.documents.len(), docs_before + 3);
    assert_eq!(
        s.hits("/undated"),
        hits,
        "an imported page was fetched again"
    );
    // Remove a feed: its documents stay; undo brings the feed back.
    h.get_all_by_label("Unfollow")
        .next()
        .expect("an Unfollow button")
        .click();
    h.run();
    assert_eq!(h.state().session.ws.feeds.len(), 1);
    assert_eq!(h.state().session.ws.documents.len(), docs_before + 3);
    h.state_mut().push(AppCommand::Ui(UiCommand::Undo));
    h.run();
    assert_eq!(h.state().session.ws.feeds.len(), 2);
    // A feed that answers 404: the check says so, names the address, adds nothing.
    h.get_by_role_and_label(Role::TextInput, "Feed address")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Feed address")
        .type_text(&feeds.url("/missing"));
    h.run();
    h.get_by_label("Add feed").click();
    h.run();
    h.get_by_label("Check now").click();
    h.step();
    harness::wait_for_import(&mut h);
    assert_eq!(h.state().session.ws.documents.len(), docs_before + 3);
    let last_error = h
        .state()
        .notes
        .messages
        .iter()
        .rev()
        .find(|m| m.error)
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        last_error.contains("/missing") && last_error.contains("404"),
        "{last_error}"
    );
    // The unread entries outlive the workspace being closed: they are one person's, kept in the
    // app's settings under the workspace's file, not in the shared file.
    let unread = h.state().feeds_panel.unread.clone();
    assert_eq!(unread.len(), 2);
    let dir = tempfile::tempdir().expect("temp dir");
    let (mine, other) = (dir.path().join("mine.ron"), dir.path().join("other.ron"));
    h.state_mut().session.save_to(&mine).expect("saved");
    claimbench::io::save_workspace(&claimbench::model::Workspace::default(), &other)
        .expect("saved");
    assert!(h.state_mut().open_path(&other));
    h.run();
    assert!(h.state().feeds_panel.unread.is_empty(), "another workspace");
    let saved = ron::to_string(&h.state().settings).expect("settings serialize");
    assert!(saved.contains("mine.ron"), "{saved}");
    assert!(!std::fs::read_to_string(&mine).unwrap().contains("unread"));
    assert!(h.state_mut().open_path(&mine));
    h.run();
    assert_eq!(h.state().feeds_panel.unread, unread);
    h.get_by_role_and_label(Role::Button, "Grid deal signed");
}

#[test]
fn cli_feed_import_records_the_subscription_once() {
    let s = site();
    let feeds = app_feeds(&s);
    let dir = tempfile::tempdir().unwrap();
    let ws = ws_file(dir.path());
    let run = || {
        claimbench(&[
            "import",
            ws.to_str().unwrap(),
            "--feed",
            &feeds.url("/rss"),
            "--create",
        ])
    };
    let (code, out, errs) = run();
    assert_eq!(code, 0, "{out}{errs}");
    let w = claimbench::io::load_workspace(&ws).unwrap();
    assert_eq!(w.feeds.len(), 1);
    assert_eq!(w.feeds[0].url, feeds.url("/rss"));
    assert_eq!(w.feeds[0].title, "Deals desk");
    assert_eq!(w.feeds[0].seen, vec!["a1", "a2"]);
    assert!(w.feeds[0].last_checked.is_some());
    // Again: still one subscription, the file untouched.
    let before = std::fs::read(&ws).unwrap();
    let (code, out, errs) = run();
    assert_eq!(code, 0, "{out}{errs}");
    assert!(out.contains("skipped 2 feed entries"), "{out}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // The source of each field is kept with the document and survives a save.
    let story = w
        .documents
        .iter()
        .find(|d| d.title == "Undated chip story")
        .unwrap();
    let from = |f: &str| {
        story
            .import_marks
            .field_sources
            .iter()
            .find(|s| s.field == f)
            .map(|s| s.from.as_str())
    };
    assert_eq!(from("published"), Some("feed entry"));
    assert_eq!(from("author"), Some("feed entry"));
    assert!(from("title").is_some());
}

/// Metadata failure classes of the second hand check (pages written for it): a syndicated story
/// whose JSON-LD publisher is the wire agency, a title signed with a site name plus section or
/// with the site's address, a JSON-LD spelling of the site name that differs from the title's, a
/// search headline beside the heading the page shows, a UTC time stamp late in the evening in
/// the Americas, a wire story signed by the agency, a byline in Russian in an `itemprop` list.
#[test]
fn metadata_second_round_failure_classes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "<p>Harborline Compute agreed to supply accelerator capacity worth $1.2 billion \
        over four years to a research lab based in Oslo, according to a filing seen on Tuesday.</p>\
        <p>The agreement follows a smaller pilot signed in the spring, when the lab rented two \
        hundred machines for its language models and paid monthly.</p>\
        <p>Neither company said how the payments would be spread, and a spokesperson declined to \
        comment further on the terms or the lab's other suppliers.</p>";
    let read = |name: &str, head: &str, top: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!("<html><head>{head}</head><body><article>{top}{body}</article></body></html>"),
        )
        .expect("write page");
        import_file(&path, &opts())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .document
    };
    let ld = |json: &str| format!("<script type=\"application/ld+json\">{json}</script>");
    // The site's own name, not the agency that syndicated the story.
    let d = read(
        "wire.html",
        &format!(
            "<title>Lab signs compute supply deal</title>\
             <meta property=\"og:site_name\" content=\"Lakeside Herald\">{}",
            ld(
                r#"{"@type":"NewsArticle","headline":"Lab signs compute supply deal","datePublished":"2025-10-07T15:00:00-04:00","author":{"@type":"Person","name":"Reuters"},"publisher":{"@type":"Organization","name":"Associated Press"}}"#
            )
        ),
        "<h1>Lab signs compute supply deal</h1>",
    );
    assert_eq!(d.outlet, "Lakeside Herald");
    assert_eq!(
        d.author.as_deref(),
        Some("Reuters"),
        "a wire story's byline"
    );
    // A title signed with the site name and its section: the site name.
    let d = read(
        "section.html",
        "<title>Why the lab chose four years - NorthwindTech</title>\
         <meta property=\"og:site_name\" content=\"Northwind\">",
        "<h1>Why the lab chose four years</h1>",
    );
    assert_eq!(d.outlet, "Northwind");
    assert_eq!(d.title, "Why the lab chose four years");
    // A title signed with the site's address, a handle as the only other name.
    let d = read(
        "address.html",
        "<title>The lab and its new supplier of machines — www.fjordpost.no</title>\
         <meta name=\"twitter:site\" content=\"@Fjord_\">",
        "<h1>The lab and its new supplier of machines</h1>",
    );
    assert_eq!(d.outlet, "fjordpost.no");
    // The title's spelling of the site name over the JSON-LD one.
    let d = read(
        "spelling.html",
        &format!(
            "<title>Oslo lab signs its largest deal | Nord Kurier</title>\
             <meta property=\"og:site_name\" content=\"Nord Kurier\">{}",
            ld(
                r#"{"@type":"NewsArticle","headline":"Oslo lab signs its largest deal","publisher":{"@type":"Organization","name":"Nord-Kurier"}}"#
            )
        ),
        "<h1>Oslo lab signs its largest deal</h1>",
    );
    assert_eq!(d.outlet, "Nord Kurier");
    // A headline written for search engines beside the one the page and its sharing card show.
    let d = read(
        "search_headline.html",
        &format!(
            "<title>Oslo compute deal: what the lab pays for capacity - Vantage</title>\
             <meta property=\"og:title\" content=\"The quiet deal behind the lab's new models\">{}",
            ld(
                r#"{"@type":"NewsArticle","headline":"Oslo compute deal: what the lab pays for capacity"}"#
            )
        ),
        "<h1>The quiet deal behind the lab's new models</h1>",
    );
    assert_eq!(d.title, "The quiet deal behind the lab's new models");
    // 03:40 UTC on the 12th is the evening of the 11th where the page was written and read.
    let d = read(
        "utc.html",
        "<title>Lab deal closes late - Coast Daily</title>\
         <meta property=\"article:published_time\" content=\"2025-11-12T03:40:00Z\">",
        "<h1>Lab deal closes late</h1>\
         <time datetime=\"2025-11-12T03:40:00Z\">10:40 pm EST, Tuesday, November 11, 2025</time>",
    );
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-11-11")
    );
    // The same UTC stamp shown with the same day stays.
    let d = read(
        "utc_same.html",
        "<title>Lab deal closes - Coast Daily</title>\
         <meta property=\"article:published_time\" content=\"2025-11-12T15:40:00Z\">",
        "<h1>Lab deal closes</h1>\
         <time datetime=\"2025-11-12T15:40:00Z\">10:40 am EST, November 12, 2025</time>",
    );
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-11-12")
    );
    // A byline in an itemprop list, in Russian.
    let d = read(
        "russian.html",
        "<title>Лаборатория подписала контракт</title>",
        "<h1>Лаборатория подписала контракт</h1>\
         <p><span itemprop=\"author creator\">Текст: Вера Ольхова</span> · 24 сентября 2025</p>",
    );
    assert_eq!(d.author.as_deref(), Some("Вера Ольхова"));
}
