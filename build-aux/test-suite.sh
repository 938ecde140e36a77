#!/bin/bash
# Builds Hub Analytics into DIR with warnings as errors and the given meson
# options, and runs its tests under Xvfb in a private D-Bus session with the
# real gnome-keyring. Runs on the platform: build-aux/test.sh calls it through
# build-aux/sdk.sh. Its last line is the count "N passed, N failed".
set -uo pipefail

dir=$1
shift
cd "$(dirname "$0")/.."
top=$(pwd)

rm -rf "$dir"
mkdir -p "$dir"
if ! meson setup "$dir" --werror "$@" >"$top/$dir/setup.log" 2>&1; then
  cat "$top/$dir/setup.log"
  echo "0 passed, 1 failed"
  exit 1
fi
if ! meson compile -C "$dir"; then
  echo "0 passed, 1 failed"
  exit 1
fi

log="$top/$dir/test-summary.txt"
# The sanitizers' pass unwinds the stack on every allocation: its window
# tests run ten times longer and get HUB_TIMEOUT_MULTIPLIER times the time.
xvfb-run -a -s "-screen 0 1280x860x24" \
  dbus-run-session -- bash build-aux/test-session.sh \
  meson test -C "$dir" --print-errorlogs --num-processes 2 \
    --timeout-multiplier "${HUB_TIMEOUT_MULTIPLIER:-1}" | tee "$log"
# Pictures of every screen, to look at (not tests): a crash still fails.
shots=0
if [ -z "${HUB_NO_SCREENSHOTS:-}" ]; then
  export GSETTINGS_SCHEMA_DIR="$top/$dir/data" GSETTINGS_BACKEND=memory
  xvfb-run -a -s "-screen 0 2000x1200x24" dbus-run-session -- bash build-aux/test-session.sh \
    "$dir/tests/ui/screenshots" "$top/$dir/screenshots" | tail -n 1 || shots=1
  if [ -f "$dir/tests/integration/de.mo" ]; then
    xvfb-run -a -s "-screen 0 2000x1200x24" dbus-run-session -- bash build-aux/test-session.sh \
      "$dir/tests/ui/screenshots" --german "$top/$dir/tests/integration/de.mo" \
      "$top/$dir/screenshots" | tail -n 1 || shots=1
  fi
fi

ok=$(awk '/^Ok:/ {print $2}' "$log" | tail -n 1)
fail=$(awk '/^(Fail|Unexpected Pass|Timeout):/ {s += $NF} END {print s + 0}' "$log")
if [ -z "$ok" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
fail=$((fail + shots))
echo "$ok passed, $fail failed"
[ "$fail" -eq 0 ]
