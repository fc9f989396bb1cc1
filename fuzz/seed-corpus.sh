#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (not committed) with seed inputs from the project's own fixtures:
# tests/fixtures, workspaces/, assets/samples, the hand-written seeds in fuzz/seeds/<target>/ and
# every stored crash input in tests/fixtures/fuzz/<target>/. Existing corpus files are kept, so
# what earlier runs found stays. Usage: fuzz/seed-corpus.sh [TARGET...] (default: all).
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
ALL=(load_workspace import_txt import_md import_html import_pdf extract)
targets=("$@")
((${#targets[@]})) || targets=("${ALL[@]}")

seeds_for() {
  case "$1" in
    load_workspace) find "$root/workspaces" "$root/tests/fixtures" -name '*.ron' ;;
    import_txt) find "$root/tests/fixtures/import" "$root/assets/samples" -name '*.txt'
      ls "$root/tests/fixtures/extract/"0[1-5]*.txt ;;
    import_md) find "$root/tests/fixtures/import" -name '*.md'
      ls "$root/assets/samples/"0[1-2]*.txt ;;
    import_html) find "$root/tests/fixtures/import" -name '*.html' ;;
    import_pdf) find "$root/tests/fixtures/import" "$root/tests/fixtures/pdf" -name '*.pdf' ;;
    extract) find "$root/tests/fixtures/extract" "$root/assets/samples" -name '*.txt' ;;
    *) echo "seed-corpus: unknown target $1 (known: ${ALL[*]})" >&2; return 2 ;;
  esac
  for d in "$fuzz/seeds/$1" "$root/tests/fixtures/fuzz/$1"; do
    [[ -d $d ]] && find "$d" -type f
  done
  return 0
}

for t in "${targets[@]}"; do
  mkdir -p "$fuzz/corpus/$t"
  n=0
  while IFS= read -r f; do
    [[ -n $f ]] || continue
    # Name by content hash, as libFuzzer does, so the same seed is never copied twice.
    h="$(sha1sum "$f" | cut -c1-40)"
    [[ -e "$fuzz/corpus/$t/$h" ]] || cp "$f" "$fuzz/corpus/$t/$h"
    n=$((n + 1))
  done < <(seeds_for "$t" | sort -u)
  echo "seed-corpus: $t: $n seeds, $(find "$fuzz/corpus/$t" -type f | wc -l) files in corpus/$t"
done
