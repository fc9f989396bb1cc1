//! The Findings tab: contradictions and other findings grouped by severity, each with its message
//! and one quote per claim (outlet and date); clicking a finding selects all its claims. A finding
//! can be resolved by picking the preferred claim and writing a note (an undoable edit saved in
//! the workspace). Below the findings: duplicate candidates with a Merge button, claims without
//! sources and orphaned evidence. All of it is one scrolled list of which only the rows in view
//! are laid out when it is long (a large workspace has tens of thousands of findings).

pub mod conflicts;
pub mod fingerprint;
mod lists;
pub mod rows;

pub use fingerprint::fingerprint;
pub use lists::claim_text;

use super::background::{Job, Polled, Priority};
use super::command::Command;
use super::selection::Selection;
use crate::action::Action;
use crate::analysis::report::{Orphan, orphans};
use crate::analysis::{
    DuplicateCandidate, Finding, Findings, Quote, Severity, duplicate_candidates, reopen_finding,
    resolve_finding,
};
use crate::model::{ClaimId, Resolution, Workspace};
use egui::{Color32, RichText};
use std::sync::Arc;

/// Okabe–Ito vermillion: hard findings.
const HARD: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Okabe–Ito orange: soft findings.
const SOFT: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
/// Okabe–Ito sky blue: info findings.
const INFO: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// Okabe–Ito bluish green: resolved findings.
const RESOLVED: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);

/// The resolution being written for one finding.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResolveDraft {
    /// The finding's id.
    pub finding: String,
    /// The preferred claim; `None` when both stand.
    pub preferred: Option<ClaimId>,
    /// The analyst's note.
    pub note: String,
}

/// What the tab shows, computed once per workspace change.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The findings.
    pub findings: Findings,
    /// Likely duplicate claims.
    pub duplicates: Vec<DuplicateCandidate>,
    /// Evidence whose anchor no longer fits.
    pub orphans: Vec<Orphan>,
    /// Claims without evidence, by id.
    pub unsourced: Vec<ClaimId>,
}

impl Analysis {
    /// Computes everything the tab shows.
    pub fn compute(ws: &Workspace) -> Self {
        let mut unsourced: Vec<ClaimId> = ws
            .claims
            .iter()
            .filter(|c| c.evidence.is_empty())
            .map(|c| c.id.clone())
            .collect();
        unsourced.sort();
        Self {
            findings: Findings::compute(ws),
            duplicates: duplicate_candidates(ws),
            orphans: orphans(ws),
            unsourced,
        }
    }
}

/// Workspaces with more claims than this are analysed on a worker thread; smaller ones (every
/// hand-made workspace, and the tests) synchronously, in well under a frame's budget.
pub const BACKGROUND_CLAIMS: usize = 5_000;

/// Findings tab state.
#[derive(Debug, Default)]
pub struct FindingsState {
    /// The open "Resolve…" form, if any.
    pub draft: Option<ResolveDraft>,
    /// The last finished analysis and the history revision of the workspace it was computed
    /// from (a revision names one workspace state within a run, see `History::revision`). While
    /// a newer one is computed in the background this one stays shown.
    cache: Option<(u64, Arc<Analysis>)>,
    /// The analysis running on a worker thread, and the revision it is for.
    pending: Option<(u64, super::background::Job<Analysis>)>,
    /// The copy of the workspace that workers read, shared with the Network pane (see
    /// [`super::snapshot`]).
    pub snapshot: super::snapshot::Snapshot,
    /// The rows of the list and the analysis they list.
    list: Option<(Arc<Analysis>, Vec<Row>)>,
    /// Findings and resolved findings per severity (hard, soft, info) of that analysis.
    counts: [(usize, usize); 3],
    /// Heights and scroll position of the list.
    rows: rows::VirtualRows,
    /// Scroll this finding (by id) into view on the next frame.
    pub scroll_to: Option<String>,
    /// The value being written for a merge conflict, or why a pick was refused.
    pub conflict_draft: conflicts::ConflictDraft,
}

/// One row of the tab's list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    /// The heading of the merge conflicts.
    Conflicts,
    /// A merge conflict, by index in the workspace's conflicts.
    Conflict(usize),
    /// A severity's heading.
    Group(Severity),
    /// A finding, by index in the analysis' findings.
    Finding(usize),
    /// A heading of the lists below the findings.
    List(ListKind),
    /// An entry of a list below the findings, by index.
    Entry(ListKind, usize),
    /// "None." under a heading.
    Empty,
    /// The line between parts.
    Separator,
}

/// The lists below the findings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ListKind {
    /// Likely duplicates.
    Duplicates,
    /// Claims without sources.
    Unsourced,
    /// Orphaned evidence.
    Orphans,
}

/// The rows listing `a`, in order, after `conflicts` merge conflicts (read from the open
/// workspace, not the analysis: a large workspace's analysis may lag an edit behind).
pub fn list_rows(a: &Analysis, conflicts: usize) -> Vec<Row> {
    let mut out = Vec::new();
    if conflicts > 0 {
        out.push(Row::Conflicts);
        out.extend((0..conflicts).map(Row::Conflict));
        out.push(Row::Separator);
    }
    for s in [Severity::Hard, Severity::Soft, Severity::Info] {
        out.push(Row::Group(s));
        let start = out.len();
        out.extend(
            a.findings
                .items
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == s)
                .map(|(i, _)| Row::Finding(i)),
        );
        if out.len() == start {
            out.push(Row::Empty);
        }
    }
    for (kind, n) in [
        (ListKind::Duplicates, a.duplicates.len()),
        (ListKind::Unsourced, a.unsourced.len()),
        (ListKind::Orphans, a.orphans.len()),
    ] {
        out.push(Row::Separator);
        out.push(Row::List(kind));
        out.extend((0..n).map(|i| Row::Entry(kind, i)));
        if n == 0 {
            out.push(Row::Empty);
        }
    }
    out
}

/// A row's height before it is measured: a finding has a title line, two lines per quote and
/// a button.
fn estimate(a: &Analysis, r: &Row) -> f32 {
    match r {
        Row::Group(_) | Row::List(_) | Row::Conflicts => 30.0,
        Row::Conflict(_) => 120.0,
        Row::Finding(i) => {
            let quotes = a.findings.items.get(*i).map_or(2, |f| f.quotes.len());
            48.0 + 40.0 * quotes as f32
        }
        Row::Entry(ListKind::Duplicates, _) => 100.0,
        Row::Entry(..) | Row::Empty => 20.0,
        Row::Separator => 10.0,
    }
}

impl FindingsState {
    /// The analysis of `ws` at `revision`, or the latest one finished while it is computed
    /// (`None` before the first). Large workspaces are analysed on a worker thread that wakes
    /// the UI when done (about 1.7 s at 100,000 claims, which would otherwise freeze the window
    /// after every edit); small ones at once.
    pub fn analysis_at(
        &mut self,
        ws: &Workspace,
        revision: u64,
        ctx: Option<&egui::Context>,
    ) -> Option<Arc<Analysis>> {
        if let Some((r, job)) = &self.pending {
            match job.poll() {
                Polled::Done(a) => {
                    // Freeing the analysis it replaces (137,000 findings at 100,000 claims) took
                    // the UI thread about 250 ms in the frame the new one arrived: a worker
                    // frees it.
                    if let Some((_, old)) = self.cache.replace((*r, Arc::new(a))) {
                        super::background::spawn(move || drop(old));
                    }
                    self.pending = None;
                }
                Polled::Running => {}
                Polled::Stopped => self.pending = None,
            }
        }
        let fresh = self.cache.as_ref().is_some_and(|(r, _)| *r == revision);
        if !fresh {
            if ws.claims.len() <= BACKGROUND_CLAIMS {
                self.cache = Some((revision, Arc::new(Analysis::compute(ws))));
                self.pending = None;
            } else if self.pending.is_none()
                && let Some(snapshot) = self.snapshot.at(ws, revision)
            {
                // One analysis at a time: edits made while it runs are analysed together when
                // it finishes (its worker asks for a repaint, and this frame starts the next).
                // While another worker holds the snapshot, the next frame tries again.
                // The snapshot is given back (dropped with the closure) before the result is
                // reported, so the next analysis can update it in place.
                let job = Job::spawn("findings", Priority::Low, (), ctx.cloned(), move |_| {
                    Analysis::compute(&snapshot)
                });
                self.pending = Some((revision, job));
            }
        }
        self.cache.as_ref().map(|(_, a)| a.clone())
    }

    /// Whether an analysis newer than the one shown is being computed.
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// The analysis of `ws` at `revision`, computed now if needed (CLI-like callers and tests).
    pub fn analysis(&mut self, ws: &Workspace, revision: u64) -> Arc<Analysis> {
        if let Some((r, a)) = &self.cache
            && *r == revision
        {
            return a.clone();
        }
        let a = Arc::new(Analysis::compute(ws));
        self.cache = Some((revision, a.clone()));
        a
    }

    /// The most severe unresolved conflict (hard or soft) of each claim, for flags in the
    /// Claims table, with the revision of the analysis they come from (older than `revision`
    /// while a large workspace is re-analysed in the background). `None` when there is no
    /// analysis yet or it is the one at revision `have` (the caller's flags are current).
    pub fn flags(
        &mut self,
        ws: &Workspace,
        revision: u64,
        ctx: Option<&egui::Context>,
        have: Option<u64>,
    ) -> Option<(u64, std::collections::HashMap<ClaimId, Severity>)> {
        let analysis = self.analysis_at(ws, revision, ctx)?;
        let at = self.cache.as_ref().map_or(revision, |(r, _)| *r);
        if have == Some(at) {
            return None;
        }
        let mut out = std::collections::HashMap::new();
        for f in &analysis.findings.items {
            if f.resolution.is_some() || f.severity == Severity::Info {
                continue;
            }
            for c in &f.claims {
                let e = out.entry(c.clone()).or_insert(f.severity);
                if f.severity == Severity::Hard {
                    *e = Severity::Hard;
                }
            }
        }
        Some((at, out))
    }
}

/// The colour of a severity.
pub fn severity_color(s: Severity) -> Color32 {
    match s {
        Severity::Hard => HARD,
        Severity::Soft => SOFT,
        Severity::Info => INFO,
    }
}

/// The heading of a severity group (`Hard conflicts`).
fn group_title(s: Severity) -> &'static str {
    match s {
        Severity::Hard => "Hard conflicts",
        Severity::Soft => "Soft conflicts",
        Severity::Info => "For information",
    }
}

/// Draws the Findings tab; `revision` is the workspace's history revision (analysis cache key).
pub fn findings_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut FindingsState,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    let Some(data) = state.analysis_at(ws, revision, Some(ui.ctx())) else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!(
                "Analysing {} for contradictions and duplicates…",
                crate::words::count(ws.claims.len(), "claim")
            ));
        });
        return;
    };
    if state.is_updating() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Updating after the last edit; the list below is from just before it.");
        });
    }
    // Conflict rows come first: counting them stops at the first other row.
    let listed_conflicts = |list: &[Row]| {
        list.iter()
            .skip_while(|r| **r == Row::Conflicts)
            .take_while(|r| matches!(r, Row::Conflict(_)))
            .count()
    };
    if state.list.as_ref().is_none_or(|(a, list)| {
        !Arc::ptr_eq(a, &data) || listed_conflicts(list) != ws.conflicts.len()
    }) {
        let list = list_rows(&data, ws.conflicts.len());
        state.rows.reset(list.iter().map(|r| estimate(&data, r)));
        state.list = Some((data.clone(), list));
        state.counts =
            [Severity::Hard, Severity::Soft, Severity::Info].map(|s| data.findings.count(s));
    }
    if let Some(id) = state.scroll_to.take()
        && let Some(i) = data.findings.items.iter().position(|f| f.id == id)
        && let Some((_, list)) = &state.list
        && let Some(row) = list.iter().position(|r| *r == Row::Finding(i))
    {
        state.rows.scroll_to(row);
    }
    // Taken out while drawing (the rows draw into the rest of the state), put back after.
    let Some((listed, list)) = state.list.take() else {
        return;
    };
    let mut rows = std::mem::take(&mut state.rows);
    // Counted once per analysis, not per frame (150,000 findings at 100k claims).
    let counts = state.counts;
    let counts = |s: Severity| match s {
        Severity::Hard => counts[0],
        Severity::Soft => counts[1],
        Severity::Info => counts[2],
    };
    rows.show(ui, "findings_scroll", |ui, i| match list[i] {
        Row::Conflicts => {
            ui.add_space(4.0);
            ui.heading(
                RichText::new(format!("Merge conflicts ({})", ws.conflicts.len())).color(HARD),
            );
            ui.weak("A merge kept this copy's value where both copies changed the same thing; settle each one.");
        }
        Row::Conflict(j) => conflicts::conflict_ui(ui, ws, j, &mut state.conflict_draft, cmds),
        Row::Group(s) => {
            let (n, resolved) = counts(s);
            ui.add_space(4.0);
            ui.heading(
                RichText::new(format!("{} ({n}, {resolved} resolved)", group_title(s)))
                    .color(severity_color(s)),
            );
        }
        Row::Finding(f) => finding_ui(ui, ws, sel, state, &data.findings.items[f], cmds),
        Row::List(kind) => {
            ui.heading(match kind {
                ListKind::Duplicates => format!("Likely duplicates ({})", data.duplicates.len()),
                ListKind::Unsourced => {
                    format!("Claims without sources ({})", data.unsourced.len())
                }
                ListKind::Orphans => format!("Orphaned evidence ({})", data.orphans.len()),
            });
        }
        Row::Entry(ListKind::Duplicates, j) => {
            lists::duplicate_ui(ui, ws, &data.duplicates[j], cmds)
        }
        Row::Entry(ListKind::Unsourced, j) => lists::unsourced_ui(ui, ws, &data.unsourced[j], cmds),
        Row::Entry(ListKind::Orphans, j) => lists::orphan_ui(ui, ws, &data.orphans[j], cmds),
        Row::Empty => {
            ui.weak("None.");
        }
        Row::Separator => {
            ui.separator();
        }
    });
    state.rows = rows;
    state.list = Some((listed, list));
}

/// Whether every claim of the finding is selected.
fn is_selected(sel: &Selection, f: &Finding) -> bool {
    sel.claim.as_ref().is_some_and(|c| f.claims.contains(c))
        && f.claims
            .iter()
            .all(|c| sel.claim.as_ref() == Some(c) || sel.related.contains(c))
}

fn finding_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut FindingsState,
    f: &Finding,
    cmds: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let tag = if f.resolution.is_some() {
                RichText::new("✔ resolved").color(RESOLVED)
            } else {
                RichText::new(f.severity.name()).color(severity_color(f.severity))
            };
            ui.label(tag.strong());
            if ui
                .selectable_label(is_selected(sel, f), &f.message)
                .on_hover_text("Select all claims of this finding")
                .clicked()
            {
                cmds.push(Command::SelectClaims(f.claims.clone()));
            }
        });
        for q in &f.quotes {
            quote_ui(ui, ws, q, cmds);
        }
        if let Some(r) = &f.resolution {
            resolution_ui(ui, ws, r, cmds);
        }
        match &mut state.draft {
            Some(d) if d.finding == f.id => {
                if let Some(done) = draft_ui(ui, ws, f, d) {
                    if let Some(cmd) = done {
                        cmds.push(cmd);
                    }
                    state.draft = None;
                }
            }
            _ => {
                let label = if f.resolution.is_some() {
                    "Change resolution…"
                } else {
                    "Resolve…"
                };
                if ui.button(label).clicked() {
                    state.draft = Some(ResolveDraft {
                        finding: f.id.clone(),
                        preferred: f.resolution.as_ref().and_then(|r| r.preferred.clone()),
                        note: f
                            .resolution
                            .as_ref()
                            .map(|r| r.note.clone())
                            .unwrap_or_default(),
                    });
                }
            }
        }
    });
}

/// The quote line of one claim: the quoted text, then claim, figure, outlet and date, with a link
/// to the evidence in the Reader.
fn quote_ui(ui: &mut egui::Ui, ws: &Workspace, q: &Quote, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("“{}”", q.text)).italics());
    });
    ui.horizontal_wrapped(|ui| {
        let (outlet, date) = q.source();
        let fig = if q.figure.is_empty() {
            String::new()
        } else {
            format!(" {}", q.figure)
        };
        // The figure (or the claim's kind) in words; the claim's id only on hover.
        let what = if fig.is_empty() {
            ws.claim(&q.claim)
                .map_or_else(String::new, |c| c.kind.label().to_owned())
        } else {
            fig.trim_start().to_owned()
        };
        ui.weak(format!("{what} — {outlet}, {date}"))
            .on_hover_text(format!("claim {}", q.claim));
        let n = ws.claim(&q.claim).and_then(|c| {
            c.evidence
                .iter()
                .position(|e| e.doc == q.doc && e.anchor.exact == q.text)
        });
        if let Some(n) = n
            && ui.link("show in document").clicked()
        {
            cmds.push(Command::ShowEvidence(q.claim.clone(), n));
        }
    });
}

fn resolution_ui(ui: &mut egui::Ui, ws: &Workspace, r: &Resolution, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let pref = r
            .preferred
            .as_ref()
            .map_or("no preference: both stand".to_owned(), |p| {
                let words = ws
                    .claim(p)
                    .map_or_else(|| p.to_string(), |c| lists::claim_text(ws, c));
                format!("prefers {words}")
            });
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!(": {}", r.note)
        };
        ui.label(RichText::new(format!("Resolved, {pref}{note}")).color(RESOLVED));
        if ui.small_button("Reopen").clicked() {
            let edit = reopen_finding(ws, &r.finding).into_action(ws);
            cmds.push(edit_command(edit, "Reopen finding"));
        }
    });
}

fn edit_command(edit: Action, label: &str) -> Command {
    Command::Edit(Box::new(edit), label.to_owned(), None)
}

/// The Resolve form. Returns `Some(command to run)` when the form closes (`Some(None)` on Cancel).
fn draft_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    f: &Finding,
    d: &mut ResolveDraft,
) -> Option<Option<Command>> {
    let mut out = None;
    ui.group(|ui| {
        ui.label(RichText::new("Which claim do you trust?").strong());
        for id in &f.claims {
            // In words: the figure and the outlet (the claim's id on hover).
            let text = match f.quotes.iter().find(|q| &q.claim == id) {
                Some(q) if !q.figure.is_empty() => format!("{} ({})", q.figure, q.outlet),
                Some(q) => q.outlet.clone(),
                None => ws
                    .claim(id)
                    .map_or_else(|| id.to_string(), |c| lists::claim_text(ws, c)),
            };
            ui.radio_value(&mut d.preferred, Some(id.clone()), text)
                .on_hover_text(format!("claim {id}"));
        }
        ui.radio_value(&mut d.preferred, None, "Neither: both stand");
        let caption = ui.label("Note").id;
        let r = ui.add(
            egui::TextEdit::multiline(&mut d.note)
                .desired_rows(2)
                .hint_text("Why (e.g. the filing confirms the smaller figure)"),
        );
        super::a11y::labelled(&r, caption);
        ui.horizontal(|ui| {
            if ui.button("Save resolution").clicked() {
                out = Some(
                    match resolve_finding(ws, f, d.preferred.clone(), d.note.trim()) {
                        Ok(edit) => Some(edit_command(edit.into_action(ws), "Resolve finding")),
                        Err(_) => None,
                    },
                );
            }
            if ui.button("Cancel").clicked() {
                out = Some(None);
            }
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(state: &mut FindingsState, ws: &Workspace, rev: u64) -> Arc<Analysis> {
        for _ in 0..1200 {
            if let Some(a) = state.analysis_at(ws, rev, None)
                && !state.is_updating()
            {
                return a;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("the background analysis did not finish in 30 s");
    }

    #[test]
    fn large_workspaces_are_analysed_in_the_background_and_the_last_result_stays_up() {
        let ws = crate::synth::generate(&crate::synth::SynthSpec::new(20, BACKGROUND_CLAIMS + 500));
        assert!(ws.claims.len() > BACKGROUND_CLAIMS);
        let mut state = FindingsState::default();
        assert!(
            state.analysis_at(&ws, 1, None).is_none(),
            "nothing yet: the worker runs"
        );
        assert!(state.is_updating());
        let first = wait(&mut state, &ws, 1);
        let now = Analysis::compute(&ws);
        assert_eq!(
            format!("{first:?}"),
            format!("{now:?}"),
            "the same result as at once"
        );
        assert!(Arc::ptr_eq(&first, &state.analysis(&ws, 1)), "cached");
        // An edit: the previous result is shown while the new one is computed.
        let mut edited = ws.clone();
        edited.claims.truncate(BACKGROUND_CLAIMS + 100);
        let shown = state
            .analysis_at(&edited, 2, None)
            .expect("the last result");
        assert!(Arc::ptr_eq(&shown, &first));
        assert!(state.is_updating());
        let second = wait(&mut state, &edited, 2);
        let now = Analysis::compute(&edited);
        assert_eq!(format!("{second:?}"), format!("{now:?}"));
        let (at, _) = state.flags(&edited, 2, None, None).expect("flags");
        assert_eq!(at, 2);
        assert!(
            state.flags(&edited, 2, None, Some(2)).is_none(),
            "already current"
        );
        // Two edits in quick succession: one worker at a time, and the result that ends up
        // shown is that of the last revision; the kept snapshot is brought up to date.
        let mut third = edited.clone();
        third.claims[10].status = crate::model::ClaimStatus::Denied;
        state.analysis_at(&third, 3, None);
        let mut fourth = third.clone();
        fourth.claims.truncate(BACKGROUND_CLAIMS + 50);
        state.analysis_at(&fourth, 4, None);
        assert!(state.is_updating());
        let last = wait(&mut state, &fourth, 4);
        let now = Analysis::compute(&fourth);
        assert_eq!(format!("{last:?}"), format!("{now:?}"));
        assert_eq!(
            state.snapshot.current().map(|(_, w)| w),
            Some(&fourth),
            "the snapshot was brought up to date"
        );
        assert_eq!(
            state.snapshot.full_copies, 1,
            "edits were synced, not cloned"
        );
    }

    #[test]
    fn small_workspaces_are_analysed_at_once() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let mut state = FindingsState::default();
        let a = state.analysis_at(&ws, 7, None).expect("at once");
        assert!(!state.is_updating());
        assert!(!a.findings.items.is_empty());
    }
}
