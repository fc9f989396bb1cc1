//! claimbench: an analyst workbench for claims about AI-industry deals.
//!
//! The library holds the domain model ([`model`]), file I/O ([`io`]), and the GUI (`ui`, behind
//! the default `gui` feature); the binary (`src/main.rs`) is a thin CLI front over it. Data flows
//! one way: files → `io` → `model` → views; user edits flow back as actions applied in one place.

#![warn(missing_docs)]

pub mod action;
pub mod analysis;
pub mod anchoring;
pub mod annotate;
pub mod chart;
pub mod cli;
pub mod extract;
pub mod io;
pub mod merge;
pub mod model;
pub mod sample;
pub mod session;
/// Synthetic workspaces for tests, benchmarks and examples (feature `dev-data`; not shipped).
#[cfg(any(test, feature = "dev-data"))]
pub mod synth;
#[cfg(feature = "gui")]
pub mod ui;
pub mod words;
