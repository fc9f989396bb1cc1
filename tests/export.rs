//! CLI tests of `claimbench export chart|claims` on a small workspace built in code: SVG parses
//! and carries series names and footnote, PNG decodes at the requested size and is not blank,
//! CSV has a row per plotted claim, exports are byte-identical, errors have the right exit code.

use claimbench::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const B: f64 = 1e9;
const TEXT: &str =
    "OpenAI agreed a $38 billion deal with AWS; Amazon may invest at least $10 billion.";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .args(args)
        .output()
        .expect("run claimbench")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn entity(id: &str, name: &str, parent: Option<&str>) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        kind: EntityKind::Company,
        parent: parent.map(Into::into),
    }
}

fn claim(
    n: u64,
    kind: ClaimKind,
    s: &str,
    c: Option<&str>,
    f: Option<Figure>,
    d: Option<&str>,
) -> Claim {
    let mut cl = Claim::new(ClaimId::numbered(n), kind);
    cl.subject = Some(s.into());
    cl.counterparty = c.map(Into::into);
    cl.figure = f;
    cl.as_of = d.map(|d| d.parse().unwrap());
    cl.status = ClaimStatus::Signed;
    cl.evidence.push(Evidence {
        doc: if n.is_multiple_of(2) {
            "doc-0001"
        } else {
            "doc-0002"
        }
        .into(),
        anchor: Anchor::find(TEXT, "$38 billion", 0).unwrap(),
        attributed_to: None,
        orphaned: false,
    });
    cl
}

/// A workspace with a valuation chart and a commitments chart, saved into a temp folder.
fn workspace(dir: &Path) -> PathBuf {
    let mut ws = Workspace::new("Export & test <deals>");
    ws.entities = vec![
        entity("openai", "OpenAI", None),
        entity("amazon", "Amazon", None),
        entity("aws", "AWS", Some("amazon")),
        entity("oracle", "Oracle", None),
    ];
    for (i, outlet) in [(1, "Outlet One"), (2, "Outlet Two")] {
        ws.documents.push(SourceDocument {
            id: DocId::numbered(i),
            title: format!("Article {i}"),
            outlet: outlet.into(),
            author: None,
            url: None,
            published: None,
            imported_at: None,
            sha256: SourceDocument::hash_text(TEXT),
            cites: vec![],
            text: TEXT.into(),
            excluded: vec![],
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
        });
    }
    use ClaimKind::*;
    let usd = |v: f64| Some(Figure::exact(v * B, Unit::Usd));
    ws.claims = vec![
        claim(1, Valuation, "openai", None, usd(300.0), Some("2025-03")),
        claim(2, Valuation, "openai", None, usd(500.0), Some("2025-10-02")),
        claim(3, Valuation, "openai", None, None, Some("2025-12")),
        claim(
            4,
            ComputeCommitment,
            "openai",
            Some("aws"),
            usd(38.0),
            Some("2025-11-03"),
        ),
        claim(
            5,
            ComputeCommitment,
            "openai",
            Some("oracle"),
            usd(300.0),
            Some("2025-09"),
        ),
        claim(
            6,
            Investment,
            "amazon",
            Some("openai"),
            Some(Figure::qualified(10.0 * B, Qualifier::AtLeast, Unit::Usd)),
            Some("2025-12-16"),
        ),
    ];
    ws.claims[5].status = ClaimStatus::InTalks;
    ws.charts = vec![
        Chart {
            id: "chart-openai-valuation".into(),
            title: "OpenAI valuation".into(),
            spec: ChartSpec::Valuation {
                entities: vec!["openai".into()],
            },
        },
        Chart {
            id: "chart-openai-commitments".into(),
            title: "Commitments around OpenAI".into(),
            spec: ChartSpec::Commitments {
                entity: "openai".into(),
                annualised: false,
            },
        },
    ];
    let path = dir.join("ws.ron");
    claimbench::io::save_workspace(&ws, &path).unwrap();
    path
}

fn export(ws: &Path, chart: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        "chart",
        ws.to_str().unwrap(),
        "--chart",
        chart,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn svg_parses_and_names_every_series_and_the_footnote() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = dir.path().join("c.svg");
    let o = export(&ws, "Commitments around OpenAI", &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("SVG is XML");
    let series: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-series"))
        .collect();
    for name in [
        "By OpenAI, cumulative",
        "To OpenAI, cumulative",
        "Oracle",
        "Amazon",
    ] {
        assert!(series.contains(&name), "{name} missing from {series:?}");
        let in_legend = doc
            .descendants()
            .any(|n| n.has_tag_name("text") && n.text() == Some(name));
        assert!(in_legend, "{name} not in legend");
    }
    let foot: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("id") == Some("footnote"))
        .flat_map(|n| n.descendants().filter_map(|t| t.text()).map(str::to_owned))
        .collect();
    let foot = foot.join(" ");
    assert!(
        foot.contains("3 claims from 2 independent sources"),
        "{foot}"
    );
    assert!(foot.contains("Workspace: Export & test <deals>"), "{foot}");
    assert!(!foot.contains("exported"), "no date unless asked: {foot}");
    let claims: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-claim"))
        .collect();
    assert!(claims.contains(&"cl-0006"));
}

#[test]
fn export_date_appears_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = dir.path().join("v.svg");
    let o = export(
        &ws,
        "chart-openai-valuation",
        &out,
        &["--date", "2026-01-05"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("exported 2026-01-05"));
    // Named in words, not by its id: what it is, then (on the next line) why it is left out.
    assert!(
        text.contains(">Valuation, OpenAI</text>") && text.contains(">no figure</text>"),
        "not-plotted list"
    );
    assert!(!text.contains("cl-0003:"), "no claim ids for readers");
    let bad = export(
        &ws,
        "chart-openai-valuation",
        &out,
        &["--date", "05/01/2026"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn png_decodes_at_requested_size_and_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = dir.path().join("v.png");
    let o = export(
        &ws,
        "chart-openai-valuation",
        &out,
        &["--width", "800", "--height", "500"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let img = image::open(&out).expect("PNG decodes").to_rgba8();
    assert_eq!(img.dimensions(), (800, 500));
    let first = *img.get_pixel(0, 0);
    let differing = img.pixels().filter(|p| **p != first).count();
    assert!(differing > 2000, "only {differing} non-background pixels");
    // Text is drawn: the title row (y 14..36) has dark pixels.
    let dark = (14..36)
        .flat_map(|y| (20..200).map(move |x| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0[0] < 100)
        .count();
    assert!(dark > 50, "title text not rendered ({dark} dark pixels)");
}

#[test]
fn chart_csv_has_a_row_per_plotted_claim_and_exports_are_identical() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    assert!(
        export(&ws, "chart-openai-commitments", &a, &[])
            .status
            .success()
    );
    assert!(
        export(&ws, "chart-openai-commitments", &b, &[])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&a).unwrap();
    assert_eq!(text, std::fs::read_to_string(&b).unwrap());
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("claim_id,series,"));
    let ids: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["cl-0005", "cl-0004", "cl-0006"],
        "legend order, then date"
    );
    let aws = rows.iter().find(|r| r.starts_with("cl-0004")).unwrap();
    assert!(aws.contains("Outlet One"), "{aws}");
    assert!(
        aws.contains("338000000000"),
        "running total after AWS: {aws}"
    );
    let (sa, sb) = (dir.path().join("a.svg"), dir.path().join("b.svg"));
    assert!(
        export(&ws, "chart-openai-commitments", &sa, &[])
            .status
            .success()
    );
    assert!(
        export(&ws, "chart-openai-commitments", &sb, &[])
            .status
            .success()
    );
    assert_eq!(std::fs::read(&sa).unwrap(), std::fs::read(&sb).unwrap());
}

#[test]
fn claims_export_as_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let csv = dir.path().join("claims.csv");
    let json = dir.path().join("claims.json");
    for out in [&csv, &json] {
        let o = run(&[
            "export",
            "claims",
            ws.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 7, "header + 6 claims");
    assert!(text.contains("cl-0006,investment,amazon,Amazon,openai,OpenAI,at least $10B,10000000000,,at_least,USD,,2025-12-16,in_talks,doc-0001,Outlet One"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 6);
    assert_eq!(arr[3]["counterparty"], "AWS");
    assert_eq!(arr[2]["figure"], serde_json::Value::Null);
    assert_eq!(arr[3]["sources"][0], "Outlet One");
}

#[test]
fn unknown_chart_lists_the_available_ones() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = dir.path().join("x.svg");
    let o = export(&ws, "nope", &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.starts_with("claimbench: "), "{e}");
    assert!(
        e.contains("chart-openai-valuation (OpenAI valuation)"),
        "{e}"
    );
    assert!(e.contains("chart-openai-commitments"), "{e}");
    assert!(!out.exists());
}

#[test]
fn unknown_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = dir.path().join("x.txt");
    let o = export(&ws, "chart-openai-valuation", &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".svg, .png or .csv"), "{}", stderr(&o));
    let o = run(&[
        "export",
        "claims",
        ws.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    let png = dir.path().join("x.png");
    let o = export(&ws, "chart-openai-valuation", &png, &["--width", "10"]);
    assert_eq!(o.status.code(), Some(2), "width below the minimum");
    assert!(!png.exists());
}

#[test]
fn a_broken_workspace_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("bad.ron");
    std::fs::write(&ws, "(format: \"claimbench\", version: 1, title: 3)").unwrap();
    let out = dir.path().join("x.svg");
    let o = export(&ws, "any", &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.ron:1:"), "{}", stderr(&o));
}

// ---- The shipped sample workspace ----

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/ai-compute-deals.ron")
}

const SAMPLE_CHARTS: [&str; 2] = ["chart-openai-valuation", "chart-openai-commitments"];

#[test]
fn sample_charts_export_to_svg_png_and_csv() {
    let ws = claimbench::io::load_workspace(&sample()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for id in SAMPLE_CHARTS {
        let chart = ws.charts.iter().find(|c| c.id.as_str() == id).unwrap();
        let data = claimbench::chart::build(&ws, chart);
        assert!(
            data.claims.len() >= 2,
            "{id} plots {} claims",
            data.claims.len()
        );
        // SVG: XML, every series name, footnote with counts and workspace title.
        let svg = dir.path().join(format!("{id}.svg"));
        let o = export(&sample(), id, &svg, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = std::fs::read_to_string(&svg).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("SVG is XML");
        let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
        for s in &data.series {
            assert!(
                texts.contains(&s.name.as_str()),
                "{id}: series {:?} missing",
                s.name
            );
        }
        let expected = format!(
            "Plotted: {} claims from {} independent sources",
            data.claims.len(),
            data.sources.len()
        );
        assert!(
            texts.iter().any(|t| t.starts_with(&expected)),
            "{id}: {expected}"
        );
        assert!(texts.contains(&format!("Workspace: {}", ws.title).as_str()));
        // Words for readers: no claim or chart ids in the visible text.
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("cl-0") && !t.contains("chart-")),
            "{id}: {texts:?}"
        );
        // PNG at the requested size, not blank.
        let png = dir.path().join(format!("{id}.png"));
        let o = export(&sample(), id, &png, &["--width", "1200", "--height", "700"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let img = image::open(&png).unwrap().to_rgba8();
        assert_eq!(img.dimensions(), (1200, 700));
        let colours: std::collections::HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
        assert!(
            colours.len() > 20,
            "{id}: PNG has {} colours",
            colours.len()
        );
        // CSV: a row per plotted claim, in the data's order; byte-identical on a second export.
        let csv = dir.path().join(format!("{id}.csv"));
        assert!(export(&sample(), id, &csv, &[]).status.success());
        let rows = std::fs::read_to_string(&csv).unwrap();
        let ids: Vec<&str> = rows
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        let want: Vec<&str> = data.claims.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, want, "{id}");
        let again = dir.path().join(format!("{id}-again.csv"));
        assert!(export(&sample(), id, &again, &[]).status.success());
        assert_eq!(std::fs::read(&csv).unwrap(), std::fs::read(&again).unwrap());
        let svg2 = dir.path().join(format!("{id}-again.svg"));
        assert!(export(&sample(), id, &svg2, &[]).status.success());
        assert_eq!(text.as_bytes(), std::fs::read(&svg2).unwrap().as_slice());
    }
}

#[test]
fn sample_commitment_totals_count_each_reported_deal_once() {
    let ws = claimbench::io::load_workspace(&sample()).unwrap();
    let chart = claimbench::chart::find_chart(&ws, "chart-openai-commitments").unwrap();
    let data = claimbench::chart::build(&ws, chart);
    let mut steps = 0;
    for s in data
        .series
        .iter()
        .filter(|s| s.mark == claimbench::chart::Mark::Step)
    {
        steps += 1;
        for p in &s.points {
            for q in &s.points {
                assert!(
                    !p.same_fact.contains(&q.claim),
                    "{} and {} both counted",
                    p.claim,
                    q.claim
                );
            }
        }
    }
    assert!(steps >= 1);
    assert!(
        data.points().any(|(_, p)| p.disagrees),
        "the sample reports Amazon's investment with conflicting figures"
    );
    // Every selected claim is either plotted or listed with a reason.
    for np in &data.not_plotted {
        assert!(!data.claims.contains(&np.claim));
    }
}

#[test]
fn the_legend_column_stays_clear_of_the_footnote_and_the_edge() {
    // At 480x320 the not-plotted list ran into the footnote ("+5 more" over "Plotted: …") and
    // at 1000x600 its rows ran past the image's right edge.
    let ws = claimbench::io::load_workspace(&sample()).unwrap();
    let chart = claimbench::chart::find_chart(&ws, "chart-openai-commitments").unwrap();
    let data = claimbench::chart::build(&ws, chart);
    assert!(!data.not_plotted.is_empty());
    for (w, h) in [(480u32, 320u32), (700, 420), (1000, 600), (1600, 900)] {
        let mut opts = claimbench::chart::RenderOptions::new("Test");
        (opts.width, opts.height) = (w, h);
        let svg = claimbench::chart::render_svg(&data, &opts);
        let doc = roxmltree::Document::parse(&svg).expect("SVG is XML");
        let texts = |id: &str| -> Vec<(f64, f64, String)> {
            doc.descendants()
                .filter(|n| n.attribute("id") == Some(id))
                .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("text")))
                .map(|t| {
                    let num = |a: &str| t.attribute(a).and_then(|v| v.parse().ok()).unwrap_or(0.0);
                    (num("x"), num("y"), t.text().unwrap_or_default().to_owned())
                })
                .collect()
        };
        let foot_top = texts("footnote")
            .iter()
            .map(|t| t.1)
            .fold(f64::MAX, f64::min)
            - 11.0;
        for (x, y, text) in texts("not-plotted").into_iter().chain(texts("legend")) {
            assert!(
                y <= foot_top,
                "{w}x{h}: “{text}” at y {y} runs into the footnote ({foot_top})"
            );
            // 11-12 px text: about 6.6 px a character.
            let right = x + 6.6 * text.chars().count() as f64;
            assert!(
                right <= f64::from(w) + 2.0,
                "{w}x{h}: “{text}” ends at {right}"
            );
        }
    }
}
