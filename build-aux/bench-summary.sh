#!/bin/bash
# Times `hub-analytics --summary` on the budget's breakdown (5,000 repositories
# × up to 1,500 days, seed 1, about 250 MB) against DuckDB reading and
# aggregating the same file, as DESIGN.md's budget asks: whole processes, the
# file in the page cache, the runs of both alternating in one invocation.
# Prints each median of RUNS runs and each peak memory (/usr/bin/time -v).
#
#   build-aux/bench-summary.sh [--install-duckdb] [BUILD_DIR]
#
# BUILD_DIR (default build-bench) is set up and built when needed; the
# generated file is cached in BUILD_DIR/bench. DuckDB runs when its node
# package is in $DUCKDB_NODE_DIR or BUILD_DIR/bench/duck (--install-duckdb
# puts it there with npm). RUNS (default 5) sets the number of runs.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)

install_duckdb=0
if [ "${1:-}" = "--install-duckdb" ]; then
  install_duckdb=1
  shift
fi
build=${1:-build-bench}
runs=${RUNS:-5}
bench="$top/$build/bench"
# BENCH_FILE times another breakdown file instead of the generated one.
data="${BENCH_FILE:-$bench/breakdown-5000x1500-s1.csv}"

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time >/dev/null
  else
    echo "bench-summary: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
  fi
fi

if [ ! -f "$build/build.ninja" ]; then
  bash build-aux/sdk.sh meson setup "$build" --buildtype=debugoptimized >/dev/null
fi
bash build-aux/sdk.sh meson compile -C "$build" src/hub-analytics >/dev/null
# The app as a plain process on the GNOME 48 platform.
. build-aux/bench-app.sh "$build"
hub=("${bench_app[@]}")

mkdir -p "$bench"
if [ ! -f "$data" ]; then
  echo "Generating $data (once; it is kept)…"
  # Written aside and renamed, so that an interrupted run leaves no half file.
  python3 build-aux/gen-breakdown.py --repos 5000 --days 1500 --seed 1 -o "$data.part"
  mv "$data.part" "$data"
fi

duck_dir=${DUCKDB_NODE_DIR:-$bench/duck}
if [ "$install_duckdb" -eq 1 ] && [ ! -d "$duck_dir/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$duck_dir"
  (cd "$duck_dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
     npm install --no-audit --no-fund @duckdb/node-api >/dev/null)
fi
have_duck=0
if command -v node >/dev/null && [ -d "$duck_dir/node_modules/@duckdb/node-api" ]; then
  have_duck=1
  # The query of RECIPES.md; `asof` is a reserved word in current DuckDB.
  # It lives beside node_modules, where node resolves its import.
  cat >"$duck_dir/hub-bench-query.mjs" <<'EOF'
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2].replaceAll("'", "''");
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const result = await connection.runAndReadAll(`
  WITH rows AS (SELECT * FROM read_csv('${file}', header=true,
      columns={'repoType':'VARCHAR','repoName':'VARCHAR','total':'BIGINT',
               'timestamp':'TIMESTAMP','downloads':'BIGINT'})),
    lastday AS (SELECT max(timestamp)::DATE AS d FROM rows),
    repos AS (SELECT repoType, repoName,
              greatest(max(total), sum(downloads)) AS t FROM rows GROUP BY ALL)
  SELECT (SELECT sum(t) FROM repos) AS allTime,
         (SELECT sum(downloads) FROM rows, lastday
            WHERE timestamp::DATE > d - 30) AS lastMonth,
         (SELECT count(*) FROM repos) AS repos`);
console.log(JSON.stringify(result.getRowObjectsJson()[0]));
EOF
fi

# Runs a command once; prints "SECONDS KIB" and leaves its stdout in $out_file.
out_file=$(mktemp)
time_file=$(mktemp)
trap 'rm -f "$out_file" "$time_file"' EXIT
measure () {
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -v -o "$time_file" "$@" >"$out_file"; then
    echo "bench-summary: failed: $*" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v ns=$((end - start)) '/Maximum resident set size/ { printf "%.3f %d\n", ns / 1e9, $NF }' "$time_file"
}

median () {
  tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rows=$(($(wc -l <"$data") - 1))
size=$(du -mL "$data" | cut -f1)
echo "File: $data ($rows rows, $size MB), $(nproc) cores, $runs runs each, alternating"
cat "$data" >/dev/null  # into the page cache

hub_times="" hub_mem="" duck_times="" duck_mem=""
for i in $(seq "$runs"); do
  read -r t m < <(measure "${hub[@]}" --summary "$data")
  hub_times+=" $t"
  hub_mem+=" $m"
  hub_json=$(cat "$out_file")
  if [ "$have_duck" -eq 1 ]; then
    read -r t m < <(measure node "$duck_dir/hub-bench-query.mjs" "$data")
    duck_times+=" $t"
    duck_mem+=" $m"
    duck_json=$(cat "$out_file")
  fi
done

peak () {
  tr ' ' '\n' | grep . | sort -n | tail -n 1 | awk '{ printf "%.1f MiB", $1 / 1024 }'
}

echo "hub-analytics --summary: median $(echo "$hub_times" | median) s (runs:$hub_times), peak memory $(echo "$hub_mem" | peak)"
echo "  $hub_json"
if [ "$have_duck" -eq 1 ]; then
  echo "DuckDB (node, 2 threads): median $(echo "$duck_times" | median) s (runs:$duck_times), peak memory $(echo "$duck_mem" | peak)"
  echo "  $duck_json"
  # Both must have found the same numbers.
  for key in allTime lastMonth repos; do
    a=$(echo "$hub_json" | grep -o "\"$key\":[0-9]*" | grep -o '[0-9]*$')
    b=$(echo "$duck_json" | grep -o "\"$key\":\"\\?[0-9]*" | grep -o '[0-9]*$')
    if [ "$a" != "$b" ]; then
      echo "bench-summary: $key differs: hub-analytics $a, DuckDB $b" >&2
      exit 1
    fi
  done
  echo "Both agree on allTime, lastMonth and repos."
else
  echo "DuckDB: not run (no @duckdb/node-api in $duck_dir; use --install-duckdb or DUCKDB_NODE_DIR)"
fi
