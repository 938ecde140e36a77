#!/bin/bash
# Builds the parser's fuzz target with clang in build-fuzz and runs it for
# SECONDS (default 300). New inputs go to build-fuzz/corpus; fuzz/corpus holds
# the seeds. A crash leaves its input in build-fuzz/ and exits non-zero.
#
#   fuzz/run-fuzzer.sh [SECONDS]
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
seconds=${1:-300}

if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C build-fuzz fuzz/fuzz-parser >/dev/null
mkdir -p build-fuzz/corpus

# GLib keeps interned strings, and the old quark array when it grows, for
# the life of the process: tests/lsan.supp names them, which needs full
# stacks through GLib (built without frame pointers).
export ASAN_OPTIONS=fast_unwind_on_malloc=0
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

exec build-fuzz/fuzz/fuzz-parser -dict=fuzz/breakdown.dict -max_len=8192 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=build-fuzz/ \
  build-fuzz/corpus fuzz/corpus
