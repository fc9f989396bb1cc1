//! The findings report as Markdown: counts, contradictions with both quotes and their sources,
//! money loops with amounts and circularity, corroboration per claim, duplicate candidates,
//! orphaned evidence and claims without sources.
//!
//! The output depends only on the workspace (no clock, no paths, stable order), so two reports
//! can be diffed.

use super::corroboration::{corroborations, duplicate_candidates};
use super::facts::Roots;
use super::filter::Filter;
use super::findings::{Finding, Findings, Quote, Severity};
use super::money::MoneyGraph;
use crate::model::{Claim, EntityId, Workspace};
use std::fmt::Write;

/// One evidence span whose anchor no longer fits its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The claim.
    pub claim: crate::model::ClaimId,
    /// 1-based evidence number within the claim.
    pub evidence: usize,
    /// The document id.
    pub doc: crate::model::DocId,
    /// Why it does not fit.
    pub problem: String,
}

/// Every orphaned evidence span, in claim order.
pub fn orphans(ws: &Workspace) -> Vec<Orphan> {
    let mut out = Vec::new();
    for c in &ws.claims {
        for (i, ev) in c.evidence.iter().enumerate() {
            let problem = match ws.document(&ev.doc) {
                None => Some("the document is missing".to_owned()),
                Some(_) if ev.orphaned => Some(format!(
                    "the document's text changed and “{}” was not found again; re-attach it to the new span",
                    one_line(&ev.anchor.exact)
                )),
                Some(d) => ev.anchor.validate(&d.text).err().map(|e| e.to_string()),
            };
            if let Some(problem) = problem {
                out.push(Orphan {
                    claim: c.id.clone(),
                    evidence: i + 1,
                    doc: ev.doc.clone(),
                    problem,
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.claim, a.evidence).cmp(&(&b.claim, b.evidence)));
    out
}

/// `s` with control characters written as `\u{…}` (a NUL in a title, an escape sequence in a
/// name), keeping line breaks when `keep_newlines`.
pub fn escape_controls(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(keep_newlines && c == '\n');
    if !s.contains(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

/// A claim in a few words: its parties and figure, `OpenAI → Nvidia at least $10B` (`?` for a
/// missing party). The report and the merge-conflict descriptions both use it.
pub fn parties_and_figure(ws: &Workspace, c: &Claim) -> String {
    parties_with(|e| ws.entity_name(e), c)
}

/// [`parties_and_figure`] with names from `name` (an index, for many claims).
fn parties_with<'a>(name: impl Fn(&'a EntityId) -> &'a str, c: &'a Claim) -> String {
    let name = |e: &'a Option<EntityId>| e.as_ref().map(|e| name(e).to_owned());
    let parties = match (name(&c.subject), name(&c.counterparty)) {
        (Some(s), Some(t)) => format!("{s} → {t}"),
        (Some(s), None) => s,
        (None, Some(t)) => format!("? → {t}"),
        (None, None) => "?".into(),
    };
    let fig = c
        .figure
        .as_ref()
        .map(|f| format!(" {}", f.display()))
        .unwrap_or_default();
    format!("{parties}{fig}")
}

fn claim_summary(roots: &Roots<'_>, c: &Claim) -> String {
    format!(
        "{} {} ({})",
        c.kind.label(),
        parties_with(|e| roots.name(e), c),
        c.status.label().to_lowercase()
    )
}

fn quote_line(q: &Quote) -> String {
    let (outlet, date) = q.source();
    let fig = if q.figure.is_empty() {
        String::new()
    } else {
        format!(" [{}]", q.figure)
    };
    format!(
        "- {}{fig} — {outlet}, {date} ({}): “{}”",
        q.claim,
        q.doc,
        one_line(&q.text)
    )
}

fn finding_block(out: &mut String, f: &Finding) {
    // The heading says what is wrong in words; the finding's id follows for cross-reference
    // (resolutions in the workspace file name it).
    let severity = match f.severity.name() {
        "hard" => "Hard",
        "soft" => "Soft",
        _ => "Note",
    };
    let _ = writeln!(out, "### {severity}: {}\n", one_line(&f.message));
    let _ = writeln!(out, "Finding `{}`\n", f.id);
    for q in &f.quotes {
        let _ = writeln!(out, "{}", quote_line(q));
    }
    if let Some(r) = &f.resolution {
        let pref = r
            .preferred
            .as_ref()
            .map_or("no preference".to_owned(), |p| format!("prefers {p}"));
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!(": {}", one_line(&r.note))
        };
        let _ = writeln!(out, "\nResolved, {pref}{note}");
    }
    out.push('\n');
}

/// "Merge conflicts": what a merge of two copies left for the analyst to settle, each with its
/// base, ours (kept) and theirs values in words. Only when there are any.
fn merge_conflicts(out: &mut String, ws: &Workspace) {
    use crate::merge::describe::{field_text, item_text, value_text};
    if ws.conflicts.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Merge conflicts\n");
    for c in &ws.conflicts {
        let _ = writeln!(
            out,
            "- {}, {}: ours (kept) {}; theirs {}; before both {}",
            cell(&item_text(ws, c)),
            field_text(c).to_lowercase(),
            cell(&value_text(ws, c, c.ours.as_deref())),
            cell(&value_text(ws, c, c.theirs.as_deref())),
            cell(&value_text(ws, c, c.base.as_deref())),
        );
    }
    out.push('\n');
}

/// Renders the report (module docs).
pub fn render(ws: &Workspace) -> String {
    let findings = Findings::compute(ws);
    let money = MoneyGraph::build(ws, &Filter::default());
    let roots = Roots::new(ws);
    let orphans = orphans(ws);
    let unsourced: Vec<&Claim> = {
        let mut v: Vec<&Claim> = ws.claims.iter().filter(|c| c.evidence.is_empty()).collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    };
    let mut out = String::new();
    let _ = writeln!(out, "# Findings report: {}\n", one_line(&ws.title));
    let _ = writeln!(out, "## Counts\n");
    let _ = writeln!(out, "- documents: {}", ws.documents.len());
    let _ = writeln!(out, "- entities: {}", ws.entities.len());
    let _ = writeln!(out, "- claims: {}", ws.claims.len());
    let _ = writeln!(out, "- evidence spans: {}", ws.evidence_count());
    for s in [Severity::Hard, Severity::Soft, Severity::Info] {
        let (n, r) = findings.count(s);
        let _ = writeln!(out, "- {} findings: {n} ({r} resolved)", s.name());
    }
    let _ = writeln!(out, "- money loops: {}", money.cycles.len());
    let _ = writeln!(out, "- orphaned evidence: {}", orphans.len());
    let _ = writeln!(out, "- claims without sources: {}\n", unsourced.len());
    merge_conflicts(&mut out, ws);

    let _ = writeln!(out, "## Contradictions\n");
    let conflicts: Vec<&Finding> = findings
        .items
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    if conflicts.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for f in conflicts {
        finding_block(&mut out, f);
    }
    let _ = writeln!(out, "## Wording differences\n");
    let infos: Vec<&Finding> = findings
        .items
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .collect();
    if infos.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for f in infos {
        finding_block(&mut out, f);
    }

    let _ = writeln!(out, "## Money loops\n");
    if money.cycles.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for c in &money.cycles {
        let _ = writeln!(out, "### {}\n", money.cycle_text(c));
        let _ = writeln!(out, "| from | to | amount | status | deals | claims |");
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for &e in &c.edges {
            let e = &money.graph[e];
            let deals: Vec<String> = e.deals.iter().map(|d| d.describe()).collect();
            let claims: Vec<String> = e.claims().iter().map(|c| c.to_string()).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(money.name(&e.from)),
                cell(money.name(&e.to)),
                e.amount_text(),
                e.status().label().to_lowercase(),
                cell(&deals.join("; ")),
                claims.join(", ")
            );
        }
        out.push('\n');
        for k in &c.circularity {
            let share = k
                .share
                .map_or("n/a".to_owned(), |s| format!("{:.0}%", s * 100.0));
            let _ = writeln!(
                out,
                "- circularity for {}: {share}. {}",
                money.name(&k.investor),
                k.explanation
            );
        }
        if c.circularity.is_empty() {
            let _ = writeln!(out, "- circularity: n/a (no investment on this loop)");
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Corroboration\n");
    let _ = writeln!(
        out,
        "| claim | what | documents | independent origins | origins |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for k in corroborations(ws) {
        let Some(c) = ws.claim(&k.claim) else {
            continue;
        };
        let names: Vec<String> = k.origins.iter().map(|o| o.name.clone()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            k.claim,
            cell(&claim_summary(&roots, c)),
            k.documents,
            k.independent(),
            cell(&names.join(", "))
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Duplicate candidates\n");
    let dups = duplicate_candidates(ws);
    if dups.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for d in dups {
        let _ = writeln!(out, "- keep {}, absorb {}: {}", d.keep, d.absorb, d.reason);
    }
    out.push('\n');

    let _ = writeln!(out, "## Orphaned evidence\n");
    if orphans.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for o in &orphans {
        let _ = writeln!(
            out,
            "- {} evidence {} in {}: {}",
            o.claim,
            o.evidence,
            o.doc,
            one_line(&o.problem)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Claims without sources\n");
    if unsourced.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for c in unsourced {
        let _ = writeln!(out, "- {}: {}", c.id, claim_summary(&roots, c));
    }
    // Titles, names and quotes come from imported files: no control character reaches the
    // Markdown (or a terminal it is printed to).
    match escape_controls(&out, true) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}
