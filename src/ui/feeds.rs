//! Reading from the web in the app: the File › Import from URL… dialog (one address a line; the
//! pages are fetched by the same background import as files, with its progress bar and Cancel),
//! and the News feeds panel (File › News feeds…): the workspace's subscriptions, added and
//! removed as undoable edits, "Check now" (the same background import, reading each feed and
//! importing the entries not seen before) and the new documents the analyst has not opened yet.
//! Nothing here runs until the user asks: opening a workspace never fetches anything.

use super::command::{Command, UiCommand};
use crate::io::feed;
use crate::io::fetch::is_web_address;
use crate::model::{DocId, Workspace};
use std::path::PathBuf;

/// State of the Import from URL dialog.
#[derive(Debug, Default)]
pub struct UrlDialog {
    /// Whether the dialog is shown.
    pub open: bool,
    /// The addresses typed, one a line.
    pub text: String,
    /// Why the last "Import" was refused.
    pub problem: Option<String>,
}

impl UrlDialog {
    /// The typed addresses, or the first line that is not one.
    pub fn addresses(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for line in self.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !is_web_address(line) {
                return Err(format!(
                    "“{line}” is not a web address: it must start with http:// or https://"
                ));
            }
            out.push(line.to_owned());
        }
        if out.is_empty() {
            return Err("Type or paste at least one web address".into());
        }
        Ok(out)
    }
}

/// Draws the dialog when open; "Import" queues the addresses as an import.
pub fn url_dialog_ui(ctx: &egui::Context, d: &mut UrlDialog, cmds: &mut Vec<Command>) {
    if !d.open {
        return;
    }
    let mut open = true;
    let mut close = false;
    egui::Window::new("Import from URL")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(480.0)
        .show(ctx, |ui| {
            let caption = ui
                .label("Web addresses of articles, PDFs or text files, one a line:")
                .id;
            let r = ui.add(
                egui::TextEdit::multiline(&mut d.text)
                    .hint_text("https://…")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            );
            super::a11y::labelled(&r, caption);
            if let Some(p) = &d.problem {
                ui.colored_label(ui.visuals().error_fg_color, p);
            }
            ui.horizontal(|ui| {
                if ui.button("Import").clicked() {
                    match d.addresses() {
                        Ok(urls) => {
                            cmds.push(Command::ImportPaths(
                                urls.into_iter().map(PathBuf::from).collect(),
                            ));
                            d.text.clear();
                            d.problem = None;
                            close = true;
                        }
                        Err(why) => d.problem = Some(why),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close || !open {
        d.open = false;
    }
}

/// State of the News feeds panel.
#[derive(Debug, Default)]
pub struct FeedsPanel {
    /// Whether the panel is shown.
    pub open: bool,
    /// The address typed in "Feed address".
    pub new_url: String,
    /// Why the last "Add feed" was refused.
    pub problem: Option<String>,
    /// Documents the checks of this session brought in that the analyst has not opened yet.
    pub unread: Vec<DocId>,
}

impl FeedsPanel {
    /// Lists the documents a feed check added as new and unread.
    pub fn note_new(&mut self, added: &[(DocId, String)]) {
        for (id, _) in added {
            if !self.unread.contains(id) {
                self.unread.push(id.clone());
            }
        }
    }

    /// The action that adds the typed address to `ws`'s feeds, or why not.
    pub fn add(&self, ws: &Workspace) -> Result<crate::action::Action, String> {
        let url = self.new_url.trim();
        if !is_web_address(url) {
            return Err(format!(
                "“{url}” is not a web address: it must start with http:// or https://"
            ));
        }
        feed::subscribe(ws, url).ok_or_else(|| format!("This workspace already follows {url}"))
    }
}

/// Draws the panel when open. `progress` is the running import's (done, total), if any;
/// `reading` the document open in the Reader (read, so no longer listed as new).
pub fn feeds_ui(
    ctx: &egui::Context,
    p: &mut FeedsPanel,
    ws: &Workspace,
    progress: Option<(usize, usize)>,
    reading: Option<&DocId>,
    cmds: &mut Vec<Command>,
) {
    // A document deleted since (or undone), or opened, is no longer news.
    p.unread
        .retain(|id| ws.document(id).is_some() && Some(id) != reading);
    if !p.open {
        return;
    }
    let mut open = true;
    egui::Window::new("News feeds")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .show(ctx, |ui| {
            if ws.feeds.is_empty() {
                ui.label("This workspace follows no news feeds yet.");
            }
            egui::Grid::new("feeds_list")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for f in &ws.feeds {
                        ui.vertical(|ui| {
                            ui.label(&f.title);
                            if f.title != f.url {
                                ui.weak(&f.url);
                            }
                        });
                        ui.weak(match &f.last_checked {
                            Some(t) => {
                                format!("checked {}", t.replace('T', " ").replace('Z', " UTC"))
                            }
                            None => "not checked yet".to_owned(),
                        });
                        if ui
                            .button("Unfollow")
                            .on_hover_text("Stop following this feed (its documents stay)")
                            .clicked()
                            && let Some(a) = feed::unsubscribe(ws, &f.url)
                        {
                            cmds.push(Command::Edit(
                                Box::new(a),
                                format!("Remove news feed {}", f.title),
                                None,
                            ));
                        }
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let caption = ui.label("Feed address").id;
                let r = ui.add(
                    egui::TextEdit::singleline(&mut p.new_url)
                        .hint_text("https://…/feed.xml")
                        .desired_width(300.0),
                );
                super::a11y::labelled(&r, caption);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Add feed").clicked() || enter {
                    match p.add(ws) {
                        Ok(a) => {
                            cmds.push(Command::Edit(Box::new(a), "Add news feed".into(), None));
                            p.new_url.clear();
                            p.problem = None;
                        }
                        Err(why) => p.problem = Some(why),
                    }
                }
            });
            if let Some(why) = &p.problem {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            ui.separator();
            match progress {
                Some(progress) => {
                    ui.horizontal(|ui| {
                        super::import::progress_ui(ui, progress, 240.0, "Reading", "Cancel", cmds);
                    });
                }
                None => {
                    let r = ui
                        .add_enabled(!ws.feeds.is_empty(), egui::Button::new("Check now"))
                        .on_hover_text(UiCommand::CheckFeeds.tooltip());
                    if r.clicked() {
                        cmds.push(Command::Ui(UiCommand::CheckFeeds));
                    }
                }
            }
            if !p.unread.is_empty() {
                ui.separator();
                ui.strong("New, not yet read");
                let mut opened = None;
                for (i, id) in p.unread.iter().enumerate() {
                    let Some(d) = ws.document(id) else { continue };
                    ui.horizontal(|ui| {
                        if ui
                            .link(&d.title)
                            .on_hover_text("Open in the Reader")
                            .clicked()
                        {
                            cmds.push(Command::SelectDocument(id.clone()));
                            opened = Some(i);
                        }
                        ui.weak(&d.outlet);
                    });
                }
                if let Some(i) = opened {
                    p.unread.remove(i);
                }
            }
        });
    if !open {
        p.open = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        let mut d = UrlDialog {
            text: "https://a.example/x\n\n  http://b.example/y  \n".into(),
            ..Default::default()
        };
        assert_eq!(
            d.addresses().unwrap(),
            vec!["https://a.example/x", "http://b.example/y"]
        );
        d.text = "a.example/x".into();
        assert!(d.addresses().unwrap_err().contains("a.example/x"));
        d.text = " ".into();
        assert!(d.addresses().is_err());
    }
}
