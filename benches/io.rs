//! Open and save of a large workspace (default: 1,000 documents / 10 MB of text / 100,000
//! claims, generated with `claimbench::synth`; `CLAIMBENCH_BENCH_WS=FILE.ron` uses a file
//! instead). Compares `open` (read + parse + validate + index) with a bare `ron::from_str` of the
//! same text; the targets are open ≤ 1.3× bare parse and ≤ 1 s, save ≤ 1 s.

use claimbench::model::Workspace;
#[path = "common/mod.rs"]
mod common;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn io(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::workspace_file(&dir);
    let text = std::fs::read_to_string(&path).expect("read workspace");
    let mut g = c.benchmark_group("io");
    g.sample_size(10);
    g.bench_function("open", |b| {
        b.iter(|| black_box(claimbench::io::load_workspace(&path).expect("valid")))
    });
    // What the app runs for files of 4 MB and more: chunked read, parse with progress, check,
    // and the hash for change detection on a second thread.
    g.bench_function("open_in_background", |b| {
        b.iter(|| {
            let job = claimbench::ui::open_job::OpenJob::start(path.clone(), None);
            black_box(job.wait().expect("valid"))
        })
    });
    g.bench_function("bare_ron_from_str", |b| {
        b.iter(|| black_box(ron::from_str::<Workspace>(&text).expect("parses")))
    });
    let ws = claimbench::io::load_workspace(&path).expect("valid");
    let out = dir.path().join("saved.ron");
    g.bench_function("save", |b| {
        b.iter(|| claimbench::io::save_workspace(black_box(&ws), &out).expect("saves"))
    });
    g.finish();
}

criterion_group!(benches, io);
criterion_main!(benches);
