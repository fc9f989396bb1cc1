//! The sample workspace shipped with the app (`workspaces/ai-compute-deals.ron`), embedded in the
//! binary so that a first start always has something real to look at.

use crate::io::LoadError;
use crate::model::Workspace;
use std::path::Path;

/// The text of the embedded sample workspace.
pub const SAMPLE_RON: &str = include_str!("../workspaces/ai-compute-deals.ron");

/// The name shown for the embedded sample where a path would be.
pub const SAMPLE_NAME: &str = "workspaces/ai-compute-deals.ron (embedded sample)";

/// Parses the embedded sample workspace.
pub fn sample_workspace() -> Result<Workspace, LoadError> {
    crate::io::parse_workspace(SAMPLE_RON, Path::new(SAMPLE_NAME))
}
