//! Analysis: interval logic, independence of sources, fact grouping, findings, merges, and loops.

mod common;

use claimbench::analysis::cycles::elementary_cycles;
use claimbench::analysis::interval::compare;
use claimbench::analysis::*;
use claimbench::model::*;
use common::*;
use petgraph::graph::{DiGraph, NodeIndex};

fn f(v: f64, q: Qualifier) -> Figure {
    Figure::qualified(v, q, Unit::Usd)
}

#[test]
fn qualifier_pairs_compare_as_intervals() {
    use Agreement::*;
    use Qualifier::*;
    let pct = |v| Figure::exact(v, Unit::Percent);
    let table: Vec<(Figure, Figure, Agreement)> = vec![
        (f(10.0, Exact), f(10.0, AtLeast), Agree),
        (Figure::range(10.0, None, Unit::Usd), f(10.0, Exact), Agree),
        (
            f(10.0, AtLeast),
            Figure::range(10.0, None, Unit::Usd),
            Agree,
        ),
        (f(100.0, Exact), f(10.0, Exact), Conflict),
        (f(10.0, MoreThan), f(10.0, Exact), StrictBound),
        (f(10.0, Exact), f(10.0, MoreThan), StrictBound),
        (pct(2.3), pct(5.0), Conflict),
        (f(10.0, MoreThan), f(10.0, AtLeast), Agree),
        (f(10.0, MoreThan), f(10.0, MoreThan), Agree),
        (f(10.0, MoreThan), f(12.0, Exact), Agree),
        (f(10.0, UpTo), f(10.0, MoreThan), StrictBound),
        (f(10.0, UpTo), f(10.0, AtLeast), Agree),
        (f(10.0, UpTo), f(12.0, Exact), Conflict),
        (f(10.0, About), f(10.5, Exact), Agree),
        (f(10.0, About), f(12.0, About), Agree),
        (f(10.0, Exact), f(10.5, Exact), Close),
        (f(38.0, Exact), f(38.0, Exact), Agree),
        (f(10.0, AtLeast), f(100.0, Exact), FarApart),
        (f(10.0, AtLeast), f(40.0, Exact), Agree),
        (
            Figure::range(8.0, Some(10.0), Unit::Usd),
            f(9.0, Exact),
            Agree,
        ),
        (
            Figure::range(8.0, Some(10.0), Unit::Usd),
            f(12.0, Exact),
            Conflict,
        ),
        (f(10.0, Exact), Figure::exact(10.0, Unit::Gw), Incomparable),
        (pct(-2.0), pct(3.0), Conflict),
    ];
    for (a, b, want) in table {
        assert_eq!(compare(&a, &b), want, "{} vs {}", a.display(), b.display());
        assert_eq!(
            compare(&b, &a),
            want,
            "{} vs {} (swapped)",
            b.display(),
            a.display()
        );
    }
    assert_eq!(Agreement::Conflict.severity(), Some(Severity::Hard));
    assert_eq!(Agreement::StrictBound.severity(), Some(Severity::Soft));
    assert_eq!(Agreement::Agree.severity(), None);
}

#[test]
fn echoes_count_once_and_attribution_wins() {
    let mut ws = Builder::new()
        .entity("amazon", "Amazon", None)
        .entity("openai", "OpenAI", None)
        .doc(
            "doc-0001",
            "TradeWire",
            "2025-12-16",
            "According to The Information, Amazon may invest $10 billion in OpenAI.",
        )
        .doc(
            "doc-0002",
            "Financial Times",
            "2025-12-16",
            "Amazon may invest $10 billion in OpenAI, people familiar said.",
        )
        .doc(
            "doc-0003",
            "Blog Four",
            "2025-12-17",
            "Amazon may invest $10 billion in OpenAI. That is big.",
        )
        .cites("doc-0003", &["the Information"])
        .doc(
            "doc-0004",
            "Aggregator",
            "2025-12-17",
            "Amazon may invest $10 billion in OpenAI, the newswire said.",
        )
        .doc(
            "doc-0005",
            "Other Daily",
            "2025-12-17",
            "Amazon may invest $10 billion in OpenAI, a Financial Times report said.",
        )
        .claim(
            1,
            ClaimKind::Investment,
            "amazon",
            Some("openai"),
            usd(10.0),
            ClaimStatus::InTalks,
            None,
            &[
                ("doc-0001", "$10 billion"),
                ("doc-0002", "$10 billion"),
                ("doc-0003", "$10 billion"),
                ("doc-0004", "$10 billion"),
                ("doc-0005", "$10 billion"),
            ],
        )
        .build();
    ws.claims[0].evidence[3].attributed_to = Some("Reuters".into());
    let k = corroboration::corroboration(&ws, &ws.claims[0]);
    assert_eq!(k.documents, 5);
    let names: Vec<(&str, OriginSource)> = k
        .origins
        .iter()
        .map(|o| (o.name.as_str(), o.source))
        .collect();
    assert_eq!(
        names,
        vec![
            ("The Information", OriginSource::Cue),
            ("Financial Times", OriginSource::Outlet),
            ("Reuters", OriginSource::Attributed),
        ],
        "The Information via a cue and via cites is one origin; the FT echo is the FT"
    );
    assert_eq!(k.independent(), 3);
    // Without the attribution the aggregator is its own origin.
    ws.claims[0].evidence[3].attributed_to = None;
    assert_eq!(
        corroboration::corroboration(&ws, &ws.claims[0]).independent(),
        3
    );
    let o = origin::evidence_origin(&ws, &ws.claims[0].evidence[3]);
    assert_eq!(
        (o.name.as_str(), o.source),
        ("Aggregator", OriginSource::Outlet)
    );
}

#[test]
fn parties_roll_up_and_dates_gate_facts() {
    let ws = deals();
    let key = facts::fact_key(&ws, &ws.claims[5]);
    assert_eq!(
        key.counterparty.as_ref().map(EntityId::as_str),
        Some("amazon")
    );
    let groups = facts::fact_groups(&ws);
    let ids: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| ws.claims[i].id.as_str()).collect())
        .collect();
    assert_eq!(
        ids,
        vec![
            vec!["cl-0001", "cl-0002", "cl-0003"],
            vec!["cl-0004", "cl-0005"]
        ]
    );
}

#[test]
fn findings_flag_conflicts_with_quotes_and_wording() {
    let mut ws = deals();
    // A $100B Amazon figure, as one outlet misstated it.
    let text = "Amazon could put $100 billion into OpenAI.";
    ws.documents.push(SourceDocument {
        id: "doc-0009".into(),
        title: "x".into(),
        outlet: "Misprint Post".into(),
        author: None,
        url: None,
        published: Some("2025-12-17".parse().unwrap()),
        imported_at: None,
        sha256: SourceDocument::hash_text(text),
        cites: vec![],
        text: text.into(),
        excluded: vec![],
        rejected: Vec::new(),
        import_notes: Vec::new(),
        import_marks: Default::default(),
    });
    let mut c = Claim::new(ClaimId::numbered(9), ClaimKind::Investment);
    c.subject = Some("amazon".into());
    c.counterparty = Some("openai".into());
    c.figure = usd(100.0);
    c.status = ClaimStatus::InTalks;
    c.evidence.push(Evidence {
        doc: "doc-0009".into(),
        anchor: Anchor::find(text, "$100 billion into OpenAI", 0).unwrap(),
        attributed_to: None,
        orphaned: false,
    });
    ws.claims.push(c);
    let fs = Findings::compute(&ws);
    let get = |id: &str| {
        fs.get(id)
            .unwrap_or_else(|| panic!("no {id} in {:#?}", fs.items))
    };
    let hard = get("figure:cl-0002+cl-0009");
    assert_eq!(hard.severity, Severity::Hard);
    assert_eq!(hard.quotes.len(), 2);
    assert_eq!(hard.quotes[0].outlet, "Daily Two");
    assert_eq!(hard.quotes[1].outlet, "Misprint Post");
    assert_eq!(
        hard.quotes[1].published.map(|d| d.to_string()).as_deref(),
        Some("2025-12-17")
    );
    assert_eq!(hard.quotes[1].text, "$100 billion into OpenAI");
    assert_eq!(get("figure:cl-0002+cl-0003").severity, Severity::Soft);
    assert_eq!(get("figure:cl-0001+cl-0009").severity, Severity::Soft);
    assert!(
        fs.get("figure:cl-0001+cl-0002").is_none(),
        "exact and at-least agree"
    );
    let stock = get("figure:cl-0004+cl-0005");
    assert_eq!(stock.severity, Severity::Hard);
    assert!(
        stock.message.contains("2.3%") && stock.message.contains("5%"),
        "{}",
        stock.message
    );
    let wording = get("wording:cl-0001+cl-0002+cl-0003+cl-0009");
    assert_eq!(wording.severity, Severity::Info);
    for w in ["$10B", "at least $10B", "more than $10B", "$100B"] {
        assert!(wording.message.contains(w), "{w} in {}", wording.message);
    }
    assert_eq!(fs.items[0].severity, Severity::Hard, "most serious first");
    assert_eq!(fs.for_claim(&ClaimId::numbered(9)).count(), 4);
}

/// A share move without a date (its article states none) is the same fact as no other, but a
/// different figure for the same company's move is worth a question: one soft finding per fact
/// key that says a date is missing; equal figures, other companies and forecasts stay quiet.
#[test]
fn undated_share_moves_that_differ_ask_for_a_check() {
    let text_a = "Shares of Amazon rose 2.3% after hours.";
    let text_b = "Amazon's stock climbed 5% on the news. Microsoft stock fell 5% too.";
    let mut ws = Builder::new()
        .entity("amazon", "Amazon", None)
        .entity("microsoft", "Microsoft", None)
        .doc("doc-0001", "Undated Daily", "2025-11-03", text_a)
        .doc("doc-0002", "Dated Times", "2025-12-17", text_b)
        .claim(
            1,
            ClaimKind::StockMove,
            "amazon",
            None,
            Some(Figure::exact(2.3, Unit::Percent)),
            ClaimStatus::Completed,
            None,
            &[("doc-0001", "rose 2.3%")],
        )
        .claim(
            2,
            ClaimKind::StockMove,
            "amazon",
            None,
            Some(Figure::exact(5.0, Unit::Percent)),
            ClaimStatus::Completed,
            None,
            &[("doc-0002", "climbed 5%")],
        )
        .claim(
            3,
            ClaimKind::StockMove,
            "microsoft",
            None,
            Some(Figure::exact(5.0, Unit::Percent)),
            ClaimStatus::Completed,
            None,
            &[("doc-0002", "fell 5%")],
        )
        .build();
    // Both dated, six weeks apart: different moves, nothing to say.
    assert!(
        Findings::compute(&ws)
            .get("figure:cl-0001+cl-0002")
            .is_none()
    );
    // The first article turns out to have no date.
    ws.documents[0].published = None;
    let fs = Findings::compute(&ws);
    let f = fs
        .get("figure:cl-0001+cl-0002")
        .unwrap_or_else(|| panic!("no finding in {:#?}", fs.items));
    assert_eq!(f.severity, Severity::Soft, "never hard without a date");
    assert!(
        f.message.contains("2.3% and 5% contradict each other")
            && f.message.contains("one report gives no date"),
        "{}",
        f.message
    );
    assert_eq!(
        fs.items.len(),
        1,
        "Microsoft's move is another fact: {:#?}",
        fs.items
    );
    // Neither dated: still one question, saying so.
    ws.documents[1].published = None;
    let fs = Findings::compute(&ws);
    let f = fs.get("figure:cl-0001+cl-0002").expect("still asked");
    assert!(
        f.message.contains("neither report gives a date"),
        "{}",
        f.message
    );
    // The same figure in both: nothing to check.
    ws.claims[0].figure = Some(Figure::exact(5.0, Unit::Percent));
    assert!(Findings::compute(&ws).items.is_empty());
    // A forecast is not a reported move.
    ws.claims[0].figure = Some(Figure::exact(2.3, Unit::Percent));
    ws.claims[0].status = ClaimStatus::Forecast;
    assert!(Findings::compute(&ws).items.is_empty());
}

#[test]
fn status_clashes_need_the_same_date() {
    let ws = Builder::new()
        .entity("a", "A", None)
        .entity("b", "B", None)
        .doc(
            "doc-0001",
            "O",
            "2025-11-03",
            "A signed a deal with B. A is in talks with B. A denied any deal with B.",
        )
        .claim(
            1,
            ClaimKind::ComputeCommitment,
            "a",
            Some("b"),
            None,
            ClaimStatus::Signed,
            Some("2025-11-03"),
            &[("doc-0001", "A signed")],
        )
        .claim(
            2,
            ClaimKind::ComputeCommitment,
            "a",
            Some("b"),
            None,
            ClaimStatus::InTalks,
            Some("2025-11"),
            &[("doc-0001", "in talks")],
        )
        .claim(
            3,
            ClaimKind::ComputeCommitment,
            "a",
            Some("b"),
            None,
            ClaimStatus::InTalks,
            Some("2025-11-20"),
            &[("doc-0001", "A is in")],
        )
        .claim(
            4,
            ClaimKind::ComputeCommitment,
            "a",
            Some("b"),
            None,
            ClaimStatus::Denied,
            Some("2025-11-20"),
            &[("doc-0001", "denied")],
        )
        .build();
    let fs = Findings::compute(&ws);
    assert_eq!(
        fs.get("status:cl-0001+cl-0002").map(|f| f.severity),
        Some(Severity::Soft)
    );
    assert!(
        fs.get("status:cl-0001+cl-0003").is_none(),
        "17 days apart: the deal may have moved on"
    );
    assert_eq!(
        fs.get("status:cl-0003+cl-0004").map(|f| f.severity),
        Some(Severity::Hard)
    );
}

#[test]
fn later_lower_valuation_is_flagged_but_not_forecasts() {
    let ws = Builder::new()
        .entity("openai", "OpenAI", None)
        .doc("doc-0001", "O", "2025-12-17", "It was valued at $500 billion. It is valued at $86 billion. It could be worth $300 billion.")
        .claim(1, ClaimKind::Valuation, "openai", None, usd(500.0), ClaimStatus::Completed, Some("2025-10"), &[("doc-0001", "$500 billion")])
        .claim(2, ClaimKind::Valuation, "openai", None, usd(86.0), ClaimStatus::Unknown, None, &[("doc-0001", "$86 billion")])
        .claim(3, ClaimKind::Valuation, "openai", None, usd(300.0), ClaimStatus::Forecast, None, &[("doc-0001", "$300 billion")])
        .build();
    let fs = Findings::compute(&ws);
    let ids: Vec<&str> = fs.items.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, vec!["valuation-order:cl-0001+cl-0002"]);
    assert!(
        fs.items[0].message.contains("2025-12-17"),
        "{}",
        fs.items[0].message
    );
}

#[test]
fn resolutions_attach_to_findings_and_undo() {
    let mut ws = deals();
    let fs = Findings::compute(&ws);
    let f = fs.get("figure:cl-0004+cl-0005").unwrap().clone();
    assert!(resolve_finding(&ws, &f, Some(ClaimId::numbered(1)), "x").is_err());
    let edit = resolve_finding(&ws, &f, Some(ClaimId::numbered(4)), "closing price").unwrap();
    let undo = edit.into_action(&ws).apply(&mut ws).unwrap();
    assert_eq!(ws.validate(), vec![]);
    let again = Findings::compute(&ws);
    let r = again.get(&f.id).unwrap().resolution.as_ref().unwrap();
    assert_eq!(r.preferred, Some(ClaimId::numbered(4)));
    assert_eq!(again.count(Severity::Hard), (1, 1));
    let resolved = ws.clone();
    undo.apply(&mut ws).unwrap();
    assert!(ws.resolutions.is_empty());
    // Reopening removes it again, as one undoable step.
    let mut reopened = resolved.clone();
    let undo = claimbench::analysis::reopen_finding(&reopened, &f.id)
        .into_action(&reopened)
        .apply(&mut reopened)
        .unwrap();
    assert!(reopened.resolutions.is_empty());
    undo.apply(&mut reopened).unwrap();
    assert_eq!(reopened, resolved);
}

#[test]
fn duplicates_are_proposed_and_merge_is_reversible() {
    let mut ws = deals();
    let dups = duplicate_candidates(&ws);
    let pairs: Vec<(&str, &str)> = dups
        .iter()
        .map(|d| (d.keep.as_str(), d.absorb.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![("cl-0001", "cl-0002"), ("cl-0001", "cl-0003")],
        "more-than vs exact is a conflict, not a duplicate"
    );
    ws.resolutions.push(Resolution {
        finding: "figure:cl-0002+cl-0003".into(),
        claims: vec![ClaimId::numbered(2), ClaimId::numbered(3)],
        preferred: Some(ClaimId::numbered(2)),
        note: String::new(),
    });
    let before = ws.clone();
    let m = merge_claims(&ws, &ClaimId::numbered(1), &ClaimId::numbered(2)).unwrap();
    assert_eq!(ws, before, "merge_claims does not touch the workspace");
    let undo = m.into_action().apply(&mut ws).unwrap();
    assert_eq!(ws.claims.len(), before.claims.len() - 1);
    let kept = ws.claim(&ClaimId::numbered(1)).unwrap();
    assert_eq!(kept.evidence.len(), 2);
    assert_eq!(ws.resolutions[0].preferred, Some(ClaimId::numbered(1)));
    assert_eq!(
        ws.resolutions[0].finding, "figure:cl-0001+cl-0003",
        "renamed with its claims"
    );
    assert!(
        Findings::compute(&ws)
            .get("figure:cl-0001+cl-0003")
            .is_none(),
        "at least vs more than agree: after the merge that conflict is gone"
    );
    assert_eq!(ws.validate(), vec![]);
    undo.apply(&mut ws).unwrap();
    assert_eq!(ws, before);
    assert!(merge_claims(&ws, &ClaimId::numbered(1), &ClaimId::numbered(1)).is_err());
    assert!(merge_claims(&ws, &ClaimId::numbered(1), &ClaimId::numbered(99)).is_err());
}

fn graph(n: usize, edges: &[(usize, usize)]) -> DiGraph<usize, ()> {
    let mut g = DiGraph::new();
    for i in 0..n {
        g.add_node(i);
    }
    for &(a, b) in edges {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    g
}

fn cycles(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    elementary_cycles(&graph(n, edges))
        .into_iter()
        .map(|c| c.into_iter().map(|i| i.index()).collect())
        .collect()
}

#[test]
fn elementary_cycles_of_small_graphs() {
    assert_eq!(
        cycles(3, &[(0, 1), (1, 2)]),
        Vec::<Vec<usize>>::new(),
        "a chain has none"
    );
    assert_eq!(
        cycles(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]),
        Vec::<Vec<usize>>::new(),
        "a diamond has none"
    );
    assert_eq!(cycles(0, &[]), Vec::<Vec<usize>>::new());
    assert_eq!(
        cycles(3, &[(0, 1), (1, 2), (2, 0)]),
        vec![vec![0, 1, 2]],
        "one 3-cycle"
    );
    assert_eq!(cycles(2, &[(0, 1), (1, 0)]), vec![vec![0, 1]]);
    assert_eq!(
        cycles(3, &[(0, 1), (1, 0), (1, 2), (2, 0)]),
        vec![vec![0, 1], vec![0, 1, 2]],
        "a 2-cycle and a 3-cycle sharing an edge"
    );
    assert_eq!(cycles(1, &[(0, 0)]), vec![vec![0]], "a self-loop");
    // Complete digraph on 4 nodes: 6 two-cycles, 8 three-cycles, 6 four-cycles.
    let mut k4 = Vec::new();
    for a in 0..4 {
        for b in 0..4 {
            if a != b {
                k4.push((a, b));
            }
        }
    }
    let all = cycles(4, &k4);
    let by_len = |l| all.iter().filter(|c| c.len() == l).count();
    assert_eq!((by_len(2), by_len(3), by_len(4)), (6, 8, 6));
}

#[test]
fn money_graph_finds_both_loops_with_circularity() {
    let ws = deals();
    let g = MoneyGraph::build(&ws, &Filter::default());
    let texts: Vec<String> = g.cycles.iter().map(|c| g.cycle_text(c)).collect();
    assert_eq!(
        texts,
        vec!["Amazon → OpenAI → Amazon", "Nvidia → OpenAI → Nvidia"]
    );
    let amazon = &g.cycles[0].circularity[0];
    assert_eq!(
        amazon.invested,
        Some(10e9),
        "the $10B deal counted once, not three times"
    );
    assert_eq!(amazon.returned, Some(38e9));
    assert_eq!(amazon.share, Some(1.0));
    assert!((amazon.ratio.unwrap() - 3.8).abs() < 1e-9);
    assert!(
        amazon.explanation.contains("$38B"),
        "{}",
        amazon.explanation
    );
    let nvidia = &g.cycles[1].circularity[0];
    assert_eq!(nvidia.invested, Some(100e9));
    assert_eq!(nvidia.share, None, "the return leg is 10 GW, not dollars");
    assert!(
        nvidia.explanation.contains("10 GW"),
        "{}",
        nvidia.explanation
    );
    let aws_edge = g.edge(&"openai".into(), &"amazon".into()).unwrap();
    assert_eq!(aws_edge.amount_text(), "$38B");
    assert_eq!(aws_edge.status(), ClaimStatus::Signed);
}

#[test]
fn three_party_loop_and_filters() {
    let ws = Builder::new()
        .entity("a", "A", None)
        .entity("b", "B", None)
        .entity("c", "C", None)
        .doc("doc-0001", "O", "2025-06-01", "A puts $10 billion in B. B buys $6 billion of chips from C. C rents $4 billion of cloud from A.")
        .claim(1, ClaimKind::Investment, "a", Some("b"), usd(10.0), ClaimStatus::Signed, Some("2025-06-01"), &[("doc-0001", "$10 billion")])
        .claim(2, ClaimKind::ChipSupply, "b", Some("c"), usd(6.0), ClaimStatus::Signed, Some("2025-06-01"), &[("doc-0001", "$6 billion")])
        .claim(3, ClaimKind::ComputeCommitment, "c", Some("a"), usd(4.0), ClaimStatus::InTalks, Some("2025-08-01"), &[("doc-0001", "$4 billion")])
        .build();
    let g = MoneyGraph::build(&ws, &Filter::default());
    assert_eq!(g.cycles.len(), 1);
    assert_eq!(g.cycle_text(&g.cycles[0]), "A → B → C → A");
    let k = &g.cycles[0].circularity[0];
    assert_eq!((k.invested, k.returned), (Some(10e9), Some(4e9)));
    assert!((k.share.unwrap() - 0.4).abs() < 1e-9);
    let firm = Filter {
        statuses: vec![ClaimStatus::Signed],
        ..Filter::default()
    };
    assert!(
        MoneyGraph::build(&ws, &firm).cycles.is_empty(),
        "the unsigned leg is filtered out"
    );
    let june = Filter {
        to: Some("2025-06".parse().unwrap()),
        ..Filter::default()
    };
    let gj = MoneyGraph::build(&ws, &june);
    assert!(gj.cycles.is_empty());
    assert_eq!(gj.graph.edge_count(), 2);
}
