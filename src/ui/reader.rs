//! The Reader: the selected document's text with evidence spans highlighted by claim kind;
//! excluded boilerplate dimmed; clicking a highlight selects its claim.

use super::command::{Command, UiCommand};
use super::palette;
use super::selection::Selection;
use crate::model::{ClaimId, ClaimKind, DocId, SourceDocument, Workspace};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{FontId, Sense, Stroke};
use std::collections::HashSet;
use std::ops::Range;

pub mod paragraphs;

/// Reader state kept between frames.
#[derive(Debug, Default)]
pub struct ReaderState {
    /// Scroll so that this span of this document is visible (set by "show in document").
    pub scroll_to: Option<(DocId, Range<usize>)>,
    /// Scroll back to the top on the next frame (a new document was selected).
    pub scroll_to_top: bool,
    /// The selected text (document and byte range), for "New claim from selection".
    pub selection: Option<(DocId, Range<usize>)>,
    /// Whether the document text had keyboard focus in the last frame.
    pub has_focus: bool,
    /// Where the last plain click in the text landed (document, byte offset): a Shift+click in
    /// another paragraph of a large document selects from there.
    span_anchor: Option<(DocId, usize)>,
    /// Whether `selection` was made with Shift+click across paragraphs of a large document
    /// (each paragraph is a text field of its own there, whose own selection stops at its end).
    spanning: bool,
    /// Extraction proposals for the open document.
    pub suggestions: super::suggestions::SuggestionsState,
    /// The text being edited in the "Replace text…" dialog.
    pub replace_draft: Option<String>,
    /// The find bar (Ctrl+F), when open.
    pub find: Option<super::find::FindState>,
    /// Whether the document details form is shown.
    pub show_details: bool,
    /// Paragraphs of a large open document (only those in view are laid out).
    pub paragraphs: paragraphs::Paragraphs,
    /// The open proposals' byte ranges (sorted) and the longest one's length, for the proposal
    /// list they were built from.
    #[allow(clippy::type_complexity)]
    proposal_ranges: Option<(
        std::sync::Arc<Vec<crate::extract::Candidate>>,
        std::sync::Arc<Vec<Range<usize>>>,
        usize,
    )>,
    /// The open document's highlights with the document and history revision they are for.
    highlights: Option<(DocId, u64, std::sync::Arc<DocHighlights>)>,
    /// The derived-data stamp the highlights are current at, if known, and the stamp now.
    highlights_stamp: Option<u64>,
    stamp_now: Option<u64>,
    /// How many times the highlights were patched after an edit rather than gathered again.
    pub highlights_patched: u64,
}

/// One highlighted evidence span.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// The claim it supports.
    pub claim: ClaimId,
    /// The claim's kind (colour).
    pub kind: ClaimKind,
}

/// A document's highlights and what every frame needs of them, computed once per revision.
#[derive(Clone, Debug, Default)]
pub struct DocHighlights {
    /// The spans, in text order.
    pub list: Vec<Highlight>,
    /// The claim kinds among them, in [`ClaimKind`] order (the legend).
    pub kinds: Vec<ClaimKind>,
    /// The longest span, in bytes.
    pub longest: usize,
}

impl DocHighlights {
    /// The highlights of `doc` in `ws`.
    pub fn of(ws: &Workspace, doc: &DocId) -> Self {
        Self::from_list(highlights(ws, doc))
    }
}

impl DocHighlights {
    /// These highlights of `doc` brought up to date in place after the claims `changed` were
    /// edited (see [`crate::ui::derived::patch_spans`]): no walk over every claim, and no copy
    /// of the list (copying every highlight of a large document cost about 3 ms).
    fn patch(&mut self, ws: &Workspace, doc: &DocId, changed: &HashSet<ClaimId>) {
        let touched = crate::ui::derived::patch_spans(
            &mut self.list,
            ws,
            doc,
            changed,
            |s| {
                (!s.orphaned).then_some(Highlight {
                    range: s.range,
                    claim: s.claim,
                    kind: s.kind,
                })
            },
            |h| (&h.range, &h.claim),
        );
        if touched {
            (self.kinds, self.longest) = Self::summary(&self.list);
        }
    }

    /// The claim kinds among `list` (the legend) and its longest span.
    fn summary(list: &[Highlight]) -> (Vec<ClaimKind>, usize) {
        let mut seen = [false; ClaimKind::ALL.len()];
        let mut longest = 0;
        for h in list {
            if let Some(i) = ClaimKind::ALL.iter().position(|k| *k == h.kind) {
                seen[i] = true;
            }
            longest = longest.max(h.range.len());
        }
        let kinds = ClaimKind::ALL
            .iter()
            .zip(seen)
            .filter(|(_, s)| *s)
            .map(|(k, _)| *k)
            .collect();
        (kinds, longest)
    }

    fn from_list(list: Vec<Highlight>) -> Self {
        let (kinds, longest) = Self::summary(&list);
        Self {
            list,
            kinds,
            longest,
        }
    }
}

impl ReaderState {
    /// Takes note of the edits since the open document's highlights were gathered (the app
    /// calls it once a frame): edits that touched no evidence in it leave them as they are,
    /// edits of a few claims patch them; otherwise they are gathered again when drawn.
    pub fn follow(
        &mut self,
        derived: &mut crate::ui::derived::Derived,
        ws: &Workspace,
        revision: u64,
    ) {
        let now = derived.stamp();
        self.stamp_now = Some(now);
        self.suggestions.follow(derived, ws, revision);
        let Some((doc, r, hl)) = &mut self.highlights else {
            return;
        };
        if *r == revision {
            self.highlights_stamp = Some(now);
            return;
        }
        match self.highlights_stamp.and_then(|s| derived.since(s)) {
            Some(c) if !c.touches_document(doc) => *r = revision,
            // Spans depend on the claims alone: a document edit (a rejected proposal, a
            // replaced text) moves no highlight unless its claims changed too.
            Some(c) if c.claims.len() <= 256 => {
                std::sync::Arc::make_mut(hl).patch(ws, doc, &c.claims);
                *r = revision;
                self.highlights_patched += 1;
            }
            _ => return,
        }
        self.highlights_stamp = Some(now);
    }
}

/// All evidence spans in a document, in text order.
pub fn highlights(ws: &Workspace, doc: &DocId) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = ws
        .claims
        .iter()
        .flat_map(|c| {
            c.evidence
                .iter()
                .filter(|e| &e.doc == doc && !e.orphaned)
                .map(|e| Highlight {
                    range: e.anchor.range(),
                    claim: c.id.clone(),
                    kind: c.kind,
                })
        })
        .collect();
    out.sort_by_key(|h| (h.range.start, h.range.end));
    out
}

/// The claims whose spans contain a byte offset, shortest span first.
pub fn claims_at(hl: &[Highlight], offset: usize) -> Vec<&ClaimId> {
    let mut hits: Vec<&Highlight> = hl.iter().filter(|h| h.range.contains(&offset)).collect();
    hits.sort_by_key(|h| h.range.len());
    hits.into_iter().map(|h| &h.claim).collect()
}

/// What is drawn over a piece of text besides the text itself.
struct Marks<'a> {
    /// Evidence spans.
    hl: &'a [Highlight],
    /// Extraction proposals (underlined).
    proposals: &'a [Range<usize>],
    /// Find matches.
    found: &'a [Range<usize>],
    /// A selection across paragraphs.
    marked: Option<&'a Range<usize>>,
    /// The selected claim (its spans drawn stronger).
    selected: Option<&'a ClaimId>,
}

fn layout(doc: &SourceDocument, span: Range<usize>, marks: &Marks<'_>, ui: &egui::Ui) -> LayoutJob {
    let Marks {
        hl,
        proposals,
        found,
        marked,
        selected,
    } = *marks;
    let text = &doc.text;
    let font = FontId::proportional(15.0);
    let normal = ui.visuals().text_color();
    let dim = ui.visuals().weak_text_color();
    let mut bounds: Vec<usize> = vec![span.start, span.end];
    for h in hl {
        bounds.extend([h.range.start, h.range.end]);
    }
    for r in doc
        .excluded
        .iter()
        .chain(doc.import_marks.regions.iter().map(|m| &m.range))
    {
        bounds.extend([r.start, r.end]);
    }
    for r in proposals.iter().chain(found).chain(marked) {
        bounds.extend([r.start, r.end]);
    }
    bounds.retain(|&b| span.start <= b && b <= span.end && text.is_char_boundary(b));
    bounds.sort_unstable();
    bounds.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut fmt = TextFormat {
            font_id: font.clone(),
            color: normal,
            ..Default::default()
        };
        if doc.is_excluded(a) {
            fmt.color = dim;
            fmt.italics = true;
        }
        let covering: Vec<&Highlight> = hl
            .iter()
            .filter(|h| h.range.start <= a && b <= h.range.end)
            .collect();
        let top = covering
            .iter()
            .find(|h| Some(&h.claim) == selected)
            .or_else(|| covering.iter().min_by_key(|h| h.range.len()));
        // A PDF's form value or note: a thin underline, under any claim highlight.
        if (doc.import_marks.regions.iter()).any(|m| m.range.start <= a && b <= m.range.end) {
            fmt.underline = Stroke::new(1.0, dim);
        }
        if top.is_none() && proposals.iter().any(|r| r.start <= a && b <= r.end) {
            fmt.underline = Stroke::new(1.5, ui.visuals().warn_fg_color);
        }
        if let Some(h) = top {
            let is_sel = Some(&h.claim) == selected;
            fmt.background = palette::highlight(h.kind, is_sel);
            if is_sel {
                fmt.underline = Stroke::new(2.0, palette::kind_color(h.kind));
            }
        }
        if found.iter().any(|r| r.start <= a && b <= r.end) {
            fmt.background = egui::Color32::from_rgba_unmultiplied(0xF0, 0xE4, 0x42, 140);
            fmt.color = egui::Color32::BLACK;
        }
        if marked.is_some_and(|r| r.start <= a && b <= r.end) {
            fmt.background = ui.visuals().selection.bg_fill;
            fmt.color = ui.visuals().selection.stroke.color;
        }
        job.append(&text[a..b], 0.0, fmt);
    }
    job
}

fn byte_of_char(text: &str, char_idx: usize) -> usize {
    text.char_indices()
        .nth(char_idx)
        .map_or(text.len(), |(i, _)| i)
}

fn char_of_byte(text: &str, byte: usize) -> usize {
    text[..crate::model::anchor::floor_boundary(text, byte)]
        .chars()
        .count()
}

/// Draws the Reader; `revision` is the workspace's history revision (cache key for highlights).
pub fn reader_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut ReaderState,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    state.has_focus = false;
    let selection_before = state.selection.clone();
    reader_body_ui(ui, ws, sel, state, cmds, revision);
    // The toolbar above the text was drawn before the text field updated the selection: when
    // it changed, draw once more so "New claim from selection" is enabled as the mouse is
    // released, not at the next event.
    if state.selection != selection_before {
        ui.ctx().request_repaint();
    }
}

fn reader_body_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut ReaderState,
    cmds: &mut Vec<Command>,
    revision: u64,
) {
    let Some(doc) = sel.doc.as_ref().and_then(|id| ws.document(id)) else {
        ui.centered_and_justified(|ui| ui.weak("Select a document in Sources to read it."));
        return;
    };
    ui.heading(&doc.title);
    let mut meta = vec![doc.outlet.clone()];
    if let Some(a) = &doc.author {
        meta.push(format!("by {a}"));
    }
    meta.push(
        doc.published
            .map_or_else(|| "undated".into(), |d| format!("published {d}")),
    );
    if !doc.cites.is_empty() {
        meta.push(format!("cites {}", doc.cites.join(", ")));
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(meta.join(" · "));
        ui.toggle_value(&mut state.show_details, "Details…")
            .on_hover_text("Edit title, outlet, author, URL, publication date and cited origins");
    });
    if state.show_details {
        super::docmeta::details_ui(ui, ws, doc, cmds);
    }
    // Scanning every claim for this document's spans is done once per workspace change.
    let hls = match &state.highlights {
        Some((d, r, hl)) if d == &doc.id && *r == revision => hl.clone(),
        _ => {
            let hl = std::sync::Arc::new(DocHighlights::of(ws, &doc.id));
            state.highlights = Some((doc.id.clone(), revision, hl.clone()));
            state.highlights_stamp = state.stamp_now;
            hl
        }
    };
    let hl = hls.list.as_slice();
    legend_ui(ui, &hls.kinds, !doc.excluded.is_empty());
    if !doc.import_marks.regions.is_empty() {
        ui.small(egui::RichText::new("underlined: form values and notes from the PDF").weak());
    }
    if state.selection.as_ref().is_some_and(|(d, _)| d != &doc.id) {
        state.selection = None;
    }
    // The toolbar holds the same controls, of the same widths, whether or not text is
    // selected, and wraps inside the pane: a selection starting must not move or re-wrap the
    // text under a dragging pointer.
    ui.horizontal_wrapped(|ui| {
        let has_sel = state.selection.is_some();
        let sc = UiCommand::NewClaimFromSelection
            .shortcut()
            .map(|s| ui.ctx().format_shortcut(&s));
        let new =
            egui::Button::new("New claim from selection").shortcut_text(sc.unwrap_or_default());
        if ui
            .add_enabled(has_sel, new)
            .on_disabled_hover_text("Select text in the document first")
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::NewClaimFromSelection));
        }
        if ui
            .add_enabled(
                has_sel && sel.claim.is_some(),
                egui::Button::new("Add selection as evidence"),
            )
            .on_disabled_hover_text("Select a claim and some text first")
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::AddSelectionAsEvidence));
        }
        let inside = state.selection.as_ref().is_some_and(|(_, r)| {
            doc.excluded
                .iter()
                .any(|x| x.start <= r.start && r.end <= x.end)
        });
        let label = if inside { "Include selection" } else { "Exclude selection" };
        if ui
            .add_enabled(has_sel, egui::Button::new(label))
            .on_hover_text("Mark or unmark the selected text as boilerplate (ads, comments): dimmed and ignored by extraction")
            .clicked()
            && let Some((_, r)) = state.selection.clone()
        {
            let action = super::docmeta::set_excluded(doc, r, !inside);
            let name = if inside { "Include text" } else { "Exclude boilerplate" };
            cmds.push(Command::Edit(Box::new(action), name.into(), None));
        }
        if ui
            .button("Replace text…")
            .on_hover_text("Paste a newer version of this document; evidence is found again or flagged as orphaned")
            .clicked()
        {
            state.replace_draft = Some(doc.text.clone());
        }
        let count = match &state.selection {
            Some((_, r)) => format!(
                "{} characters selected",
                doc.text[r.clone()].chars().count()
            ),
            None => "no text selected".to_owned(),
        };
        // A fixed slot, so the count appearing does not change the row.
        let h = ui.spacing().interact_size.y;
        ui.add_sized(
            [170.0, h],
            egui::Label::new(egui::RichText::new(count).weak()).truncate(),
        );
    });
    if let Some(draft) = &mut state.replace_draft {
        let mut close = None;
        egui::Modal::new(egui::Id::new("replace_text")).show(ui.ctx(), |ui| {
            ui.set_width(640.0);
            ui.heading("Replace text");
            ui.label("Paste or edit the new version. Evidence is found again by its quote and context; what cannot be found is kept and flagged as orphaned.");
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                let r = ui.add(egui::TextEdit::multiline(draft).desired_width(f32::INFINITY).desired_rows(16));
                super::a11y::name(&r, "New document text");
            });
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    close = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    close = Some(false);
                }
            });
        });
        match close {
            Some(true) => {
                if let Some(text) = state.replace_draft.take()
                    && text != doc.text
                {
                    cmds.push(Command::ReplaceText(doc.id.clone(), text));
                }
            }
            Some(false) => state.replace_draft = None,
            None => {}
        }
    }
    let (found, scroll_to_match) = super::find::find_bar_ui(ui, ws, doc, &mut state.find, cmds);
    if let Some(r) = scroll_to_match {
        // The current match becomes the selection, so Ctrl+Shift+N works without a mouse.
        state.selection = Some((doc.id.clone(), r.clone()));
        state.spanning = false;
        state.scroll_to = Some((doc.id.clone(), r));
    }
    state.suggestions.set_ctx(ui.ctx());
    let proposals = state.suggestions.proposals_at(ws, doc, revision);
    // The proposals' ranges, sorted, built once per proposal list (thousands on a large
    // document) rather than every frame.
    let fresh = state
        .proposal_ranges
        .as_ref()
        .is_some_and(|(p, _, _)| std::sync::Arc::ptr_eq(p, &proposals));
    if !fresh {
        let mut ranges: Vec<Range<usize>> = proposals
            .iter()
            .map(|c| c.figure_start..c.figure_end)
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let longest = ranges.iter().map(|r| r.len()).max().unwrap_or(0);
        state.proposal_ranges = Some((proposals.clone(), std::sync::Arc::new(ranges), longest));
    }
    let (proposal_ranges, proposals_longest) = match &state.proposal_ranges {
        Some((_, r, l)) => (r.clone(), *l),
        None => (Default::default(), 0),
    };
    ui.separator();

    let inputs = Inputs {
        doc,
        proposals: &proposal_ranges,
        proposals_longest,
        found: &found,
        selected: sel.claim.as_ref(),
        sel_claim: sel.claim.is_some(),
        marked: state
            .selection
            .as_ref()
            .filter(|(d, _)| state.spanning && d == &doc.id)
            .map(|(_, r)| r.clone()),
    };
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("reader", &doc.id.0))
        .auto_shrink([false, false]);
    if std::mem::take(&mut state.scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    if doc.text.len() > paragraphs::LARGE_DOCUMENT {
        large_text_ui(ui, scroll, &inputs, hl, hls.longest, state, cmds);
        return;
    }
    scroll.show(ui, |ui| {
        let (galley, pos) = text_block_ui(ui, &inputs, 0..doc.text.len(), hl, state, cmds);
        if let Some((d, range)) = &state.scroll_to
            && d == &doc.id
        {
            let r = galley.pos_from_cursor(CCursor::new(char_of_byte(&doc.text, range.start)));
            ui.scroll_to_rect(
                r.translate(pos.to_vec2()).expand(40.0),
                Some(egui::Align::Center),
            );
            state.scroll_to = None;
        }
    });
}

/// What every piece of the text is drawn from.
struct Inputs<'a> {
    doc: &'a SourceDocument,
    /// Sorted by start.
    proposals: &'a [Range<usize>],
    /// The longest proposal, in bytes.
    proposals_longest: usize,
    found: &'a [Range<usize>],
    /// A selection across paragraphs, drawn as selected text.
    marked: Option<Range<usize>>,
    selected: Option<&'a ClaimId>,
    sel_claim: bool,
}

/// A large document: only the paragraphs in view are laid out and drawn (see [`paragraphs`]).
fn large_text_ui(
    ui: &mut egui::Ui,
    mut scroll: egui::ScrollArea,
    inp: &Inputs<'_>,
    hl: &[Highlight],
    longest: usize,
    state: &mut ReaderState,
    cmds: &mut Vec<Command>,
) {
    let doc = inp.doc;
    let font = FontId::proportional(15.0);
    let row_height = ui.fonts_mut(|f| f.row_height(&font));
    let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'e'));
    let width = ui.available_width() - ui.spacing().scroll.bar_width - 4.0;
    state.paragraphs.update(doc, width, row_height, char_width);
    if let Some((d, range)) = state.scroll_to.take()
        && d == doc.id
    {
        let i = state.paragraphs.of_byte(range.start);
        scroll = scroll.vertical_scroll_offset((state.paragraphs.top(i) - 80.0).max(0.0));
    }
    scroll.show_viewport(ui, |ui, viewport| {
        let total = state.paragraphs.total_height();
        ui.set_height(total);
        let origin = ui.max_rect().min;
        let mut i = state.paragraphs.first_at(viewport.min.y);
        let n = state.paragraphs.ranges.len();
        while i < n && state.paragraphs.top(i) < viewport.max.y {
            let span = state.paragraphs.ranges[i].clone();
            let top = state.paragraphs.top(i);
            let rect = egui::Rect::from_min_size(
                origin + egui::vec2(0.0, top),
                egui::vec2(width, f32::INFINITY),
            );
            // Every span that may overlap the paragraph (a few more that end before it do no
            // harm: layout and hit tests only look inside the paragraph).
            let own = paragraphs::maybe_overlapping(hl, &span, longest);
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).id_salt(i));
            text_block_ui(&mut child, inp, span, own, state, cmds);
            let h = child.min_rect().height();
            state.paragraphs.set_height(i, h);
            i += 1;
        }
    });
}

/// One read-only text field showing `doc.text[span]` with its highlights; handles selection,
/// hover, clicks on highlights and the context menu. Returns the galley and where it was drawn.
fn text_block_ui(
    ui: &mut egui::Ui,
    inp: &Inputs<'_>,
    span: Range<usize>,
    hl: &[Highlight],
    state: &mut ReaderState,
    cmds: &mut Vec<Command>,
) -> (std::sync::Arc<egui::Galley>, egui::Pos2) {
    let doc = inp.doc;
    let base = span.start;
    let piece = &doc.text[span.clone()];
    // Only the marks touching this piece: the layout below is linear in them.
    let near = |rs: &[Range<usize>]| -> Vec<Range<usize>> {
        rs.iter()
            .filter(|r| r.end > span.start && r.start < span.end)
            .cloned()
            .collect()
    };
    let proposals = paragraphs::ranges_overlapping(inp.proposals, &span, inp.proposals_longest);
    let found = near(inp.found);
    let mut layouter = |ui: &egui::Ui, _text: &dyn egui::TextBuffer, _wrap: f32| {
        ui.ctx().fonts_mut(|f| {
            let marks = Marks {
                hl,
                proposals: &proposals,
                found: &found,
                marked: inp.marked.as_ref(),
                selected: inp.selected,
            };
            f.layout_job(layout(doc, span.clone(), &marks, ui))
        })
    };
    let mut text: &str = piece;
    let output = egui::TextEdit::multiline(&mut text)
        .id_salt(("reader_text", &doc.id.0, base))
        .frame(egui::Frame::NONE)
        .margin(egui::Margin::ZERO)
        .desired_rows(1)
        .desired_width(f32::INFINITY)
        .layouter(&mut layouter)
        .show(ui);
    let response = &output.response.response;
    super::a11y::name(response, "Document text");
    let (galley, pos) = (output.galley.clone(), output.galley_pos);
    if response.has_focus() {
        state.has_focus = true;
    }
    // A large document: a plain click sets where a Shift+click in another paragraph selects
    // from; that selection is kept over the text fields' own until the next plain click.
    if doc.text.len() > paragraphs::LARGE_DOCUMENT
        && (response.clicked() || response.drag_started())
        && let Some(p) = response.interact_pointer_pos()
    {
        let at = base + byte_of_char(piece, galley.cursor_from_pos(p - pos).index.0);
        let shift = ui.input(|i| i.modifiers.shift);
        match &state.span_anchor {
            Some((d, anchor)) if shift && d == &doc.id => {
                let (a, b) = ((*anchor).min(at), (*anchor).max(at));
                state.selection = (a < b).then(|| (doc.id.clone(), a..b));
                state.spanning = state.selection.is_some();
            }
            _ => {
                state.span_anchor = Some((doc.id.clone(), at));
                state.spanning = false;
            }
        }
    }
    let cursor_range = anchor_at_press(ui, &output);
    // The text selection, in bytes, kept when focus moves to a button elsewhere.
    if response.has_focus()
        && !state.spanning
        && let Some(r) = cursor_range
    {
        let [a, b] = r.sorted_cursors();
        let (a, b) = (
            base + byte_of_char(piece, a.index.0),
            base + byte_of_char(piece, b.index.0),
        );
        state.selection = (a < b).then(|| (doc.id.clone(), a..b));
    }
    let hovered_claim = response.hover_pos().and_then(|p| {
        let c = galley.cursor_from_pos(p - pos);
        claims_at(hl, base + byte_of_char(piece, c.index.0))
            .first()
            .copied()
    });
    if hovered_claim.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked()
        && state.selection.as_ref().is_none_or(|(_, r)| r.is_empty())
        && let Some(p) = response.interact_pointer_pos()
    {
        let c = galley.cursor_from_pos(p - pos);
        let hits = claims_at(hl, base + byte_of_char(piece, c.index.0));
        // Clicking the selected claim's span again cycles to overlapping claims.
        let next = match inp.selected.and_then(|s| hits.iter().position(|h| *h == s)) {
            Some(i) => hits.get((i + 1) % hits.len()),
            None => hits.first(),
        };
        if let Some(id) = next {
            cmds.push(Command::SelectClaim((*id).clone()));
        }
    }
    response.context_menu(|ui| {
        let has_sel = state.selection.is_some();
        if ui
            .add_enabled(has_sel, egui::Button::new("New claim from selection"))
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::NewClaimFromSelection));
            ui.close();
        }
        if let Some((_, r)) = state.selection.clone() {
            let inside = doc
                .excluded
                .iter()
                .any(|x| x.start <= r.start && r.end <= x.end);
            let (label, exclude) = if inside {
                ("Include selection (not boilerplate)", false)
            } else {
                ("Exclude selection as boilerplate", true)
            };
            if ui.button(label).clicked() {
                let action = super::docmeta::set_excluded(doc, r, exclude);
                let name = if exclude {
                    "Exclude boilerplate"
                } else {
                    "Include text"
                };
                cmds.push(Command::Edit(Box::new(action), name.into(), None));
                ui.close();
            }
        }
        if ui
            .add_enabled(
                has_sel && inp.sel_claim,
                egui::Button::new("Add selection as evidence"),
            )
            .clicked()
        {
            cmds.push(Command::Ui(UiCommand::AddSelectionAsEvidence));
            ui.close();
        }
    });
    (galley, pos)
}

/// A drag selects from where the button went down. egui anchors a text selection where the
/// pointer is in the first frame that sees the press; on a busy machine that frame also carries
/// the first moves of a quick drag, and the selection then starts words later than the person
/// pressed. The anchor is put back at the press position (not for Shift+click, which extends,
/// nor for double and triple clicks, which select a word or a line).
fn anchor_at_press(
    ui: &egui::Ui,
    output: &egui::text_edit::TextEditOutput,
) -> Option<egui::text::CCursorRange> {
    let response = &output.response.response;
    let origin = ui.input(|i| {
        (i.pointer.any_pressed() && !i.modifiers.shift)
            .then(|| i.pointer.press_origin())
            .flatten()
    });
    // On the press frame the field is not focused yet: its range is in its state only.
    if let Some(origin) = origin
        && response.rect.contains(origin)
        && !response.double_clicked()
        && !response.triple_clicked()
        && let Some(mut range) = output.state.cursor.char_range()
    {
        let anchor = output.galley.cursor_from_pos(origin - output.galley_pos);
        if anchor.index != range.secondary.index {
            range.secondary = anchor;
            let mut st = output.state.clone();
            st.cursor.set_char_range(Some(range));
            st.store(ui.ctx(), response.id);
        }
        return output.cursor_range.map(|_| range);
    }
    output.cursor_range
}

fn legend_ui(ui: &mut egui::Ui, kinds: &[ClaimKind], has_excluded: bool) {
    if kinds.is_empty() && !has_excluded {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for &k in kinds {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, palette::highlight(k, true));
            ui.small(k.label());
        }
        if has_excluded {
            ui.small(
                egui::RichText::new("dimmed: excluded boilerplate (ads, comments)")
                    .italics()
                    .weak(),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_and_byte_offsets_agree() {
        let t = "a’b c";
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(byte_of_char(t, ci), bi);
            assert_eq!(char_of_byte(t, bi), ci);
        }
        assert_eq!(byte_of_char(t, 99), t.len());
    }

    /// Highlights followed through edits (evidence moved in, out and within the open document,
    /// a claim deleted, one created with the same span as another, an undo) equal those gathered
    /// again from every claim, in the same order; edits elsewhere leave them untouched.
    #[test]
    fn followed_highlights_equal_gathered_ones() {
        use crate::action::{Action, History};
        use crate::ui::derived::Derived;
        let mut spec = crate::synth::SynthSpec::new(6, 400);
        spec.big_doc_bytes = 10_000;
        let mut ws = crate::synth::generate(&spec);
        let (mut h, mut d, mut state) = (
            History::default(),
            Derived::default(),
            ReaderState::default(),
        );
        let doc = ws.claims[0].evidence[0].doc.clone();
        let rev = |h: &History| h.revision();
        let draw = |state: &mut ReaderState, ws: &Workspace, r: u64| {
            // What the Reader does when drawn: gathers the highlights when they are not current.
            match &state.highlights {
                Some((dd, rr, hl)) if *dd == doc && *rr == r => hl.clone(),
                _ => {
                    let hl = std::sync::Arc::new(DocHighlights::of(ws, &doc));
                    state.highlights = Some((doc.clone(), r, hl.clone()));
                    state.highlights_stamp = state.stamp_now;
                    hl
                }
            }
        };
        d.follow(&h, &ws);
        let _ = d.counts_line(&ws, rev(&h));
        state.follow(&mut d, &ws, rev(&h));
        draw(&mut state, &ws, rev(&h));
        let in_doc = |ws: &Workspace| -> Vec<usize> {
            (0..ws.claims.len())
                .filter(|&i| ws.claims[i].evidence.iter().any(|e| e.doc == doc))
                .collect()
        };
        let mut rng = crate::synth::Rng::new(3);
        for step in 0..30 {
            let inside = in_doc(&ws);
            let i = inside[rng.below(inside.len())];
            let j = rng.below(ws.claims.len());
            let action = match step % 5 {
                // Evidence moved out of the open document.
                0 => {
                    let mut c = ws.claims[i].clone();
                    let other = ws.documents.iter().find(|x| x.id != doc).expect("other");
                    for e in &mut c.evidence {
                        e.doc = other.id.clone();
                    }
                    Action::ReplaceClaim(Box::new(c))
                }
                // Another claim's span copied in: a tie with an existing highlight.
                1 => {
                    let mut c = ws.claims[j].clone();
                    let mut e = ws.claims[i].evidence[0].clone();
                    // Now and then orphaned: kept among the spans, never highlighted.
                    e.orphaned = step % 4 == 1;
                    c.evidence.push(e);
                    Action::ReplaceClaim(Box::new(c))
                }
                2 => Action::DeleteClaim(ws.claims[i].id.clone()),
                3 => {
                    let mut c = ws.claims[i].clone();
                    c.id = ClaimId::new(format!("extra-{step}"));
                    Action::CreateClaim {
                        claim: Box::new(c),
                        index: Some(j),
                    }
                }
                // An edit elsewhere (or a kind change in the document).
                _ => {
                    let mut c = ws.claims[j].clone();
                    c.kind = ClaimKind::Valuation;
                    Action::ReplaceClaim(Box::new(c))
                }
            };
            h.apply(&mut ws, action, "edit", None).expect("edit");
            if step % 6 == 5 {
                h.undo(&mut ws).expect("undo");
            }
            if step % 6 == 2 {
                h.undo(&mut ws).expect("undo");
                h.redo(&mut ws).expect("redo");
            }
            d.follow(&h, &ws);
            h.forget_journal();
            let _ = d.counts_line(&ws, rev(&h));
            state.follow(&mut d, &ws, rev(&h));
            let shown = draw(&mut state, &ws, rev(&h));
            assert_eq!(shown.list, highlights(&ws, &doc), "step {step}");
            let fresh = DocHighlights::of(&ws, &doc);
            assert_eq!((&shown.kinds, shown.longest), (&fresh.kinds, fresh.longest));
        }
        assert!(
            state.highlights_patched >= 10,
            "patched, not gathered again"
        );
    }

    #[test]
    fn innermost_claim_wins() {
        let hl = vec![
            Highlight {
                range: 0..20,
                claim: "cl-1".into(),
                kind: ClaimKind::Investment,
            },
            Highlight {
                range: 5..10,
                claim: "cl-2".into(),
                kind: ClaimKind::Valuation,
            },
        ];
        assert_eq!(
            claims_at(&hl, 6),
            vec![&ClaimId::from("cl-2"), &ClaimId::from("cl-1")]
        );
        assert_eq!(claims_at(&hl, 15), vec![&ClaimId::from("cl-1")]);
        assert!(claims_at(&hl, 25).is_empty());
    }
}
