//! Merge at scale: two analysts' copies of a synthetic workspace (1,000 documents per 100,000
//! claims, as the other benchmarks) each with edits, deletions and new claims that took the same
//! ids, merged at 1×, 2×, 4× and 8× of 12,500 claims. Prints, per size, the time of the merge
//! itself and of the whole `claimbench merge` run (load three files, merge, write), and the
//! peak memory (VmHWM) of that run beside the peak of loading one workspace alone, each in a
//! fresh process.
//!
//! `cargo run --release --example merge_bench [-- --sizes 1,2,4,8]`
//! (internally re-runs itself as `merge_bench load FILE` and `merge_bench merge B O T OUT`).

use claimbench::model::{ClaimStatus, Workspace};
use claimbench::synth::{SynthSpec, generate};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Peak resident memory of this process, in MB (`VmHWM` of /proc/self/status).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The two sides' edits: each edits 1% of the claims (a few of them the same field as the
/// other side), deletes 0.1%, and adds 0.1% new claims with the next ids.
fn sides(base: &Workspace) -> (Workspace, Workspace) {
    let n = base.claims.len();
    let (mut o, mut t) = (base.clone(), base.clone());
    for i in (0..n).step_by(100) {
        o.claims[i].note = format!("ours checked {i}");
        t.claims[(i + 50) % n].status = ClaimStatus::Signed;
        if i % 1000 == 0 {
            t.claims[i].note = format!("theirs disputes {i}");
        }
    }
    for side in [&mut o, &mut t] {
        let added: Vec<_> = (0..n / 1000)
            .map(|k| {
                let mut c = base.claims[k * 7 % n].clone();
                c.id = claimbench::model::ClaimId::numbered((n + 1 + k) as u64);
                c.note = format!("new {k}");
                c
            })
            .collect();
        side.claims.extend(added);
    }
    for k in 0..n / 1000 {
        o.claims.remove(10 + k * 3);
        let id = base.claims[n / 2 + k * 5].id.clone();
        t.claims.retain(|c| c.id != id);
    }
    (o, t)
}

fn child(args: &[&str]) -> (f64, f64) {
    let out = Command::new(std::env::current_exe().expect("own path"))
        .args(args)
        .output()
        .expect("child runs");
    let s = String::from_utf8_lossy(&out.stdout);
    let mut it = s
        .split_whitespace()
        .map(|x| x.parse::<f64>().unwrap_or(f64::NAN));
    (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("load") => {
            let t = Instant::now();
            let ws = claimbench::io::load_workspace(Path::new(&args[1])).expect("loads");
            let ms = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(&ws);
            println!("{ms:.0} {:.0}", peak_mb());
            return;
        }
        Some("merge") => {
            let t = Instant::now();
            let a = claimbench::cli::merge::MergeArgs {
                base: args[1].clone().into(),
                ours: args[2].clone().into(),
                theirs: args[3].clone().into(),
                out: Some(args[4].clone().into()),
            };
            claimbench::cli::merge::merge_files(&a).expect("merges");
            println!("{:.0} {:.0}", t.elapsed().as_secs_f64() * 1e3, peak_mb());
            return;
        }
        _ => {}
    }
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--sizes")
        .and_then(|i| args.get(i + 1))
        .map_or(vec![1, 2, 4, 8], |s| {
            s.split(',').filter_map(|x| x.parse().ok()).collect()
        });
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "claims   merge_ms  cli_ms  load_one_ms  peak_one_MB  peak_merge_MB  ratio  conflicts"
    );
    for k in sizes {
        let claims = 12_500 * k;
        let mut spec = SynthSpec::new(claims / 100, claims);
        spec.seed = 7;
        let base = generate(&spec);
        let (o, t) = sides(&base);
        let p = |n: &str| dir.path().join(format!("{n}-{k}.ron"));
        for (name, ws) in [("base", &base), ("ours", &o), ("theirs", &t)] {
            claimbench::io::save_workspace(ws, &p(name)).expect("written");
        }
        let start = Instant::now();
        let m = claimbench::merge::merge(base, o, t).expect("merges");
        let merge_ms = start.elapsed().as_secs_f64() * 1e3;
        let conflicts = m.conflicts;
        drop(m);
        let (load_ms, peak_one) = child(&["load", p("base").to_str().expect("utf-8 path")]);
        let paths: Vec<String> = ["base", "ours", "theirs", "out"]
            .iter()
            .map(|n| p(n).to_string_lossy().into_owned())
            .collect();
        let (cli_ms, peak_merge) = child(&["merge", &paths[0], &paths[1], &paths[2], &paths[3]]);
        println!(
            "{claims:>7}  {merge_ms:>8.0}  {cli_ms:>6.0}  {load_ms:>11.0}  {peak_one:>11.0}  {peak_merge:>13.0}  {:>5.2}  {conflicts:>9}",
            peak_merge / peak_one
        );
    }
}
