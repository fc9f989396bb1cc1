//! Saved web pages (`.html`/`.htm`): parsed with `scraper` (html5ever, the browser-grade HTML5
//! parser) into readable article text.
//!
//! The text comes from the page's `<article>` (the one with the most text), else `<main>`, else
//! `<body>`. Inside it, scripts, styles, forms, navigation, asides, footers, site headers (a
//! `<header>` without the headline), hidden elements, ARIA landmarks that are not content, and
//! elements whose class or id names an ad, share bar, newsletter box, related-links list or comment
//! section are dropped. Metadata comes from `og:` / `article:` meta tags, `<title>`, the first
//! `<h1>`, `<time datetime>` and the canonical link, with the plain-text rules as a fallback.
//! A page saved in a legacy charset it declares (`<meta charset="windows-1252">`) is decoded with
//! `encoding_rs` (the WHATWG encodings, as browsers do).

use super::text::TextBuilder;
use super::{Extracted, ImportError, decode_text, finish_text, meta};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use std::path::Path;
use std::sync::LazyLock;

/// Elements whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg",
    "select", "input", "textarea", "canvas", "video", "audio", "object", "embed", "head", "footer",
    "menu", "dialog", "img", "picture",
];
/// ARIA roles of page furniture.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
];
/// Parts of class and id names (split at `-`, `_` and spaces) that mark furniture.
const DROP_NAME_PARTS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "promo",
    "sponsor",
    "sponsored",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "cookies",
    "comment",
    "comments",
    "sidebar",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "outbrain",
    "taboola",
    "recirc",
    "paywall",
    "signup",
    "trending",
];
/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "table",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "hr",
    "address",
    "header",
    "body",
];

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("static selector {s:?}: {e}"))
}

static ROOTS: LazyLock<[Selector; 3]> =
    LazyLock::new(|| [sel("article"), sel("main, [role=main]"), sel("body")]);
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));

/// Reads an HTML page into article text and metadata.
pub fn import(path: &Path, bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut ex = Extracted::default();
    let source = match declared_encoding(bytes) {
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                // Same warning as for UTF-8: some bytes did not fit the declared charset.
                let mut w = Vec::new();
                decode_text(bytes, &mut w);
                ex.warnings.extend(w);
            }
            text.replace("\r\n", "\n")
        }
        None => decode_text(bytes, &mut ex.warnings),
    };
    let doc = Html::parse_document(&source);
    read_meta(&doc, &mut ex);
    let root = pick_root(&doc);
    let mut b = TextBuilder::default();
    let root_len = text_len(root);
    walk(root, &mut b, root_len, true);
    ex.text = finish_text(b.finish());
    if ex.text.trim().is_empty() {
        return Err(ImportError::NoText {
            path: path.to_owned(),
            why: "the page has no article text outside scripts, navigation and asides".into(),
        });
    }
    meta::fill_from_text(&mut ex);
    Ok(ex)
}

/// A non-UTF-8 charset declared in the page's head (`<meta charset="windows-1252">` or the
/// `http-equiv` form), as saved by browsers for older pages; `None` for UTF-8 or no declaration.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta[^>]*charset\s*=\s*["']?([a-z0-9_:.\-]+)"#)
            .expect("static regex: meta charset")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let enc = encoding_rs::Encoding::for_label(label)?;
    // A page that is valid UTF-8 is read as UTF-8 whatever it claims.
    (enc != encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_err()).then_some(enc)
}

/// The element holding the article: the longest `<article>`, else `<main>`, else `<body>`.
fn pick_root(doc: &Html) -> ElementRef<'_> {
    for s in ROOTS.iter() {
        let best = doc
            .select(s)
            .max_by_key(|e| e.text().map(|t| t.trim().len()).sum::<usize>());
        if let Some(e) = best {
            return e;
        }
    }
    doc.root_element()
}

fn text_len(el: ElementRef<'_>) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

/// Writes the readable text under `el`; `root_len` is the root's text length.
fn walk(el: ElementRef<'_>, b: &mut TextBuilder, root_len: usize, is_root: bool) {
    let e = el.value();
    let name = e.name();
    if !is_root && is_furniture(el, e, root_len) {
        return;
    }
    let block = BLOCK_TAGS.contains(&name);
    if block {
        b.block_break();
    }
    match name {
        "br" => b.line_break(),
        "li" => {
            b.line_break();
            b.text("- ");
        }
        "tr" => b.line_break(),
        "td" | "th" => b.text(" "),
        "pre" => {
            b.block_break();
            b.preformatted(&el.text().collect::<String>());
            b.block_break();
            return;
        }
        _ => {}
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => b.text(t),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, b, root_len, false);
                }
            }
            _ => {}
        }
    }
    if block || name == "li" {
        if block {
            b.block_break();
        } else {
            b.line_break();
        }
    }
}

/// Whether an element is page furniture rather than article text. A class or id name alone
/// (`has-ads`, `share`) never drops an element holding half of the article's text or more.
fn is_furniture(el: ElementRef<'_>, e: &Element, root_len: usize) -> bool {
    let name = e.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if name == "header" && el.select(&H1).next().is_none() {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
    {
        return true;
    }
    if e.attr("role").is_some_and(|r| DROP_ROLES.contains(&r)) {
        return true;
    }
    let named = e.classes().chain(e.id()).any(|n| {
        n.split(['-', '_'])
            .any(|part| DROP_NAME_PARTS.contains(&part.to_ascii_lowercase().as_str()))
    });
    named && text_len(el) * 2 < root_len
}

fn first_attr(doc: &Html, selectors: &[&str], attr: &str) -> Option<String> {
    selectors.iter().find_map(|s| {
        doc.select(&sel(s))
            .filter_map(|e| e.attr(attr))
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|v| !v.is_empty())
    })
}

fn first_text(doc: &Html, selector: &str) -> Option<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

/// Title, outlet, author, date and URL from the page's tags.
fn read_meta(doc: &Html, ex: &mut Extracted) {
    ex.outlet = first_attr(
        doc,
        &[
            "meta[property='og:site_name']",
            "meta[name='application-name']",
            "meta[name='publisher']",
        ],
        "content",
    );
    let title_tag = first_text(doc, "head title").map(|t| strip_site(&t, ex.outlet.as_deref()));
    ex.title = first_attr(
        doc,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
        "content",
    )
    .or(title_tag)
    .or_else(|| first_text(doc, "h1"));
    ex.author = first_attr(
        doc,
        &["meta[name='author']", "meta[property='article:author']"],
        "content",
    )
    .filter(|a| !a.starts_with("http"))
    .or_else(|| first_text(doc, "[rel='author'], [itemprop='author']"));
    let date = first_attr(
        doc,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='dc.date']",
        ],
        "content",
    )
    .or_else(|| first_attr(doc, &["time[datetime]"], "datetime"));
    ex.published = date.as_deref().and_then(meta::parse_machine_date);
    ex.url = first_attr(doc, &["link[rel='canonical']"], "href")
        .or_else(|| first_attr(doc, &["meta[property='og:url']"], "content"));
}

/// `Headline | Site` → `Headline` when the site is known.
fn strip_site(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_furniture_and_keeps_the_article() {
        let page = r#"<!doctype html><html><head><title>Big Deal | Wire</title>
<meta property="og:site_name" content="Wire"><meta name="author" content="Sam Lee">
<meta property="article:published_time" content="2025-12-17T05:57:00Z">
<link rel="canonical" href="https://wire.example/big-deal">
<style>.x{color:red}</style><script>var ad = "$999";</script></head>
<body><header><a href="/">Wire home</a><nav><a>Markets</a></nav></header>
<article><header><h1>Big Deal</h1></header>
<p>First   paragraph with <b>bold</b> text.</p>
<div class="ad-slot">Buy now for $5</div>
<p>Second paragraph.<br>New line.</p>
<ul><li>point one</li><li>point two</li></ul>
<aside>Related: other story</aside>
<div hidden>secret</div>
<footer>Tags: deals</footer></article>
<footer>Copyright Wire</footer></body></html>"#;
        let ex = import(Path::new("p.html"), page.as_bytes()).unwrap();
        assert_eq!(ex.title.as_deref(), Some("Big Deal"));
        assert_eq!(ex.outlet.as_deref(), Some("Wire"));
        assert_eq!(ex.author.as_deref(), Some("Sam Lee"));
        assert_eq!(ex.url.as_deref(), Some("https://wire.example/big-deal"));
        assert_eq!(
            ex.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            ex.text,
            "Big Deal\n\nFirst paragraph with bold text.\n\nSecond paragraph.\nNew line.\n\n- point one\n- point two\n"
        );
    }

    #[test]
    fn a_furniture_class_name_never_drops_the_story_itself() {
        let page = r#"<html><body><div class="story with-ads">
<p>The first paragraph of the story, long enough to be the main text here.</p>
<div class="ad">Buy things</div>
<p>The second paragraph of the story, which is also part of the main text.</p>
</div></body></html>"#;
        let ex = import(Path::new("p.html"), page.as_bytes()).unwrap();
        assert!(ex.text.contains("first paragraph"), "{}", ex.text);
        assert!(ex.text.contains("second paragraph"), "{}", ex.text);
        assert!(!ex.text.contains("Buy things"), "{}", ex.text);
    }

    #[test]
    fn declared_legacy_charset_is_decoded() {
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 \x80 deal</title></head><body><p>Price \x805 million \x96 agreed.</p></body></html>";
        let ex = import(Path::new("p.html"), page).unwrap();
        assert_eq!(ex.title.as_deref(), Some("Caf\u{e9} \u{20ac} deal"));
        assert_eq!(ex.text, "Price \u{20ac}5 million \u{2013} agreed.\n");
        assert!(ex.warnings.is_empty(), "{:?}", ex.warnings);
        // Undeclared: replaced, with a warning.
        let ex = import(Path::new("p.html"), b"<p>Caf\xe9</p>").unwrap();
        assert_eq!(ex.text, "Caf\u{FFFD}\n");
        assert_eq!(ex.warnings.len(), 1);
    }

    #[test]
    fn page_of_scripts_only_has_no_text() {
        let page = b"<html><head><script>x()</script></head><body><nav>menu</nav></body></html>";
        assert!(matches!(
            import(Path::new("p.html"), page),
            Err(ImportError::NoText { .. })
        ));
    }
}
