#!/bin/bash
# The request-log budget of DESIGN.md: `hub-analytics --logs-summary` over
# 8 million generated log lines (about 1.1 GB, in /tmp) against DuckDB doing
# the same work in one scan on 2 threads (build-aux/bench-logs.mjs, DuckDB
# from npm into /tmp: a development dependency only). Both run as whole
# processes, alternating, the file in the page cache; the median of 3 runs
# each (HUB_BENCH_RUNS for more), and peak memory from /usr/bin/time -v. Then the gzip file's
# throughput, and the check that the app's summary of DuckDB's aggregate
# (data/sql/logs-aggregate.duckdb.sql) equals its summary of the raw logs.
#
#   build-aux/bench-logs.sh [BUILD_DIR] [ROWS]
#
# Budget: at most half DuckDB's time, peak memory within 256 MiB.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${1:-build-bench}
rows=${2:-8000000}
runs=${HUB_BENCH_RUNS:-3}
work=${HUB_BENCH_DIR:-/tmp/hub-analytics-bench-logs}
logs="$work/logs-$rows.csv"
mkdir -p "$work"

if [ ! -f "$build/build.ninja" ]; then
  bash build-aux/sdk.sh meson setup "$build" --buildtype=release >/dev/null
fi
bash build-aux/sdk.sh meson compile -C "$build" src/hub-analytics >/dev/null

if [ ! -f "$logs" ]; then
  echo "Generating $rows log lines into $logs…"
  python3 build-aux/gen-logs.py --rows "$rows" --days 30 --seed 1 -o "$logs.part"
  mv "$logs.part" "$logs"
fi
if [ ! -f "$logs.gz" ]; then
  gzip -1 -c "$logs" > "$logs.gz.part" && mv "$logs.gz.part" "$logs.gz"
fi

if [ ! -d "$work/duck/node_modules/@duckdb/node-api" ]; then
  (cd "$work" && mkdir -p duck && cd duck && npm init -y >/dev/null &&
     npm install --silent @duckdb/node-api >/dev/null)
fi
cp build-aux/bench-logs.mjs "$work/duck/"

# The app as a plain process on the GNOME 48 platform.
. build-aux/bench-app.sh "$build"
app=("${bench_app[@]}")

# Runs a command under /usr/bin/time -v; prints "seconds peak_kib
# cpu_seconds" (user and system: on a shared machine, the time a run did
# not wait for others).
measure () {
  local t
  t=$(mktemp)
  /usr/bin/time -v "$@" > "$t.out" 2> "$t"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = p[n] + (n > 1 ? p[n-1] * 60 : 0) }
              /Maximum resident set size/ { m = $2 }
              /User time \(seconds\)/ { c += $2 }
              /System time \(seconds\)/ { c += $2 }
              END { print s, m, c }' "$t"
  rm -f "$t" "$t.out"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The file back in the page cache before every run, of either: this
# machine's cache does not always keep a gigabyte between runs.
app_times=() ; app_mem=() ; app_cpu=() ; duck_times=() ; duck_mem=() ; duck_cpu=()
for i in $(seq "$runs"); do
  cat "$logs" > /dev/null
  read -r s m c < <(measure "${app[@]}" --logs-summary "$logs")
  app_times+=("$s"); app_mem+=("$m"); app_cpu+=("$c")
  cat "$logs" > /dev/null
  read -r s m c < <(cd "$work/duck" && measure node bench-logs.mjs "$logs")
  duck_times+=("$s"); duck_mem+=("$m"); duck_cpu+=("$c")
  echo "run $i: hub-analytics ${app_times[-1]} s (CPU ${app_cpu[-1]} s), ${app_mem[-1]} KiB;" \
       "DuckDB ${duck_times[-1]} s (CPU ${duck_cpu[-1]} s), ${duck_mem[-1]} KiB"
done

gz_times=()
for i in 1 2 3; do
  cat "$logs.gz" > /dev/null
  read -r s m c < <(measure "${app[@]}" --logs-summary "$logs.gz")
  gz_times+=("$s")
done

app_median=$(printf '%s\n' "${app_times[@]}" | median)
duck_median=$(printf '%s\n' "${duck_times[@]}" | median)
app_cpu_median=$(printf '%s\n' "${app_cpu[@]}" | median)
duck_cpu_median=$(printf '%s\n' "${duck_cpu[@]}" | median)
gz_median=$(printf '%s\n' "${gz_times[@]}" | median)
app_peak=$(printf '%s\n' "${app_mem[@]}" | sort -n | tail -n 1)
duck_peak=$(printf '%s\n' "${duck_mem[@]}" | sort -n | tail -n 1)
bytes=$(stat -c %s "$logs")
gz_bytes=$(stat -c %s "$logs.gz")

echo
echo "Logs: $rows lines, $bytes bytes ($gz_bytes gzip-compressed)"
awk -v a="$app_median" -v d="$duck_median" -v g="$gz_median" -v b="$bytes" -v z="$gz_bytes" \
    -v am="$app_peak" -v dm="$duck_peak" -v ac="$app_cpu_median" -v dc="$duck_cpu_median" 'BEGIN {
  printf "hub-analytics --logs-summary: median %.2f s (%.0f MB/s), peak %.1f MiB\n", a, b / a / 1e6, am / 1024
  printf "DuckDB, one scan, 2 threads:  median %.2f s (%.0f MB/s), peak %.1f MiB\n", d, b / d / 1e6, dm / 1024
  printf "ratio: %.2f of DuckDB'"'"'s time (budget 0.50); memory budget 256 MiB: %s\n", a / d, am <= 262144 ? "within" : "OVER"
  printf "CPU time (user and system), medians: %.2f s against %.2f s, ratio %.2f\n", ac, dc, ac / dc
  printf "gzip file: median %.2f s, %.0f MB/s of logs (%.0f MB/s compressed)\n", g, b / g / 1e6, z / g / 1e6
}'

# DuckDB's aggregate of the same logs, read back by the app, must give the
# summary the app makes of the raw logs.
if [ -f data/sql/logs-aggregate.duckdb.sql ]; then
  (cd "$work/duck" && node bench-logs.mjs --sql "$top/data/sql/logs-aggregate.duckdb.sql" \
     "$logs" "$work/aggregate.csv")
  "${app[@]}" --logs-summary "$logs" > "$work/raw.json"
  "${app[@]}" --logs-summary "$work/aggregate.csv" > "$work/aggregate.json"
  if cmp -s "$work/raw.json" "$work/aggregate.json"; then
    echo "DuckDB's aggregate gives the same summary as the raw logs"
  else
    echo "DuckDB's aggregate gives ANOTHER summary than the raw logs:"
    diff <(tr ',' '\n' < "$work/raw.json") <(tr ',' '\n' < "$work/aggregate.json") | head -n 20
    exit 1
  fi
fi
