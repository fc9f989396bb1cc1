//! Writes the inputs of the growth cases of issue 19 as files, so each can be run through the
//! real command (`claimbench check`, `report`, `import`, `export chart`) under `/usr/bin/time -v`
//! for its time and peak memory: `cargo run --example hostile_cases -- DIR [SCALE…]` (default
//! scales 1 2 4 8).
//!
//! Per scale `k` it writes `DIR/<case>-<k>.ron` (or `.txt`), the inputs of `benches/growth.rs`
//! from `claimbench::synth::hostile` (base sizes there): `undated`, `chain`, `dangling`,
//! `duplicates`, `one-id`, `chart`, `same-day`, `valuations` (workspaces), `prose` and
//! `longline` (text).
//!
//! `DIR/prose-50mb.txt` (50 MB of text) is written when the scale list includes `50mb`.

use claimbench::model::Workspace;
use claimbench::synth::hostile;
use std::path::Path;

fn write(dir: &Path, name: &str, ws: &Workspace) {
    let text = claimbench::io::to_ron_string(ws).expect("serialises");
    std::fs::write(dir.join(name), text).expect("writes");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: hostile_cases DIR [SCALE…]");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).expect("creates the folder");
    let scales: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        ["1", "2", "4", "8"].map(String::from).to_vec()
    };
    for s in scales {
        if s == "50mb" {
            std::fs::write(dir.join("prose-50mb.txt"), hostile::prose(50_000_000)).expect("writes");
            continue;
        }
        let k: usize = s.parse().expect("a scale is a number");
        for (name, make) in hostile::WORKSPACES {
            write(dir, &format!("{name}-{k}.ron"), &make(k));
        }
        std::fs::write(
            dir.join(format!("prose-{k}.txt")),
            hostile::prose(256 * 1024 * k),
        )
        .expect("writes");
        std::fs::write(dir.join(format!("longline-{k}.txt")), hostile::long_line(k))
            .expect("writes");
    }
}
