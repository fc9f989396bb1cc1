//! The last built chart, kept until the chart definition or the workspace changes.
//!
//! Building a chart scans every claim and groups plotted reports of one fact, which is far too
//! slow to redo every frame on a large workspace. The cache is keyed by the chart definition and
//! the workspace's history revision (which names one workspace state within a run), so checking
//! it costs nothing even at 100,000 claims; the data is shared (`Arc`), not copied, per frame.

use crate::chart::ChartData;
use crate::model::{Chart, Workspace};

use std::sync::Arc;

/// The cached chart data.
#[derive(Debug, Default)]
pub struct ChartCache {
    entry: Option<(Chart, u64, Arc<ChartData>)>,
    /// How many times a chart was built (tests check that frames reuse the data).
    pub builds: u64,
}

impl ChartCache {
    /// The data of `chart` over `ws` at history revision `revision`, rebuilt only when the chart
    /// or the revision changed.
    pub fn get(&mut self, ws: &Workspace, chart: &Chart, revision: u64) -> Arc<ChartData> {
        if let Some((c, r, data)) = &self.entry
            && c == chart
            && *r == revision
        {
            return data.clone();
        }
        self.builds += 1;
        let data = Arc::new(crate::chart::build(ws, chart));
        self.entry = Some((chart.clone(), revision, data.clone()));
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
        let n = cache.get(&ws, &chart, 1).points().count();
        cache.get(&ws, &chart, 1);
        assert_eq!(cache.builds, 1);
        // An edit to a plotted claim's figure (a new revision) is seen.
        let id = cache.get(&ws, &chart, 1).claims[0].clone();
        let claim = ws
            .claims
            .iter_mut()
            .find(|c| c.id == id)
            .expect("plotted claim");
        claim.figure = None;
        let data = cache.get(&ws, &chart, 2);
        assert_eq!(data.points().count(), n - 1);
        assert!(data.not_plotted.iter().any(|np| np.claim == id));
        assert_eq!(cache.builds, 2);
        // So is another chart.
        let other = ws.charts[1].clone();
        cache.get(&ws, &other, 2);
        assert_eq!(cache.builds, 3);
        cache.get(&ws, &other, 3);
        assert_eq!(cache.builds, 4);
    }
}
