#!/bin/bash
# Builds Hub Analytics as the Flatpak users install, installs it, and checks
# the installed app in its sandbox: the places where sandboxed apps break.
#
#   bash build-aux/flatpak-check.sh
#
# The GNOME runtime cannot be downloaded here, so a local runtime and SDK are
# made from the platform root of build-aux/sdk.sh (GNOME 48 as Debian 13 has
# it), once: they live outside the clone, beside the root, named after its
# stamp and the recipe below, and are used only once complete. The manifest
# built is derived from flatpak/io.github.hubanalytics.HubAnalytics.json by
# tests/flatpak/local-manifest.py; the checks are tests/flatpak/checks.sh,
# run under Xvfb in a private D-Bus session with xdg-desktop-portal, its GTK
# backend and gnome-keyring's Secret portal.
#
# Flatpak, flatpak-builder, OSTree and the portals run on the host (Debian 12),
# and are installed here with apt-get when missing (as root). The last line
# is the count "N passed, N failed".
#
# HUB_FLATPAK_NATIVE names a build folder of the native app that has
# src/hub-analytics, tests/flatpak/serve-fake-hub and tests/net/breakdown.csv
# (build-aux/test.sh passes its own); otherwise build-flatpak/native is made.
set -uo pipefail

script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
top=$(pwd)
app_id=io.github.hubanalytics.HubAnalytics
runtime_id=io.github.hubanalytics.LocalPlatform
sdk_id=io.github.hubanalytics.LocalSdk
branch=48
work="$top/build-flatpak"

log () {
  echo "flatpak-check: $*" >&2
}

# A step that cannot be taken ends the run as one failure.
give_up () {
  log "$*"
  echo "0 passed, 1 failed"
  exit 1
}

host_packages=(flatpak flatpak-builder ostree xvfb xauth xdotool imagemagick
               dbus-daemon gnome-keyring xdg-desktop-portal xdg-desktop-portal-gtk
               fuse3 python3)

install_host_packages () {
  local missing=() p
  for p in "${host_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "these packages are missing, and installing them needs root: ${missing[*]}"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2 &&
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

install_host_packages || give_up "the host lacks what runs Flatpak"

# The root that sdk.sh makes and uses, made first when it is not there yet.
root=$(bash build-aux/sdk.sh --root) || give_up "no platform root"
sdk_dir=$(dirname "$root")
export HUB_SDK_DIR=$sdk_dir
arch=$(flatpak --default-arch)

# The runtime's files are the root's /usr (hard links: nothing is copied) and
# the few files of its /etc that a sandbox takes from the runtime. The SDK is
# the same tree with its own metadata: the root has the compilers and
# headers. OSTree refuses setuid and setgid bits; those files are copied
# first, so that the root's own keep theirs.
make_runtime () {
  local tmp=$1 tree="$1/tree" repo="$1/repo" id metadata
  log "making the local runtime and SDK from $root in $runtime_dir"
  mkdir -p "$tree/files/etc"
  cp -al "$root/usr/." "$tree/files/" || return 1
  for e in fonts ld.so.conf ld.so.conf.d ssl ca-certificates gtk-3.0 xdg; do
    [ -e "$root/etc/$e" ] && cp -a "$root/etc/$e" "$tree/files/etc/"
  done
  find "$tree/files" -type f -perm /6000 -print0 |
    while IFS= read -r -d '' f; do
      cp -p "$f" "$f.copy" && mv -f "$f.copy" "$f" && chmod ug-s "$f"
    done
  ostree init --mode=archive-z2 --repo="$repo" || return 1
  for id in "$runtime_id" "$sdk_id"; do
    printf '[Runtime]\nname=%s\nruntime=%s/%s/%s\nsdk=%s/%s/%s\n' "$id" \
      "$runtime_id" "$arch" "$branch" "$sdk_id" "$arch" "$branch" > "$tree/metadata"
    # xa.metadata is the file itself, to its final newline.
    metadata="$(cat "$tree/metadata"; printf x)"
    ostree commit --repo="$repo" --branch="runtime/$id/$arch/$branch" \
      --owner-uid=0 --owner-gid=0 --no-xattrs \
      --add-metadata-string=xa.metadata="${metadata%x}" "$tree" >&2 || return 1
  done
  flatpak build-update-repo "$repo" >&2 || return 1
  rm -rf --one-file-system "$tree"
}

stamp=$( { basename "$root"; echo "$runtime_id $sdk_id $branch $arch";
           sed -n '/^make_runtime ()/,/^}/p' "$script"; } | sha256sum | cut -c1-16)
runtime_dir="$sdk_dir/flatpak-$stamp"
repo="$runtime_dir/repo"
# The user installation the app is installed in: the runtime's, not the
# user's own, which a test has no business changing.
export FLATPAK_USER_DIR="$runtime_dir/installation"

if [ ! -e "$runtime_dir/.stamp" ]; then
  exec 9>"$sdk_dir/.flatpak-lock"
  flock 9
  if [ ! -e "$runtime_dir/.stamp" ]; then
    find "$sdk_dir" -mindepth 1 -maxdepth 1 -type d -name 'flatpak-*' \
      ! -name "flatpak-$stamp" -exec rm -rf --one-file-system {} +
    started=$(date +%s)
    tmp="$runtime_dir.partial"
    rm -rf --one-file-system "$tmp" "$runtime_dir"
    make_runtime "$tmp" || give_up "the local runtime could not be made"
    mv "$tmp" "$runtime_dir"
    flatpak --user remote-add --if-not-exists --no-gpg-verify hub-local "$repo" >&2 &&
      flatpak --user install -y --noninteractive hub-local \
        "$runtime_id//$branch" "$sdk_id//$branch" >&2 ||
      give_up "the local runtime could not be installed"
    echo "$stamp" > "$runtime_dir/.stamp"
    log "local runtime ready in $(( $(date +%s) - started )) s"
  fi
  exec 9>&-
fi

# The native app, for what the checks compare with, and the tests' Hub.
native=${HUB_FLATPAK_NATIVE:-$work/native}
if [ -z "${HUB_FLATPAK_NATIVE:-}" ]; then
  bash build-aux/sdk.sh sh -c "
    { [ -e '$native/build.ninja' ] || meson setup '$native' --werror >/dev/null; } &&
    ninja -j2 -C '$native' src/hub-analytics tests/flatpak/serve-fake-hub tests/net/breakdown.csv" >&2 ||
    give_up "the native app could not be built"
fi

mkdir -p "$work"
manifest="$work/$app_id.json"
python3 tests/flatpak/local-manifest.py "flatpak/$app_id.json" "$runtime_id" "$sdk_id" \
  "$branch" "$top" > "$manifest" || give_up "no local manifest"

started=$(date +%s)
log "building and installing $app_id"
flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
  --state-dir="$work/state" "$work/app" "$manifest" > "$work/build.log" 2>&1 ||
  { tail -n 30 "$work/build.log" >&2; give_up "the Flatpak did not build (see $work/build.log)"; }
log "built and installed in $(( $(date +%s) - started )) s"

started=$(date +%s)
bash tests/flatpak/checks.sh "$native" "$work" | tee "$work/checks.log" |
  grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
log "checks run in $(( $(date +%s) - started )) s"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/checks.log" | tail -n 1)
[ -n "$line" ] || give_up "the checks ended without a count"
echo "$line"
[ "${line#* passed, }" = "0 failed" ]
