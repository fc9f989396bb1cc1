//! What the Charts tab says about a claim in words: the hover card of a point (parties, figure as
//! written, status, date, evidence quotes with outlet and date) and one-line summaries for the
//! "not plotted" list.

use crate::chart::Point;
use crate::model::{Claim, Workspace};

/// `Amazon – OpenAI` (subject first), `OpenAI` or `(no parties)`. Plain dashes: egui's default
/// fonts have no arrow glyph.
pub fn parties(subject: Option<&str>, counterparty: Option<&str>) -> String {
    match (subject, counterparty) {
        (Some(s), Some(c)) => format!("{s} – {c}"),
        (Some(s), None) => s.to_owned(),
        (None, Some(c)) => format!("– {c}"),
        (None, None) => "(no parties)".to_owned(),
    }
}

/// One line for a claim in a list: `cl-0003 · Valuation · OpenAI · $300B`.
pub fn claim_line(ws: &Workspace, c: &Claim) -> String {
    // Words only: the claim's id is for tooltips and exports (issue 18).
    let mut parts = vec![c.kind.label().to_owned()];
    let subj = c.subject.as_ref().map(|e| ws.entity_name(e));
    let cp = c.counterparty.as_ref().map(|e| ws.entity_name(e));
    if subj.is_some() || cp.is_some() {
        parts.push(parties(subj, cp));
    }
    if let Some(f) = &c.figure {
        parts.push(f.display());
    }
    parts.join(" · ")
}

/// `“quote” — Outlet, 2025-11-03` for each evidence of the claim.
pub fn evidence_lines(ws: &Workspace, c: &Claim) -> Vec<String> {
    c.evidence
        .iter()
        .map(|ev| {
            let (outlet, date) = ws.document(&ev.doc).map_or_else(
                || (ev.doc.0.clone(), String::new()),
                |d| {
                    let outlet = if d.outlet.trim().is_empty() {
                        d.title.clone()
                    } else {
                        d.outlet.clone()
                    };
                    (
                        outlet,
                        d.published.map(|p| p.to_string()).unwrap_or_default(),
                    )
                },
            );
            let mut src = outlet;
            if let Some(a) = ev.attributed_to.as_deref().filter(|a| !a.trim().is_empty()) {
                src = format!("{src} (citing {a})");
            }
            if !date.is_empty() {
                src = format!("{src}, {date}");
            }
            format!("“{}” — {src}", ev.anchor.exact.trim())
        })
        .collect()
}

/// The hover card of a plotted point.
pub fn point_card(ui: &mut egui::Ui, ws: &Workspace, p: &Point) {
    ui.set_max_width(380.0);
    let claim = ws.claim(&p.claim);
    let kind = claim.map_or("Claim", |c| c.kind.label());
    ui.strong(format!(
        "{kind}: {}",
        parties(p.subject.as_deref(), p.counterparty.as_deref())
    ));
    ui.label(format!("Figure: {}", p.figure_text));
    ui.label(format!("Status: {}", p.status.label()));
    ui.label(format!("Date: {}", p.x.date));
    if p.disagrees {
        ui.colored_label(
            egui::Color32::from_rgb(214, 39, 40),
            format!(
                "Contradicted: {} other report(s) of the same fact state a different value",
                p.same_fact.len()
            ),
        );
    } else if !p.same_fact.is_empty() {
        ui.label(format!(
            "Confirmed by {} other report(s)",
            p.same_fact.len()
        ));
    }
    if let Some(c) = claim {
        if !c.note.trim().is_empty() {
            ui.weak(format!("Note: {}", c.note.trim()));
        }
        ui.separator();
        let lines = evidence_lines(ws, c);
        if lines.is_empty() {
            ui.weak("No evidence attached.");
        }
        for l in lines {
            ui.label(l);
        }
    }
    ui.weak(format!("{} — click to select", p.claim.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_read_as_a_flow() {
        assert_eq!(parties(Some("A"), Some("B")), "A – B");
        assert_eq!(parties(Some("A"), None), "A");
        assert_eq!(parties(None, None), "(no parties)");
    }

    #[test]
    fn sample_evidence_names_its_outlet() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let c = ws
            .claims
            .iter()
            .find(|c| !c.evidence.is_empty())
            .expect("a claim with evidence");
        let lines = evidence_lines(&ws, c);
        let doc = ws.document(&c.evidence[0].doc).expect("doc");
        assert!(lines[0].contains(&doc.outlet), "{}", lines[0]);
        assert!(lines[0].starts_with('“'));
    }
}
