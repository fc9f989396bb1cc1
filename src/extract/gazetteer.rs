//! The gazetteer: names of the field's companies and their aliases, matched in text with
//! Aho-Corasick and mapped to canonical names (AWS → Amazon, NVIDIA Corp. → Nvidia).
//!
//! A built-in list covers the usual parties of AI deals; a workspace's own entities (name,
//! aliases, parent) are merged on top with [`Gazetteer::merge_entities`]. Each entry also carries
//! a [`Role`] prior (AI lab, provider, investor) that breaks ties when the clause structure does
//! not say who pays whom.

use super::builtin::BUILTIN;
use crate::model::Entity;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What part a party usually plays in AI deals; used only to break ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A model developer that raises money and buys compute (OpenAI, Anthropic).
    Lab,
    /// A large platform company that both sells and buys compute (Amazon, Microsoft, Meta).
    BigTech,
    /// A cloud, chip or data-centre provider (Nvidia, CoreWeave, Oracle).
    Provider,
    /// A financial investor (SoftBank, funds).
    Investor,
    /// Unknown or other.
    Other,
}

/// One party in the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct GazEntry {
    /// Display name of this entry (`AWS`).
    pub name: String,
    /// Other names that refer to it.
    pub aliases: Vec<String>,
    /// Name of the owning entry (`Amazon` for `AWS`).
    pub parent: Option<String>,
    /// Usual role in deals.
    pub role: Role,
}

/// A party found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Start byte offset of the name.
    pub start: usize,
    /// End byte offset of the name.
    pub end: usize,
    /// Canonical (top-parent) name.
    pub canonical: String,
    /// Usual role of the canonical party.
    pub role: Role,
    /// Whether the name is followed by a possessive `'s` / `’s`.
    pub possessive: bool,
}

/// Names of parties and a matcher over them.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entries: Vec<GazEntry>,
    /// Pattern index → entry index, for the case-insensitive automaton.
    ci_map: Vec<usize>,
    ci: Option<AhoCorasick>,
    /// Per case-insensitive pattern: the exact form a short name must have.
    exact: Vec<Option<String>>,
}

/// Names up to this many bytes are matched case-sensitively (`AMD`, `Meta`, `Arm`).
const SHORT_NAME: usize = 4;

impl Role {
    /// How likely the party is the buyer in a compute or chip deal: labs buy from big tech,
    /// big tech buys from specialised providers.
    pub fn buyer_rank(self) -> u8 {
        match self {
            Role::Lab => 3,
            Role::BigTech => 2,
            Role::Provider => 1,
            Role::Investor | Role::Other => 0,
        }
    }
}

impl Gazetteer {
    /// The built-in list of the field's companies.
    pub fn builtin() -> Self {
        let entries = BUILTIN
            .iter()
            .map(|(name, aliases, parent, role)| GazEntry {
                name: (*name).to_owned(),
                aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
                parent: parent.map(str::to_owned),
                role: *role,
            })
            .collect();
        Self::from_entries(entries)
    }

    /// A gazetteer of exactly these entries.
    pub fn from_entries(entries: Vec<GazEntry>) -> Self {
        let mut g = Self {
            entries,
            ci_map: Vec::new(),
            ci: None,
            exact: Vec::new(),
        };
        g.rebuild();
        g
    }

    /// Merges a workspace's entities: an entity whose name or alias is already known adds its
    /// aliases (and parent) to that entry; others become new entries. Parents are given by id in
    /// the workspace and resolved to names through `entities`.
    pub fn merge_entities(&mut self, entities: &[Entity]) {
        for e in entities {
            let parent = e.parent.as_ref().and_then(|pid| {
                entities
                    .iter()
                    .find(|p| &p.id == pid)
                    .map(|p| p.name.clone())
            });
            let known = self.entries.iter().position(|g| {
                g.name.eq_ignore_ascii_case(&e.name)
                    || g.aliases.iter().any(|a| a.eq_ignore_ascii_case(&e.name))
            });
            match known {
                Some(i) => {
                    let g = &mut self.entries[i];
                    for a in &e.aliases {
                        if !g.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                            g.aliases.push(a.clone());
                        }
                    }
                    if parent.is_some() {
                        g.parent = parent;
                    }
                }
                None => self.entries.push(GazEntry {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    parent,
                    role: Role::Other,
                }),
            }
        }
        self.rebuild();
    }

    /// The entries, built-in and merged.
    pub fn entries(&self) -> &[GazEntry] {
        &self.entries
    }

    /// The canonical (top-parent) name for any known name or alias.
    pub fn canonical(&self, name: &str) -> Option<String> {
        let i = self.entries.iter().position(|g| {
            g.name.eq_ignore_ascii_case(name)
                || g.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })?;
        Some(self.entries[self.top(i)].name.clone())
    }

    /// Index of the top parent of entry `i` (AWS → Amazon). Cycles stop after a few steps.
    fn top(&self, mut i: usize) -> usize {
        for _ in 0..8 {
            let Some(p) = &self.entries[i].parent else {
                break;
            };
            match self
                .entries
                .iter()
                .position(|g| g.name.eq_ignore_ascii_case(p))
            {
                Some(j) if j != i => i = j,
                _ => break,
            }
        }
        i
    }

    fn rebuild(&mut self) {
        let mut ci_pats = Vec::new();
        self.ci_map.clear();
        self.exact.clear();
        for (i, g) in self.entries.iter().enumerate() {
            for name in std::iter::once(&g.name).chain(&g.aliases) {
                if name.trim().is_empty() {
                    continue;
                }
                // One case-insensitive automaton; short names must then match as written
                // or in capitals (`AMD`, `Meta`/`META`, never `meta`).
                ci_pats.push(name.clone());
                self.ci_map.push(i);
                self.exact
                    .push((name.len() <= SHORT_NAME).then(|| name.clone()));
            }
        }
        self.ci = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&ci_pats)
            .ok();
    }

    /// All parties named in `text`, in order, on word boundaries; `base` is added to offsets.
    pub fn find(&self, text: &str, base: usize) -> Vec<Mention> {
        let mut out = Vec::new();
        if let Some(ac) = &self.ci {
            let map = &self.ci_map;
            for m in ac.find_iter(text) {
                let (s, e) = (m.start(), m.end());
                let before_ok = !text[..s].chars().next_back().is_some_and(is_word_char);
                let after_ok = !text[e..].chars().next().is_some_and(is_word_char);
                if !before_ok || !after_ok {
                    continue;
                }
                if let Some(Some(form)) = self.exact.get(m.pattern().as_usize()) {
                    let got = &text[s..e];
                    if got != form && got != form.to_uppercase() {
                        continue;
                    }
                }
                let entry = map[m.pattern().as_usize()];
                let top = self.top(entry);
                let rest = &text[e..];
                let possessive = rest.starts_with("'s")
                    || rest.starts_with("’s")
                    || rest.starts_with("' ")
                    || rest.starts_with("’ ");
                out.push(Mention {
                    start: base + s,
                    end: base + e,
                    canonical: self.entries[top].name.clone(),
                    role: self.entries[top].role,
                    possessive,
                });
            }
        }
        out.sort_by_key(|m| m.start);
        // Drop overlapping mentions, keeping the longer one.
        let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
        for m in out {
            match kept.last() {
                Some(last) if m.start < last.end => {
                    if m.end - m.start > last.end - last.start {
                        kept.pop();
                        kept.push(m);
                    }
                }
                _ => kept.push(m),
            }
        }
        kept
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityId, EntityKind};

    #[test]
    fn aliases_map_to_canonical_parents() {
        let g = Gazetteer::builtin();
        let m = g.find(
            "Amazon Web Services (AWS) and NVIDIA Corp. back OpenAI's plan.",
            0,
        );
        let names: Vec<&str> = m.iter().map(|m| m.canonical.as_str()).collect();
        assert_eq!(names, ["Amazon", "Amazon", "Nvidia", "OpenAI"]);
        assert!(m[3].possessive);
        assert_eq!(g.canonical("Azure").as_deref(), Some("Microsoft"));
    }

    #[test]
    fn short_names_need_exact_case_and_word_boundaries() {
        let g = Gazetteer::builtin();
        assert!(g.find("metadata and amd and armchair", 0).is_empty());
        assert_eq!(g.find("AMD and Meta", 0).len(), 2);
    }

    #[test]
    fn workspace_entities_merge_in() {
        let mut g = Gazetteer::builtin();
        let ws = vec![
            Entity {
                id: EntityId::new("acme"),
                name: "Acme Compute".into(),
                aliases: vec!["AcmeCo".into()],
                kind: EntityKind::Company,
                parent: Some(EntityId::new("amazon")),
            },
            Entity {
                id: EntityId::new("amazon"),
                name: "Amazon".into(),
                aliases: vec!["Amzn".into()],
                kind: EntityKind::Company,
                parent: None,
            },
        ];
        g.merge_entities(&ws);
        let m = g.find("AcmeCo and Amzn", 0);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.canonical == "Amazon"));
    }
}
