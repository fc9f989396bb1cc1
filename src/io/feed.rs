//! News feeds: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed, read with `feed-rs` (one parser for
//! all three, well kept, MIT), and the import of each entry's page.
//!
//! An entry is imported once: [`import_feed`] skips entries whose page address is already a
//! document's address (or whose page content is already in the workspace), so running it again
//! adds nothing. The entry's date and author fill in what the page itself does not say.

use crate::io::fetch::{self, FetchError, FetchOptions};
use crate::io::import::{self, ImportError, ImportOptions, Imported};
use crate::model::{FuzzyDate, Workspace};

/// One entry of a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedEntry {
    /// The entry's id (a GUID, or its link).
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// The address of its page.
    pub link: Option<String>,
    /// Publication date (else the update date).
    pub published: Option<FuzzyDate>,
    /// Author names, comma-separated.
    pub author: Option<String>,
}

/// A feed's title and entries, newest first as the feed lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// The feed's own title.
    pub title: Option<String>,
    /// Its entries.
    pub entries: Vec<FeedEntry>,
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// The feed's address could not be fetched.
    #[error("{0}")]
    Fetch(#[from] FetchError),
    /// The body is not RSS, Atom or JSON Feed.
    #[error("{url}: not a news feed (RSS, Atom or JSON Feed): {why}")]
    Parse {
        /// The feed's address.
        url: String,
        /// The parser's reason.
        why: String,
    },
}

/// Parses a feed; `url` resolves relative entry links and names the feed in messages.
pub fn parse(url: &str, bytes: &[u8]) -> Result<Feed, FeedError> {
    let parser = feed_rs::parser::Builder::new().base_uri(Some(url)).build();
    let f = parser.parse(bytes).map_err(|e| FeedError::Parse {
        url: url.to_owned(),
        why: e.to_string(),
    })?;
    let entries = f
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|h| fetch::is_web_address(h));
            let when = e.published.or(e.updated);
            let authors: Vec<String> = e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(person_name))
                .filter(|n| !n.is_empty())
                .collect();
            FeedEntry {
                id: if e.id.is_empty() {
                    link.clone().unwrap_or_default()
                } else {
                    e.id
                },
                title: e.title.map(|t| t.content.trim().to_owned()),
                link,
                published: when.and_then(|d| {
                    use chrono::Datelike;
                    FuzzyDate::day(d.year(), d.month(), d.day()).ok()
                }),
                author: (!authors.is_empty()).then(|| authors.join(", ")),
            }
        })
        .collect();
    Ok(Feed {
        title: f.title.map(|t| t.content.trim().to_owned()),
        entries,
    })
}

/// A name from an RSS author field, which is often `mail@example.com (Name)`.
fn person_name(raw: &str) -> String {
    let raw = raw.trim();
    match (raw.find('('), raw.rfind(')')) {
        (Some(a), Some(b)) if a < b => raw[a + 1..b].trim().to_owned(),
        _ if raw.contains('@') => String::new(),
        _ => raw.to_owned(),
    }
}

/// Fetches and parses a feed.
pub fn fetch_feed(url: &str, opts: &FetchOptions) -> Result<Feed, FeedError> {
    let body = fetch::fetch(url, opts)?;
    parse(url, &body.bytes)
}

/// What happened to one entry.
#[derive(Debug)]
pub enum EntryOutcome {
    /// Its page was fetched and read (not yet placed in the workspace).
    Imported(Box<Imported>),
    /// Its page is already a document of the workspace.
    AlreadyThere(String),
    /// The entry has no link to a page.
    NoLink,
    /// Its page could not be fetched or read.
    Failed(ImportError),
}

/// Whether a document of `ws` was read from `link` (its address, ignoring a trailing `/` and
/// the scheme's case).
pub fn has_address(ws: &Workspace, link: &str) -> bool {
    let key = |u: &str| u.trim().trim_end_matches('/').to_ascii_lowercase();
    let k = key(link);
    ws.documents
        .iter()
        .any(|d| d.url.as_deref().is_some_and(|u| key(u) == k))
}

/// Fetches and reads one entry's page, unless `ws` already has it. The entry's date and author
/// fill in what the page does not say.
pub fn import_entry(
    ws: &Workspace,
    entry: &FeedEntry,
    opts: &ImportOptions,
    fetch_opts: &FetchOptions,
) -> EntryOutcome {
    let Some(link) = entry.link.as_deref() else {
        return EntryOutcome::NoLink;
    };
    if has_address(ws, link) {
        return EntryOutcome::AlreadyThere(link.to_owned());
    }
    match import::import_url(link, opts, fetch_opts) {
        Ok(mut imp) => {
            let d = &mut imp.document;
            if d.published.is_none() && entry.published.is_some() {
                d.published = entry.published;
                imp.sources.push(("published", "feed entry"));
            }
            if d.author.is_none() && entry.author.is_some() {
                d.author.clone_from(&entry.author);
                imp.sources.push(("author", "feed entry"));
            }
            // Keep the entry's link when the page names no canonical address of its own, so
            // that the next check recognises it.
            if d.url.as_deref().is_none_or(|u| !fetch::is_web_address(u)) {
                d.url = Some(link.to_owned());
            }
            EntryOutcome::Imported(Box::new(imp))
        }
        Err(e) => EntryOutcome::Failed(e),
    }
}
