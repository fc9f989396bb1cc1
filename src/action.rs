//! Every change to a workspace is an [`Action`] applied in one place. Applying an action returns
//! its inverse, so undo and redo store only the changed items — never a copy of the workspace —
//! and stay cheap on workspaces with 100k claims.

use crate::model::{
    Chart, ChartId, Claim, ClaimId, DocId, Entity, EntityId, Resolution, SourceDocument, Workspace,
};

/// A change to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Rename the workspace.
    SetTitle(String),
    /// Insert a claim at a position (the end when `None` or past the end).
    CreateClaim {
        /// The claim.
        claim: Box<Claim>,
        /// Position in `claims`.
        index: Option<usize>,
    },
    /// Delete a claim (with its evidence).
    DeleteClaim(ClaimId),
    /// Replace a claim by a new version with the same id.
    ReplaceClaim(Box<Claim>),
    /// Insert a document at a position.
    AddDocument {
        /// The document.
        doc: Box<SourceDocument>,
        /// Position in `documents`.
        index: Option<usize>,
    },
    /// Remove a document (claims keep their evidence, which then dangles: callers remove it first).
    RemoveDocument(DocId),
    /// Replace a document by a new version with the same id.
    ReplaceDocument(Box<SourceDocument>),
    /// Insert an entity at a position.
    AddEntity {
        /// The entity.
        entity: Box<Entity>,
        /// Position in `entities`.
        index: Option<usize>,
    },
    /// Remove an entity.
    RemoveEntity(EntityId),
    /// Replace an entity by a new version with the same id.
    ReplaceEntity(Box<Entity>),
    /// Replace the saved resolutions of findings (resolving a finding, or the resolution part of
    /// a merge); the inverse holds the previous list.
    SetResolutions(Vec<Resolution>),
    /// Insert a chart definition at a position.
    AddChart {
        /// The chart.
        chart: Box<Chart>,
        /// Position in `charts`.
        index: Option<usize>,
    },
    /// Remove a chart definition.
    RemoveChart(ChartId),
    /// Replace a chart definition by a new version with the same id.
    ReplaceChart(Box<Chart>),
    /// Replace the recorded merge conflicts (settling one, or the conflict part of a merge);
    /// the inverse holds the previous list.
    SetConflicts(Vec<crate::model::MergeConflict>),
    /// Replace the feed subscriptions (the feed part of a merge); the inverse holds the
    /// previous list.
    SetFeeds(Vec<crate::model::FeedSubscription>),
    /// Several actions as one undo step (applied in order, undone in reverse).
    Batch(Vec<Action>),
}

/// Why an action could not be applied. The workspace is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The id is not in the workspace.
    #[error("{0} is not in the workspace")]
    Missing(String),
    /// An item with this id already exists.
    #[error("{0} already exists")]
    Duplicate(String),
}

/// An undo or redo step that could not be applied; the step was kept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("could not revert \"{label}\": {source}")]
pub struct StepError {
    /// The step's label ("Edit amount").
    pub label: String,
    /// Why it did not apply.
    pub source: ActionError,
}

fn insert_at<T>(v: &mut Vec<T>, item: T, index: Option<usize>) -> usize {
    let i = index.unwrap_or(v.len()).min(v.len());
    v.insert(i, item);
    i
}

impl Action {
    /// Applies the action and returns its inverse.
    pub fn apply(self, ws: &mut Workspace) -> Result<Action, ActionError> {
        Ok(match self {
            Action::SetTitle(t) => Action::SetTitle(std::mem::replace(&mut ws.title, t)),
            Action::CreateClaim { claim, index } => {
                if ws.claim(&claim.id).is_some() {
                    return Err(ActionError::Duplicate(claim.id.0.clone()));
                }
                let id = claim.id.clone();
                insert_at(&mut ws.claims, *claim, index);
                Action::DeleteClaim(id)
            }
            Action::DeleteClaim(id) => {
                let i = ws
                    .claims
                    .iter()
                    .position(|c| c.id == id)
                    .ok_or(ActionError::Missing(id.0))?;
                Action::CreateClaim {
                    claim: Box::new(ws.claims.remove(i)),
                    index: Some(i),
                }
            }
            Action::ReplaceClaim(claim) => {
                let i = ws
                    .claim_position(&claim.id)
                    .ok_or_else(|| ActionError::Missing(claim.id.0.clone()))?;
                let slot = &mut ws.claims[i];
                Action::ReplaceClaim(Box::new(std::mem::replace(slot, *claim)))
            }
            Action::AddDocument { doc, index } => {
                if ws.document(&doc.id).is_some() {
                    return Err(ActionError::Duplicate(doc.id.0.clone()));
                }
                let id = doc.id.clone();
                insert_at(&mut ws.documents, *doc, index);
                Action::RemoveDocument(id)
            }
            Action::RemoveDocument(id) => {
                let i = ws
                    .documents
                    .iter()
                    .position(|d| d.id == id)
                    .ok_or(ActionError::Missing(id.0))?;
                Action::AddDocument {
                    doc: Box::new(ws.documents.remove(i)),
                    index: Some(i),
                }
            }
            Action::ReplaceDocument(doc) => {
                let slot = ws
                    .documents
                    .iter_mut()
                    .find(|d| d.id == doc.id)
                    .ok_or_else(|| ActionError::Missing(doc.id.0.clone()))?;
                Action::ReplaceDocument(Box::new(std::mem::replace(slot, *doc)))
            }
            Action::AddEntity { entity, index } => {
                if ws.entity(&entity.id).is_some() {
                    return Err(ActionError::Duplicate(entity.id.0.clone()));
                }
                let id = entity.id.clone();
                insert_at(&mut ws.entities, *entity, index);
                Action::RemoveEntity(id)
            }
            Action::RemoveEntity(id) => {
                let i = ws
                    .entities
                    .iter()
                    .position(|e| e.id == id)
                    .ok_or(ActionError::Missing(id.0))?;
                Action::AddEntity {
                    entity: Box::new(ws.entities.remove(i)),
                    index: Some(i),
                }
            }
            Action::ReplaceEntity(entity) => {
                let slot = ws
                    .entities
                    .iter_mut()
                    .find(|e| e.id == entity.id)
                    .ok_or_else(|| ActionError::Missing(entity.id.0.clone()))?;
                Action::ReplaceEntity(Box::new(std::mem::replace(slot, *entity)))
            }
            Action::SetResolutions(list) => {
                Action::SetResolutions(std::mem::replace(&mut ws.resolutions, list))
            }
            Action::AddChart { chart, index } => {
                if ws.charts.iter().any(|c| c.id == chart.id) {
                    return Err(ActionError::Duplicate(chart.id.0.clone()));
                }
                let id = chart.id.clone();
                insert_at(&mut ws.charts, *chart, index);
                Action::RemoveChart(id)
            }
            Action::RemoveChart(id) => {
                let i = ws
                    .charts
                    .iter()
                    .position(|c| c.id == id)
                    .ok_or(ActionError::Missing(id.0))?;
                Action::AddChart {
                    chart: Box::new(ws.charts.remove(i)),
                    index: Some(i),
                }
            }
            Action::ReplaceChart(chart) => {
                let slot = ws
                    .charts
                    .iter_mut()
                    .find(|c| c.id == chart.id)
                    .ok_or_else(|| ActionError::Missing(chart.id.0.clone()))?;
                Action::ReplaceChart(Box::new(std::mem::replace(slot, *chart)))
            }
            Action::SetConflicts(list) => {
                Action::SetConflicts(std::mem::replace(&mut ws.conflicts, list))
            }
            Action::SetFeeds(list) => Action::SetFeeds(std::mem::replace(&mut ws.feeds, list)),
            Action::Batch(actions) => {
                let mut inverses = Vec::with_capacity(actions.len());
                for a in actions {
                    match a.apply(ws) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what was applied so the workspace is unchanged.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(ws);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Action::Batch(inverses)
            }
        })
    }
}

/// One undoable step: a label for the Edit menu and the action that reverts it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    inverse: Action,
    /// Edits with the same key in a row merge into one step (typing into a field).
    coalesce: Option<String>,
}

/// Undo and redo stacks. Not saved in the workspace file.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Increases with every change; compared with the saved revision to know if there are
    /// unsaved changes.
    revision: u64,
    /// Counter for fresh revision numbers.
    next_revision: u64,
    revisions: Vec<u64>,
    redo_revisions: Vec<u64>,
    /// The latest actions applied to the workspace (edits, undos and redos), oldest first, at
    /// most [`JOURNAL`]: a copy of the workspace kept for background work replays them instead
    /// of comparing 100,000 claims (see `ui::snapshot`).
    journal: std::collections::VecDeque<Action>,
    /// How many actions this history has applied (the journal's end).
    journal_end: u64,
    /// Names this history among those of a run (a cleared history starts a new one), so a
    /// journal position of one is never read in another.
    id: u64,
}

/// The most actions the journal keeps.
pub const JOURNAL: usize = 256;

/// A position in a history's journal (see [`History::journal_mark`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JournalMark {
    history: u64,
    at: u64,
}

impl History {
    /// The journal's current end: what [`History::journal_since`] counts from.
    pub fn journal_mark(&self) -> JournalMark {
        JournalMark {
            history: self.id,
            at: self.journal_end,
        }
    }

    /// The actions applied since `mark`, in order; `None` when the journal no longer reaches
    /// back that far or `mark` belongs to another (cleared) history.
    pub fn journal_since(&self, mark: JournalMark) -> Option<impl Iterator<Item = &Action>> {
        if mark.history != self.id || mark.at > self.journal_end {
            return None;
        }
        let behind = usize::try_from(self.journal_end - mark.at).ok()?;
        (behind <= self.journal.len())
            .then(|| self.journal.iter().skip(self.journal.len() - behind))
    }

    /// Drops the journal's actions (their reader has taken them); marks stay valid, and
    /// [`History::journal_since`] a mark older than this answers `None`.
    pub fn forget_journal(&mut self) {
        self.journal.clear();
    }

    fn record(&mut self, action: Action) {
        if self.journal.len() == JOURNAL {
            self.journal.pop_front();
        }
        self.journal.push_back(action);
        self.journal_end += 1;
    }

    /// Applies an action as a new undo step named `label`. With a `coalesce` key equal to the
    /// previous step's, the two become one step (so typing a word is one undo).
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        action: Action,
        label: impl Into<String>,
        coalesce: Option<String>,
    ) -> Result<(), ActionError> {
        let copy = action.clone();
        let inverse = action.apply(ws)?;
        self.record(copy);
        self.redo.clear();
        self.redo_revisions.clear();
        let merge = coalesce.is_some() && self.undo.last().is_some_and(|s| s.coalesce == coalesce);
        if !merge {
            self.undo.push(Step {
                label: label.into(),
                inverse,
                coalesce,
            });
            self.revisions.push(self.revision);
        }
        self.bump();
        Ok(())
    }

    fn bump(&mut self) {
        self.next_revision += 1;
        self.revision = self.next_revision;
    }

    /// Ends coalescing: the next edit starts a new undo step even with the same key.
    pub fn seal(&mut self) {
        if let Some(s) = self.undo.last_mut() {
            s.coalesce = None;
        }
    }

    /// Undoes the last step; returns its label (`Ok(None)` when there is nothing to undo).
    ///
    /// When the step no longer applies (its claim is gone, say), the error names it and the step
    /// stays on the stack: nothing is dropped in silence and the workspace is unchanged.
    pub fn undo(&mut self, ws: &mut Workspace) -> Result<Option<String>, StepError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let prev = self.revisions.pop().unwrap_or(0);
        match step.inverse.clone().apply(ws) {
            Ok(redo) => {
                self.record(step.inverse);
                self.redo.push(Step {
                    label: step.label.clone(),
                    inverse: redo,
                    coalesce: None,
                });
                self.redo_revisions.push(self.revision);
                self.revision = prev;
                Ok(Some(step.label))
            }
            Err(source) => {
                let label = step.label.clone();
                self.undo.push(step);
                self.revisions.push(prev);
                Err(StepError { label, source })
            }
        }
    }

    /// Redoes the last undone step; returns its label (`Ok(None)` when there is nothing to
    /// redo). A step that no longer applies stays on the stack, as with [`History::undo`].
    pub fn redo(&mut self, ws: &mut Workspace) -> Result<Option<String>, StepError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        let next = self.redo_revisions.pop().unwrap_or(0);
        match step.inverse.clone().apply(ws) {
            Ok(undo) => {
                self.record(step.inverse);
                self.undo.push(Step {
                    label: step.label.clone(),
                    inverse: undo,
                    coalesce: None,
                });
                self.revisions.push(self.revision);
                self.revision = next;
                Ok(Some(step.label))
            }
            Err(source) => {
                let label = step.label.clone();
                self.redo.push(step);
                self.redo_revisions.push(next);
                Err(StepError { label, source })
            }
        }
    }

    /// The label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The current revision: equal to a remembered value exactly when the workspace is back in
    /// the state it had then (used for the saved / unsaved marker).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Forgets all steps (a different workspace was opened). The revision moves to a number never
    /// used before, so a revision always identifies one workspace state within the app's run.
    pub fn clear(&mut self) {
        let fresh = self.next_revision + 1;
        *self = History {
            next_revision: fresh,
            revision: fresh,
            id: fresh,
            ..Default::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimKind;

    fn ws_with_claims(n: u64) -> Workspace {
        let mut ws = Workspace::new("t");
        for i in 1..=n {
            ws.claims
                .push(Claim::new(ClaimId::numbered(i), ClaimKind::Investment));
        }
        ws
    }

    #[test]
    fn every_action_round_trips_through_its_inverse() {
        let mut ws = ws_with_claims(3);
        let original = ws.clone();
        let mut edited = ws.claims[1].clone();
        edited.note = "changed".into();
        let actions = vec![
            Action::SetTitle("new".into()),
            Action::ReplaceClaim(Box::new(edited)),
            Action::DeleteClaim(ClaimId::numbered(1)),
            Action::CreateClaim {
                claim: Box::new(Claim::new(ClaimId::numbered(9), ClaimKind::Cash)),
                index: Some(0),
            },
        ];
        let inverse = Action::Batch(actions).apply(&mut ws).unwrap();
        assert_ne!(ws, original);
        assert_eq!(ws.claims[0].id.as_str(), "cl-0009");
        inverse.apply(&mut ws).unwrap();
        assert_eq!(ws, original);
    }

    #[test]
    fn replaying_the_journal_on_a_copy_gives_the_workspace() {
        let mut ws = ws_with_claims(5);
        let mut h = History::default();
        let copy = ws.clone();
        let mark = h.journal_mark();
        let mut edited = ws.claims[2].clone();
        edited.note = "changed".into();
        h.apply(
            &mut ws,
            Action::ReplaceClaim(Box::new(edited)),
            "edit",
            None,
        )
        .unwrap();
        h.apply(
            &mut ws,
            Action::DeleteClaim(ClaimId::numbered(1)),
            "delete",
            None,
        )
        .unwrap();
        h.undo(&mut ws).unwrap();
        h.redo(&mut ws).unwrap();
        h.undo(&mut ws).unwrap();
        let mut replayed = copy.clone();
        for a in h.journal_since(mark).expect("in reach") {
            a.clone().apply(&mut replayed).unwrap();
        }
        assert_eq!(replayed, ws);
        assert_eq!(h.journal_since(h.journal_mark()).unwrap().count(), 0);
        // A cleared history (another workspace) does not answer for the old one's marks.
        h.clear();
        assert!(h.journal_since(mark).is_none());
        // Nor does a journal that no longer reaches back.
        let old = h.journal_mark();
        for _ in 0..=JOURNAL {
            h.apply(&mut ws, Action::SetTitle("t".into()), "title", None)
                .unwrap();
        }
        assert!(h.journal_since(old).is_none());
        // Forgetting keeps marks from now on valid and empty.
        let now = h.journal_mark();
        h.forget_journal();
        assert_eq!(h.journal_since(now).map(|a| a.count()), Some(0));
        h.apply(&mut ws, Action::SetTitle("u".into()), "title", None)
            .unwrap();
        assert_eq!(h.journal_since(now).map(|a| a.count()), Some(1));
    }

    #[test]
    fn set_resolutions_returns_the_old_list() {
        let mut ws = ws_with_claims(2);
        let r = Resolution {
            finding: "figure:cl-0001+cl-0002".into(),
            claims: vec![ClaimId::numbered(1), ClaimId::numbered(2)],
            preferred: Some(ClaimId::numbered(2)),
            note: "the filing says so".into(),
        };
        let inverse = Action::SetResolutions(vec![r.clone()])
            .apply(&mut ws)
            .unwrap();
        assert_eq!(ws.resolutions, vec![r.clone()]);
        assert_eq!(inverse, Action::SetResolutions(Vec::new()));
        let redo = inverse.apply(&mut ws).unwrap();
        assert!(ws.resolutions.is_empty());
        assert_eq!(redo, Action::SetResolutions(vec![r]));
    }

    #[test]
    fn chart_actions_round_trip() {
        let mut ws = crate::sample::sample_workspace().unwrap();
        let before = ws.clone();
        let mut renamed = ws.charts[0].clone();
        renamed.title = "Renamed".into();
        let id = ws.charts[1].id.clone();
        let inverse = Action::Batch(vec![
            Action::ReplaceChart(Box::new(renamed)),
            Action::RemoveChart(id),
        ])
        .apply(&mut ws)
        .unwrap();
        assert_eq!(ws.charts.len(), before.charts.len() - 1);
        assert_eq!(ws.charts[0].title, "Renamed");
        inverse.apply(&mut ws).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn failed_batch_leaves_workspace_unchanged() {
        let mut ws = ws_with_claims(2);
        let before = ws.clone();
        let r = Action::Batch(vec![
            Action::SetTitle("x".into()),
            Action::DeleteClaim(ClaimId::numbered(7)),
        ])
        .apply(&mut ws);
        assert_eq!(r, Err(ActionError::Missing("cl-0007".into())));
        assert_eq!(ws, before);
    }

    #[test]
    fn undo_redo_and_saved_revision() {
        let mut ws = ws_with_claims(1);
        let mut h = History::default();
        let saved = h.revision();
        h.apply(&mut ws, Action::SetTitle("a".into()), "Rename", None)
            .unwrap();
        assert_ne!(h.revision(), saved);
        assert_eq!(h.undo(&mut ws).unwrap().as_deref(), Some("Rename"));
        assert_eq!(ws.title, "t");
        assert_eq!(
            h.revision(),
            saved,
            "undoing back to the saved state is clean"
        );
        assert_eq!(h.redo(&mut ws).unwrap().as_deref(), Some("Rename"));
        assert_eq!(ws.title, "a");
        assert!(h.redo_label().is_none());
    }

    #[test]
    fn a_step_that_no_longer_applies_is_reported_and_kept() {
        let mut ws = ws_with_claims(2);
        let mut h = History::default();
        h.apply(
            &mut ws,
            Action::DeleteClaim(ClaimId::numbered(1)),
            "Delete claim",
            None,
        )
        .unwrap();
        let rev = h.revision();
        // Something outside the history re-created the claim: undoing the deletion would
        // duplicate it.
        ws.claims
            .insert(0, Claim::new(ClaimId::numbered(1), ClaimKind::Cash));
        let before = ws.clone();
        let e = h.undo(&mut ws).expect_err("the step cannot apply");
        assert_eq!(e.label, "Delete claim");
        assert_eq!(e.source, ActionError::Duplicate("cl-0001".into()));
        assert_eq!(ws, before, "the workspace is unchanged");
        assert_eq!(h.undo_label(), Some("Delete claim"), "the step is kept");
        assert_eq!(h.revision(), rev, "the revision is unchanged");
        ws.claims.remove(0);
        assert_eq!(h.undo(&mut ws).unwrap().as_deref(), Some("Delete claim"));
        assert_eq!(ws.claims.len(), 2);
    }

    #[test]
    fn clearing_gives_a_revision_never_seen_before() {
        let mut ws = ws_with_claims(1);
        let mut h = History::default();
        h.apply(&mut ws, Action::SetTitle("a".into()), "Rename", None)
            .unwrap();
        let seen = [0, h.revision()];
        h.clear();
        assert!(!seen.contains(&h.revision()));
        assert!(h.undo_label().is_none());
    }

    #[test]
    fn typing_coalesces_into_one_step() {
        let mut ws = ws_with_claims(1);
        let mut h = History::default();
        for t in ["a", "ab", "abc"] {
            h.apply(
                &mut ws,
                Action::SetTitle(t.into()),
                "Rename",
                Some("title".into()),
            )
            .unwrap();
        }
        h.undo(&mut ws).unwrap();
        assert_eq!(ws.title, "t");
        assert!(h.undo_label().is_none());
    }
}
