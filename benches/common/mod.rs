//! Shared by the benches: the workspace file they measure.

use std::path::PathBuf;

/// The workspace file to measure: `CLAIMBENCH_BENCH_WS` if set, else a generated one (1,000
/// documents, 100,000 claims) written into `dir`.
pub fn workspace_file(dir: &tempfile::TempDir) -> PathBuf {
    if let Some(p) = std::env::var_os("CLAIMBENCH_BENCH_WS") {
        return PathBuf::from(p);
    }
    let ws = claimbench::synth::generate(&claimbench::synth::SynthSpec::new(1000, 100_000));
    let path = dir.path().join("synth.ron");
    claimbench::io::save_workspace(&ws, &path).expect("write synthetic workspace");
    path
}
