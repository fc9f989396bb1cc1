//! The three-way merge of one list of items kept by id (claims, documents, entities, charts,
//! resolutions, feeds): each id is merged on its own, field by field, in the order of OURS with
//! THEIRS' new items after them.
//!
//! Items are moved, never copied, from the two sides into the result (a 100,000-claim merge must
//! stay within three times the memory of one workspace); base items are only read.

use super::fields::{Field, to_ron};
use super::{ItemKind, Recorder};
use std::collections::HashMap;

/// An item of the workspace that the merge matches by id.
pub trait Item: Clone + PartialEq + serde::Serialize + 'static {
    /// What sort of item, for conflict records.
    const KIND: ItemKind;
    /// The item's stable id.
    fn key(&self) -> &str;
    /// The merge's view of the item's fields.
    fn fields() -> &'static [Field<Self>];
    /// Fixes fields derived from others after a field-by-field merge (a document's hash).
    fn after_fields(&mut self, _theirs: &Self) {}
}

/// The result of merging one list: the merged items, and the items a side deleted (kept aside in
/// case something in the result still refers to them, see `repair`).
pub struct Merged<T> {
    /// The merged list.
    pub items: Vec<T>,
    /// Items deleted on one side, by id: their last version, and whether OURS deleted them.
    pub deleted: HashMap<String, (T, bool)>,
}

/// Merges `ours` and `theirs` against `base`, recording conflicts in `rec`.
pub fn merge_items<T: Item>(
    base: &[T],
    ours: Vec<T>,
    theirs: Vec<T>,
    rec: &mut Recorder,
) -> Merged<T> {
    let base_ix: HashMap<&str, &T> = base.iter().map(|b| (b.key(), b)).collect();
    let theirs_ix: HashMap<String, usize> = theirs
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key().to_owned(), i))
        .collect();
    let mut theirs: Vec<Option<T>> = theirs.into_iter().map(Some).collect();
    let mut items = Vec::with_capacity(ours.len().max(theirs.len()));
    let mut deleted = HashMap::new();
    for o in ours {
        let b = base_ix.get(o.key()).copied();
        let t = theirs_ix.get(o.key()).and_then(|&i| theirs[i].take());
        match (b, t) {
            (_, Some(t)) => items.push(merge_one(b, o, t, rec)),
            (Some(b), None) if o == *b => {
                // Deleted on their side, untouched on ours: the deletion stands.
                deleted.insert(o.key().to_owned(), (o, false));
            }
            (Some(b), None) => {
                // Edited on ours, deleted on theirs: ours (the edit) stays, the deletion is a
                // conflict.
                rec.whole(T::KIND, o.key(), Some(to_ron(b)), Some(to_ron(&o)), None);
                items.push(o);
            }
            (None, None) => items.push(o),
        }
    }
    for t in theirs.into_iter().flatten() {
        match base_ix.get(t.key()) {
            None => items.push(t),
            Some(b) => {
                if t != **b {
                    // Deleted on ours, edited on theirs: ours (the deletion) stands, their
                    // version is in the conflict.
                    rec.whole(T::KIND, t.key(), Some(to_ron(*b)), None, Some(to_ron(&t)));
                }
                deleted.insert(t.key().to_owned(), (t, true));
            }
        }
    }
    Merged { items, deleted }
}

/// Merges one item present on both sides (`base` is `None` when both sides added it).
pub fn merge_one<T: Item>(base: Option<&T>, mut ours: T, theirs: T, rec: &mut Recorder) -> T {
    if ours == theirs {
        return ours;
    }
    if let Some(b) = base {
        if ours == *b {
            return theirs;
        }
        if theirs == *b {
            return ours;
        }
    }
    for f in T::fields() {
        if (f.same)(&ours, &theirs) {
            continue;
        }
        if let Some(list) = f.list {
            list(&mut ours, base, &theirs);
            continue;
        }
        match base {
            Some(b) if (f.same)(b, &ours) => (f.take)(&mut ours, &theirs),
            Some(b) if (f.same)(b, &theirs) => {}
            _ if f.quiet => {}
            _ => rec.field(
                T::KIND,
                ours.key(),
                f.name,
                base.map(|b| (f.ron)(b)),
                Some((f.ron)(&ours)),
                Some((f.ron)(&theirs)),
            ),
        }
    }
    ours.after_fields(&theirs);
    ours
}
