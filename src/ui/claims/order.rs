//! The Claims table's row order: the filters (kind, status, party, dates, free text against each
//! claim's search text) and the sort by a column, with ties broken by claim number.

use super::search;
use super::{SortKey, TableState};
use crate::model::{Claim, Workspace};
use std::cmp::Ordering;

fn name<'a>(ws: &'a Workspace, id: &'a Option<crate::model::EntityId>) -> &'a str {
    id.as_ref().map_or("", |i| ws.entity_name(i))
}

/// Compares two claims by a column (ascending).
pub fn compare(ws: &Workspace, key: SortKey, a: &Claim, b: &Claim) -> Ordering {
    let by = match key {
        SortKey::Date => match (ws.claim_date(a), ws.claim_date(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Kind => a.kind.label().cmp(b.kind.label()),
        SortKey::Subject => name(ws, &a.subject)
            .to_lowercase()
            .cmp(&name(ws, &b.subject).to_lowercase()),
        SortKey::Counterparty => name(ws, &a.counterparty)
            .to_lowercase()
            .cmp(&name(ws, &b.counterparty).to_lowercase()),
        SortKey::Amount => {
            let v = |c: &Claim| c.figure.as_ref().map_or(f64::NEG_INFINITY, |f| f.point());
            v(a).total_cmp(&v(b))
        }
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::Sources => a.documents().len().cmp(&b.documents().len()),
    };
    by.then_with(|| a.id.cmp(&b.id))
}

/// Filters of the Claims table; empty fields filter nothing.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ClaimFilter {
    /// Free text matched against parties, figure, kind, status, note, tags and quotes.
    pub text: String,
    /// Only this kind.
    pub kind: Option<crate::model::ClaimKind>,
    /// Only this status.
    pub status: Option<crate::model::ClaimStatus>,
    /// Only claims where this entity (or a subsidiary) is subject or counterparty.
    pub entity: Option<crate::model::EntityId>,
    /// Only claims dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: String,
    /// Only claims dated on or before this.
    pub to: String,
}

impl ClaimFilter {
    /// Whether a claim passes the filter. Unparsable dates filter nothing.
    pub fn accepts(&self, ws: &Workspace, c: &Claim) -> bool {
        Prepared::of(self, ws).accepts(self, ws, c, None)
    }
}

/// The parts of a [`ClaimFilter`] parsed once per table pass rather than once per claim.
struct Prepared<'a> {
    from: Option<crate::model::FuzzyDate>,
    to: Option<crate::model::FuzzyDate>,
    words: Vec<String>,
    /// Entity names by id (a scan of the entity list per claim cost tens of ms at 100k).
    names: search::Names<'a>,
    /// The search text of the claim being checked when none was prepared (one buffer reused).
    buf: std::cell::RefCell<String>,
}

impl<'a> Prepared<'a> {
    fn of(f: &ClaimFilter, ws: &'a Workspace) -> Self {
        Self {
            names: search::names(ws),
            buf: std::cell::RefCell::new(String::with_capacity(512)),
            from: f.from.trim().parse().ok(),
            to: f.to.trim().parse().ok(),
            words: f.text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// Whether `c` passes the filter; `hay` is its [`search::haystack`] when one was prepared.
    fn accepts(&self, f: &ClaimFilter, ws: &Workspace, c: &'a Claim, hay: Option<&str>) -> bool {
        if f.kind.is_some_and(|k| k != c.kind) || f.status.is_some_and(|s| s != c.status) {
            return false;
        }
        if let Some(e) = &f.entity {
            let hit = |p: &Option<crate::model::EntityId>| {
                p.as_ref().is_some_and(|p| p == e || ws.root_entity(p) == e)
            };
            if !hit(&c.subject) && !hit(&c.counterparty) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            // The same claim date and window rule as the Network and Findings.
            let inside = crate::analysis::facts::claim_date(ws, c)
                .is_some_and(|d| crate::analysis::filter::may_fall_within(&d, self.from, self.to));
            if !inside {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let hit = |hay: &str| self.words.iter().all(|w| hay.contains(w.as_str()));
        match hay {
            Some(h) => hit(h),
            None => {
                let mut buf = self.buf.borrow_mut();
                search::haystack_into(&self.names, c, &mut buf);
                hit(&buf)
            }
        }
    }
}

/// The row order of the table: indices into `ws.claims`.
pub fn row_order(
    ws: &Workspace,
    state: &TableState,
    open_doc: Option<&crate::model::DocId>,
) -> Vec<usize> {
    row_order_with(ws, state, open_doc, None)
}

/// [`row_order`] with each claim's prepared [`search::haystack`] (by claim index), if there are any.
pub fn row_order_with(
    ws: &Workspace,
    state: &TableState,
    open_doc: Option<&crate::model::DocId>,
    haystacks: Option<&[String]>,
) -> Vec<usize> {
    let prepared = Prepared::of(&state.filter, ws);
    let hay = |i: usize| haystacks.and_then(|h| h.get(i)).map(String::as_str);
    let mut rows: Vec<usize> = (0..ws.claims.len())
        .filter(|&i| {
            !state.only_open_document
                || open_doc.is_some_and(|d| ws.claims[i].evidence.iter().any(|e| &e.doc == d))
        })
        .filter(|&i| prepared.accepts(&state.filter, ws, &ws.claims[i], hay(i)))
        .collect();
    match state.sort {
        // Names are looked up and lowercased once per row, not once per comparison.
        SortKey::Subject | SortKey::Counterparty => {
            let names = lower_names(ws);
            let subject = state.sort == SortKey::Subject;
            let mut keyed: Vec<(String, u64, usize)> = rows
                .iter()
                .map(|&i| {
                    (
                        party_key(&names, &ws.claims[i], subject),
                        id_number(ws, i),
                        i,
                    )
                })
                .collect();
            keyed.sort_by(|(ka, na, i), (kb, nb, j)| {
                let o = ka.cmp(kb).then_with(|| tie_break(ws, (*na, *i), (*nb, *j)));
                if state.descending { o.reverse() } else { o }
            });
            rows = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
        SortKey::Sources => {
            // Counted once per row, not twice per comparison.
            let n: Vec<usize> = ws.claims.iter().map(|c| c.documents().len()).collect();
            rows.sort_by(|&i, &j| {
                let o = n[i]
                    .cmp(&n[j])
                    .then_with(|| ws.claims[i].id.cmp(&ws.claims[j].id));
                if state.descending { o.reverse() } else { o }
            });
        }
        SortKey::Date | SortKey::Amount => {
            // Keys packed into integers once per row: comparisons then touch a small array
            // instead of 100,000 scattered claims.
            let mut keyed: Vec<(u64, u64, usize)> = rows
                .iter()
                .map(|&i| {
                    (
                        packed_key(ws, state.sort, &ws.claims[i]),
                        id_number(ws, i),
                        i,
                    )
                })
                .collect();
            keyed.sort_by(|&(ka, na, i), &(kb, nb, j)| {
                let o = ka.cmp(&kb).then_with(|| tie_break(ws, (na, i), (nb, j)));
                if state.descending { o.reverse() } else { o }
            });
            rows = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
        _ => rows.sort_by(|&i, &j| {
            let o = compare(ws, state.sort, &ws.claims[i], &ws.claims[j]);
            if state.descending { o.reverse() } else { o }
        }),
    }
    rows
}

/// Lowercased entity names by id, for the Subject and Counterparty sorts.
fn lower_names(ws: &Workspace) -> std::collections::HashMap<&str, String> {
    ws.entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.to_lowercase()))
        .collect()
}

/// A claim's subject (or counterparty) name as the table sorts it.
fn party_key(names: &std::collections::HashMap<&str, String>, c: &Claim, subject: bool) -> String {
    let party = if subject { &c.subject } else { &c.counterparty };
    party.as_ref().map_or(String::new(), |id| {
        names
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| id.as_str().to_lowercase())
    })
}

/// A claim's date (undated last) or figure as one integer in sort order.
fn packed_key(ws: &Workspace, sort: SortKey, c: &Claim) -> u64 {
    if sort == SortKey::Date {
        ws.claim_date(c).map_or(u64::MAX, |d| {
            let y = (d.year_value() + 100_000) as u64;
            let m = d.month_value().map_or(0, |m| m + 1) as u64;
            let day = d.day_value().map_or(0, |x| x + 1) as u64;
            (y << 16) | (m << 8) | day
        })
    } else {
        let v = c.figure.as_ref().map_or(f64::NEG_INFINITY, |f| f.point());
        // Total order of f64 as an unsigned integer.
        let b = v.to_bits();
        if b >> 63 == 1 { !b } else { b | (1 << 63) }
    }
}

/// The order [`row_order_with`] sorts two rows in, compared one pair at a time: patching a row
/// order after an edit compares only the rows next to the changed ones.
struct RowCmp<'a> {
    ws: &'a Workspace,
    state: &'a TableState,
    names: std::collections::HashMap<&'a str, String>,
}

impl<'a> RowCmp<'a> {
    fn new(ws: &'a Workspace, state: &'a TableState) -> Self {
        let names = match state.sort {
            SortKey::Subject | SortKey::Counterparty => lower_names(ws),
            _ => Default::default(),
        };
        Self { ws, state, names }
    }

    fn cmp(&self, i: usize, j: usize) -> Ordering {
        let ws = self.ws;
        let (a, b) = (&ws.claims[i], &ws.claims[j]);
        let tie = || tie_break(ws, (id_number(ws, i), i), (id_number(ws, j), j));
        let o = match self.state.sort {
            SortKey::Subject | SortKey::Counterparty => {
                let subject = self.state.sort == SortKey::Subject;
                party_key(&self.names, a, subject)
                    .cmp(&party_key(&self.names, b, subject))
                    .then_with(tie)
            }
            SortKey::Sources => a
                .documents()
                .len()
                .cmp(&b.documents().len())
                .then_with(|| a.id.cmp(&b.id)),
            SortKey::Date | SortKey::Amount => packed_key(ws, self.state.sort, a)
                .cmp(&packed_key(ws, self.state.sort, b))
                .then_with(tie),
            _ => compare(ws, self.state.sort, a, b),
        };
        if self.state.descending {
            o.reverse()
        } else {
            o
        }
    }
}

/// The row order `old` (made before claims `changed` were edited in place, by index) brought up
/// to date the way the table keeps rows after an edit: rows that still pass the filter keep
/// their places, rows that no longer pass are gone, rows that newly pass follow in sorted order.
/// Also says whether the result is sorted, given whether `old` was: only the rows next to a
/// changed one can be out of order. Costs a pass over `old`, not a filter and sort of every
/// claim.
pub(super) fn patch_row_order(
    ws: &Workspace,
    state: &TableState,
    open_doc: Option<&crate::model::DocId>,
    haystacks: Option<&[String]>,
    old: &[usize],
    changed: &[usize],
    was_sorted: bool,
) -> (Vec<usize>, bool) {
    let prepared = Prepared::of(&state.filter, ws);
    let hay = |i: usize| haystacks.and_then(|h| h.get(i)).map(String::as_str);
    let passes = |i: usize| {
        let c = &ws.claims[i];
        (!state.only_open_document
            || open_doc.is_some_and(|d| c.evidence.iter().any(|e| &e.doc == d)))
            && prepared.accepts(&state.filter, ws, c, hay(i))
    };
    let mut mark = vec![false; ws.claims.len()];
    for &i in changed {
        if let Some(m) = mark.get_mut(i) {
            *m = true;
        }
    }
    let mut shown = Vec::new();
    let mut rows: Vec<usize> = old
        .iter()
        .copied()
        .filter(|&i| {
            if !mark.get(i).copied().unwrap_or(false) {
                return true;
            }
            shown.push(i);
            passes(i)
        })
        .collect();
    let cmp = RowCmp::new(ws, state);
    let mut new: Vec<usize> = changed
        .iter()
        .copied()
        .filter(|i| *i < ws.claims.len() && !shown.contains(i) && passes(*i))
        .collect();
    new.sort_by(|&a, &b| cmp.cmp(a, b));
    new.dedup();
    let start = rows.len();
    rows.extend(new);
    let in_order = |p: usize| p == 0 || cmp.cmp(rows[p - 1], rows[p]) != Ordering::Greater;
    let sorted = was_sorted
        && (start == 0 || start == rows.len() || in_order(start))
        && (0..rows.len())
            .filter(|&p| mark[rows[p]])
            .all(|p| in_order(p) && (p + 1 == rows.len() || in_order(p + 1)));
    (rows, sorted)
}

/// A claim's number for tie-breaks (`cl-0042` → 42), read once per row; ids that are not
/// numbered get `u64::MAX` and are ordered among themselves by text.
fn id_number(ws: &Workspace, i: usize) -> u64 {
    ws.claims[i].id.number().unwrap_or(u64::MAX)
}

/// Orders rows with equal sort keys by claim number: comparing two integers in the keyed array
/// instead of two id strings in scattered claims (most of a 100,000-row sort's time, since
/// dates and names repeat).
fn tie_break(ws: &Workspace, (na, i): (u64, usize), (nb, j): (u64, usize)) -> Ordering {
    na.cmp(&nb).then_with(|| {
        if na == u64::MAX {
            ws.claims[i].id.cmp(&ws.claims[j].id)
        } else {
            Ordering::Equal
        }
    })
}
