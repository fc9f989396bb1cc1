//! Regenerates the sample workspace `workspaces/ai-compute-deals.ron` from `assets/samples/`
//! (the source documents and `sample-spec.ron`). Run from the crate root:
//! `cargo run --example build_sample`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("workspaces/ai-compute-deals.ron");
    let ws = match claimbench::sample::build_sample(&root.join("assets/samples")) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("claimbench: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = claimbench::io::save_workspace(&ws, &out) {
        eprintln!("claimbench: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "{}: documents: {}  entities: {}  claims: {}  evidence: {}",
        out.display(),
        ws.documents.len(),
        ws.entities.len(),
        ws.claims.len(),
        ws.evidence_count()
    );
    ExitCode::SUCCESS
}
