#!/usr/bin/env bash
# The main job: grade every bundled example submission; each gets out/<assignment>/<example>/results.json
# and feedback.pdf, and is held to its expected.yaml (the items it must lose; none for a correct one).
set -euo pipefail
cd "$(dirname "$0")"
./grader/scripts/build.sh
GRADINGHOST_NO_BUILD=1 exec ./gradinghost examples --out out
