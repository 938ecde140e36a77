#!/bin/bash
# Sets everything up, builds Hub Analytics on the GNOME 48 platform (through
# build-aux/sdk.sh) and launches it, with the demo data when there is no
# account yet. Extra arguments go to the app.
set -euo pipefail

cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh
sdk="bash build-aux/sdk.sh"
# A build folder configured elsewhere (another meson, the host before the
# platform) is made anew.
if [ -d build ] && ! $sdk meson introspect build --projectinfo >/dev/null 2>&1; then
  rm -rf build
fi
[ -d build ] || $sdk meson setup build
$sdk meson compile -C build
if [ "$#" -eq 0 ] && [ -z "${HF_TOKEN:-}" ]; then
  set -- --demo
fi
GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec $sdk ./build/src/hub-analytics "$@"
