#!/bin/bash
# Sets everything up and runs every Hub Analytics test: once plainly and once
# under AddressSanitizer and UndefinedBehaviorSanitizer, warnings as errors.
# The last line is the count "N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)

bash build-aux/install-deps.sh || exit 1

passed=0
failed=0

run_suite () {
  local dir=$1
  shift
  local log="$top/$dir/test-summary.txt"

  rm -rf "$dir"
  if ! meson setup "$dir" --werror "$@" >"$top/$dir.setup.log" 2>&1; then
    cat "$top/$dir.setup.log"
    failed=$((failed + 1))
    return
  fi
  if ! meson compile -C "$dir"; then
    failed=$((failed + 1))
    return
  fi
  xvfb-run -a -s "-screen 0 1280x860x24" \
    dbus-run-session -- bash build-aux/test-session.sh \
    meson test -C "$dir" --print-errorlogs --num-processes 2 | tee "$log"
  local ok fail
  ok=$(awk '/^Ok:/ {print $2}' "$log" | tail -n 1)
  fail=$(awk '/^(Fail|Unexpected Pass|Timeout):/ {s += $NF} END {print s + 0}' "$log")
  if [ -z "$ok" ]; then
    failed=$((failed + 1))
    return
  fi
  passed=$((passed + ok))
  failed=$((failed + fail))
}

run_suite build-test
# GTK under the sanitizers: no accessibility bus, and no GL driver, whose
# module is unloaded before the leak check and so cannot be suppressed; a full
# unwind on each allocation, so that the suppressions see whole stacks.
GTK_A11Y=none GDK_DEBUG=gl-disable \
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0" \
  run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
