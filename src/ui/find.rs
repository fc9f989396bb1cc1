//! Find (Ctrl+F): matches in the open document highlighted with next/previous, and a search
//! across all documents listing each match with its context.

use super::command::Command;
use crate::model::{DocId, SourceDocument, Workspace};
use std::ops::Range;

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindState {
    /// The text searched for.
    pub query: String,
    /// Index of the current match in the open document.
    pub current: usize,
    /// Give the query field focus on the next frame.
    pub focus: bool,
    /// Also list matches in every document.
    pub all_documents: bool,
}

/// Case-insensitive (ASCII) matches of `query` in `text`, as byte ranges.
pub fn matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    // ASCII lowercasing keeps byte offsets, so ranges index the original text.
    let hay = text.to_ascii_lowercase();
    let needle = q.to_ascii_lowercase();
    hay.match_indices(&needle)
        .map(|(i, _)| i..i + needle.len())
        .collect()
}

/// Draws the find bar; returns the match ranges in `doc` and the range to scroll to, if the
/// current match changed.
pub fn find_bar_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    doc: &SourceDocument,
    state: &mut Option<FindState>,
    cmds: &mut Vec<Command>,
) -> (Vec<Range<usize>>, Option<Range<usize>>) {
    let Some(f) = state.as_mut() else {
        return (Vec::new(), None);
    };
    let mut close = false;
    let mut moved = false;
    let mut edited = false;
    let found = matches(&doc.text, &f.query);
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut f.query)
                .hint_text("Find in document")
                .desired_width(200.0),
        );
        super::a11y::name(&r, "Find in document");
        if std::mem::take(&mut f.focus) {
            r.request_focus();
        }
        if r.changed() {
            f.current = 0;
            moved = true;
            edited = true;
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        let n = found.len();
        ui.weak(if n == 0 {
            "no matches".to_owned()
        } else {
            format!("{} of {n}", f.current.min(n - 1) + 1)
        });
        if ui
            .add_enabled(n > 0, egui::Button::new("Previous"))
            .clicked()
        {
            f.current = (f.current + n - 1) % n;
            moved = true;
        }
        if ui.add_enabled(n > 0, egui::Button::new("Next")).clicked() || (enter && n > 0) {
            f.current = (f.current + 1) % n;
            moved = true;
            if enter {
                r.request_focus();
            }
        }
        ui.checkbox(&mut f.all_documents, "All documents");
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    // Typing changed the query after the matches above were counted: count them again.
    let found = if edited {
        matches(&doc.text, &f.query)
    } else {
        found
    };
    if f.all_documents && !f.query.trim().is_empty() {
        global_results_ui(ui, ws, &f.query, cmds);
    }
    let scroll =
        (moved && !found.is_empty()).then(|| found[f.current.min(found.len() - 1)].clone());
    if close {
        *state = None;
    }
    (found, scroll)
}

fn global_results_ui(ui: &mut egui::Ui, ws: &Workspace, query: &str, cmds: &mut Vec<Command>) {
    let mut hits: Vec<(&DocId, &str, Range<usize>, String)> = Vec::new();
    for d in &ws.documents {
        for r in matches(&d.text, query) {
            let a = crate::model::anchor::floor_boundary(&d.text, r.start.saturating_sub(40));
            let b = crate::model::anchor::ceil_boundary(&d.text, (r.end + 40).min(d.text.len()));
            hits.push((&d.id, &d.title, r, d.text[a..b].replace('\n', " ")));
        }
    }
    ui.weak(format!(
        "{} in {}",
        crate::words::count(hits.len(), "match"),
        crate::words::count(
            {
                let mut ids: Vec<_> = hits.iter().map(|h| h.0).collect();
                ids.dedup();
                ids.len()
            },
            "document"
        )
    ));
    egui::ScrollArea::vertical()
        .id_salt("global_find")
        .max_height(140.0)
        .show(ui, |ui| {
            for (id, title, r, ctx) in hits.into_iter().take(500) {
                if ui.link(format!("{title}: …{ctx}…")).clicked() {
                    cmds.push(Command::ScrollReader(id.clone(), r));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_case_insensitive_byte_ranges() {
        let t = "Amazon’s AMAZON amazon";
        let m = matches(t, "amazon");
        assert_eq!(m.len(), 3);
        for r in m {
            assert!(t[r].eq_ignore_ascii_case("amazon"));
        }
        assert!(matches(t, "  ").is_empty());
    }
}
