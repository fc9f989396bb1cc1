//! `claimbench screenshot [WORKSPACE.ron] --out FILE.png [--view reader|claims|charts|network|findings] [--theme dark|light]`: opens the real
//! window, waits for the UI to settle, saves a PNG of the whole window and exits. Needs a display
//! (an X server such as Xvfb, or Wayland).

use super::{EXIT_BAD_INPUT, EXIT_OK, report_error};
use crate::ui::app::CentralTab;
use crate::ui::{Startup, View, screenshot::ScreenshotJob};
use std::path::PathBuf;

/// Which view to show.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ViewArg {
    /// The Reader with highlights (default).
    Reader,
    /// The Claims table, enlarged.
    Claims,
    /// The Charts tab.
    Charts,
    /// The Network tab.
    Network,
    /// The Findings tab.
    Findings,
}

/// Arguments of `screenshot`.
#[derive(Debug, clap::Args)]
pub struct ScreenshotArgs {
    /// Workspace to show (default: the embedded sample).
    pub workspace: Option<PathBuf>,
    /// The PNG to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Which view to show.
    #[arg(long, value_enum, default_value = "reader")]
    pub view: ViewArg,
    /// Colour theme (default: dark, as the window shows without a system preference).
    #[arg(long, value_enum, default_value = "dark")]
    pub theme: ThemeArg,
    /// Window size in points, `WIDTHxHEIGHT` (default 1280x800).
    #[arg(long, value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let bad = || format!("expected WIDTHxHEIGHT such as 1280x800, got “{s}”");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (f32, f32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    if !(200.0..=8000.0).contains(&w) || !(150.0..=8000.0).contains(&h) {
        return Err(format!(
            "window size {w}x{h} is outside 200x150 … 8000x8000"
        ));
    }
    Ok([w, h])
}

/// The colour theme of a screenshot.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    /// Light text on dark panels.
    Dark,
    /// Dark text on light panels.
    Light,
}

/// Runs `screenshot`; returns the exit code.
pub fn run(args: &ScreenshotArgs) -> i32 {
    if let Some(ws) = &args.workspace
        && let Err(e) = crate::io::load_workspace(ws)
    {
        report_error(e);
        return EXIT_BAD_INPUT;
    }
    let job = ScreenshotJob::new(args.out.clone());
    let result = job.result.clone();
    let startup = Startup {
        path: args.workspace.clone(),
        restore_last: false,
        screenshot: Some(job),
        view: match args.view {
            ViewArg::Claims => View::Claims,
            _ => View::Reader,
        },
        tab: match args.view {
            ViewArg::Charts => CentralTab::Charts,
            ViewArg::Network => CentralTab::Network,
            ViewArg::Findings => CentralTab::Findings,
            _ => CentralTab::Reader,
        },
        select_first_claim: true,
        window_size: args.size,
        theme: Some(match args.theme {
            ThemeArg::Dark => egui::ThemePreference::Dark,
            ThemeArg::Light => egui::ThemePreference::Light,
        }),
        ..Default::default()
    };
    if let Err(e) = crate::ui::run(startup) {
        report_error(format!(
            "{e} (is a display available? set DISPLAY, e.g. run under Xvfb)"
        ));
        return EXIT_BAD_INPUT;
    }
    let outcome = result.lock().map(|r| r.clone()).unwrap_or(None);
    match outcome {
        Some(Ok((w, h))) => {
            crate::outln!("{}: {w}x{h}", args.out.display());
            EXIT_OK
        }
        Some(Err(e)) => {
            report_error(format!("{}: {e}", args.out.display()));
            EXIT_BAD_INPUT
        }
        None => {
            report_error("the window closed before the screenshot was taken");
            EXIT_BAD_INPUT
        }
    }
}
