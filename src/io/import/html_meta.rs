//! A web page's metadata, read the way a reference manager does: JSON-LD (`NewsArticle`,
//! `Article`, `BlogPosting`…: headline, dates, author, publisher), OpenGraph, Dublin Core and any
//! other `<meta>` name or property (matched in any case), `twitter:site`, then visible bylines and
//! `<time>` elements. Each field keeps the name of the source it came from, shown on import.
//!
//! Clean-ups: the title loses a site-name suffix (`Headline | Site`) and a headline shortened for
//! sharing gives way to the page's own; the outlet is the site name the title tag agrees with;
//! the author is names only ([`super::html_author`]); a publication date is preferred over a
//! modification date.

use super::html_author::clean_author;
use super::meta;
use crate::model::FuzzyDate;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Metadata found in a page, each with where it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<(String, &'static str)>,
    /// Publisher.
    pub outlet: Option<(String, &'static str)>,
    /// Author names, comma-separated.
    pub author: Option<(String, &'static str)>,
    /// Publication date.
    pub published: Option<(FuzzyDate, &'static str)>,
    /// Canonical address.
    pub url: Option<(String, &'static str)>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("static selector {s:?}: {e}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime], [itemprop][datetime]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[rel=author], [itemprop~=author], [class*=byline], [class*=author-name], [class*=authorName], [class*=article-author], [class*=author] a, [data-testid*=byline]",
    )
});

/// Reads a page's metadata.
pub fn read(doc: &Html) -> PageMeta {
    let metas = meta_map(doc);
    let ld = json_ld(doc);
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .get(*k)
                .and_then(|vs| vs.iter().find(|v| !v.is_empty()))
                .cloned()
        })
    };
    // Every place that names the site, in order of trust; the title tag's last part settles
    // between them (a JSON-LD publisher `DH News Service` against the `Deccan Herald` the pages
    // are titled with) and replaces a handle-like form of itself (`SputnikInt`).
    // The site's own OpenGraph name comes before the JSON-LD publisher: a syndicated story's
    // publisher is often the agency (`Associated Press` on a Times Union page), while readers saw
    // the site.
    let candidates: Vec<(String, &'static str)> = [
        get(&["og:site_name"]).map(|v| (v, "OpenGraph site name")),
        ld.as_ref()
            .and_then(|a| a.publisher.clone())
            .map(|p| (p, "JSON-LD publisher")),
        get(&["application-name"]).map(|v| (v, "meta name application-name")),
        get(&["dc.publisher", "dcterms.publisher", "publisher"]).map(|v| (v, "Dublin Core")),
        get(&["twitter:site"])
            .map(|v| v.trim_start_matches('@').to_owned())
            .map(|v| (v, "Twitter card site")),
    ]
    .into_iter()
    .flatten()
    // A site name with a list of sections after it (`Autoracing | F1 | Indy`) is its first part.
    .map(|(o, from)| (first_segment(&o), from))
    .filter(|(o, _)| !o.is_empty())
    .collect();
    let title_tag = doc
        .select(&TITLE)
        .next()
        .map(|e| squash(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let suffix = title_tag.as_deref().and_then(title_suffix);
    let outlet = match &suffix {
        Some(sfx) => {
            let sk = name_key(sfx);
            // The form the title shows (`Al Bawaba`) before one that only spells it alike
            // (`Al-Bawaba`); a site name the title extends with a section (`CNN` in
            // `CNNPolitics`) before the section.
            candidates
                .iter()
                .find(|(o, _)| o == sfx)
                .or_else(|| candidates.iter().find(|(o, _)| name_key(o) == sk))
                .or_else(|| {
                    candidates.iter().find(|(o, _)| {
                        o.len() >= 3
                            && sfx
                                .strip_prefix(o.as_str())
                                .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
                    })
                })
                .cloned()
                .or_else(|| {
                    candidates
                        .iter()
                        .find(|(o, _)| {
                            let ok = name_key(o);
                            ok.len() >= 3 && (sk.contains(&ok) || ok.contains(&sk))
                        })
                        .map(|_| (sfx.clone(), "site name after the title"))
                })
                .or_else(|| candidates.first().cloned())
                .or_else(|| Some((sfx.clone(), "site name after the title")))
        }
        None => candidates.first().cloned(),
    }
    .or_else(|| {
        // Nothing names the site: its address does, as a reference manager shows it.
        page_host(doc, &metas).map(|h| (h, "web address"))
    });
    let site = outlet.as_ref().map(|(o, _)| o.as_str());
    let raw_title = ld
        .as_ref()
        .and_then(|a| a.headline.clone())
        .map(|t| (t, "JSON-LD headline"))
        .or_else(|| get(&["og:title"]).map(|v| (v, "OpenGraph title")))
        .or_else(|| get(&["twitter:title"]).map(|v| (v, "Twitter card title")))
        .or_else(|| get(&["dc.title", "dcterms.title"]).map(|v| (v, "Dublin Core")))
        .or_else(|| title_tag.clone().map(|v| (v, "title tag")))
        .or_else(|| {
            doc.select(&H1)
                .map(|e| squash(&e.text().collect::<String>()))
                .find(|t| !t.is_empty())
                .map(|v| (v, "first heading"))
        });
    let title = raw_title.map(|(t, from)| (strip_site(&t, site, title_tag.as_deref()), from));
    // A headline shortened for sharing (`… tariffs and trade` for the page's `… tariffs and
    // international trade`): the page's own first heading, when it says the same and a little
    // more.
    let h1 = doc
        .select(&H1)
        .map(|e| squash(&e.text().collect::<String>()))
        .find(|t| !t.is_empty());
    // The page's heading also wins when a second metadata title says the same (OpenGraph and
    // the heading `The law that's helping …` against a JSON-LD headline written for search).
    let same_as_h1 = |h: &str| {
        ["og:title", "twitter:title"]
            .iter()
            .filter_map(|k| get(&[k]))
            .any(|v| name_key(&strip_site(&v, site, title_tag.as_deref())) == name_key(h))
    };
    let title = match (title, h1) {
        (Some((t, from)), Some(h)) if from != "first heading" && extends(&h, &t) => {
            Some((h, "first heading"))
        }
        (Some((t, from)), Some(h))
            if from == "JSON-LD headline" && name_key(&h) != name_key(&t) && same_as_h1(&h) =>
        {
            Some((h, "first heading"))
        }
        (t, _) => t,
    };

    let author = ld
        .as_ref()
        .and_then(|a| a.author.clone())
        .and_then(|a| clean_author(&a, site))
        .map(|a| (a, "JSON-LD author"))
        .or_else(|| {
            [
                ("author", "meta name author"),
                ("article:author", "OpenGraph article author"),
                ("dc.creator", "Dublin Core"),
                ("dcterms.creator", "Dublin Core"),
                ("sailthru.author", "meta name sailthru.author"),
                ("parsely-author", "meta name parsely-author"),
                ("byl", "meta name byl"),
            ]
            .iter()
            .find_map(|(k, from)| {
                metas
                    .get(*k)?
                    .iter()
                    .find_map(|v| clean_author(v, site))
                    .map(|a| (a, *from))
            })
        })
        .or_else(|| visible_byline(doc, site).map(|a| (a, "byline on the page")));

    let date = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .get(*k)?
                .iter()
                .find_map(|v| meta::parse_machine_date(v))
        })
    };
    let published = ld
        .as_ref()
        .and_then(|a| a.published.as_deref())
        .and_then(meta::parse_machine_date)
        .map(|d| (d, "JSON-LD publication date"))
        .or_else(|| {
            date(&[
                "article:published_time",
                "article:published",
                "og:published_time",
                "datepublished",
                "published_time",
                "sailthru.date",
                "parsely-pub-date",
                "pubdate",
                "publish-date",
                "publishdate",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "date",
                "article.published",
                "cxenseparse:recs:publishtime",
            ])
            .map(|d| (d, "meta published date"))
        })
        .or_else(|| {
            doc.select(&TIME)
                .filter(|e| !in_comments(*e))
                .find_map(|e| e.attr("datetime").and_then(meta::parse_machine_date))
                .map(|d| (d, "time element"))
        })
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.modified.as_deref())
                .and_then(meta::parse_machine_date)
                .map(|d| (d, "JSON-LD modification date"))
        })
        .or_else(|| {
            date(&["article:modified_time", "og:updated_time", "datemodified"])
                .map(|d| (d, "meta modified date"))
        });

    // A time stamp in UTC (`…T04:26:47Z`) names the day in London; a `<time>` element that
    // carries the same day in its machine form and the day before or after in its text
    // (`11:26 pm EST, Tuesday, November 19`) says which day the page's readers saw.
    let published = match published {
        Some((d, _)) => doc
            .select(&TIME)
            .filter(|e| !in_comments(*e))
            .find_map(|e| {
                let machine = e.attr("datetime")?;
                let utc = machine.ends_with('Z')
                    || machine.ends_with("+00:00")
                    || machine.ends_with("+0000");
                let shown = meta::parse_date(&squash(&e.text().collect::<String>()))?;
                (utc && meta::parse_machine_date(machine) == Some(d) && one_day_apart(d, shown))
                    .then_some((shown, "time element as shown"))
            })
            .or(published),
        None => None,
    };

    let url = canonical_href(doc)
        .map(|h| (h, "canonical link"))
        .or_else(|| get(&["og:url"]).map(|v| (v, "OpenGraph address")))
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.url.clone())
                .map(|u| (u, "JSON-LD address"))
        });
    PageMeta {
        title,
        outlet,
        author,
        published,
        url,
    }
}

/// Every `<meta>` by lowercase `name`, `property` or `itemprop`, in page order.
fn meta_map(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for e in doc.select(&META) {
        let v = e.value();
        let Some(content) = v.attr("content").map(squash) else {
            continue;
        };
        for key in ["name", "property", "itemprop"] {
            if let Some(k) = v.attr(key) {
                map.entry(k.trim().to_ascii_lowercase())
                    .or_default()
                    .push(content.clone());
            }
        }
    }
    map
}

/// The fields of the page's JSON-LD article object.
#[derive(Clone, Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "webpage",
    "report",
];

/// The first article-typed object in the page's JSON-LD blocks (in `@graph`s and arrays too);
/// a `WebPage` only when no article is there.
fn json_ld(doc: &Html) -> Option<LdArticle> {
    let mut found: Vec<(usize, Value)> = Vec::new();
    for e in doc.select(&LD) {
        if !e
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw: String = e.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim().trim_end_matches(';')) else {
            continue;
        };
        collect(&v, &mut found, 0);
    }
    let (_, v) = found.into_iter().min_by_key(|(rank, _)| *rank)?;
    let s = |k: &str| v.get(k).and_then(text_of).filter(|t| !t.is_empty());
    Some(LdArticle {
        headline: s("headline").or_else(|| s("name")),
        published: s("datePublished").or_else(|| s("dateCreated")),
        modified: s("dateModified"),
        author: v
            .get("author")
            .or_else(|| v.get("creator"))
            .and_then(names_of),
        publisher: v
            .get("publisher")
            .or_else(|| v.get("sourceOrganization"))
            .and_then(names_of),
        url: s("url"),
    })
}

/// Article objects with their rank (position in [`ARTICLE_TYPES`]; `WebPage` ranks low).
fn collect(v: &Value, out: &mut Vec<(usize, Value)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out, depth + 1)),
        Value::Object(o) => {
            let types: Vec<String> = match o.get("@type") {
                Some(Value::String(t)) => vec![t.to_ascii_lowercase()],
                Some(Value::Array(ts)) => ts
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_ascii_lowercase)
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(rank) = types
                .iter()
                .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
                .min()
            {
                out.push((rank, v.clone()));
            }
            if let Some(g) = o.get("@graph") {
                collect(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(squash(s)),
        Value::Array(a) => a.iter().find_map(text_of),
        Value::Object(o) => o.get("@value").and_then(text_of),
        _ => None,
    }
}

/// Names from a string, a `Person`/`Organization` object, or an array of them, comma-separated.
fn names_of(v: &Value) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |n: String| {
        if !n.is_empty() && !names.contains(&n) {
            names.push(n);
        }
    };
    match v {
        Value::String(s) => push(squash(s)),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(text_of) {
                push(n);
            }
        }
        Value::Array(a) => {
            for item in a {
                if let Some(n) = names_of(item) {
                    push(n);
                }
            }
        }
        _ => {}
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// A byline in the page (`rel=author`, `itemprop=author`, a `byline` class) outside comments.
fn visible_byline(doc: &Html, outlet: Option<&str>) -> Option<String> {
    doc.select(&BYLINE)
        .filter(|e| !in_comments(*e))
        .take(20)
        .find_map(|e| {
            let t: String = e.text().collect::<Vec<_>>().join(" ");
            let t = squash(&t);
            (t.chars().count() <= 120)
                .then(|| clean_author(&t, outlet))
                .flatten()
        })
}

/// Whether an element sits in a comment section (its commenters are not the article's authors).
fn in_comments(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        v.classes()
            .chain(v.id())
            .any(|n| n.to_ascii_lowercase().contains("comment"))
    })
}

/// Whether two day-precision dates are one day apart.
pub(super) fn one_day_apart(a: crate::model::FuzzyDate, b: crate::model::FuzzyDate) -> bool {
    use crate::model::DatePrecision::Day;
    a.precision() == Day
        && b.precision() == Day
        && (a.first_day() - b.first_day()).num_days().abs() == 1
}

/// Whether `longer` holds every word of `shorter` in order, with one to five words more.
fn extends(longer: &str, shorter: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(name_key)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (l, s) = (words(longer), words(shorter));
    if s.len() < 3 || l.len() <= s.len() || l.len() > s.len() + 5 {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|w| it.any(|x| x == w))
}

/// Letters and digits only, lower case: `Deccan Herald` and `deccanherald` compare equal.
fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The address of the page's `<link rel="canonical">`, trimmed; `None` when missing or empty.
fn canonical_href(doc: &Html) -> Option<String> {
    doc.select(&CANONICAL)
        .find(|e| {
            e.attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|e| e.attr("href"))
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
}

/// The host of the page's canonical or OpenGraph address, without `www.`.
fn page_host(doc: &Html, metas: &HashMap<String, Vec<String>>) -> Option<String> {
    let url =
        canonical_href(doc).or_else(|| metas.get("og:url").and_then(|v| v.first()).cloned())?;
    let rest = url.trim().split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// The part before ` | ` (a site name followed by its sections).
fn first_segment(s: &str) -> String {
    s.split(" | ").next().unwrap_or(s).trim().to_owned()
}

/// The site name a title tag ends with (`Headline – Vortex Cannon`): a short last part after a
/// separator, behind a headline of at least three words.
fn title_suffix(title: &str) -> Option<String> {
    [" | ", " – ", " — ", " - ", " :: ", " · ", " » "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|(at, _)| *at)
        .map(|(at, len)| (&title[..at], title[at + len..].trim()))
        .filter(|(head, tail)| {
            let w = tail.split_whitespace().count();
            (1..=4).contains(&w)
                && head.split_whitespace().count() >= 3
                && (tail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || is_host(tail))
        })
        .map(|(_, tail)| {
            // A site that signs its titles with its address (`… — www.example.ru`) is named
            // by the address, as a reference manager shows it.
            if is_host(tail) {
                let lower = tail.to_ascii_lowercase();
                lower.strip_prefix("www.").unwrap_or(&lower).to_owned()
            } else {
                tail.to_owned()
            }
        })
}

/// Whether `s` is a bare host name (`www.example.ru`): letters, digits, dots and hyphens, with
/// a dot before a top-level domain of two or more letters.
fn is_host(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && s.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// Runs of white space as one space, trimmed.
pub(super) fn squash(s: &str) -> String {
    let s = if s.contains('&') && s.contains(';') {
        decode_entities(s)
    } else {
        s.to_owned()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Character references left in a value (`&#8216;`, `&#039;`, `&amp;`): JSON-LD strings and
/// doubly escaped attributes carry them as text. The HTML parser decodes them, as a browser
/// would show them.
fn decode_entities(s: &str) -> String {
    let frag = Html::parse_fragment(s);
    frag.root_element().text().collect()
}

/// `Headline | Site`, `Headline - Site`, `Site: Headline` → `Headline`, when the site part names
/// the outlet (or the title tag's own last part, as sites repeat it on every page).
fn strip_site(title: &str, site: Option<&str>, title_tag: Option<&str>) -> String {
    let title = squash(title);
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let site_key = site.map(key).filter(|k| !k.is_empty());
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tk = key(tail);
            let names_site = site_key
                .as_ref()
                .is_some_and(|s| !tk.is_empty() && (s.contains(&tk) || tk.contains(s.as_str())));
            let short_tail =
                tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
            let from_tag = title_tag.is_some_and(|t| t.ends_with(tail)) && short_tail;
            if (names_site || from_tag) && !head.trim().is_empty() {
                return strip_site(head, site, None);
            }
        }
        if let Some(at) = title.find(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let hk = key(head);
            if site_key
                .as_ref()
                .is_some_and(|s| !hk.is_empty() && *s == hk)
                && !tail.trim().is_empty()
            {
                return tail.trim().to_owned();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_go() {
        assert_eq!(
            strip_site("Big Deal | ZDNet", Some("ZDNet"), None),
            "Big Deal"
        );
        assert_eq!(
            strip_site(
                "Chips rally - Tech - The Daily Wire",
                Some("The Daily Wire"),
                None
            ),
            "Chips rally - Tech"
        );
        assert_eq!(strip_site("Wire: Big Deal", Some("Wire"), None), "Big Deal");
        assert_eq!(strip_site("A - B deal", Some("Wire"), None), "A - B deal");
        assert_eq!(
            strip_site(
                "Chip maker raises money | Techpaper",
                None,
                Some("Chip maker raises money | Techpaper")
            ),
            "Chip maker raises money"
        );
    }

    #[test]
    fn a_shortened_headline_gives_way_to_the_page_heading() {
        let doc = Html::parse_document(
            r#"<html><head><meta property="og:title" content="Mill buys two kilns"></head><body><h1>Paper mill buys two new electric kilns</h1></body></html>"#,
        );
        assert_eq!(
            read(&doc).title,
            Some((
                "Paper mill buys two new electric kilns".into(),
                "first heading"
            ))
        );
        let doc = Html::parse_document(
            r#"<html><head><meta property="og:title" content="Mill buys two kilns"></head><body><h1>Newsletter</h1></body></html>"#,
        );
        assert_eq!(
            read(&doc).title.map(|t| t.0).as_deref(),
            Some("Mill buys two kilns")
        );
    }

    #[test]
    fn outlet_and_title_clean_ups() {
        let page = |head: &str| {
            read(&Html::parse_document(&format!(
                "<html><head>{head}</head><body><p>x</p></body></html>"
            )))
        };
        // A site name followed by its sections.
        let m = page(
            r#"<title>Cup standings | Pitlane | F1 | Rally</title><meta property="og:site_name" content="Pitlane | F1 | Rally">"#,
        );
        assert_eq!(m.outlet.map(|o| o.0).as_deref(), Some("Pitlane"));
        // No site name anywhere but the title tag's end.
        let m = page("<title>Spring update for the puzzle app – Lantern Games Studio</title>");
        assert_eq!(
            m.outlet.map(|o| o.0).as_deref(),
            Some("Lantern Games Studio")
        );
        assert_eq!(
            m.title.map(|t| t.0).as_deref(),
            Some("Spring update for the puzzle app")
        );
        // Character references inside JSON-LD strings.
        let m = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8216;Grid first&#8217;: the council&#039;s plan"}</script>"#,
        );
        assert_eq!(
            m.title.map(|t| t.0).as_deref(),
            Some("\u{2018}Grid first\u{2019}: the council's plan")
        );
    }
}
