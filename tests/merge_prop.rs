//! Property: for random edits applied to two copies of a workspace, the merge keeps every edit
//! that does not clash, records every one that does (with base, ours and theirs), keeps every new
//! claim from both sides, and always passes `check`.
//!
//! The expected result is computed here from the edits themselves, field by field, not by the
//! merge engine.

use claimbench::merge::merge;
use claimbench::model::*;
use proptest::prelude::*;

/// One edit of one side.
#[derive(Clone, Debug)]
enum Edit {
    Note(usize, u8),
    Status(usize, usize),
    Tag(usize, u8),
    DropTag(usize),
    Figure(usize, u8),
    Delete(usize),
    Add(u8),
    Title(u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..12usize, 0..3u8).prop_map(|(c, v)| Edit::Note(c, v)),
        (0..12usize, 0..9usize).prop_map(|(c, v)| Edit::Status(c, v)),
        (0..12usize, 0..3u8).prop_map(|(c, v)| Edit::Tag(c, v)),
        (0..12usize).prop_map(Edit::DropTag),
        (0..12usize, 0..3u8).prop_map(|(c, v)| Edit::Figure(c, v)),
        (0..12usize).prop_map(Edit::Delete),
        (0..3u8).prop_map(Edit::Add),
        (0..3u8).prop_map(Edit::Title),
    ]
}

/// Applies edits by base claim index (an edit of a claim this side deleted does nothing).
fn apply(base: &Workspace, side: &str, edits: &[Edit]) -> (Workspace, Vec<String>) {
    let mut ws = base.clone();
    let mut added = Vec::new();
    for e in edits {
        let id = |i: usize| base.claims[i % base.claims.len()].id.clone();
        let pos = |ws: &Workspace, i: usize| ws.claim_position(&id(i));
        match *e {
            Edit::Note(i, v) => {
                if let Some(p) = pos(&ws, i) {
                    ws.claims[p].note = format!("{side} note {v}");
                }
            }
            Edit::Status(i, v) => {
                if let Some(p) = pos(&ws, i) {
                    ws.claims[p].status = ClaimStatus::ALL[v];
                }
            }
            Edit::Tag(i, v) => {
                if let Some(p) = pos(&ws, i) {
                    let tag = format!("{side}-tag-{v}");
                    if !ws.claims[p].tags.contains(&tag) {
                        ws.claims[p].tags.push(tag);
                    }
                }
            }
            Edit::DropTag(i) => {
                if let Some(p) = pos(&ws, i) {
                    ws.claims[p].tags.clear();
                }
            }
            Edit::Figure(i, v) => {
                if let Some(p) = pos(&ws, i) {
                    ws.claims[p].figure = Some(Figure::exact(f64::from(v) * 1e9 + 1e9, Unit::Usd));
                }
            }
            Edit::Delete(i) => {
                if let Some(p) = pos(&ws, i) {
                    ws.claims.remove(p);
                    ws.resolutions
                        .retain(|r| !r.claim_ids().any(|c| *c == id(i)));
                }
            }
            Edit::Add(v) => {
                let mut c = base.claims[usize::from(v)].clone();
                c.id = ws.next_claim_id();
                c.note = format!("{side} added {} ({v})", added.len());
                added.push(c.note.clone());
                ws.claims.push(c);
            }
            Edit::Title(v) => ws.title = format!("{side} title {v}"),
        }
    }
    (ws, added)
}

fn ron<T: serde::Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap()
}

/// What a field should become and whether it is a conflict (base, ours, theirs).
fn expect_field<T: PartialEq + Clone + serde::Serialize>(
    b: &T,
    o: &T,
    t: &T,
) -> (T, Option<(String, String, String)>) {
    if o == t || t == b {
        (o.clone(), None)
    } else if o == b {
        (t.clone(), None)
    } else {
        (o.clone(), Some((ron(b), ron(o), ron(t))))
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merge_keeps_every_clean_edit_and_records_every_clash(
        ours_edits in prop::collection::vec(edit(), 0..10),
        theirs_edits in prop::collection::vec(edit(), 0..10),
    ) {
        let base = claimbench::sample::sample_workspace().unwrap();
        let (ours, ours_added) = apply(&base, "ours", &ours_edits);
        let (theirs, theirs_added) = apply(&base, "theirs", &theirs_edits);
        let m = merge(base.clone(), ours.clone(), theirs.clone()).unwrap();
        let ws = &m.workspace;
        prop_assert_eq!(ws.validate(), vec![]);
        let mut expected_conflicts = 0;
        let conflict = |item: &str, field: &str| {
            ws.conflicts.iter().find(|c| c.item == item && c.field == field)
        };
        for b in &base.claims {
            let (o, t) = (ours.claim(&b.id), theirs.claim(&b.id));
            let got = ws.claim(&b.id);
            match (o, t) {
                (None, None) => prop_assert!(got.is_none()),
                (None, Some(t)) | (Some(t), None) if t == b => prop_assert!(got.is_none()),
                (None, Some(t)) => {
                    // Ours deleted what theirs edited: deleted, theirs recorded.
                    prop_assert!(got.is_none());
                    let c = ws.conflicts.iter().find(|c| c.item == b.id.0).expect("recorded");
                    prop_assert_eq!(c.theirs.clone(), Some(ron(t)));
                    prop_assert_eq!(c.ours.clone(), None);
                    expected_conflicts += 1;
                }
                (Some(o), None) => {
                    prop_assert_eq!(got, Some(o));
                    let c = ws.conflicts.iter().find(|c| c.item == b.id.0).expect("recorded");
                    prop_assert_eq!(c.ours.clone(), Some(ron(o)));
                    prop_assert_eq!(c.theirs.clone(), None);
                    expected_conflicts += 1;
                }
                (Some(o), Some(t)) => {
                    let got = got.expect("kept");
                    macro_rules! check {
                        ($f:ident) => {
                            let (want, clash) = expect_field(&b.$f, &o.$f, &t.$f);
                            prop_assert_eq!(&got.$f, &want, "{} {}", b.id, stringify!($f));
                            match clash {
                                Some((cb, co, ct)) => {
                                    let c = conflict(b.id.as_str(), stringify!($f)).expect("recorded");
                                    prop_assert_eq!(c.base.clone(), Some(cb));
                                    prop_assert_eq!(c.ours.clone(), Some(co));
                                    prop_assert_eq!(c.theirs.clone(), Some(ct));
                                    expected_conflicts += 1;
                                }
                                None => prop_assert!(conflict(b.id.as_str(), stringify!($f)).is_none()),
                            }
                        };
                    }
                    check!(note);
                    check!(status);
                    check!(figure);
                    // Tags merge as a set: both sides' additions, both sides' removals.
                    for tag in o.tags.iter().chain(&t.tags) {
                        let removed = b.tags.contains(tag) && (!o.tags.contains(tag) || !t.tags.contains(tag));
                        prop_assert_eq!(got.tags.contains(tag), !removed, "{} tag {}", b.id, tag);
                    }
                }
            }
        }
        // Every new claim of both sides is there once, whatever id it ended with.
        for note in ours_added.iter().chain(&theirs_added) {
            prop_assert_eq!(ws.claims.iter().filter(|c| &c.note == note).count(), 1, "{}", note);
        }
        prop_assert_eq!(ws.claims.len() - ws.claims.iter().filter(|c| base.claim(&c.id).is_some()).count(),
            ours_added.len() + theirs_added.len());
        let (want, clash) = expect_field(&base.title, &ours.title, &theirs.title);
        prop_assert_eq!(&ws.title, &want);
        if clash.is_some() {
            prop_assert!(conflict("", "title").is_some() || ws.conflicts.iter().any(|c| c.field == "title"));
            expected_conflicts += 1;
        }
        prop_assert_eq!(m.conflicts, expected_conflicts, "{:#?}", ws.conflicts);
        prop_assert_eq!(ws.conflicts.len(), expected_conflicts);
    }
}
