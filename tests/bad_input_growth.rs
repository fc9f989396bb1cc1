//! Hostile workspaces whose analysis grew with the square of the input (issue 19): many deal
//! claims without a date about the same two companies (every pair was "the same fact"), and long
//! chains of parent companies (walked from every claim, with a scan per step). Each case asserts
//! what the analyst reads; the deep cases run under a time limit so a regression fails instead of
//! stalling the suite.

use claimbench::analysis::facts::{Roots, fact_key};
use claimbench::analysis::{Findings, Severity, duplicate_candidates};
use claimbench::model::{
    Anchor, Claim, ClaimId, ClaimKind, EntityId, Evidence, Figure, SourceDocument, Unit, Workspace,
};
use std::time::Duration;

/// Runs `f` on a thread and fails if it takes longer than `limit` (a hang or a blow-up).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("still running after {limit:?}"))
}

const TEXT: &str = "Acme Capital will invest in Boltworks, people familiar with the plan said.";

/// A workspace with companies Acme and Boltworks, one document (dated or not) and no claims.
fn base(published: Option<&str>) -> Workspace {
    let mut ws = Workspace::new("Hostile");
    for (id, name) in [("acme", "Acme Capital"), ("bolt", "Boltworks")] {
        let mut e = ws.new_entity(name);
        e.id = EntityId::new(id);
        ws.entities.push(e);
    }
    let mut d = SourceDocument::new("doc-0001".into(), "Acme and Boltworks", "", TEXT.to_owned());
    d.published = published.map(|p| p.parse().expect("date"));
    ws.documents.push(d);
    ws
}

/// An investment claim Acme → Boltworks of `billions`, citing the document, dated `as_of`.
fn claim(n: u64, billions: f64, as_of: Option<&str>) -> Claim {
    let mut c = Claim::new(ClaimId::numbered(n), ClaimKind::Investment);
    c.subject = Some(EntityId::new("acme"));
    c.counterparty = Some(EntityId::new("bolt"));
    c.figure = Some(Figure::exact(billions * 1e9, Unit::Usd));
    c.as_of = as_of.map(|d| d.parse().expect("date"));
    c.evidence.push(Evidence {
        doc: "doc-0001".into(),
        anchor: Anchor::from_span(TEXT, 0, TEXT.len()),
        attributed_to: None,
        orphaned: false,
    });
    c
}

fn figure_findings(f: &Findings) -> Vec<&claimbench::analysis::Finding> {
    f.items
        .iter()
        .filter(|x| x.kind == claimbench::analysis::FindingKind::Figure)
        .collect()
}

#[test]
fn undated_claims_about_one_deal_make_one_finding_not_one_per_pair() {
    // 300 undated claims, half $10B and half $100B: 22,500 conflicting pairs and 22,350 agreeing
    // ones when compared pair by pair.
    let mut ws = base(None);
    for n in 1..=300 {
        let b = if n % 2 == 0 { 100.0 } else { 10.0 };
        ws.claims.push(claim(n, b, None));
    }
    let findings = Findings::compute(&ws);
    let figures = figure_findings(&findings);
    assert_eq!(figures.len(), 1, "one finding for the fact, not per pair");
    let f = figures[0];
    assert_eq!(f.severity, Severity::Hard);
    assert_eq!(f.claims.len(), 300, "every claim involved is listed");
    assert_eq!(f.quotes.len(), 300);
    assert!(
        f.message.contains("300 claims (300 without a date") && f.message.contains("$10B / $100B"),
        "{}",
        f.message
    );
    // Duplicates: each claim is proposed for merging once (into the claim with its figure),
    // not with every other claim.
    let dups = duplicate_candidates(&ws);
    assert_eq!(dups.len(), 298, "{:?}", &dups[..3]);
    let keeps: std::collections::BTreeSet<&ClaimId> = dups.iter().map(|d| &d.keep).collect();
    assert_eq!(keeps.len(), 2, "one claim kept per figure");
    // The report stays proportional to the claims.
    let report = claimbench::analysis::report::render(&ws);
    assert!(report.len() < 300 * 1_000, "{} bytes", report.len());
    // The Findings tab shows the same findings as the report.
    let pane = claimbench::ui::findings::Analysis::compute(&ws);
    let pane_ids: Vec<&str> = pane.findings.items.iter().map(|f| f.id.as_str()).collect();
    let report_ids: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("Finding `")?.strip_suffix('`'))
        .collect();
    assert_eq!(pane_ids, report_ids);
    assert_eq!(pane.duplicates, dups);
}

#[test]
fn two_claims_one_undated_read_as_the_same_pair_finding_as_before() {
    // The pairwise reading: both dated on one day.
    let mut dated = base(None);
    dated.claims.push(claim(1, 10.0, Some("2025-10-01")));
    dated.claims.push(claim(2, 100.0, Some("2025-10-01")));
    let mut undated = base(None);
    undated.claims.push(claim(1, 10.0, None));
    undated.claims.push(claim(2, 100.0, Some("2025-10-01")));
    let (a, b) = (Findings::compute(&dated), Findings::compute(&undated));
    let (fa, fb) = (figure_findings(&a), figure_findings(&b));
    assert_eq!(fa.len(), 1);
    assert_eq!(fb.len(), 1);
    assert_eq!(
        fb[0].id, "figure:cl-0001+cl-0002",
        "a saved resolution still fits"
    );
    assert_eq!(fb[0].message, fa[0].message);
    assert_eq!(fb[0].severity, Severity::Hard);
    assert_eq!(duplicate_candidates(&undated), vec![]);
}

#[test]
fn an_undated_figure_is_compared_with_every_dated_claim_of_its_deal() {
    let mut ws = base(None);
    ws.claims.push(claim(1, 10.0, None));
    ws.claims.push(claim(2, 100.0, Some("2025-01-10")));
    ws.claims.push(claim(3, 10.0, Some("2025-06-10")));
    ws.claims.push(claim(4, 90.0, Some("2025-09-10")));
    let findings = Findings::compute(&ws);
    let figures = figure_findings(&findings);
    assert_eq!(figures.len(), 1, "{figures:?}");
    let ids: Vec<&str> = figures[0].claims.iter().map(ClaimId::as_str).collect();
    assert_eq!(
        ids,
        ["cl-0001", "cl-0002", "cl-0004"],
        "the $10B in June agrees"
    );
    // The dated $10B is proposed for merging into the undated one.
    let dups = duplicate_candidates(&ws);
    assert_eq!(dups.len(), 1);
    assert_eq!(
        (dups[0].keep.as_str(), dups[0].absorb.as_str()),
        ("cl-0001", "cl-0003")
    );
}

#[test]
fn thousands_of_undated_claims_on_one_edge_form_one_deal_quickly() {
    let report = within(Duration::from_secs(60), || {
        let mut ws = base(None);
        for n in 1..=8_000 {
            ws.claims.push(claim(n, 10.0, None));
        }
        let money =
            claimbench::analysis::MoneyGraph::build(&ws, &claimbench::analysis::Filter::default());
        let deals: usize = money.graph.edge_weights().map(|e| e.deals.len()).sum();
        assert_eq!(deals, 1, "all 8,000 state one deal");
        claimbench::analysis::report::render(&ws)
    });
    assert!(report.contains("- claims: 8000"));
}

#[test]
fn a_deep_parent_chain_rolls_up_in_one_pass() {
    // 20,000 holdings, each owned by the previous one, and claims about the deepest: each claim
    // walked the whole chain with a scan per step (a report of 5,000 took 27 s).
    let report = within(Duration::from_secs(60), || {
        let mut ws = base(Some("2025-10-01"));
        for i in 0..20_000 {
            let mut e = ws.new_entity(&format!("Holding {i}"));
            e.id = EntityId::new(format!("h{i}"));
            e.parent = Some(EntityId::new(if i == 0 {
                "acme".to_owned()
            } else {
                format!("h{}", i - 1)
            }));
            ws.entities.push(e);
        }
        for n in 1..=200 {
            // A date each, far apart: no two claims are the same fact.
            let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date")
                + chrono::Duration::days(40 * n as i64);
            let mut c = claim(n, 10.0 + n as f64, Some(&day.to_string()));
            c.subject = Some(EntityId::new("h19999"));
            ws.claims.push(c);
        }
        let roots = Roots::new(&ws);
        assert_eq!(roots.root(&EntityId::new("h19999")).as_str(), "acme");
        assert_eq!(
            fact_key(&ws, &ws.claims[0])
                .subject
                .as_ref()
                .map(EntityId::as_str),
            Some("acme")
        );
        claimbench::analysis::report::render(&ws)
    });
    assert!(report.contains("- entities: 20002"), "{}", &report[..400]);
}

#[test]
fn roots_agree_with_the_walk_on_loops_and_unknown_parents() {
    let mut ws = base(None);
    for (id, parent) in [
        ("x", Some("y")),
        ("y", Some("x")),
        ("sub", Some("acme")),
        ("subsub", Some("sub")),
        ("lost", Some("nowhere")),
    ] {
        let mut e = ws.new_entity(id);
        e.id = EntityId::new(id);
        e.parent = parent.map(EntityId::new);
        ws.entities.push(e);
    }
    let roots = Roots::new(&ws);
    for id in ["acme", "bolt", "sub", "subsub", "lost", "unknown"] {
        let id = EntityId::new(id);
        assert_eq!(roots.root(&id), ws.root_entity(&id), "{id:?}");
    }
    assert_eq!(roots.root(&EntityId::new("subsub")).as_str(), "acme");
    assert_eq!(roots.root(&EntityId::new("lost")).as_str(), "nowhere");
    // A loop ends somewhere on the loop, without hanging.
    assert!(["x", "y"].contains(&roots.root(&EntityId::new("x")).as_str()));
}

/// A text with a figure in each of its paragraphs.
const FILING: &str = "Acme Capital will invest $10 billion in Boltworks, the companies said on Monday.\n\nBoltworks also agreed to buy $2 billion of chips from Acme Capital over five years.\n";

#[test]
fn extraction_stops_at_its_time_bound_and_says_where() {
    let gaz = claimbench::extract::Gazetteer::builtin();
    let full = claimbench::extract::extract_within(
        FILING,
        None,
        &[],
        &gaz,
        claimbench::extract::TIME_LIMIT,
    );
    assert!(full.stopped.is_none());
    assert!(!full.candidates.is_empty(), "the filing has figures");
    assert_eq!(
        full.candidates,
        claimbench::extract::extract(FILING, None, &[], &gaz)
    );
    // An injected bound of zero: nothing is read, and the caller learns where it stopped.
    let none = claimbench::extract::extract_within(FILING, None, &[], &gaz, Duration::ZERO);
    assert_eq!(none.candidates, vec![]);
    let stopped = none.stopped.expect("stopped");
    assert_eq!(stopped.at, 0);
    assert_eq!(
        stopped.describe(FILING),
        "extraction stopped after 0 s at character 1; the rest was not read for claims"
    );
}

#[test]
fn the_import_report_says_when_extraction_stopped() {
    let mut ws = base(None);
    let mut d = SourceDocument::new("doc-0002".into(), "Filing", "", FILING.to_owned());
    d.published = Some("2025-10-01".parse().expect("date"));
    ws.documents.push(d);
    let id: claimbench::model::DocId = "doc-0002".into();
    let mut cut = ws.clone();
    let line = claimbench::cli::import::accept_proposals(&mut cut, &id, 0.0, Duration::ZERO)
        .expect("a line");
    assert_eq!(
        line,
        "accepted 0 proposals at or above 0% in doc-0002 (extraction stopped after 0 s at character 1; the rest was not read for claims)"
    );
    assert_eq!(cut.claims.len(), 0);
    let line = claimbench::cli::import::accept_proposals(
        &mut ws,
        &id,
        0.0,
        claimbench::extract::TIME_LIMIT,
    )
    .expect("a line");
    assert!(
        line.starts_with("accepted ") && !line.contains("stopped") && !ws.claims.is_empty(),
        "{line}"
    );
}

/// The deepest files the command line imports: 20,000 nested HTML elements, 5,000 nested Markdown
/// quotes and lists.
fn deep_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let n = 20_000;
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}<p>Acme Capital will invest $10 billion in Boltworks.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let quotes = format!(
        "# Deep quotes\n\n{} Acme Capital will invest $10 billion in Boltworks.\n",
        ">".repeat(5_000)
    );
    let mut lists = String::from("# Deep lists\n\n");
    for i in 0..5_000 {
        lists.push_str(&" ".repeat(2 * i));
        lists.push_str("- item\n");
    }
    let files = [
        ("deep.html", html),
        ("quotes.md", quotes),
        ("lists.md", lists),
    ];
    files
        .into_iter()
        .map(|(name, body)| {
            let p = dir.join(name);
            std::fs::write(&p, body).expect("writes");
            p
        })
        .collect()
}

#[test]
fn the_import_worker_reads_the_deepest_inputs_even_on_a_small_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = deep_files(dir.path());
    // The worker's code path on a 256 KiB stack: it must not need the stack it is given.
    let small = {
        let paths = paths.clone();
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                claimbench::io::import::import_files(
                    &paths,
                    &claimbench::io::import::ImportOptions::default(),
                    |_, _| std::ops::ControlFlow::Continue(()),
                )
            })
            .expect("spawns")
            .join()
            .expect("no overflow on 256 KiB")
    };
    for (p, r) in &small.results {
        assert!(r.is_ok(), "{}: {:?}", p.display(), r.as_ref().err());
    }
    assert_eq!(small.imported().count(), 3);
    // The real worker, with its own stack size.
    const { assert!(claimbench::ui::import::WORKER_STACK >= 8 << 20) };
    let job = claimbench::ui::import::ImportJob::start(paths, egui::Context::default());
    let outcome = within(Duration::from_secs(60), move || {
        loop {
            if let Some(o) = job.poll() {
                return o;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    assert_eq!(outcome.imported().count(), 3, "{:?}", outcome.cancelled);
    let html = outcome
        .imported()
        .find(|i| i.document.title == "Deep")
        .expect("the HTML page");
    assert!(
        html.document.text.contains("invest $10 billion"),
        "{}",
        html.document.text
    );
}
