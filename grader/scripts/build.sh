#!/usr/bin/env bash
# Everything a fresh machine needs before gradinghost can run: the native prerequisite for TorchSharp,
# the sandbox (bubblewrap), then one Release build of the solution (NuGet restore included).
set -euo pipefail
cd "$(dirname "$0")/../.."
./grader/scripts/setup-native.sh
./grader/scripts/setup-sandbox.sh
if ! out=$(dotnet build GradingHost.sln -c Release -nologo -v quiet 2>&1); then
  echo "$out" >&2
  echo "build: the solution did not build; the errors are above." >&2
  exit 1
fi
# The sandbox's unprivileged user reads the worker's files; a umask such as 077 would hide them from it.
chmod -R a+rX artifacts/worker
