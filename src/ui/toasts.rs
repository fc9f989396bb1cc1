//! Toasts and the Messages pane: every note and error reaches the user once as a toast at the
//! bottom centre (the bottom-right corner is the Suggestions pane's Accept/Reject buttons) (notes fade after a few seconds, errors stay until dismissed) and stays
//! listed in the Messages pane for the session.

use super::app::ClaimbenchApp;
use super::command::Command;
use std::time::Duration;

/// How long a note's toast stays up.
pub const NOTE_TOAST: Duration = Duration::from_secs(5);
/// At most this many toasts are stacked.
const STACKED: usize = 4;

/// Draws the toasts and retires notes whose time is up.
pub fn toasts_ui(ctx: &egui::Context, app: &mut ClaimbenchApp, _cmds: &mut Vec<Command>) {
    let expired = app.toast_age().is_some_and(|age| age >= NOTE_TOAST);
    if expired {
        for m in app.messages.iter_mut().filter(|m| !m.error) {
            m.toast = false;
        }
    } else if let Some(age) = app.toast_age() {
        // Wake up when the notes are due to fade, not every frame.
        ctx.request_repaint_after(NOTE_TOAST.saturating_sub(age));
    }
    let shown: Vec<usize> = app
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.toast)
        .map(|(i, _)| i)
        .rev()
        .take(STACKED)
        .collect();
    if shown.is_empty() {
        return;
    }
    let mut dismiss = Vec::new();
    egui::Area::new(egui::Id::new("toasts"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -36.0))
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            for &i in shown.iter().rev() {
                let m = &app.messages[i];
                let visuals = ui.visuals();
                let (fill, stroke) = if m.error {
                    (visuals.extreme_bg_color, visuals.error_fg_color)
                } else {
                    (
                        visuals.window_fill,
                        visuals.widgets.noninteractive.bg_stroke.color,
                    )
                };
                egui::Frame::popup(ui.style())
                    .fill(fill)
                    .stroke(egui::Stroke::new(1.5, stroke))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            if m.error {
                                ui.colored_label(ui.visuals().error_fg_color, "Error");
                            }
                            ui.weak(&m.time);
                            let label = if m.error { "Dismiss" } else { "×" };
                            if ui
                                .small_button(label)
                                .on_hover_text("Hide this message (it stays in View › Messages)")
                                .clicked()
                            {
                                dismiss.push(i);
                            }
                        });
                        ui.label(&m.text);
                    });
                ui.add_space(4.0);
            }
        });
    for i in dismiss {
        app.messages[i].toast = false;
    }
}

/// The Messages pane: every message of the session, newest first.
pub fn messages_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, _cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let errors = app.messages.iter().filter(|m| m.error).count();
        ui.label(format!(
            "{} messages, {errors} errors this session",
            app.messages.len()
        ));
        if ui
            .add_enabled(
                !app.messages.is_empty(),
                egui::Button::new("Clear messages"),
            )
            .clicked()
        {
            app.messages.clear();
        }
    });
    ui.separator();
    if app.messages.is_empty() {
        ui.weak("Nothing yet: saves, imports, exports and errors are listed here.");
    }
    for m in app.messages.iter().rev() {
        ui.horizontal_wrapped(|ui| {
            ui.weak(&m.time);
            if m.error {
                ui.colored_label(ui.visuals().error_fg_color, "error");
            }
            ui.label(&m.text);
        });
    }
}
