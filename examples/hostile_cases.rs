//! Writes the inputs of the growth cases of issue 19 as files, so each can be run through the
//! real command (`claimbench check`, `report`, `import`) under `/usr/bin/time -v` for its time
//! and peak memory: `cargo run --example hostile_cases -- DIR [SCALE…]` (default scales 1 2 4 8).
//!
//! Per scale `k` it writes `DIR/<case>-<k>.ron` (or `.txt`), with the base sizes of
//! `benches/growth.rs`:
//! - `undated`: 1,000·k deal claims without any date, 20 companies (report);
//! - `chain`: 5,000·k entities, each the parent of the next, and a claim about the deepest (check,
//!   report);
//! - `dangling`: 5,000·k claims naming a missing entity (check);
//! - `duplicates`: 5,000·k claims, each id twice (check);
//! - `prose`: 256 KB·k of plain text (import);
//! - `longline`: one line of figures without a sentence end, 25 kB·k (extract).
//!
//! `DIR/prose-50mb.txt` (50 MB of text) is written when the scale list includes `50mb`.

use claimbench::model::{ClaimKind, EntityId, Workspace};
use std::path::Path;

fn synth(claims: usize) -> Workspace {
    let mut spec = claimbench::synth::SynthSpec::new(20, claims);
    spec.big_doc_bytes = 20_000;
    claimbench::synth::generate(&spec)
}

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
            std::fs::write(dir.join("prose-50mb.txt"), prose(50_000_000)).expect("writes");
            continue;
        }
        let k: usize = s.parse().expect("a scale is a number");
        let mut ws = synth(1_000 * k);
        for c in &mut ws.claims {
            c.as_of = None;
            if c.kind == ClaimKind::Other || c.kind == ClaimKind::Valuation {
                c.kind = ClaimKind::Investment;
            }
        }
        for d in &mut ws.documents {
            d.published = None;
        }
        write(dir, &format!("undated-{k}.ron"), &ws);

        let mut ws = synth(100);
        let n = ws.entities.len();
        for i in 0..5_000 * k {
            let mut e = ws.new_entity(&format!("Holding {i}"));
            e.id = EntityId::new(format!("chain{i}"));
            e.parent = Some(EntityId::new(if i == 0 {
                ws.entities[0].id.as_str().to_owned()
            } else {
                format!("chain{}", i - 1)
            }));
            ws.entities.push(e);
        }
        let deepest = ws.entities.last().map(|e| e.id.clone());
        for c in ws.claims.iter_mut().step_by(2) {
            c.subject = deepest.clone();
        }
        assert_eq!(ws.entities.len(), n + 5_000 * k);
        write(dir, &format!("chain-{k}.ron"), &ws);

        let mut ws = synth(5_000 * k);
        for c in &mut ws.claims {
            c.subject = Some(EntityId::new("nobody-at-all"));
        }
        write(dir, &format!("dangling-{k}.ron"), &ws);

        let mut ws = synth(5_000 * k);
        let copies = ws.claims.clone();
        ws.claims.extend(copies);
        write(dir, &format!("duplicates-{k}.ron"), &ws);

        std::fs::write(dir.join(format!("prose-{k}.txt")), prose(256 * 1024 * k)).expect("writes");
    }
}
