#!/usr/bin/env bash
# TorchSharp 0.107's native glue (libLibTorchSharp.so) is linked against GCC 13's libstdc++
# and needs the symbol version GLIBCXX_3.4.32. Debian 12 ships GCC 12 (up to 3.4.30), so there
# we pull only libstdc++6 (and what it drags in, libc6 2.41) from Debian 13 "trixie", pinned so
# that nothing else is ever taken from trixie. Detection is by symbol version, not by distro name:
# Ubuntu 24.04 and Debian 13 already have the symbol and nothing happens.
set -euo pipefail

needed=GLIBCXX_3.4.32

has_symbol() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /lib/x86_64-linux-gnu/libstdc++.so.6; do
    if [ -e "$lib" ] && grep -qa "$needed" "$lib"; then return 0; fi
  done
  return 1
}

if has_symbol; then
  exit 0
fi

echo "setup: this system's libstdc++ lacks $needed, which TorchSharp's native library needs." >&2

if ! command -v apt-get >/dev/null 2>&1 || [ ! -r /etc/debian_version ]; then
  echo "setup: no apt here. Install a libstdc++ from GCC 13 or newer (it provides $needed) and run again." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<MSG
setup: installing it needs root. Ask an administrator to run, once:
  sudo $0
It adds Debian 13 (trixie) as a pinned apt source (priority 100 for everything, 990 only for
libstdc++6 and its dependencies), installs libstdc++6 from it, and changes nothing else.
MSG
  exit 1
fi

echo "setup: installing libstdc++6 from Debian 13 (trixie) with apt pinning; this upgrades libc6 too." >&2
cat > /etc/apt/sources.list.d/gradinghost-trixie.sources <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
cat > /etc/apt/preferences.d/gradinghost-trixie <<PIN
Package: *
Pin: release n=trixie
Pin-Priority: 100

Package: libstdc++6 libgcc-s1 gcc-14-base libc6
Pin: release n=trixie
Pin-Priority: 990
PIN
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq -t trixie libstdc++6 >/dev/null
if ! has_symbol; then
  echo "setup: libstdc++6 from trixie was installed but $needed is still missing." >&2
  exit 1
fi
echo "setup: $needed is now available." >&2
