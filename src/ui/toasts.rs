//! Toasts and the Messages pane: every note and error reaches the user once as a toast and stays
//! listed in the Messages pane for the session (notes fade after a few seconds, errors stay until
//! dismissed). The toast is one line at the right end of the menu bar, the one strip of the window
//! that holds nothing else: at the bottom it covered rows of the Claims table (centre) or the
//! Suggestions pane's Accept/Reject buttons (right). A long message is cut with an ellipsis there
//! and shown whole on hover and in Messages.

use super::app::ClaimbenchApp;
use super::command::Command;
use std::time::Duration;

/// How long a note's toast stays up.
pub const NOTE_TOAST: Duration = Duration::from_secs(5);
/// Room the toast leaves at the left of the menu bar for the menus themselves.
const MENUS_WIDTH: f32 = 200.0;
/// The widest a toast gets: a message is a glance, its whole text is in Messages.
const MAX_WIDTH: f32 = 640.0;

/// Draws the newest toast (with how many more are up) and retires notes whose time is up.
pub fn toasts_ui(ctx: &egui::Context, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let expired = app.toast_age().is_some_and(|age| age >= NOTE_TOAST);
    if expired {
        for m in app.notes.messages.iter_mut().filter(|m| !m.error) {
            m.toast = false;
        }
    } else if let Some(age) = app.toast_age() {
        // Wake up when the notes are due to fade, not every frame.
        ctx.request_repaint_after(NOTE_TOAST.saturating_sub(age));
    }
    // Errors first (they wait for the user), then the newest note.
    let up: Vec<usize> = app
        .notes
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.toast)
        .map(|(i, _)| i)
        .collect();
    let Some(&i) = up
        .iter()
        .rev()
        .find(|&&i| app.notes.messages[i].error)
        .or_else(|| up.last())
    else {
        return;
    };
    let more = up.len() - 1;
    let width = (ctx.content_rect().width() - MENUS_WIDTH).clamp(120.0, MAX_WIDTH);
    let mut dismiss = false;
    let mut open_messages = false;
    egui::Area::new(egui::Id::new("toasts"))
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-4.0, 1.0))
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            let m = &app.notes.messages[i];
            let visuals = ui.visuals();
            let (fill, stroke) = if m.error {
                (visuals.extreme_bg_color, visuals.error_fg_color)
            } else {
                (
                    visuals.window_fill,
                    visuals.widgets.noninteractive.bg_stroke.color,
                )
            };
            egui::Frame::new()
                .fill(fill)
                .stroke(egui::Stroke::new(1.0, stroke))
                .corner_radius(3.0)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    ui.horizontal(|ui| {
                        if m.error {
                            ui.colored_label(ui.visuals().error_fg_color, "Error");
                        }
                        // What the buttons on the right need; the text gets the rest.
                        let room = ui.available_width() - if more > 0 { 150.0 } else { 80.0 };
                        // One line: the message's lines joined (the whole text stays readable to screen
                        // readers and on hover; the eye gets the start).
                        let first = m.text.lines().collect::<Vec<_>>().join(" · ");
                        ui.allocate_ui(
                            egui::vec2(room.max(40.0), ui.spacing().interact_size.y),
                            |ui| {
                                ui.add(egui::Label::new(first).truncate())
                                    .on_hover_text(format!("{} {}", m.time, m.text));
                            },
                        );
                        if more > 0
                            && ui
                                .small_button(format!("+{more} more"))
                                .on_hover_text("Show every message (View › Messages)")
                                .clicked()
                        {
                            open_messages = true;
                        }
                        let label = if m.error { "Dismiss" } else { "×" };
                        if ui
                            .small_button(label)
                            .on_hover_text("Hide this message (it stays in View › Messages)")
                            .clicked()
                        {
                            dismiss = true;
                        }
                    });
                });
        });
    if dismiss {
        app.notes.messages[i].toast = false;
    }
    if open_messages {
        cmds.push(Command::ShowPane(super::layout::Pane::Messages));
    }
}

/// The Messages pane: every message of the session, newest first.
pub fn messages_ui(ui: &mut egui::Ui, app: &mut ClaimbenchApp, _cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let errors = app.notes.messages.iter().filter(|m| m.error).count();
        ui.label(format!(
            "{}, {} this session",
            crate::words::count(app.notes.messages.len(), "message"),
            crate::words::count(errors, "error")
        ));
        if ui
            .add_enabled(
                !app.notes.messages.is_empty(),
                egui::Button::new("Clear messages"),
            )
            .clicked()
        {
            app.notes.messages.clear();
        }
    });
    ui.separator();
    if app.notes.messages.is_empty() {
        ui.weak("Nothing yet: saves, imports, exports and errors are listed here.");
    }
    for m in app.notes.messages.iter().rev() {
        ui.horizontal_wrapped(|ui| {
            ui.weak(&m.time);
            if m.error {
                ui.colored_label(ui.visuals().error_fg_color, "error");
            }
            ui.label(&m.text);
        });
    }
}
