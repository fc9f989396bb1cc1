//! The application state: the open workspace and its history, panel states, dialogs, jobs and
//! messages, and the frame that draws them. Commands are handled in `command_handling.rs`.

use super::command::{Command, UiCommand};
use super::dialogs::{DialogBackend, Dialogs, PathPurpose};
use super::layout::{self, Pane};
use super::screenshot::ScreenshotJob;
use super::{claims, inspector, menu, reader, sources, status};
use crate::action::Action;
use crate::model::{ClaimId, DocId, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

mod command_handling;

/// Which central view gets the most room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum View {
    /// The document text fills the centre; the claims table sits below it.
    #[default]
    Reader,
    /// The claims table fills the centre.
    Claims,
}

/// How the app starts.
#[derive(Debug, Default)]
pub struct Startup {
    /// A workspace named on the command line.
    pub path: Option<PathBuf>,
    /// Reopen the last workspace when no path is given (off in tests and screenshots).
    pub restore_last: bool,
    /// Take a screenshot and exit.
    pub screenshot: Option<ScreenshotJob>,
    /// The initial central view.
    pub view: View,
    /// How file dialogs are shown.
    pub dialogs: DialogBackend,
    /// Select the first claim of the first document (screenshots, first look).
    pub select_first_claim: bool,
    /// The initial centre tab.
    pub tab: CentralTab,
    /// Where recovery copies go (autosave while there are unsaved changes); `None` disables them.
    pub recovery_dir: Option<PathBuf>,
    /// Force a theme (screenshots); `None`: the saved preference, by default the system's.
    pub theme: Option<egui::ThemePreference>,
    /// The window's inner size in points (screenshots); `None`: [`super::WINDOW_SIZE`].
    pub window_size: Option<[f32; 2]>,
}

/// What persists between runs through eframe storage (never in the workspace file).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved workspaces, newest first.
    pub recent: Vec<PathBuf>,
    /// The workspace open at the last exit.
    pub last_workspace: Option<PathBuf>,
    /// The dock layout at the last exit, as RON text; `None`: the default one. Kept as text so a
    /// layout this version cannot read (written by another version) falls back to the default
    /// without losing the rest of the settings.
    pub dock: Option<String>,
    /// Dark, light, or follow the system (the default).
    pub theme: egui::ThemePreference,
    /// The zoom factor (Ctrl + / Ctrl −), 1.0 by default.
    pub zoom: Option<f32>,
    /// The first-run strip was dismissed.
    pub welcome_dismissed: bool,
    /// News-feed documents not yet read, by workspace file. What one person has read is theirs,
    /// not the team's, so it is kept here and never in the shared workspace file.
    pub unread: std::collections::BTreeMap<PathBuf, Vec<String>>,
}

/// How many workspaces' unread lists the settings keep (the most recently used ones).
const MAX_UNREAD_WORKSPACES: usize = 50;

pub use super::notifications::Message;
pub use super::selection::Selection;

const SETTINGS_KEY: &str = "claimbench-settings";
const MAX_RECENT: usize = 10;

/// The tab shown in the centre of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CentralTab {
    /// The document text.
    #[default]
    Reader,
    /// Charts of the workspace's chart definitions.
    Charts,
    /// The money-flow network.
    Network,
    /// Contradictions and other findings.
    Findings,
}

impl CentralTab {
    /// All tabs in display order.
    pub const ALL: [CentralTab; 4] = [
        CentralTab::Reader,
        CentralTab::Charts,
        CentralTab::Network,
        CentralTab::Findings,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        self.pane().label()
    }

    /// The dockable pane that shows this view.
    pub fn pane(self) -> Pane {
        match self {
            CentralTab::Reader => Pane::Reader,
            CentralTab::Charts => Pane::Charts,
            CentralTab::Network => Pane::Network,
            CentralTab::Findings => Pane::Findings,
        }
    }
}

/// The claimbench app.
pub struct ClaimbenchApp {
    /// The open workspace, its file, history, unsaved state and recovery copies.
    pub session: crate::session::Session,
    /// What is selected.
    pub selection: Selection,
    /// Reader state (pending scroll).
    pub reader: reader::ReaderState,
    /// Claims table state (sort order).
    pub table: claims::TableState,
    /// Inspector state (field drafts and their errors).
    pub inspector: inspector::InspectorState,
    /// The dockable panes and how they are arranged.
    pub dock: egui_dock::DockState<Pane>,
    /// The command palette (Ctrl+Shift+P / Ctrl+K), when open.
    pub palette: Option<super::command_palette::PaletteState>,
    /// Which help window is open.
    pub help: Option<super::help::HelpWindow>,
    /// The File › Import from URL… dialog.
    pub url_dialog: super::feeds::UrlDialog,
    /// The File › News feeds… panel.
    pub feeds_panel: super::feeds::FeedsPanel,
    /// Entities panel state.
    pub entities: super::entities::EntitiesState,
    /// Charts tab state.
    pub charts: super::charts::ChartsState,
    /// Network tab state.
    pub network: super::network::NetworkState,
    /// Findings tab state.
    pub findings: super::findings::FindingsState,
    /// Persisted settings.
    pub settings: Settings,
    /// File pickers and confirmation dialogs.
    pub dialogs: Dialogs,
    /// Notes and errors for the user (toasts, the Messages pane).
    pub notes: super::notifications::Notifications,
    commands: Vec<Command>,
    screenshot: Option<ScreenshotJob>,
    shown_title: String,
    close_confirmed: bool,
    /// The import running in the background, if any.
    pub import_job: Option<super::import::ImportJob>,
    /// Imported files that look like newer versions of documents with evidence replacing would
    /// orphan, waiting for the analyst's answer (first one shown).
    pub new_versions: Vec<super::import::NewVersion>,
    /// The workspace being opened in the background, if any.
    pub open_job: Option<super::open_job::OpenJob>,
    /// Values derived from the whole workspace, kept current from the edits applied.
    pub derived: super::derived::Derived,
    /// Unresolved conflicts per claim for the Claims table, with the revision they belong to.
    conflict_flags: Option<(
        u64,
        std::collections::HashMap<ClaimId, crate::analysis::Severity>,
    )>,
    /// A command to run once the pending save has succeeded.
    after_save: Option<Command>,
    /// The file on disk: change detection and its prompts (`ui::disk`).
    pub disk: super::disk::DiskWatch,
}

impl ClaimbenchApp {
    /// Builds the app from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        install_fonts(&cc.egui_ctx);
        super::probe::install_from_env(&cc.egui_ctx);
        let mut settings: Settings = match (&cc.storage, startup.screenshot.is_none()) {
            (Some(storage), true) => eframe::get_value(*storage, SETTINGS_KEY).unwrap_or_default(),
            _ => Settings::default(),
        };
        if let Some(theme) = startup.theme {
            settings.theme = theme;
        }
        let ctx = &cc.egui_ctx;
        ctx.set_theme(settings.theme);
        ctx.set_zoom_factor(settings.zoom.unwrap_or(1.0).clamp(0.5, 3.0));
        // Zoom keys go through our Command list like every other shortcut.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        Self::with_settings(startup, settings)
    }

    /// Builds the app without eframe (tests, headless runs).
    pub fn with_settings(startup: Startup, settings: Settings) -> Self {
        let mut app = Self {
            session: crate::session::Session::new(startup.recovery_dir.clone()),
            selection: Selection::default(),
            reader: Default::default(),
            table: Default::default(),
            inspector: Default::default(),
            dock: settings
                .dock
                .as_deref()
                .filter(|_| startup.screenshot.is_none())
                .and_then(layout::from_ron)
                .unwrap_or_else(|| layout::default_dock(startup.view == View::Claims)),
            palette: None,
            help: None,
            url_dialog: Default::default(),
            feeds_panel: Default::default(),
            entities: Default::default(),
            charts: Default::default(),
            network: Default::default(),
            findings: Default::default(),
            settings,
            dialogs: Dialogs::new(startup.dialogs),
            notes: Default::default(),
            commands: Vec::new(),
            screenshot: startup.screenshot,
            shown_title: String::new(),
            close_confirmed: false,
            after_save: None,
            disk: Default::default(),
            import_job: None,
            new_versions: Vec::new(),
            open_job: None,
            derived: Default::default(),
            conflict_flags: None,
        };
        let wanted = startup.path.or_else(|| {
            if startup.restore_last {
                app.settings.last_workspace.clone()
            } else {
                None
            }
        });
        // A restored layout keeps its front tabs unless a view was asked for.
        if app.settings.dock.is_none() || startup.tab != CentralTab::default() {
            layout::show(&mut app.dock, startup.tab.pane());
        }
        // Screenshots need the workspace in their first frame; the app loads a large one in
        // the background.
        let background = app.screenshot.is_none();
        let opened = wanted.is_some_and(|p| app.open_at_startup(&p, background));
        if !opened {
            app.open_sample();
        }
        if startup.select_first_claim {
            app.selection.claim = app.selection.doc.as_ref().and_then(|d| {
                app.session
                    .ws
                    .claims
                    .iter()
                    .find(|c| c.evidence.iter().any(|e| &e.doc == d))
                    .map(|c| c.id.clone())
            });
            // Its row is scrolled into view, as for any other selection.
            app.table.scroll_to = app.selection.claim.clone();
        }
        app
    }

    /// Opens the embedded sample workspace.
    pub fn open_sample(&mut self) {
        match crate::sample::sample_workspace() {
            Ok(ws) => {
                self.replace_workspace(ws, None);
                self.session.is_sample = true;
            }
            Err(e) => {
                self.error(format!("The embedded sample could not be read: {e}"));
                self.replace_workspace(Workspace::default(), None);
            }
        }
    }

    fn replace_workspace(&mut self, ws: Workspace, path: Option<PathBuf>) {
        self.selection = Selection {
            doc: ws.documents.first().map(|d| d.id.clone()),
            claim: None,
            related: Vec::new(),
        };
        if path.is_none() {
            self.settings.last_workspace = None;
        }
        self.keep_unread();
        self.feeds_panel.unread = path
            .as_ref()
            .and_then(|p| self.settings.unread.get(p))
            .map(|ids| {
                ids.iter()
                    .map(|id| DocId::from(id.as_str()))
                    .filter(|id| ws.document(id).is_some())
                    .collect()
            })
            .unwrap_or_default();
        // A large workspace takes tens of milliseconds to free: not on the UI thread.
        let old = self.session.replace(ws, path);
        super::background::spawn(move || drop(old));
        self.table.forget_search_texts();
        self.table.scroll_top = true;
        self.disk.track(self.session.path.as_deref());
        self.reader = Default::default();
    }

    /// Writes the Feeds panel's unread documents into the settings under the open workspace's
    /// file (a workspace without a file has nothing to come back to).
    pub fn keep_unread(&mut self) {
        let Some(path) = self.session.path.clone() else {
            return;
        };
        let ids: Vec<String> = self
            .feeds_panel
            .unread
            .iter()
            .map(|id| id.as_str().to_owned())
            .collect();
        if ids.is_empty() {
            self.settings.unread.remove(&path);
            return;
        }
        self.settings.unread.insert(path.clone(), ids);
        // Keep the lists of the most recent workspaces only; the open one always stays.
        while self.settings.unread.len() > MAX_UNREAD_WORKSPACES {
            let rank = |p: &PathBuf| self.settings.recent.iter().position(|r| r == p);
            let Some(oldest) = self
                .settings
                .unread
                .keys()
                .filter(|p| **p != path)
                .max_by_key(|p| rank(p).unwrap_or(usize::MAX))
                .cloned()
            else {
                break;
            };
            self.settings.unread.remove(&oldest);
        }
    }

    /// Loads a workspace; on failure the open workspace stays and an error is shown.
    pub fn open_path(&mut self, path: &Path) -> bool {
        self.finish_open(path, crate::io::load_workspace(path))
    }

    /// Shows a loaded workspace, or the error with the open workspace left as it was.
    pub fn finish_open(
        &mut self,
        path: &Path,
        result: Result<Workspace, crate::io::LoadError>,
    ) -> bool {
        match result {
            Ok(ws) => {
                self.replace_workspace(ws, Some(path.to_owned()));
                self.remember(path);
                true
            }
            Err(e) => {
                // The command-line hint in the library's message means nothing in the window:
                // an article is added with File › Import documents.
                let text = e.to_string().replace(
                    "(is it an article? use `claimbench import`)",
                    "(is it an article? File › Import documents… (Ctrl+I) adds it to the open workspace)",
                );
                self.error(format!(
                    "Could not open the workspace; nothing was changed.\n{text}"
                ));
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let p = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|r| r != &p);
        self.settings.recent.insert(0, p.clone());
        self.settings.recent.truncate(MAX_RECENT);
        self.settings.last_workspace = Some(p);
    }

    /// Whether any background work is under way: opening or importing files, extracting figures
    /// from a large document, findings or the network of a large workspace. Benchmarks wait for
    /// it to end before measuring steady frames.
    pub fn is_busy(&self) -> bool {
        self.open_job.is_some()
            || self.import_job.is_some()
            || self.reader.suggestions.is_extracting()
            || self.findings.is_updating()
            || self.network.is_updating()
            || self.table.is_preparing_search()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty()
    }

    /// Applies an edit as one undo step; a refused edit is reported.
    pub fn apply(&mut self, action: crate::action::Action, label: &str, coalesce: Option<String>) {
        if let Err(e) = self.session.apply(action, label, coalesce) {
            self.error(format!("{label} failed: {e}"));
        }
    }

    /// Adds an error message: a toast that stays until dismissed, the Messages pane, the log.
    pub fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        tracing::error!("{text}");
        self.message(true, text);
    }

    /// Adds an informational note: a toast that fades, the status bar, the Messages pane.
    pub fn note(&mut self, text: impl Into<String>) {
        let text = text.into();
        tracing::info!("{text}");
        self.message(false, text);
    }

    fn message(&mut self, error: bool, text: String) {
        self.notes.push(error, text);
    }

    /// Queues a command to run after this frame's UI pass.
    pub fn push(&mut self, cmd: Command) {
        self.commands.push(cmd);
    }

    /// The window title: `claimbench — TITLE`, with ` *` when there are unsaved changes.
    pub fn window_title(&self) -> String {
        self.session.window_title()
    }

    /// Where the workspace comes from, for the status bar.
    pub fn source_label(&self) -> String {
        self.session.source_label()
    }

    /// Whether there is nothing to save: a new workspace nobody has changed yet.
    pub fn is_blank(&self) -> bool {
        self.session.is_blank()
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // While a text field has focus, its own undo (Ctrl+Z) wins over the workspace's.
        // The Reader is a read-only text field: having it focused is not typing.
        let typing = ctx.egui_wants_keyboard_input() && !self.reader.has_focus;
        for cmd in UiCommand::with_shortcuts() {
            if typing && !cmd.fires_while_typing() {
                continue;
            }
            if cmd
                .shortcuts()
                .iter()
                .any(|sc| ctx.input_mut(|i| i.consume_shortcut(sc)))
            {
                self.push(Command::Ui(cmd));
            }
        }
    }

    /// Writes a recovery copy when there are unsaved changes not yet copied and the interval has
    /// passed; asks for a frame when the next copy is due, so an idle window still autosaves.
    fn autosave(&mut self, ctx: &egui::Context) {
        match self.session.autosave_due() {
            crate::session::Autosave::NotNeeded => {}
            crate::session::Autosave::DueIn(wait) => ctx.request_repaint_after(wait),
            crate::session::Autosave::Now => {
                if let Err(e) = self.session.write_recovery() {
                    self.error(format!(
                        "Could not write the recovery copy (your file is unchanged): {e}"
                    ));
                }
            }
        }
    }

    /// Restores the offered recovery copy: the workspace shows the unsaved state again and is
    /// marked unsaved; the file on disk is not touched until the user saves.
    pub fn restore_recovery(&mut self) {
        if self.session.restore_recovery() {
            self.table.forget_search_texts();
            self.fix_selection();
            self.note("Recovered the unsaved changes; save to keep them");
        }
    }

    /// Drops selections that an undo/redo made point at nothing.
    fn fix_selection(&mut self) {
        if self
            .selection
            .claim
            .as_ref()
            .is_some_and(|c| self.session.ws.claim(c).is_none())
        {
            self.selection.claim = None;
        }
        if self
            .selection
            .doc
            .as_ref()
            .is_some_and(|d| self.session.ws.document(d).is_none())
        {
            self.selection.doc = self.session.ws.documents.first().map(|d| d.id.clone());
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.confirm_discard = Some(Command::Ui(UiCommand::Quit));
        }
    }

    /// Draws one dockable pane.
    pub fn pane_ui(&mut self, ui: &mut egui::Ui, pane: Pane, cmds: &mut Vec<Command>) {
        let rev = self.session.history.revision();
        match pane {
            Pane::Sources => {
                let counts = self.derived.claims_per_document(&self.session.ws, rev);
                sources::sources_ui(ui, &self.session.ws, &self.selection, cmds, &counts)
            }
            Pane::Entities => {
                let counts = self.derived.claims_per_entity(&self.session.ws, rev);
                super::entities::entities_ui(ui, &self.session.ws, &mut self.entities, cmds, counts)
            }
            Pane::Inspector => inspector::inspector_ui(
                ui,
                &self.session.ws,
                &self.selection,
                &mut self.inspector,
                cmds,
            ),
            Pane::Claims => {
                // Recomputed only when the workspace changed: a history revision names one state.
                // Large workspaces are analysed in the background: until that finishes the
                // flags of the previous analysis stay up.
                let have = self.conflict_flags.as_ref().map(|(r, _)| *r);
                if have != Some(rev)
                    && let Some(flags) =
                        self.findings
                            .flags(&self.session.ws, rev, Some(ui.ctx()), have)
                {
                    self.conflict_flags = Some(flags);
                }
                // Borrowed, not cloned: at 100k claims a clone cost milliseconds a frame.
                let empty = std::collections::HashMap::new();
                let flags = self.conflict_flags.as_ref().map_or(&empty, |(_, f)| f);
                self.table.prepare_search(
                    &self.session.ws,
                    rev,
                    &mut self.findings.snapshot,
                    ui.ctx(),
                );
                claims::claims_ui(
                    ui,
                    &self.session.ws,
                    &self.selection,
                    &mut self.table,
                    flags,
                    cmds,
                    rev,
                )
            }
            Pane::Reader => reader::reader_ui(
                ui,
                &self.session.ws,
                &self.selection,
                &mut self.reader,
                cmds,
                rev,
            ),
            Pane::Suggestions => {
                let doc = self
                    .selection
                    .doc
                    .as_ref()
                    .and_then(|id| self.session.ws.document(id));
                match doc {
                    Some(doc) => {
                        let s = &mut self.reader.suggestions;
                        s.set_ctx(ui.ctx());
                        let proposals = s.proposals_at(&self.session.ws, doc, rev);
                        super::suggestions::suggestions_ui(
                            ui,
                            &self.session.ws,
                            doc,
                            &proposals,
                            s,
                            cmds,
                        );
                    }
                    None => {
                        ui.weak("Select a document to see the figures found in it.");
                    }
                }
            }
            Pane::Charts => super::charts::charts_ui(
                ui,
                &self.session.ws,
                &self.selection,
                &mut self.charts,
                cmds,
                rev,
            ),
            Pane::Network => super::network::network_ui(
                ui,
                &self.session.ws,
                &self.selection,
                &mut self.network,
                cmds,
                rev,
                &mut self.findings.snapshot,
            ),
            Pane::Findings => super::findings::findings_ui(
                ui,
                &self.session.ws,
                &self.selection,
                &mut self.findings,
                cmds,
                rev,
            ),
            Pane::Messages => super::toasts::messages_ui(ui, self, cmds),
        }
    }

    /// Draws one frame and runs the commands it produced. Public so headless tests and
    /// benchmarks can drive it without eframe.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_open(&ctx);
        if let Some(outcome) = self.import_job.as_ref().and_then(|j| j.poll()) {
            self.import_job = None;
            self.finish_import(outcome);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_dropped(dropped);
        }
        self.handle_shortcuts(&ctx);
        self.handle_close_request(&ctx);
        if let Some((doc, n)) = self.reader.suggestions.take_finished() {
            let title = self
                .session
                .ws
                .document(&doc)
                .map(|d| d.title.clone())
                .unwrap_or_default();
            self.note(format!(
                "Found {} in “{title}”; see Suggestions",
                crate::words::count(n, "figure")
            ));
        }
        let mut cmds = std::mem::take(&mut self.commands);
        // After anything above that may have changed the workspace (an open or an import that
        // finished), before any pane asks for the workers' copy of it.
        self.findings.snapshot.follow(&self.session.history);
        self.derived.follow(&self.session.history, &self.session.ws);
        let rev = self.session.history.revision();
        self.table.follow(&self.derived, &self.session.ws, rev);
        self.reader.follow(&mut self.derived, &self.session.ws, rev);
        // The copy queued what it needs: the history keeps no actions for it beyond a frame.
        self.session.history.forget_journal();

        egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, self, &mut cmds));
        egui::Panel::bottom("status_bar").show(ui, |ui| status::status_bar_ui(ui, self, &mut cmds));
        if !self.settings.welcome_dismissed && self.session.path.is_none() && self.session.is_sample
        {
            egui::Panel::top("welcome").show(ui, |ui| super::help::welcome_ui(ui, &mut cmds));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0))
            .show(ui, |ui| super::dock::dock_ui(ui, self, &mut cmds));
        super::toasts::toasts_ui(&ctx, self, &mut cmds);
        super::command_palette::palette_ui(&ctx, self, &mut cmds);
        super::help::help_ui(&ctx, self, &mut cmds);
        self.disk.frame_ui(&ctx, self.is_dirty(), &mut cmds);
        super::dialogs::dialogs_ui(&ctx, self, &mut cmds);
        if let Some(v) = self.new_versions.first()
            && let Some(choice) = super::import::new_version_ui(&ctx, &self.session.ws, v)
        {
            let v = self.new_versions.remove(0);
            self.answer_new_version(v, choice);
        }
        super::feeds::url_dialog_ui(&ctx, &mut self.url_dialog, &mut cmds);
        let progress = self.import_job.as_ref().map(|j| j.progress());
        super::feeds::feeds_ui(
            &ctx,
            &mut self.feeds_panel,
            &self.session.ws,
            progress,
            self.selection.doc.as_ref(),
            &mut cmds,
        );

        self.commands.extend(cmds);
        // Commands may queue follow-ups (Save → SaveAs → SaveTo); run until none are left.
        if !self.commands.is_empty() {
            // The frame just drawn predates these commands: draw another one.
            ctx.request_repaint();
        }
        let mut guard = 0;
        while !self.commands.is_empty() && guard < 16 {
            for cmd in std::mem::take(&mut self.commands) {
                self.run_command(cmd, &ctx);
            }
            guard += 1;
        }
        self.autosave(&ctx);
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

/// Adds DejaVu Sans (shipped in `assets/fonts`, permissive licence) as a fallback after egui's
/// default fonts, which lack symbols analysts' text and our labels use (→, ▲, ✔, €-signs in
/// some weights).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".into(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu-sans".into());
    }
    ctx.set_fonts(fonts);
}

impl eframe::App for ClaimbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
        if let Some(job) = &mut self.screenshot {
            job.step(ui.ctx());
        }
    }

    fn on_exit(&mut self) {
        // A clean exit with nothing unsaved needs no recovery copy.
        if !self.is_dirty() {
            self.session.remove_recovery();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            self.keep_unread();
            self.settings.dock = layout::to_ron(&self.dock);
            eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        }
    }
}
