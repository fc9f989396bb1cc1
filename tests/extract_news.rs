//! Extraction on text nobody tuned to: news articles about 2023–2025 AI deals written in our
//! own words, each with a hand-made `NAME.expected.json` written before the engine ran on it.
//!
//! `tests/fixtures/extract/news/tune/` is the set the engine may be tuned on;
//! `tests/fixtures/extract/news/unseen/` is scored but never looked at while tuning. Unlike
//! `tests/extract.rs`, the publication date is not given: the engine must find it in the text
//! (dateline, byline, URL path), and every candidate is expected to carry an event date.
//!
//! Run with `--nocapture` to see the figures and every miss.

use claimbench::extract::{Candidate, Gazetteer, extract, find_published};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dir(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract/news")
        .join(set)
}

/// Counts for one set.
#[derive(Default, Debug)]
struct Score {
    docs: usize,
    published_ok: usize,
    expected: usize,
    candidates: usize,
    found: usize,
    precise: usize,
    qualifier_ok: usize,
    value_ok: usize,
    subject_ok: usize,
    counterparty_ok: usize,
    date_ok: usize,
    kind_ok: usize,
    relations: usize,
    relations_ok: usize,
    misses: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Score {
    fn line(&self, label: &str) -> String {
        format!(
            "{label}: {} docs, {} expected, {} proposed | recall {:.2} precision {:.2} \
             value+currency {:.2} qualifier {:.2} subject {:.2} counterparty {:.2} date {:.2} \
             kind {:.2} | published date {:.2} | relations without a figure {:.2} ({} of {})",
            self.docs,
            self.expected,
            self.candidates,
            ratio(self.found, self.expected),
            ratio(self.precise, self.candidates),
            ratio(self.value_ok, self.found),
            ratio(self.qualifier_ok, self.found),
            ratio(self.subject_ok, self.found),
            ratio(self.counterparty_ok, self.found),
            ratio(self.date_ok, self.found),
            ratio(self.kind_ok, self.found),
            ratio(self.published_ok, self.docs),
            ratio(self.relations_ok, self.relations),
            self.relations_ok,
            self.relations,
        )
    }
}

fn locate(text: &str, e: &Value, file: &str) -> (usize, usize) {
    let ft = e["figure_text"]
        .as_str()
        .unwrap_or_else(|| panic!("{file}: figure_text missing"));
    let nth = e["nth"].as_u64().unwrap_or(1) as usize;
    let start = text
        .match_indices(ft)
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("{file}: {ft:?} occurrence {nth} not in the text"))
        .0;
    (start, start + ft.len())
}

fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

fn measure(file: &str, text: &str, expected: &Value, cands: &[Candidate], score: &mut Score) {
    let items = expected["candidates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Proposals without a figure are relations, scored apart.
    let (rels, cands): (Vec<&Candidate>, Vec<&Candidate>) =
        cands.iter().partition(|c| is_relation(c));
    score.expected += items.len();
    score.candidates += cands.len();
    let spans: Vec<(usize, usize)> = items.iter().map(|e| locate(text, e, file)).collect();
    for c in &cands {
        if spans
            .iter()
            .any(|&(s, e)| c.figure_start < e && s < c.figure_end)
        {
            score.precise += 1;
        } else {
            score.misses.push(format!(
                "{file}: unexpected {:?} at {}",
                c.figure_text, c.figure_start
            ));
        }
    }
    let mut used = vec![false; cands.len()];
    for (e, &(s, end)) in items.iter().zip(&spans) {
        let ft = e["figure_text"].as_str().unwrap_or("");
        let Some(i) = (0..cands.len())
            .find(|&i| !used[i] && cands[i].figure_start < end && s < cands[i].figure_end)
        else {
            score.misses.push(format!("{file}: missed {ft:?} at {s}"));
            continue;
        };
        used[i] = true;
        let c = cands[i];
        score.found += 1;
        let mut bad = Vec::new();
        if e["qualifier"].as_str() == Some(c.figure.qualifier.name()) {
            score.qualifier_ok += 1;
        } else {
            bad.push(format!(
                "qualifier {} (want {})",
                c.figure.qualifier.name(),
                e["qualifier"]
            ));
        }
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        let low_ok = e["low"].as_f64().is_none_or(|l| close(l, c.figure.low));
        let high_ok = match (e["high"].as_f64(), c.figure.high) {
            (Some(h), Some(g)) => close(h, g),
            (None, None) => true,
            _ => false,
        };
        let unit_ok = e["unit"].as_str() == Some(c.figure.unit.name());
        if low_ok && high_ok && unit_ok {
            score.value_ok += 1;
        } else {
            bad.push(format!("value {}", c.figure.display()));
        }
        let (ws, wc) = (e["subject"].as_str(), e["counterparty"].as_str());
        if same_name(ws, c.subject.as_deref()) {
            score.subject_ok += 1;
        } else {
            bad.push(format!("subject {:?} (want {ws:?})", c.subject));
        }
        if same_name(wc, c.counterparty.as_deref()) {
            score.counterparty_ok += 1;
        } else {
            bad.push(format!("counterparty {:?} (want {wc:?})", c.counterparty));
        }
        let gd = c.date.map(|d| d.to_string());
        if e["date"].as_str() == gd.as_deref() {
            score.date_ok += 1;
        } else {
            bad.push(format!("date {gd:?} (want {})", e["date"]));
        }
        if e["kind"].as_str() == Some(c.kind.name()) {
            score.kind_ok += 1;
        } else {
            bad.push(format!("kind {} (want {})", c.kind.name(), e["kind"]));
        }
        if !bad.is_empty() {
            score
                .misses
                .push(format!("{file}: {ft:?}: {}", bad.join("; ")));
        }
        assert_eq!(
            &text[c.start..c.end],
            c.quote,
            "{file}: quote is not its span"
        );
        assert_eq!(&text[c.figure_start..c.figure_end], c.figure_text);
    }
    let want_rels = expected["relations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    score.relations += want_rels.len();
    for r in &want_rels {
        let (s, cp) = (r["subject"].as_str(), r["counterparty"].as_str());
        let hit = rels.iter().any(|c| {
            same_name(s, c.subject.as_deref()) && same_name(cp, c.counterparty.as_deref())
        });
        if hit {
            score.relations_ok += 1;
        } else {
            score
                .misses
                .push(format!("{file}: relation {s:?} -> {cp:?} not proposed"));
        }
    }
}

/// Whether a candidate is a relation stated without a figure.
fn is_relation(c: &Candidate) -> bool {
    c.figure_text.is_empty()
}

fn run(set: &str) -> Score {
    let gaz = Gazetteer::builtin();
    let mut score = Score::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(set))
        .expect("fixture folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("fixture is UTF-8");
        let json = std::fs::read_to_string(f.with_extension("expected.json"))
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let expected: Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let published = find_published(&text);
        score.docs += 1;
        let want = expected["published"].as_str();
        if published.map(|p| p.to_string()).as_deref() == want {
            score.published_ok += 1;
        } else {
            score.misses.push(format!(
                "{name}: published {:?} (want {want:?})",
                published.map(|p| p.to_string())
            ));
        }
        let cands = extract(&text, published, &[], &gaz);
        measure(&name, &text, &expected, &cands, &mut score);
    }
    score
}

fn report(set: &str) -> Score {
    let s = run(set);
    println!("{}", s.line(set));
    for m in &s.misses {
        println!("  {m}");
    }
    s
}

/// Floors under the measured figures (SCORES.md), so a regression fails.
fn assert_floors(s: &Score, set: &str, parties: f64) {
    let r = |a, b| ratio(a, b);
    assert!(r(s.found, s.expected) >= 0.95, "{set}: recall");
    assert!(r(s.precise, s.candidates) >= 0.95, "{set}: precision");
    assert!(r(s.value_ok, s.found) >= 0.95, "{set}: value and currency");
    assert!(r(s.qualifier_ok, s.found) >= 0.95, "{set}: qualifier");
    assert!(r(s.published_ok, s.docs) >= 0.9, "{set}: publication date");
    assert!(r(s.date_ok, s.found) >= 0.8, "{set}: event date");
    assert!(r(s.subject_ok, s.found) >= parties, "{set}: subject");
    assert!(r(s.relations_ok, s.relations) >= 0.5, "{set}: relations");
}

#[test]
fn tuning_set_meets_its_floors() {
    let s = report("tune");
    assert!(s.docs >= 7, "tuning set has {} articles", s.docs);
    assert_floors(&s, "tune", 0.8);
}

/// A second unseen set, written (text and expected values) on 2026-12-03 after the first one had
/// been looked at, and scored with its misses once, at the end of that day's changes (see
/// SCORES.md). Floors just under that score, so a regression fails.
#[test]
fn second_unseen_set_is_scored() {
    let s = report("unseen2");
    assert!(s.docs >= 4, "second unseen set has {} articles", s.docs);
    assert!(
        s.expected >= 25,
        "second unseen set has {} figures",
        s.expected
    );
    let r = |a, b| ratio(a, b);
    assert!(r(s.found, s.expected) >= 0.95, "unseen2: recall");
    assert!(r(s.precise, s.candidates) >= 0.95, "unseen2: precision");
    assert!(
        r(s.value_ok, s.found) >= 0.95,
        "unseen2: value and currency"
    );
    assert!(
        r(s.published_ok, s.docs) >= 0.99,
        "unseen2: publication date"
    );
    assert!(r(s.date_ok, s.found) >= 0.85, "unseen2: event date");
    assert!(r(s.subject_ok, s.found) >= 0.75, "unseen2: subject");
}

#[test]
fn unseen_set_meets_its_floors() {
    let s = report("unseen");
    assert!(s.docs >= 4, "unseen set has {} articles", s.docs);
    assert_floors(&s, "unseen", 0.55);
}

/// A third unseen set (four articles, 21 figures), text and expected values written on
/// 2026-12-03 before the engine ever ran on it, and scored once at the end of that session (see
/// SCORES.md). Floors just under that score, so a regression fails; the low subject floor is
/// mostly the gold's "Mistral AI" against the name list's "Mistral" (left as written).
#[test]
fn third_unseen_set_is_scored() {
    let s = report("unseen3");
    assert!(s.docs >= 4, "third unseen set has {} articles", s.docs);
    assert!(
        s.expected >= 20,
        "third unseen set has {} figures",
        s.expected
    );
    let r = |a, b| ratio(a, b);
    assert!(r(s.found, s.expected) >= 0.95, "unseen3: recall");
    assert!(r(s.precise, s.candidates) >= 0.95, "unseen3: precision");
    assert!(
        r(s.value_ok, s.found) >= 0.95,
        "unseen3: value and currency"
    );
    assert!(r(s.qualifier_ok, s.found) >= 0.95, "unseen3: qualifier");
    assert!(
        r(s.published_ok, s.docs) >= 0.99,
        "unseen3: publication date"
    );
    assert!(r(s.date_ok, s.found) >= 0.95, "unseen3: event date");
    assert!(r(s.subject_ok, s.found) >= 0.4, "unseen3: subject");
    assert!(
        r(s.counterparty_ok, s.found) >= 0.7,
        "unseen3: counterparty"
    );
    assert!(r(s.kind_ok, s.found) >= 0.7, "unseen3: kind");
}
