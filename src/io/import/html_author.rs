//! A byline as names only, the way a reference manager keeps authors: `By Jo Park, Senior
//! Editor <jo@x.com>` → `Jo Park`. Web pages write bylines every way there is (a `By` or `Von`
//! in front, e-mail addresses and `@handles`, job titles, the outlet or a news agency after the
//! name, a date after it, all in capitals), and the reader of page metadata, the byline lines of
//! the article text and feed entries all clean them here.

use super::html_meta::squash;
use regex::Regex;
use std::sync::LazyLock;

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+@\S+\.\S+").expect("static regex: e-mail"));
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"@\w+").expect("static regex: handle"));
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(written\s+by|posted\s+by|by|von|par|por|door|author:?|authors:?|text:|texte:|autor:|auteur:|текст:|автор:)\s+")
        .expect("static regex: by")
});
static DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+[-|–]?\s*(on|am|um|le|el|il|em|at|published|publiziert|veröffentlicht|publicado|publicada|publié|pubblicato|updated|posted)\s.*\d.*$")
        .expect("static regex: date after a byline")
});
static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(editor|reporter|correspondent|writer|columnist|contributor|staff|journalist|producer|analyst|director|chief|senior|deputy|associate|managing|bureau|news desk|desk|follow|twitter|email|updated|published|min read|ago)\b")
        .expect("static regex: role words")
});

/// Names only: `By Jo Park, Senior Editor <jo@x.com>` → `Jo Park`; several authors joined with
/// `, `. `None` when nothing name-like is left (a URL, a handle, the outlet's own name).
pub fn clean_author(raw: &str, outlet: Option<&str>) -> Option<String> {
    let s = squash(raw);
    if s.starts_with("http") || s.contains("://") {
        return None;
    }
    let s = EMAIL.replace_all(&s, " ");
    let s = HANDLE.replace_all(&s, " ");
    let s = BY.replace(s.trim(), "");
    // `Louis Jacobson on Monday, November 18th, 2019`, `Moritz Bachmann publiziert am 25. …`
    let s = DATE_TAIL.replace(&s, "");
    let s = s
        .replace([' '], " ")
        .replace(" - ", ",")
        .replace(" – ", ",")
        .replace(" — ", ",")
        .replace(['|', ';', '/', '·', '•'], ",");
    let mut names: Vec<String> = Vec::new();
    let mut agency = None;
    for part in s
        .split([',', '\n'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
    {
        let p = squash(part.trim_matches(|c: char| !c.is_alphanumeric()));
        let p = BY.replace(&p, "").into_owned();
        if p.is_empty() {
            continue;
        }
        if ROLE_WORDS.is_match(&p) {
            // "Senior Editor", "Follow on Twitter": a title after the name, not a name.
            continue;
        }
        if let Some(a) = agency_byline(&p) {
            // `Jo Park, Reuters` is Jo Park; `Reuters` alone is the agency.
            if agency.is_none() && !outlet.is_some_and(|o| o.eq_ignore_ascii_case(&a)) {
                agency = Some(a);
            }
            continue;
        }
        let p = unshout(&strip_affiliation(&p, outlet));
        if is_person_name(&p)
            && !outlet.is_some_and(|o| o.eq_ignore_ascii_case(&p))
            && !names.contains(&p)
        {
            names.push(p);
        }
    }
    if names.is_empty() {
        return agency;
    }
    Some(names.join(", "))
}

/// News agencies, as bylines name them: after a reporter's name they are an affiliation
/// (dropped); alone they are the author (a wire story's byline is the agency).
const AGENCIES: [&str; 18] = [
    "Associated Press",
    "The Associated Press",
    "ASSOCIATED PRESS",
    "AP",
    "Reuters",
    "REUTERS",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "dpa",
    "DPA",
    "PTI",
    "IANS",
    "ANI",
    "Xinhua",
    "TASS",
    "EFE",
    "ANSA",
];

static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = AGENCIES.iter().map(|a| regex::escape(a)).collect();
    Regex::new(&format!(r"[\s.,]+({}|UPI)$", names.join("|"))).expect("static regex: agency")
});

/// The agency a lone byline names (`REUTERS` → `Reuters`), in its usual spelling.
fn agency_byline(p: &str) -> Option<String> {
    AGENCIES
        .iter()
        .find(|a| a.len() >= 3 && a.eq_ignore_ascii_case(p))
        .map(|a| match *a {
            "REUTERS" => "Reuters".to_owned(),
            "ASSOCIATED PRESS" | "The Associated Press" => "Associated Press".to_owned(),
            "DPA" => "dpa".to_owned(),
            a => a.to_owned(),
        })
}

/// A name with its outlet or news agency after it (`Finian Cunningham. Sputnik International`,
/// `Jill Lawless Associated Press`): the name alone. A part that merely names the outlet's desk
/// (`CNN Business` when the outlet is `CNN`) becomes empty.
fn strip_affiliation(p: &str, outlet: Option<&str>) -> String {
    let mut p = AGENCY.replace(p, "").into_owned();
    if let Some(o) = outlet.map(str::trim).filter(|o| o.len() >= 2) {
        let lower = p.to_lowercase();
        let ol = o.to_lowercase();
        if let Some(at) = lower.rfind(&ol)
            && at + ol.len() == lower.len()
        {
            p = p[..at]
                .trim_end_matches([' ', '.', ',', '-', '|'])
                .to_owned();
        }
        let first = ol.split_whitespace().next().unwrap_or_default();
        if p.to_lowercase().split_whitespace().next() == Some(first) {
            return String::new();
        }
    }
    p
}

/// A name written in capitals (`PETRA HOLM`, as some sites print bylines) in the usual case:
/// `Petra Holm`; `McDonald`-style names already in mixed case are left alone.
fn unshout(p: &str) -> String {
    let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return p.to_owned();
    }
    p.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two to five words (a lone word is a site's handle, `Admin`, or a menu item), the first
/// capitalised, no digits.
fn is_person_name(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && p.chars().count() <= 60
        && !p.chars().any(|c| c.is_ascii_digit())
        && words[0].starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_are_names_only() {
        assert_eq!(clean_author("By Jo Park", None).as_deref(), Some("Jo Park"));
        assert_eq!(
            clean_author("Jo Park, Senior Editor", None).as_deref(),
            Some("Jo Park")
        );
        assert_eq!(
            clean_author("Jo Park and Ann Lee", None).as_deref(),
            Some("Jo Park, Ann Lee")
        );
        assert_eq!(clean_author("jo@example.com", None), None);
        assert_eq!(clean_author("@jopark", None), None);
        assert_eq!(clean_author("https://example.com/jo", None), None);
        assert_eq!(clean_author("Wire", Some("Wire")), None);
        // Failure classes of the metadata check (names of our own).
        assert_eq!(
            clean_author("Ola Brandt. Northwind Daily", Some("Northwind Daily")).as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            clean_author("Ola Brandt, Northwind Markets", Some("Northwind")).as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            clean_author("By MIRA SOLBERG and TOM HEIKKINEN Associated Press", None).as_deref(),
            Some("Mira Solberg, Tom Heikkinen")
        );
        assert_eq!(
            clean_author("By PETRA HOLM - 2025-09-03", None).as_deref(),
            Some("Petra Holm")
        );
        assert_eq!(
            clean_author(
                "By Ola Brandt on Monday, March 3rd, 2025 at 9:15 a.m.",
                None
            )
            .as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            clean_author("Von Jonas Weber publiziert am 4. Mai 2025", None).as_deref(),
            Some("Jonas Weber")
        );
        // A wire story's byline is the agency; after a reporter it is an affiliation.
        assert_eq!(clean_author("By REUTERS", None).as_deref(), Some("Reuters"));
        assert_eq!(clean_author("Reuters", Some("Reuters")), None);
        assert_eq!(
            clean_author("Jo Park, Reuters", None).as_deref(),
            Some("Jo Park")
        );
        assert_eq!(
            clean_author("The Associated Press", None).as_deref(),
            Some("Associated Press")
        );
        // Bylines that name the writer of the text, in other languages.
        assert_eq!(
            clean_author("Текст: Вера Ольхова", None).as_deref(),
            Some("Вера Ольхова")
        );
        assert_eq!(
            clean_author("Texte: Anne Morel", None).as_deref(),
            Some("Anne Morel")
        );
        assert_eq!(clean_author("HOME", None), None);
        assert_eq!(clean_author("admin", None), None);
        assert_eq!(
            clean_author("Sean McArdle", None).as_deref(),
            Some("Sean McArdle")
        );
    }
}
