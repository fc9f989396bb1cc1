//! A merge result brought into the open workspace as one undoable edit: the [`Action`]s that
//! turn the current workspace into the merged one, item by item (only what differs, so undo
//! stores the changed items, never a copy of the workspace).

use crate::action::Action;
use crate::model::Workspace;
use std::collections::HashMap;

/// Add, replace and remove actions turning `current` into `merged` for one list of items.
fn diff_list<T: Clone + PartialEq>(
    current: &[T],
    merged: &[T],
    key: impl Fn(&T) -> &str,
    add: impl Fn(T) -> Action,
    replace: impl Fn(T) -> Action,
    remove: impl Fn(&str) -> Action,
    out: &mut Vec<Action>,
) {
    let now: HashMap<&str, &T> = current.iter().map(|x| (key(x), x)).collect();
    let after: HashMap<&str, &T> = merged.iter().map(|x| (key(x), x)).collect();
    for x in current {
        if !after.contains_key(key(x)) {
            out.push(remove(key(x)));
        }
    }
    for x in merged {
        match now.get(key(x)) {
            None => out.push(add(x.clone())),
            Some(old) if *old != x => out.push(replace(x.clone())),
            Some(_) => {}
        }
    }
}

/// The edit turning `current` into `merged` (`Batch`, empty when they are equal). Claims are
/// removed before documents and entities, and added after them, so every step keeps references
/// resolvable.
pub fn diff_action(current: &Workspace, merged: &Workspace) -> Action {
    let mut removals = Vec::new();
    let mut adds = Vec::new();
    if current.title != merged.title {
        adds.push(Action::SetTitle(merged.title.clone()));
    }
    let mut claims = Vec::new();
    diff_list(
        &current.claims,
        &merged.claims,
        |c| c.id.as_str(),
        |c| Action::CreateClaim {
            claim: Box::new(c),
            index: None,
        },
        |c| Action::ReplaceClaim(Box::new(c)),
        |id| Action::DeleteClaim(id.into()),
        &mut claims,
    );
    let (claim_removals, claim_rest): (Vec<_>, Vec<_>) = claims
        .into_iter()
        .partition(|a| matches!(a, Action::DeleteClaim(_)));
    removals.extend(claim_removals);
    diff_list(
        &current.documents,
        &merged.documents,
        |d| d.id.as_str(),
        |d| Action::AddDocument {
            doc: Box::new(d),
            index: None,
        },
        |d| Action::ReplaceDocument(Box::new(d)),
        |id| Action::RemoveDocument(id.into()),
        &mut adds,
    );
    diff_list(
        &current.entities,
        &merged.entities,
        |e| e.id.as_str(),
        |e| Action::AddEntity {
            entity: Box::new(e),
            index: None,
        },
        |e| Action::ReplaceEntity(Box::new(e)),
        |id| Action::RemoveEntity(id.into()),
        &mut adds,
    );
    diff_list(
        &current.charts,
        &merged.charts,
        |c| c.id.as_str(),
        |c| Action::AddChart {
            chart: Box::new(c),
            index: None,
        },
        |c| Action::ReplaceChart(Box::new(c)),
        |id| Action::RemoveChart(id.into()),
        &mut adds,
    );
    // Removals of documents and entities go after the claims that used them are gone.
    let (item_removals, item_adds): (Vec<_>, Vec<_>) = adds.into_iter().partition(|a| {
        matches!(
            a,
            Action::RemoveDocument(_) | Action::RemoveEntity(_) | Action::RemoveChart(_)
        )
    });
    let mut out = removals;
    out.extend(item_adds);
    out.extend(claim_rest);
    out.extend(item_removals);
    if current.resolutions != merged.resolutions {
        out.push(Action::SetResolutions(merged.resolutions.clone()));
    }
    if current.feeds != merged.feeds {
        out.push(Action::SetFeeds(merged.feeds.clone()));
    }
    if current.conflicts != merged.conflicts {
        out.push(Action::SetConflicts(merged.conflicts.clone()));
    }
    Action::Batch(out)
}
