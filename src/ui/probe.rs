//! The window's widgets as a text file, for a test that drives the real window with a real
//! pointer (`.ci/journey.sh`, `examples/journey.rs`).
//!
//! A script moving the mouse over a real window must know where a button or a sentence is drawn,
//! and the pixels alone do not say. When `CLAIMBENCH_PROBE` names a file, the app turns on
//! egui's accessibility tree (the one a screen reader reads) and, after every frame whose tree
//! changed, writes one line per labelled widget and per row of text: role, bounds in screen
//! pixels, whether it is disabled, its label, its value, and for text rows each character's
//! left edge. The file is replaced atomically (written beside it, then renamed). Without the
//! variable nothing is installed.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The environment variable naming the probe file.
pub const ENV: &str = "CLAIMBENCH_PROBE";

/// Installs the probe when [`ENV`] names a file.
pub fn install_from_env(ctx: &egui::Context) {
    if let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        ctx.add_plugin(Probe {
            path: PathBuf::from(path),
            last: String::new(),
        });
    }
}

struct Probe {
    path: PathBuf,
    last: String,
}

/// Tabs and newlines inside a field would break the line format.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl egui::Plugin for Probe {
    fn debug_name(&self) -> &'static str {
        "claimbench-probe"
    }

    fn setup(&mut self, ctx: &egui::Context) {
        ctx.enable_accesskit();
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = &output.platform_output.accesskit_update else {
            return;
        };
        let ppp = f64::from(ctx.pixels_per_point());
        let mut out = String::new();
        let _ = writeln!(out, "#\tpixels_per_point\t{ppp}");
        // A control named by a caption beside it (`a11y::labelled`) takes the caption's text.
        let names: std::collections::HashMap<egui::accesskit::NodeId, &str> = update
            .nodes
            .iter()
            .filter_map(|(id, n)| n.label().or(n.value()).map(|l| (*id, l)))
            .collect();
        for (_, node) in &update.nodes {
            let role = node.role();
            let text_run = role == egui::accesskit::Role::TextRun;
            let label = node.label().unwrap_or_else(|| {
                node.labelled_by()
                    .iter()
                    .find_map(|id| names.get(id).copied())
                    .unwrap_or_default()
            });
            let value = node.value().unwrap_or_default();
            if label.is_empty() && value.is_empty() {
                continue;
            }
            let Some(b) = node.bounds() else { continue };
            let _ = write!(
                out,
                "{role:?}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{}\t{}\t{}",
                b.x0 * ppp,
                b.y0 * ppp,
                b.x1 * ppp,
                b.y1 * ppp,
                if node.is_disabled() {
                    "disabled"
                } else {
                    "enabled"
                },
                clean(label),
                clean(value),
            );
            if text_run {
                let pos = node.character_positions().unwrap_or_default();
                let widths = node.character_widths().unwrap_or_default();
                out.push('\t');
                for (i, p) in pos.iter().enumerate() {
                    let w = widths.get(i).copied().unwrap_or(0.0);
                    let _ = write!(
                        out,
                        "{}{:.1}:{:.1}",
                        if i == 0 { "" } else { " " },
                        f64::from(*p) * ppp,
                        f64::from(w) * ppp
                    );
                }
            }
            out.push('\n');
        }
        if out != self.last {
            let tmp = self.path.with_extension("tmp");
            if std::fs::write(&tmp, &out).is_ok() {
                let _ = std::fs::rename(&tmp, &self.path);
            }
            self.last = out;
        }
    }
}
