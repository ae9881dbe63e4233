#!/usr/bin/env bash
# The main job: grade every bundled example submission; each gets out/<assignment>/<example>/results.json and feedback.pdf.
set -euo pipefail
cd "$(dirname "$0")"
./grader/scripts/build.sh
status=0
for dir in examples/*/*/; do
  assignment=$(basename "$(dirname "$dir")")
  example=$(basename "$dir")
  GRADINGHOST_NO_BUILD=1 ./gradinghost grade --assignment "$assignment" --submission "$dir" --out "out/$assignment/$example" || status=1
done
exit $status
