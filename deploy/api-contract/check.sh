#!/usr/bin/env bash
# Checks a merged Rapport OpenAPI document as the frontend team consumes it, with third-party tools:
#   1. Spectral (spectral:oas), 0 errors;
#   2. Redocly's recommended rules, 0 errors and 0 warnings (examples valid against their schemas, no unused
#      components, ...);
#   3. two TypeScript clients generated from it, openapi-typescript (types) and @hey-api/openapi-ts (a fetch
#      client), both compiled under tsc --strict with usage files that rely on what API.md promises, nullable
#      fields included.
#   deploy/api-contract/check.sh path/to/openapi-merged.json
# Installs its pinned tools from the npm registry (package-lock.json) on first use.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$DOC" ] || { echo "error: $1 not found (build the services and the gateway first)" >&2; exit 1; }
cd "$HERE"
if [ ! -x node_modules/.bin/redocly ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== spectral lint (spectral:oas) $DOC"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$DOC"

echo "== redocly lint (recommended: 0 errors, 0 warnings)"
# Redocly fails only on errors: every warning is counted from its JSON report and fails the check too
REPORT="$(mktemp)"
trap 'rm -f "$REPORT"' EXIT
node_modules/.bin/redocly lint --extends=recommended --format=json "$DOC" >"$REPORT" 2>/dev/null || true
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const p of r.problems) {
    const where = (p.location || []).map(l => l.pointer).join(", ");
    console.log(`  ${p.severity} ${p.ruleId}: ${p.message} (${where})`);
  }
  const t = r.totals;
  console.log(`redocly: ${t.errors} errors, ${t.warnings} warnings`);
  process.exit(t.errors + t.warnings === 0 ? 0 : 1);
' "$REPORT"

echo "== openapi-typescript"
rm -rf generated
mkdir -p generated
node_modules/.bin/openapi-typescript "$DOC" -o generated/rapport-api.d.ts
echo "== @hey-api/openapi-ts (fetch client)"
node_modules/.bin/openapi-ts -i "$DOC" -o generated/hey-api -c @hey-api/client-fetch --no-log-file -s
echo "== tsc --strict (both clients and their usage files)"
node_modules/.bin/tsc -p tsconfig.json
echo "api-contract: OK"
