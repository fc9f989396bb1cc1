//! Document details and boilerplate: edit a document's title, outlet, author, URL, publication
//! date and cited origins; mark or unmark a selected span as excluded boilerplate. Each change is
//! one undoable action. Pages the import could not read are listed under the form, and so are
//! the spans the import normalised (beside their original) and the form values and notes it
//! marked. Beside each field read from a web page stands where the import found it (the page's
//! JSON-LD, OpenGraph, a meta name, a visible byline or dateline, the URL path, a feed entry).

use super::command::Command;
use crate::action::Action;
use crate::model::{Claim, FuzzyDate, SourceDocument, TextRange, Workspace};
use std::ops::Range;

fn edit(doc: &SourceDocument, new: SourceDocument, what: &str, cmds: &mut Vec<Command>) {
    if &new != doc {
        cmds.push(Command::Edit(
            Box::new(Action::ReplaceDocument(Box::new(new))),
            format!("Edit document {what}"),
            Some(format!("doc:{}:{what}", doc.id)),
        ));
    }
}

/// The document's metadata form.
pub fn details_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    doc: &SourceDocument,
    cmds: &mut Vec<Command>,
) {
    egui::Grid::new(("doc_details", &doc.id.0))
        .num_columns(3)
        .show(ui, |ui| {
            let mut text_row =
                |ui: &mut egui::Ui,
                 label: &str,
                 value: String,
                 set: &dyn Fn(&mut SourceDocument, String)| {
                    let caption = ui.weak(label).id;
                    let mut v = value;
                    let r = ui.add(egui::TextEdit::singleline(&mut v).desired_width(320.0));
                    super::a11y::labelled(&r, caption);
                    if r.changed() {
                        let mut n = doc.clone();
                        set(&mut n, v);
                        edit(doc, n, &label.to_lowercase(), cmds);
                    }
                    source_label(ui, doc, &label.to_lowercase());
                    ui.end_row();
                };
            text_row(ui, "Title", doc.title.clone(), &|d, v| d.title = v);
            text_row(ui, "Outlet", doc.outlet.clone(), &|d, v| d.outlet = v);
            text_row(
                ui,
                "Author",
                doc.author.clone().unwrap_or_default(),
                &|d, v| d.author = (!v.trim().is_empty()).then(|| v.trim().to_owned()),
            );
            text_row(ui, "URL", doc.url.clone().unwrap_or_default(), &|d, v| {
                d.url = (!v.trim().is_empty()).then(|| v.trim().to_owned())
            });
            text_row(ui, "Cites", doc.cites.join(", "), &|d, v| {
                d.cites = v
                    .split(',')
                    .map(|c| c.trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .collect()
            });
        });
    ui.horizontal(|ui| {
        let caption = ui.weak("Published").id;
        let id = ui.make_persistent_id(("published_draft", &doc.id.0));
        let mut draft: String = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| doc.published.map(|p| p.to_string()).unwrap_or_default());
        let r = ui.add(
            egui::TextEdit::singleline(&mut draft)
                .hint_text("YYYY-MM-DD")
                .desired_width(110.0),
        );
        super::a11y::labelled(&r, caption);
        let parsed = if draft.trim().is_empty() {
            Ok(None)
        } else {
            draft.trim().parse::<FuzzyDate>().map(Some)
        };
        match &parsed {
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            }
            Ok(p) if r.changed() && *p != doc.published => {
                let action = set_published(ws, doc, *p);
                // Keystrokes merge into one undo step only while no claim moves with them
                // (a merged step keeps the first keystroke's inverse).
                let merge = (!matches!(action, Action::Batch(_)))
                    .then(|| format!("doc:{}:published", doc.id));
                cmds.push(Command::Edit(
                    Box::new(action),
                    "Edit document publication date".into(),
                    merge,
                ));
            }
            Ok(_) => {}
        }
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, draft));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        source_label(ui, doc, "published");
    });
    // What the import could not read (a PDF page without a text layer, a page that failed):
    // listed here so the gap is visible wherever the document is looked at.
    if !doc.import_notes.is_empty() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Not imported").strong());
        for note in &doc.import_notes {
            ui.label(note);
        }
    }
    import_marks_ui(ui, doc);
}

/// Where the import found `field` (`title`, `outlet`, `author`, `url`, `published`), as a weak
/// "from …" beside it; nothing for fields typed by hand or documents imported before this was
/// recorded. The note stays after an edit: it says where the import found the value.
fn source_label(ui: &mut egui::Ui, doc: &SourceDocument, field: &str) {
    if let Some(s) = doc
        .import_marks
        .field_sources
        .iter()
        .find(|s| s.field == field)
    {
        ui.weak(format!("from {}", s.from))
            .on_hover_text("Where the import found this value");
    }
}

/// The most changed spans or form values listed before "and N more".
const MAX_LISTED: usize = 200;

/// The most characters of the original text shown in Details.
const MAX_ORIGINAL_CHARS: usize = 20_000;

/// What the import changed in the text (each normalised span beside its original) and the form
/// values and notes it added, under two collapsed headers.
fn import_marks_ui(ui: &mut egui::Ui, doc: &SourceDocument) {
    let marks = &doc.import_marks;
    let at = |r: &TextRange| doc.text.get(r.start..r.end).unwrap_or_default();
    if !marks.regions.is_empty() {
        egui::CollapsingHeader::new(format!("Form values and notes ({})", marks.regions.len()))
            .id_salt(("doc_regions", &doc.id.0))
            .show(ui, |ui| {
                for r in marks.regions.iter().take(MAX_LISTED) {
                    let line = match r.kind {
                        crate::model::RegionKind::FormField => {
                            format!("Field “{}”: {}", r.label, at(&r.range))
                        }
                        crate::model::RegionKind::Note => format!("Note: {}", at(&r.range)),
                    };
                    ui.label(line);
                }
            });
    }
    if !marks.originals.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Normalised at import ({} changes)",
            marks.originals.len()
        ))
        .id_salt(("doc_originals", &doc.id.0))
        .show(ui, |ui| {
            ui.weak("The text reads as on the left; the source had what is on the right.");
            for o in marks.originals.iter().take(MAX_LISTED) {
                ui.label(format!(
                    "“{}” was “{}”",
                    shown(at(&o.range)),
                    shown(&o.original)
                ));
            }
            if marks.originals.len() > MAX_LISTED {
                ui.weak(format!("and {} more", marks.originals.len() - MAX_LISTED));
            }
            egui::CollapsingHeader::new("Original text")
                .id_salt(("doc_original_text", &doc.id.0))
                .show(ui, |ui| {
                    // Laid out each frame while open: the start of a long book is enough to
                    // compare with the Reader.
                    let original = doc.original_text();
                    let cut = original
                        .char_indices()
                        .nth(MAX_ORIGINAL_CHARS)
                        .map_or(original.len(), |(i, _)| i);
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .show(ui, |ui| {
                            ui.label(&original[..cut]);
                            if cut < original.len() {
                                ui.weak("(the rest is left out here)");
                            }
                        });
                });
        });
    }
}

/// A span for display: line breaks as ⏎ and other invisible characters as their code.
fn shown(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => "⏎".to_owned(),
            c if c.is_control() || c == '\u{AD}' => format!("U+{:04X}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// One undo step that sets a document's publication date and carries the claims dated by it
/// along: a claim citing only this document whose date was the old publication date (it was
/// taken from the document when the claim was made) gets the new one. Claims with no date of
/// their own need nothing: they are dated by their documents everywhere
/// ([`Workspace::claim_date`]).
pub fn set_published(ws: &Workspace, doc: &SourceDocument, published: Option<FuzzyDate>) -> Action {
    let mut steps = vec![Action::ReplaceDocument(Box::new(SourceDocument {
        published,
        ..doc.clone()
    }))];
    if let Some(old) = doc.published {
        for c in &ws.claims {
            let only_here = !c.evidence.is_empty() && c.evidence.iter().all(|e| e.doc == doc.id);
            if only_here && c.as_of == Some(old) {
                steps.push(Action::ReplaceClaim(Box::new(Claim {
                    as_of: published,
                    ..c.clone()
                })));
            }
        }
    }
    if steps.len() == 1 {
        steps.remove(0)
    } else {
        Action::Batch(steps)
    }
}

/// `excluded` with `r` added (overlapping and touching ranges merged), sorted.
pub fn exclude(ranges: &[TextRange], r: Range<usize>) -> Vec<TextRange> {
    let mut all: Vec<(usize, usize)> = ranges.iter().map(|x| (x.start, x.end)).collect();
    all.push((r.start, r.end));
    all.sort_unstable();
    let mut out: Vec<TextRange> = Vec::new();
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.end => last.end = last.end.max(e),
            _ => out.push(TextRange { start: s, end: e }),
        }
    }
    out
}

/// `excluded` with `r` removed (ranges cut around it).
pub fn include(ranges: &[TextRange], r: Range<usize>) -> Vec<TextRange> {
    let mut out = Vec::new();
    for x in ranges {
        if x.end <= r.start || x.start >= r.end {
            out.push(*x);
            continue;
        }
        if x.start < r.start {
            out.push(TextRange {
                start: x.start,
                end: r.start,
            });
        }
        if x.end > r.end {
            out.push(TextRange {
                start: r.end,
                end: x.end,
            });
        }
    }
    out
}

/// The action marking (or unmarking) a span of a document as excluded boilerplate.
pub fn set_excluded(doc: &SourceDocument, r: Range<usize>, excluded: bool) -> Action {
    let mut d = doc.clone();
    d.excluded = if excluded {
        exclude(&doc.excluded, r)
    } else {
        include(&doc.excluded, r)
    };
    Action::ReplaceDocument(Box::new(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_shown_by_name() {
        assert_eq!(shown("pro-\ncess\u{7}\u{AD}"), "pro-⏎cessU+0007U+00AD");
    }

    fn tr(s: usize, e: usize) -> TextRange {
        TextRange { start: s, end: e }
    }

    #[test]
    fn excluding_merges_and_including_cuts() {
        assert_eq!(exclude(&[tr(0, 5), tr(10, 20)], 4..12), vec![tr(0, 20)]);
        assert_eq!(exclude(&[tr(10, 20)], 0..5), vec![tr(0, 5), tr(10, 20)]);
        assert_eq!(include(&[tr(0, 20)], 5..10), vec![tr(0, 5), tr(10, 20)]);
        assert_eq!(include(&[tr(0, 20)], 0..30), vec![]);
        assert_eq!(include(&[tr(0, 5)], 6..9), vec![tr(0, 5)]);
    }
}
