#!/bin/bash
# The checks of build-aux/flatpak-check.sh, against the installed Flatpak of
# Hub Analytics: run by it under xvfb-run and dbus-run-session, with the
# host's xdg-desktop-portal, xdg-desktop-portal-gtk and gnome-keyring's
# Secret portal activated on that private bus. It starts that session itself.
#
#   checks.sh NATIVE-BUILD WORK
#
# NATIVE-BUILD has the native app and the tests' Hub (run through
# build-aux/sdk.sh); WORK receives the screenshots and session.log, what the
# bus and the portals said. Each check prints
# "ok N - what" or "not ok N - what"; the last line is "N passed, N failed".
#
# The app is driven as a user's desktop would: its command line, its GActions
# activated over D-Bus (org.gtk.Actions, as GNOME Shell does), keys typed into
# its window and into the portal's file chooser with xdotool. Every wait is
# for a condition, bounded so that no check hangs.
set -uo pipefail

native=$(cd "$1" && pwd)
work=$(cd "$2" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
app_id=io.github.hubanalytics.HubAnalytics
app_path=/io/github/hubanalytics/HubAnalytics
token=hf_testTOKENsecret1234567890   # FAKE_TOKEN of tests/net/fake-hub.h

# The session's own HOME, XDG folders and runtime folder are set before its
# bus starts, so that the portals it activates live in them too. The runtime
# folder is /run/user/UID, as on a desktop: the document portal hands the app
# paths under it, which the sandbox has at that place only. It is a tmpfs of
# a mount namespace of the session's own, so nothing of it reaches the host.
if [ -z "${HUB_FLATPAK_SESSION:-}" ]; then
  scratch=$(mktemp -d /tmp/hub-analytics-flatpak.XXXXXX)
  export HUB_FLATPAK_SESSION=$scratch
  # sdk.sh keeps finding the platform root where the caller's HOME has it.
  export HUB_SDK_DIR=${HUB_SDK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hub-analytics-sdk}
  export HOME="$scratch/home"
  export XDG_DATA_HOME="$HOME/.local/share"
  export XDG_CONFIG_HOME="$HOME/.config"
  export XDG_CACHE_HOME="$HOME/.cache"
  export XDG_RUNTIME_DIR="/run/user/$(id -u)"
  mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  unset HF_TOKEN HF_TOKEN_PATH HF_HOME HF_ENDPOINT GSETTINGS_BACKEND DBUS_SESSION_BUS_ADDRESS
  # The portals' backends are chosen by desktop: GTK's and gnome-keyring's are GNOME's.
  export XDG_CURRENT_DESKTOP=GNOME
  export GTK_A11Y=none NO_AT_BRIDGE=1
  unshare --mount --propagation private sh -c '
    mount -t tmpfs -o mode=0755 tmpfs /run/user && mkdir -m 0700 "$XDG_RUNTIME_DIR" &&
    exec "$@"' sh \
    xvfb-run -a -s "-screen 0 1280x860x24" \
    dbus-run-session -- bash "$0" "$@" 2>"$work/session.log"
  status=$?
  rm -rf --one-file-system "$scratch"
  exit "$status"
fi

scratch=$HUB_FLATPAK_SESSION
hub_pid=
cleanup () {
  flatpak kill "$app_id" 2>/dev/null
  exec 7>&- 2>/dev/null
  [ -n "$hub_pid" ] && wait "$hub_pid" 2>/dev/null
}
trap cleanup EXIT

eval "$(printf 'test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL

sandbox="$HOME/.var/app/$app_id"
passed=0
failed=0
n=0

check () {
  local what=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $what"
    passed=$((passed + 1))
  else
    # What the screen showed then, to look at.
    import -window root "$work/flatpak-failed-$n.png" 2>/dev/null
    echo "not ok $n - $what (the screen: $work/flatpak-failed-$n.png)"
    failed=$((failed + 1))
  fi
}

# Polls CMD until it succeeds, for at most $1 seconds: a bound, not a wait.
wait_for () {
  local limit=$1 started=$SECONDS
  shift
  until "$@" 2>/dev/null; do
    [ $((SECONDS - started)) -ge "$limit" ] && return 1
    sleep 0.2
  done
}

app () {
  flatpak run "$app_id" "$@"
}

native_app () {
  bash "$top/build-aux/sdk.sh" "$native/src/hub-analytics" "$@"
}

# The app's own D-Bus name, owned through the sandbox's proxy.
app_running () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" | grep -q true
}

# Whether the action (app.NAME or win.NAME of the first window) is enabled.
action_enabled () {
  local path=$app_path name=${1#*.}
  [ "${1%%.*}" = win ] && path="$app_path/window/1"
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.gtk.Actions.Describe "$name" | grep -q '^((true,'
}

activate () {
  local path=$app_path name=${1#*.}
  [ "${1%%.*}" = win ] && path="$app_path/window/1"
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.gtk.Actions.Activate "$name" '[]' '{}' >/dev/null
}

start_app () {
  app "$@" >>"$scratch/app.log" 2>&1 7>&- &
  wait_for 60 app_running && wait_for 30 window_id >/dev/null
}

stop_app () {
  activate app.quit 2>/dev/null
  wait_for 30 sh -c "! flatpak ps --columns=application | grep -q '$app_id'" ||
    flatpak kill "$app_id" 2>/dev/null
  ! app_running
}

window_id () {
  xdotool search --onlyvisible --classname hub-analytics | head -n 1 | grep .
}

# A window that has painted shows many colours; a blank or black one, one or two.
screen_painted () {
  import -window root "$1" &&
    [ "$(identify -format '%k' "$1")" -gt 64 ]
}

# How many requests with the test token the Hub answered on PATH.
hub_hits () {
  grep -c "^ok $1\$" "$scratch/hub.log"
}

more_hub_hits () {
  [ "$(hub_hits "$1")" -gt "$2" ]
}

# Whether the screen differs from the screenshot $1 in more than a few pixels.
screen_changed () {
  import -window root "$scratch/now.png" &&
    [ "$(compare -metric AE "$1" "$scratch/now.png" null: 2>&1 | cut -d' ' -f1)" -gt 500 ]
}

# Whether the screen stands still: while the demo is read, a spinner and a
# progress bar move (and its load has nothing to cancel, so the actions
# cannot tell); while a dialog opens, its animation.
screen_settled () {
  import -window root "$scratch/settled.png" &&
    [ -e "$scratch/previous.png" ] &&
    [ "$(compare -metric AE "$scratch/previous.png" "$scratch/settled.png" null: 2>&1 |
         cut -d' ' -f1)" -eq 0 ] ||
    { mv -f "$scratch/settled.png" "$scratch/previous.png"; return 1; }
}

wait_settled () {
  rm -f "$scratch/previous.png"
  wait_for "$1" screen_settled
}
type_into_window () {
  local wid=$1
  shift
  xdotool windowfocus --sync "$wid" && xdotool "$@"
}

# The tests' Hub on 127.0.0.1: it prints its URL, then a line per request.
mkfifo "$scratch/hub-in"
bash "$top/build-aux/sdk.sh" "$native/tests/flatpak/serve-fake-hub" \
  "$native/tests/net/breakdown.csv" < "$scratch/hub-in" > "$scratch/hub.log" 2>&1 &
hub_pid=$!
exec 7>"$scratch/hub-in"
wait_for 60 grep -q '^http://127.0.0.1:' "$scratch/hub.log"
HF_ENDPOINT=$(head -n 1 "$scratch/hub.log")
export HF_ENDPOINT
breakdown_path=/organizations/acme/settings/publisher-analytics/download-breakdown

# ---------------------------------------------------------------------------
# --summary - reads standard input and prints what the native build prints.

summary_as_native () {
  local sandboxed native_out
  sandboxed=$(app --summary - < "$top/tests/ui/fixture.csv") &&
    native_out=$(native_app --summary - < "$top/tests/ui/fixture.csv") &&
    [ -n "$sandboxed" ] && [ "$sandboxed" = "$native_out" ] ||
    { echo "# sandboxed: ${sandboxed:-}"; echo "# native: ${native_out:-}"; return 1; }
}
check "--summary - prints the native build's JSON" summary_as_native

# ---------------------------------------------------------------------------
# The token file of huggingface_hub on the host: found through the read-only
# hole, used, and never written.

mkdir -p "$HOME/.cache/huggingface"
printf '%s\n' "$token" > "$HOME/.cache/huggingface/token"

token_file_used () {
  app --org acme --fetch "$sandbox/from-token-file.csv" &&
    [ "$(hub_hits "$breakdown_path")" -eq 1 ] &&
    head -n 1 "$sandbox/from-token-file.csv" | grep -q '^repoType,repoName,total,timestamp,downloads'
}
mkdir -p "$sandbox"
check "the host's ~/.cache/huggingface/token is found and used" token_file_used

token_file_read_only () {
  ! flatpak run --command=sh "$app_id" -c 'echo changed >> "$HOME/.cache/huggingface/token"' \
      2>/dev/null &&
    [ "$(cat "$HOME/.cache/huggingface/token")" = "$token" ]
}
check "the token file is read-only in the sandbox" token_file_read_only

# The welcome page offers it: the window is looked at, in the screenshot.
offered_shot="$work/flatpak-welcome-token.png"
token_offered () {
  start_app && wait_for 30 screen_painted "$offered_shot" && stop_app
}
check "the app starts with the token file offered ($offered_shot)" token_offered
rm -f "$HOME/.cache/huggingface/token"

# ---------------------------------------------------------------------------
# Signed in through the Secret portal, from the welcome page (no source was
# opened yet, so none is restored): the token typed in the sign-in dialog
# is kept by libsecret's file backend under the sandbox, its key held by
# gnome-keyring through the portal, and survives a restart.

# Sign In… is pressed by its mnemonic, Alt+S, on the welcome page, and the
# dialog's token row (the default window's size puts it at 450,278) clicked.
keyring_file="$sandbox/data/keyrings/default.keyring"
signed_in_through_portal () {
  local wid hits
  hits=$(hub_hits "$breakdown_path")
  # The dialog opens with an animation, and a click beside it closes it:
  # the row is clicked once the screen stands still.
  start_app && wid=$(window_id) && wait_settled 30 &&
    wait_for 30 screen_painted "$scratch/before.png" &&
    type_into_window "$wid" key alt+s && wait_for 30 screen_changed "$scratch/before.png" &&
    wait_settled 30 &&
    xdotool mousemove --window "$wid" 450 278 click 1 &&
    xdotool type --delay 10 "$token" &&
    xdotool key Return &&
    wait_for 30 test -s "$keyring_file" &&
    # The organisations follow; Return opens the first, acme.
    wait_for 30 more_hub_hits /api/whoami-v2 0 &&
    type_into_window "$wid" key Return &&
    wait_for 30 action_enabled win.open-org &&
    wait_for 60 more_hub_hits "$breakdown_path" "$hits"
}
check "signing in keeps the token through the Secret portal" signed_in_through_portal
stop_app >/dev/null

token_survives_restart () {
  start_app && wait_for 30 action_enabled app.sign-out && stop_app &&
    app --org acme --fetch "$sandbox/after-restart.csv" &&
    head -n 1 "$sandbox/after-restart.csv" | grep -q '^repoType,'
}
check "the token survives a restart of the app" token_survives_restart

# ---------------------------------------------------------------------------
# --demo shows a window.

demo_shot="$work/flatpak-demo.png"
demo_shown () {
  start_app --demo && wait_for 30 action_enabled win.export-breakdown &&
    wait_settled 60 && wait_for 30 screen_painted "$demo_shot"
}
check "--demo shows a window ($demo_shot)" demo_shown

# ---------------------------------------------------------------------------
# An export through the file chooser portal: the GTK backend's dialog is
# answered with a path in the host's home, outside the sandbox.

mkdir -p "$HOME/Exports"
chosen="$HOME/Exports/chosen-breakdown.csv"
chooser_id () {
  xdotool search --onlyvisible --name '^Export Breakdown$' | head -n 1 | grep .
}
exported_through_portal () {
  local wid
  activate win.export-breakdown &&
    wid=$(wait_for 30 chooser_id && chooser_id) &&
    type_into_window "$wid" key --clearmodifiers ctrl+a &&
    xdotool type --delay 10 "$chosen" && xdotool key Return &&
    wait_for 30 test -s "$chosen" &&
    head -n 1 "$chosen" | grep -q '^repoType,repoName,total,timestamp,downloads' &&
    [ "$(wc -l < "$chosen")" -gt 100 ] &&
    # and nothing else: no temporary file is left beside it.
    [ "$(ls -A "$HOME/Exports")" = "$(basename "$chosen")" ]
}
check "an export through the file chooser portal lands where the user chose" exported_through_portal
stop_app >/dev/null

# Nothing else of the host's home is visible: not the export, not a document.
mkdir -p "$HOME/Documents"
echo private > "$HOME/Documents/private.txt"
home_hidden () {
  flatpak run --command=sh "$app_id" -c \
    "test ! -e '$HOME/Documents/private.txt' && test ! -e '$chosen' &&
     test -d '$HOME/.cache/huggingface'" &&
    [ "$(flatpak info --show-permissions "$app_id" | sed -n 's/^filesystems=//p')" = \
      "~/.cache/huggingface:ro;" ]
}
check "nothing else of the host's home is visible in the sandbox" home_hidden

token_nowhere_in_clear () {
  ! grep -r -l -F -a "$token" "$HOME" "$XDG_RUNTIME_DIR" 2>/dev/null | grep . &&
    test -s "$keyring_file"
}
check "the token is in no file in clear" token_nowhere_in_clear

# ---------------------------------------------------------------------------
# The fetch's cache and the GSettings keys live under ~/.var/app/ID.

own_folders () {
  ls "$sandbox/cache/hub-analytics/"* >/dev/null &&
    test -s "$sandbox/config/glib-2.0/settings/keyfile" &&
    grep -q '^\[io/github/hubanalytics/HubAnalytics\]' "$sandbox/config/glib-2.0/settings/keyfile" &&
    test ! -e "$XDG_CACHE_HOME/hub-analytics" && test ! -e "$XDG_DATA_HOME/hub-analytics" &&
    test ! -e "$XDG_CONFIG_HOME/glib-2.0" &&
    # The host's dconf is the portal dialog's; the app cannot reach it.
    ! grep -q -a hubanalytics "$XDG_CONFIG_HOME/dconf/user" 2>/dev/null ||
    { find "$sandbox" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" -maxdepth 3 |
        grep -v mesa_shader | sed 's/^/# /'; return 1; }
}
check "the cache and the settings live under ~/.var/app/$app_id" own_folders

if [ "$failed" -gt 0 ]; then
  echo "# the app's output:"
  sed 's/^/#   /' "$scratch/app.log"
  echo "# the Hub's requests:"
  sed 's/^/#   /' "$scratch/hub.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
