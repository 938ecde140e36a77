#!/bin/bash
# Builds a fuzz target with clang in build-fuzz and runs it for SECONDS
# (default 300): TARGET fuzz-parser (the default, the breakdown parser),
# fuzz-dataset-file (the cache's file), fuzz-snapshot-import (community
# snapshot files) or fuzz-logs (request logs). New inputs go to
# build-fuzz/corpus[-…]; fuzz/corpus[-…] hold the seeds. A crash leaves its
# input in build-fuzz/ and exits non-zero.
#
#   fuzz/run-fuzzer.sh [SECONDS] [TARGET]
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
seconds=${1:-300}
target=${2:-fuzz-parser}
case "$target" in
  fuzz-parser) corpus=(build-fuzz/corpus fuzz/corpus) ;;
  fuzz-dataset-file) corpus=(build-fuzz/corpus-dataset-file fuzz/corpus-dataset-file fuzz/corpus) ;;
  fuzz-snapshot-import) corpus=(build-fuzz/corpus-snapshots fuzz/corpus-snapshots) ;;
  fuzz-logs) corpus=(build-fuzz/logs-corpus fuzz/logs-corpus) ;;
  *) echo "run-fuzzer: no fuzz target $target" >&2; exit 2 ;;
esac

if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C build-fuzz "fuzz/$target" >/dev/null
mkdir -p "${corpus[0]}"

# GLib keeps interned strings, and the old quark array when it grows, for
# the life of the process: tests/lsan.supp names them, which needs full
# stacks through GLib (built without frame pointers).
export ASAN_OPTIONS=fast_unwind_on_malloc=0
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

case "$target" in
  fuzz-logs) dict=fuzz/logs.dict ;;
  *) dict=fuzz/breakdown.dict ;;
esac

exec "build-fuzz/fuzz/$target" -dict="$dict" -max_len=8192 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=build-fuzz/ \
  "${corpus[@]}"
