//! Command handling: every [`Command`] the menus, palette, shortcuts and panels send is run
//! here, after the UI pass (egui's `wrap_app.rs` pattern; rerun's `command_handling.rs`). Edits
//! go through [`ClaimbenchApp::apply`] as actions with their inverses; file work (open, save,
//! import, export) through the library.

use super::*;

impl ClaimbenchApp {
    /// Runs one command now: a named command (menus, palette, shortcuts) or an event a panel
    /// sent. Commands that would drop unsaved changes ask first.
    pub fn run_command(&mut self, cmd: Command, ctx: &egui::Context) {
        let drops_work = matches!(
            cmd,
            Command::Ui(UiCommand::New | UiCommand::Open | UiCommand::Quit) | Command::OpenPath(_)
        );
        if drops_work && self.is_dirty() {
            self.dialogs.confirm_discard = Some(cmd);
            return;
        }
        match cmd {
            Command::Ui(ui) => self.run_ui_command(ui, ctx),
            event => self.handle_event(event, ctx),
        }
    }

    /// Runs a named command: the table in `ui_command.rs` lists them all, and every one is
    /// handled here (no fallback arm, so a new command fails to compile until it is).
    fn run_ui_command(&mut self, cmd: UiCommand, ctx: &egui::Context) {
        match cmd {
            UiCommand::New => {
                self.cancel_open();
                self.replace_workspace(Workspace::default(), None);
            }
            UiCommand::Open => {
                self.dialogs.pending_merge = false;
                if let Some(p) = self.dialogs.ask_path(PathPurpose::Open, None) {
                    self.push(Command::OpenPath(p));
                }
            }
            UiCommand::Save => match self.session.path.clone() {
                Some(p) => self.save_to(&p),
                None => self.push(Command::Ui(UiCommand::SaveAs)),
            },
            UiCommand::SaveAs => {
                let name = self
                    .session
                    .path
                    .as_ref()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned());
                if let Some(p) = self.dialogs.ask_path(PathPurpose::SaveAs, name) {
                    self.push(Command::SaveTo(p));
                }
            }
            UiCommand::MergeWorkspace => {
                self.dialogs.pending_merge = true;
                if let Some(p) = self.dialogs.ask_path(PathPurpose::Open, None) {
                    self.dialogs.pending_merge = false;
                    self.push(Command::MergeWith(p));
                }
            }
            UiCommand::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            crate::ui::ui_command::show_pane!() => {
                if let Some(pane) = cmd.pane() {
                    layout::show(&mut self.dock, pane);
                }
            }
            UiCommand::ResetLayout => {
                self.dock = layout::default_dock(false);
                self.note("Layout reset");
            }
            UiCommand::CommandPalette => {
                self.palette = match self.palette {
                    Some(_) => None,
                    None => Some(Default::default()),
                }
            }
            UiCommand::ShowShortcuts => self.help = Some(crate::ui::help::HelpWindow::Shortcuts),
            UiCommand::ShowAbout => self.help = Some(crate::ui::help::HelpWindow::About),
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                let now = self.settings.zoom.unwrap_or(1.0);
                let z = match cmd {
                    UiCommand::ZoomIn => now + 0.1,
                    UiCommand::ZoomOut => now - 0.1,
                    _ => 1.0,
                };
                let z = ((z * 10.0).round() / 10.0).clamp(0.5, 3.0);
                self.settings.zoom = Some(z);
                ctx.set_zoom_factor(z);
                self.note(format!("Zoom {:.0}%", z * 100.0));
            }
            UiCommand::ThemeSystem | UiCommand::ThemeDark | UiCommand::ThemeLight => {
                if let Some(theme) = cmd.theme() {
                    self.settings.theme = theme;
                    ctx.set_theme(theme);
                }
            }
            UiCommand::DismissWelcome => self.settings.welcome_dismissed = true,
            UiCommand::Find => {
                layout::show(&mut self.dock, Pane::Reader);
                let f = self.reader.find.get_or_insert_with(Default::default);
                f.focus = true;
            }
            UiCommand::ExportReport => {
                let name = format!(
                    "{}-report.md",
                    crate::model::ids::slugify(&self.session.ws.title)
                );
                match self.dialogs.ask_path(PathPurpose::Export("md"), Some(name)) {
                    Some(path) => self.push(Command::ExportReportTo(path)),
                    None => self.dialogs.pending_report = true,
                }
            }
            UiCommand::Undo => match self.session.undo() {
                Ok(Some(l)) => {
                    self.note(format!("Undid {l}"));
                    self.fix_selection();
                }
                Ok(None) => {}
                Err(e) => self.error(format!("Undo: {e}; the step is kept")),
            },
            UiCommand::Redo => match self.session.redo() {
                Ok(Some(l)) => {
                    self.note(format!("Redid {l}"));
                    self.fix_selection();
                }
                Ok(None) => {}
                Err(e) => self.error(format!("Redo: {e}; the step is kept")),
            },
            UiCommand::ClearRecent => self.settings.recent.clear(),
            UiCommand::Import => {
                if let Some(paths) = self.dialogs.ask_import_paths() {
                    self.push(Command::ImportPaths(paths));
                }
            }
            UiCommand::ImportFromUrl => self.url_dialog.open = true,
            UiCommand::ShowFeeds => self.feeds_panel.open = true,
            UiCommand::CheckFeeds => {
                if self.import_job.is_some() {
                    self.note("An import is already running; wait for it or cancel it first");
                } else if self.session.ws.feeds.is_empty() {
                    self.note(
                        "This workspace follows no news feeds: add one in File › News feeds…",
                    );
                } else {
                    self.feeds_panel.open = true;
                    self.import_job = Some(crate::ui::import::ImportJob::start_feeds(
                        self.session.ws.feeds.clone(),
                        crate::io::feed::KnownAddresses::of(&self.session.ws),
                        ctx.clone(),
                    ));
                }
            }
            UiCommand::CancelImport => {
                if let Some(job) = &self.import_job {
                    job.cancel();
                }
            }
            UiCommand::NewClaimFromSelection => self.new_claim_from_selection(),
            UiCommand::AddSelectionAsEvidence => self.add_selection_as_evidence(),
        }
    }

    /// Handles an event a panel or dialog sent (it carries data; menus never send these).
    fn handle_event(&mut self, cmd: Command, ctx: &egui::Context) {
        match cmd {
            Command::Ui(ui) => self.run_ui_command(ui, ctx),
            Command::OpenPath(p) => {
                self.start_open(&p, Some(ctx));
            }
            Command::SaveTo(p) => self.save_to(&p),
            Command::ReloadFromDisk => {
                if let Some(p) = self.session.path.clone() {
                    self.after_save = None;
                    self.start_open(&p, Some(ctx));
                }
            }
            Command::MergeFromDisk => {
                for c in crate::ui::merge::merge_from_disk(self) {
                    self.push(c);
                }
            }
            Command::MergeWith(p) => {
                for c in crate::ui::merge::merge_with_file(self, &p) {
                    self.push(c);
                }
            }
            Command::OverwriteSave => {
                self.disk.confirm_overwrite();
                self.push(Command::Ui(UiCommand::Save));
            }
            Command::SelectDocument(id) => {
                if self.selection.doc.as_ref() != Some(&id) {
                    self.selection.doc = Some(id);
                    self.reader.scroll_to_top = true;
                }
            }
            Command::SelectClaim(id) => {
                self.table.scroll_to = Some(id.clone());
                self.selection.claim = Some(id);
                self.selection.related.clear();
            }
            Command::SelectClaims(ids) => {
                self.table.scroll_to = ids.first().cloned();
                self.selection.claim = ids.first().cloned();
                self.selection.related = ids.into_iter().skip(1).collect();
            }
            Command::ShowTab(tab) => layout::show(&mut self.dock, tab.pane()),
            Command::ShowPane(pane) => layout::show(&mut self.dock, pane),
            Command::TogglePane(pane) => {
                if layout::is_open(&self.dock, pane) {
                    layout::close(&mut self.dock, pane);
                } else {
                    layout::show(&mut self.dock, pane);
                }
            }
            Command::ShowEntity(id) => {
                self.entities.selected = Some(id);
                layout::show(&mut self.dock, Pane::Entities);
            }
            Command::ShowChart(id) => {
                self.charts.chart = Some(id);
                layout::show(&mut self.dock, Pane::Charts);
            }
            Command::ScrollReader(doc, range) => {
                self.reader.scroll_to = Some((doc.clone(), range));
                self.selection.doc = Some(doc);
                layout::show(&mut self.dock, Pane::Reader);
            }
            Command::ExportChart(id, format) => {
                let name = format!("{id}.{}", format.extension());
                match self
                    .dialogs
                    .ask_path(PathPurpose::Export(format.extension()), Some(name))
                {
                    Some(path) => self.export_chart(&id, format, &path),
                    None => self.dialogs.pending_export = Some((id, format)),
                }
            }
            Command::ExportChartTo(id, format, path) => self.export_chart(&id, format, &path),
            Command::ExportReportTo(path) => {
                let text = crate::analysis::report::render(&self.session.ws);
                match crate::io::save::write_output(
                    &path,
                    text.as_bytes(),
                    self.session.path.as_deref(),
                ) {
                    Ok(()) => self.note(format!("Report written to {}", path.display())),
                    Err(e) => self.error(format!("Could not write the report: {e}")),
                }
            }
            Command::ShowEvidence(id, n) => {
                if let Some(ev) = self.session.ws.claim(&id).and_then(|c| c.evidence.get(n)) {
                    self.reader.scroll_to = Some((ev.doc.clone(), ev.anchor.range()));
                    self.selection.doc = Some(ev.doc.clone());
                    layout::show(&mut self.dock, Pane::Reader);
                }
                self.selection.claim = Some(id);
            }
            Command::SetTitle(t) => {
                if t != self.session.ws.title {
                    self.apply(
                        crate::action::Action::SetTitle(t),
                        "Rename workspace",
                        Some("title".into()),
                    );
                }
            }
            Command::ImportPaths(paths) => {
                if self.import_job.is_some() {
                    self.note("An import is already running; wait for it or cancel it first");
                } else if !paths.is_empty() {
                    self.import_job = Some(crate::ui::import::ImportJob::start(paths, ctx.clone()));
                }
            }
            Command::ReplaceText(doc, text) => {
                if let Some((action, r)) =
                    crate::anchoring::replace_text(&self.session.ws, &doc, text)
                {
                    self.session.history.seal();
                    self.apply(action, "Replace text", None);
                    self.note(format!(
                        "Text replaced: {} unchanged, {} found again elsewhere, {} orphaned",
                        crate::words::count(r.unchanged, "anchor"),
                        r.moved,
                        r.orphaned
                    ));
                    if r.orphaned > 0 {
                        self.error(format!(
                            "{} evidence span(s) could not be found in the new text. They are kept and flagged as orphaned: select the new span in the Reader and use “Re-attach to selection” in the Inspector.",
                            r.orphaned
                        ));
                    }
                }
            }
            Command::ReattachEvidence(id, i) => {
                let sel = self.reader.selection.clone();
                match (sel, self.session.ws.claim(&id).cloned()) {
                    (Some((doc_id, range)), Some(mut c)) if i < c.evidence.len() => {
                        if let Some(doc) = self.session.ws.document(&doc_id) {
                            c.evidence[i].anchor =
                                crate::model::Anchor::from_span(&doc.text, range.start, range.end);
                            c.evidence[i].doc = doc_id;
                            c.evidence[i].orphaned = false;
                            self.session.history.seal();
                            self.apply(
                                Action::ReplaceClaim(Box::new(c)),
                                "Re-attach evidence",
                                None,
                            );
                            self.reader.selection = None;
                        }
                    }
                    _ => self.note("Select the new span in the Reader first"),
                }
            }
            Command::DeleteClaim(id) => {
                self.apply(Action::DeleteClaim(id.clone()), "Delete claim", None);
                if self.selection.claim.as_ref() == Some(&id) {
                    self.selection.claim = None;
                }
            }
            Command::RemoveEvidence(id, i) => {
                if let Some(mut c) = self.session.ws.claim(&id).cloned()
                    && i < c.evidence.len()
                {
                    c.evidence.remove(i);
                    self.apply(Action::ReplaceClaim(Box::new(c)), "Remove evidence", None);
                }
            }
            Command::Edit(action, label, coalesce) => self.apply(*action, &label, coalesce),
        }
    }

    /// Carries out the analyst's answer about a file that looks like a newer version of a
    /// document: each answer that changes the workspace is one undoable step.
    pub(super) fn answer_new_version(
        &mut self,
        v: crate::ui::import::NewVersion,
        choice: crate::ui::import::NewVersionChoice,
    ) {
        use crate::ui::import::NewVersionChoice;
        let path = v.path.display().to_string();
        match choice {
            NewVersionChoice::Replace => {
                // Computed again: the workspace may have changed while the dialog was open.
                match crate::anchoring::replace_text(&self.session.ws, &v.existing, v.doc.text) {
                    Some((action, r)) => {
                        self.session.history.seal();
                        self.apply(action, "Replace document text", None);
                        self.note(format!(
                            "{path}: text of {} replaced ({} anchors unchanged, {} moved, {} orphaned)",
                            v.existing, r.unchanged, r.moved, r.orphaned
                        ));
                        self.selection.doc = Some(v.existing);
                    }
                    None => self.error(format!("{path}: {} is no longer there", v.existing)),
                }
            }
            NewVersionChoice::KeepBoth => {
                let mut doc = v.doc;
                doc.id = self.session.ws.next_doc_id();
                let id = doc.id.clone();
                self.session.history.seal();
                self.apply(
                    Action::AddDocument {
                        doc: Box::new(doc),
                        index: None,
                    },
                    "Import document",
                    None,
                );
                self.note(format!("{path}: kept beside {} as {id}", v.existing));
                self.selection.doc = Some(id);
            }
            NewVersionChoice::Cancel => self.note(format!("{path}: not imported")),
        }
    }

    /// Adds the documents of a finished import as one undoable step and reports the rest.
    pub(super) fn finish_import(&mut self, outcome: crate::io::import::BatchOutcome) {
        use crate::io::import::{NewVersionPolicy, Placement};
        let mut problems = Vec::new();
        let mut read = Vec::new();
        for (path, result) in outcome.results {
            match result {
                Ok(imp) => {
                    for w in &imp.warnings {
                        self.note(format!("{}: {w}", path.display()));
                    }
                    read.push((path, imp.document));
                }
                Err(e) => problems.push(e.to_string()),
            }
        }
        // The one import plan the CLI also uses; a newer version whose replacing would orphan
        // evidence waits for the analyst (Replace and re-anchor / Keep both / Cancel).
        let from_feeds = outcome.feeds.is_some();
        problems.extend(outcome.feed_errors);
        let placed = match self
            .session
            .place_checked(read, NewVersionPolicy::Ask, outcome.feeds)
        {
            Ok(p) => p,
            Err(e) => {
                self.error(format!("Nothing was imported: {e}"));
                return;
            }
        };
        let mut added: Vec<(DocId, String)> = Vec::new();
        for (path, title, placement) in placed.placements {
            match placement {
                Placement::Added(id) => added.push((id, title)),
                Placement::Replaced(existing, r) => {
                    self.note(format!(
                        "{}: newer version of {existing}; text replaced ({} anchors unchanged, {} moved, {} orphaned)",
                        path.display(),
                        r.unchanged,
                        r.moved,
                        r.orphaned
                    ));
                    added.push((existing, title));
                }
                Placement::KeptBoth { id, earlier } => {
                    self.note(format!(
                        "{}: looks like a newer version of {earlier}; kept both as {id} (replacing the text would orphan evidence)",
                        path.display(),
                    ));
                    added.push((id, title));
                }
                Placement::Duplicate { id, title } => problems.push(format!(
                    "{}: already in workspace: {id} “{title}”",
                    path.display()
                )),
                Placement::Ask {
                    doc,
                    existing,
                    report,
                } => self.new_versions.push(crate::ui::import::NewVersion {
                    path,
                    doc: *doc,
                    existing,
                    report,
                }),
            }
        }
        if let Some(label) = placed.label {
            // New entries of a feed check wait in the Feeds panel, unread.
            if !from_feeds {
                self.selection.doc = added.first().map(|(id, _)| id.clone());
                layout::show(&mut self.dock, Pane::Reader);
            }
            self.note(format!(
                "{label}: {}",
                added
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if from_feeds {
            self.feeds_panel.note_new(&added);
        }
        if outcome.cancelled {
            self.note("Import cancelled; the files read so far were added");
        }
        if !problems.is_empty() {
            let what = if from_feeds {
                "Some feeds or their articles could not be read"
            } else {
                "Some files were not imported"
            };
            self.error(format!("{what}:\n{}", problems.join("\n")));
        }
    }

    fn export_chart(
        &mut self,
        id: &crate::model::ChartId,
        format: crate::ui::command::ExportFormat,
        path: &Path,
    ) {
        let Some(chart) = self.session.ws.charts.iter().find(|c| &c.id == id).cloned() else {
            self.error(format!("No chart {id} in this workspace"));
            return;
        };
        let data = crate::chart::build(&self.session.ws, &chart);
        let opts = crate::chart::RenderOptions::new(self.session.ws.title.clone());
        let bytes = crate::chart::chart_file(&self.session.ws, &data, format, &opts)
            .map_err(|e| e.to_string());
        match bytes.and_then(|b| {
            crate::io::save::write_output(path, &b, self.session.path.as_deref())
                .map_err(|e| e.to_string())
        }) {
            Ok(()) => self.note(format!("Exported {}", path.display())),
            Err(e) => self.error(format!("Could not export the chart: {e}")),
        }
    }

    fn new_claim_from_selection(&mut self) {
        let Some((doc_id, range)) = self.reader.selection.clone() else {
            self.note("Select some text in the Reader first");
            return;
        };
        let Some(doc) = self.session.ws.document(&doc_id) else {
            return;
        };
        let id = self.session.ws.next_claim_id();
        let action = crate::annotate::claim_for_selection(&self.session.ws, doc, range, id.clone());
        self.session.history.seal();
        self.apply(action, "New claim", None);
        self.selection.claim = Some(id.clone());
        self.table.scroll_to = Some(id);
        self.reader.selection = None;
    }

    fn add_selection_as_evidence(&mut self) {
        let (Some((doc_id, range)), Some(claim_id)) =
            (self.reader.selection.clone(), self.selection.claim.clone())
        else {
            self.note("Select a claim and some text in the Reader first");
            return;
        };
        let (Some(doc), Some(mut claim)) = (
            self.session.ws.document(&doc_id),
            self.session.ws.claim(&claim_id).cloned(),
        ) else {
            return;
        };
        let anchor = crate::model::Anchor::from_span(&doc.text, range.start, range.end);
        if claim
            .evidence
            .iter()
            .any(|e| e.doc == doc_id && e.anchor.range() == anchor.range())
        {
            self.note("That span is already evidence for this claim");
            return;
        }
        claim.evidence.push(crate::model::Evidence {
            doc: doc_id,
            anchor,
            attributed_to: doc.cites.first().cloned(),
            orphaned: false,
        });
        self.session.history.seal();
        self.apply(Action::ReplaceClaim(Box::new(claim)), "Add evidence", None);
        self.reader.selection = None;
    }

    fn save_to(&mut self, path: &Path) {
        if !self.disk.may_save(path) {
            return;
        }
        match self.session.save_to(path) {
            Ok(()) => {
                self.disk.track(Some(path));
                self.remember(path);
                self.note(format!("Saved {}", path.display()));
                if let Some(next) = self.after_save.take() {
                    self.push(next);
                }
            }
            Err(e) => {
                self.after_save = None;
                self.error(format!(
                    "Could not save; the file on disk is unchanged.\n{e}"
                ));
            }
        }
    }

    /// Saves, then runs `next` (used by "Save" in the unsaved-changes dialog).
    pub fn save_then(&mut self, next: Command) {
        self.after_save = Some(next);
        self.push(Command::Ui(UiCommand::Save));
    }

    /// How long ago the newest message was raised (drives the fading of note toasts).
    pub fn toast_age(&self) -> Option<std::time::Duration> {
        self.notes.age()
    }

    /// Drops unsaved changes and runs `cmd` (used by "Discard" in the unsaved-changes dialog).
    pub fn discard_then(&mut self, cmd: Command) {
        self.session.discard();
        self.push(cmd);
    }
}
