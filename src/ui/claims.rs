//! The Claims table: every claim, sortable by date, kind, subject, counterparty, amount, status
//! and number of sources; clicking a row selects the claim.

use super::command::Command;
use super::palette;
use super::selection::Selection;
use crate::model::{ClaimId, Workspace};
use egui_extras::{Column, TableBuilder};

mod order;
pub mod search;

use crate::ui::derived::{Change, Derived};
pub use order::{ClaimFilter, compare, row_order, row_order_with};
pub use search::haystack;

/// A sortable column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By `as_of` date (undated last).
    #[default]
    Date,
    /// By kind.
    Kind,
    /// By subject name.
    Subject,
    /// By counterparty name.
    Counterparty,
    /// By figure (representative value).
    Amount,
    /// By status.
    Status,
    /// By number of documents carrying the claim ("Docs").
    Sources,
}

/// Table state kept between frames.
#[derive(Debug, Default)]
pub struct TableState {
    /// Sort column.
    pub sort: SortKey,
    /// Descending order.
    pub descending: bool,
    /// Only claims with evidence in the open document.
    pub only_open_document: bool,
    /// The filters above the table.
    pub filter: ClaimFilter,
    /// Scroll this claim's row into view on the next frame.
    pub scroll_to: Option<ClaimId>,
    /// Frames the pending scroll has been applied for.
    scroll_frames: u8,
    /// The row order with what it was computed from; recomputed only when one of those changes.
    rows: Option<(RowKey, std::sync::Arc<Vec<usize>>)>,
    /// Each claim's lowercased search text, updated on the first text filter after an edit (only
    /// the changed claims' texts are rebuilt), so that typing a filter searches 100,000 prepared
    /// strings per keystroke.
    haystacks: search::SearchTexts,
    /// Search texts being built on a worker for a large workspace just opened (see
    /// [`TableState::prepare_search`]).
    prebuild: Option<crate::ui::background::Job<search::SearchTexts>>,
    /// The derived-data layer's stamp at this frame and what changed since the rows were made
    /// (see [`TableState::follow`]); `None` when not followed (tests, benchmarks).
    feed: Option<(u64, Option<Change>)>,
    /// The derived-data stamp the rows were made at, if known.
    rows_stamp: Option<u64>,
    /// The derived-data stamp the search texts are current at, if known.
    texts_stamp: Option<u64>,
    /// How many times the rows were patched after an edit instead of filtered and sorted whole.
    pub rows_patched: u64,
    /// Entity names by id at a revision, for the rows' party cells (a scan of the entity list
    /// per cell grew with the workspace).
    names: Option<(u64, Names)>,
    /// How many claims the workspace had when the rows were last ordered.
    claim_count: usize,
    /// Whether the rows are in the order they had before the last edits (an edit in place keeps
    /// every row where it was, so the next click lands on the claim the person aimed at); the
    /// table offers to sort again.
    pub order_kept: bool,
    /// Scroll back to the first row on the next frame (another workspace was opened).
    pub scroll_top: bool,
}

/// Entity names by id, shared.
type Names = std::sync::Arc<std::collections::HashMap<crate::model::EntityId, String>>;

/// Everything the row order depends on: the workspace revision, the filter, the sort and the
/// open document (for "Only the open document").
#[derive(Debug, Clone, PartialEq)]
struct RowKey {
    revision: u64,
    filter: ClaimFilter,
    sort: SortKey,
    descending: bool,
    only_open: Option<Option<crate::model::DocId>>,
}

impl TableState {
    /// The row order for `ws` at history revision `revision`, cached until the revision, the
    /// filter, the sort or the open document changes.
    pub fn rows(
        &mut self,
        ws: &Workspace,
        revision: u64,
        open_doc: Option<&crate::model::DocId>,
    ) -> std::sync::Arc<Vec<usize>> {
        let key = RowKey {
            revision,
            filter: self.filter.clone(),
            sort: self.sort,
            descending: self.descending,
            only_open: self.only_open_document.then(|| open_doc.cloned()),
        };
        match &self.rows {
            Some((k, rows)) if *k == key => rows.clone(),
            prev => {
                // Only the revision changed, and no claim was added or removed: an edit in
                // place. Rows keep their places; rows that newly pass the filter go last.
                let keep = match prev {
                    Some((k, rows))
                        if k.revision != key.revision
                            && RowKey {
                                revision: key.revision,
                                ..k.clone()
                            } == key
                            && self.claim_count == ws.claims.len() =>
                    {
                        Some(rows.clone())
                    }
                    _ => None,
                };
                let (now, change) = match self.feed.take() {
                    Some((now, change)) => (Some(now), change),
                    None => (None, None),
                };
                let hay = if self.filter.text.trim().is_empty() {
                    None
                } else {
                    let texts = self.haystacks_at(ws, revision);
                    self.texts_stamp = now;
                    Some(texts)
                };
                let hay = hay.as_ref().map(|h| h.as_slice());
                // Claims edited in place since the rows were made, by index: only their rows are
                // looked at again (a filter and sort of every claim cost tens of ms at 100k).
                let changed = change
                    .filter(|c| c.claims_in_place() && c.claims.len() <= PATCH_LIMIT)
                    .and_then(|c| {
                        c.claims
                            .iter()
                            .map(|id| ws.claim_position(id))
                            .collect::<Option<Vec<usize>>>()
                    });
                let fresh = match (keep, changed) {
                    (Some(old), Some(changed)) => {
                        let (rows, sorted) = order::patch_row_order(
                            ws,
                            self,
                            open_doc,
                            hay,
                            &old,
                            &changed,
                            !self.order_kept,
                        );
                        self.order_kept |= !sorted;
                        self.rows_patched += 1;
                        rows
                    }
                    (Some(old), None) => {
                        let fresh = row_order_with(ws, self, open_doc, hay);
                        let kept = keep_places(&old, fresh.clone(), ws.claims.len());
                        self.order_kept |= kept != fresh;
                        kept
                    }
                    (None, _) => {
                        self.order_kept = false;
                        row_order_with(ws, self, open_doc, hay)
                    }
                };
                self.rows_stamp = now;
                self.claim_count = ws.claims.len();
                let rows = std::sync::Arc::new(fresh);
                self.rows = Some((key, rows.clone()));
                rows
            }
        }
    }

    /// Sorts the rows again after edits that kept them in place.
    pub fn sort_again(&mut self) {
        self.rows = None;
        self.order_kept = false;
    }
}

/// Above this many claims changed at once the rows are filtered and sorted whole.
const PATCH_LIMIT: usize = 256;

/// `fresh` (the rows that pass the filter now, in sorted order) rearranged so that every row
/// that was in `old` keeps its relative place; rows new to the view follow in sorted order.
fn keep_places(old: &[usize], fresh: Vec<usize>, n: usize) -> Vec<usize> {
    let mut place = vec![usize::MAX; n];
    for (p, &i) in old.iter().enumerate() {
        if let Some(slot) = place.get_mut(i) {
            *slot = p;
        }
    }
    let mut out = fresh;
    // Stable: rows not in `old` (place MAX) keep their sorted order at the end.
    out.sort_by_key(|&i| place.get(i).copied().unwrap_or(usize::MAX));
    out
}

impl TableState {
    /// Every claim's search text at `revision` (see [`haystack`]): the same texts while the
    /// revision holds; after an edit only the changed claims' texts are rebuilt.
    pub fn haystacks_at(&mut self, ws: &Workspace, revision: u64) -> std::sync::Arc<Vec<String>> {
        self.haystacks.at(ws, revision)
    }

    /// Entity names by id at `revision`, built once per revision.
    fn names_at(&mut self, ws: &Workspace, revision: u64) -> Names {
        match &self.names {
            Some((r, names)) if *r == revision => names.clone(),
            _ => {
                let names: Names = std::sync::Arc::new(
                    ws.entities
                        .iter()
                        .map(|e| (e.id.clone(), e.name.clone()))
                        .collect(),
                );
                self.names = Some((revision, names.clone()));
                names
            }
        }
    }

    /// Takes note of what the edits since the rows and search texts were made changed (the
    /// app calls it once a frame before drawing the table). Search texts are brought up to date
    /// at once for claims edited in place (a few texts, not a fingerprint of every claim); the
    /// rows are patched when next asked for.
    pub fn follow(&mut self, derived: &Derived, ws: &Workspace, revision: u64) {
        let now = derived.stamp();
        if let Some(s) = self.texts_stamp
            && s != now
        {
            self.texts_stamp = match derived.since(s) {
                Some(c) if c.claims_in_place() && c.claims.len() <= PATCH_LIMIT => {
                    self.haystacks.patch(ws, revision, &c.claims).then_some(now)
                }
                _ => None,
            };
        }
        self.feed = Some((now, self.rows_stamp.and_then(|s| derived.since(s))));
    }

    /// On a large workspace, builds every claim's search text on a worker (from the workers'
    /// copy of the workspace) before anyone types a filter, so that the first keystroke after an
    /// open does not build 100,000 of them (about 120 ms); the table takes them when they are
    /// ready unless a filter was typed first. Texts are brought up to date with edits made
    /// meanwhile on first use.
    pub fn prepare_search(
        &mut self,
        ws: &Workspace,
        revision: u64,
        snapshot: &mut crate::ui::snapshot::Snapshot,
        ctx: &egui::Context,
    ) {
        use crate::ui::background::{Job, Polled, Priority};
        if let Some(job) = &self.prebuild {
            match job.poll() {
                Polled::Done(texts) => {
                    if self.haystacks.is_empty() {
                        self.haystacks = texts;
                        // Made from the workers' copy: brought up to date by fingerprints.
                        self.texts_stamp = None;
                    }
                    self.prebuild = None;
                }
                Polled::Running => {}
                Polled::Stopped => self.prebuild = None,
            }
            return;
        }
        if ws.claims.len() <= crate::ui::findings::BACKGROUND_CLAIMS || !self.haystacks.is_empty() {
            return;
        }
        if let Some(snap) = snapshot.at(ws, revision) {
            self.prebuild = Some(Job::spawn(
                "search texts",
                Priority::Low,
                (),
                Some(ctx.clone()),
                move |_| {
                    let mut texts = search::SearchTexts::default();
                    texts.at(&snap, revision);
                    texts
                },
            ));
        }
    }

    /// Whether search texts are being built on a worker.
    pub fn is_preparing_search(&self) -> bool {
        self.prebuild.is_some()
    }

    /// Forgets the search texts (another workspace was opened).
    pub fn forget_search_texts(&mut self) {
        self.haystacks = Default::default();
        self.prebuild = None;
        self.texts_stamp = None;
    }

    /// How many search texts the last update after an edit built (the rest were kept).
    pub fn haystacks_rebuilt(&self) -> usize {
        self.haystacks.rebuilt
    }
}

fn filter_bar_ui(ui: &mut egui::Ui, ws: &Workspace, f: &mut ClaimFilter) {
    ui.horizontal_wrapped(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut f.text)
                .hint_text("Filter claims…")
                .desired_width(110.0),
        );
        super::a11y::name(&r, "Filter claims");
        let r = egui::ComboBox::from_id_salt("filter_kind")
            .width(86.0)
            .selected_text(f.kind.map_or("any kind", |k| k.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.kind, None, "any kind");
                for k in crate::model::ClaimKind::ALL {
                    ui.selectable_value(&mut f.kind, Some(k), k.label());
                }
            })
            .response;
        super::a11y::name(&r, "Filter by kind");
        let r = egui::ComboBox::from_id_salt("filter_status")
            .width(86.0)
            .selected_text(f.status.map_or("any status", |s| s.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.status, None, "any status");
                for s in crate::model::ClaimStatus::ALL {
                    ui.selectable_value(&mut f.status, Some(s), s.label());
                }
            })
            .response;
        super::a11y::name(&r, "Filter by status");
        let shown = f
            .entity
            .as_ref()
            .map_or("any party".to_owned(), |e| ws.entity_name(e).to_owned());
        let r = egui::ComboBox::from_id_salt("filter_entity")
            .width(86.0)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.entity, None, "any party");
                let mut ents: Vec<_> = ws.entities.iter().collect();
                ents.sort_by_key(|e| e.name.to_lowercase());
                for e in ents {
                    ui.selectable_value(&mut f.entity, Some(e.id.clone()), &e.name);
                }
            })
            .response;
        super::a11y::name(&r, "Filter by party");
        for (label, value) in [("from", &mut f.from), ("to", &mut f.to)] {
            let bad = !value.trim().is_empty()
                && value.trim().parse::<crate::model::FuzzyDate>().is_err();
            let r = ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(label)
                    .desired_width(64.0),
            );
            super::a11y::name(
                &r,
                if label == "from" {
                    "From date"
                } else {
                    "To date"
                },
            );
            if bad {
                r.on_hover_text("not a date: use YYYY, YYYY-MM or YYYY-MM-DD (ignored)");
                ui.colored_label(ui.visuals().error_fg_color, "?");
            }
        }
        if *f != ClaimFilter::default() && ui.button("Clear").clicked() {
            *f = ClaimFilter::default();
        }
    });
}

const COLUMNS: [(&str, SortKey); 7] = [
    ("Date", SortKey::Date),
    ("Kind", SortKey::Kind),
    ("Subject", SortKey::Subject),
    ("Counterparty", SortKey::Counterparty),
    ("Amount", SortKey::Amount),
    ("Status", SortKey::Status),
    ("Docs", SortKey::Sources),
];

/// Draws the Claims table. `revision` is the workspace's history revision: the row order is
/// recomputed only when it, the filter or the sort changes.
pub fn claims_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut TableState,
    flags: &std::collections::HashMap<ClaimId, crate::analysis::findings::Severity>,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    let rows = state.rows(ws, revision, sel.doc.as_ref());
    let names = state.names_at(ws, revision);
    let party = |id: &Option<crate::model::EntityId>| -> String {
        id.as_ref().map_or(String::new(), |i| {
            names.get(i).map_or(i.as_str(), String::as_str).to_owned()
        })
    };
    ui.horizontal(|ui| {
        ui.heading("Claims");
        ui.weak(format!("{} of {}", rows.len(), ws.claims.len()));
        ui.checkbox(&mut state.only_open_document, "Only the open document");
        if state.order_kept
            && ui
                .button("Sort again")
                .on_hover_text("Edited rows kept their places so clicks land where you aim; sort them by the chosen column now")
                .clicked()
        {
            state.sort_again();
            ui.ctx().request_repaint();
        }
    });
    let before = (state.filter.clone(), state.only_open_document);
    filter_bar_ui(ui, ws, &mut state.filter);
    if before != (state.filter.clone(), state.only_open_document) {
        // The rows above were counted with the old filter: draw the new ones at once.
        ui.ctx().request_repaint();
    }
    // Keep scrolling for a few frames: on the first frames of a window the panel sizes settle.
    let scroll_row = state
        .scroll_to
        .clone()
        .and_then(|id| ws.claim_position(&id))
        .and_then(|at| rows.iter().position(|&i| i == at));
    state.scroll_frames += 1;
    if state.scroll_frames > 3 {
        state.scroll_to = None;
        state.scroll_frames = 0;
    }
    let width = ui.available_width();
    let share = |f: f32| (width * f).max(56.0);
    // "Compute commitment" whole when there is room for it.
    let kind_share = if width > 700.0 { 0.22 } else { 0.15 };
    let status_share = if width > 700.0 { 0.11 } else { 0.12 };
    let mut table = TableBuilder::new(ui)
        .id_salt("claims_table")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        // Each column has its share of the pane and cuts a longer name with an ellipsis (whole
        // on hover), so the last column (Docs, with the conflict flags) stays in view in the
        // centre of a 1024-point window and long entity names do not push it out. (Sized to
        // content, a column with cut labels measured the cut width and never grew again.)
        .column(Column::exact(76.0))
        .column(Column::exact(share(kind_share)).clip(true))
        .column(Column::exact(share(0.14)).clip(true))
        .column(Column::exact(share(0.15)).clip(true))
        .column(Column::exact(share(0.15)).clip(true))
        .column(Column::exact(share(status_share)).clip(true))
        .column(Column::remainder().at_least(40.0).clip(true))
        .auto_shrink([false, false])
        // A jump, not a glide: rows must not slide under the pointer between two clicks.
        .animate_scrolling(false);
    // Only as far as needed: a row already in view stays under the pointer.
    if let Some(r) = scroll_row {
        // A row to show wins over the scroll to the top that an open asks for.
        state.scroll_top = false;
        table = table.scroll_to_row(r, None);
    } else if std::mem::take(&mut state.scroll_top) {
        table = table.vertical_scroll_offset(0.0);
    }
    table
        .header(22.0, |mut header| {
            for (label, key) in COLUMNS {
                header.col(|ui| {
                    // Narrow padding: "Counterparty" fits its column in a narrow pane.
                    ui.spacing_mut().button_padding.x = 2.0;
                    let arrow = match (state.sort == key, state.descending) {
                        (true, false) => " ⬆",
                        (true, true) => " ⬇",
                        _ => "",
                    };
                    if ui
                        .button(format!("{label}{arrow}"))
                        .on_hover_text(format!("Sort by {label}"))
                        .clicked()
                    {
                        state.order_kept = false;
                        if state.sort == key {
                            state.descending = !state.descending;
                        } else {
                            state.sort = key;
                            state.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let c = &ws.claims[rows[row.index()]];
                row.set_selected(sel.claim.as_ref() == Some(&c.id) || sel.related.contains(&c.id));
                let mut clicked = false;
                let mut double = false;
                let mut cell = |row: &mut egui_extras::TableRow<'_, '_>,
                                text: String,
                                swatch: bool| {
                    // An empty cell still says something to a screen reader.
                    let text = if text.is_empty() {
                        "—".to_owned()
                    } else {
                        text
                    };
                    row.col(|ui| {
                        if swatch {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter()
                                .rect_filled(rect, 2.0, palette::kind_color(c.kind));
                        }
                        // Clickable but not a Tab stop of its own: the cell around it is one.
                        let r = ui.add(
                            egui::Label::new(text)
                                .sense(egui::Sense::CLICK)
                                .selectable(false)
                                .truncate(),
                        );
                        clicked |= r.clicked();
                        double |= r.double_clicked();
                    });
                };
                cell(
                    &mut row,
                    ws.claim_date(c)
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".into()),
                    false,
                );
                cell(&mut row, c.kind.label().into(), true);
                cell(&mut row, party(&c.subject), false);
                cell(&mut row, party(&c.counterparty), false);
                cell(
                    &mut row,
                    c.figure.as_ref().map(|f| f.display()).unwrap_or_default(),
                    false,
                );
                cell(&mut row, c.status.label().into(), false);
                let orphaned = c.evidence.iter().filter(|e| e.orphaned).count();
                let mut docs = c.documents().len().to_string();
                if orphaned > 0 {
                    docs.push_str(&format!(" ⚠{orphaned} orphaned"));
                }
                match flags.get(&c.id) {
                    Some(crate::analysis::findings::Severity::Hard) => docs.push_str(" ⚑ conflict"),
                    Some(_) => docs.push_str(" ⚑ soft"),
                    None => {}
                }
                cell(&mut row, docs, false);
                let r = row.response();
                if r.clicked() || clicked {
                    cmds.push(Command::SelectClaim(c.id.clone()));
                }
                if r.double_clicked() || double {
                    cmds.push(Command::ShowEvidence(c.id.clone(), 0));
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    #[test]
    fn rows_keep_their_places_after_an_edit_and_new_rows_go_last() {
        // Sorted now: 3, 0, 1 (an edit moved claim 3 first); before the edit: 0, 1, 3; claim 2
        // newly passes the filter.
        assert_eq!(
            keep_places(&[0, 1, 3], vec![3, 2, 0, 1], 4),
            vec![0, 1, 3, 2]
        );
        // A row that no longer passes is simply gone.
        assert_eq!(keep_places(&[0, 1, 3], vec![3, 0], 4), vec![0, 3]);
    }

    #[test]
    fn an_edit_in_place_keeps_the_row_order_until_sorted_again() {
        let mut ws = crate::sample::sample_workspace().unwrap();
        let mut state = TableState::default();
        let before = state.rows(&ws, 1, None);
        // Date the first row's claim far in the future: sorted by date it would go last.
        let first = before[0];
        ws.claims[first].as_of = Some("2099".parse().unwrap());
        let after = state.rows(&ws, 2, None);
        assert_eq!(*after, *before, "rows kept in place");
        assert!(state.order_kept);
        state.sort_again();
        let sorted = state.rows(&ws, 2, None);
        assert_ne!(sorted[0], first, "sorted again, the edited claim moves");
        assert!(!state.order_kept);
    }

    #[test]
    fn search_texts_of_a_large_workspace_are_prepared_in_the_background() {
        let mut spec =
            crate::synth::SynthSpec::new(10, crate::ui::findings::BACKGROUND_CLAIMS + 200);
        spec.big_doc_bytes = 20_000;
        let mut ws = crate::synth::generate(&spec);
        let (mut state, mut snap) = (TableState::default(), Default::default());
        let ctx = egui::Context::default();
        state.prepare_search(&ws, 1, &mut snap, &ctx);
        assert!(state.is_preparing_search());
        for _ in 0..2400 {
            state.prepare_search(&ws, 1, &mut snap, &ctx);
            if !state.is_preparing_search() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        assert!(!state.is_preparing_search(), "ready within 60 s");
        assert!(!state.haystacks.is_empty(), "taken by the table");
        // Typing uses them: nothing is built at the same revision.
        assert_eq!(
            state.haystacks_rebuilt(),
            ws.claims.len(),
            "all built by the worker"
        );
        state.haystacks.rebuilt = 0;
        state.filter.text = "openai".into();
        let rows = state.rows(&ws, 1, None);
        assert_eq!(state.haystacks_rebuilt(), 0);
        let names = search::names(&ws);
        let expected = ws
            .claims
            .iter()
            .filter(|c| search::haystack(&names, c).contains("openai"))
            .count();
        assert_eq!(rows.len(), expected);
        // An edit made after they were prepared: only that claim's text is built on first use.
        ws.claims[7].note = "zanzibar accord".into();
        state.filter.text = "zanzibar".into();
        let rows = state.rows(&ws, 2, None);
        assert_eq!(state.haystacks_rebuilt(), 1);
        assert_eq!(rows.as_slice(), &[7]);
        // Another workspace: forgotten, and prepared again.
        state.forget_search_texts();
        assert!(state.haystacks.is_empty());
    }

    #[test]
    fn prepared_search_texts_filter_exactly_like_building_them_per_claim() {
        let ws = crate::sample::sample_workspace().unwrap();
        let mut state = TableState::default();
        for text in [
            "openai",
            "AT LEAST $10b",
            "amazon invest",
            "trainium",
            "cl-0003",
            "zzz",
        ] {
            state.filter.text = text.into();
            let plain = row_order(&ws, &state, None);
            let fast = state.rows(&ws, 1, None);
            assert_eq!(*fast, plain, "{text}");
        }
        // Built once for the revision, then reused for every keystroke.
        let a = state.haystacks_at(&ws, 1);
        assert!(std::sync::Arc::ptr_eq(&a, &state.haystacks_at(&ws, 1)));
        assert!(!std::sync::Arc::ptr_eq(&a, &state.haystacks_at(&ws, 2)));
    }

    /// Edits in place through the history, followed by the derived-data layer: the table's
    /// patched rows, `order_kept` and search texts equal those of a table that filters and
    /// sorts every claim again (the rule before patching), for every sort and a text filter.
    #[test]
    fn patched_rows_equal_a_whole_filter_and_sort_after_edits() {
        use crate::action::{Action, History};
        use crate::ui::derived::Derived;
        let mut spec = crate::synth::SynthSpec::new(8, 600);
        spec.big_doc_bytes = 10_000;
        let base = crate::synth::generate(&spec);
        let sorts = [
            SortKey::Date,
            SortKey::Kind,
            SortKey::Subject,
            SortKey::Counterparty,
            SortKey::Amount,
            SortKey::Status,
            SortKey::Sources,
        ];
        for (n, sort) in sorts.into_iter().enumerate() {
            for text in ["", "a"] {
                let mut ws = base.clone();
                let (mut h, mut d) = (History::default(), Derived::default());
                let (mut fast, mut whole) = (TableState::default(), TableState::default());
                for t in [&mut fast, &mut whole] {
                    t.sort = sort;
                    t.descending = n % 2 == 1;
                    t.filter.text = text.into();
                }
                d.follow(&h, &ws);
                fast.follow(&d, &ws, h.revision());
                fast.rows(&ws, h.revision(), None);
                whole.rows(&ws, h.revision(), None);
                let mut rng = crate::synth::Rng::new(n as u64 + 7);
                for step in 0..40 {
                    let i = rng.below(ws.claims.len());
                    let mut c = ws.claims[i].clone();
                    match step % 4 {
                        0 => c.as_of = Some("2099-01-02".parse().expect("date")),
                        1 => {
                            c.note = if c.note.contains('a') {
                                "zzz".into()
                            } else {
                                "a".into()
                            }
                        }
                        2 => c.figure = None,
                        _ => std::mem::swap(&mut c.subject, &mut c.counterparty),
                    }
                    let edits = if step % 5 == 0 {
                        // Two claims in one step.
                        let mut other = ws.claims[(i + 1) % ws.claims.len()].clone();
                        other.note = "quite another note".into();
                        Action::Batch(vec![
                            Action::ReplaceClaim(Box::new(c)),
                            Action::ReplaceClaim(Box::new(other)),
                        ])
                    } else {
                        Action::ReplaceClaim(Box::new(c))
                    };
                    h.apply(&mut ws, edits, "edit", None).expect("edit");
                    if step % 7 == 3 {
                        h.undo(&mut ws).expect("undo");
                    }
                    d.follow(&h, &ws);
                    h.forget_journal();
                    fast.follow(&d, &ws, h.revision());
                    let a = fast.rows(&ws, h.revision(), None);
                    let b = whole.rows(&ws, h.revision(), None);
                    assert_eq!(*a, *b, "{sort:?} {text:?} step {step}");
                    assert_eq!(fast.order_kept, whole.order_kept, "{sort:?} step {step}");
                    if step % 9 == 8 {
                        fast.sort_again();
                        whole.sort_again();
                    }
                }
                assert!(fast.rows_patched >= 20, "{sort:?}: patched, not rebuilt");
                if !text.is_empty() {
                    assert_eq!(
                        *fast.haystacks_at(&ws, h.revision()),
                        *TableState::default().haystacks_at(&ws, h.revision()),
                        "search texts kept current"
                    );
                }
            }
        }
    }

    #[test]
    fn equal_keys_are_ordered_by_claim_number_then_by_unnumbered_id() {
        use crate::model::{ClaimId, ClaimKind};
        let mut ws = crate::sample::sample_workspace().unwrap();
        let date: crate::model::FuzzyDate = "2030-01-01".parse().unwrap();
        ws.claims.clear();
        for id in ["cl-10000", "custom-b", "cl-9999", "custom-a", "cl-0002"] {
            let mut c = Claim::new(ClaimId::new(id), ClaimKind::Other);
            c.as_of = Some(date);
            ws.claims.push(c);
        }
        let mut state = TableState::default();
        for sort in [SortKey::Date, SortKey::Amount, SortKey::Subject] {
            state.sort = sort;
            state.descending = false;
            let ids: Vec<&str> = row_order(&ws, &state, None)
                .into_iter()
                .map(|i| ws.claims[i].id.as_str())
                .collect();
            assert_eq!(
                ids,
                ["cl-0002", "cl-9999", "cl-10000", "custom-a", "custom-b"],
                "{sort:?}"
            );
        }
    }

    #[test]
    fn filters_narrow_the_rows() {
        let ws = crate::sample::sample_workspace().unwrap();
        let mut state = TableState::default();
        let all = row_order(&ws, &state, None).len();
        assert_eq!(all, ws.claims.len());
        state.filter.text = "openai valuation".into();
        let rows = row_order(&ws, &state, None);
        assert!(!rows.is_empty() && rows.len() < all);
        assert!(
            rows.iter()
                .all(|&i| ws.claims[i].kind == crate::model::ClaimKind::Valuation)
        );
        state.filter = ClaimFilter {
            entity: Some("amazon".into()),
            ..Default::default()
        };
        let rows = row_order(&ws, &state, None);
        // AWS rolls up to Amazon: the $38B AWS deal is listed under Amazon.
        assert!(rows.iter().any(|&i| {
            ws.claims[i]
                .counterparty
                .as_ref()
                .is_some_and(|c| c.as_str() == "aws")
        }));
        state.filter = ClaimFilter {
            from: "2025-12".into(),
            to: "2025-12-31".into(),
            ..Default::default()
        };
        let rows = row_order(&ws, &state, None);
        // A claim dated only "2025" may be from December: dates overlap the range.
        let dec: crate::model::FuzzyDate = "2025-12".parse().unwrap();
        assert!(rows.iter().all(|&i| {
            ws.claim_date(&ws.claims[i])
                .is_some_and(|d| d.overlaps(&dec))
        }));
        assert!(rows.len() < all);
        state.filter.from = "2025-13".into();
        assert!(
            row_order(&ws, &state, None).len() >= rows.len(),
            "a bad date filters nothing"
        );
    }
}
