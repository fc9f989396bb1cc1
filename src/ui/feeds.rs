//! Reading from the web in the app: the File › Import from URL… dialog (one address a line; the
//! pages are fetched by the same background import as files, with its progress bar and Cancel).
//! Nothing here runs until the user asks: opening a workspace never fetches anything.

use super::command::Command;
use crate::io::fetch::is_web_address;
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
            ui.label("Web addresses of articles, PDFs or text files, one a line:");
            ui.add(
                egui::TextEdit::multiline(&mut d.text)
                    .hint_text("https://…")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            );
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
