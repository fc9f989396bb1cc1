//! The command palette (Ctrl+Shift+P / Ctrl+K): one fuzzy search over every command and over
//! the workspace's documents, claims, entities and charts. Type "openai val", press Enter, and
//! the OpenAI valuation chart (or claim) opens. Matching uses `nucleo-matcher` (helix's matcher):
//! every word must match, word starts and runs score higher.

use super::app::ClaimbenchApp;
use super::command::{Command, UiCommand};
use super::layout::Pane;
use crate::model::{ChartId, ClaimId, DocId, EntityId, Workspace};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};

/// At most this many results are listed.
const SHOWN: usize = 50;

/// What a palette entry does when chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// Run a command.
    Command(Command),
    /// Open a document in the Reader.
    Document(DocId),
    /// Select a claim (Inspector, table) and show its first evidence.
    Claim(ClaimId),
    /// Open an entity in the Entities pane.
    Entity(EntityId),
    /// Show a chart.
    Chart(ChartId),
}

/// One searchable entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The text matched and shown.
    pub text: String,
    /// Shown weaker after the text: the kind of entry and a shortcut.
    pub detail: String,
    /// What choosing it does.
    pub target: Target,
}

impl AsRef<str> for Entry {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// The palette's state while it is open.
#[derive(Debug, Default)]
pub struct PaletteState {
    /// What the user typed.
    pub query: String,
    /// The highlighted result.
    pub selected: usize,
    /// Every entry of the workspace, built once per history revision.
    entries: Option<(u64, Vec<Entry>)>,
    /// The shown results for `query`, how many matched in all, and the revision.
    results: Option<(String, u64, Vec<Entry>, usize)>,
}

/// Every entry for a workspace: commands first, then documents, charts, entities, claims.
pub fn entries(ws: &Workspace, ctx: &egui::Context) -> Vec<Entry> {
    let mut out: Vec<Entry> = UiCommand::ALL
        .into_iter()
        .filter(|c| c.in_palette())
        .map(|c| {
            let sc = c
                .shortcut()
                .map(|s| format!(" · {}", ctx.format_shortcut(&s)))
                .unwrap_or_default();
            Entry {
                text: c.label(),
                detail: format!("command{sc}"),
                target: Target::Command(Command::Ui(c)),
            }
        })
        .collect();
    for d in &ws.documents {
        out.push(Entry {
            text: format!("{} — {}", d.title, d.outlet),
            detail: format!("document {}", d.id),
            target: Target::Document(d.id.clone()),
        });
    }
    for c in &ws.charts {
        out.push(Entry {
            text: c.title.clone(),
            detail: format!("chart {}", c.id),
            target: Target::Chart(c.id.clone()),
        });
    }
    for e in &ws.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.aliases.join(", "))
        };
        out.push(Entry {
            text: format!("{}{aliases}", e.name),
            detail: format!("entity {}", e.id),
            target: Target::Entity(e.id.clone()),
        });
    }
    for c in &ws.claims {
        let name = |id: &Option<EntityId>| id.as_ref().map(|i| ws.entity_name(i).to_owned());
        let parties = match (name(&c.subject), name(&c.counterparty)) {
            (Some(s), Some(t)) => format!("{s} → {t}"),
            (Some(s), None) => s,
            (None, Some(t)) => format!("→ {t}"),
            (None, None) => String::new(),
        };
        let figure = c.figure.as_ref().map(|f| f.display()).unwrap_or_default();
        let date = ws.claim_date(c).map(|d| d.to_string()).unwrap_or_default();
        out.push(Entry {
            text: format!("{parties} {} {figure} {date}", c.kind.label())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            detail: format!("claim {} · {}", c.id, c.status.label()),
            target: Target::Claim(c.id.clone()),
        });
    }
    out
}

/// The first `limit` entries matching `query`, best first, and how many matched in all (all
/// commands when the query is empty). Only the shown entries are cloned, so a keystroke over a
/// 100,000-claim workspace costs one match pass.
pub fn search(entries: &[Entry], query: &str, limit: usize) -> (Vec<Entry>, usize) {
    if query.trim().is_empty() {
        let commands: Vec<&Entry> = entries
            .iter()
            .filter(|e| matches!(e.target, Target::Command(_)))
            .collect();
        let n = commands.len();
        return (commands.into_iter().take(limit).cloned().collect(), n);
    }
    let mut matcher = nucleo_matcher::Matcher::new(nucleo_matcher::Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let found = pattern.match_list(entries.iter(), &mut matcher);
    let n = found.len();
    (
        found
            .into_iter()
            .take(limit)
            .map(|(e, _)| e.clone())
            .collect(),
        n,
    )
}

/// The commands that carry out a palette choice.
pub fn commands_for(ws: &Workspace, target: &Target) -> Vec<Command> {
    match target {
        Target::Command(c) => vec![c.clone()],
        Target::Document(d) => vec![
            Command::SelectDocument(d.clone()),
            Command::ShowPane(Pane::Reader),
        ],
        Target::Claim(c) => {
            let mut v = vec![Command::SelectClaim(c.clone())];
            if ws.claim(c).is_some_and(|c| !c.evidence.is_empty()) {
                v.push(Command::ShowEvidence(c.clone(), 0));
            }
            v.push(Command::ShowPane(Pane::Inspector));
            v
        }
        Target::Entity(e) => vec![Command::ShowEntity(e.clone())],
        Target::Chart(c) => vec![Command::ShowChart(c.clone())],
    }
}

/// Draws the palette when it is open.
pub fn palette_ui(ctx: &egui::Context, app: &mut ClaimbenchApp, cmds: &mut Vec<Command>) {
    let Some(state) = app.palette.as_mut() else {
        return;
    };
    let rev = app.session.history.revision();
    if state.entries.as_ref().is_none_or(|(r, _)| *r != rev) {
        state.entries = Some((rev, entries(&app.session.ws, ctx)));
    }
    let stale = state
        .results
        .as_ref()
        .is_none_or(|(q, r, _, _)| q != &state.query || *r != rev);
    if stale {
        let all = state
            .entries
            .as_ref()
            .map(|(_, e)| e.as_slice())
            .unwrap_or(&[]);
        let (found, total) = search(all, &state.query, SHOWN);
        state.results = Some((state.query.clone(), rev, found, total));
        state.selected = 0;
    }
    let mut close = false;
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::new("command_palette")).show(ctx, |ui| {
        ui.set_width(560.0);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .hint_text("Type a command, document, claim, entity or chart…")
                .desired_width(f32::INFINITY),
        );
        edit.widget_info(|| {
            egui::WidgetInfo::text_edit(true, "", state.query.as_str(), "Command palette search")
        });
        super::a11y::name(&edit, "Command palette search");
        edit.request_focus();
        let (results, total) = state
            .results
            .as_ref()
            .map(|r| (r.2.as_slice(), r.3))
            .unwrap_or((&[], 0));
        let n = results.len().min(SHOWN);
        let (down, up, enter, esc) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if n > 0 {
            if down {
                state.selected = (state.selected + 1) % n;
            }
            if up {
                state.selected = (state.selected + n - 1) % n;
            }
        }
        if esc {
            close = true;
        }
        if enter && n > 0 {
            chosen = Some(results[state.selected.min(n - 1)].target.clone());
        }
        ui.separator();
        if results.is_empty() {
            ui.weak("Nothing matches.");
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, e) in results.iter().take(SHOWN).enumerate() {
                    ui.horizontal(|ui| {
                        let r = ui.selectable_label(i == state.selected, &e.text);
                        if i == state.selected && (up || down) {
                            r.scroll_to_me(None);
                        }
                        if r.clicked() {
                            chosen = Some(e.target.clone());
                        }
                        ui.weak(&e.detail);
                    });
                }
                if total > results.len() {
                    ui.weak(format!(
                        "…and {} more; type more to narrow",
                        total - results.len()
                    ));
                }
            });
    });
    if modal.should_close() {
        close = true;
    }
    if let Some(t) = chosen {
        cmds.extend(commands_for(&app.session.ws, &t));
        close = true;
    }
    if close {
        app.palette = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Workspace {
        crate::sample::sample_workspace().expect("sample")
    }

    #[test]
    fn openai_val_finds_the_valuation_chart_and_claims_first() {
        let ws = sample();
        let found = search(&entries(&ws, &egui::Context::default()), "openai val", 50).0;
        assert!(!found.is_empty());
        assert!(
            matches!(found[0].target, Target::Chart(_)),
            "the valuation chart comes first: {}",
            found[0].text
        );
        // Then the three valuation claims of OpenAI, before anything that only matches loosely.
        let valuations = ws
            .claims
            .iter()
            .filter(|c| c.kind == crate::model::ClaimKind::Valuation)
            .count();
        assert!(valuations >= 3);
        for e in &found[..=valuations] {
            let t = e.text.to_lowercase();
            assert!(
                t.contains("openai") && t.contains("valuation"),
                "{}",
                e.text
            );
        }
    }

    #[test]
    fn every_word_must_match() {
        let ws = sample();
        let found = search(
            &entries(&ws, &egui::Context::default()),
            "amazon zzzqqq",
            50,
        )
        .0;
        assert!(found.is_empty());
    }

    #[test]
    fn empty_query_lists_commands_only() {
        let ws = sample();
        let (found, total) = search(&entries(&ws, &egui::Context::default()), "  ", 100);
        assert_eq!(
            found.len(),
            UiCommand::ALL.iter().filter(|c| c.in_palette()).count()
        );
        assert_eq!(total, found.len());
    }

    #[test]
    fn only_the_shown_results_are_returned_with_the_full_count() {
        let ws = sample();
        let all = entries(&ws, &egui::Context::default());
        let (found, total) = search(&all, "a", 5);
        assert_eq!(found.len(), 5);
        assert!(total > 5, "{total}");
        let (everything, n) = search(&all, "a", usize::MAX);
        assert_eq!(n, total);
        assert_eq!(
            everything[..5].iter().map(|e| &e.text).collect::<Vec<_>>(),
            found.iter().map(|e| &e.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn documents_open_in_the_reader() {
        let ws = sample();
        let d = ws.documents[0].id.clone();
        let cmds = commands_for(&ws, &Target::Document(d.clone()));
        assert_eq!(
            cmds,
            vec![Command::SelectDocument(d), Command::ShowPane(Pane::Reader)]
        );
    }
}
