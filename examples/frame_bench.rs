//! Headless frame CPU time of the real app per view:
//! `cargo run --release --example frame_bench -- FILE.ron [FRAMES]` prints one line per view,
//! `VIEW frame_ms_p50=X frame_ms_p95=Y`, over steady-state frames with a little pointer and
//! wheel input (see `examples/frame_driver`).

#[path = "frame_driver/mod.rs"]
mod frame_driver;

use frame_driver::{Driver, VIEWS, percentile};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: frame_bench FILE.ron [FRAMES]");
        return ExitCode::from(2);
    };
    let frames: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(120);
    let t = std::time::Instant::now();
    if let Err(e) = claimbench::io::load_workspace(&path) {
        eprintln!("claimbench: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("open: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    // FRAME_BENCH_VIEWS=Reader,Claims limits the run to some views.
    let only = std::env::var("FRAME_BENCH_VIEWS").unwrap_or_default();
    for (name, view, tab) in VIEWS {
        if !only.is_empty() && !only.split(',').any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        let mut d = Driver::open(&path, view, tab);
        let t = std::time::Instant::now();
        d.frame(Vec::new());
        let first = t.elapsed().as_secs_f64() * 1e3;
        let ms = d.measure(10, frames);
        println!(
            "{name} frame_ms_p50={:.2} frame_ms_p95={:.2}",
            percentile(&ms, 50.0),
            percentile(&ms, 95.0)
        );
        eprintln!(
            "  ({name}: first frame {first:.0} ms, max {:.2} ms)",
            percentile(&ms, 100.0)
        );
    }
    ExitCode::SUCCESS
}
