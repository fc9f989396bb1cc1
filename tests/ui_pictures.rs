//! Picture tests: the five main views (Reader, Claims, Charts, Network, Findings) of the embedded
//! sample, in the light and the dark theme, drawn by egui_kittest through wgpu (Mesa's software
//! Vulkan, lavapipe, in CI) and compared with the reviewed PNGs in `tests/snapshots/`. Each view is
//! set up as `claimbench screenshot --view VIEW --theme THEME` does, in a 1000×700 window at one
//! pixel per point, so a layout change anywhere in the window (a panel's width, a renamed label,
//! a lost row) fails here.
//!
//! After an intended change of the look: `UPDATE_SNAPSHOTS=1 cargo test --test ui_pictures`
//! rewrites the PNGs that no longer match; look at each changed one (`git diff --stat
//! tests/snapshots`, then open them) before committing them. A failing run leaves
//! `NAME.new.png` (what was drawn) and `NAME.diff.png` (the differing pixels) beside the
//! reviewed picture; git ignores both.
//!
//! wgpu needs an adapter: a GPU, or lavapipe from Debian's `mesa-vulkan-drivers` (`.ci/run`
//! installs it). Without one these tests fail with a message saying so, in CI and outside it: a
//! picture test that passes without drawing would hide exactly the regressions it is for. On a
//! headless machine each picture prints `error: XDG_RUNTIME_DIR is invalid or not set`: Mesa's
//! Vulkan device-select layer looking for a Wayland display; harmless (`NODEVICE_SELECT=1`
//! silences it and draws the same pixels).

use claimbench::ui::app::CentralTab;
use claimbench::ui::dialogs::DialogBackend;
use claimbench::ui::{ClaimbenchApp, Startup, View};
use eframe::egui_wgpu;
use egui_kittest::wgpu::{WgpuTestRenderer, create_render_state, default_wgpu_setup};
use egui_kittest::{Harness, SnapshotOptions};
use std::collections::VecDeque;

/// The window: small enough to keep each PNG near 150 KB, large enough that every pane of the
/// default layout shows content.
const SIZE: [f32; 2] = [1000.0, 700.0];

/// Per-pixel colour distance (dify's weighted YIQ measure, egui_kittest's unit and default) above
/// which a pixel counts as different, and how many such pixels are allowed. Measured when they
/// were chosen: lavapipe drew every picture identically (distance 0) in repeated runs, under full
/// load on both cores and with the rasteriser's threads set to 0, 1 or 8 (`LP_NUM_THREADS`); even
/// Mesa's other software path, GL through llvmpipe, differed in at most 60 pixels per picture, all
/// closer than 0.6. Real changes fail far above it: one letter dropped from a Network button
/// ("Clear filters" → "Clear filter") fails 89–90 pixels of both Network pictures at every
/// distance up to 10; "saved" → "Saved" in the status bar about 1,060 pixels of every picture;
/// the Sources panel 40 px wider 74,000–88,000.
const THRESHOLD: f32 = 0.6;
/// See [`THRESHOLD`]: no pixel may differ by more than it.
const MAX_FAILED_PIXELS: usize = 0;

/// One of the five views, as the `screenshot` subcommand arranges it.
#[derive(Clone, Copy)]
enum Shown {
    Reader,
    Claims,
    Charts,
    Network,
    Findings,
}

impl Shown {
    fn name(self) -> &'static str {
        match self {
            Shown::Reader => "reader",
            Shown::Claims => "claims",
            Shown::Charts => "charts",
            Shown::Network => "network",
            Shown::Findings => "findings",
        }
    }

    /// The app's start-up settings for this view: the same mapping as `claimbench screenshot`.
    fn startup(self, theme: egui::Theme) -> Startup {
        Startup {
            dialogs: DialogBackend::Scripted(VecDeque::new()),
            view: match self {
                Shown::Claims => View::Claims,
                _ => View::Reader,
            },
            tab: match self {
                Shown::Charts => CentralTab::Charts,
                Shown::Network => CentralTab::Network,
                Shown::Findings => CentralTab::Findings,
                Shown::Reader | Shown::Claims => CentralTab::Reader,
            },
            select_first_claim: true,
            theme: Some(theme.into()),
            ..Default::default()
        }
    }
}

/// Whether this runs in CI (`CI` set to anything but `false`/`0`, as CI services do).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A wgpu renderer and the adapter it draws with (`llvmpipe (LLVM 15.0.6, 256 bits), Vulkan,
/// Mesa 22.3.6 (LLVM 15.0.6)` where the pictures were made), or a failure that says why there is
/// none and how to get one.
fn renderer() -> (WgpuTestRenderer, String) {
    let mut setup = default_wgpu_setup();
    // Vulkan (Metal, DX12 elsewhere), never GL: the reviewed pictures were drawn by lavapipe,
    // and a machine without Vulkan should say so rather than draw through another rasteriser.
    if let egui_wgpu::WgpuSetup::CreateNew(new) = &mut setup {
        new.instance_descriptor.backends = egui_wgpu::wgpu::Backends::PRIMARY;
    }
    // The setup is only moved into the closure: nothing half-changed is seen after a panic.
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        create_render_state(setup, egui_wgpu::RendererOptions::PREDICTABLE)
    }));
    match made {
        Ok(state) => {
            let info = state.adapter.get_info();
            let adapter = format!("{}, {:?}, {}", info.name, info.backend, info.driver_info);
            (WgpuTestRenderer::from_render_state(state), adapter)
        }
        Err(cause) => {
            let cause = cause
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| cause.downcast_ref::<&str>().copied())
                .unwrap_or("no reason given");
            let place = if in_ci() {
                "CI must install mesa-vulkan-drivers and libvulkan1 (PACKAGES in .ci/run)"
            } else {
                "install Mesa's software Vulkan (Debian/Ubuntu: apt-get install \
                 mesa-vulkan-drivers libvulkan1) or run on a machine with a GPU"
            };
            panic!(
                "The picture tests could not draw: wgpu found no usable Vulkan adapter \
                 ({cause}). They need one and are not skipped without it: {place}."
            );
        }
    }
}

/// The app showing `shown` in `theme`, settled: every frame drawn and no background work left.
fn settled(shown: Shown, theme: egui::Theme) -> (Harness<'static, ClaimbenchApp>, String) {
    let startup = shown.startup(theme);
    let (renderer, adapter) = renderer();
    // The harness sets its own theme after the app has set the one it was asked for.
    let mut h = Harness::builder()
        .with_theme(theme)
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .renderer(renderer)
        .build_eframe(move |cc| ClaimbenchApp::new(cc, startup));
    h.run();
    for _ in 0..1000 {
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(
        !h.state().is_busy(),
        "{}: background work still running after 10 s",
        shown.name()
    );
    // Frames until nothing moves (tab switch, scroll to the selected row, fades).
    h.run();
    (h, adapter)
}

/// Draws `shown` in both themes and compares each with its reviewed PNG; reports both themes
/// before failing.
fn pictures(shown: Shown) {
    let options = SnapshotOptions::new()
        .threshold(THRESHOLD)
        .max_failed_pixels(MAX_FAILED_PIXELS)
        .output_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"));
    // egui_kittest's reading of the variable: these values mean "compare only".
    let updating = std::env::var("UPDATE_SNAPSHOTS")
        .is_ok_and(|v| !matches!(v.as_str(), "false" | "0" | "no" | "off"));
    let mut failures = Vec::new();
    for (theme, word) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
        let (mut h, adapter) = settled(shown, theme);
        let name = format!("{}-{word}", shown.name());
        match h.try_snapshot_options(&name, &options) {
            Ok(()) if updating => compact(&options.output_path.join(format!("{name}.png"))),
            Ok(()) => {}
            Err(e) => failures.push(format!("{name} (drawn by {adapter}): {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the change is intended: UPDATE_SNAPSHOTS=1 cargo test --test ui_pictures, then \
         look at every rewritten PNG in tests/snapshots/ before committing it.",
        failures.join("\n")
    );
}

/// Rewrites a reviewed PNG at the strongest compression, without its alpha channel when every
/// pixel is opaque (as drawn): egui_kittest writes quickly compressed RGBA, about 300 KB per
/// picture here, this 145–170 KB. The pixels stay the same, so rewriting an unchanged picture
/// gives the same bytes and git sees no change.
fn compact(path: &std::path::Path) {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let picture = image::open(path)
        .unwrap_or_else(|e| panic!("{}: cannot read it back: {e}", path.display()))
        .to_rgba8();
    let mut bytes = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, FilterType::Adaptive);
    let (w, h) = picture.dimensions();
    let written = if picture.pixels().all(|p| p.0[3] == u8::MAX) {
        let rgb = image::DynamicImage::ImageRgba8(picture).to_rgb8();
        encoder.write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
    } else {
        encoder.write_image(&picture, w, h, image::ExtendedColorType::Rgba8)
    };
    written.unwrap_or_else(|e| panic!("{}: cannot encode it: {e}", path.display()));
    // Through a temporary file in the same folder, so an interrupted run leaves the old or the
    // new picture, never half of one.
    let tmp = path.with_extension("png.tmp");
    std::fs::write(&tmp, &bytes).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    std::fs::rename(&tmp, path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

#[test]
fn reader_pictures() {
    pictures(Shown::Reader);
}

#[test]
fn claims_pictures() {
    pictures(Shown::Claims);
}

#[test]
fn charts_pictures() {
    pictures(Shown::Charts);
}

#[test]
fn network_pictures() {
    pictures(Shown::Network);
}

#[test]
fn findings_pictures() {
    pictures(Shown::Findings);
}
