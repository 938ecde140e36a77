#!/bin/bash
# Installs what Hub Analytics needs on this host, as root, and does nothing
# when everything is already there.
#
# On a host whose Debian or Ubuntu has the GNOME 48 platform, that is the
# packages in build-aux/platform-packages. On an older host (Debian 12),
# build-aux/sdk.sh brings the platform in a root of its own and installs the
# two tools it needs itself, so nothing is installed here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

. /etc/os-release 2>/dev/null || true
if [ "${ID:-}" = debian ] && [ "${VERSION_ID:-0}" -lt 13 ] 2>/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  if ! HUB_SDK=host bash "$here/sdk.sh" pkg-config --atleast-version=1.7 libadwaita-1; then
    echo "install-deps: install the packages named in build-aux/platform-packages" \
         "(or your distribution's names for them)" >&2
  fi
  exit 0
fi

mapfile -t packages < <(sed -e 's/#.*//' "$here/platform-packages" | tr -s ' \t\n' '\n' | sed '/^$/d')
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
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf8$' && [ "$(id -u)" -eq 0 ]; then
  sed -i 's/^# *de_DE.UTF-8/de_DE.UTF-8/' /etc/locale.gen
  locale-gen >/dev/null
fi
