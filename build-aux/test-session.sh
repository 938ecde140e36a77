#!/bin/bash
# Runs a command in a throwaway session: private HOME and XDG folders, and the
# real gnome-keyring daemon, unlocked, on the private D-Bus session bus that
# dbus-run-session gives this script.
set -euo pipefail

scratch=$(mktemp -d /tmp/hub-analytics-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"
unset HF_TOKEN HF_TOKEN_PATH HF_HOME HF_ENDPOINT

if command -v gnome-keyring-daemon >/dev/null; then
  eval "$(printf 'test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL
fi

"$@"
