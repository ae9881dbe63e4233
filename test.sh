#!/usr/bin/env bash
# Builds everything and runs every test of the framework (which grades the reference, the starter,
# every known-faulty variant and the examples end to end). Needs only the .NET SDK and root for the
# one-time native set-up (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
./grader/scripts/build.sh
dotnet test tests/GradingHost.Tests/GradingHost.Tests.csproj -c Release --no-build -nologo "$@"
