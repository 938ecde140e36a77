#!/bin/bash
# Sets everything up, builds Hub Analytics and launches it (with the demo data
# when there is no account yet). Extra arguments go to the app.
set -euo pipefail

cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh
[ -d build ] || meson setup build
meson compile -C build
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
if [ "$#" -eq 0 ] && [ -z "${HF_TOKEN:-}" ]; then
  set -- --demo
fi
exec ./build/src/hub-analytics "$@"
