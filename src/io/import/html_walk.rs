//! Turns a parsed HTML page into the document text the Reader shows, and notes where in that
//! text each kind of page furniture landed, so that [`super::article`] can mark it as excluded
//! instead of silently dropping it.
//!
//! Only what a browser never shows as text is dropped here: scripts, styles, templates, form
//! controls, hidden elements, and navigation menus (`<nav>`, `role=navigation`). Everything else
//! under `<body>` becomes text. The walk is iterative (ego-tree's `traverse`), so a page nested
//! 20,000 levels deep costs heap, not stack: the GUI's import worker has a small stack.

use super::text::TextBuilder;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use std::ops::Range;

/// Elements whose content is never shown as text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "button", "iframe", "svg", "select", "input",
    "textarea", "canvas", "video", "audio", "object", "embed", "head", "menu", "dialog", "img",
    "picture", "option", "datalist", "math",
];
/// ARIA roles whose content is never article text.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];
/// Container tags that are page furniture when they do not hold the headline.
const FURNITURE_TAGS: &[&str] = &["aside", "footer", "form"];
/// ARIA landmarks of page furniture.
const FURNITURE_ROLES: &[&str] = &["banner", "contentinfo", "complementary", "alert"];
/// Parts of class and id names (split at `-`, `_`) that mark furniture.
const FURNITURE_NAME_PARTS: &[&str] = &[
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
    "byline",
    "bio",
    "donate",
    "donation",
    "popular",
    "teaser",
    "teasers",
    "rail",
    "menu",
    "footer",
    "masthead",
];
/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "footer",
    "nav",
    "form",
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
    "center",
    "details",
    "summary",
    "fieldset",
    "legend",
    "caption",
];

/// The page as text, with the byte ranges (into `text`) that the fallback rules need.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The readable text of `<body>`, blocks separated by blank lines.
    pub text: String,
    /// Text inside `<a href>` links.
    pub links: Vec<Range<usize>>,
    /// Text inside elements our own rules call furniture (asides, footers, class names).
    pub furniture: Vec<Range<usize>>,
    /// Text of each `<article>`, `<main>` or `role=main` element.
    pub articles: Vec<Range<usize>>,
    /// Text of each `<h1>`.
    pub headings: Vec<Range<usize>>,
    /// The deepest element nesting seen.
    pub depth: usize,
}

/// What an open element started, to be closed when the walk leaves it.
struct Frame {
    block: bool,
    li: bool,
    link_from: Option<usize>,
    furniture_from: Option<usize>,
    article_from: Option<usize>,
    h1_from: Option<usize>,
}

/// Renders `<body>` (or the whole document when it has none) to text.
pub fn render(doc: &Html) -> Rendered {
    let root = body(doc);
    let mut out = Rendered::default();
    let mut b = TextBuilder::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => b.text(t),
                    Node::Element(e) => {
                        let Some(el) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if node.id() != root.id() && is_dropped(e) {
                            skip = Some(node.id());
                            continue;
                        }
                        if e.name() == "pre" {
                            b.block_break();
                            b.preformatted(&el.text().collect::<String>());
                            b.block_break();
                            skip = Some(node.id());
                            continue;
                        }
                        stack.push(open(el, e, &mut b));
                        out.depth = out.depth.max(stack.len());
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if !matches!(node.value(), Node::Element(_)) {
                    continue;
                }
                if let Some(f) = stack.pop() {
                    close(f, &mut b, &mut out);
                }
            }
        }
    }
    out.text = b.finish();
    // A range opened before a pending space or break starts at that white space: skip it.
    let text = &out.text;
    for ranges in [
        &mut out.links,
        &mut out.furniture,
        &mut out.articles,
        &mut out.headings,
    ] {
        for r in ranges.iter_mut() {
            let lead = text[r.clone()].len() - text[r.clone()].trim_start().len();
            r.start += lead;
        }
    }
    out
}

/// `<body>`, else the root element.
fn body(doc: &Html) -> ElementRef<'_> {
    doc.root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element())
}

fn open(el: ElementRef<'_>, e: &Element, b: &mut TextBuilder) -> Frame {
    let name = e.name();
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
        _ => {}
    }
    let here = b.len();
    Frame {
        block,
        li: name == "li",
        link_from: (name == "a" && e.attr("href").is_some()).then_some(here),
        furniture_from: is_furniture(el, e).then_some(here),
        article_from: (matches!(name, "article" | "main") || e.attr("role") == Some("main"))
            .then_some(here),
        h1_from: (name == "h1").then_some(here),
    }
}

fn close(f: Frame, b: &mut TextBuilder, out: &mut Rendered) {
    let here = b.len();
    let note = |from: Option<usize>, to: &mut Vec<Range<usize>>| {
        if let Some(from) = from
            && here > from
        {
            to.push(from..here);
        }
    };
    note(f.link_from, &mut out.links);
    note(f.furniture_from, &mut out.furniture);
    note(f.article_from, &mut out.articles);
    note(f.h1_from, &mut out.headings);
    if f.block {
        b.block_break();
    } else if f.li {
        b.line_break();
    }
}

/// Never shown as text: dropped from the document.
fn is_dropped(e: &Element) -> bool {
    DROP_TAGS.contains(&e.name())
        || e.attr("role").is_some_and(|r| DROP_ROLES.contains(&r))
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Page furniture by our own rules: kept in the text, marked excluded when no extractor decides.
fn is_furniture(el: ElementRef<'_>, e: &Element) -> bool {
    let name = e.name();
    let holds_h1 = || {
        el.descendants()
            .any(|n| n.value().as_element().is_some_and(|c| c.name() == "h1"))
    };
    if (FURNITURE_TAGS.contains(&name) || name == "header") && !holds_h1() {
        return true;
    }
    if e.attr("role").is_some_and(|r| FURNITURE_ROLES.contains(&r)) {
        return true;
    }
    e.classes().chain(e.id()).any(|n| {
        n.split(['-', '_'])
            .any(|part| FURNITURE_NAME_PARTS.contains(&part.to_ascii_lowercase().as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_thousand_levels_do_not_overflow_the_stack() {
        let n = 20_000;
        let page = format!(
            "<html><body>{}<p>deep words here</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        // Run on a small stack, like the GUI's import worker.
        let r = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let doc = Html::parse_document(&page);
                render(&doc)
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(r.text, "deep words here");
        assert!(r.depth > 100, "{}", r.depth);
    }

    #[test]
    fn notes_links_furniture_and_articles() {
        let doc = Html::parse_document(
            r#"<body><nav>Home</nav><article><h1>Head</h1><p>Body <a href="/x">link</a>.</p>
<div class="sidebar">Side</div></article><script>x()</script></body>"#,
        );
        let r = render(&doc);
        assert_eq!(r.text, "Head\n\nBody link.\n\nSide");
        let at = |rs: &[Range<usize>]| rs.iter().map(|x| &r.text[x.clone()]).collect::<Vec<_>>();
        assert_eq!(at(&r.links), vec!["link"]);
        assert_eq!(at(&r.furniture), vec!["Side"]);
        assert_eq!(at(&r.headings), vec!["Head"]);
        assert_eq!(at(&r.articles), vec!["Head\n\nBody link.\n\nSide"]);
    }
}
