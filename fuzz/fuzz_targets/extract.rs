//! Fuzz target: bytes (lossily decoded as UTF-8) through the extraction engine, then the checks
//! of [`claimbench_fuzz::check_extract`].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimbench_fuzz::check_extract(data);
});
