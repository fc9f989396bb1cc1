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
    // FRAME_BENCH_VIEWS=Reader,Claims limits the run to some views (`extra`: the selection
    // and sort/filter timings).
    let only = std::env::var("FRAME_BENCH_VIEWS").unwrap_or_default();
    for (name, view, tab) in VIEWS {
        if !only.is_empty() && !only.split(',').any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        let mut d = Driver::open(&path, view, tab);
        let t = std::time::Instant::now();
        d.frame(Vec::new());
        let first = t.elapsed().as_secs_f64() * 1e3;
        let settled = d.settle(std::time::Duration::from_secs(60));
        let (ms, wall) = d.measure_both(10, frames);
        println!(
            "{name} frame_ms_p50={:.2} frame_ms_p95={:.2}",
            percentile(&ms, 50.0),
            percentile(&ms, 95.0)
        );
        eprintln!(
            "  ({name}: UI-thread CPU per frame; first frame {first:.0} ms, background work done after {:.1} s; max {:.2} ms; wall p50 {:.2} p95 {:.2} max {:.2} ms)",
            settled.as_secs_f64(),
            percentile(&ms, 100.0),
            percentile(&wall, 50.0),
            percentile(&wall, 95.0),
            percentile(&wall, 100.0),
        );
    }
    if only.is_empty() || only.contains("extra") {
        extra_timings(&path);
    }
    ExitCode::SUCCESS
}

/// Selection → claim on the big document (the frame after a click-equivalent command), and the
/// Claims table's sort and filter times.
fn extra_timings(path: &std::path::Path) {
    use claimbench::ui::Command;
    use claimbench::ui::app::{CentralTab, View};
    use claimbench::ui::claims::{SortKey, TableState, row_order};
    let mut d = Driver::open(path, View::Reader, CentralTab::Reader);
    d.settle(std::time::Duration::from_secs(60));
    d.measure(10, 5);
    let doc = d.app.selection.doc.clone();
    let mut picks: Vec<_> = d
        .app
        .ws
        .claims
        .iter()
        .filter_map(|c| {
            // The claim's span in the big document (its first evidence may be elsewhere).
            let e = c.evidence.iter().find(|e| Some(&e.doc) == doc.as_ref())?;
            Some((c.id.clone(), e.doc.clone(), e.anchor.range()))
        })
        .collect();
    picks.truncate(20);
    let mut ms = Vec::new();
    for (id, doc, range) in picks {
        // Select a claim somewhere in the document and jump there: the frame that shows it.
        d.app.push(Command::SelectClaim(id));
        d.app.push(Command::ScrollReader(doc, range));
        d.frame(Vec::new());
        ms.push(d.frame(Vec::new()).0.as_secs_f64() * 1e3);
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "ReaderSelect frame_ms_p50={:.2} frame_ms_max={:.2}",
        percentile(&ms, 50.0),
        percentile(&ms, 100.0)
    );
    // An edit (a claim's note): the frame after it rebuilds what depends on the claims.
    let mut edit_ms = Vec::new();
    for k in 0..10 {
        let n = d.app.ws.claims.len();
        let mut c = d.app.ws.claims[(k * 7919) % n].clone();
        c.note.push_str(" (checked)");
        d.app.push(Command::Edit(
            Box::new(claimbench::action::Action::ReplaceClaim(Box::new(c))),
            "Edit note".into(),
            None,
        ));
        d.frame(Vec::new());
        edit_ms.push(d.frame(Vec::new()).0.as_secs_f64() * 1e3);
        d.settle(std::time::Duration::from_secs(60));
    }
    edit_ms.sort_by(f64::total_cmp);
    println!(
        "EditFrame frame_ms_p50={:.2} frame_ms_max={:.2} (Reader view, the frame after an edit)",
        percentile(&edit_ms, 50.0),
        percentile(&edit_ms, 100.0)
    );
    let ws = &d.app.ws;
    let mut state = TableState::default();
    let time = |state: &TableState| {
        let t = std::time::Instant::now();
        let n = row_order(ws, state, None).len();
        (t.elapsed().as_secs_f64() * 1e3, n)
    };
    let (base, _) = time(&state);
    state.sort = SortKey::Subject;
    let (subject, _) = time(&state);
    state.sort = SortKey::Amount;
    state.descending = true;
    let (amount, _) = time(&state);
    state.filter.text = "openai invest".into();
    let (text, n) = time(&state);
    // As the table filters while typing: the first keystroke after an edit builds every claim's
    // search text, the next ones reuse it.
    let rev = d.app.history.revision();
    let mut typed = TableState::default();
    let t = std::time::Instant::now();
    typed.filter.text = "o".into();
    typed.rows(ws, rev, None);
    let first = t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    typed.filter.text = "openai invest".into();
    let m = typed.rows(ws, rev, None).len();
    let next = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(m, n);
    println!(
        "ClaimsTable sort_date_ms={base:.1} sort_subject_ms={subject:.1} sort_amount_ms={amount:.1} filter_text_ms={text:.1} typing_first_key_ms={first:.1} typing_next_key_ms={next:.1} (rows {n})"
    );
}
