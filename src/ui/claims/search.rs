//! The Claims table's free-text filter: each claim's lowercased search text ("haystack"), and the
//! set of them kept across edits. After an edit only the claims whose searchable content changed
//! (or whose subject or counterparty was renamed) get a new text, so the first keystroke of a
//! filter after an edit at 100,000 claims costs a pass of cheap content fingerprints instead of
//! rebuilding and lowercasing every text.

use crate::model::{Claim, EntityId, Workspace};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

/// Entity names by id, as the texts read them.
pub type Names<'a> = HashMap<&'a EntityId, &'a str>;

/// Every entity's display name by id.
pub fn names(ws: &Workspace) -> Names<'_> {
    ws.entities
        .iter()
        .map(|e| (&e.id, e.name.as_str()))
        .collect()
}

/// A claim's text for the filter, lowercased: parties, kind, status, note, id, figure, tags and
/// evidence quotes, one per line (so no word spans two fields).
pub fn haystack(names: &Names<'_>, c: &Claim) -> String {
    let mut hay = String::with_capacity(256);
    haystack_into(names, c, &mut hay);
    hay
}

/// [`haystack`] written into `out` (cleared first), so a caller filtering without prepared texts
/// reuses one buffer.
pub fn haystack_into(names: &Names<'_>, c: &Claim, out: &mut String) {
    out.clear();
    fn name<'a>(names: &Names<'a>, id: &'a Option<EntityId>) -> &'a str {
        id.as_ref()
            .map_or("", |i| names.get(i).copied().unwrap_or(i.as_str()))
    }
    let mut push = |part: &str| {
        // Lowercased field by field: the same text as lowercasing the whole (fields end at a
        // line break, which is not a letter), without a second allocation for ASCII.
        if part.is_ascii() {
            let from = out.len();
            out.push_str(part);
            out[from..].make_ascii_lowercase();
        } else {
            out.push_str(&part.to_lowercase());
        }
        out.push('\n');
    };
    push(name(names, &c.subject));
    push(name(names, &c.counterparty));
    push(c.kind.label());
    push(c.status.label());
    push(&c.note);
    push(c.id.as_str());
    if let Some(fig) = &c.figure {
        push(&fig.display());
    }
    for t in &c.tags {
        push(t);
    }
    for e in &c.evidence {
        push(&e.anchor.exact);
    }
}

/// A 64-bit hash of everything [`haystack`] reads from a claim itself (not the entity names):
/// equal fingerprints mean the text can be reused. Each step is a bijection of the running
/// state, so two inputs differing in a single word always differ.
pub fn fingerprint(c: &Claim) -> u64 {
    let mut h = Fx::default();
    c.id.hash(&mut h);
    c.kind.hash(&mut h);
    c.status.hash(&mut h);
    c.subject.hash(&mut h);
    c.counterparty.hash(&mut h);
    c.note.hash(&mut h);
    match &c.figure {
        Some(f) => {
            h.write_u8(1);
            h.write_u64(f.low.to_bits());
            f.high.map(f64::to_bits).hash(&mut h);
            f.qualifier.hash(&mut h);
            f.unit.hash(&mut h);
        }
        None => h.write_u8(0),
    }
    c.tags.hash(&mut h);
    h.write_usize(c.evidence.len());
    for e in &c.evidence {
        e.anchor.exact.hash(&mut h);
    }
    h.finish()
}

/// A small multiply-rotate hasher (the scheme of rustc's FxHash) over 8-byte words.
#[derive(Default)]
struct Fx(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
        self.add(bytes.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hashes a fingerprint (already a hash) as itself.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `f` over `items` in chunks, on several threads for large inputs on machines with four cores
/// or more (memory-bound walks over 100,000 claims take tens of milliseconds on one core);
/// results in order.
fn par_chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    // Only with cores to spare: on two cores the app's own workers (the findings analysis that
    // follows every edit) hold the other one, and split work waits for its slowest part.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = if items.len() < 20_000 || cores < 4 {
        1
    } else {
        (cores - 1).min(4)
    };
    par_chunks_on(threads, items, f)
}

/// [`par_chunks`] on `threads` threads.
fn par_chunks_on<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    if threads <= 1 || items.is_empty() {
        return f(items);
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| s.spawn(move || f(chunk)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// The search texts of every claim at one history revision, with what they were built from.
#[derive(Debug, Default)]
pub struct SearchTexts {
    revision: u64,
    /// The texts, by claim index at `revision`.
    texts: Arc<Vec<String>>,
    /// Each text's claim [`fingerprint`].
    prints: Vec<u64>,
    /// The entity names the texts were built with.
    names: HashMap<EntityId, String>,
    /// How many texts the last update built (the others were kept); for tests and benchmarks.
    pub rebuilt: usize,
}

impl SearchTexts {
    /// Whether no text was built yet (for this workspace).
    pub fn is_empty(&self) -> bool {
        self.prints.is_empty()
    }

    /// Brings the texts up to `revision` when only the claims `changed` were edited in place
    /// since (no claim added or removed, no entity changed): their texts and fingerprints are
    /// built again, every other one is kept. `false` (nothing changed) when that does not fit
    /// what the texts were built from; [`SearchTexts::at`] then compares fingerprints.
    pub fn patch(
        &mut self,
        ws: &Workspace,
        revision: u64,
        changed: &std::collections::HashSet<crate::model::ClaimId>,
    ) -> bool {
        if self.prints.len() != ws.claims.len() || self.texts.len() != ws.claims.len() {
            return false;
        }
        let Some(at) = changed
            .iter()
            .map(|id| ws.claim_position(id))
            .collect::<Option<Vec<usize>>>()
        else {
            return false;
        };
        let names = names(ws);
        let texts = Arc::make_mut(&mut self.texts);
        for &i in &at {
            texts[i] = haystack(&names, &ws.claims[i]);
            self.prints[i] = fingerprint(&ws.claims[i]);
        }
        self.revision = revision;
        self.rebuilt = at.len();
        true
    }

    /// The texts of `ws` at `revision`: the same ones when the revision is unchanged, otherwise
    /// the previous ones updated, building texts only for claims whose fingerprint is new or
    /// whose subject or counterparty name changed.
    pub fn at(&mut self, ws: &Workspace, revision: u64) -> Arc<Vec<String>> {
        if self.revision == revision && self.prints.len() == ws.claims.len() {
            return Arc::clone(&self.texts);
        }
        let names = names(ws);
        // Entities renamed, added or removed since the texts were built.
        let mut renamed: std::collections::HashSet<&EntityId> = names
            .iter()
            .filter(|(id, n)| self.names.get(**id).is_none_or(|old| old != **n))
            .map(|(id, _)| *id)
            .collect();
        let gone: Vec<EntityId> = self
            .names
            .keys()
            .filter(|id| !names.contains_key(id))
            .cloned()
            .collect();
        renamed.extend(gone.iter());
        let mut old_texts = std::mem::take(&mut self.texts);
        let old_texts = Arc::make_mut(&mut old_texts);
        let old_prints = std::mem::take(&mut self.prints);
        let prints = par_chunks(&ws.claims, |cs| cs.iter().map(fingerprint).collect());
        let mut taken = vec![false; old_prints.len()];
        let mut by_print: Option<HashMap<u64, usize, BuildHasherDefault<Identity>>> = None;
        // Which old text each claim keeps, if any.
        let mut keep: Vec<Option<usize>> = Vec::with_capacity(ws.claims.len());
        // The next old text expected: edits keep most claims in place or shift them by one.
        let mut next = 0usize;
        for (i, c) in ws.claims.iter().enumerate() {
            let p = prints[i];
            let party_renamed = !renamed.is_empty()
                && [&c.subject, &c.counterparty]
                    .iter()
                    .any(|e| e.as_ref().is_some_and(|e| renamed.contains(e)));
            let free = |j: usize| old_prints.get(j) == Some(&p) && !taken[j];
            let found = if party_renamed {
                None
            } else if free(next) {
                Some(next)
            } else if free(next + 1) {
                // The claim before it was deleted.
                Some(next + 1)
            } else if prints
                .get(i + 1)
                .is_some_and(|q| old_prints.get(next + 1) == Some(q))
            {
                // Edited in place: the next claim is where it was.
                next += 1;
                None
            } else if prints
                .get(i + 1)
                .is_some_and(|q| old_prints.get(next) == Some(q))
            {
                // Inserted here.
                None
            } else {
                let map = by_print.get_or_insert_with(|| {
                    old_prints
                        .iter()
                        .enumerate()
                        .map(|(j, &p)| (p, j))
                        .collect()
                });
                map.get(&p).copied().filter(|&j| !taken[j])
            };
            if let Some(j) = found {
                taken[j] = true;
                next = j + 1;
            }
            keep.push(found);
        }
        let todo: Vec<usize> = (0..ws.claims.len())
            .filter(|&i| keep[i].is_none())
            .collect();
        let mut built = par_chunks(&todo, |idx| {
            idx.iter()
                .map(|&i| haystack(&names, &ws.claims[i]))
                .collect()
        })
        .into_iter();
        let texts: Vec<String> = keep
            .iter()
            .map(|k| match k {
                Some(j) => std::mem::take(&mut old_texts[*j]),
                None => built.next().unwrap_or_default(),
            })
            .collect();
        let rebuilt = todo.len();
        self.names = names
            .into_iter()
            .map(|(id, n)| (id.clone(), n.to_owned()))
            .collect();
        self.texts = Arc::new(texts);
        self.prints = prints;
        self.revision = revision;
        self.rebuilt = rebuilt;
        Arc::clone(&self.texts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, ClaimKind};

    /// The texts built from scratch, to compare the kept ones with.
    fn fresh(ws: &Workspace) -> Vec<String> {
        let n = names(ws);
        ws.claims.iter().map(|c| haystack(&n, c)).collect()
    }

    #[test]
    fn the_text_is_the_whole_lowercased_once() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let n = names(&ws);
        let mut c = ws.claims[0].clone();
        c.note = "ΣΟΦΟΣ Straße ÉCLAIR".into();
        c.tags = vec!["Big-Tag".into()];
        let hay = haystack(&n, &c);
        assert!(hay.contains("σοφος straße éclair\n"), "{hay}");
        assert!(hay.contains("big-tag\n"));
        assert!(hay.contains(&c.id.as_str().to_lowercase()));
        assert_eq!(hay, hay.to_lowercase());
    }

    #[test]
    fn edits_rebuild_only_the_changed_claims_and_match_a_fresh_build() {
        let mut ws = crate::sample::sample_workspace().expect("sample");
        let mut s = SearchTexts::default();
        let first = s.at(&ws, 1);
        assert_eq!(*first, fresh(&ws));
        assert_eq!(s.rebuilt, ws.claims.len());
        assert!(Arc::ptr_eq(&first, &s.at(&ws, 1)), "same revision: kept");
        drop(first);

        // A note edited: one text rebuilt.
        ws.claims[3].note = "Zebra crossing".into();
        assert_eq!(*s.at(&ws, 2), fresh(&ws));
        assert_eq!(s.rebuilt, 1);

        // A quote edited.
        let i = ws
            .claims
            .iter()
            .position(|c| !c.evidence.is_empty())
            .unwrap();
        ws.claims[i].evidence[0].anchor.exact = "a brand new quote".into();
        assert_eq!(*s.at(&ws, 3), fresh(&ws));
        assert_eq!(s.rebuilt, 1);

        // A claim deleted and one inserted at the front: the others are kept.
        ws.claims.remove(5);
        ws.claims
            .insert(0, Claim::new(ClaimId::new("cl-9000"), ClaimKind::Other));
        assert_eq!(*s.at(&ws, 4), fresh(&ws));
        assert_eq!(s.rebuilt, 1);

        // An entity renamed: the claims naming it are rebuilt, no others.
        let e = ws.claims[1].subject.clone().expect("a subject");
        let naming = ws
            .claims
            .iter()
            .filter(|c| c.subject.as_ref() == Some(&e) || c.counterparty.as_ref() == Some(&e))
            .count();
        let ent = ws.entities.iter_mut().find(|x| x.id == e).unwrap();
        ent.name = "Renamed Co".into();
        assert_eq!(*s.at(&ws, 5), fresh(&ws));
        assert_eq!(s.rebuilt, naming);

        // Two claims swapped: taken at first for an edit in place, so at most those two are
        // rebuilt.
        ws.claims.swap(2, 7);
        assert_eq!(*s.at(&ws, 6), fresh(&ws));
        assert!(s.rebuilt <= 2, "{}", s.rebuilt);

        // Claims reversed: found by fingerprint wherever they are now.
        ws.claims.reverse();
        assert_eq!(*s.at(&ws, 7), fresh(&ws));
        assert!(s.rebuilt <= 2, "{}", s.rebuilt);

        // Every claim edited: all rebuilt.
        for c in &mut ws.claims {
            c.tags.push("again".into());
        }
        assert_eq!(*s.at(&ws, 8), fresh(&ws));
        assert_eq!(s.rebuilt, ws.claims.len());
    }

    #[test]
    fn split_work_comes_back_in_order() {
        let items: Vec<u32> = (0..10_007).collect();
        for threads in [1, 2, 3, 4] {
            let out = par_chunks_on(threads, &items, |c| c.iter().map(|x| x * 2).collect());
            assert_eq!(
                out,
                items.iter().map(|x| x * 2).collect::<Vec<_>>(),
                "{threads}"
            );
        }
    }

    #[test]
    fn large_workspaces_match_a_fresh_build_after_an_edit() {
        let ws = crate::synth::generate(&crate::synth::SynthSpec::new(5, 25_000));
        assert!(ws.claims.len() >= 20_000);
        let mut s = SearchTexts::default();
        assert_eq!(*s.at(&ws, 1), fresh(&ws));
        let mut edited = ws.clone();
        edited.claims[12_345].note = "moved on".into();
        edited.claims.remove(100);
        assert_eq!(*s.at(&edited, 2), fresh(&edited));
        assert_eq!(s.rebuilt, 1);
    }

    #[test]
    fn fingerprints_see_every_searched_field() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let c = ws
            .claims
            .iter()
            .find(|c| c.figure.is_some() && !c.evidence.is_empty())
            .unwrap()
            .clone();
        let base = fingerprint(&c);
        let edits: [fn(&mut Claim); 10] = [
            |c| c.note.push('x'),
            |c| c.tags.push("t".into()),
            |c| c.evidence[0].anchor.exact.push('y'),
            |c| c.figure.as_mut().unwrap().low += 1.0,
            |c| c.figure.as_mut().unwrap().qualifier = crate::model::Qualifier::UpTo,
            |c| c.subject = None,
            |c| c.counterparty = Some("someone-else".into()),
            |c| c.kind = ClaimKind::Other,
            |c| c.status = crate::model::ClaimStatus::Denied,
            |c| c.id = ClaimId::new("cl-7777"),
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut d = c.clone();
            edit(&mut d);
            assert_ne!(fingerprint(&d), base, "edit {i}");
        }
    }
}
