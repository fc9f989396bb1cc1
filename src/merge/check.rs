//! What `check` verifies of recorded merge conflicts: each names a field its kind of item has,
//! and each recorded value parses as that field (or as the whole item), so Keep ours, Take
//! theirs and the report can always read it. A conflict whose item was deleted since is stale,
//! not wrong: it is listed and can be dismissed.

use super::fields::Field;
use super::items::Item;
use super::{ItemKind, MergeConflict, WHOLE_ITEM, fields};
use crate::model::{Chart, Claim, Entity, FeedSubscription, Resolution, SourceDocument, Workspace};

fn check_item<T: Item + serde::de::DeserializeOwned>(
    list: &[T],
    c: &MergeConflict,
    table: &[Field<T>],
) -> Result<(), String> {
    let values = [("base", &c.base), ("ours", &c.ours), ("theirs", &c.theirs)];
    if c.field == WHOLE_ITEM {
        for (side, v) in values {
            if let Some(v) = v {
                let item: T = ron::from_str(v).map_err(|e| format!("{side} value: {e}"))?;
                if item.key() != c.item {
                    return Err(format!("{side} value is another item ({})", item.key()));
                }
            }
        }
        return Ok(());
    }
    let f = table
        .iter()
        .find(|f| f.name == c.field)
        .ok_or_else(|| format!("no field “{}”", c.field))?;
    let Some(item) = list.iter().find(|x| x.key() == c.item) else {
        return Ok(());
    };
    for (side, v) in values {
        if let Some(v) = v {
            let mut probe = item.clone();
            (f.set)(&mut probe, v).map_err(|e| format!("{side} value: {e}"))?;
        }
    }
    Ok(())
}

/// One message per recorded conflict that cannot be read back, with its index.
pub fn conflict_problems(ws: &Workspace) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, c) in ws.conflicts.iter().enumerate() {
        let r = match c.kind {
            ItemKind::Workspace if c.field == "title" => [&c.base, &c.ours, &c.theirs]
                .into_iter()
                .flatten()
                .try_for_each(|v| {
                    ron::from_str::<String>(v)
                        .map(drop)
                        .map_err(|e| e.to_string())
                }),
            ItemKind::Workspace => Err(format!("no field “{}”", c.field)),
            ItemKind::Claim => check_item::<Claim>(&ws.claims, c, fields::CLAIM),
            ItemKind::Document => check_item::<SourceDocument>(&ws.documents, c, fields::DOCUMENT),
            ItemKind::Entity => check_item::<Entity>(&ws.entities, c, fields::ENTITY),
            ItemKind::Chart => check_item::<Chart>(&ws.charts, c, fields::CHART),
            ItemKind::Resolution => {
                check_item::<Resolution>(&ws.resolutions, c, fields::RESOLUTION)
            }
            ItemKind::Feed => check_item::<FeedSubscription>(&ws.feeds, c, fields::FEED),
        };
        if let Err(e) = r {
            out.push((
                i,
                format!(
                    "merge conflict {} on {:?} {:?}: {e}",
                    i + 1,
                    c.item,
                    c.field
                ),
            ));
        }
    }
    out
}
