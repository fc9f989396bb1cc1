//! The fields of each kind of workspace item, as the three-way merge sees them: how to compare
//! one field of two versions, copy it across, write it as RON text for a conflict record, and set
//! it back from that text when the analyst picks a side.
//!
//! Hand-written tables (through one macro) rather than a generic walk over serialised values:
//! comparisons stay typed and cheap on 100,000 claims, a conflict names a real field, and a
//! value picked in the app parses back into exactly the field's type.

use crate::model::{Chart, Claim, Entity, FeedSubscription, Resolution, SourceDocument};
use serde::Serialize;

/// One field of an item of type `T`.
pub struct Field<T> {
    /// The field's name in the file (`counterparty`).
    pub name: &'static str,
    /// The field's name for people (`Counterparty`).
    pub label: &'static str,
    /// Whether two versions hold the same value in this field.
    pub same: fn(&T, &T) -> bool,
    /// Copies this field of the second item into the first.
    pub take: fn(&mut T, &T),
    /// The field's value as RON text.
    pub ron: fn(&T) -> String,
    /// Sets the field from RON text (a conflict's recorded value).
    pub set: fn(&mut T, &str) -> Result<(), String>,
    /// List fields merge element by element (additions on both sides kept, deletions on either
    /// side applied) instead of conflicting: `(result, base, theirs)`.
    pub list: Option<fn(&mut T, Option<&T>, &T)>,
    /// Bookkeeping times that differ between two copies for no reason worth asking about (when
    /// an article was imported, when a feed was last read): when both sides changed it, ours
    /// is kept without a conflict.
    pub quiet: bool,
}

/// RON text of a value (compact; the same text parses back with `ron::from_str`).
pub fn to_ron<V: Serialize + ?Sized>(v: &V) -> String {
    ron::to_string(v).unwrap_or_else(|e| format!("(not writable: {e})"))
}

/// Three-way merge of a list as a set of elements: the elements of `ours` that `theirs` did not
/// delete, then the elements `theirs` added that `ours` does not have yet. Quadratic, for the
/// short lists of one item (evidence, tags, aliases, ranges).
pub fn merge_list<E: PartialEq + Clone>(ours: &mut Vec<E>, base: &[E], theirs: &[E]) {
    ours.retain(|e| !base.contains(e) || theirs.contains(e));
    for e in theirs {
        if !base.contains(e) && !ours.contains(e) {
            ours.push(e.clone());
        }
    }
}

macro_rules! field {
    ($t:ty, $f:ident, $label:expr) => {
        Field::<$t> {
            name: stringify!($f),
            label: $label,
            same: |a: &$t, b: &$t| a.$f == b.$f,
            take: |a: &mut $t, b: &$t| a.$f.clone_from(&b.$f),
            ron: |a: &$t| to_ron(&a.$f),
            set: |a: &mut $t, s: &str| {
                a.$f = ron::from_str(s).map_err(|e| e.to_string())?;
                Ok(())
            },
            list: None,
            quiet: false,
        }
    };
    ($t:ty, $f:ident, $label:expr, list) => {
        Field::<$t> {
            list: Some(|o: &mut $t, b: Option<&$t>, t: &$t| {
                merge_list(&mut o.$f, b.map_or(&[][..], |b| &b.$f[..]), &t.$f)
            }),
            ..field!($t, $f, $label)
        }
    };
    ($t:ty, $f:ident, $label:expr, quiet) => {
        Field::<$t> {
            quiet: true,
            ..field!($t, $f, $label)
        }
    };
}

/// The fields of a claim.
pub const CLAIM: &[Field<Claim>] = &[
    field!(Claim, kind, "Kind"),
    field!(Claim, subject, "Subject"),
    field!(Claim, counterparty, "Counterparty"),
    field!(Claim, figure, "Figure"),
    field!(Claim, period, "Period"),
    field!(Claim, as_of, "Date"),
    field!(Claim, status, "Status"),
    field!(Claim, evidence, "Evidence", list),
    field!(Claim, note, "Note"),
    field!(Claim, tags, "Tags", list),
];

/// The fields of a document. `sha256` is not merged: it is recomputed from the merged text.
pub const DOCUMENT: &[Field<SourceDocument>] = &[
    field!(SourceDocument, title, "Title"),
    field!(SourceDocument, outlet, "Outlet"),
    field!(SourceDocument, author, "Author"),
    field!(SourceDocument, url, "Address"),
    field!(SourceDocument, published, "Published"),
    field!(SourceDocument, imported_at, "Imported at", quiet),
    field!(SourceDocument, cites, "Cited outlets", list),
    field!(SourceDocument, text, "Text"),
    field!(SourceDocument, excluded, "Excluded spans", list),
    field!(SourceDocument, rejected, "Rejected proposals", list),
];

/// The fields of an entity.
pub const ENTITY: &[Field<Entity>] = &[
    field!(Entity, name, "Name"),
    field!(Entity, aliases, "Aliases", list),
    field!(Entity, kind, "Kind"),
    field!(Entity, parent, "Parent"),
];

/// The fields of a chart.
pub const CHART: &[Field<Chart>] = &[
    field!(Chart, title, "Title"),
    field!(Chart, spec, "What it plots"),
];

/// The fields of a resolution.
pub const RESOLUTION: &[Field<Resolution>] = &[
    field!(Resolution, claims, "Claims"),
    field!(Resolution, preferred, "Preferred claim"),
    field!(Resolution, note, "Note"),
];

/// The fields of a feed subscription.
pub const FEED: &[Field<FeedSubscription>] = &[
    field!(FeedSubscription, title, "Title"),
    field!(FeedSubscription, seen, "Entries seen", list),
    field!(FeedSubscription, last_checked, "Last read", quiet),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, ClaimKind, Figure};

    #[test]
    fn lists_keep_both_additions_and_both_deletions() {
        let base = vec![1, 2, 3, 4];
        let mut ours = vec![2, 3, 4, 5];
        merge_list(&mut ours, &base, &[1, 2, 4, 6]);
        assert_eq!(ours, vec![2, 4, 5, 6]);
    }

    #[test]
    fn a_field_round_trips_through_its_ron_text() {
        let mut a = Claim::new(ClaimId::numbered(1), ClaimKind::Investment);
        a.figure = Some(Figure::qualified(
            1e10,
            crate::model::Qualifier::AtLeast,
            crate::model::Unit::Usd,
        ));
        let mut b = Claim::new(ClaimId::numbered(1), ClaimKind::Cash);
        for f in CLAIM {
            let text = (f.ron)(&a);
            (f.set)(&mut b, &text).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            assert!((f.same)(&a, &b), "{}", f.name);
        }
        assert_eq!(a, b);
        assert!((CLAIM[0].set)(&mut b, "not ron (").is_err());
    }
}
