//! Every released workspace format version keeps loading: one fixture per version in
//! `tests/fixtures/versions/` (rules in its README), each loaded, validated and round-tripped.

use claimbench::io::{load_workspace, save_workspace, to_ron_string};
use claimbench::model::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Released fixtures and their SHA-256: they must never change (add a new file instead).
const FROZEN: &[(&str, &str)] = &[
    (
        "v1.ron",
        "4c2b51054228c1e642dfee2cba6313c8b7eb6be8cb090b313a8a251fc7df2056",
    ),
    (
        "v2.ron",
        "0e70e81168a0851cacf574818a8da423f7399d612218c46347e1727c25090bfa",
    ),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions")
}

fn fixture(version: u32) -> PathBuf {
    dir().join(format!("v{version}.ron"))
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn one_fixture_per_released_version_and_none_from_the_future() {
    let mut versions = BTreeSet::new();
    for e in std::fs::read_dir(dir()).expect("fixtures folder") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let v: u32 = name
            .strip_prefix('v')
            .and_then(|s| s.strip_suffix(".ron"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("unexpected file {name} (expected vN.ron)"));
        versions.insert(v);
    }
    let expected: BTreeSet<u32> = (1..=CURRENT_VERSION).collect();
    assert_eq!(
        versions, expected,
        "one fixture per version 1..={CURRENT_VERSION}"
    );
}

#[test]
fn old_fixtures_are_never_edited() {
    for (name, sum) in FROZEN {
        let bytes = std::fs::read(dir().join(name)).expect("fixture");
        assert_eq!(
            &hex(&bytes),
            sum,
            "{name} changed: released fixtures are frozen; add a new version's file instead"
        );
    }
    assert_eq!(
        FROZEN.len(),
        CURRENT_VERSION as usize,
        "pin every released fixture in FROZEN"
    );
}

#[test]
fn every_fixture_loads_validates_and_round_trips() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for v in 1..=CURRENT_VERSION {
        let path = fixture(v);
        let ws = load_workspace(&path).unwrap_or_else(|e| panic!("v{v} no longer loads: {e}"));
        assert_eq!(
            ws.version, CURRENT_VERSION,
            "v{v} is migrated to the current version"
        );
        assert_eq!(ws.validate(), vec![], "v{v}");
        let out = tmp.path().join(format!("v{v}.ron"));
        save_workspace(&ws, &out).expect("save");
        let again = load_workspace(&out).expect("reload");
        assert_eq!(again, ws, "v{v}: save → load changes nothing");
    }
}

#[test]
fn current_fixture_is_exactly_what_a_save_writes() {
    let path = fixture(CURRENT_VERSION);
    let text = std::fs::read_to_string(&path).expect("fixture");
    let ws = load_workspace(&path).expect("loads");
    assert_eq!(
        to_ron_string(&ws).expect("serialise"),
        text,
        "the save format changed without a version bump: bump CURRENT_VERSION and add a fixture"
    );
}

fn entity_kind_slot(k: EntityKind) -> usize {
    // Exhaustive on purpose: a new variant fails to compile here until the fixture covers it.
    match k {
        EntityKind::Company => 0,
        EntityKind::Fund => 1,
        EntityKind::Person => 2,
        EntityKind::Government => 3,
        EntityKind::Outlet => 4,
        EntityKind::Other => 5,
    }
}

fn unit_slot(u: &Unit) -> usize {
    match u {
        Unit::Usd => 0,
        Unit::Gw => 1,
        Unit::Percent => 2,
        Unit::Count => 3,
        Unit::Currency(_) => 4,
    }
}

fn period_slot(p: &Period) -> usize {
    match p {
        Period::Over { .. } => 0,
        Period::By(_) => 1,
        Period::PerYear => 2,
    }
}

fn chart_slot(c: &ChartSpec) -> usize {
    match c {
        ChartSpec::Valuation { .. } => 0,
        ChartSpec::Commitments { .. } => 1,
        ChartSpec::Figures { .. } => 2,
    }
}

fn precision_slot(p: DatePrecision) -> usize {
    match p {
        DatePrecision::Year => 0,
        DatePrecision::Month => 1,
        DatePrecision::Day => 2,
    }
}

#[test]
fn current_fixture_uses_every_field_and_variant() {
    let ws = load_workspace(&fixture(CURRENT_VERSION)).expect("loads");
    let kinds: BTreeSet<ClaimKind> = ws.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, ClaimKind::ALL.into_iter().collect(), "claim kinds");
    let statuses: BTreeSet<ClaimStatus> = ws.claims.iter().map(|c| c.status).collect();
    assert_eq!(statuses, ClaimStatus::ALL.into_iter().collect(), "statuses");
    let figures: Vec<&Figure> = ws.claims.iter().filter_map(|c| c.figure.as_ref()).collect();
    for q in Qualifier::ALL {
        assert!(figures.iter().any(|f| f.qualifier == q), "qualifier {q:?}");
    }
    let slots = |it: Vec<usize>, n: usize, what: &str| {
        let got: BTreeSet<usize> = it.into_iter().collect();
        assert_eq!(got, (0..n).collect(), "every {what} variant");
    };
    slots(
        figures.iter().map(|f| unit_slot(&f.unit)).collect(),
        5,
        "unit",
    );
    slots(
        ws.entities
            .iter()
            .map(|e| entity_kind_slot(e.kind))
            .collect(),
        6,
        "entity kind",
    );
    slots(
        ws.claims
            .iter()
            .filter_map(|c| c.period.as_ref())
            .map(period_slot)
            .collect(),
        3,
        "period",
    );
    slots(
        ws.charts.iter().map(|c| chart_slot(&c.spec)).collect(),
        3,
        "chart",
    );
    let dates: Vec<FuzzyDate> = ws
        .documents
        .iter()
        .filter_map(|d| d.published)
        .chain(ws.claims.iter().filter_map(|c| c.as_of))
        .collect();
    slots(
        dates
            .iter()
            .map(|d| precision_slot(d.precision()))
            .collect(),
        3,
        "date precision",
    );
    assert!(figures.iter().any(|f| f.high.is_some()), "a closed range");
    assert!(
        figures
            .iter()
            .any(|f| f.qualifier == Qualifier::Range && f.high.is_none()),
        "an open range"
    );
    assert!(
        ws.claims.iter().any(|c| c.figure.is_none()),
        "a claim without figure"
    );
    assert!(
        ws.entities
            .iter()
            .any(|e| e.parent.is_some() && !e.aliases.is_empty())
    );
    let d = ws
        .documents
        .iter()
        .find(|d| d.author.is_some())
        .expect("author");
    assert!(d.url.is_some() && d.imported_at.is_some() && !d.cites.is_empty());
    assert!(!d.excluded.is_empty() && !d.rejected.is_empty());
    let ev: Vec<&Evidence> = ws.claims.iter().flat_map(|c| &c.evidence).collect();
    assert!(ev.iter().any(|e| e.orphaned), "orphaned evidence");
    assert!(
        ev.iter().any(|e| e.attributed_to.is_some()),
        "attributed evidence"
    );
    assert!(
        ws.claims
            .iter()
            .any(|c| !c.note.is_empty() && !c.tags.is_empty())
    );
    assert!(
        ws.resolutions
            .iter()
            .any(|r| r.preferred.is_some() && !r.note.is_empty())
    );
    assert!(ws.resolutions.iter().any(|r| r.preferred.is_none()));
    assert!(
        ws.conflicts.iter().any(|c| c.theirs.is_none())
            && ws.conflicts.iter().any(|c| c.theirs.is_some()),
        "conflicts: a changed field and an edit against a deletion"
    );
    assert!(
        ws.feeds
            .iter()
            .any(|f| !f.seen.is_empty() && f.last_checked.is_some()),
        "a feed that was read"
    );
    assert!(
        ws.charts.iter().any(|c| matches!(
            &c.spec,
            ChartSpec::Figures { kinds, parties, statuses, .. }
                if !kinds.is_empty() && !parties.is_empty() && !statuses.is_empty()
        )),
        "a filtered figures chart"
    );
}
