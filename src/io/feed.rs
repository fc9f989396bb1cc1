//! News feeds: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed, read with `feed-rs` (one parser for
//! all three, well kept, MIT), and the import of each entry's page.
//!
//! An entry is imported once: [`import_entry`] skips entries whose page address is already a
//! document's address (or whose page content is already in the workspace), and the workspace's
//! subscription ([`FeedSubscription`]) remembers the entries it has seen, so running it again
//! adds nothing. The entry's date and author fill in what the page itself does not say.
//!
//! [`check_feeds`] is the one "check now" of the command line and the app: it reads each
//! subscribed feed, imports the entries it has not seen, and hands back the documents (placed by
//! the caller through the one import plan) with the subscriptions as they are after the check.

use crate::action::Action;
use crate::io::fetch::{self, FetchError, FetchOptions};
use crate::io::import::{self, ImportError, ImportOptions, Imported};
use crate::model::{FeedSubscription, FuzzyDate, Workspace};
use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::PathBuf;

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

/// The addresses of a workspace's documents, to skip feed entries already imported; it can be
/// taken to a worker thread without the workspace.
#[derive(Clone, Debug, Default)]
pub struct KnownAddresses(HashSet<String>);

impl KnownAddresses {
    /// The addresses of `ws`'s documents.
    pub fn of(ws: &Workspace) -> Self {
        Self(
            ws.documents
                .iter()
                .filter_map(|d| d.url.as_deref())
                .map(address_key)
                .collect(),
        )
    }

    /// Whether a document was read from `link` (ignoring a trailing `/` and case).
    pub fn contains(&self, link: &str) -> bool {
        self.0.contains(&address_key(link))
    }

    /// Remembers an address read during a check, so a second feed naming it skips it.
    pub fn insert(&mut self, link: &str) {
        self.0.insert(address_key(link));
    }
}

fn address_key(u: &str) -> String {
    u.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// Whether two feed addresses name the same feed (ignoring a trailing `/` and case).
pub fn same_feed(a: &str, b: &str) -> bool {
    address_key(a) == address_key(b)
}

/// Whether a document of `ws` was read from `link` (its address, ignoring a trailing `/` and
/// the scheme's case).
pub fn has_address(ws: &Workspace, link: &str) -> bool {
    KnownAddresses::of(ws).contains(link)
}

/// Fetches and reads one entry's page, unless `ws` already has it. The entry's date and author
/// fill in what the page does not say.
pub fn import_entry(
    known: &KnownAddresses,
    entry: &FeedEntry,
    opts: &ImportOptions,
    fetch_opts: &FetchOptions,
) -> EntryOutcome {
    let Some(link) = entry.link.as_deref() else {
        return EntryOutcome::NoLink;
    };
    if known.contains(link) {
        return EntryOutcome::AlreadyThere(link.to_owned());
    }
    match import::import_url(link, opts, fetch_opts) {
        Ok(mut imp) => {
            if imp.document.published.is_none() && entry.published.is_some() {
                imp.document.published = entry.published;
                imp.note_source("published", "feed entry");
            }
            if imp.document.author.is_none() && entry.author.is_some() {
                imp.document.author.clone_from(&entry.author);
                imp.note_source("author", "feed entry");
            }
            // Keep the entry's link when the page names no canonical address of its own, so
            // that the next check recognises it.
            let d = &mut imp.document;
            if d.url.as_deref().is_none_or(|u| !fetch::is_web_address(u)) {
                d.url = Some(link.to_owned());
            }
            EntryOutcome::Imported(Box::new(imp))
        }
        Err(e) => EntryOutcome::Failed(e),
    }
}

/// The subscription to `url` added to `ws`'s feeds: the action (undoable), or `None` when the
/// workspace already follows it.
pub fn subscribe(ws: &Workspace, url: &str) -> Option<Action> {
    if ws.feeds.iter().any(|f| same_feed(&f.url, url)) {
        return None;
    }
    let mut feeds = ws.feeds.clone();
    feeds.push(subscription_for(&[], url));
    Some(Action::SetFeeds(feeds))
}

/// The subscription to `url` among `feeds`, or a new one (titled by its address until read).
pub fn subscription_for(feeds: &[FeedSubscription], url: &str) -> FeedSubscription {
    feeds
        .iter()
        .find(|f| same_feed(&f.url, url))
        .cloned()
        .unwrap_or_else(|| FeedSubscription {
            url: url.trim().to_owned(),
            title: url.trim().to_owned(),
            seen: Vec::new(),
            last_checked: None,
        })
}

/// The subscription to `url` removed from `ws`'s feeds (its documents stay); `None` when the
/// workspace does not follow it.
pub fn unsubscribe(ws: &Workspace, url: &str) -> Option<Action> {
    let feeds: Vec<FeedSubscription> = ws
        .feeds
        .iter()
        .filter(|f| !same_feed(&f.url, url))
        .cloned()
        .collect();
    (feeds.len() != ws.feeds.len()).then_some(Action::SetFeeds(feeds))
}

/// Whether `new` differs from `old` in more than the check times (a feed added or removed, a
/// title read, entries seen): a check that found nothing new is not an edit worth saving.
pub fn changed_beyond_check_time(old: &[FeedSubscription], new: &[FeedSubscription]) -> bool {
    old.len() != new.len()
        || old
            .iter()
            .zip(new)
            .any(|(a, b)| a.url != b.url || a.title != b.title || a.seen != b.seen)
}

/// A page imported from a feed entry, with the feed it came from.
#[derive(Debug)]
pub struct NewEntry {
    /// The feed's address.
    pub feed: String,
    /// The entry's headline in the feed.
    pub title: Option<String>,
    /// The page as read.
    pub imported: Imported,
}

/// What one check of the subscriptions found.
#[derive(Debug, Default)]
pub struct FeedCheck {
    /// The subscriptions after the check: titles read, entries seen, time checked.
    pub feeds: Vec<FeedSubscription>,
    /// Pages of entries not seen before, in feed order.
    pub new: Vec<NewEntry>,
    /// Entries or feeds that could not be read, each naming its address.
    pub problems: Vec<(PathBuf, ImportError)>,
    /// Feeds that could not be fetched or parsed, with the reason.
    pub feed_errors: Vec<String>,
    /// Entries skipped because they were seen before or their page is already a document.
    pub skipped: usize,
    /// Whether the check stopped early (cancelled).
    pub cancelled: bool,
}

/// Reads every feed in `feeds` and imports the entries not seen before whose page is not
/// already a document. `progress(done, total)` counts feeds then entries as they are found;
/// returning `Break` (or setting `opts.cancel`) stops the check after the current page, keeping
/// what was read. Entries whose page failed are not marked seen, so the next check tries again.
pub fn check_feeds(
    feeds: &[FeedSubscription],
    known: &KnownAddresses,
    opts: &ImportOptions,
    fetch_opts: &FetchOptions,
    checked_at: &str,
    mut progress: impl FnMut(usize, usize) -> ControlFlow<()>,
) -> FeedCheck {
    let mut known = known.clone();
    let mut out = FeedCheck {
        feeds: feeds.to_vec(),
        ..Default::default()
    };
    let (mut done, mut total) = (0, feeds.len());
    'feeds: for sub in out.feeds.iter_mut() {
        if opts.cancelled() {
            out.cancelled = true;
            break;
        }
        let parsed = fetch_feed(&sub.url, fetch_opts);
        done += 1;
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) => {
                out.feed_errors.push(e.to_string());
                if progress(done, total).is_break() {
                    out.cancelled = true;
                    break;
                }
                continue;
            }
        };
        if let Some(t) = parsed.title.filter(|t| !t.is_empty()) {
            sub.title = t;
        }
        let fresh: Vec<&FeedEntry> = parsed
            .entries
            .iter()
            .filter(|e| !sub.seen.contains(&e.id))
            .collect();
        out.skipped += parsed.entries.len() - fresh.len();
        total += fresh.len();
        if progress(done, total).is_break() {
            out.cancelled = true;
            break;
        }
        for entry in fresh {
            if opts.cancelled() {
                out.cancelled = true;
                break 'feeds;
            }
            let outcome = import_entry(&known, entry, opts, fetch_opts);
            done += 1;
            match outcome {
                EntryOutcome::Imported(imp) => {
                    if let Some(link) = &entry.link {
                        known.insert(link);
                    }
                    sub.seen.push(entry.id.clone());
                    out.new.push(NewEntry {
                        feed: sub.url.clone(),
                        title: entry.title.clone(),
                        imported: *imp,
                    });
                }
                EntryOutcome::AlreadyThere(_) | EntryOutcome::NoLink => {
                    sub.seen.push(entry.id.clone());
                    out.skipped += 1;
                }
                EntryOutcome::Failed(ImportError::Cancelled { .. }) => {
                    out.cancelled = true;
                    break 'feeds;
                }
                EntryOutcome::Failed(e) => {
                    let path = PathBuf::from(entry.link.clone().unwrap_or_default());
                    out.problems.push((path, e));
                }
            }
            if progress(done, total).is_break() {
                out.cancelled = true;
                break 'feeds;
            }
        }
        sub.last_checked = Some(checked_at.to_owned());
    }
    out
}
