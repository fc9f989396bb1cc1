//! Money forms that the public Recognizers-Text currency suite showed we miss, one sentence of
//! our own per form, with the value written down before the engine was changed (2026-12-03).
//! The suite itself is run by `tests/extract_recognizers.rs` when `CLAIMBENCH_RECOGNIZERS` names
//! its `CurrencyModel.json`; this file keeps the failure classes in the repository.

use claimbench::extract::figures::find_figures;

/// `(sentence, figure text, low, unit)`.
const CASES: &[(&str, &str, f64, &str)] = &[
    // Millions (and thousands) written as a prefix on the code, common in European filings.
    (
        "The order book grew by 30 MUSD in the quarter.",
        "30 MUSD",
        30e6,
        "USD",
    ),
    (
        "Sales reached 120 MEUR last year.",
        "120 MEUR",
        120e6,
        "EUR",
    ),
    (
        "It booked MGBP 48.5 of impairments.",
        "MGBP 48.5",
        48.5e6,
        "GBP",
    ),
    ("Revenue was about MAUD 60 in 2024.", "MAUD 60", 60e6, "AUD"),
    ("A grant of 250 kEUR was awarded.", "250 kEUR", 250e3, "EUR"),
    // Fractions of a scale word.
    (
        "The pilot cost half a million dollars.",
        "half a million dollars",
        5e5,
        "USD",
    ),
    (
        "The startup raised half million usd from angels.",
        "half million usd",
        5e5,
        "USD",
    ),
    (
        "Each site needs a quarter million dollars of power gear.",
        "a quarter million dollars",
        2.5e5,
        "USD",
    ),
    (
        "The fund holds three quarters of a billion euros.",
        "three quarters of a billion euros",
        7.5e8,
        "EUR",
    ),
    // The currency's name before the number, as some wire copy writes it.
    (
        "Bids start at dollar 22.5 million for the site.",
        "dollar 22.5 million",
        22.5e6,
        "USD",
    ),
    (
        "The grid upgrade costs euro 1.2 billion.",
        "euro 1.2 billion",
        1.2e9,
        "EUR",
    ),
    // Signs with the country letters set apart.
    (
        "The terminal was sold for HK $ 10 billion.",
        "HK $ 10 billion",
        10e9,
        "HKD",
    ),
    (
        "The charge came to C $ 300 million.",
        "C $ 300 million",
        300e6,
        "CAD",
    ),
    // Cents and pence: a part of the unit, not the unit.
    ("The stock closed 34 cents lower.", "34 cents", 0.34, "USD"),
    (
        "The bid values each share at 470 pence.",
        "470 pence",
        4.70,
        "GBP",
    ),
];

#[test]
fn every_form_is_read_with_its_value_and_currency() {
    let mut wrong = Vec::new();
    for &(sentence, figure, low, unit) in CASES {
        let found = find_figures(sentence, 0);
        let Some(f) = found.iter().find(|f| {
            let t = &sentence[f.start..f.end];
            t.contains(figure) || figure.contains(t)
        }) else {
            wrong.push(format!(
                "{sentence:?}: {figure:?} not found ({} figures)",
                found.len()
            ));
            continue;
        };
        let close = (f.figure.low - low).abs() <= 1e-9 * low.abs().max(1.0);
        if !close || f.figure.unit.name() != unit {
            wrong.push(format!(
                "{sentence:?}: read {:?} as {} {} (want {low} {unit})",
                &sentence[f.start..f.end],
                f.figure.low,
                f.figure.unit.name()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}
