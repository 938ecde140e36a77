#!/bin/bash
# Installs the Debian 12 packages Hub Analytics needs to build, run and test.
# Run as root; does nothing when everything is already there.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libcsv-dev libsecret-1-dev glib-networking gsettings-desktop-schemas
  ca-certificates librsvg2-common locales fonts-cantarell adwaita-icon-theme
  xvfb xauth imagemagick xdotool
  dbus-daemon dbus-x11 gnome-keyring libsecret-tools
  desktop-file-utils appstream flatpak-builder python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: these packages are missing, and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

# A German locale, for the translation tests and locale formatting.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf8$'; then
  if [ "$(id -u)" -eq 0 ]; then
    sed -i 's/^# *de_DE.UTF-8/de_DE.UTF-8/' /etc/locale.gen
    locale-gen >/dev/null
  fi
fi
