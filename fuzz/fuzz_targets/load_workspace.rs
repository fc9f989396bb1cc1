//! Fuzz target: bytes as a workspace file through `io::load_workspace_bytes` (UTF-8 check,
//! version check, RON parse, validation), then the checks of [`claimbench_fuzz::check_load`].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimbench_fuzz::check_load(data);
});
