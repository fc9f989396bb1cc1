#!/usr/bin/env bash
# The real-window journey: the analyst's first session on their own articles, driven with a real
# pointer and keyboard (xdotool) in the built app under Xvfb, no window manager. The driver is
# examples/journey.rs; screenshots of every step stay in target/journey/ (a CI artifact).
# Usage: .ci/journey.sh [PATH_TO_CLAIMBENCH]   (default target/debug/claimbench; builds it if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/debug/claimbench}"
[[ -x "$BIN" ]] || cargo build
cargo build --example journey
OUT="$(pwd)/target/journey"
rm -rf "$OUT"
mkdir -p "$OUT"
source .ci/xvfb.sh 1280x800x24
echo "ci: journey on display $DISPLAY_NO"
if ! DISPLAY="$DISPLAY_NO" JOURNEY_OUT="$OUT" target/debug/examples/journey "$(realpath "$BIN")"; then
  if kill -0 "$XVFB_PID" 2>/dev/null; then
    echo "ci: the X server was still running when the journey failed"
  else
    echo "ci: the X server had died when the journey failed"
  fi
  exit 1
fi
echo "ci: journey screenshots in $OUT:"
ls "$OUT"/*.png
