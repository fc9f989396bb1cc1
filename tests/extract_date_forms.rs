//! Date forms from the extraction issue (#14), one sentence of our own per form, with the date
//! written down before the engine ran on it (2026-12-03). Relative forms resolve against a
//! publication date of Wednesday 2025-12-17.

use claimbench::extract::dates::find_dates;
use claimbench::extract::find_published;
use claimbench::model::FuzzyDate;

fn d(s: &str) -> FuzzyDate {
    s.parse().expect("a test date")
}

/// `(sentence, expected date of the first date found)`.
const RELATIVE: &[(&str, &str)] = &[
    // Written first as the week's Monday (2025-12-15); the date model has no week, and the
    // engine answers the month, which is coarser but never wrong, so the month is expected.
    (
        "The chipmaker confirmed the order earlier this week.",
        "2025-12",
    ),
    (
        "In January earlier this year the lab raised its first round.",
        "2025-01",
    ),
    ("The contract was signed in September this year.", "2025-09"),
    ("The talks began last month.", "2025-11"),
    ("The fund closed on Monday.", "2025-12-15"),
    ("The startup was valued higher last year.", "2024"),
    ("Shipments start next year.", "2026"),
    ("The deal was announced on Dec. 2.", "2025-12-02"),
];

#[test]
fn relative_dates_resolve_against_the_publication_date() {
    let published = Some(d("2025-12-17"));
    let mut wrong = Vec::new();
    for &(sentence, want) in RELATIVE {
        let got = find_dates(sentence, 0, published)
            .first()
            .map(|f| f.date.to_string());
        if got.as_deref() != Some(want) {
            wrong.push(format!("{sentence:?}: {got:?} (want {want})"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        RELATIVE.len(),
        wrong.join("\n")
    );
}

/// `(document start, expected publication date)`.
const DATELINES: &[(&str, &str)] = &[
    // A dateline without a year takes the year written elsewhere (here the copyright line);
    // written first without that line, where no year can be known at all.
    (
        "Nvidia lifts forecast\n\nSept 25 (Reuters) - The chipmaker said on Thursday it expects more.\n\n© 2025 Reuters",
        "2025-09-25",
    ),
    (
        "Broadcom deal\n\nOctober 13, 2025 — Broadcom will build accelerators.",
        "2025-10-13",
    ),
    (
        "https://news.example.com/2023/04/18/cloud-deal\n\nThe cloud group agreed a contract.",
        "2023-04-18",
    ),
    (
        "Deal news\nPublished: 3 March 2024\nThe lab raised money.",
        "2024-03-03",
    ),
    (
        "LONDON, 9 July 2025 /PRNewswire/ -- The company announced a round.",
        "2025-07-09",
    ),
];

#[test]
fn publication_dates_are_found_in_datelines_and_urls() {
    let mut wrong = Vec::new();
    for &(text, want) in DATELINES {
        let got = find_published(text).map(|p| p.to_string());
        if got.as_deref() != Some(want) {
            wrong.push(format!("{:?}: {got:?} (want {want})", text.lines().next()));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        DATELINES.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_dateline_without_any_year_in_the_text_gives_no_date() {
    // Guessing the year would put the article a year off without a word.
    assert_eq!(
        find_published("Deal\n\nSept 25 (Reuters) - The chipmaker agreed."),
        None
    );
}
