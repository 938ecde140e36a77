#!/bin/bash
# Sets everything up and runs every Hub Analytics test on the GNOME 48
# platform (through build-aux/sdk.sh): once plainly and once under
# AddressSanitizer and UndefinedBehaviorSanitizer, warnings as errors; then
# the Flatpak, built, installed and checked in its sandbox (on the host,
# through build-aux/flatpak-check.sh). The last line is the count
# "N passed, N failed", summed over the three.
set -uo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)

bash build-aux/install-deps.sh || exit 1

passed=0
failed=0

# Adds a run's closing count to the totals; a run that printed none failed.
count () {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
    return
  fi
  passed=$((passed + $(echo "$line" | awk '{print $1}')))
  failed=$((failed + $(echo "$line" | awk '{print $3}')))
}

suite () {
  local log
  log=$(mktemp /tmp/hub-analytics-suite.XXXXXX)
  bash build-aux/sdk.sh bash build-aux/test-suite.sh "$@" 2>&1 | tee "$log"
  count "$log"
  rm -f "$log"
}

suite build-test
# GTK under the sanitizers: no accessibility bus, and no GL driver, whose
# module is unloaded before the leak check and so cannot be suppressed; a full
# unwind on each allocation, so that the suppressions see whole stacks.
HUB_NO_SCREENSHOTS=1 HUB_TIMEOUT_MULTIPLIER=5 GTK_A11Y=none GDK_DISABLE=gl \
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0" \
  suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# The Flatpak's checks compare with the plain build's app and serve its test Hub.
log=$(mktemp /tmp/hub-analytics-suite.XXXXXX)
HUB_FLATPAK_NATIVE="$top/build-test" bash build-aux/flatpak-check.sh 2>&1 | tee "$log"
count "$log"
rm -f "$log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
