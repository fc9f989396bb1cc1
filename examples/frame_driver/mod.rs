//! Drives the real app headlessly for frame-time measurements: one `egui::Context` with a fixed
//! screen size, `ClaimbenchApp::frame_ui` run through `Context::run_ui`, then tessellation — all
//! the CPU work of a frame except the GPU upload. Shared by `examples/frame_bench.rs` and
//! `benches/frame.rs`.
#![allow(dead_code)]

use claimbench::ui::ClaimbenchApp;
use claimbench::ui::app::{CentralTab, Settings, Startup, View};

use std::path::Path;
use std::time::{Duration, Instant};

/// The views measured.
pub const VIEWS: [(&str, View, CentralTab); 4] = [
    ("Reader", View::Reader, CentralTab::Reader),
    ("Claims", View::Claims, CentralTab::Reader),
    ("Charts", View::Reader, CentralTab::Charts),
    ("Network", View::Reader, CentralTab::Network),
];

/// The app in a headless context.
pub struct Driver {
    /// The egui context (kept across frames, like a real window's).
    pub ctx: egui::Context,
    /// The app.
    pub app: ClaimbenchApp,
    frame: u64,
    /// Screen size in points.
    pub size: egui::Vec2,
    /// Wall-clock time of the last frame (CPU time plus any time the thread was preempted).
    pub last_wall: Duration,
}

impl Driver {
    /// Opens `path` in the given view, 1280x800 points.
    pub fn open(path: &Path, view: View, tab: CentralTab) -> Self {
        let startup = Startup {
            path: Some(path.to_owned()),
            view,
            tab,
            ..Default::default()
        };
        let mut app = ClaimbenchApp::with_settings(startup, Settings::default());
        // FRAME_BENCH_CLOSE=Suggestions,Inspector closes panes, to see what each one costs.
        let close = std::env::var("FRAME_BENCH_CLOSE").unwrap_or_default();
        for pane in claimbench::ui::layout::Pane::ALL {
            if close
                .split(',')
                .any(|c| c.trim().eq_ignore_ascii_case(pane.label()))
            {
                claimbench::ui::layout::close(&mut app.dock, pane);
            }
        }
        Self::with_app(app)
    }

    /// Wraps an app built elsewhere.
    pub fn with_app(app: ClaimbenchApp) -> Self {
        let ctx = egui::Context::default();
        claimbench::ui::app::install_fonts(&ctx);
        Self {
            ctx,
            app,
            frame: 0,
            size: egui::vec2(1280.0, 800.0),
            last_wall: Duration::ZERO,
        }
    }

    /// Runs one frame with `events`; returns the CPU time the UI thread spent on it and the
    /// repaint delay egui asked for. CPU time, not wall time: on a 2-core machine the app's own
    /// background work (extraction of a 5 MB document, findings on 100k claims) or any other
    /// process preempts the UI thread for whole scheduler ticks (4 ms at 250 Hz), which says
    /// nothing about what the frame costs. The wall time is kept in [`Driver::last_wall`].
    pub fn frame(&mut self, events: Vec<egui::Event>) -> (Duration, Duration) {
        self.frame += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let cpu = thread_cpu();
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let shapes = std::mem::take(&mut out.shapes);
        let prims = self.ctx.tessellate(shapes, out.pixels_per_point);
        let took = thread_cpu().saturating_sub(cpu);
        self.last_wall = start.elapsed();
        std::hint::black_box(prims);
        let delay = out
            .viewport_output
            .values()
            .map(|v| v.repaint_delay)
            .min()
            .unwrap_or(Duration::MAX);
        out.drop_without_applying_deltas();
        (took, delay)
    }

    /// A small steady-state input for frame `i` (see [`wiggle`]).
    pub fn wiggle(&self, i: usize) -> Vec<egui::Event> {
        wiggle(i)
    }

    /// Runs frames until the app's background work (findings, network, extraction of the open
    /// document) has finished, at most `limit`: steady frames are measured after it, since
    /// frames drawn meanwhile show placeholders. Returns how long it took.
    pub fn settle(&mut self, limit: Duration) -> Duration {
        let start = Instant::now();
        let mut i = 0;
        while start.elapsed() < limit {
            let ev = self.wiggle(i);
            self.frame(ev);
            i += 1;
            if i > 3 && !self.app.is_busy() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        start.elapsed()
    }

    /// Runs `warmup` frames, then `n` measured ones with [`Driver::wiggle`] input; returns the
    /// measured frame CPU times in milliseconds, sorted.
    pub fn measure(&mut self, warmup: usize, n: usize) -> Vec<f64> {
        self.measure_both(warmup, n).0
    }

    /// [`Driver::measure`], also returning the frames' wall times (sorted).
    pub fn measure_both(&mut self, warmup: usize, n: usize) -> (Vec<f64>, Vec<f64>) {
        for i in 0..warmup {
            let ev = self.wiggle(i);
            self.frame(ev);
        }
        let (mut cpu, mut wall): (Vec<f64>, Vec<f64>) = (0..n)
            .map(|i| {
                let ev = self.wiggle(i);
                let t = self.frame(ev).0.as_secs_f64() * 1e3;
                (t, self.last_wall.as_secs_f64() * 1e3)
            })
            .unzip();
        cpu.sort_by(f64::total_cmp);
        wall.sort_by(f64::total_cmp);
        (cpu, wall)
    }
}

/// A small steady-state input for frame `i`: the pointer wanders a few points over the centre of
/// the window and the wheel nudges up and down, so hover and scroll paths run but nothing is
/// invalidated for good.
pub fn wiggle(i: usize) -> Vec<egui::Event> {
    let x = 640.0 + (i % 8) as f32 * 3.0;
    let y = 300.0 + (i % 5) as f32 * 2.0;
    let mut ev = vec![egui::Event::PointerMoved(egui::pos2(x, y))];
    if i.is_multiple_of(4) {
        let dy = if i.is_multiple_of(8) { -20.0 } else { 20.0 };
        ev.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
        });
    }
    ev
}

/// CPU time used by the calling thread so far.
#[cfg(unix)]
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant libc knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall time elsewhere (no per-thread CPU clock is read there).
#[cfg(not(unix))]
pub fn thread_cpu() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The `p`-th percentile (0–100) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
