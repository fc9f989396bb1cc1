#!/usr/bin/env bash
# The fuzzing step of .ci/run: runs every fuzz target for FUZZ_SECONDS (default 20) on its seed
# corpus when cargo-fuzz and a toolchain that accepts `-Z` flags are available, else prints
# `ci: fuzzing skipped: <reason>` and succeeds. A crash (or a fuzz crate that fails to build)
# fails. Measured on 2 shared cores with cargo-fuzz installed and a clean fuzz/target: 11 min 22 s
# (instrumented release build 9 min 10 s, then six runs of ~21 s), before pdf_oxide came in; with
# it (built at opt-level 1, see fuzz/Cargo.toml) a clean build was not timed on a quiet machine.
# A warm rebuild plus the six runs took 2 min 47 s.
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS
skip() {
  echo "ci: fuzzing skipped: $*"
  exit 0
}

# cargo-fuzz: installing it took 1 min of CPU (6.5 min wall on a busy machine); give up after 10.
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "ci: installing cargo-fuzz (cargo install cargo-fuzz --locked, 1–7 min)"
  log="$(mktemp)"
  if ! timeout 600 cargo install cargo-fuzz --locked >"$log" 2>&1; then
    tail -5 "$log"
    skip "cargo-fuzz is not installed and could not be installed within 10 min"
  fi
fi

# A toolchain that accepts -Zsanitizer=address: the default one (a nightly as it is, a stable one
# with RUSTC_BOOTSTRAP=1, as on the CI machine), else an installed nightly.
probe="$(mktemp -d)"
echo 'fn main() {}' >"$probe/p.rs"
accepts_z() { "$@" -Zsanitizer=address --edition 2021 "$probe/p.rs" -o "$probe/p" >/dev/null 2>&1; }
if accepts_z rustc; then
  export FUZZ_CARGO="cargo"
  toolchain="$(rustc --version)"
elif RUSTC_BOOTSTRAP=1 accepts_z rustc; then
  export RUSTC_BOOTSTRAP=1 FUZZ_CARGO="cargo"
  toolchain="$(rustc --version) with RUSTC_BOOTSTRAP=1"
elif accepts_z rustc +nightly; then
  export FUZZ_CARGO="cargo +nightly"
  toolchain="$(rustc +nightly --version)"
else
  skip "$(rustc --version) refuses -Zsanitizer=address even with RUSTC_BOOTSTRAP=1, and there is no nightly toolchain"
fi
rm -rf "$probe"
echo "ci: fuzzing with $(cargo fuzz --version) on $toolchain"

FUZZ_LOG_DIR="$(mktemp -d)" ./run.sh -t "${FUZZ_SECONDS:-20}"
echo "ci: fuzzing passed in $((SECONDS - start)) s"
