//! Merge conflicts in words, for the report and the Findings tab: which item, which field, and
//! each recorded value as a person reads it (`at least $10B`, `Amazon`, `In talks`) rather than
//! the RON text stored in the file.

use super::fields::{self, Field};
use super::{ItemKind, MergeConflict, WHOLE_ITEM};
use crate::model::{Claim, ClaimKind, ClaimStatus, EntityId, Figure, FuzzyDate, Period, Workspace};

/// At most this many characters of a value are shown (a document's text can be megabytes).
const MAX_CHARS: usize = 160;

fn shorten(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= MAX_CHARS {
        one
    } else {
        let cut: String = one.chars().take(MAX_CHARS).collect();
        format!("{cut}… ({} characters)", s.chars().count())
    }
}

fn label_of<T>(table: &[Field<T>], field: &str) -> String {
    table
        .iter()
        .find(|f| f.name == field)
        .map_or_else(|| field.replace('_', " "), |f| f.label.to_owned())
}

/// What the conflict is about: `Claim cl-0003 (investment Amazon → OpenAI)`, `Entity Amazon`,
/// `Workspace`.
pub fn item_text(ws: &Workspace, c: &MergeConflict) -> String {
    match c.kind {
        ItemKind::Workspace => "Workspace".into(),
        ItemKind::Claim => match ws.claim(&c.item.as_str().into()) {
            Some(cl) => format!("Claim {} ({})", c.item, claim_words(ws, cl)),
            None => format!("Claim {}", c.item),
        },
        ItemKind::Document => match ws.document(&c.item.as_str().into()) {
            Some(d) => format!("Document “{}” ({})", shorten(&d.title), d.outlet),
            None => format!("Document {}", c.item),
        },
        ItemKind::Entity => format!(
            "Entity {}",
            ws.entity_name(&EntityId::from(c.item.as_str()))
        ),
        ItemKind::Chart => match ws.charts.iter().find(|ch| ch.id.as_str() == c.item) {
            Some(ch) => format!("Chart “{}”", ch.title),
            None => format!("Chart {}", c.item),
        },
        ItemKind::Resolution => format!("Resolution of {}", c.item),
        ItemKind::Feed => format!("Feed {}", c.item),
    }
}

/// The field's name in words (`Counterparty`), or `the whole item` for an edit against a
/// deletion.
pub fn field_text(c: &MergeConflict) -> String {
    if c.field == WHOLE_ITEM {
        return "kept or deleted".into();
    }
    match c.kind {
        ItemKind::Workspace => "Title".into(),
        ItemKind::Claim => label_of(fields::CLAIM, &c.field),
        ItemKind::Document => label_of(fields::DOCUMENT, &c.field),
        ItemKind::Entity => label_of(fields::ENTITY, &c.field),
        ItemKind::Chart => label_of(fields::CHART, &c.field),
        ItemKind::Resolution => label_of(fields::RESOLUTION, &c.field),
        ItemKind::Feed => c.field.replace('_', " "),
    }
}

fn claim_words(ws: &Workspace, c: &Claim) -> String {
    format!(
        "{} {}",
        c.kind.label().to_lowercase(),
        crate::analysis::report::parties_and_figure(ws, c)
    )
}

/// One recorded value in words; `None` (the item deleted on that side) is `deleted`.
pub fn value_text(ws: &Workspace, c: &MergeConflict, value: Option<&str>) -> String {
    let Some(text) = value else {
        return if c.field == WHOLE_ITEM {
            "deleted".into()
        } else {
            "(none)".into()
        };
    };
    let words = match (c.kind, c.field.as_str()) {
        (ItemKind::Claim, WHOLE_ITEM) => ron::from_str::<Claim>(text).ok().map(|cl| {
            format!(
                "kept: {}, {} evidence span{}",
                claim_words(ws, &cl),
                cl.evidence.len(),
                if cl.evidence.len() == 1 { "" } else { "s" }
            )
        }),
        (_, WHOLE_ITEM) => Some("kept".to_owned()),
        (ItemKind::Claim, "figure") => ron::from_str::<Option<Figure>>(text)
            .ok()
            .map(|f| f.map_or_else(|| "no figure".into(), |f| f.display())),
        (ItemKind::Claim, "subject" | "counterparty") | (ItemKind::Entity, "parent") => {
            ron::from_str::<Option<EntityId>>(text)
                .ok()
                .map(|e| e.map_or_else(|| "nobody".into(), |e| ws.entity_name(&e).to_owned()))
        }
        (ItemKind::Claim, "status") => ron::from_str::<ClaimStatus>(text)
            .ok()
            .map(|s| s.label().to_owned()),
        (ItemKind::Claim, "kind") => ron::from_str::<ClaimKind>(text)
            .ok()
            .map(|k| k.label().to_owned()),
        (ItemKind::Claim, "as_of") | (ItemKind::Document, "published") => {
            ron::from_str::<Option<FuzzyDate>>(text)
                .ok()
                .map(|d| d.map_or_else(|| "no date".into(), |d| d.to_string()))
        }
        (ItemKind::Claim, "period") => ron::from_str::<Option<Period>>(text)
            .ok()
            .map(|p| p.map_or_else(|| "no period".into(), |p| p.display())),
        _ => ron::from_str::<String>(text)
            .ok()
            .map(|s| format!("“{}”", shorten(&s)))
            .or_else(|| {
                ron::from_str::<Option<String>>(text)
                    .ok()
                    .map(|s| s.map_or_else(|| "(none)".into(), |s| format!("“{}”", shorten(&s))))
            }),
    };
    words.unwrap_or_else(|| shorten(text))
}
