//! Headless frame CPU time of the real app (layout + tessellation, no GPU) for the Reader on a
//! 5 MB document, the Claims table, Charts and Network on a 100,000-claim workspace (generated
//! with `claimbench::synth`, or `CLAIMBENCH_BENCH_WS=FILE.ron`). Target: p95 ≤ 4 ms per view;
//! `cargo run --release --example frame_bench -- FILE.ron` prints the percentiles.

#[path = "../examples/frame_driver/mod.rs"]
mod frame_driver;

#[path = "common/mod.rs"]
mod common;
use criterion::{Criterion, criterion_group, criterion_main};
use frame_driver::{Driver, VIEWS};

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::workspace_file(&dir);
    let mut g = c.benchmark_group("frame");
    g.sample_size(10);
    for (name, view, tab) in VIEWS {
        let mut d = Driver::open(&path, view, tab);
        d.settle(std::time::Duration::from_secs(60));
        // Settle: first frames build caches (layout, sorted rows, graphs).
        for i in 0..10 {
            let ev = d.wiggle(i);
            d.frame(ev);
        }
        let mut i = 0;
        // The UI thread's CPU time per frame (see `Driver::frame`), not wall time.
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        i += 1;
                        let ev = d.wiggle(i);
                        d.frame(ev).0
                    })
                    .sum()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
