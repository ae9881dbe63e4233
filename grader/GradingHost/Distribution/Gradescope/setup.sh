#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (its Ubuntu base images).
# It installs what grading needs, builds the host and the __ASSIGNMENT__ grader, and trains the reference
# models once, so that each student's grading reuses them.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt-get update -qq
apt-get install -y -qq curl ca-certificates libicu-dev bubblewrap util-linux >/dev/null

# The .NET 10 SDK, unless the image has it already.
if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
fi

# TorchSharp's native library needs GCC 13's libstdc++ (GLIBCXX_3.4.32): Ubuntu 24.04 has it; on
# 22.04 it comes from the toolchain PPA. setup-native.sh handles Debian 12 and checks the result.
. /etc/os-release
if [ "${ID:-}" = ubuntu ] && ! grep -qa GLIBCXX_3.4.32 /usr/lib/x86_64-linux-gnu/libstdc++.so.6; then
  apt-get install -y -qq software-properties-common >/dev/null
  add-apt-repository -y ppa:ubuntu-toolchain-r/test >/dev/null
  apt-get update -qq
  apt-get install -y -qq libstdc++6 >/dev/null
fi
./grader/scripts/setup-native.sh
./grader/scripts/setup-sandbox.sh

for project in grader/GradingHost/GradingHost.csproj grader/__GRADER__/__GRADER__.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet
done
chmod -R a+rX artifacts/worker

# The reference's trainings go into .cache now, once, instead of into the first students' gradings.
# Unsandboxed: only the course's reference runs at this step, and an image build has no user namespaces.
GRADINGHOST_NO_BUILD=1 ./gradinghost grade --assignment __ASSIGNMENT__ --submission reference --out /tmp/gradinghost-reference --unsandboxed
