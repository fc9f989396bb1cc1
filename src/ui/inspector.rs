//! The Inspector: edit every field of the selected claim. Each change is one undoable action
//! (typing into a field is one step); invalid input — a high below the low, a date like
//! 2025-13 — is shown next to the field and not applied.

use super::command::Command;
use super::palette;
use super::selection::Selection;
use crate::action::Action;
use crate::model::{
    Claim, ClaimKind, ClaimStatus, Entity, EntityId, Figure, FuzzyDate, Period, Qualifier, Unit,
    Workspace,
};
use std::collections::HashMap;

/// Inspector state: drafts of fields being typed into and their errors.
#[derive(Debug, Default)]
pub struct InspectorState {
    drafts: HashMap<String, String>,
    errors: HashMap<String, String>,
    entity_filter: String,
}

fn edit(claim: &Claim, field: &str, new: Claim, cmds: &mut Vec<Command>) {
    if &new != claim {
        cmds.push(Command::Edit(
            Box::new(Action::ReplaceClaim(Box::new(new))),
            format!("Edit {field}"),
            Some(format!("{}:{field}", claim.id)),
        ));
    }
}

/// A one-line text field bound to `current`, parsed with `parse` on every change; returns the
/// parsed value when it is valid. While the field has focus its draft is kept even if invalid.
/// A qualifier as a person says it ("at least"), not its file name (`at_least`).
fn qualifier_words(q: Qualifier) -> String {
    q.name().replace('_', " ")
}

/// The width of a field in the form's second column: what the pane leaves, at most 170 points,
/// so a narrow Inspector (the right column of a 1024-point window) shows every field whole.
fn field_width(ui: &egui::Ui) -> f32 {
    ui.available_width().clamp(64.0, 170.0)
}

fn text_field<T>(
    ui: &mut egui::Ui,
    caption: egui::Id,
    state: &mut InspectorState,
    key: &str,
    current: String,
    hint: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    let mut draft = state.drafts.get(key).cloned().unwrap_or(current);
    let mut out = None;
    ui.vertical(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut draft)
                .hint_text(hint)
                .desired_width(field_width(ui)),
        );
        super::a11y::labelled(&r, caption);
        if r.changed() {
            match parse(draft.trim()) {
                Ok(v) => {
                    state.errors.remove(key);
                    out = Some(v);
                }
                Err(e) => {
                    state.errors.insert(key.to_owned(), e);
                }
            }
        }
        if r.has_focus() {
            state.drafts.insert(key.to_owned(), draft);
        } else {
            state.drafts.remove(key);
            if !r.lost_focus() {
                state.errors.remove(key);
            }
        }
        if let Some(e) = state.errors.get(key) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
    out
}

/// Parses an amount as typed: `10B`, `$38 billion`, `66.9bn`, `₹1.5 lakh crore`, `2.3%`,
/// `10 GW`, `1,500`. The extractor's money grammar reads it, so a figure typed here means what
/// the same text means in an article.
pub fn parse_amount(s: &str) -> Result<(f64, Option<Unit>), String> {
    crate::extract::money::parse_typed_amount(s)
}

/// Parses a period as typed ([`Period`]'s `FromStr`); empty means none.
pub fn parse_period(s: &str) -> Result<Option<Period>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|e: crate::model::PeriodError| e.to_string())
}

fn parse_date(s: &str) -> Result<Option<FuzzyDate>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.parse::<FuzzyDate>().map(Some).map_err(|e| e.to_string())
}

fn entity_picker(
    ui: &mut egui::Ui,
    caption: egui::Id,
    ws: &Workspace,
    state: &mut InspectorState,
    salt: &str,
    current: &Option<EntityId>,
) -> Option<(Option<EntityId>, Option<Entity>)> {
    let mut out = None;
    let shown = current
        .as_ref()
        .map_or("—".to_owned(), |id| ws.entity_name(id).to_owned());
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(field_width(ui))
        .truncate()
        .show_ui(ui, |ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut state.entity_filter).hint_text("type to filter"),
            );
            super::a11y::name(&r, "Filter entities");
            r.request_focus();
            let f = state.entity_filter.to_lowercase();
            if ui.selectable_label(current.is_none(), "—").clicked() {
                out = Some((None, None));
            }
            let ents = ws.entities_by_name(&f);
            for e in ents {
                if ui
                    .selectable_label(current.as_ref() == Some(&e.id), &e.name)
                    .clicked()
                {
                    out = Some((Some(e.id.clone()), None));
                }
            }
            let name = state.entity_filter.trim().to_owned();
            if !name.is_empty()
                && !ws.entities.iter().any(|e| e.answers_to(&name))
                && ui.button(format!("Create entity “{name}”")).clicked()
            {
                let e = ws.new_entity(&name);
                out = Some((Some(e.id.clone()), Some(e)));
            }
        })
        .response;
    super::a11y::labelled(&r, caption);
    if out.is_some() {
        state.entity_filter.clear();
    }
    out
}

/// Draws the Inspector.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut InspectorState,
    cmds: &mut Vec<Command>,
) {
    let Some(c) = sel.claim.as_ref().and_then(|id| ws.claim(id)) else {
        ui.weak("Select a claim in the table, click a highlight in the Reader, or select text in the Reader to make a new claim from it.");
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 2.0, palette::kind_color(c.kind));
                // The id is for files and exports; a person reads the kind (id on hover).
                ui.strong(c.kind.label())
                    .on_hover_text(format!("claim {}", c.id));
            });
            egui::Grid::new(("claim_fields", &c.id.0))
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    fields_ui(ui, ws, c, state, cmds);
                });
            ui.add_space(4.0);
            let caption = ui.weak("Note").id;
            let mut note = c.note.clone();
            let r = ui.add(
                egui::TextEdit::multiline(&mut note)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
            super::a11y::labelled(&r, caption);
            if r.changed() {
                edit(c, "note", Claim { note, ..c.clone() }, cmds);
            }
            ui.add_space(8.0);
            evidence_ui(ui, ws, c, cmds);
            ui.add_space(8.0);
            if ui
                .button("Delete claim")
                .on_hover_text("Delete this claim and its highlights (undoable)")
                .clicked()
            {
                cmds.push(Command::DeleteClaim(c.id.clone()));
            }
        });
}

fn fields_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    c: &Claim,
    state: &mut InspectorState,
    cmds: &mut Vec<Command>,
) {
    let caption = ui.weak("Kind").id;
    let mut kind = c.kind;
    let r = egui::ComboBox::from_id_salt("kind")
        .selected_text(kind.label())
        .width(field_width(ui))
        .truncate()
        .show_ui(ui, |ui| {
            for k in ClaimKind::ALL {
                ui.selectable_value(&mut kind, k, k.label());
            }
        })
        .response;
    super::a11y::labelled(&r, caption);
    if kind != c.kind {
        edit(c, "kind", Claim { kind, ..c.clone() }, cmds);
    }
    ui.end_row();

    for (label, salt, current) in [
        ("Subject", "subject", &c.subject),
        ("Counterparty", "counterparty", &c.counterparty),
    ] {
        let caption = ui.weak(label).id;
        if let Some((id, new_entity)) = entity_picker(ui, caption, ws, state, salt, current) {
            let mut new = c.clone();
            if salt == "subject" {
                new.subject = id;
            } else {
                new.counterparty = id;
            }
            match new_entity {
                Some(e) => cmds.push(Command::Edit(
                    Box::new(Action::Batch(vec![
                        Action::AddEntity {
                            entity: Box::new(e),
                            index: None,
                        },
                        Action::ReplaceClaim(Box::new(new)),
                    ])),
                    format!("Create entity as {}", label.to_lowercase()),
                    None,
                )),
                None => edit(c, salt, new, cmds),
            }
        }
        ui.end_row();
    }

    figure_rows(ui, c, state, cmds);

    let caption = ui.weak("Period").id;
    let key = format!("{}:period", c.id);
    let cur = c.period.as_ref().map(|p| p.display()).unwrap_or_default();
    if let Some(period) = text_field(
        ui,
        caption,
        state,
        &key,
        cur,
        "7 years, by 2027, per year",
        parse_period,
    ) {
        edit(
            c,
            "period",
            Claim {
                period,
                ..c.clone()
            },
            cmds,
        );
    }
    ui.end_row();

    let caption = ui.weak("Date").id;
    let key = format!("{}:date", c.id);
    let cur = c.as_of.map(|d| d.to_string()).unwrap_or_default();
    // Without a date of its own the claim holds at its document's (the rule every view uses):
    // say so in the empty field.
    let hint = match (c.as_of, ws.claim_date(c)) {
        (None, Some(d)) => format!("{d} (the document's date)"),
        _ => "YYYY, YYYY-MM or YYYY-MM-DD".to_owned(),
    };
    if let Some(as_of) = text_field(ui, caption, state, &key, cur, &hint, parse_date) {
        edit(c, "date", Claim { as_of, ..c.clone() }, cmds);
    }
    ui.end_row();

    let caption = ui.weak("Status").id;
    let mut status = c.status;
    let r = egui::ComboBox::from_id_salt("status")
        .selected_text(status.label())
        .width(field_width(ui))
        .truncate()
        .show_ui(ui, |ui| {
            for s in ClaimStatus::ALL {
                ui.selectable_value(&mut status, s, s.label());
            }
        })
        .response;
    super::a11y::labelled(&r, caption);
    if status != c.status {
        edit(
            c,
            "status",
            Claim {
                status,
                ..c.clone()
            },
            cmds,
        );
    }
    ui.end_row();

    let caption = ui.weak("Tags").id;
    let key = format!("{}:tags", c.id);
    let parse_tags = |s: &str| -> Result<Vec<String>, String> {
        Ok(s.split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect())
    };
    if let Some(tags) = text_field(
        ui,
        caption,
        state,
        &key,
        c.tags.join(", "),
        "comma-separated",
        parse_tags,
    ) {
        edit(c, "tags", Claim { tags, ..c.clone() }, cmds);
    }
    ui.end_row();
}

fn figure_rows(ui: &mut egui::Ui, c: &Claim, state: &mut InspectorState, cmds: &mut Vec<Command>) {
    ui.weak("Figure");
    let Some(f) = &c.figure else {
        if ui.button("Add figure").clicked() {
            edit(
                c,
                "figure",
                Claim {
                    figure: Some(Figure::exact(0.0, Unit::Usd)),
                    ..c.clone()
                },
                cmds,
            );
        }
        ui.end_row();
        return;
    };
    ui.horizontal(|ui| {
        ui.label(f.display());
        if ui
            .small_button("remove")
            .on_hover_text("Remove the figure")
            .clicked()
        {
            edit(
                c,
                "figure",
                Claim {
                    figure: None,
                    ..c.clone()
                },
                cmds,
            );
        }
    });
    ui.end_row();

    let caption = ui.weak("Amount").id;
    let key = format!("{}:amount", c.id);
    let shown = crate::model::figure::format_value(f.low, &f.unit);
    if let Some((low, unit)) = text_field(
        ui,
        caption,
        state,
        &key,
        shown,
        "10B, $38 billion, 2.3%",
        parse_amount,
    ) {
        let mut nf = f.clone();
        nf.low = low;
        if let Some(u) = unit {
            nf.unit = u;
        }
        match nf.validate() {
            Ok(()) => edit(
                c,
                "amount",
                Claim {
                    figure: Some(nf),
                    ..c.clone()
                },
                cmds,
            ),
            Err(e) => {
                state.errors.insert(key, e.to_string());
            }
        }
    }
    ui.end_row();

    let caption = ui.weak("Qualifier").id;
    let mut q = f.qualifier;
    let r = egui::ComboBox::from_id_salt("qualifier")
        .selected_text(qualifier_words(q))
        .width(field_width(ui))
        .truncate()
        .show_ui(ui, |ui| {
            for x in Qualifier::ALL {
                ui.selectable_value(&mut q, x, qualifier_words(x));
            }
        })
        .response;
    super::a11y::labelled(&r, caption);
    if q != f.qualifier {
        let high = if q == Qualifier::Range {
            f.high.or(Some(f.low))
        } else {
            None
        };
        edit(
            c,
            "qualifier",
            Claim {
                figure: Some(Figure {
                    qualifier: q,
                    high,
                    ..f.clone()
                }),
                ..c.clone()
            },
            cmds,
        );
    }
    ui.end_row();

    if f.qualifier == Qualifier::Range {
        let caption = ui.weak("High").id;
        let key = format!("{}:high", c.id);
        let shown = f
            .high
            .map(|h| crate::model::figure::format_value(h, &f.unit))
            .unwrap_or_default();
        let parse_high = |s: &str| -> Result<Option<f64>, String> {
            if s.is_empty() {
                return Ok(None);
            }
            let (h, _) = parse_amount(s)?;
            if h < f.low {
                return Err(format!(
                    "high must not be below low ({})",
                    crate::model::figure::format_value(f.low, &f.unit)
                ));
            }
            Ok(Some(h))
        };
        if let Some(high) = text_field(
            ui,
            caption,
            state,
            &key,
            shown,
            "empty: open-ended",
            parse_high,
        ) {
            edit(
                c,
                "high",
                Claim {
                    figure: Some(Figure { high, ..f.clone() }),
                    ..c.clone()
                },
                cmds,
            );
        }
        ui.end_row();
    }

    let caption = ui.weak("Unit").id;
    let mut unit = f.unit.clone();
    let r = egui::ComboBox::from_id_salt("unit")
        .selected_text(unit.name().to_owned())
        .width(field_width(ui))
        .truncate()
        .show_ui(ui, |ui| {
            let mut units = vec![Unit::Usd, Unit::Gw, Unit::Percent, Unit::Count];
            if let Unit::Currency(_) = &f.unit {
                units.push(f.unit.clone());
            }
            for u in units {
                let name = u.name().to_owned();
                ui.selectable_value(&mut unit, u, name);
            }
        })
        .response;
    super::a11y::labelled(&r, caption);
    if unit != f.unit {
        edit(
            c,
            "unit",
            Claim {
                figure: Some(Figure { unit, ..f.clone() }),
                ..c.clone()
            },
            cmds,
        );
    }
    ui.end_row();
}

fn evidence_ui(ui: &mut egui::Ui, ws: &Workspace, c: &Claim, cmds: &mut Vec<Command>) {
    ui.strong(format!(
        "Evidence ({} in {})",
        c.evidence.len(),
        crate::words::count(c.documents().len(), "document")
    ));
    if c.evidence.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No evidence: select text in a document and “Add selection as evidence”.",
        );
    }
    for (i, ev) in c.evidence.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            match ws.document(&ev.doc) {
                Some(d) => {
                    let date = d.published.map(|p| p.to_string()).unwrap_or_default();
                    ui.weak(format!("{} · {date}", d.outlet));
                    ui.small(&d.title);
                    if ev.orphaned || ev.anchor.validate(&d.text).is_err() {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "orphaned: the quote is no longer at this place in the text",
                        );
                    }
                }
                None => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("missing document {}", ev.doc),
                    );
                }
            }
            ui.label(format!("“{}”", ev.anchor.exact));
            ui.horizontal(|ui| {
                let caption = ui.weak("reporting").id;
                let mut origin = ev.attributed_to.clone().unwrap_or_default();
                let r = ui.add(
                    egui::TextEdit::singleline(&mut origin)
                        .hint_text("original reporter")
                        .desired_width(ui.available_width().clamp(60.0, 140.0)),
                );
                super::a11y::labelled(&r, caption);
                if r.changed() {
                    let mut new = c.clone();
                    new.evidence[i].attributed_to =
                        (!origin.trim().is_empty()).then(|| origin.trim().to_owned());
                    edit(c, &format!("evidence {}", i + 1), new, cmds);
                }
            });
            ui.horizontal(|ui| {
                if ui.link("show in document").clicked() {
                    cmds.push(Command::ShowEvidence(c.id.clone(), i));
                }
                if ui
                    .small_button("remove")
                    .on_hover_text("Remove this evidence (undoable)")
                    .clicked()
                {
                    cmds.push(Command::RemoveEvidence(c.id.clone(), i));
                }
                if ev.orphaned
                    && ui
                        .small_button("Re-attach to selection")
                        .on_hover_text("Attach this evidence to the text selected in the Reader")
                        .clicked()
                {
                    cmds.push(Command::ReattachEvidence(c.id.clone(), i));
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_as_typed() {
        assert_eq!(parse_amount("10B"), Ok((1e10, None)));
        assert_eq!(parse_amount("$38 billion"), Ok((38e9, Some(Unit::Usd))));
        assert_eq!(parse_amount("2.3%"), Ok((2.3, Some(Unit::Percent))));
        assert_eq!(parse_amount("10 GW"), Ok((10.0, Some(Unit::Gw))));
        assert_eq!(parse_amount("1,500"), Ok((1500.0, None)));
        assert_eq!(parse_amount("66.9bn"), Ok((66.9e9, None)));
        assert!(parse_amount("ten").is_err());
        assert!(parse_amount("").is_err());
        assert!(parse_amount("-5B").is_err());
    }

    #[test]
    fn periods_parse_as_typed() {
        assert_eq!(
            parse_period("7 years"),
            Ok(Some(Period::Over { months: 84 }))
        );
        assert_eq!(
            parse_period("over 18 months"),
            Ok(Some(Period::Over { months: 18 }))
        );
        assert_eq!(
            parse_period("by 2027"),
            Ok(Some(Period::By("2027".parse().unwrap())))
        );
        assert_eq!(parse_period("per year"), Ok(Some(Period::PerYear)));
        assert_eq!(parse_period(""), Ok(None));
        assert!(parse_period("by 2025-13").is_err());
        assert!(parse_period("soon").is_err());
    }

    #[test]
    fn dates_are_validated() {
        assert!(parse_date("2025-13").is_err());
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(
            parse_date("2025-10").unwrap().unwrap().to_string(),
            "2025-10"
        );
    }
}
