#!/usr/bin/env bash
# Student code runs in a bubblewrap sandbox as an unprivileged user (see README.md, "Trust model").
# This installs bubblewrap where it is missing and apt is there (Debian, Ubuntu); setpriv comes with
# util-linux, which every Debian and Ubuntu system has. Not root: it says what an administrator must
# run; grading then refuses unless --unsandboxed is given (a student grading their own code).
set -euo pipefail

if command -v bwrap >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: bubblewrap (bwrap) is missing; grading needs it. Ask an administrator to run: sudo apt-get install -y bubblewrap" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: bubblewrap (bwrap) is missing and there is no apt here; install bubblewrap and util-linux (setpriv) with this system's package manager." >&2
  exit 1
fi
echo "setup: installing bubblewrap, the sandbox student code runs in." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq bubblewrap util-linux >/dev/null
command -v bwrap >/dev/null 2>&1 || { echo "setup: bubblewrap did not install." >&2; exit 1; }
