#!/usr/bin/env bash
# Validates rendered objects (a JSON array in a file) with validate.mjs; installs the pinned
# kubernetes-models packages from the npm registry (package-lock.json) on first use.
#   deploy/kubernetes-tests/required-fields/run.sh objects.json
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FILE="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$HERE"
if [ ! -d node_modules/kubernetes-models ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec node validate.mjs "$FILE"
