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
# A free display number, chosen by the server itself (other X servers may run on this machine).
# -noreset: by default the server resets when its last client leaves, and a client connecting
# during that reset is refused. The journey quits the app and starts it again, which landed
# there once in CI ("Failed to open connection to X server").
DFD="$(mktemp)"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$DFD" >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true; rm -f "$DFD"' EXIT
for _ in $(seq 100); do
  [[ -s "$DFD" ]] && break
  sleep 0.1
done
DISPLAY_NO=":$(head -n1 "$DFD")"
[[ "$DISPLAY_NO" != ":" ]] || { echo "ci: Xvfb did not start"; exit 1; }
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
