#!/usr/bin/env bash
# Accepts pending snapshots: every *.received.* under tests/ becomes the *.verified.* next to it.
# Review the test failure diff first; CI never runs this.
set -euo pipefail
cd "$(dirname "$0")"
count=0
while IFS= read -r -d '' received; do
  mv -f "$received" "${received/.received./.verified.}"
  echo "accepted ${received/.received./.verified.}"
  count=$((count + 1))
done < <(find . -name '*.received.*' -print0)
echo "$count snapshot file(s) accepted"
