//! Writes a synthetic workspace for scale tests and benchmarks:
//! `cargo run --release --example synth_workspace -- --docs N --claims M --out FILE.ron
//! [--seed S] [--text-mb T] [--big-doc-mb B]`.
//!
//! Defaults: 10 kB of text per document on average, the first document up to 5 MB.

use claimbench::synth::{SynthSpec, generate};
use std::path::PathBuf;
use std::process::ExitCode;

fn usage(msg: &str) -> ExitCode {
    eprintln!("claimbench: synth_workspace: {msg}");
    eprintln!(
        "usage: synth_workspace --docs N --claims M --out FILE.ron [--seed S] [--text-mb T] [--big-doc-mb B]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut spec = SynthSpec::new(0, 0);
    let mut text_mb: Option<f64> = None;
    let mut out: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        let Some(value) = args.get(i + 1) else {
            return usage(&format!("{} needs a value", args[i]));
        };
        let num = value.parse::<f64>();
        match (args[i].as_str(), num) {
            ("--docs", Ok(n)) => spec.docs = n as usize,
            ("--claims", Ok(n)) => spec.claims = n as usize,
            ("--seed", Ok(n)) => spec.seed = n as u64,
            ("--text-mb", Ok(n)) => text_mb = Some(n),
            ("--big-doc-mb", Ok(n)) => spec.big_doc_bytes = (n * 1e6) as usize,
            ("--out", _) => out = Some(PathBuf::from(value)),
            (flag, _) => return usage(&format!("bad argument {flag} {value}")),
        }
        i += 2;
    }
    let Some(out) = out else {
        return usage("--out is required");
    };
    if spec.docs == 0 {
        return usage("--docs must be at least 1");
    }
    spec.text_bytes = text_mb.map_or(spec.docs * 10_000, |m| (m * 1e6) as usize);
    let t = std::time::Instant::now();
    let ws = generate(&spec);
    if let Err(e) = claimbench::io::save_workspace(&ws, &out) {
        eprintln!("claimbench: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let text: usize = ws.documents.iter().map(|d| d.text.len()).sum();
    println!(
        "{}: documents: {}  entities: {}  claims: {}  evidence: {}  text: {:.1} MB  ({:.1} s)",
        out.display(),
        ws.documents.len(),
        ws.entities.len(),
        ws.claims.len(),
        ws.evidence_count(),
        text as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
