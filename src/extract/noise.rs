//! Noise rejection: ads, sidebars and other headlines attached to an article.
//!
//! A paragraph is noise when it talks about markets unrelated to the document (crypto, gold,
//! forex, indices) without naming any of the document's main parties, or when it follows a
//! sidebar marker line (`placeholder`, `Related`, `Advertisement`, `Most Popular`, …) and names
//! none of them. The document's main parties are those it names most often.

use super::gazetteer::{Mention, Role};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:placeholder|advertisement|sponsored(?:\s+content)?|related(?:\s+(?:articles|stories|news|posts|coverage))?:?|recommended(?:\s+for\s+you)?|read\s+more:?|more\s+from(?-u:\b).*|trending(?:\s+now)?|you\s+may\s+also\s+like|most\s+(?:popular|read)|latest\s+news|top\s+stories|comments|add\s+a\s+public\s+comment.*|gotop|also\s+read:?.*|see\s+also:?|further\s+reading:?|editor'?s\s+picks?:?|popular\s+now|what\s+to\s+read\s+next|more\s+on\s+this\s+story:?|newsletter|subscribe.*)$",
    )
    .expect("static marker regex is valid")
});

static OFF_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:bitcoin|btc|ethereum|ether|crypto(?:currency|currencies)?|xrp|solana|dogecoin|altcoins?|stablecoins?|tokens?|gold\s+price|xau|silver\s+price|precious\s+metal|oil\s+prices?|brent|wti|crude|forex|eur/usd|usd/jpy|gbp/usd|dow\s+jones|s&p\s+500|nasdaq\s+composite|treasury\s+yields?|rate\s+cut|interest\s+rates?|federal\s+reserve|bank\s+of\s+japan|ecb|etfs?|sma|resistance|support\s+level|bulls|bears|bearish|bullish|subscribe|subscription|discount|coupon|promo\s+code|free\s+trial|apy)(?-u:\b)|%\s+off(?-u:\b)",
    )
    .expect("static off-topic regex is valid")
});

/// Whether a (short) line announces a sidebar, ad block or comment section.
pub fn is_marker(line: &str) -> bool {
    line.len() <= 80 && MARKER.is_match(line.trim())
}

/// Whether a short line is a data widget (ticker, price board): no lower-case word and at
/// least as many digits as letters, as in `NVDA 181.23 +2.31%`.
pub fn is_widget(line: &str) -> bool {
    // Length first: counting the characters of every long paragraph took 3% of an extraction.
    if line.len() >= 60 {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(char::is_ascii_digit).count();
    digits >= letters
        && !line
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase))
}

/// Whether a paragraph talks about unrelated markets (crypto, gold, forex, indices).
pub fn is_off_topic(paragraph: &str) -> bool {
    OFF_TOPIC.is_match(paragraph)
}

/// The document's main parties: canonical names it mentions most.
#[derive(Clone, Debug, Default)]
pub struct Topic {
    /// Canonical names with their mention counts, most frequent first.
    pub ranked: Vec<(String, usize)>,
    /// The role of each ranked name.
    pub roles: Vec<Role>,
}

impl Topic {
    /// Ranks the parties of a document by how often they are named.
    pub fn from_mentions(mentions: &[Mention]) -> Self {
        let mut counts: HashMap<&str, (usize, Role)> = HashMap::new();
        for m in mentions {
            counts.entry(m.canonical.as_str()).or_insert((0, m.role)).0 += 1;
        }
        let mut all: Vec<(String, usize, Role)> = counts
            .into_iter()
            .map(|(k, (v, r))| (k.to_owned(), v, r))
            .collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Self {
            roles: all.iter().map(|a| a.2).collect(),
            ranked: all.into_iter().map(|a| (a.0, a.1)).collect(),
        }
    }

    /// Whether `name` is one of the document's main parties (named at least twice and at least
    /// a fifth as often as the most named one).
    pub fn is_main(&self, name: &str) -> bool {
        let top = self.ranked.first().map_or(0, |t| t.1);
        self.ranked
            .iter()
            .any(|(n, c)| n == name && *c >= 2 && c * 5 >= top)
    }

    /// The two most named parties, if any.
    pub fn pair(&self) -> (Option<&str>, Option<&str>) {
        (
            self.ranked.first().map(|r| r.0.as_str()),
            self.ranked.get(1).map(|r| r.0.as_str()),
        )
    }

    /// The role of a ranked name.
    pub fn role(&self, name: &str) -> Role {
        self.ranked
            .iter()
            .position(|r| r.0 == name)
            .and_then(|i| self.roles.get(i).copied())
            .unwrap_or(Role::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::Gazetteer;

    #[test]
    fn markers_and_off_topic_paragraphs() {
        assert!(is_marker("placeholder"));
        assert!(is_marker("Related Articles"));
        assert!(!is_marker("Disclaimer: for information only."));
        assert!(!is_marker("Amazon signed a deal."));
        assert!(is_off_topic("Bitcoin may fall below $70,000."));
        assert!(is_off_topic("Gold price rises to $4,235."));
        assert!(!is_off_topic("Amazon may invest $10 billion in OpenAI."));
        assert!(is_widget("NVDA 181.23 +2.31%"));
        assert!(!is_widget("Nvidia shares rose 2.3%"));
        assert!(!is_widget("OpenAI's $38B Deal With AWS, Explained"));
    }

    #[test]
    fn topic_ranks_parties() {
        let g = Gazetteer::builtin();
        let m = g.find("OpenAI and AWS. OpenAI, Amazon and OpenAI. Oracle.", 0);
        let t = Topic::from_mentions(&m);
        assert_eq!(t.pair(), (Some("OpenAI"), Some("Amazon")));
        assert!(t.is_main("Amazon"));
        assert!(!t.is_main("Oracle"));
    }
}
