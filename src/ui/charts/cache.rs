//! The last built chart, kept until the chart or the workspace parts it reads change.
//!
//! Building a chart scans every claim and compares plotted reports pairwise, which is far too
//! slow to redo every frame on a large workspace. The cache keeps a copy of what the build
//! reads (the chart definition, claims, entities, and the documents' source fields) and rebuilds
//! only when one of them differs; the comparison is a plain equality check without allocation.

use crate::chart::ChartData;
use crate::model::{Chart, Claim, DocId, Entity, FuzzyDate, SourceDocument, Workspace};

/// The source fields of a document that chart building reads (origins of evidence).
#[derive(Clone, Debug, PartialEq)]
struct DocKey {
    id: DocId,
    title: String,
    outlet: String,
    cites: Vec<String>,
    published: Option<FuzzyDate>,
}

impl DocKey {
    fn of(d: &SourceDocument) -> Self {
        Self {
            id: d.id.clone(),
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            cites: d.cites.clone(),
            published: d.published,
        }
    }

    fn matches(&self, d: &SourceDocument) -> bool {
        self.id == d.id
            && self.title == d.title
            && self.outlet == d.outlet
            && self.cites == d.cites
            && self.published == d.published
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Key {
    chart: Chart,
    claims: Vec<Claim>,
    entities: Vec<Entity>,
    docs: Vec<DocKey>,
}

impl Key {
    fn of(ws: &Workspace, chart: &Chart) -> Self {
        Self {
            chart: chart.clone(),
            claims: ws.claims.clone(),
            entities: ws.entities.clone(),
            docs: ws.documents.iter().map(DocKey::of).collect(),
        }
    }

    fn matches(&self, ws: &Workspace, chart: &Chart) -> bool {
        self.chart == *chart
            && self.claims == ws.claims
            && self.entities == ws.entities
            && self.docs.len() == ws.documents.len()
            && self
                .docs
                .iter()
                .zip(&ws.documents)
                .all(|(k, d)| k.matches(d))
    }
}

/// The cached chart data.
#[derive(Debug, Default)]
pub struct ChartCache {
    entry: Option<(Key, ChartData)>,
    /// How many times a chart was built (tests check that frames reuse the data).
    pub builds: u64,
}

impl ChartCache {
    /// The data of `chart` over `ws`, rebuilt only when its inputs changed.
    pub fn get(&mut self, ws: &Workspace, chart: &Chart) -> &ChartData {
        let fresh = self
            .entry
            .as_ref()
            .is_some_and(|(key, _)| key.matches(ws, chart));
        if !fresh {
            self.entry = None;
        }
        let builds = &mut self.builds;
        let (_, data) = self.entry.get_or_insert_with(|| {
            *builds += 1;
            (Key::of(ws, chart), crate::chart::build(ws, chart))
        });
        data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_only_when_the_inputs_change() {
        let mut ws = crate::sample::sample_workspace().expect("sample");
        let chart = ws.charts[0].clone();
        let mut cache = ChartCache::default();
        let n = cache.get(&ws, &chart).points().count();
        cache.get(&ws, &chart);
        assert_eq!(cache.builds, 1);
        // An edit to a plotted claim's figure is seen.
        let id = cache.get(&ws, &chart).claims[0].clone();
        let claim = ws
            .claims
            .iter_mut()
            .find(|c| c.id == id)
            .expect("plotted claim");
        claim.figure = None;
        let data = cache.get(&ws, &chart);
        assert_eq!(data.points().count(), n - 1);
        assert!(data.not_plotted.iter().any(|np| np.claim == id));
        assert_eq!(cache.builds, 2);
        // So is another chart, and a renamed outlet.
        let other = ws.charts[1].clone();
        cache.get(&ws, &other);
        assert_eq!(cache.builds, 3);
        ws.documents[0].outlet.push('!');
        cache.get(&ws, &other);
        assert_eq!(cache.builds, 4);
    }
}
