//! Growth of the work on hostile input (issue 19): each case at 1×, 2×, 4× and 8× its base size.
//! Near-linear means each doubling about doubles the time; the cases were quadratic before.
//!
//! The inputs come from `claimbench::synth::hostile` (base sizes there), shared with
//! `examples/hostile_cases.rs`, which writes them as files for the real commands.
//!
//! - `import_text`: a plain-text filing through `import_bytes` (boilerplate detection).
//! - `extract_long_line`: one line of figures with no sentence end.
//! - `check_*`: validation with every problem located, as `claimbench check` does: claims naming
//!   a missing entity, each claim id twice, one id on every claim, a deep parent chain.
//! - `chart_csv`: the CSV of a chart of every figure (50,000 points at 8×).
//! - `report_*`: the findings report: undated deal claims, a deep parent chain, many claims of
//!   one deal on one day, a long rising series of valuations of one company.

use claimbench::model::Workspace;
use claimbench::synth::hostile;
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const SCALES: [usize; 4] = [1, 2, 4, 8];

/// CPU time of the benchmark's thread, not wall time: the curve must not bend because other
/// builds share the machine's two cores (a load of 10 made wall times swing fivefold).
struct CpuTime;

fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "thread CPU clock");
    ts.tv_sec as f64 * 1e9 + ts.tv_nsec as f64
}

impl Measurement for CpuTime {
    type Intermediate = f64;
    type Value = f64;
    fn start(&self) -> f64 {
        thread_cpu()
    }
    fn end(&self, started: f64) -> f64 {
        thread_cpu() - started
    }
    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Millis
    }
}

/// Nanoseconds shown as milliseconds of CPU.
struct Millis;

impl ValueFormatter for Millis {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms (CPU)"
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        _t: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms (CPU)"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn check(ws: &Workspace) -> usize {
    let text = claimbench::io::to_ron_string(ws).expect("serialises");
    let problems = ws.validate();
    claimbench::io::load::locate_all(&text, &problems).len()
}

fn growth(c: &mut Criterion<CpuTime>) {
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(3));
    g.warm_up_time(std::time::Duration::from_millis(500));
    let opts = claimbench::io::import::ImportOptions {
        imported_at: Some("2025-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    for k in SCALES {
        let text = hostile::prose(256 * 1024 * k);
        g.bench_with_input(BenchmarkId::new("import_text", k), &text, |b, t| {
            b.iter(|| {
                claimbench::io::import::import_bytes(Path::new("f.txt"), t.as_bytes(), &opts)
                    .expect("imports")
            })
        });
        let line = hostile::long_line(k);
        let gaz = claimbench::extract::Gazetteer::builtin();
        g.bench_with_input(BenchmarkId::new("extract_long_line", k), &line, |b, t| {
            b.iter(|| black_box(claimbench::extract::extract(t, None, &[], &gaz)).len())
        });
        let cases: [hostile::Case; 4] = [
            ("check_dangling", hostile::dangling),
            ("check_duplicates", hostile::duplicates),
            ("check_one_id", hostile::one_id),
            ("check_chain", hostile::chain),
        ];
        for (name, make) in cases {
            let ws = make(k);
            g.bench_with_input(BenchmarkId::new(name, k), &ws, |b, ws| b.iter(|| check(ws)));
        }
        let ws = hostile::chart(k);
        let chart = ws.charts.get(3).expect("the chart of every figure").clone();
        let data = claimbench::chart::build(&ws, &chart);
        g.bench_with_input(BenchmarkId::new("chart_csv", k), &data, |b, data| {
            b.iter(|| claimbench::chart::table::chart_csv(&ws, data).map_or(0, |s| s.len()))
        });
        let cases: [hostile::Case; 4] = [
            ("report_undated", hostile::undated),
            ("report_chain", hostile::chain),
            ("report_same_day", hostile::same_day),
            ("report_valuations", hostile::valuations),
        ];
        for (name, make) in cases {
            let ws = make(k);
            g.bench_with_input(BenchmarkId::new(name, k), &ws, |b, ws| {
                b.iter(|| claimbench::analysis::report::render(ws).len())
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = growth
}
criterion_main!(benches);
