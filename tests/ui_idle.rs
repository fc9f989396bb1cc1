//! An idle window with nothing changing asks for no repaints: after the first frames settle, the
//! app drawn headlessly (real `ClaimbenchApp::frame_ui` in an `egui::Context`) requests no
//! further frame, so an idle window costs no CPU. Checked per central view.

use claimbench::ui::ClaimbenchApp;
use claimbench::ui::app::{CentralTab, Settings, Startup, View};
use std::time::Duration;

/// Runs frames the way a window does when idle: the next frame comes only when egui asks for
/// one (`repaint_delay`), up to `seconds` of simulated time. Returns how many frames ran after
/// the first `settle` seconds (animations of the first frames: panels, fades).
fn frames_while_idle(app: &mut ClaimbenchApp, settle: f64, seconds: f64) -> usize {
    let ctx = egui::Context::default();
    let mut time = 0.0;
    let mut frames = 0;
    let mut n = 0;
    while time < seconds {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(time),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| app.frame_ui(ui));
        let delay = out
            .viewport_output
            .values()
            .map(|v| v.repaint_delay)
            .min()
            .unwrap_or(Duration::MAX);
        out.drop_without_applying_deltas();
        n += 1;
        if std::env::var_os("IDLE_DEBUG").is_some() {
            eprintln!("frame {n} t={time:.3} delay={delay:?}");
        }
        if time > settle {
            frames += 1;
        }
        if delay == Duration::MAX {
            break; // egui wants no further frame: the window sleeps until input arrives.
        }
        time += delay.as_secs_f64().max(1.0 / 60.0);
    }
    frames
}

fn app(view: View, tab: CentralTab) -> ClaimbenchApp {
    let startup = Startup {
        view,
        tab,
        select_first_claim: true,
        ..Default::default()
    };
    ClaimbenchApp::with_settings(startup, Settings::default())
}

#[test]
fn an_idle_window_requests_no_repaints() {
    for (view, tab) in [
        (View::Reader, CentralTab::Reader),
        (View::Claims, CentralTab::Reader),
        (View::Reader, CentralTab::Charts),
        (View::Reader, CentralTab::Network),
        (View::Reader, CentralTab::Findings),
    ] {
        let mut a = app(view, tab);
        // Half a second to settle (fonts, panel sizes, egui's opening animations), then
        // idle seconds.
        let extra = frames_while_idle(&mut a, 0.5, 5.0);
        assert_eq!(
            extra, 0,
            "{view:?}/{tab:?}: {extra} frames ran while idle after settling"
        );
    }
}

#[test]
fn the_idle_check_notices_a_view_that_keeps_repainting() {
    // The counter itself must be able to fail: a UI that asks for a repaint every frame runs
    // a frame every 1/60 s.
    let ctx = egui::Context::default();
    let mut frames = 0;
    let mut time = 0.0;
    while time < 1.0 {
        let input = egui::RawInput {
            time: Some(time),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            ui.label("busy");
            ui.ctx().request_repaint();
        });
        let delay = out.viewport_output.values().map(|v| v.repaint_delay).min();
        out.drop_without_applying_deltas();
        frames += 1;
        if delay.is_none_or(|d| d == Duration::MAX) {
            break;
        }
        time += delay.unwrap_or_default().as_secs_f64().max(1.0 / 60.0);
    }
    assert!(frames > 30, "{frames}");
}
