//! File pickers and confirmation dialogs.
//!
//! Open/Save As use the native dialog (rfd). Where none can be shown — no desktop portal, as
//! under a bare X server — the in-app picker (egui-file-dialog) opens instead, so a menu entry
//! never does nothing. Tests script the answers.

use super::app::ClaimbenchApp;
use super::command::{Command, UiCommand};
use egui_file_dialog::FileDialog;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How file paths are asked for.
#[derive(Debug, Default)]
pub enum DialogBackend {
    /// Native dialog when a desktop portal answers, else the in-app picker.
    #[default]
    Auto,
    /// Always the in-app picker.
    InApp,
    /// Answers given in advance (tests): each request takes the next one; `None` is a cancel.
    Scripted(VecDeque<Option<PathBuf>>),
}

/// What a requested path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a workspace.
    Open,
    /// Save the workspace under a new name.
    SaveAs,
    /// Export a file with this extension.
    Export(&'static str),
    /// Import one or more documents.
    Import,
}

/// Dialog state.
pub struct Dialogs {
    backend: DialogBackend,
    picker: Option<(FileDialog, PathPurpose)>,
    /// A command waiting for "save / discard / cancel" because there are unsaved changes.
    pub confirm_discard: Option<Command>,
    /// A report export waiting for the in-app picker's path.
    pub pending_report: bool,
    /// A merge waiting for the in-app picker's workspace path.
    pub pending_merge: bool,
    /// The chart export waiting for the in-app picker's path.
    pub pending_export: Option<(crate::model::ChartId, super::command::ExportFormat)>,
    /// Whether the native dialog was found not to work in this session.
    native_failed: bool,
    /// The folder of the last file picked, where the in-app picker opens next (rather than
    /// the process's working folder).
    pub last_dir: Option<PathBuf>,
}

impl Dialogs {
    /// New dialog state with a backend.
    pub fn new(backend: DialogBackend) -> Self {
        Self {
            backend,
            picker: None,
            confirm_discard: None,
            pending_export: None,
            pending_report: false,
            pending_merge: false,
            native_failed: false,
            last_dir: None,
        }
    }

    /// Asks for documents to import (several at once where the dialog allows). Like
    /// [`Self::ask_path`], the in-app picker answers later with a command.
    pub fn ask_import_paths(&mut self) -> Option<Vec<PathBuf>> {
        match &mut self.backend {
            DialogBackend::Scripted(answers) => answers.pop_front().flatten().map(|p| vec![p]),
            DialogBackend::InApp => {
                self.open_picker(PathPurpose::Import, None);
                None
            }
            DialogBackend::Auto => {
                if !self.native_failed && portal_may_exist() {
                    let started = Instant::now();
                    let picked = rfd::FileDialog::new()
                        .add_filter(
                            "documents",
                            &["txt", "md", "markdown", "html", "htm", "pdf"],
                        )
                        .pick_files();
                    if picked.is_some() || started.elapsed() > Duration::from_millis(400) {
                        return picked;
                    }
                    self.native_failed = true;
                }
                self.open_picker(PathPurpose::Import, None);
                None
            }
        }
    }

    /// Whether the in-app picker is open.
    pub fn picker_open(&self) -> bool {
        self.picker.is_some()
    }

    /// Asks for a path. Returns it at once when a native dialog or a script answers; otherwise
    /// opens the in-app picker, whose answer arrives later as a command.
    pub fn ask_path(&mut self, purpose: PathPurpose, file_name: Option<String>) -> Option<PathBuf> {
        match &mut self.backend {
            DialogBackend::Scripted(answers) => answers.pop_front().flatten(),
            DialogBackend::InApp => {
                self.open_picker(purpose, file_name);
                None
            }
            DialogBackend::Auto => {
                if !self.native_failed && portal_may_exist() {
                    let started = Instant::now();
                    let picked = native_dialog(purpose, file_name.as_deref());
                    if picked.is_some() {
                        return picked;
                    }
                    // A person cannot cancel a dialog this fast: the portal is not there.
                    if started.elapsed() > Duration::from_millis(400) {
                        return None;
                    }
                    self.native_failed = true;
                }
                self.open_picker(purpose, file_name);
                None
            }
        }
    }

    /// Remembers the folder of a picked file for the next picker.
    pub fn remember_dir(&mut self, picked: &std::path::Path) {
        let dir = if picked.is_dir() {
            Some(picked)
        } else {
            picked.parent()
        };
        if let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            self.last_dir = Some(d.to_owned());
        }
    }

    fn open_picker(&mut self, purpose: PathPurpose, file_name: Option<String>) {
        const DOCUMENTS: &str = "documents (txt, md, html, pdf)";
        let mut d = match purpose {
            // The documents filter first: "All files" is the second choice, not the default.
            PathPurpose::Import => FileDialog::new()
                .add_file_filter_extensions(
                    DOCUMENTS,
                    vec!["txt", "md", "markdown", "html", "htm", "pdf"],
                )
                .default_file_filter(DOCUMENTS),
            PathPurpose::Export(ext) => FileDialog::new()
                .add_save_extension(ext, ext)
                .default_save_extension(ext),
            _ => FileDialog::new()
                .add_file_filter_extensions("claimbench workspace (*.ron)", vec!["ron"])
                .default_file_filter("claimbench workspace (*.ron)")
                .add_save_extension("claimbench workspace", "ron")
                .default_save_extension("claimbench workspace"),
        }
        .title(match purpose {
            PathPurpose::Import => "Import documents",
            PathPurpose::Open => "Open workspace",
            PathPurpose::SaveAs => "Save workspace as",
            PathPurpose::Export(_) => "Export",
        })
        .default_file_name(file_name.as_deref().unwrap_or("workspace.ron"));
        if let Some(dir) = self.last_dir.clone().filter(|d| d.is_dir()) {
            d = d.initial_directory(dir);
        }
        match purpose {
            PathPurpose::Open => d.pick_file(),
            PathPurpose::Import => d.pick_multiple(),
            PathPurpose::SaveAs | PathPurpose::Export(_) => d.save_file(),
        }
        self.picker = Some((d, purpose));
    }
}

fn portal_may_exist() -> bool {
    cfg!(not(target_os = "linux")) || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

fn native_dialog(purpose: PathPurpose, file_name: Option<&str>) -> Option<PathBuf> {
    let d = match purpose {
        PathPurpose::Export(ext) => rfd::FileDialog::new().add_filter(ext, &[ext]),
        _ => rfd::FileDialog::new().add_filter("claimbench workspace", &["ron"]),
    };
    match purpose {
        PathPurpose::Open | PathPurpose::Import => d.pick_file(),
        PathPurpose::SaveAs | PathPurpose::Export(_) => d
            .set_file_name(file_name.unwrap_or("workspace.ron"))
            .save_file(),
    }
}

/// Shows the in-app picker and the unsaved-changes question (errors are toasts).
pub fn dialogs_ui(ctx: &egui::Context, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    if let Some((picker, purpose)) = &mut app.dialogs.picker {
        picker.update(ctx);
        if *purpose == PathPurpose::Import {
            if let Some(paths) = picker.take_picked_multiple() {
                if let Some(p) = paths.first() {
                    app.dialogs.remember_dir(p);
                }
                cmds.push(Command::ImportPaths(paths));
                app.dialogs.picker = None;
            } else if matches!(
                picker.state(),
                egui_file_dialog::DialogState::Closed | egui_file_dialog::DialogState::Cancelled
            ) {
                app.dialogs.picker = None;
            }
        } else if let Some(path) = picker.take_picked() {
            let purpose = *purpose;
            app.dialogs.remember_dir(&path);
            match purpose {
                PathPurpose::Open if std::mem::take(&mut app.dialogs.pending_merge) => {
                    cmds.push(Command::MergeWith(path))
                }
                PathPurpose::Open => cmds.push(Command::OpenPath(path)),
                PathPurpose::SaveAs => cmds.push(Command::SaveTo(path)),
                PathPurpose::Import => {}
                PathPurpose::Export(_) => {
                    if let Some((id, format)) = app.dialogs.pending_export.take() {
                        cmds.push(Command::ExportChartTo(id, format, path));
                    } else if std::mem::take(&mut app.dialogs.pending_report) {
                        cmds.push(Command::ExportReportTo(path));
                    }
                }
            }
            app.dialogs.picker = None;
        } else if matches!(
            picker.state(),
            egui_file_dialog::DialogState::Closed | egui_file_dialog::DialogState::Cancelled
        ) {
            app.dialogs.picker = None;
        }
    }

    if let Some(pending) = app.dialogs.confirm_discard.clone() {
        let what = match &pending {
            Command::Ui(UiCommand::Quit) => "quitting",
            Command::Ui(UiCommand::New) => "starting a new workspace",
            _ => "opening another workspace",
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::new("confirm_discard")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!(
                "“{}” has unsaved changes. Save them before {what}?",
                app.session.ws.title
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Discard changes").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                app.dialogs.confirm_discard = None;
                app.save_then(pending);
            }
            Some(1) => {
                app.dialogs.confirm_discard = None;
                app.discard_then(pending);
            }
            Some(_) => app.dialogs.confirm_discard = None,
            None => {}
        }
    }

    if let Some(rec) = &app.session.recovery.offer {
        let counts = |w: &crate::model::Workspace| {
            format!(
                "{}, {}, {}",
                crate::words::count(w.documents.len(), "document"),
                crate::words::count(w.claims.len(), "claim"),
                crate::words::count(w.evidence_count(), "evidence span")
            )
        };
        let (recovered, saved) = (counts(rec), counts(&app.session.ws));
        let mut choice = None;
        egui::Modal::new(egui::Id::new("recovery_offer")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Unsaved changes were recovered");
            ui.label("claimbench did not exit cleanly last time. A recovery copy of this workspace has changes the saved file does not have.");
            egui::Grid::new("recovery_counts").show(ui, |ui| {
                ui.weak("Recovery copy");
                ui.label(recovered);
                ui.end_row();
                ui.weak("Saved file");
                ui.label(saved);
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui.button("Restore recovery copy").clicked() {
                    choice = Some(true);
                }
                if ui.button("Open the saved file").clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => app.restore_recovery(),
            Some(false) => {
                app.session.recovery.offer = None;
                if let Some(d) = &app.session.recovery.dir {
                    crate::io::recovery::remove_recovery(d, app.session.path.as_deref());
                }
            }
            None => {}
        }
    }
}
