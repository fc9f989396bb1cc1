//! Fuzz target: bytes as a `.html` file through the importer (`io::import::import_bytes`),
//! then the checks of [`claimbench_fuzz::check_import`].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimbench_fuzz::check_import("html", data);
});
