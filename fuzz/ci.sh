#!/usr/bin/env bash
# The fuzzing step of .ci/run: runs every fuzz target for FUZZ_SECONDS (default 20) on its seed
# corpus when cargo-fuzz and a toolchain that accepts `-Z` flags are available, else prints
# `ci: fuzzing skipped: <reason>` and succeeds. A crash (or a fuzz crate that fails to build)
# fails. On a clean fuzz/target it takes about 11 minutes on 2 cores (build ~8, runs 6 × 20 s).
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS
skip() {
  echo "ci: fuzzing skipped: $*"
  exit 0
}

# cargo-fuzz: installing it takes about 2–4 minutes on 2 cores; give up after 10.
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "ci: installing cargo-fuzz (cargo install cargo-fuzz --locked, about 2–4 min)"
  log="$(mktemp)"
  if ! timeout 600 cargo install cargo-fuzz --locked >"$log" 2>&1; then
    tail -5 "$log"
    skip "cargo-fuzz is not installed and could not be installed within 10 min"
  fi
fi

# A toolchain that accepts -Zsanitizer=address: nightly if present, else the default (stable)
# toolchain with RUSTC_BOOTSTRAP=1.
probe="$(mktemp -d)"
echo 'fn main() {}' >"$probe/p.rs"
accepts_z() { "$@" -Zsanitizer=address --edition 2021 "$probe/p.rs" -o "$probe/p" >/dev/null 2>&1; }
if accepts_z rustc +nightly; then
  export FUZZ_CARGO="cargo +nightly"
  toolchain="nightly"
elif RUSTC_BOOTSTRAP=1 accepts_z rustc; then
  export RUSTC_BOOTSTRAP=1 FUZZ_CARGO="cargo"
  toolchain="$(rustc --version) with RUSTC_BOOTSTRAP=1"
else
  skip "no nightly toolchain, and $(rustc --version) refuses -Zsanitizer=address even with RUSTC_BOOTSTRAP=1"
fi
rm -rf "$probe"
echo "ci: fuzzing with $(cargo fuzz --version) on $toolchain"

./run.sh -t "${FUZZ_SECONDS:-20}"
echo "ci: fuzzing passed in $((SECONDS - start)) s"
