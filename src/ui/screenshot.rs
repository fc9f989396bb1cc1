//! `claimbench screenshot`: open the real window, wait until the UI has settled, save a PNG of
//! the whole window (eframe's viewport screenshot), exit.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The outcome of a screenshot: the PNG's size, or why there is none.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(u32, u32), String>>>>;

/// A pending screenshot.
#[derive(Debug)]
pub struct ScreenshotJob {
    /// Where to write the PNG.
    pub out: PathBuf,
    frames: u32,
    requested: bool,
    started: Instant,
    /// Set when the job ended: `Ok` with the size written, or the error.
    pub result: ScreenshotResult,
}

/// How many frames to draw before taking the picture (layout and fonts settle in 2–3).
const SETTLE_FRAMES: u32 = 10;
/// Give up after this long.
const TIMEOUT: Duration = Duration::from_secs(60);

impl ScreenshotJob {
    /// A job writing to `out`.
    pub fn new(out: PathBuf) -> Self {
        Self {
            out,
            frames: 0,
            requested: false,
            started: Instant::now(),
            result: Arc::default(),
        }
    }

    fn finish(&self, r: Result<(u32, u32), String>) {
        if let Ok(mut slot) = self.result.lock() {
            *slot = Some(r);
        }
    }

    /// Advances the job by one frame: requests the screenshot once settled, saves it when it
    /// arrives, and closes the window when done.
    pub fn step(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        let image = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Screenshot { image, .. } => Some(image.clone()),
                _ => None,
            })
        });
        if let Some(image) = image {
            self.finish(save_png(&self.out, &image));
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.started.elapsed() > TIMEOUT {
            self.finish(Err("timed out waiting for the window to render".into()));
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !self.requested && self.frames >= SETTLE_FRAMES {
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::default()));
            self.requested = true;
        }
        ctx.request_repaint();
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(u32, u32), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for p in &image.pixels {
        bytes.extend_from_slice(&p.to_array());
    }
    let (w, h) = (w as u32, h as u32);
    let img = image::RgbaImage::from_raw(w, h, bytes).ok_or("screenshot has the wrong size")?;
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    crate::io::save::write_atomic(path, &png, false).map_err(|e| e.to_string())?;
    Ok((w, h))
}
