//! Three-way merge of two analysts' copies of a workspace by stable ids (`claimbench merge BASE
//! OURS THEIRS`, the git merge driver, and the app's Merge).
//!
//! Each list — entities, documents, claims, charts, resolutions, feeds — is merged item by item
//! and field by field: a change on one side wins over an untouched base, a deletion survives an
//! untouched item, list fields (evidence, tags, aliases, spans) keep additions from both sides.
//! The same field changed differently, or an edit against a deletion, is a conflict: the result
//! keeps OURS' value and records base, ours and theirs in `Workspace::conflicts`, so nothing
//! either side wrote is lost and the result still passes `check`. Before matching, THEIRS' new
//! items that took the same next id as OURS' are renumbered ([`ids`]), and an article imported on
//! both sides becomes one document; afterwards [`repair`] makes the result whole.
//!
//! Not to be confused with `analysis::merge`, which merges duplicate claims inside one workspace.

pub mod apply;
pub mod check;
pub mod describe;
pub mod fields;
pub mod ids;
pub mod items;
pub mod repair;
pub mod resolve;

pub use crate::model::{ConflictItem as ItemKind, MergeConflict};
pub use ids::Renames;
use items::{Item, merge_items};

/// The field name of a conflict about a whole item (an edit against a deletion), as
/// `MergeConflict::field` documents it.
pub const WHOLE_ITEM: &str = "deleted";

/// Collects the conflicts found during one merge.
#[derive(Default)]
pub struct Recorder {
    found: Vec<MergeConflict>,
}

impl Recorder {
    /// Records a conflict on one field.
    pub fn field(
        &mut self,
        kind: ItemKind,
        item: &str,
        field: &str,
        base: Option<String>,
        ours: Option<String>,
        theirs: Option<String>,
    ) {
        self.found.push(MergeConflict {
            kind,
            item: item.to_owned(),
            field: field.to_owned(),
            base,
            ours,
            theirs,
        });
    }

    /// Records a conflict on a whole item (`None`: deleted on that side).
    pub fn whole(
        &mut self,
        kind: ItemKind,
        item: &str,
        base: Option<String>,
        ours: Option<String>,
        theirs: Option<String>,
    ) {
        self.field(kind, item, WHOLE_ITEM, base, ours, theirs);
    }

    /// Whether a conflict on the whole item is already recorded.
    pub fn has_whole(&self, kind: ItemKind, item: &str) -> bool {
        self.found
            .iter()
            .any(|c| c.kind == kind && c.item == item && c.field == WHOLE_ITEM)
    }
}

impl Item for crate::model::Claim {
    const KIND: ItemKind = ItemKind::Claim;
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::CLAIM
    }
}

impl Item for crate::model::SourceDocument {
    const KIND: ItemKind = ItemKind::Document;
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::DOCUMENT
    }
    fn after_fields(&mut self, theirs: &Self) {
        // The hash follows the text it was computed from.
        if self.text == theirs.text {
            self.sha256.clone_from(&theirs.sha256);
        }
    }
}

impl Item for crate::model::Entity {
    const KIND: ItemKind = ItemKind::Entity;
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::ENTITY
    }
}

impl Item for crate::model::Chart {
    const KIND: ItemKind = ItemKind::Chart;
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::CHART
    }
}

impl Item for crate::model::Resolution {
    const KIND: ItemKind = ItemKind::Resolution;
    fn key(&self) -> &str {
        &self.finding
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::RESOLUTION
    }
}

impl Item for crate::model::FeedSubscription {
    const KIND: ItemKind = ItemKind::Feed;
    fn key(&self) -> &str {
        &self.url
    }
    fn fields() -> &'static [fields::Field<Self>] {
        fields::FEED
    }
}

/// The merged workspace and what the merge did.
#[derive(Debug)]
pub struct Outcome {
    /// The result, with every conflict recorded in `conflicts`.
    pub workspace: crate::model::Workspace,
    /// How many conflicts this merge found (the workspace may also carry earlier, unresolved
    /// ones).
    pub conflicts: usize,
    /// THEIRS' items renumbered or joined to OURS' copy.
    pub renames: Renames,
    /// Evidence spans flagged orphaned because their document's text came from the other side
    /// and the quote was not found in it.
    pub orphaned: usize,
}

/// Why a merge produced no result. Nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The merged workspace breaks an invariant the merge does not know how to repair (a bug in
    /// the merge: the inputs were valid).
    #[error("the merged workspace would not pass check ({count} problems; first: {first})")]
    Invalid {
        /// How many problems.
        count: usize,
        /// The first one, in words.
        first: String,
    },
}

/// Rewrites the item ids of conflicts THEIRS carries from an earlier merge after its items were
/// renumbered.
fn rename_conflict_items(ws: &mut crate::model::Workspace, r: &Renames) {
    for c in &mut ws.conflicts {
        let map = match c.kind {
            ItemKind::Document => &r.documents,
            ItemKind::Claim => &r.claims,
            ItemKind::Chart => &r.charts,
            _ => continue,
        };
        if let Some(n) = map.get(&c.item) {
            c.item.clone_from(n);
        }
    }
}

/// Merges THEIRS into OURS against their common ancestor BASE. Takes the three workspaces by
/// value and moves items into the result, so a merge of two large workspaces needs little more
/// memory than the three inputs.
pub fn merge(
    base: crate::model::Workspace,
    ours: crate::model::Workspace,
    theirs: crate::model::Workspace,
) -> Result<Outcome, MergeError> {
    merge_with(base, ours, theirs, true)
}

/// Merges another copy with no known common ancestor (File › Merge workspace…): what only one
/// side has is kept, an id on both sides is one item whose differing fields become conflicts
/// (list fields are joined), nothing is deleted and nothing renumbered.
pub fn merge_two(
    ours: crate::model::Workspace,
    theirs: crate::model::Workspace,
) -> Result<Outcome, MergeError> {
    merge_with(crate::model::Workspace::new(""), ours, theirs, false)
}

fn merge_with(
    base: crate::model::Workspace,
    ours: crate::model::Workspace,
    mut theirs: crate::model::Workspace,
    renumber: bool,
) -> Result<Outcome, MergeError> {
    let renames = ids::align_theirs(&base, &ours, &mut theirs, renumber);
    let mut rec = Recorder::default();
    let crate::model::Workspace {
        format,
        title: ours_title,
        entities,
        documents,
        claims,
        charts,
        resolutions,
        feeds,
        conflicts: ours_conflicts,
        ..
    } = ours;
    let title = if ours_title == theirs.title || theirs.title == base.title {
        ours_title
    } else if ours_title == base.title {
        std::mem::take(&mut theirs.title)
    } else {
        rec.field(
            ItemKind::Workspace,
            "",
            "title",
            Some(fields::to_ron(&base.title)),
            Some(fields::to_ron(&ours_title)),
            Some(fields::to_ron(&theirs.title)),
        );
        ours_title
    };
    let e = merge_items(
        &base.entities,
        entities,
        std::mem::take(&mut theirs.entities),
        &mut rec,
    );
    let d = merge_items(
        &base.documents,
        documents,
        std::mem::take(&mut theirs.documents),
        &mut rec,
    );
    let c = merge_items(
        &base.claims,
        claims,
        std::mem::take(&mut theirs.claims),
        &mut rec,
    );
    let ch = merge_items(
        &base.charts,
        charts,
        std::mem::take(&mut theirs.charts),
        &mut rec,
    );
    let r = merge_items(
        &base.resolutions,
        resolutions,
        std::mem::take(&mut theirs.resolutions),
        &mut rec,
    );
    let f = merge_items(
        &base.feeds,
        feeds,
        std::mem::take(&mut theirs.feeds),
        &mut rec,
    );
    let mut earlier = ours_conflicts;
    fields::merge_list(&mut earlier, &base.conflicts, &theirs.conflicts);
    drop(base);
    drop(theirs);
    let mut ws = crate::model::Workspace::new(title);
    ws.format = format;
    ws.entities = e.items;
    ws.documents = d.items;
    ws.claims = c.items;
    ws.charts = ch.items;
    ws.resolutions = r.items;
    ws.feeds = f.items;
    let mut grave = repair::Graveyard {
        entities: e.deleted,
        documents: d.deleted,
        claims: c.deleted,
    };
    let orphaned = repair::repair(&mut ws, &mut grave, &mut rec);
    let found = rec.found.len();
    // A fresh conflict replaces an earlier one about the same field.
    earlier.retain(|old| {
        !rec.found
            .iter()
            .any(|n| n.kind == old.kind && n.item == old.item && n.field == old.field)
    });
    earlier.extend(rec.found);
    ws.conflicts = earlier;
    let problems = ws.validate();
    if let Some(first) = problems.first() {
        return Err(MergeError::Invalid {
            count: problems.len(),
            first: first.message.clone(),
        });
    }
    Ok(Outcome {
        workspace: ws,
        conflicts: found,
        renames,
        orphaned,
    })
}
