//! The copy of the workspace that background work reads (findings, the money-flow network on a
//! large workspace). One copy is shared by every worker and kept between runs. After edits it
//! is brought up to date by replaying the actions the history applied since (followed every
//! frame, [`Snapshot::follow`]), which costs microseconds; when they are not all known (another
//! workspace was opened, or hundreds of actions went by) [`Workspace::sync_from`] compares and
//! copies what differs (about 40 ms at 100,000 claims). A plain clone of 100,000 claims costs
//! the UI thread 40–100 ms and is made only for the first copy.

use crate::action::{Action, History, JournalMark};
use crate::model::Workspace;
use std::sync::Arc;

/// The shared copy and the history revision it equals.
#[derive(Debug, Default)]
pub struct Snapshot {
    current: Option<(u64, Arc<Workspace>)>,
    /// The history journal position followed up to.
    seen: Option<JournalMark>,
    /// Actions applied to the workspace since the copy was made, to replay on it.
    queued: Vec<Action>,
    /// Some actions since the copy are not known: compare instead of replaying.
    lost: bool,
    /// How many times the whole workspace was cloned (tests check that edits do not).
    pub full_copies: u64,
    /// How many times the copy was compared with the workspace rather than replayed.
    pub compared: u64,
}

impl Snapshot {
    /// A copy of `ws` at `revision` for a worker to read; `None` while a worker still holds an
    /// older copy (it cannot be updated in place then). Workers ask for a repaint when they
    /// finish, so the caller simply asks again on a later frame.
    pub fn at(&mut self, ws: &Workspace, revision: u64) -> Option<Arc<Workspace>> {
        match self.current.take() {
            Some((r, snap)) if r == revision => {
                self.current = Some((r, snap.clone()));
                Some(snap)
            }
            Some((r, snap)) => match Arc::try_unwrap(snap) {
                Ok(mut copy) => {
                    let queued = std::mem::take(&mut self.queued);
                    // Never followed (callers other than the app): nothing to replay from.
                    let replayed = !std::mem::take(&mut self.lost)
                        && self.seen.is_some()
                        && queued.into_iter().all(|a| a.apply(&mut copy).is_ok())
                        && same_shape(&copy, ws);
                    if !replayed {
                        self.compared += 1;
                        copy.sync_from(ws);
                    }
                    debug_assert!(copy == *ws, "the workspace copy went out of step");
                    Some(self.keep(revision, copy))
                }
                Err(shared) => {
                    self.current = Some((r, shared));
                    None
                }
            },
            None => {
                self.full_copies += 1;
                self.queued.clear();
                self.lost = false;
                Some(self.keep(revision, ws.clone()))
            }
        }
    }

    /// Takes note of the actions `history` applied since the last call; the app calls it at the
    /// start of every frame, before anything asks for the copy.
    pub fn follow(&mut self, history: &History) {
        let mark = history.journal_mark();
        if self.seen == Some(mark) {
            return;
        }
        if self.current.is_some() && !self.lost {
            match self.seen.and_then(|m| history.journal_since(m)) {
                Some(actions) => self.queued.extend(actions.cloned()),
                None => self.lost = true,
            }
            if self.queued.len() > crate::action::JOURNAL {
                self.lost = true;
            }
        }
        if self.lost {
            self.queued.clear();
        }
        self.seen = Some(mark);
    }

    fn keep(&mut self, revision: u64, copy: Workspace) -> Arc<Workspace> {
        let snap = Arc::new(copy);
        self.current = Some((revision, snap.clone()));
        snap
    }

    /// The copy and its revision, if any.
    pub fn current(&self) -> Option<(u64, &Workspace)> {
        self.current.as_ref().map(|(r, w)| (*r, w.as_ref()))
    }
}

/// A cheap check that a replayed copy is the workspace (a replay that missed an action would
/// differ here in most cases): the title and how many of each thing there are.
fn same_shape(a: &Workspace, b: &Workspace) -> bool {
    a.title == b.title
        && a.entities.len() == b.entities.len()
        && a.documents.len() == b.documents.len()
        && a.claims.len() == b.claims.len()
        && a.charts.len() == b.charts.len()
        && a.resolutions.len() == b.resolutions.len()
        && a.claims.last().map(|c| &c.id) == b.claims.last().map(|c| &c.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_is_shared_and_updated_in_place() {
        let mut ws = crate::sample::sample_workspace().expect("sample");
        let mut h = History::default();
        let mut s = Snapshot::default();
        s.follow(&h);
        let a = s.at(&ws, h.revision()).expect("first copy");
        let b = s.at(&ws, h.revision()).expect("same revision");
        assert!(Arc::ptr_eq(&a, &b), "shared, not copied again");
        let mut edited = ws.claims[0].clone();
        edited.note.push_str(" edited");
        h.apply(
            &mut ws,
            Action::ReplaceClaim(Box::new(edited)),
            "edit",
            None,
        )
        .expect("edit");
        s.follow(&h);
        assert!(
            s.at(&ws, h.revision()).is_none(),
            "a worker still holds the copy"
        );
        h.undo(&mut ws).expect("undo");
        h.redo(&mut ws).expect("redo");
        s.follow(&h);
        drop((a, b));
        let c = s.at(&ws, h.revision()).expect("updated once free");
        assert_eq!(*c, ws);
        assert_eq!((s.full_copies, s.compared), (1, 0), "replayed, not copied");
        assert_eq!(s.current().map(|(r, _)| r), Some(h.revision()));
        drop(c);
        // Another workspace (a cleared history): compared, not replayed.
        h.clear();
        ws.claims.truncate(2);
        s.follow(&h);
        let d = s.at(&ws, h.revision()).expect("free");
        assert_eq!(*d, ws);
        assert_eq!((s.full_copies, s.compared), (1, 1));
    }
}
