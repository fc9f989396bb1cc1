//! The sample workspace shipped with the app (`workspaces/ai-compute-deals.ron`), embedded in the
//! binary so that a first start always has something real to look at, and (with the `dev-data`
//! feature, for tests and examples only) the builder that generates it from `assets/samples/`
//! (source documents plus `sample-spec.ron`).
//!
//! The spec names each claim's evidence as a quote of its document; the builder finds the quote
//! with `Anchor::find`, so anchors never have to be counted by hand and a changed document
//! fails the build loudly instead of leaving an evidence span pointing at the wrong words.
//! `cargo run --example build_sample` regenerates the workspace file; `tests/sample.rs` checks that
//! the committed file equals a fresh build.

use crate::io::LoadError;
use crate::model::Workspace;
use std::path::Path;

/// The text of the embedded sample workspace.
pub const SAMPLE_RON: &str = include_str!("../../workspaces/ai-compute-deals.ron");

/// The name shown for the embedded sample where a path would be.
pub const SAMPLE_NAME: &str = "workspaces/ai-compute-deals.ron (embedded sample)";

/// Parses the embedded sample workspace.
pub fn sample_workspace() -> Result<Workspace, LoadError> {
    crate::io::parse_workspace(SAMPLE_RON, Path::new(SAMPLE_NAME))
}

#[cfg(feature = "dev-data")]
mod build;
#[cfg(feature = "dev-data")]
pub use build::{SPEC_FILE, SampleError, build_sample};
