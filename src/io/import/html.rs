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

use super::{
    Extracted, ImportError, article, decode_text, finish_text, html_author, html_meta, html_walk,
    meta,
};
use scraper::Html;
use std::path::Path;
use std::sync::LazyLock;

/// Reads an HTML page into the document text, its excluded ranges and metadata.
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
    let mut rendered = html_walk::render(&doc);
    drop(doc);
    rendered.text = finish_text(std::mem::take(&mut rendered.text));
    if rendered.text.trim().is_empty() {
        return Err(ImportError::NoText {
            path: path.to_owned(),
            why: "the page has no text outside scripts, styles and navigation".into(),
        });
    }
    let decision = article::excluded(&source, &rendered);
    ex.excluded = decision.excluded;
    ex.text = rendered.text;
    fill_from_article_text(&mut ex, &decision.meta_lines);
    exclude_headline(&mut ex);
    Ok(ex)
}

/// How many of the article's first lines may be the headline.
const HEADLINE_REACH: usize = 3;

/// The headline among the article's first kept lines: the document's title holds it,
/// so it is marked excluded like the page's other furniture (it stays in the text, greyed).
fn exclude_headline(ex: &mut Extracted) {
    let Some(title) = ex.title.as_deref() else {
        return;
    };
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title = key(title);
    // Among the first few lines not inside an excluded range (a site name or section line may
    // come before it).
    let mut seen = 0;
    let mut pos = 0;
    let mut ranges = ex.excluded.iter().peekable();
    for line in ex.text.split_inclusive('\n') {
        let span = pos..pos + line.trim_end_matches('\n').len();
        pos += line.len();
        while ranges.peek().is_some_and(|r| r.end <= span.start) {
            ranges.next();
        }
        let excluded = ranges
            .peek()
            .is_some_and(|r| r.start <= span.start && span.end <= r.end);
        if excluded || line.trim().is_empty() {
            continue;
        }
        if key(line) == title {
            ex.excluded.push(crate::model::TextRange {
                start: span.start,
                end: span.end,
            });
            ex.excluded.sort_by_key(|r| (r.start, r.end));
            return;
        }
        seen += 1;
        if seen == HEADLINE_REACH || line.split_whitespace().count() > 20 {
            return;
        }
    }
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

/// Title, outlet, author, date and URL from the page's tags, noting where each came from.
fn read_meta(doc: &Html, ex: &mut Extracted) {
    let m = html_meta::read(doc);
    let mut note = |field: &'static str, from: &'static str| ex.sources.push((field, from));
    if let Some((v, from)) = m.title {
        ex.title = Some(v);
        note("title", from);
    }
    if let Some((v, from)) = m.outlet {
        ex.outlet = Some(v);
        note("outlet", from);
    }
    if let Some((v, from)) = m.author {
        ex.author = Some(v);
        note("author", from);
    }
    if let Some((v, from)) = m.published {
        ex.published = Some(v);
        note("published", from);
    }
    if let Some((v, from)) = m.url {
        ex.url = Some(v);
        note("url", from);
    }
}

/// Fills what the tags did not give from the article's own first lines (a visible byline or
/// dateline), read from the text minus its excluded ranges, with the byline and time-stamp
/// lines (`meta_lines`) that were excluded from the article put back for this reading.
fn fill_from_article_text(ex: &mut Extracted, meta_lines: &[std::ops::Range<usize>]) {
    let mut kept = String::new();
    let mut at = 0;
    for r in &ex.excluded {
        kept.push_str(&ex.text[at..r.start]);
        kept.push('\n');
        for m in meta_lines
            .iter()
            .filter(|m| r.start <= m.start && m.end <= r.end)
        {
            kept.push_str(&ex.text[m.clone()]);
            kept.push('\n');
        }
        at = r.end;
    }
    kept.push_str(&ex.text[at..]);
    // The reader takes the first line for the headline: when the headline itself was excluded,
    // a byline put back must not take its place.
    let first = kept.lines().map(str::trim).find(|l| !l.is_empty());
    if let Some(t) = ex.title.as_deref()
        && first.is_some_and(|f| f != t)
    {
        kept = format!("{t}\n{kept}");
    }
    let mut probe = Extracted {
        text: kept,
        title: ex.title.clone(),
        outlet: ex.outlet.clone(),
        author: ex.author.clone(),
        published: ex.published,
        ..Default::default()
    };
    meta::fill_from_text(&mut probe);
    if ex.author.is_none()
        && let Some(a) = meta_lines
            .iter()
            .map(|m| &ex.text[m.clone()])
            .filter(|l| article::is_byline(l))
            .find_map(|l| html_author::clean_author(article::unbullet(l), ex.outlet.as_deref()))
    {
        ex.author = Some(a);
        ex.sources.push(("author", "byline in the text"));
    }
    if ex.author.is_none()
        && let Some(a) = probe
            .author
            .and_then(|a| html_author::clean_author(&a, ex.outlet.as_deref()))
    {
        ex.author = Some(a);
        ex.sources.push(("author", "byline in the text"));
    }
    // The byline or time-stamp lines of the story say when it was published as its readers
    // saw it; a machine date a day off is the same moment in another time zone (UTC).
    let shown = meta_lines
        .iter()
        .find_map(|m| meta::parse_date(&ex.text[m.clone()]));
    match (ex.published, shown) {
        (None, Some(d)) => {
            ex.published = Some(d);
            ex.sources.push(("published", "dateline in the text"));
        }
        (Some(p), Some(d)) if p != d && html_meta::one_day_apart(p, d) => {
            ex.published = Some(d);
            ex.sources.retain(|(f, _)| *f != "published");
            ex.sources.push(("published", "dateline in the text"));
        }
        _ => {}
    }
    if ex.published.is_none() && probe.published.is_some() {
        ex.published = probe.published;
        ex.sources.push(("published", "dateline in the text"));
    }
    if ex.outlet.is_none() && probe.outlet.is_some() {
        ex.outlet = probe.outlet;
        ex.sources.push(("outlet", "source line in the text"));
    }
    if ex.title.is_none() && probe.title.is_some() {
        ex.title = probe.title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(ex: &Extracted) -> String {
        let mut s = String::new();
        let mut at = 0;
        for r in &ex.excluded {
            s.push_str(&ex.text[at..r.start]);
            at = r.end;
        }
        s.push_str(&ex.text[at..]);
        s
    }

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
        let kept = kept(&ex);
        for k in [
            "First paragraph with bold text.",
            "Second paragraph.\nNew line.",
        ] {
            assert!(kept.contains(k), "{k:?} not in {kept:?}");
        }
        for d in [
            "Buy now for $5",
            "Copyright Wire",
            "Wire home",
            "secret",
            "var ad",
        ] {
            assert!(!kept.contains(d), "{d:?} in {kept:?}");
        }
    }

    #[test]
    fn the_headline_is_excluded_below_a_site_name_line() {
        let page = r#"<html><head><title>Kiln maker hires forty people</title></head><body>
<div class="blogname">The Kiln Blog</div><h2>Kiln maker hires forty people</h2>
<p>A maker of electric kilns will hire forty people for its new plant, the company said on Monday, after a year of strong orders.</p>
<p>The plant opens in the spring and will double the number of kilns it can build each month.</p></body></html>"#;
        let ex = import(Path::new("p.html"), page.as_bytes()).unwrap();
        let k = kept(&ex);
        assert!(!k.contains("Kiln maker hires forty people"), "{k}");
        assert!(ex.text.contains("Kiln maker hires forty people"));
        assert!(
            k.contains("will hire forty people for its new plant"),
            "{k}"
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
        let kept = kept(&ex);
        assert!(kept.contains("first paragraph"), "{kept}");
        assert!(kept.contains("second paragraph"), "{kept}");
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
