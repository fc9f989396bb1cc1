#!/usr/bin/env bash
# Starts Xvfb on a free display for the real-window scripts (journey.sh, views.sh); source it
# with the screen size: `source .ci/xvfb.sh 1280x800x24`. Sets DISPLAY_NO and XVFB_PID and
# stops the server when the calling script exits.
# -noreset: by default the server resets when its last client leaves, and a client connecting
# during that reset is refused. The journey quits the app and starts it again, which landed
# there once in CI ("Failed to open connection to X server").
XVFB_SCREEN="${1:-1280x800x24}"
# A free display number, chosen by the server itself (other X servers may run on this machine).
XVFB_DFD="$(mktemp)"
Xvfb -displayfd 3 -screen 0 "$XVFB_SCREEN" -nolisten tcp -noreset 3>"$XVFB_DFD" >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true; rm -f "$XVFB_DFD"' EXIT
for _ in $(seq 100); do
  [[ -s "$XVFB_DFD" ]] && break
  sleep 0.1
done
DISPLAY_NO=":$(head -n1 "$XVFB_DFD")"
[[ "$DISPLAY_NO" != ":" ]] || { echo "ci: Xvfb did not start"; exit 1; }
