//! Growth of the work on hostile input (issue 19): each case at 1×, 2×, 4× and 8× its base size.
//! Near-linear means each doubling about doubles the time; the cases were quadratic before.
//!
//! - `import_text`: a plain-text filing through `import_bytes` (boilerplate detection was
//!   quadratic): base 256 KB of prose lines.
//! - `extract_long_line`: one line of figures with no sentence end: base 25 kB.
//! - `check_dangling`: a workspace where every claim names a missing entity, validated and every
//!   problem located (`claimbench check`): base 5,000 claims.
//! - `check_duplicates`: every claim id repeated once: base 5,000 claims.
//! - `parent_chain`: entities each the parent of the next: base 5,000.
//! - `chart_csv`: the CSV of a chart with many points: base 6,250 claims.
//! - `report_undated`: the findings report of a workspace whose claims carry no date: base 1,000.

use claimbench::model::{EntityId, Workspace};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const SCALES: [usize; 4] = [1, 2, 4, 8];

fn prose(bytes: usize) -> String {
    let mut s = String::from("Quarterly Filing\n\nSource Example Ledger\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "Item {i}. The company said it may commit ${i} million to data centres over the next years, subject to approval.\n"
        ));
        if i % 7 == 0 {
            s.push_str("Related stories\n");
        }
        i += 1;
    }
    s
}

fn synth(claims: usize) -> Workspace {
    let mut spec = claimbench::synth::SynthSpec::new(20, claims);
    spec.big_doc_bytes = 20_000;
    claimbench::synth::generate(&spec)
}

fn check(ws: &Workspace) -> usize {
    let text = claimbench::io::to_ron_string(ws).expect("serialises");
    let problems = ws.validate();
    claimbench::io::load::locate_all(&text, &problems).len()
}

fn growth(c: &mut Criterion) {
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(3));
    g.warm_up_time(std::time::Duration::from_millis(500));
    let opts = claimbench::io::import::ImportOptions {
        imported_at: Some("2025-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    for k in SCALES {
        let text = prose(256 * 1024 * k);
        g.bench_with_input(BenchmarkId::new("import_text", k), &text, |b, t| {
            b.iter(|| {
                claimbench::io::import::import_bytes(Path::new("f.txt"), t.as_bytes(), &opts)
                    .expect("imports")
            })
        });
        let line = "Nvidia will pay $5 billion to OpenAI and ".repeat(600 * k);
        let gaz = claimbench::extract::Gazetteer::builtin();
        g.bench_with_input(BenchmarkId::new("extract_long_line", k), &line, |b, t| {
            b.iter(|| black_box(claimbench::extract::extract(t, None, &[], &gaz)).len())
        });
        let mut ws = synth(5_000 * k);
        for c in &mut ws.claims {
            c.subject = Some(EntityId::new("nobody-at-all"));
        }
        g.bench_with_input(BenchmarkId::new("check_dangling", k), &ws, |b, ws| {
            b.iter(|| check(ws))
        });
        let mut ws = synth(5_000 * k);
        let copies = ws.claims.clone();
        ws.claims.extend(copies);
        g.bench_with_input(BenchmarkId::new("check_duplicates", k), &ws, |b, ws| {
            b.iter(|| check(ws))
        });
        let mut ws = Workspace::new("chain");
        for i in 0..5_000 * k {
            let mut e = ws.new_entity(&format!("E{i}"));
            e.id = EntityId::new(format!("e{i}"));
            e.parent = (i > 0).then(|| EntityId::new(format!("e{}", i - 1)));
            ws.entities.push(e);
        }
        g.bench_with_input(BenchmarkId::new("parent_chain", k), &ws, |b, ws| {
            b.iter(|| black_box(ws.validate()).len())
        });
        let ws = synth(6_250 * k);
        let chart = ws.charts.first().expect("synth has charts").clone();
        let data = claimbench::chart::build(&ws, &chart);
        g.bench_with_input(BenchmarkId::new("chart_csv", k), &data, |b, data| {
            b.iter(|| claimbench::chart::table::chart_csv(&ws, data).map_or(0, |s| s.len()))
        });
        let mut ws = synth(1_000 * k);
        for c in &mut ws.claims {
            c.as_of = None;
        }
        for d in &mut ws.documents {
            d.published = None;
        }
        g.bench_with_input(BenchmarkId::new("report_undated", k), &ws, |b, ws| {
            b.iter(|| claimbench::analysis::report::render(ws).len())
        });
    }
    g.finish();
}

criterion_group!(benches, growth);
criterion_main!(benches);
