#!/bin/bash
# Peak memory of `hub-analytics --summary` over a breakdown whose rows repeat:
# 8 M rows cycling over 2,000 (repository, day) pairs (20 repositories × 100
# days), which DESIGN.md's budget holds within 100 MiB, since memory follows
# the distinct pairs, not the rows. The file is generated once into /tmp.
#
#   build-aux/bench-memory.sh [BUILD_DIR]
#
# BUILD_DIR (default build-bench) is set up and built when needed. TIME_BIN
# names GNU time when /usr/bin/time is not there. Exits non-zero over budget.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${1:-build-bench}
time_bin=${TIME_BIN:-/usr/bin/time}
data=${BENCH_REPEATS_FILE:-/tmp/hub-analytics-bench/repeats-8M-2000.csv}
budget_kib=$((100 * 1024))

if [ ! -x "$time_bin" ]; then
  echo "bench-memory: $time_bin is missing (apt-get install time, or set TIME_BIN)" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized >/dev/null
fi
meson compile -C "$build" src/hub-analytics >/dev/null
hub="$top/$build/src/hub-analytics"

if [ ! -f "$data" ]; then
  mkdir -p "$(dirname "$data")"
  echo "Generating $data (once; it is kept)…"
  python3 - "$data.part" <<'PY'
import datetime, sys
days = [(datetime.date(2026, 8, 14) + datetime.timedelta(d)).isoformat() for d in range(100)]
rows = []
for pair in range(2000):
    repo, day = divmod(pair, 100)
    rows.append(f"model,bench-org/repo-{repo},1000,{days[day]}T00:00:00.000Z,{pair % 7}\n")
block = "".join(rows)
with open(sys.argv[1], "w") as out:
    out.write("repoType,repoName,total,timestamp,downloads\n")
    for _ in range(8_000_000 // 2000):
        out.write(block)
PY
  mv "$data.part" "$data"
fi

time_file=$(mktemp)
trap 'rm -f "$time_file"' EXIT
"$time_bin" -v -o "$time_file" "$hub" --summary "$data" 2>/dev/null
peak=$(awk '/Maximum resident set size/ { print $NF }' "$time_file")
elapsed=$(awk -F': ' '/Elapsed/ { print $2 }' "$time_file")
echo "hub-analytics --summary, 8 M rows over 2,000 pairs: peak memory $((peak / 1024)) MiB ($peak KiB), $elapsed"
if [ "$peak" -gt "$budget_kib" ]; then
  echo "bench-memory: over the budget of 100 MiB" >&2
  exit 1
fi
