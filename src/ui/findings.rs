//! The Findings tab: contradictions and other findings grouped by severity, each with its message
//! and one quote per claim (outlet and date); clicking a finding selects all its claims. A finding
//! can be resolved by picking the preferred claim and writing a note (an undoable edit saved in
//! the workspace). Below the findings: duplicate candidates with a Merge button, claims without
//! sources and orphaned evidence.

pub mod fingerprint;
mod lists;

pub use fingerprint::fingerprint;
pub use lists::{claim_text, merge_action};

use super::app::Selection;
use super::command::Command;
use crate::action::Action;
use crate::analysis::report::{Orphan, orphans};
use crate::analysis::{
    DuplicateCandidate, Finding, Findings, Quote, Severity, duplicate_candidates, resolve_finding,
};
use crate::model::{ClaimId, Resolution, Workspace};
use egui::{Color32, RichText};

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

/// Findings tab state.
#[derive(Debug, Default)]
pub struct FindingsState {
    /// The open "Resolve…" form, if any.
    pub draft: Option<ResolveDraft>,
    /// The last analysis and the history revision of the workspace it was computed from (a
    /// revision names one workspace state within a run, see `History::revision`; hashing the
    /// workspace instead cost ~10 ms a frame at 10 MB of text).
    cache: Option<(u64, Analysis)>,
}

impl FindingsState {
    /// The analysis of `ws` at history revision `revision`, recomputed only when it changed.
    pub fn analysis(&mut self, ws: &Workspace, revision: u64) -> &Analysis {
        let fp = revision;
        if self.cache.as_ref().is_some_and(|(f, _)| *f != fp) {
            self.cache = None;
        }
        &self
            .cache
            .get_or_insert_with(|| (fp, Analysis::compute(ws)))
            .1
    }

    /// The most severe unresolved conflict (hard or soft) of each claim, for flags in the
    /// Claims table.
    pub fn flags(
        &mut self,
        ws: &Workspace,
        revision: u64,
    ) -> std::collections::HashMap<ClaimId, Severity> {
        let mut out = std::collections::HashMap::new();
        for f in &self.analysis(ws, revision).findings.items {
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
        out
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
    let fp = revision;
    let data = match state.cache.take() {
        Some((f, data)) if f == fp => data,
        _ => Analysis::compute(ws),
    };
    let findings = &data.findings;
    egui::ScrollArea::vertical()
        .id_salt("findings_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for s in [Severity::Hard, Severity::Soft, Severity::Info] {
                let (n, resolved) = findings.count(s);
                ui.add_space(4.0);
                ui.heading(
                    RichText::new(format!("{} ({n}, {resolved} resolved)", group_title(s)))
                        .color(severity_color(s)),
                );
                if n == 0 {
                    ui.weak("None.");
                }
                for f in findings.items.iter().filter(|f| f.severity == s) {
                    finding_ui(ui, ws, sel, state, f, cmds);
                }
            }
            ui.separator();
            lists::duplicates_ui(ui, ws, &data.duplicates, cmds);
            ui.separator();
            lists::unsourced_ui(ui, ws, &data.unsourced, cmds);
            ui.separator();
            lists::orphans_ui(ui, ws, &data.orphans, cmds);
        });
    state.cache = Some((fp, data));
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
        ui.weak(format!("{}{fig} — {outlet}, {date}", q.claim));
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
                format!("prefers {p}")
            });
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!(": {}", r.note)
        };
        ui.label(RichText::new(format!("Resolved, {pref}{note}")).color(RESOLVED));
        if ui.small_button("Reopen").clicked() {
            let list: Vec<Resolution> = ws
                .resolutions
                .iter()
                .filter(|x| x.finding != r.finding)
                .cloned()
                .collect();
            cmds.push(edit_resolutions(list, "Reopen finding"));
        }
    });
}

/// The resolutions with one finding's resolution set (replaced or added), sorted by finding id.
pub fn with_resolution(ws: &Workspace, r: Resolution) -> Vec<Resolution> {
    let mut list: Vec<Resolution> = ws
        .resolutions
        .iter()
        .filter(|x| x.finding != r.finding)
        .cloned()
        .collect();
    list.push(r);
    list.sort_by(|a, b| a.finding.cmp(&b.finding));
    list
}

fn edit_resolutions(list: Vec<Resolution>, label: &str) -> Command {
    Command::Edit(
        Box::new(Action::SetResolutions(list)),
        label.to_owned(),
        None,
    )
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
            let text = match f.quotes.iter().find(|q| &q.claim == id) {
                Some(q) if !q.figure.is_empty() => format!("{id} ({}, {})", q.figure, q.outlet),
                Some(q) => format!("{id} ({})", q.outlet),
                None => id.to_string(),
            };
            ui.radio_value(&mut d.preferred, Some(id.clone()), text);
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
                        Ok(edit) => edit
                            .after
                            .map(|r| edit_resolutions(with_resolution(ws, r), "Resolve finding")),
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
