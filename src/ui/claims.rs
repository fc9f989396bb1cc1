//! The Claims table: every claim, sortable by date, kind, subject, counterparty, amount, status
//! and number of sources; clicking a row selects the claim.

use super::app::Selection;
use super::command::Command;
use super::palette;
use crate::model::{Claim, ClaimId, Workspace};
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

pub mod search;

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
    /// Entity names by id at a revision, for the rows' party cells (a scan of the entity list
    /// per cell grew with the workspace).
    names: Option<(u64, Names)>,
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
            _ => {
                let hay = if self.filter.text.trim().is_empty() {
                    None
                } else {
                    Some(self.haystacks_at(ws, revision))
                };
                let rows = std::sync::Arc::new(row_order_with(
                    ws,
                    self,
                    open_doc,
                    hay.as_ref().map(|h| h.as_slice()),
                ));
                self.rows = Some((key, rows.clone()));
                rows
            }
        }
    }
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

    /// How many search texts the last update after an edit built (the rest were kept).
    pub fn haystacks_rebuilt(&self) -> usize {
        self.haystacks.rebuilt
    }
}

fn name<'a>(ws: &'a Workspace, id: &'a Option<crate::model::EntityId>) -> &'a str {
    id.as_ref().map_or("", |i| ws.entity_name(i))
}

/// Compares two claims by a column (ascending).
pub fn compare(ws: &Workspace, key: SortKey, a: &Claim, b: &Claim) -> Ordering {
    let by = match key {
        SortKey::Date => match (a.as_of, b.as_of) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Kind => a.kind.label().cmp(b.kind.label()),
        SortKey::Subject => name(ws, &a.subject)
            .to_lowercase()
            .cmp(&name(ws, &b.subject).to_lowercase()),
        SortKey::Counterparty => name(ws, &a.counterparty)
            .to_lowercase()
            .cmp(&name(ws, &b.counterparty).to_lowercase()),
        SortKey::Amount => {
            let v = |c: &Claim| c.figure.as_ref().map_or(f64::NEG_INFINITY, |f| f.point());
            v(a).total_cmp(&v(b))
        }
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::Sources => a.documents().len().cmp(&b.documents().len()),
    };
    by.then_with(|| a.id.cmp(&b.id))
}

/// Filters of the Claims table; empty fields filter nothing.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ClaimFilter {
    /// Free text matched against parties, figure, kind, status, note, tags and quotes.
    pub text: String,
    /// Only this kind.
    pub kind: Option<crate::model::ClaimKind>,
    /// Only this status.
    pub status: Option<crate::model::ClaimStatus>,
    /// Only claims where this entity (or a subsidiary) is subject or counterparty.
    pub entity: Option<crate::model::EntityId>,
    /// Only claims dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: String,
    /// Only claims dated on or before this.
    pub to: String,
}

impl ClaimFilter {
    /// Whether a claim passes the filter. Unparsable dates filter nothing.
    pub fn accepts(&self, ws: &Workspace, c: &Claim) -> bool {
        Prepared::of(self, ws).accepts(self, ws, c, None)
    }
}

/// The parts of a [`ClaimFilter`] parsed once per table pass rather than once per claim.
struct Prepared<'a> {
    from: Option<crate::model::FuzzyDate>,
    to: Option<crate::model::FuzzyDate>,
    words: Vec<String>,
    /// Entity names by id (a scan of the entity list per claim cost tens of ms at 100k).
    names: search::Names<'a>,
    /// The search text of the claim being checked when none was prepared (one buffer reused).
    buf: std::cell::RefCell<String>,
}

impl<'a> Prepared<'a> {
    fn of(f: &ClaimFilter, ws: &'a Workspace) -> Self {
        Self {
            names: search::names(ws),
            buf: std::cell::RefCell::new(String::with_capacity(512)),
            from: f.from.trim().parse().ok(),
            to: f.to.trim().parse().ok(),
            words: f.text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// Whether `c` passes the filter; `hay` is its [`haystack`] when one was prepared.
    fn accepts(&self, f: &ClaimFilter, ws: &Workspace, c: &'a Claim, hay: Option<&str>) -> bool {
        if f.kind.is_some_and(|k| k != c.kind) || f.status.is_some_and(|s| s != c.status) {
            return false;
        }
        if let Some(e) = &f.entity {
            let hit = |p: &Option<crate::model::EntityId>| {
                p.as_ref().is_some_and(|p| p == e || ws.root_entity(p) == e)
            };
            if !hit(&c.subject) && !hit(&c.counterparty) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = c.as_of else { return false };
            if self.from.is_some_and(|f| d.last_day() < f.first_day())
                || self.to.is_some_and(|t| d.first_day() > t.last_day())
            {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let hit = |hay: &str| self.words.iter().all(|w| hay.contains(w.as_str()));
        match hay {
            Some(h) => hit(h),
            None => {
                let mut buf = self.buf.borrow_mut();
                search::haystack_into(&self.names, c, &mut buf);
                hit(&buf)
            }
        }
    }
}

/// The row order of the table: indices into `ws.claims`.
pub fn row_order(
    ws: &Workspace,
    state: &TableState,
    open_doc: Option<&crate::model::DocId>,
) -> Vec<usize> {
    row_order_with(ws, state, open_doc, None)
}

/// [`row_order`] with each claim's prepared [`haystack`] (by claim index), if there are any.
pub fn row_order_with(
    ws: &Workspace,
    state: &TableState,
    open_doc: Option<&crate::model::DocId>,
    haystacks: Option<&[String]>,
) -> Vec<usize> {
    let prepared = Prepared::of(&state.filter, ws);
    let hay = |i: usize| haystacks.and_then(|h| h.get(i)).map(String::as_str);
    let mut rows: Vec<usize> = (0..ws.claims.len())
        .filter(|&i| {
            !state.only_open_document
                || open_doc.is_some_and(|d| ws.claims[i].evidence.iter().any(|e| &e.doc == d))
        })
        .filter(|&i| prepared.accepts(&state.filter, ws, &ws.claims[i], hay(i)))
        .collect();
    match state.sort {
        // Names are looked up and lowercased once per row, not once per comparison.
        SortKey::Subject | SortKey::Counterparty => {
            let subject = state.sort == SortKey::Subject;
            let party = |c: &Claim| -> Option<crate::model::EntityId> {
                if subject {
                    c.subject.clone()
                } else {
                    c.counterparty.clone()
                }
            };
            let names: std::collections::HashMap<&str, String> = ws
                .entities
                .iter()
                .map(|e| (e.id.as_str(), e.name.to_lowercase()))
                .collect();
            let key = |i: usize| -> String {
                party(&ws.claims[i]).map_or(String::new(), |id| {
                    names
                        .get(id.as_str())
                        .cloned()
                        .unwrap_or_else(|| id.as_str().to_lowercase())
                })
            };
            let mut keyed: Vec<(String, u64, usize)> = rows
                .iter()
                .map(|&i| (key(i), id_number(ws, i), i))
                .collect();
            keyed.sort_by(|(ka, na, i), (kb, nb, j)| {
                let o = ka.cmp(kb).then_with(|| tie_break(ws, (*na, *i), (*nb, *j)));
                if state.descending { o.reverse() } else { o }
            });
            rows = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
        SortKey::Sources => {
            // Counted once per row, not twice per comparison.
            let n: Vec<usize> = ws.claims.iter().map(|c| c.documents().len()).collect();
            rows.sort_by(|&i, &j| {
                let o = n[i]
                    .cmp(&n[j])
                    .then_with(|| ws.claims[i].id.cmp(&ws.claims[j].id));
                if state.descending { o.reverse() } else { o }
            });
        }
        SortKey::Date | SortKey::Amount => {
            // Keys packed into integers once per row: comparisons then touch a small array
            // instead of 100,000 scattered claims.
            let key = |c: &Claim| -> u64 {
                if state.sort == SortKey::Date {
                    c.as_of.map_or(u64::MAX, |d| {
                        let y = (d.year_value() + 100_000) as u64;
                        let m = d.month_value().map_or(0, |m| m + 1) as u64;
                        let day = d.day_value().map_or(0, |x| x + 1) as u64;
                        (y << 16) | (m << 8) | day
                    })
                } else {
                    let v = c.figure.as_ref().map_or(f64::NEG_INFINITY, |f| f.point());
                    // Total order of f64 as an unsigned integer.
                    let b = v.to_bits();
                    if b >> 63 == 1 { !b } else { b | (1 << 63) }
                }
            };
            let mut keyed: Vec<(u64, u64, usize)> = rows
                .iter()
                .map(|&i| (key(&ws.claims[i]), id_number(ws, i), i))
                .collect();
            keyed.sort_by(|&(ka, na, i), &(kb, nb, j)| {
                let o = ka.cmp(&kb).then_with(|| tie_break(ws, (na, i), (nb, j)));
                if state.descending { o.reverse() } else { o }
            });
            rows = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
        _ => rows.sort_by(|&i, &j| {
            let o = compare(ws, state.sort, &ws.claims[i], &ws.claims[j]);
            if state.descending { o.reverse() } else { o }
        }),
    }
    rows
}

/// A claim's number for tie-breaks (`cl-0042` → 42), read once per row; ids that are not
/// numbered get `u64::MAX` and are ordered among themselves by text.
fn id_number(ws: &Workspace, i: usize) -> u64 {
    ws.claims[i].id.number().unwrap_or(u64::MAX)
}

/// Orders rows with equal sort keys by claim number: comparing two integers in the keyed array
/// instead of two id strings in scattered claims (most of a 100,000-row sort's time, since
/// dates and names repeat).
fn tie_break(ws: &Workspace, (na, i): (u64, usize), (nb, j): (u64, usize)) -> Ordering {
    na.cmp(&nb).then_with(|| {
        if na == u64::MAX {
            ws.claims[i].id.cmp(&ws.claims[j].id)
        } else {
            Ordering::Equal
        }
    })
}

fn filter_bar_ui(ui: &mut egui::Ui, ws: &Workspace, f: &mut ClaimFilter) {
    ui.horizontal_wrapped(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut f.text)
                .hint_text("Filter claims…")
                .desired_width(140.0),
        );
        super::a11y::name(&r, "Filter claims");
        let r = egui::ComboBox::from_id_salt("filter_kind")
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
                    .desired_width(78.0),
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
        .and_then(|id| rows.iter().position(|&i| ws.claims[i].id == id));
    state.scroll_frames += 1;
    if state.scroll_frames > 3 {
        state.scroll_to = None;
        state.scroll_frames = 0;
    }
    let mut table = TableBuilder::new(ui)
        .id_salt("claims_table")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(78.0))
        .column(Column::auto().at_least(96.0))
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(96.0))
        .column(Column::auto().at_least(70.0))
        .column(Column::remainder().at_least(40.0))
        .auto_shrink([false, false]);
    if let Some(r) = scroll_row {
        table = table.scroll_to_row(r, Some(egui::Align::Center));
    }
    table
        .header(22.0, |mut header| {
            for (label, key) in COLUMNS {
                header.col(|ui| {
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
                                .selectable(false),
                        );
                        clicked |= r.clicked();
                        double |= r.double_clicked();
                    });
                };
                cell(
                    &mut row,
                    c.as_of.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
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
        assert!(
            rows.iter()
                .all(|&i| ws.claims[i].as_of.is_some_and(|d| d.overlaps(&dec)))
        );
        assert!(rows.len() < all);
        state.filter.from = "2025-13".into();
        assert!(
            row_order(&ws, &state, None).len() >= rows.len(),
            "a bad date filters nothing"
        );
    }
}
