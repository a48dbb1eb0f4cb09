#!/usr/bin/env bash
# Lints a merged Rapport OpenAPI document with Spectral (spectral:oas, 0 errors allowed) and checks
# that TypeScript types generated from it by openapi-typescript compile under tsc.
#   deploy/api-contract/check.sh path/to/openapi-merged.json
# Installs its pinned tools from the npm registry (package-lock.json) on first use.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$DOC" ] || { echo "error: $1 not found (build the services and the gateway first)" >&2; exit 1; }
cd "$HERE"
if [ ! -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== spectral lint (spectral:oas) $DOC"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$DOC"
echo "== openapi-typescript"
mkdir -p generated
node_modules/.bin/openapi-typescript "$DOC" -o generated/rapport-api.d.ts
echo "== tsc"
node_modules/.bin/tsc -p tsconfig.json
echo "api-contract: OK"
