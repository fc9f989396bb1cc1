#!/usr/bin/env bash
# Screenshots of every view at 1024x640, 1280x800 and 1920x1080 in both themes, for looking at
# (not run by CI: 30 window starts, about a minute). Written to target/views/VIEW-SIZE-THEME.png,
# or target/views/WORKSPACE-VIEW-SIZE-THEME.png when a workspace is given.
# Usage: .ci/views.sh [PATH_TO_CLAIMBENCH] [WORKSPACE.ron]   (a workspace with long names and
# long notes shows what gets cut, see .ci/long_names.py; the default is the embedded sample)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/debug/claimbench}"
WS="${2:-}"
OUT="target/views"
mkdir -p "$OUT"
source .ci/xvfb.sh 1920x1080x24
# The pointer off the window (it starts mid-screen, over the window at 1280x800, and raised a
# tooltip in the shots).
DISPLAY="$DISPLAY_NO" xdotool mousemove 1919 1079 2>/dev/null || true
for size in 1024x640 1280x800 1920x1080; do
  for theme in dark light; do
    for view in reader claims charts network findings; do
      f="$OUT/${WS:+$(basename "$WS" .ron)-}$view-$size-$theme.png"
      DISPLAY="$DISPLAY_NO" timeout 120 "$BIN" screenshot ${WS:+"$WS"} --out "$f" --view "$view" --theme "$theme" --size "$size" >/dev/null 2>&1
      echo "$f"
    done
  done
done
