//! Hands-off annotation of the seed articles: `claimbench import --create --accept-above 0.7`
//! then `claimbench report`, with no hand edits, must surface the contradictions and money
//! loops the articles describe. Runs when `CLAIMBENCH_SEEDS` names the seed folder; fails
//! loudly if it is set but unreadable.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimbench"))
}

#[test]
fn accepting_above_70_percent_surfaces_the_seed_findings() {
    let Some(dir) = std::env::var_os("CLAIMBENCH_SEEDS") else {
        println!("CLAIMBENCH_SEEDS not set: seed report check not run");
        return;
    };
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("CLAIMBENCH_SEEDS is set but {dir:?} is unreadable: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    assert!(
        seeds.len() >= 5,
        "expected the five seed articles in {dir:?}"
    );
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path().join("seeds.ron");
    let out = bin()
        .arg("import")
        .arg(&ws)
        .args(&seeds)
        .args(["--create", "--accept-above", "0.7"])
        .output()
        .expect("import runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "import failed: {said}");
    assert_eq!(said.matches("accepted ").count(), seeds.len(), "{said}");
    let out = bin().arg("report").arg(&ws).output().expect("report runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "report failed");
    println!("{report}");
    // A finding line states figures that disagree: as a pair ("$10B and $100B contradict each
    // other") or, when three or more reports of one fact disagree, as one group ("4 claims …
    // state figures that conflict: $10B / more than $10B / $100B").
    let states = |a: &str, b: &str| {
        report.lines().any(|l| {
            let pair = l.contains(&format!("{a} and {b} contradict each other"))
                || l.contains(&format!("{a} and {b} clash"));
            let group = l.contains("state figures that conflict:")
                && l.split("conflict:").nth(1).is_some_and(|f| {
                    f.split(" / ").any(|x| x.trim() == a) && f.split(" / ").any(|x| x.trim() == b)
                });
            pair || group
        })
    };
    // $100B vs $10B for Amazon's investment in OpenAI.
    assert!(states("$10B", "$100B"), "no $100B vs $10B contradiction");
    // The $10B bound clash: exactly $10B against more than $10B.
    assert!(states("$10B", "more than $10B"), "no $10B bound clash");
    // Amazon's share move is reported as 2.3% in one seed and 5% in another. Both must be
    // accepted as reported moves, not forecasts (the 2.3% was read as a forecast because a
    // later clause spoke of "the potential for …"). The WebProNews seed states no date
    // anywhere, so the clash is a soft finding that asks for the dates to be checked.
    assert!(states("2.3%", "5%"), "no 2.3% vs 5% share-move clash");
    for pct in ["2.3%", "5%"] {
        let line = report
            .lines()
            .find(|l| l.contains(&format!("Stock move Amazon {pct} (")))
            .unwrap_or_else(|| panic!("no {pct} share move of Amazon in the report"));
        assert!(!line.contains("(forecast)"), "{line}");
    }
    // At least four of the five money loops the articles describe.
    let loops: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("### ") && l.contains(" → "))
        .collect();
    let wanted = [
        "Amazon → OpenAI → Amazon",
        "Nvidia → OpenAI → Nvidia",
        "Nvidia → OpenAI → Amazon → Nvidia",
        "Microsoft → OpenAI → Microsoft",
        "OpenAI → Oracle → OpenAI",
    ];
    let found = wanted
        .iter()
        .filter(|w| loops.iter().any(|l| l.ends_with(*w)))
        .count();
    assert!(found >= 4, "only {found} of the seed loops: {loops:?}");
}
