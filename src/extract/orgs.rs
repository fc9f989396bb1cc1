//! Organisations outside the name list, found by how news names a company: a corporate word
//! after capitalised words (`Reliance Industries`, `Moonshot AI`, `Helvetia Compute`), a
//! description before the name (`chip-equipment maker ASML`, `AI start-up Sarvam`,
//! `data-centre operator NextDC`) or an apposition after it (`Zhipu, a Beijing start-up`).
//! Each becomes a document-local gazetteer entry with the role its words suggest.

use super::gazetteer::{GazEntry, Gazetteer, Role};
use regex::Regex;
use std::sync::LazyLock;

static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<name>(?:[A-Z][A-Za-z0-9&-]+\s){1,2}(?P<suffix>AI|Labs?|Technologies|Capital|Partners|Ventures|Group|Holdings|Compute|Cloud|Systems|Intelligence|Industries|Telecom|Robotics|Networks|Semiconductor))(?-u:\b)")
        .expect("static suffixed-name regex is valid")
});

static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<desc>start-?up|startup|maker|operator|designer|developer|provider|conglomerate|rival|firm|company|lab|fund)\s+(?P<name>[A-Z][A-Za-z0-9-]*[A-Za-z0-9](?:\s[A-Z][A-Za-z0-9-]+)?)")
        .expect("static described-name regex is valid")
});

static APPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<name>[A-Z][A-Za-z0-9-]+(?:\s[A-Z][A-Za-z0-9-]+)?),\s+an?\s+[^,.;]{0,40}?(?P<desc>start-?up|company|firm|maker|lab|developer|operator|provider)(?-u:\b)")
        .expect("static apposed-name regex is valid")
});

/// The part of [`APPOSED`] from its comma on. It starts with a literal the regex engine skips
/// ahead to, while the capitalised name that starts `APPOSED` does not: a text without this tail
/// has no apposition, and most texts have none.
static APPOSED_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+an?\s+[^,.;]{0,40}?(?:start-?up|company|firm|maker|lab|developer|operator|provider)(?-u:\b)")
        .expect("static apposition-tail regex is valid")
});

/// A national government named by its adjective or initials (`the South Korean government`,
/// `the US government`): governments pledge, grant and take stakes in AI deals, and without a
/// name of their own the sentence's figure went to the parties of the sentence before.
static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<name>(?:U\.S\.|U\.K\.|US|UK|EU|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+government)(?-u:\b)")
        .expect("static government regex is valid")
});

/// Words that start a capitalised run but are no names.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Its",
    "It",
    "This",
    "That",
    "Chinese",
    "Indian",
    "American",
    "British",
    "French",
    "German",
    "Japanese",
    "Korean",
    "Saudi",
    "Swiss",
    "Dutch",
    "Canadian",
    "Australian",
    "Beijing",
    "Shanghai",
    "Separately",
    "Meanwhile",
    "But",
    "And",
    "Generative",
    "Existing",
    "Rival",
    "Analysts",
    "Investors",
];

fn role_for(word: &str) -> Role {
    match word.to_ascii_lowercase().as_str() {
        "ai" | "labs" | "lab" | "intelligence" | "start-up" | "startup" | "developer"
        | "robotics" => Role::Lab,
        "compute" | "cloud" | "systems" | "operator" | "provider" | "maker" | "designer"
        | "semiconductor" | "networks" => Role::Provider,
        "capital" | "partners" | "ventures" | "fund" => Role::Investor,
        _ => Role::Other,
    }
}

/// Names in `text` the gazetteer does not know, with a role each.
pub fn find(text: &str, known: &Gazetteer) -> Vec<GazEntry> {
    let mut out: Vec<GazEntry> = Vec::new();
    let mut add = |name: &str, role: Role| {
        let name = name.trim();
        let first = name.split_whitespace().next().unwrap_or("");
        if name.len() < 3
            || NOT_NAMES.contains(&first)
            || known.canonical(name).is_some()
            || known.canonical(first).is_some() && !name.contains(' ')
            || out.iter().any(|e| e.name == name)
        {
            return;
        }
        out.push(GazEntry {
            name: name.to_owned(),
            aliases: Vec::new(),
            parent: None,
            role,
        });
    };
    for c in SUFFIXED.captures_iter(text) {
        if let (Some(n), Some(s)) = (c.name("name"), c.name("suffix")) {
            // "Zurich-based Helvetia Compute": the place is no part of the name.
            let n = n.as_str();
            let n = match n.split_once(' ') {
                Some((first, rest)) if first.ends_with("-based") => rest,
                _ => n,
            };
            add(n, role_for(s.as_str()));
        }
    }
    let apposed = APPOSED_TAIL
        .is_match(text)
        .then(|| APPOSED.captures_iter(text));
    for c in DESCRIBED
        .captures_iter(text)
        .chain(apposed.into_iter().flatten())
    {
        if let (Some(n), Some(d)) = (c.name("name"), c.name("desc")) {
            // "maker Nvidia": a known first word is that company, not a new one.
            let first = n.as_str().split_whitespace().next().unwrap_or("");
            if known.canonical(first).is_some() {
                continue;
            }
            add(first_name(n.as_str()), role_for(d.as_str()));
        }
    }
    // Every match holds the word: most texts name no government, and the pattern has no
    // literal the regex engine can skip ahead to.
    let named = memchr::memmem::find(text.as_bytes(), b"government").is_some();
    let governments = named.then(|| GOVERNMENT.captures_iter(text)).into_iter();
    for c in governments.flatten() {
        let Some(n) = c.name("name") else { continue };
        let name = n.as_str().replace("U.S.", "US").replace("U.K.", "UK");
        let first = name.split_whitespace().next().unwrap_or("");
        // "The government", "This government": no nation named.
        if matches!(
            first,
            "The" | "This" | "That" | "Its" | "A" | "Local" | "State"
        ) || out.iter().any(|e| e.name == name)
        {
            continue;
        }
        out.push(GazEntry {
            name,
            aliases: Vec::new(),
            parent: None,
            role: Role::Investor,
        });
    }
    out
}

/// "Sarvam raised" has no second name word; "NextDC will" neither: keep only capitalised words
/// that are not sentence verbs.
fn first_name(s: &str) -> &str {
    let mut words = s.split_whitespace();
    let a = words.next().unwrap_or("");
    match words.next() {
        Some(b) if b.chars().next().is_some_and(char::is_uppercase) => s,
        _ => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<String> {
        find(t, &Gazetteer::builtin())
            .into_iter()
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn finds_companies_by_how_news_names_them() {
        assert_eq!(
            names("Meta will invest in Reliance Intelligence, the arm of Reliance Industries."),
            ["Reliance Intelligence", "Reliance Industries"]
        );
        assert_eq!(
            names("Dutch chip-equipment maker ASML will invest."),
            ["ASML"]
        );
        assert_eq!(names("Indian AI start-up Sarvam raised money."), ["Sarvam"]);
        assert_eq!(names("Zhipu, a Beijing start-up, has raised."), ["Zhipu"]);
        assert!(names("The chipmaker Nvidia and OpenAI agreed.").is_empty());
        assert_eq!(
            names("Zurich-based Helvetia Compute raised money."),
            ["Helvetia Compute"]
        );
    }

    #[test]
    fn governments_are_parties() {
        assert_eq!(
            names("The South Korean government pledged funds; the U.S. government took a stake."),
            ["South Korean government", "US government"]
        );
        assert_eq!(
            names("Canadian government support"),
            ["Canadian government"]
        );
        assert!(names("The government said so.").is_empty());
    }
}
