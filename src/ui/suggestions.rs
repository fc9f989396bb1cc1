//! Extraction proposals for the open document: underlined in the Reader and listed with their
//! confidence; accept (creates the claim, or adds the span to a matching claim), reject
//! (remembered in the document), or accept all above a confidence threshold.

use super::background::{Job, Polled, Priority};
use super::command::Command;
use crate::action::Action;
use crate::extract::{Candidate, Extraction, Stopped};
use crate::model::{DocId, SourceDocument, TextRange, Workspace};

/// Documents larger than this (bytes) are extracted on a worker thread.
pub const BACKGROUND_BYTES: usize = 256 * 1024;

type Key = (DocId, String, usize);

/// Suggestions state: the proposals of the last document looked at, and the threshold.
#[derive(Debug)]
pub struct SuggestionsState {
    cache: Option<(DocId, String, usize, Vec<Candidate>)>,
    /// Where the extraction of the cached document ran out of time, if it did.
    stopped: Option<Stopped>,
    /// Extraction of a large document running on a worker thread.
    pending: Option<(Key, super::background::Job<Extraction>)>,
    /// How long one document's extraction may take ([`crate::extract::TIME_LIMIT`]; tests
    /// shorten it).
    pub limit: std::time::Duration,
    /// Asked to repaint when a background extraction finishes.
    ctx: Option<egui::Context>,
    /// "Accept all at N% or more" threshold, 0–1 (a suggestion at exactly N% is taken).
    pub threshold: f64,
    /// Whether the list is expanded.
    pub open: bool,
    /// The extracted candidates' positions in order of their figures' starts (for the sweep
    /// that works out which are open, [`crate::annotate::open_mask`]).
    order: Vec<usize>,
    /// The open proposals with the document, revision and extraction state they are for.
    open_cache: Option<Open>,
    /// A background extraction that finished since the app last asked: document and count.
    finished: Option<(DocId, usize)>,
    /// The derived-data stamp `open_cache` is current at, if known, and the stamp now.
    open_stamp: Option<u64>,
    stamp_now: Option<u64>,
    /// How many times the open proposals were worked out with a walk over every claim.
    pub worked_out: u64,
    /// How many times they were brought up to date from the document's spans after an edit.
    pub patched: u64,
}

/// The open proposals of one document at one workspace revision.
#[derive(Debug)]
struct Open {
    doc: DocId,
    revision: u64,
    /// Whether the extraction was done when they were worked out.
    ready: bool,
    list: std::sync::Arc<Vec<Candidate>>,
    /// Per extracted candidate of the document: whether it is open (empty when nothing was
    /// extracted yet). After an edit of claims with evidence in the document the mask is worked
    /// out again from the spans the derived-data layer keeps, and the list is copied only when
    /// the mask changed.
    mask: Vec<bool>,
}

impl Default for SuggestionsState {
    fn default() -> Self {
        Self {
            cache: None,
            order: Vec::new(),
            stopped: None,
            pending: None,
            limit: crate::extract::TIME_LIMIT,
            open_cache: None,
            finished: None,
            open_stamp: None,
            stamp_now: None,
            worked_out: 0,
            patched: 0,
            ctx: None,
            threshold: 0.8,
            open: true,
        }
    }
}

/// The candidates of `all` that `mask` marks open (the rule is
/// [`crate::annotate::open_candidates`], shared with `claimbench import --accept-above`).
fn kept(all: &[Candidate], mask: &[bool]) -> Vec<Candidate> {
    all.iter()
        .zip(mask)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c.clone())
        .collect()
}

impl SuggestionsState {
    /// Lets a background extraction wake the UI when it finishes.
    pub fn set_ctx(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
    }

    /// Whether a large document is being extracted in the background.
    pub fn is_extracting(&self) -> bool {
        self.pending.is_some()
    }

    /// The open proposals for a document: extracted once per text (and entity list), minus those
    /// already carried by a claim or rejected.
    pub fn proposals(&mut self, ws: &Workspace, doc: &SourceDocument) -> Vec<Candidate> {
        self.open_now(ws, doc).0
    }

    /// [`SuggestionsState::proposals`] and, when the document's extraction is at hand, which of
    /// the extracted candidates they are.
    fn open_now(&mut self, ws: &Workspace, doc: &SourceDocument) -> (Vec<Candidate>, Vec<bool>) {
        let key: Key = (doc.id.clone(), doc.sha256.clone(), ws.entities.len());
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(id, sha, n, _)| (id, sha, n) == (&key.0, &key.1, &key.2));
        if !fresh {
            if let Some((k, job)) = &self.pending
                && k == &key
            {
                match job.poll() {
                    Polled::Done(found) => {
                        self.finished = Some((key.0.clone(), found.candidates.len()));
                        self.stopped = found.stopped;
                        self.order = crate::annotate::by_start(&found.candidates);
                        self.cache = Some((key.0, key.1, key.2, found.candidates));
                        self.pending = None;
                    }
                    Polled::Running => return Default::default(),
                    Polled::Stopped => {
                        self.pending = None;
                        return Default::default();
                    }
                }
            } else if doc.text.len() > BACKGROUND_BYTES {
                let (d, entities, ctx) = (doc.clone(), ws.entities.clone(), self.ctx.clone());
                let limit = self.limit;
                let job = Job::spawn("extraction", Priority::Low, (), ctx, move |_| {
                    crate::extract::extract_document_within(&d, &entities, limit)
                });
                self.pending = Some((key, job));
                return Default::default();
            } else {
                let found = crate::extract::extract_document_within(doc, &ws.entities, self.limit);
                self.stopped = found.stopped;
                self.order = crate::annotate::by_start(&found.candidates);
                self.cache = Some((key.0, key.1, key.2, found.candidates));
            }
        }
        let all = self
            .cache
            .as_ref()
            .map(|c| c.3.as_slice())
            .unwrap_or_default();
        // One walk over every claim for the document's spans: once per document looked at
        // (edits then go through `follow`).
        self.worked_out += 1;
        let spans = crate::annotate::evidence_spans(ws, &doc.id);
        let mask = crate::annotate::open_mask(doc, spans, all, &self.order);
        (kept(all, &mask), mask)
    }

    /// When extraction of `doc` ran out of time: where it stopped, in the words `claimbench
    /// extract` and `import --accept-above` use (`Extraction stopped after 20 s at character
    /// 1204113; the rest was not read for claims.`), so the analyst knows the list is partial.
    pub fn stopped_note(&self, doc: &SourceDocument) -> Option<String> {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(id, sha, ..)| id == &doc.id && sha == &doc.sha256);
        let s = self.stopped.filter(|_| fresh && self.pending.is_none())?;
        let text = s.describe(&doc.text);
        let mut chars = text.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        Some(format!("{}{}.", first.unwrap_or_default(), chars.as_str()))
    }

    /// The document and count of a background extraction that finished since the last call.
    pub fn take_finished(&mut self) -> Option<(DocId, usize)> {
        self.finished.take()
    }

    /// Takes note of the edits since the open proposals were worked out (the app calls it once
    /// a frame, before any pane is drawn): edits that touched no evidence in the document leave
    /// them as they are; edits of claims with evidence in it work the open ones out again from
    /// the document's spans, which the derived-data layer keeps current (a walk over every
    /// claim's evidence cost 15–20 ms at 100,000 claims). Edits of the entities or the text are
    /// left to [`SuggestionsState::proposals_at`] (the extraction itself may change).
    pub fn follow(
        &mut self,
        derived: &mut crate::ui::derived::Derived,
        ws: &Workspace,
        revision: u64,
    ) {
        let now = derived.stamp();
        self.stamp_now = Some(now);
        let Some(open) = &mut self.open_cache else {
            return;
        };
        if open.revision == revision {
            self.open_stamp = Some(now);
            // The document's spans are gathered now, in the frame after its proposals were
            // worked out, so that the first edit in it does not walk every claim.
            if open.ready && !derived.has_spans(&open.doc) {
                derived.spans(ws, &open.doc);
            }
            return;
        }
        let Some(change) = self.open_stamp.and_then(|s| derived.since(s)) else {
            return;
        };
        if change.entities {
            return;
        }
        if change.touches_document(&open.doc) {
            let Some(doc) = ws.document(&open.doc) else {
                return;
            };
            let Some((id, sha, n, all)) = &self.cache else {
                return;
            };
            let same = id == &doc.id && sha == &doc.sha256 && *n == ws.entities.len();
            if !same || !open.ready || self.pending.is_some() || open.mask.len() != all.len() {
                return;
            }
            let spans = derived.spans(ws, &doc.id);
            let spans = spans
                .iter()
                .map(|s| (s.range.start, s.range.end, s.figure.as_ref()));
            let mask = crate::annotate::open_mask(doc, spans, all, &self.order);
            if mask != open.mask {
                open.list = std::sync::Arc::new(kept(all, &mask));
                open.mask = mask;
            }
            self.patched += 1;
        }
        open.revision = revision;
        self.open_stamp = Some(now);
    }

    /// [`SuggestionsState::proposals`], computed once per document text, extraction result and
    /// workspace `revision` and then shared, so a frame costs nothing on a large document.
    pub fn proposals_at(
        &mut self,
        ws: &Workspace,
        doc: &SourceDocument,
        revision: u64,
    ) -> std::sync::Arc<Vec<Candidate>> {
        let ready = self.cache.is_some();
        if let Some(open) = &self.open_cache
            && open.doc == doc.id
            && open.revision == revision
            && open.ready == ready
            && self.pending.is_none()
        {
            return open.list.clone();
        }
        let (list, mask) = self.open_now(ws, doc);
        let list = std::sync::Arc::new(list);
        let ready = self.cache.is_some() && self.pending.is_none();
        self.open_cache = Some(Open {
            doc: doc.id.clone(),
            revision,
            ready,
            list: list.clone(),
            mask,
        });
        self.open_stamp = self.stamp_now;
        list
    }
}

pub use crate::annotate::accept_all;

/// Draws the suggestions list for the open document.
pub fn suggestions_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    doc: &SourceDocument,
    props: &[Candidate],
    state: &mut SuggestionsState,
    cmds: &mut Vec<Command>,
) {
    let stopped = state.stopped_note(doc);
    let header = if state.is_extracting() {
        "Suggestions (finding figures in this large document…)".to_owned()
    } else if stopped.is_some() {
        format!("Suggestions ({}; extraction stopped early)", props.len())
    } else {
        format!("Suggestions ({})", props.len())
    };
    let r = egui::CollapsingHeader::new(header).id_salt("suggestions").open(Some(state.open)).show(ui, |ui| {
        // A partial list says so first: what follows the stop was never read.
        if let Some(note) = &stopped {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if props.is_empty() && stopped.is_some() {
            return;
        }
        if props.is_empty() {
            ui.weak("No open proposals in this document: every figure found is a claim or was rejected.");
            return;
        }
        // Wraps in a narrow pane rather than cutting the button's label.
        ui.horizontal_wrapped(|ui| {
            // The caption and the slider are separate pieces, and the slider goes to the next line
            // when the pane is narrow: egui does not wrap a slider, and one that runs past the
            // pane's edge widens the pane's content, so every row below was cut too.
            let caption = ui.label("Lowest confidence").id;
            // In a wrapping row the available width is the whole row's; what is left of this
            // line is measured from the cursor.
            let left_in_row = ui.max_rect().right() - ui.cursor().min.x;
            if left_in_row < 150.0 {
                ui.end_row();
            }
            let left_in_row = ui.max_rect().right() - ui.cursor().min.x;
            ui.spacing_mut().slider_width = (left_in_row - 60.0).clamp(40.0, 140.0);
            // The value is shown as text beside the slider (a value box of its own would be a
            // second control without a caption for screen readers).
            let r = ui.add(egui::Slider::new(&mut state.threshold, 0.0..=1.0).show_value(false));
            super::a11y::labelled(&r, caption);
            ui.label(format!("{:.0}%", state.threshold * 100.0));
            // Counted every frame, copied only on a click (a large document has thousands).
            let n_above = props.iter().filter(|c| c.confidence >= state.threshold).count();
            if ui
                .add_enabled(n_above > 0, egui::Button::new(format!("Accept all at {:.0}% or more ({n_above})", state.threshold * 100.0)))
                .clicked()
                && let above = props.iter().filter(|c| c.confidence >= state.threshold).cloned().collect::<Vec<Candidate>>()
                && let Some(a) = accept_all(ws, doc, &above)
            {
                cmds.push(Command::Edit(Box::new(a), format!("Accept {}", crate::words::count(above.len(), "suggestion")), None));
            }
        });
        // Only the rows in view are laid out (thousands on a large document).
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().id_salt("suggestions_list").max_height(150.0).show_rows(ui, row_height, props.len(), |ui, rows| {
            for (i, c) in props.iter().enumerate().skip(rows.start).take(rows.len()) {
                let parties = match (&c.subject, &c.counterparty) {
                    (Some(s), Some(t)) => format!("{s} → {t}"),
                    (Some(s), None) => s.clone(),
                    (None, Some(t)) => format!("→ {t}"),
                    (None, None) => "—".into(),
                };
                let date = c.date.map(|d| format!(" · {d}")).unwrap_or_default();
                let heading = if c.in_heading { " · heading" } else { "" };
                let figure = if c.relation_only { "no figure" } else { c.figure_text.as_str() };
                let date_from = if c.date.is_some() && c.date_source != crate::extract::dates::DateSource::Own { format!(" ({})", c.date_source.label()) } else { String::new() };
                // Why the reading may be wrong, so a low score is never a mystery.
                let why = c.doubts.iter().map(|d| format!(" · unsure: {d}")).collect::<String>();
                let text = format!("{figure} · {} · {parties} · {}{date}{date_from}{heading}{why}", c.kind.label(), c.status.label());
                // Buttons first, so they stay in view in a narrow pane; the description follows.
                ui.horizontal(|ui| {
                    ui.monospace(format!("{:>3.0}%", c.confidence * 100.0));
                    if ui.small_button("Accept").on_hover_text("Create the claim, or add this span to the matching claim").clicked() {
                        let (action, id) = crate::annotate::accept_candidate(ws, doc, c, ws.next_claim_id());
                        cmds.push(Command::Edit(Box::new(action), "Accept suggestion".into(), None));
                        cmds.push(Command::SelectClaim(id));
                    }
                    if ui.small_button("Reject").on_hover_text("Do not propose this figure again in this document").clicked() {
                        let mut d = doc.clone();
                        d.rejected.push(TextRange { start: c.figure_start, end: c.figure_end });
                        cmds.push(Command::Edit(Box::new(Action::ReplaceDocument(Box::new(d))), "Reject suggestion".into(), None));
                    }
                    // Cut with an ellipsis in a narrow pane; the whole line and the quote on hover.
                    let link = egui::Button::new(egui::RichText::new(&text).color(ui.visuals().hyperlink_color))
                        .frame(false)
                        .truncate();
                    if ui.add(link).on_hover_text(format!("{text}\n\n“{}”", c.quote)).clicked() {
                        cmds.push(Command::ScrollReader(doc.id.clone(), c.figure_start..c.figure_end));
                    }
                    let _ = i;
                });
            }
        });
    });
    if r.header_response.clicked() {
        state.open = !state.open;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_documents_are_extracted_in_the_background() {
        let mut ws = crate::sample::sample_workspace().unwrap();
        let doc = &mut ws.documents[0];
        let para = "Nvidia said it would invest $2 billion in CoreWeave, a cloud provider. ";
        doc.text = para.repeat(BACKGROUND_BYTES / para.len() + 10);
        doc.sha256 = SourceDocument::hash_text(&doc.text);
        ws.claims.clear();
        let doc = ws.documents[0].clone();
        let mut st = SuggestionsState::default();
        assert!(
            st.proposals(&ws, &doc).is_empty(),
            "nothing yet: the worker runs"
        );
        assert!(st.is_extracting());
        let mut found = Vec::new();
        for _ in 0..600 {
            std::thread::sleep(std::time::Duration::from_millis(50));
            found = st.proposals(&ws, &doc);
            if !st.is_extracting() {
                break;
            }
        }
        assert!(!st.is_extracting(), "the worker finished");
        assert!(found.len() > 100, "{}", found.len());
        // The app is told once, so the user hears about it once.
        let (id, n) = st.take_finished().expect("reported");
        assert_eq!(id, doc.id);
        assert!(n >= found.len(), "{n} extracted, {} open", found.len());
        assert!(st.take_finished().is_none());
    }

    #[test]
    fn a_document_whose_extraction_ran_out_of_time_says_so_in_words() {
        use egui_kittest::kittest::Queryable;
        let ws = crate::sample::sample_workspace().unwrap();
        let doc = ws.documents[0].clone();
        // A full read first: the sample's first article has open proposals and no note.
        let mut st = SuggestionsState::default();
        assert!(!st.proposals(&ws, &doc).is_empty());
        assert_eq!(st.stopped_note(&doc), None);
        // A bound of zero: nothing read, and the note says where and why.
        let mut st = SuggestionsState {
            limit: std::time::Duration::ZERO,
            ..Default::default()
        };
        let props = st.proposals(&ws, &doc);
        assert_eq!(props, vec![]);
        let note = "Extraction stopped after 0 s at character 1; the rest was not read for claims.";
        assert_eq!(st.stopped_note(&doc).as_deref(), Some(note));
        // The words of `claimbench extract` and `import --accept-above`, capitalised.
        let cli = crate::extract::Stopped {
            after: std::time::Duration::ZERO,
            at: 0,
        }
        .describe(&doc.text);
        assert_eq!(note.to_lowercase(), format!("{cli}."));
        // Another document is not described by this note.
        assert_eq!(st.stopped_note(&ws.documents[1]), None);
        let mut harness = egui_kittest::Harness::new_ui(|ui| {
            let mut cmds = Vec::new();
            suggestions_ui(ui, &ws, &doc, &props, &mut st, &mut cmds);
        });
        harness.run();
        harness.get_by_label_contains("Suggestions (0; extraction stopped early)");
        harness.get_by_label(note);
        assert!(
            harness
                .query_by_label_contains("every figure found is a claim")
                .is_none(),
            "a partial list does not claim that everything was seen"
        );
    }

    /// The open proposals followed through edits (proposals accepted and rejected, evidence
    /// moved into and out of the document, figures changed, claims deleted), undo and redo
    /// equal those worked out from scratch, and the edits are followed from the document's
    /// spans rather than by a walk over every claim.
    #[test]
    fn followed_open_proposals_equal_fresh_ones() {
        use crate::action::{Action, History};
        use crate::ui::derived::Derived;
        let mut ws = crate::sample::sample_workspace().unwrap();
        // The document with the most open proposals.
        let doc_id = ws
            .documents
            .iter()
            .max_by_key(|x| SuggestionsState::default().proposals(&ws, x).len())
            .expect("documents")
            .id
            .clone();
        let other = ws
            .documents
            .iter()
            .find(|x| x.id != doc_id)
            .expect("other")
            .id
            .clone();
        let (mut h, mut d, mut st) = (
            History::default(),
            Derived::default(),
            SuggestionsState::default(),
        );
        // What the app does each frame: follow, then draw (which asks for the list).
        let frame =
            |st: &mut SuggestionsState, d: &mut Derived, h: &mut History, ws: &Workspace| {
                d.follow(h, ws);
                h.forget_journal();
                let _ = d.counts_line(ws, h.revision());
                st.follow(d, ws, h.revision());
                let doc = ws.document(&doc_id).expect("doc");
                st.proposals_at(ws, doc, h.revision())
            };
        let first = frame(&mut st, &mut d, &mut h, &ws);
        assert!(first.len() >= 4, "{}", first.len());
        let mut accepted = 0;
        let mut rng = crate::synth::Rng::new(5);
        for step in 0..24 {
            let doc = ws.document(&doc_id).expect("doc").clone();
            let open = st.proposals_at(&ws, &doc, h.revision());
            let in_doc: Vec<usize> = (0..ws.claims.len())
                .filter(|&i| ws.claims[i].evidence.iter().any(|e| e.doc == doc_id))
                .collect();
            let action = match step % 6 {
                0 if !open.is_empty() => {
                    let c = &open[rng.below(open.len())];
                    accepted += 1;
                    crate::annotate::accept_candidate(&ws, &doc, c, ws.next_claim_id()).0
                }
                1 if !open.is_empty() => {
                    let c = &open[rng.below(open.len())];
                    let mut d2 = doc.clone();
                    d2.rejected.push(TextRange {
                        start: c.figure_start,
                        end: c.figure_end,
                    });
                    Action::ReplaceDocument(Box::new(d2))
                }
                2 if !in_doc.is_empty() => {
                    let mut c = ws.claims[in_doc[rng.below(in_doc.len())]].clone();
                    for e in &mut c.evidence {
                        e.doc = other.clone();
                    }
                    Action::ReplaceClaim(Box::new(c))
                }
                3 if !in_doc.is_empty() => {
                    let mut c = ws.claims[in_doc[rng.below(in_doc.len())]].clone();
                    c.figure = None;
                    Action::ReplaceClaim(Box::new(c))
                }
                4 if !in_doc.is_empty() => {
                    Action::DeleteClaim(ws.claims[in_doc[rng.below(in_doc.len())]].id.clone())
                }
                _ => {
                    // An edit elsewhere: nothing to work out.
                    let mut c = ws.claims[rng.below(ws.claims.len())].clone();
                    c.note.push_str(" (checked)");
                    Action::ReplaceClaim(Box::new(c))
                }
            };
            h.apply(&mut ws, action, "edit", None).expect("applies");
            if step % 5 == 4 {
                frame(&mut st, &mut d, &mut h, &ws);
                h.undo(&mut ws).expect("undo");
            }
            if step % 7 == 6 {
                frame(&mut st, &mut d, &mut h, &ws);
                h.undo(&mut ws).expect("undo");
                frame(&mut st, &mut d, &mut h, &ws);
                h.redo(&mut ws).expect("redo");
            }
            let shown = frame(&mut st, &mut d, &mut h, &ws);
            let doc = ws.document(&doc_id).expect("doc");
            let fresh = SuggestionsState::default().proposals(&ws, doc);
            assert_eq!(*shown, fresh, "step {step}");
        }
        assert!(
            st.patched >= 10,
            "patched {} worked out {}",
            st.patched,
            st.worked_out
        );
        assert!(accepted >= 2, "accepted {accepted}");
        assert!(
            st.worked_out <= 1 + 8,
            "worked out again only when entities changed: {}",
            st.worked_out
        );
    }
}
