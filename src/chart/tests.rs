//! Unit tests of series building on a small workspace made in code.

use super::*;
use crate::model::*;
use chrono::NaiveDate;

fn ent(id: &str, name: &str, parent: Option<&str>) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        kind: EntityKind::Company,
        parent: parent.map(Into::into),
    }
}

fn doc(id: &str, outlet: &str, cites: &[&str]) -> SourceDocument {
    let text = "Some article text about deals.".to_owned();
    SourceDocument {
        id: id.into(),
        title: format!("Article {id}"),
        outlet: outlet.into(),
        author: None,
        url: None,
        published: None,
        imported_at: None,
        sha256: SourceDocument::hash_text(&text),
        cites: cites.iter().map(|s| s.to_string()).collect(),
        text,
        excluded: vec![],
        rejected: Vec::new(),
        import_notes: Vec::new(),
        import_marks: Default::default(),
    }
}

#[allow(clippy::too_many_arguments)]
fn claim(
    n: u64,
    kind: ClaimKind,
    subject: &str,
    counterparty: Option<&str>,
    figure: Option<Figure>,
    date: Option<&str>,
    status: ClaimStatus,
    docs: &[&str],
) -> Claim {
    let mut c = Claim::new(ClaimId::numbered(n), kind);
    c.subject = Some(subject.into());
    c.counterparty = counterparty.map(Into::into);
    c.figure = figure;
    c.as_of = date.map(|d| d.parse().unwrap());
    c.status = status;
    c.evidence = docs
        .iter()
        .map(|d| Evidence {
            doc: (*d).into(),
            anchor: Anchor::from_span("Some article text about deals.", 0, 4),
            attributed_to: None,
            orphaned: false,
        })
        .collect();
    c
}

const B: f64 = 1e9;

fn usd(v: f64) -> Option<Figure> {
    Some(Figure::exact(v * B, Unit::Usd))
}

fn q(v: f64, qual: Qualifier) -> Option<Figure> {
    Some(Figure::qualified(v * B, qual, Unit::Usd))
}

fn workspace() -> Workspace {
    use ClaimKind::*;
    use ClaimStatus::*;
    let mut ws = Workspace::new("Test deals");
    ws.entities = vec![
        ent("openai", "OpenAI", None),
        ent("amazon", "Amazon", None),
        ent("aws", "AWS", Some("amazon")),
        ent("oracle", "Oracle", None),
        ent("nvidia", "Nvidia", None),
        ent("sap", "SAP", None),
    ];
    ws.documents = vec![
        doc("doc-0001", "Outlet A", &["The Information"]),
        doc("doc-0002", "Outlet B", &[]),
        doc("doc-0003", "Outlet C", &["the information"]),
    ];
    let d1 = &["doc-0001"][..];
    let both = &["doc-0002", "doc-0003"][..];
    let mut v = vec![
        claim(
            1,
            Valuation,
            "openai",
            None,
            usd(500.0),
            Some("2025-10"),
            Completed,
            d1,
        ),
        claim(
            2,
            Valuation,
            "openai",
            None,
            q(750.0, Qualifier::About),
            Some("2025-12-18"),
            Rumored,
            both,
        ),
        claim(
            3,
            Valuation,
            "openai",
            None,
            None,
            Some("2025-12"),
            Rumored,
            d1,
        ),
        claim(4, Valuation, "openai", None, usd(830.0), None, Rumored, d1),
        claim(
            5,
            Valuation,
            "openai",
            None,
            Some(Figure::range(750.0 * B, Some(830.0 * B), Unit::Usd)),
            Some("2025-12"),
            InTalks,
            d1,
        ),
        claim(
            6,
            Valuation,
            "openai",
            None,
            usd(900.0),
            Some("2025-11"),
            Denied,
            d1,
        ),
        claim(
            10,
            ComputeCommitment,
            "openai",
            Some("aws"),
            usd(38.0),
            Some("2025-11-03"),
            Signed,
            both,
        ),
        claim(
            11,
            ComputeCommitment,
            "openai",
            Some("oracle"),
            usd(300.0),
            Some("2025-09"),
            Signed,
            d1,
        ),
        claim(
            12,
            Investment,
            "amazon",
            Some("openai"),
            q(10.0, Qualifier::AtLeast),
            Some("2025-12-16"),
            InTalks,
            both,
        ),
        claim(
            13,
            Investment,
            "nvidia",
            Some("openai"),
            q(100.0, Qualifier::UpTo),
            Some("2025-09-22"),
            LetterOfIntent,
            d1,
        ),
        claim(
            14,
            ComputeCommitment,
            "openai",
            Some("sap"),
            Some(Figure::exact(2.0 * B, Unit::Currency("EUR".into()))),
            Some("2025-09"),
            Announced,
            d1,
        ),
        claim(
            15,
            Capacity,
            "openai",
            Some("nvidia"),
            Some(Figure::exact(10.0, Unit::Gw)),
            Some("2025-09-22"),
            LetterOfIntent,
            d1,
        ),
    ];
    v[6].period = Some(Period::Over { months: 84 });
    v[7].period = Some(Period::Over { months: 60 });
    v[9].period = Some(Period::By("2026".parse().unwrap()));
    ws.claims = v;
    assert_eq!(ws.validate(), vec![]);
    ws
}

fn chart(id: &str, title: &str, spec: ChartSpec) -> Chart {
    Chart {
        id: id.into(),
        title: title.into(),
        spec,
    }
}

fn valuation() -> Chart {
    chart(
        "chart-v",
        "OpenAI valuation",
        ChartSpec::Valuation {
            entities: vec!["openai".into()],
        },
    )
}

fn commitments(annualised: bool) -> Chart {
    chart(
        "chart-c",
        "Commitments",
        ChartSpec::Commitments {
            entity: "openai".into(),
            annualised,
        },
    )
}

fn ids(points: &[Point]) -> Vec<&str> {
    points.iter().map(|p| p.claim.as_str()).collect()
}

fn reason(data: &ChartData, id: &str) -> Option<Reason> {
    data.not_plotted
        .iter()
        .find(|n| n.claim.as_str() == id)
        .map(|n| n.reason.clone())
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn valuation_points_sorted_with_reasons_for_the_rest() {
    let d = build(&workspace(), &valuation());
    assert_eq!(d.series.len(), 1);
    assert_eq!(d.series[0].name, "OpenAI");
    assert_eq!(ids(&d.series[0].points), ["cl-0001", "cl-0005", "cl-0002"]);
    assert_eq!(reason(&d, "cl-0003"), Some(Reason::NoFigure));
    assert_eq!(reason(&d, "cl-0004"), Some(Reason::NoDate));
    assert_eq!(reason(&d, "cl-0006"), Some(Reason::Denied));
    assert_eq!(d.not_plotted.len(), 3);
    assert_eq!(d.unit, Unit::Usd);
    assert_eq!(d.y_label, "Valuation (USD)");
    // doc-0001 cites The Information; doc-0003 cites it too (other case); doc-0002 is Outlet B.
    assert_eq!(d.sources, ["Outlet B", "The Information"]);
}

#[test]
fn fuzzy_dates_become_spans_not_fake_days() {
    let d = build(&workspace(), &valuation());
    let p = &d.series[0].points;
    assert_eq!(
        (p[0].x.start, p[0].x.end),
        (day("2025-10-01"), day("2025-11-01"))
    );
    assert_eq!(p[0].x.days(), 31);
    assert_eq!(p[1].x.precision(), DatePrecision::Month);
    assert_eq!((p[2].x.start, p[2].x.days()), (day("2025-12-18"), 1));
    let y = XSpan::of("2024".parse().unwrap());
    assert_eq!(
        (y.start, y.end, y.days()),
        (day("2024-01-01"), day("2025-01-01"), 366)
    );
}

#[test]
fn qualifiers_become_intervals() {
    let d = build(&workspace(), &valuation());
    let p = &d.series[0].points;
    assert_eq!(p[0].y.shape, YShape::Exact);
    assert_eq!(p[1].y.shape, YShape::Interval);
    assert_eq!(
        (p[1].y.low, p[1].y.high, p[1].y.value),
        (750.0 * B, 830.0 * B, 790.0 * B)
    );
    assert_eq!(p[2].y.shape, YShape::Band);
    assert!((p[2].y.high - 825.0 * B).abs() < 1.0);
    let up = series::y_of(&Figure::qualified(10.0, Qualifier::MoreThan, Unit::Usd));
    assert_eq!(
        (up.shape, up.low, up.high),
        (YShape::OpenUp, 10.0, f64::INFINITY)
    );
    let down = series::y_of(&Figure::qualified(10.0, Qualifier::UpTo, Unit::Usd));
    assert_eq!(
        (down.shape, down.low, down.high),
        (YShape::OpenDown, 0.0, 10.0)
    );
    let open = series::y_of(&Figure::range(5.0, None, Unit::Usd));
    assert_eq!(open.shape, YShape::OpenUp);
    assert_eq!(p[0].style(), StatusStyle::Firm);
    assert_eq!(p[2].style(), StatusStyle::Tentative);
}

#[test]
fn commitments_cumulate_by_direction_and_group_bars_by_counterparty() {
    let d = build(&workspace(), &commitments(false));
    let names: Vec<&str> = d.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "By OpenAI, cumulative",
            "To OpenAI, cumulative",
            "Oracle",
            "Nvidia",
            "Amazon"
        ]
    );
    let by = &d.series[0];
    assert_eq!(by.mark, Mark::Step);
    assert_eq!(ids(&by.points), ["cl-0011", "cl-0010"]);
    assert_eq!(by.points[1].y.value, 338.0 * B);
    let to = &d.series[1];
    assert_eq!(ids(&to.points), ["cl-0013", "cl-0012"]);
    assert_eq!(to.points[1].y.value, 110.0 * B);
    assert_eq!(
        to.points[1].y.shape,
        YShape::OpenUp,
        "at least $10B keeps the total open"
    );
    assert_eq!(to.points[0].y.low, 0.0, "up to $100B may be nothing");
    // AWS rolls up to Amazon: the compute deal and the investment are one group.
    assert_eq!(ids(&d.series[4].points), ["cl-0010", "cl-0012"]);
    assert_eq!(d.series[4].mark, Mark::Bars);
    assert_eq!(
        reason(&d, "cl-0014"),
        Some(Reason::OtherUnit {
            unit: Unit::Currency("EUR".into()),
            axis: Unit::Usd
        })
    );
    assert!(
        reason(&d, "cl-0015").is_none(),
        "capacity is not a commitment kind"
    );
    assert_eq!(d.claims.len(), 4);
}

#[test]
fn annualised_spreads_deals_over_their_period() {
    let d = build(&workspace(), &commitments(true));
    assert!(d.per_year);
    let amazon = d.series.iter().find(|s| s.name == "Amazon").unwrap();
    let aws = &amazon.points[0];
    assert_eq!(aws.claim.as_str(), "cl-0010");
    assert!(
        (aws.y.value - 38.0 * B / 7.0).abs() < 1.0,
        "{}",
        aws.y.value
    );
    assert_eq!(
        (aws.x.start, aws.x.end),
        (day("2025-11-03"), day("2032-11-03"))
    );
    assert_eq!(reason(&d, "cl-0012"), Some(Reason::NoPeriod));
    // Nvidia's "by 2026" runs from 22 Sep 2025 to the end of 2026.
    let nv = &d.series.iter().find(|s| s.name == "Nvidia").unwrap().points[0];
    assert_eq!(nv.x.end, day("2027-01-01"));
    // Run-rate: Oracle from Sep 2025 (60B/yr), AWS adds ~5.4B, Oracle ends Sep 2030, AWS Nov 2032.
    let by = &d.series[0];
    assert_eq!(by.name, "By OpenAI, per year in force");
    let vals: Vec<f64> = by
        .points
        .iter()
        .map(|p| (p.y.value / B * 100.0).round() / 100.0)
        .collect();
    assert_eq!(vals, [60.0, 65.43, 5.43, 0.0]);
    assert_eq!(by.points[2].x.start, day("2030-09-01"));
}

#[test]
fn figures_chart_keeps_one_unit_per_axis() {
    let c = chart(
        "chart-f",
        "Capacity",
        ChartSpec::Figures {
            kinds: vec![],
            parties: vec!["nvidia".into()],
            statuses: vec![],
            unit: Unit::Gw,
        },
    );
    let d = build(&workspace(), &c);
    assert_eq!(d.claims.len(), 1);
    assert_eq!(d.series[0].points[0].claim.as_str(), "cl-0015");
    assert_eq!(d.series[0].name, "OpenAI");
    assert!(matches!(
        reason(&d, "cl-0013"),
        Some(Reason::OtherUnit {
            unit: Unit::Usd,
            axis: Unit::Gw
        })
    ));
}

#[test]
fn charts_are_found_by_id_or_title() {
    let mut ws = workspace();
    ws.charts = vec![valuation(), commitments(false)];
    assert_eq!(find_chart(&ws, "chart-c").unwrap().title, "Commitments");
    assert_eq!(
        find_chart(&ws, "openai VALUATION").unwrap().id.as_str(),
        "chart-v"
    );
    assert!(find_chart(&ws, "nope").is_none());
}

#[test]
fn footnote_counts_claims_and_sources_and_dates_only_when_asked() {
    let ws = workspace();
    let d = build(&ws, &valuation());
    let mut opts = RenderOptions::new("Test deals");
    let f = svg::footnote(&d, &opts);
    assert_eq!(
        f[0],
        "Plotted: 3 claims from 2 independent sources (Outlet B, The Information)."
    );
    assert_eq!(f[1], "Workspace: Test deals");
    opts.export_date = Some(day("2026-01-05"));
    assert!(svg::footnote(&d, &opts)[1].ends_with("exported 2026-01-05"));
    let a = render_svg(&d, &RenderOptions::new("Test deals"));
    assert_eq!(a, render_svg(&d, &RenderOptions::new("Test deals")));
    assert!(!a.contains("exported"));
}

#[test]
fn empty_chart_still_renders_with_a_message() {
    let ws = Workspace::new("empty");
    let d = build(&ws, &valuation());
    assert!(d.is_empty());
    let s = render_svg(&d, &RenderOptions::new("empty"));
    assert!(s.contains("Nothing to plot"));
    let png = svg_to_png(&s).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn contradicting_reports_of_one_deal_are_marked_and_counted_once() {
    let mut ws = workspace();
    // A second outlet reports Amazon's investment as $100B on the same day, from one source.
    ws.claims.push(claim(
        16,
        ClaimKind::Investment,
        "amazon",
        Some("openai"),
        usd(100.0),
        Some("2025-12-16"),
        ClaimStatus::InTalks,
        &["doc-0002"],
    ));
    let d = build(&ws, &commitments(false));
    let to = &d.series[1];
    assert_eq!(ids(&to.points), ["cl-0013", "cl-0012"], "cl-0016 not added");
    assert_eq!(to.points[1].y.value, 110.0 * B);
    let amazon = d.series.iter().find(|s| s.name == "Amazon").unwrap();
    let p16 = amazon
        .points
        .iter()
        .find(|p| p.claim.as_str() == "cl-0016")
        .unwrap();
    let p12 = amazon
        .points
        .iter()
        .find(|p| p.claim.as_str() == "cl-0012")
        .unwrap();
    assert!(p16.disagrees && p12.disagrees);
    assert_eq!(p16.same_fact, vec![ClaimId::numbered(12)]);
    assert!(to.points[1].disagrees, "marks reach the step series too");
    // The AWS deal is Amazon's too but another kind: not the same fact.
    let aws = amazon
        .points
        .iter()
        .find(|p| p.claim.as_str() == "cl-0010")
        .unwrap();
    assert!(aws.same_fact.is_empty() && !aws.disagrees);
    // Agreeing reports are grouped but not flagged.
    ws.claims[12].figure = q(10.0, Qualifier::About);
    let d = build(&ws, &commitments(false));
    let p = d
        .points()
        .find(|(_, p)| p.claim.as_str() == "cl-0016")
        .unwrap()
        .1;
    assert!(!p.disagrees && p.same_fact.len() == 1, "{p:?}");
}

#[test]
fn year_only_dates_do_not_merge_distinct_events() {
    let mut ws = workspace();
    // "valued at $300B in 2025" is not the same fact as the October $500B round.
    ws.claims.push(claim(
        17,
        ClaimKind::Valuation,
        "openai",
        None,
        usd(300.0),
        Some("2025"),
        ClaimStatus::Completed,
        &["doc-0002"],
    ));
    let d = build(&ws, &valuation());
    let p17 = d
        .points()
        .find(|(_, p)| p.claim.as_str() == "cl-0017")
        .unwrap()
        .1;
    assert!(p17.same_fact.is_empty() && !p17.disagrees);
    // Same month: "about $750B" (Dec 18) and "$750–830B" (Dec) are one fact and fit each other.
    let find = |d: &ChartData, id: &str| {
        d.points()
            .find(|(_, p)| p.claim.as_str() == id)
            .unwrap()
            .1
            .clone()
    };
    let p2 = find(&d, "cl-0002");
    assert_eq!(p2.same_fact, vec![ClaimId::numbered(5)]);
    assert!(!p2.disagrees);
    // An exact $900B that same month would not fit.
    ws.claims[4].figure = usd(900.0);
    assert!(find(&build(&ws, &valuation()), "cl-0002").disagrees);
}
