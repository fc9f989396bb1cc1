//! Extraction quality on our own fixture corpus (and on the seed articles when
//! `CLAIMBENCH_SEEDS` names their folder), plus the `extract` CLI contract (DESIGN.md §4).
//!
//! Each `tests/fixtures/extract/NAME.txt` has a hand-made `NAME.expected.json`: the figures a
//! reader would propose, located by `figure_text` (+ `nth` occurrence) or by byte offset `at`,
//! with qualifier, value, unit, parties, date and optionally kind, status, period, heading.

use claimbench::extract::{Candidate, Gazetteer, extract};
use claimbench::model::FuzzyDate;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract")
}

/// Counts for one measurement.
#[derive(Default, Debug)]
struct Score {
    expected: usize,
    candidates: usize,
    found: usize,
    precise: usize,
    qualifier_ok: usize,
    value_ok: usize,
    slots: usize,
    slots_ok: usize,
    both_ok: usize,
    dates: usize,
    dates_ok: usize,
    kinds_ok: usize,
    statuses: usize,
    statuses_ok: usize,
    headings_ok: usize,
    misses: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }
    fn precision(&self) -> f64 {
        ratio(self.precise, self.candidates)
    }
    fn qualifier(&self) -> f64 {
        ratio(self.qualifier_ok, self.found)
    }
    fn parties(&self) -> f64 {
        ratio(self.slots_ok, self.slots)
    }
    fn date(&self) -> f64 {
        ratio(self.dates_ok, self.dates)
    }

    fn print(&self, label: &str) {
        println!(
            "{label}: expected {} candidates {} | recall {:.3} precision {:.3} qualifier {:.3} \
             value {:.3} parties(slots) {:.3} parties(both) {:.3} date {:.3} ({} dated) kind {:.3} \
             status {:.3} heading {:.3}",
            self.expected,
            self.candidates,
            self.recall(),
            self.precision(),
            self.qualifier(),
            ratio(self.value_ok, self.found),
            self.parties(),
            ratio(self.both_ok, self.found),
            self.date(),
            self.dates,
            ratio(self.kinds_ok, self.found),
            ratio(self.statuses_ok, self.statuses),
            ratio(self.headings_ok, self.found),
        );
        for m in &self.misses {
            println!("  {m}");
        }
    }
}

/// The byte span an expected entry points at.
fn locate(text: &str, e: &Value, file: &str) -> (usize, usize) {
    let ft = e["figure_text"]
        .as_str()
        .unwrap_or_else(|| panic!("{file}: figure_text missing"));
    if let Some(at) = e["at"].as_u64() {
        let at = at as usize;
        assert_eq!(
            text.get(at..at + ft.len()),
            Some(ft),
            "{file}: offset {at} does not hold {ft:?}"
        );
        return (at, at + ft.len());
    }
    let nth = e["nth"].as_u64().unwrap_or(1) as usize;
    let start = text
        .match_indices(ft)
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("{file}: {ft:?} occurrence {nth} not in the text"))
        .0;
    (start, start + ft.len())
}

fn opt_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn measure(file: &str, text: &str, expected: &Value, cands: &[Candidate], score: &mut Score) {
    let items = expected["candidates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Relations stated without a figure are scored in tests/extract_news.rs.
    let cands: Vec<Candidate> = cands.iter().filter(|c| !c.relation_only).cloned().collect();
    let cands = cands.as_slice();
    score.expected += items.len();
    score.candidates += cands.len();
    let spans: Vec<(usize, usize)> = items.iter().map(|e| locate(text, e, file)).collect();
    for c in cands {
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
        let c = &cands[i];
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
        let unit_ok = e["unit"].as_str().is_none_or(|u| u == c.figure.unit.name());
        if low_ok && high_ok && unit_ok {
            score.value_ok += 1;
        } else {
            bad.push(format!("value {:?}", c.figure));
        }
        let (ws, wc) = (opt_str(&e["subject"]), opt_str(&e["counterparty"]));
        score.slots += 2;
        let s_ok = ws == c.subject;
        let c_ok = wc == c.counterparty;
        score.slots_ok += usize::from(s_ok) + usize::from(c_ok);
        if s_ok && c_ok {
            score.both_ok += 1;
        } else {
            bad.push(format!(
                "parties {:?}->{:?} (want {ws:?}->{wc:?})",
                c.subject, c.counterparty
            ));
        }
        let wd = opt_str(&e["date"]);
        // These fixtures expect only dates the figure's own sentence states; inherited dates
        // (paragraph, publication) are scored in tests/extract_news.rs.
        let gd = c
            .date
            .filter(|_| c.date_source == claimbench::extract::DateSource::Own)
            .map(|d| d.to_string());
        if wd.is_some() || gd.is_some() {
            score.dates += 1;
            if wd == gd {
                score.dates_ok += 1;
            } else {
                bad.push(format!("date {gd:?} (want {wd:?})"));
            }
        }
        if e["kind"].as_str().is_none_or(|k| k == c.kind.name()) {
            score.kinds_ok += 1;
        } else {
            bad.push(format!("kind {} (want {})", c.kind.name(), e["kind"]));
        }
        if let Some(st) = e["status"].as_str() {
            score.statuses += 1;
            if st == c.status.name() {
                score.statuses_ok += 1;
            } else {
                bad.push(format!("status {} (want {st})", c.status.name()));
            }
        }
        if e["in_heading"].as_bool().unwrap_or(false) == c.in_heading {
            score.headings_ok += 1;
        } else {
            bad.push(format!("in_heading {}", c.in_heading));
        }
        if !e["period"].is_null() {
            let got = serde_json::to_value(&c.period).unwrap_or(Value::Null);
            if got != e["period"] {
                bad.push(format!("period {got} (want {})", e["period"]));
            }
        }
        if !bad.is_empty() {
            score
                .misses
                .push(format!("{file}: {ft:?}: {}", bad.join("; ")));
        }
        assert_eq!(
            &text[c.start..c.end],
            c.quote,
            "{file}: quote is not text[start..end]"
        );
        assert!(
            c.quote.contains(&c.figure_text),
            "{file}: quote lacks its figure"
        );
        assert_eq!(&text[c.figure_start..c.figure_end], c.figure_text);
    }
}

fn published(expected: &Value) -> Option<FuzzyDate> {
    expected["published"].as_str().and_then(|s| s.parse().ok())
}

fn read_json(path: &Path) -> Value {
    let s = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_targets(score: &Score, label: &str) {
    assert!(score.expected > 0, "{label}: nothing measured");
    assert!(
        score.recall() >= 0.95,
        "{label}: recall {:.3} < 0.95",
        score.recall()
    );
    assert!(
        score.precision() >= 0.90,
        "{label}: precision {:.3} < 0.90",
        score.precision()
    );
    assert!(
        score.qualifier() >= 0.90,
        "{label}: qualifier {:.3} < 0.90",
        score.qualifier()
    );
    assert!(
        score.parties() >= 0.85,
        "{label}: parties {:.3} < 0.85",
        score.parties()
    );
    assert!(
        score.date() >= 0.80,
        "{label}: date {:.3} < 0.80",
        score.date()
    );
}

#[test]
fn fixture_corpus_meets_accuracy_targets() {
    let gaz = Gazetteer::builtin();
    let mut score = Score::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixture folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 12,
        "need at least 12 fixture articles, found {}",
        files.len()
    );
    for f in &files {
        let text = std::fs::read_to_string(f).expect("fixture is UTF-8");
        let expected = read_json(&f.with_extension("expected.json"));
        let cands = extract(&text, published(&expected), &[], &gaz);
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        measure(&name, &text, &expected, &cands, &mut score);
    }
    score.print("fixtures");
    assert_targets(&score, "fixtures");
}

#[test]
fn seed_articles_meet_accuracy_targets() {
    let Some(dir) = std::env::var_os("CLAIMBENCH_SEEDS") else {
        println!("CLAIMBENCH_SEEDS not set: seed measurement not run");
        return;
    };
    let dir = PathBuf::from(dir);
    let gaz = Gazetteer::builtin();
    let mut score = Score::default();
    let mut lists: Vec<PathBuf> = std::fs::read_dir(fixtures().join("seeds"))
        .expect("seed expectation folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    lists.sort();
    assert_eq!(lists.len(), 5, "expected lists for the five seeds");
    for l in &lists {
        let expected = read_json(l);
        let file = expected["file"]
            .as_str()
            .expect("expected list names its seed file");
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "CLAIMBENCH_SEEDS is set but {} is unreadable: {e}",
                path.display()
            )
        });
        let cands = extract(&text, published(&expected), &[], &gaz);
        measure(file, &text, &expected, &cands, &mut score);
    }
    score.print("seeds");
    assert_targets(&score, "seeds");
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimbench"))
}

#[test]
fn cli_json_has_the_contract_shape() {
    let path = fixtures().join("01_talks.txt");
    let out = bin()
        .arg("extract")
        .arg(&path)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON object");
    assert_eq!(
        v["document"].as_str(),
        Some(path.to_string_lossy().as_ref())
    );
    // No --published: the "Published:" line of the file is used.
    assert_eq!(v["published"].as_str(), Some("2025-12-17"));
    let text = std::fs::read_to_string(&path).expect("fixture reads");
    let cands = v["candidates"].as_array().expect("candidates array");
    assert!(!cands.is_empty());
    for c in cands {
        for key in [
            "start",
            "end",
            "quote",
            "figure_text",
            "kind",
            "subject",
            "counterparty",
            "figure",
            "period",
            "date",
            "status",
            "confidence",
        ] {
            assert!(c.get(key).is_some(), "candidate lacks {key}: {c}");
        }
        let (s, e) = (
            c["start"].as_u64().unwrap_or(0) as usize,
            c["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(Some(&text[s..e]), c["quote"].as_str());
        let f = &c["figure"];
        assert!(f["low"].is_f64() || f["low"].is_u64());
        assert!(f.get("high").is_some());
        let q = f["qualifier"].as_str().unwrap_or("");
        assert!(["exact", "about", "at_least", "more_than", "up_to", "range"].contains(&q));
        assert!(
            c["confidence"]
                .as_f64()
                .is_some_and(|x| (0.0..=1.0).contains(&x))
        );
    }
    let first = &cands[0];
    assert_eq!(first["figure_text"], "$10 billion");
    assert_eq!(first["kind"], "investment");
    assert_eq!(first["subject"], "Amazon");
    assert_eq!(first["counterparty"], "OpenAI");
    assert_eq!(first["figure"]["qualifier"], "at_least");
    assert_eq!(first["figure"]["unit"], "USD");
    assert_eq!(first["figure"]["low"].as_f64(), Some(1e10));
    assert_eq!(first["date"], "2025-12-16");
    assert_eq!(first["status"], "in_talks");
}

#[test]
fn cli_published_flag_and_text_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "Nvidia signed a deal in October to invest $5 billion in xAI.\n",
    )
    .expect("write");
    let out = bin()
        .args(["extract", "--published", "2026-02-01"])
        .arg(&path)
        .output()
        .expect("binary runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["published"], "2026-02-01");
    // October before a February publication is last year's.
    assert_eq!(v["candidates"][0]["date"], "2025-10");
    let out = bin()
        .args(["extract", "--format", "text"])
        .arg(&path)
        .output()
        .expect("binary runs");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("investment  Nvidia -> xAI  $5B"), "{s}");
}

#[test]
fn cli_rejects_bad_input_and_usage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin_file = dir.path().join("b.bin");
    std::fs::write(&bin_file, [0x50u8, 0x4b, 0x00, 0x01]).expect("write");
    let latin1 = dir.path().join("l.txt");
    std::fs::write(&latin1, b"caf\xe9 $10 billion").expect("write");
    for (path, needle) in [
        (bin_file.clone(), "binary"),
        (latin1, "not UTF-8"),
        (dir.path().join("missing.txt"), "cannot read"),
    ] {
        let out = bin()
            .arg("extract")
            .arg(&path)
            .output()
            .expect("binary runs");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("claimbench: ") && err.contains(needle),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    let out = bin()
        .args(["extract", "--published", "2025-13-01"])
        .arg(&bin_file)
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(2));
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(300))]

    /// On any text, extraction neither panics nor breaks the span invariants, even around
    /// multi-byte characters, dashes and currency signs.
    #[test]
    fn spans_hold_on_arbitrary_text(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "$", "€", "£", "10", "2.3", ",500", " billion", "bn", "B", "+", "-plus", "%", " GW",
                " – ", "—", "’s", "'s", " ", "\n", ". ", "Amazon", "OpenAI", "AWS", "at least ",
                "between ", " and ", " to ", "in talks to invest ", "December 16", "this year",
                "é", "“", "”", "placeholder\n", "Bitcoin ", "the startup ", "over seven years",
            ]),
            0..60,
        )
    ) {
        let text: String = parts.concat();
        let cands = extract(&text, "2025-12-17".parse().ok(), &[], &Gazetteer::builtin());
        for c in cands {
            proptest::prop_assert_eq!(&text[c.start..c.end], c.quote.as_str());
            proptest::prop_assert_eq!(&text[c.figure_start..c.figure_end], c.figure_text.as_str());
            proptest::prop_assert!(c.start <= c.figure_start && c.figure_end <= c.end);
            proptest::prop_assert!((0.0..=1.0).contains(&c.confidence));
        }
    }
}

/// Found by `spans_hold_on_arbitrary_text`: a party between two figures with no space
/// ("$10 billion%AWS$10") made a distance computation underflow and panic.
#[test]
fn regression_party_touching_the_next_figure() {
    let text = "$10 billion%AWS$10";
    let cands = extract(text, "2025-12-17".parse().ok(), &[], &Gazetteer::builtin());
    for c in cands {
        assert_eq!(&text[c.start..c.end], c.quote);
    }
}
