//! Headless frame CPU time of the real app per view:
//! `cargo run --release --example frame_bench -- FILE.ron [FRAMES]` prints one line per view,
//! `VIEW frame_ms_p50=X frame_ms_p95=Y`, over steady-state frames with a little pointer and
//! wheel input (see `examples/frame_driver`).

#[path = "frame_driver/mod.rs"]
mod frame_driver;

use claimbench::ui::app::{CentralTab, View};
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
    } else if only.split(',').any(|v| v.eq_ignore_ascii_case("edit")) {
        // `FRAME_BENCH_VIEWS=edit`: only the frame after an edit (the growth curve).
        let mut d = Driver::open(&path, View::Reader, CentralTab::Reader);
        d.settle(std::time::Duration::from_secs(60));
        edit_frames(&mut d);
    }
    ExitCode::SUCCESS
}

/// Selection → claim on the big document (the frame after a click-equivalent command), and the
/// Claims table's sort and filter times (CPU time of this thread, so that other processes on a
/// busy machine do not count).
fn extra_timings(path: &std::path::Path) {
    use claimbench::ui::Command;
    use claimbench::ui::claims::{SortKey, TableState, row_order};
    let mut d = Driver::open(path, View::Reader, CentralTab::Reader);
    let settled = d.settle(std::time::Duration::from_secs(60));
    // The first filter keystroke in the app's own table once the window has settled after the
    // open (search texts are prepared on a worker meanwhile).
    let rev = d.app.session.history.revision();
    let t = frame_driver::thread_cpu();
    d.app.table.filter.text = "o".into();
    let found = d.app.table.rows(&d.app.session.ws, rev, None).len();
    let first_after_open = frame_driver::thread_cpu().saturating_sub(t).as_secs_f64() * 1e3;
    d.app.table.filter.text.clear();
    println!(
        "OpenedTable typing_first_key_ms={first_after_open:.1} (rows {found}; background work done {:.1} s after the open)",
        settled.as_secs_f64()
    );
    d.measure(10, 5);
    let doc = d.app.selection.doc.clone();
    let mut picks: Vec<_> = d
        .app
        .session
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
    edit_frames(&mut d);
    let ws = &d.app.session.ws;
    let mut state = TableState::default();
    let time = |state: &TableState| {
        let t = frame_driver::thread_cpu();
        let n = row_order(ws, state, None).len();
        (
            frame_driver::thread_cpu().saturating_sub(t).as_secs_f64() * 1e3,
            n,
        )
    };
    let (base, _) = time(&state);
    state.sort = SortKey::Subject;
    let (subject, _) = time(&state);
    state.sort = SortKey::Amount;
    state.descending = true;
    let (amount, _) = time(&state);
    state.filter.text = "openai invest".into();
    let (text, n) = time(&state);
    // As the table filters while typing: the first keystroke ever builds every claim's search
    // text, the next ones reuse it.
    let rev = d.app.session.history.revision();
    let mut typed = TableState::default();
    // Search texts are built on several threads for large workspaces: wall time too.
    let (t, wall) = (frame_driver::thread_cpu(), std::time::Instant::now());
    typed.filter.text = "o".into();
    typed.rows(ws, rev, None);
    let first = frame_driver::thread_cpu().saturating_sub(t).as_secs_f64() * 1e3;
    let first_wall = wall.elapsed().as_secs_f64() * 1e3;
    let t = frame_driver::thread_cpu();
    typed.filter.text = "openai invest".into();
    let m = typed.rows(ws, rev, None).len();
    let next = frame_driver::thread_cpu().saturating_sub(t).as_secs_f64() * 1e3;
    assert_eq!(m, n);
    // An edit (one claim's note), then the first keystroke of a new filter: only the edited
    // claim's search text is rebuilt.
    let ws = &mut d.app.session.ws;
    let last = ws.claims.len() / 2;
    ws.claims[last].note = "zanzibar accord".into();
    let ws = &d.app.session.ws;
    let (t, wall) = (frame_driver::thread_cpu(), std::time::Instant::now());
    typed.filter.text = "z".into();
    typed.rows(ws, rev + 1, None);
    let after_edit = frame_driver::thread_cpu().saturating_sub(t).as_secs_f64() * 1e3;
    let after_edit_wall = wall.elapsed().as_secs_f64() * 1e3;
    let rebuilt = typed.haystacks_rebuilt();
    typed.filter.text = "zanzibar".into();
    assert!(typed.rows(ws, rev + 1, None).contains(&last));
    println!(
        "ClaimsTable sort_date_ms={base:.1} sort_subject_ms={subject:.1} sort_amount_ms={amount:.1} filter_text_ms={text:.1} typing_first_key_ms={first:.1} typing_next_key_ms={next:.1} typing_first_key_after_edit_ms={after_edit:.1} (rows {n}, texts rebuilt after the edit {rebuilt}; wall: first key {first_wall:.1} ms, first key after the edit {after_edit_wall:.1} ms)"
    );
    claims_table_frames(ws);
    findings_frames(path);
}

/// The Findings tab (the central tab) once the background analysis is done: its frames lay out
/// only the rows in view of one list over every finding.
fn findings_frames(path: &std::path::Path) {
    let mut d = Driver::open(path, View::Reader, CentralTab::Findings);
    let t = std::time::Instant::now();
    while d.app.findings.is_updating() || t.elapsed().as_secs() < 1 {
        d.frame(Vec::new());
        std::thread::sleep(std::time::Duration::from_millis(20));
        if t.elapsed().as_secs() > 120 {
            eprintln!("FindingsList: the analysis did not finish in 120 s");
            return;
        }
    }
    let n = d
        .app
        .findings
        .analysis(&d.app.session.ws, d.app.session.history.revision())
        .findings
        .items
        .len();
    let ms = d.measure(10, 120);
    println!(
        "FindingsList frame_ms_p50={:.2} frame_ms_p95={:.2} (findings {n})",
        percentile(&ms, 50.0),
        percentile(&ms, 95.0)
    );
}

/// The Claims table alone, drawn by `claims_ui` in a bare 1280x800 context without the rest of
/// the app (its status bar and dock), with the same pointer and wheel input as the views.
fn claims_table_frames(ws: &claimbench::model::Workspace) {
    use claimbench::ui::app::Selection;
    use claimbench::ui::claims::{TableState, claims_ui};
    let ctx = egui::Context::default();
    claimbench::ui::app::install_fonts(&ctx);
    let (sel, mut state, flags) = (
        Selection::default(),
        TableState::default(),
        std::collections::HashMap::new(),
    );
    let mut ms = Vec::new();
    for i in 0..130 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(i as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events: frame_driver::wiggle(i),
            ..Default::default()
        };
        let cpu = frame_driver::thread_cpu();
        let mut cmds = Vec::new();
        let mut out = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                claims_ui(ui, ws, &sel, &mut state, &flags, &mut cmds, 1)
            });
        });
        let shapes = std::mem::take(&mut out.shapes);
        std::hint::black_box(ctx.tessellate(shapes, out.pixels_per_point));
        out.drop_without_applying_deltas();
        if i >= 10 {
            ms.push(frame_driver::thread_cpu().saturating_sub(cpu).as_secs_f64() * 1e3);
        }
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "ClaimsTableAlone frame_ms_p50={:.3} frame_ms_p95={:.3} (claims {})",
        percentile(&ms, 50.0),
        percentile(&ms, 95.0),
        ws.claims.len()
    );
}

/// The frame after an edit (a claim's note), ten times, in the Reader view with the Claims
/// table, Sources, Inspector and Suggestions panes open.
fn edit_frames(d: &mut Driver) {
    use claimbench::ui::Command;
    // An edit (a claim's note): the frame after it rebuilds what depends on the claims.
    let mut edit_ms = Vec::new();
    let mut in_open = 0;
    for k in 0..10 {
        let n = d.app.session.ws.claims.len();
        let mut c = d.app.session.ws.claims[(k * 7919) % n].clone();
        let open = d.app.selection.doc.as_ref();
        let here = c.evidence.iter().any(|e| Some(&e.doc) == open);
        in_open += usize::from(here);
        eprint!("{}", if here { "o" } else { "." });
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
    eprintln!(
        "  (EditFrame: each edit's frame in order, ms: {})",
        edit_ms
            .iter()
            .map(|m| format!("{m:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    edit_ms.sort_by(f64::total_cmp);
    let snap = &d.app.findings.snapshot;
    println!(
        "EditFrame frame_ms_p50={:.2} frame_ms_max={:.2} (Reader view, the frame after an edit; claims {}; workers' copy: {} full copies, {} compares, the rest replayed; derived counts built whole {} times, document spans gathered from every claim {} times, table rows patched {} times, highlights patched {} times, open proposals patched {} times and worked out whole {} times; {} of the edits had evidence in the open document)",
        percentile(&edit_ms, 50.0),
        percentile(&edit_ms, 100.0),
        d.app.session.ws.claims.len(),
        snap.full_copies,
        snap.compared,
        d.app.derived.full_counts,
        d.app.derived.full_spans,
        d.app.table.rows_patched,
        d.app.reader.highlights_patched,
        d.app.reader.suggestions.patched,
        d.app.reader.suggestions.worked_out,
        in_open,
    );
}
