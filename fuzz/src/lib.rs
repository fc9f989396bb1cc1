//! The checks behind the fuzz targets in `fuzz_targets/`, one function per target. They live in
//! `checks.rs`, which the main crate's `tests/fuzz_regressions.rs` also includes, so every stored
//! crash input is re-run through exactly these checks by `cargo test`.

mod checks;

pub use checks::{check_extract, check_import, check_load};
