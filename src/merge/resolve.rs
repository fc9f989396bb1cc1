//! Settling a recorded merge conflict: keep ours, take theirs, or write a value — as one
//! undoable [`Action`] that sets the field (or brings back or removes the item) and drops the
//! conflict record, so Undo restores both.

use super::fields::Field;
use super::items::Item;
use super::{ItemKind, WHOLE_ITEM};
use crate::action::Action;
use crate::model::{Chart, Claim, Entity, Resolution, SourceDocument, Workspace};

/// Which value a conflict is settled with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    /// OURS' value (what the merge kept).
    Ours,
    /// THEIRS' value.
    Theirs,
    /// A value written by the analyst, as RON text of the field (or of the whole item).
    Value(String),
}

/// Items a conflict can be settled on: how to find them and which actions change them.
trait Settle: Item + serde::de::DeserializeOwned {
    fn list(ws: &Workspace) -> &[Self];
    fn add(ws: &Workspace, item: Self) -> Action;
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String>;
    fn replace(ws: &Workspace, item: Self) -> Result<Action, String>;
}

fn position<T: Item>(list: &[T], key: &str) -> Option<usize> {
    list.iter().position(|x| x.key() == key)
}

impl Settle for Claim {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.claims
    }
    fn add(_: &Workspace, item: Self) -> Action {
        Action::CreateClaim {
            claim: Box::new(item),
            index: None,
        }
    }
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String> {
        if let Some(r) = ws
            .resolutions
            .iter()
            .find(|r| r.claim_ids().any(|c| c.as_str() == key))
        {
            return Err(format!(
                "the claim is still named by the resolution of “{}”; remove that first",
                r.finding
            ));
        }
        Ok(Action::DeleteClaim(key.into()))
    }
    fn replace(ws: &Workspace, mut c: Self) -> Result<Action, String> {
        if let Some(f) = &c.figure {
            f.validate().map_err(|e| format!("figure: {e}"))?;
        }
        for e in c.subject.iter().chain(c.counterparty.iter()) {
            if ws.entity(e).is_none() {
                return Err(format!("“{e}” is not an entity of this workspace"));
            }
        }
        for ev in &mut c.evidence {
            let d = ws
                .document(&ev.doc)
                .ok_or_else(|| format!("document “{}” is not in this workspace", ev.doc))?;
            if !ev.orphaned && ev.anchor.validate(&d.text).is_err() {
                match crate::anchoring::reanchor(&ev.anchor, &d.text) {
                    (Some(a), _) => ev.anchor = a,
                    (None, _) => ev.orphaned = true,
                }
            }
        }
        Ok(Action::ReplaceClaim(Box::new(c)))
    }
}

impl Settle for SourceDocument {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.documents
    }
    fn add(_: &Workspace, item: Self) -> Action {
        Action::AddDocument {
            doc: Box::new(item),
            index: None,
        }
    }
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String> {
        let n = ws
            .claims
            .iter()
            .filter(|c| c.evidence.iter().any(|e| e.doc.as_str() == key))
            .count();
        if n > 0 {
            return Err(format!(
                "{} still quote this document; remove their evidence first",
                crate::words::count(n, "claim")
            ));
        }
        Ok(Action::RemoveDocument(key.into()))
    }
    fn replace(ws: &Workspace, mut d: Self) -> Result<Action, String> {
        let old = ws
            .document(&d.id)
            .ok_or_else(|| format!("document “{}” is not in this workspace", d.id))?;
        if old.text == d.text {
            return Ok(Action::ReplaceDocument(Box::new(d)));
        }
        // A new text: evidence in it is found again (or orphaned), as "Replace text…" does.
        let text = std::mem::take(&mut d.text);
        let (action, _) = crate::anchoring::replace_text(ws, &d.id, text.clone())
            .ok_or_else(|| format!("document “{}” is not in this workspace", d.id))?;
        d.text = text;
        d.sha256 = SourceDocument::hash_text(&d.text);
        let fits = |r: &crate::model::TextRange| r.fits(&d.text);
        if !d.excluded.iter().all(fits) || !d.rejected.iter().all(fits) {
            return Err("a marked span lies outside the new text".into());
        }
        Ok(Action::Batch(vec![
            action,
            Action::ReplaceDocument(Box::new(d)),
        ]))
    }
}

impl Settle for Entity {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.entities
    }
    fn add(_: &Workspace, item: Self) -> Action {
        Action::AddEntity {
            entity: Box::new(item),
            index: None,
        }
    }
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String> {
        let used = ws.claims.iter().any(|c| {
            c.subject.as_ref().is_some_and(|e| e.as_str() == key)
                || c.counterparty.as_ref().is_some_and(|e| e.as_str() == key)
        }) || ws
            .entities
            .iter()
            .any(|e| e.parent.as_ref().is_some_and(|p| p.as_str() == key));
        if used {
            return Err("claims or other entities still name this entity".into());
        }
        Ok(Action::RemoveEntity(key.into()))
    }
    fn replace(ws: &Workspace, e: Self) -> Result<Action, String> {
        let mut cur = e.parent.clone();
        let mut steps = 0;
        while let Some(p) = cur {
            if p == e.id || steps > ws.entities.len() {
                return Err("that parent would make the entity its own owner".into());
            }
            let parent = ws
                .entity(&p)
                .ok_or_else(|| format!("“{p}” is not an entity of this workspace"))?;
            cur = parent.parent.clone();
            steps += 1;
        }
        Ok(Action::ReplaceEntity(Box::new(e)))
    }
}

impl Settle for Chart {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.charts
    }
    fn add(_: &Workspace, item: Self) -> Action {
        Action::AddChart {
            chart: Box::new(item),
            index: None,
        }
    }
    fn remove(_: &Workspace, key: &str) -> Result<Action, String> {
        Ok(Action::RemoveChart(key.into()))
    }
    fn replace(_: &Workspace, c: Self) -> Result<Action, String> {
        Ok(Action::ReplaceChart(Box::new(c)))
    }
}

impl Settle for Resolution {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.resolutions
    }
    fn add(ws: &Workspace, r: Self) -> Action {
        let mut list = ws.resolutions.clone();
        list.push(r);
        Action::SetResolutions(list)
    }
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String> {
        let mut list = ws.resolutions.clone();
        list.retain(|r| r.finding != key);
        Ok(Action::SetResolutions(list))
    }
    fn replace(ws: &Workspace, r: Self) -> Result<Action, String> {
        if let Some(p) = &r.preferred
            && !r.claims.contains(p)
        {
            return Err("the preferred claim is not one of the resolution's claims".into());
        }
        if let Some(c) = r.claims.iter().find(|c| ws.claim(c).is_none()) {
            return Err(format!("claim “{c}” is not in this workspace"));
        }
        let mut list = ws.resolutions.clone();
        match list.iter_mut().find(|x| x.finding == r.finding) {
            Some(slot) => *slot = r,
            None => list.push(r),
        }
        Ok(Action::SetResolutions(list))
    }
}

impl Settle for crate::model::FeedSubscription {
    fn list(ws: &Workspace) -> &[Self] {
        &ws.feeds
    }
    fn add(ws: &Workspace, f: Self) -> Action {
        let mut list = ws.feeds.clone();
        list.push(f);
        Action::SetFeeds(list)
    }
    fn remove(ws: &Workspace, key: &str) -> Result<Action, String> {
        let mut list = ws.feeds.clone();
        list.retain(|f| f.key() != key);
        Ok(Action::SetFeeds(list))
    }
    fn replace(ws: &Workspace, f: Self) -> Result<Action, String> {
        let mut list = ws.feeds.clone();
        match list.iter_mut().find(|x| x.key() == f.key()) {
            Some(slot) => *slot = f,
            None => list.push(f),
        }
        Ok(Action::SetFeeds(list))
    }
}

/// The change settling one conflict on an item of type `T` with `value` (`None`: deleted).
fn settle<T: Settle>(
    ws: &Workspace,
    item: &str,
    field: &str,
    value: Option<&str>,
) -> Result<Action, String> {
    let list = T::list(ws);
    let current = position(list, item).map(|i| &list[i]);
    if field == WHOLE_ITEM {
        return match (value, current) {
            (None, None) => Ok(Action::Batch(vec![])),
            (None, Some(_)) => T::remove(ws, item),
            (Some(text), cur) => {
                let new: T = ron::from_str(text).map_err(|e| format!("not a valid value: {e}"))?;
                if new.key() != item {
                    return Err("the value names another item".into());
                }
                match cur {
                    Some(_) => T::replace(ws, new),
                    None => Ok(T::add(ws, new)),
                }
            }
        };
    }
    let f: &Field<T> = T::fields()
        .iter()
        .find(|f| f.name == field)
        .ok_or_else(|| format!("unknown field “{field}”"))?;
    let cur = current.ok_or("the item is no longer in the workspace")?;
    let text = value.ok_or("there is no value to set")?;
    let mut new = cur.clone();
    (f.set)(&mut new, text).map_err(|e| format!("not a valid value: {e}"))?;
    T::replace(ws, new)
}

/// The action that settles conflict number `index` with `pick`, and drops its record. An
/// error says, in words, why that value cannot be taken (the workspace is unchanged).
pub fn resolve(ws: &Workspace, index: usize, pick: &Pick) -> Result<Action, String> {
    let c = ws
        .conflicts
        .get(index)
        .ok_or("that conflict is no longer recorded")?;
    let value = match pick {
        Pick::Ours => c.ours.as_deref(),
        Pick::Theirs => c.theirs.as_deref(),
        Pick::Value(v) => Some(v.as_str()),
    };
    let change = match c.kind {
        ItemKind::Workspace => {
            let text = value.ok_or("there is no value to set")?;
            let t: String = ron::from_str(text).map_err(|e| format!("not a valid title: {e}"))?;
            Action::SetTitle(t)
        }
        ItemKind::Claim => settle::<Claim>(ws, &c.item, &c.field, value)?,
        ItemKind::Document => settle::<SourceDocument>(ws, &c.item, &c.field, value)?,
        ItemKind::Entity => settle::<Entity>(ws, &c.item, &c.field, value)?,
        ItemKind::Chart => settle::<Chart>(ws, &c.item, &c.field, value)?,
        ItemKind::Resolution => settle::<Resolution>(ws, &c.item, &c.field, value)?,
        ItemKind::Feed => settle::<crate::model::FeedSubscription>(ws, &c.item, &c.field, value)?,
    };
    let mut rest = ws.conflicts.clone();
    rest.remove(index);
    Ok(Action::Batch(vec![change, Action::SetConflicts(rest)]))
}
