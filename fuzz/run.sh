#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS on its corpus (seeded by seed-corpus.sh);
# stops with a non-zero status at the first crash (the input is left in fuzz/artifacts/<target>/).
# Usage: fuzz/run.sh [-t SECONDS] [TARGET...]   (default: 20 s each, all targets)
# The toolchain comes from FUZZ_CARGO (default `cargo`; e.g. `cargo +nightly`, or stable `cargo`
# with RUSTC_BOOTSTRAP=1 in the environment). Extra libFuzzer flags: FUZZ_FLAGS. With FUZZ_LOG_DIR
# set, each run's output goes to FUZZ_LOG_DIR/<target>.log and only a summary is printed.
set -euo pipefail
cd "$(dirname "$0")"
secs=20
if [[ ${1:-} == -t ]]; then
  secs="$2"
  shift 2
fi
ALL=(load_workspace import_txt import_md import_html import_pdf extract)
targets=("$@")
((${#targets[@]})) || targets=("${ALL[@]}")
read -r -a cargo <<<"${FUZZ_CARGO:-cargo}"
read -r -a extra <<<"${FUZZ_FLAGS:-}"

./seed-corpus.sh "${targets[@]}"
"${cargo[@]}" fuzz build
for t in "${targets[@]}"; do
  flags=(-max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=3072)
  case "$t" in
    load_workspace) flags+=(-dict=dict/load_workspace.dict) ;;
    import_html) flags+=(-dict=dict/html.dict) ;;
  esac
  echo "fuzz: $t for ${secs}s"
  if [[ -z ${FUZZ_LOG_DIR:-} ]]; then
    "${cargo[@]}" fuzz run "$t" "corpus/$t" -- "${flags[@]}" "${extra[@]}"
    continue
  fi
  # Quiet mode (CI): libFuzzer's progress goes to a log; print its summary, or its tail on a crash.
  mkdir -p "$FUZZ_LOG_DIR"
  log="$FUZZ_LOG_DIR/$t.log"
  if ! "${cargo[@]}" fuzz run "$t" "corpus/$t" -- "${flags[@]}" "${extra[@]}" >"$log" 2>&1; then
    tail -n 80 "$log"
    echo "fuzz: $t FAILED; the input is in fuzz/artifacts/$t/, the full log in $log"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/fuzz: $t: /"
done
