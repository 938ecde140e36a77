#!/bin/bash
# Runs a command on the GNOME 48 platform (GTK 4.18, libadwaita 1.7, GLib 2.84,
# libsoup 3.6.5): directly on a host that has it, otherwise inside a Debian 13
# root that this script makes once with debootstrap and enters with bubblewrap.
#
#   bash build-aux/sdk.sh CMD [ARG…]
#   bash build-aux/sdk.sh --root     (prints the root's path, making it first)
#
# Inside the root the current folder, the repository, /tmp and $HOME are the
# same paths as outside and the environment passes through (DISPLAY, D-Bus,
# XDG_*, HF_* …), but for PATH, which is the root's own. CMD's output and exit
# status are this script's, and what runs inside ends when the caller does.
#
# The root lives outside the clone, in $HUB_SDK_DIR (by default
# ~/.cache/hub-analytics-sdk), named after a hash of build-aux/platform-packages
# and of the way it is made: a changed list makes a new root, and a root is
# only ever used once it is complete. HUB_SDK=root forces the root on a host
# that has the platform; HUB_SDK=host forces the host.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
packages_file="$here/platform-packages"
suite=trixie

if [ "$#" -eq 0 ]; then
  echo "usage: build-aux/sdk.sh CMD [ARG…]" >&2
  exit 2
fi

platform_packages () {
  sed -e 's/#.*//' "$packages_file" | tr -s ' \t\n' '\n' | sed '/^$/d'
}

host_has_platform () {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --atleast-version=4.18 gtk4 2>/dev/null &&
    pkg-config --atleast-version=1.7 libadwaita-1 2>/dev/null &&
    pkg-config --atleast-version=2.84 glib-2.0 2>/dev/null &&
    pkg-config --atleast-version=3.6.5 libsoup-3.0 2>/dev/null
}

host_is_debian_12 () {
  [ -r /etc/os-release ] && . /etc/os-release && [ "${ID:-}" = debian ] &&
    [ "${VERSION_ID:-}" = 12 ]
}

# build-aux/flatpak-check.sh makes its Flatpak runtime from the root.
print_root=false
if [ "$1" = --root ]; then
  print_root=true
  HUB_SDK=root
fi

case "${HUB_SDK:-auto}" in
  host) exec "$@" ;;
  root) ;;
  auto)
    if host_has_platform || ! host_is_debian_12; then
      exec "$@"
    fi
    ;;
  *) echo "sdk.sh: HUB_SDK is host, root or auto, not '$HUB_SDK'" >&2; exit 2 ;;
esac

# The mirror the host's own apt uses, so that the root comes from the same
# Debian archive the machine already reaches.
debian_mirror () {
  if [ -n "${HUB_SDK_MIRROR:-}" ]; then
    echo "$HUB_SDK_MIRROR"
    return
  fi
  local uri
  uri=$(grep -hs '^URIs:.*/debian/*$' /etc/apt/sources.list.d/*.sources | head -n 1 |
        awk '{print $2}')
  if [ -z "$uri" ]; then
    uri=$(grep -hs '^deb .*/debian/* ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
          head -n 1 | awk '{print $2}')
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

need_host_tools () {
  local missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v bwrap >/dev/null || missing+=(bubblewrap)
  [ "${#missing[@]}" -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "sdk.sh: the platform root needs ${missing[*]}, and installing them needs root" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

# The recipe's own lines count in the stamp: a change to how the root is made
# makes a new one, as a change to the package list does.
stamp=$( { echo "$suite"; platform_packages; sed -n '/^make_root ()/,/^}/p' "$0"; } |
         sha256sum | cut -c1-16)
sdk_dir=${HUB_SDK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hub-analytics-sdk}
root="$sdk_dir/$suite-$stamp"

make_root () {
  local tmp=$1 mirror
  mirror=$(debian_mirror)
  echo "sdk.sh: making the GNOME 48 platform root (Debian 13 from $mirror) in $root" >&2
  debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >&2
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    > "$tmp/etc/apt/apt.conf.d/90hub-analytics"
  chroot "$tmp" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  # shellcheck disable=SC2046
  chroot "$tmp" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y $(platform_packages) >&2
  sed -i 's/^# *\(de_DE.UTF-8\|en_US.UTF-8\)/\1/' "$tmp/etc/locale.gen"
  chroot "$tmp" locale-gen >&2
  chroot "$tmp" apt-get clean
  # Host paths that are bound into the root need a place to land.
  mkdir -p "$tmp/work" "$tmp/run/user"
  echo "$stamp" > "$tmp/.hub-analytics-sdk-stamp"
}

if [ ! -e "$root/.hub-analytics-sdk-stamp" ]; then
  need_host_tools
  mkdir -p "$sdk_dir"
  exec 9>"$sdk_dir/.lock"
  flock 9
  if [ ! -e "$root/.hub-analytics-sdk-stamp" ]; then
    # Roots of earlier package lists are not used again, and whatever a killed
    # run left half-made is never used at all.
    find "$sdk_dir" -mindepth 1 -maxdepth 1 -type d -name "$suite-*" ! -name "$suite-$stamp" \
      -exec rm -rf --one-file-system {} +
    tmp="$root.partial"
    rm -rf --one-file-system "$tmp"
    started=$(date +%s)
    make_root "$tmp"
    mv "$tmp" "$root"
    echo "sdk.sh: platform root ready in $(( $(date +%s) - started )) s" >&2
  fi
  exec 9>&-
fi

if "$print_root"; then
  echo "$root"
  exit 0
fi

binds=(--bind /tmp /tmp)
for path in "$HOME" "$top" "$PWD" ${HUB_SDK_BINDS:-}; do
  [ -e "$path" ] && binds+=(--bind "$path" "$path")
done
for path in "${XDG_RUNTIME_DIR:-}" /run/dbus /tmp/.X11-unix; do
  [ -n "$path" ] && [ -e "$path" ] && binds+=(--bind "$path" "$path")
done

exec bwrap \
  --bind "$root" / \
  --dev /dev \
  --proc /proc \
  --ro-bind /sys /sys \
  --ro-bind /etc/resolv.conf /etc/resolv.conf \
  "${binds[@]}" \
  --unshare-pid \
  --die-with-parent \
  --chdir "$PWD" \
  --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  "$@"
