#!/usr/bin/env bash
# CSV import benchmark for contacts-service: POSTs a generated file of ROWS contacts to
# /api/v1/contacts/import of a RUNNING service and reports the wall time of the request.
# It starts nothing itself. Rerunnable: each run uses a fresh business unit and fresh emails.
#
#   BASE_URL=http://127.0.0.1:8081 ROWS=10000 RUNS=3 contacts-service/bench/import-benchmark.sh
#
# TOKEN: a bearer token with rapport-admin (default: deploy/local/rapport token admin).
# Needs bash, curl and awk. Exit status 1 when a run imports fewer rows than generated or takes
# LIMIT_SECONDS (default 10) or more.
set -euo pipefail

BASE_URL="${BASE_URL:-http://127.0.0.1:8081}"
MANAGEMENT_URL="${MANAGEMENT_URL:-http://127.0.0.1:9181}"   # its health, on the management interface
ROWS="${ROWS:-10000}"
RUNS="${RUNS:-3}"
LIMIT_SECONDS="${LIMIT_SECONDS:-10}"
TOKEN="${TOKEN:-$("$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/deploy/local/rapport" token admin)}"
AUTH="Authorization: Bearer $TOKEN"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -fsS "$MANAGEMENT_URL/q/health/ready" > /dev/null || { echo "contacts-service is not ready at $BASE_URL" >&2; exit 2; }

status=0
for run in $(seq 1 "$RUNS"); do
  id="$(date +%s%N | tail -c 10)$RANDOM"
  code="BENCH${id: -12}"
  curl -fsS -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"code\":\"${code:0:20}\",\"name\":\"Benchmark unit $id\"}" \
    "$BASE_URL/api/v1/business-units" > /dev/null

  awk -v rows="$ROWS" -v id="$id" -v code="${code:0:20}" 'BEGIN {
    split("EXECUTIVE SENIOR_MANAGER MANAGER STAFF", sen, " ")
    print "fullName,email,phone,jobTitle,businessUnitCode,seniority,expertise,ownerName,ownerEmail"
    for (i = 1; i <= rows; i++) {
      printf "\"Person %d, Bench %s\",person.%d.%s@bench.example.com,+44 20 7946 %04d,Analyst %d,%s,%s,data;finance;tag%d,Owner %d,owner%d@pmo.example.com\n",
        i, id, i, id, i % 10000, i, code, sen[(i % 4) + 1], i % 50, i % 20, i % 20
    }
  }' > "$WORK/contacts.csv"

  result="$(curl -sS -o "$WORK/report.json" -w '%{http_code} %{time_total}' \
    -H "$AUTH" -H 'Content-Type: text/csv' --data-binary "@$WORK/contacts.csv" "$BASE_URL/api/v1/contacts/import")"
  http="${result% *}"
  seconds="${result#* }"
  imported="$(grep -o '"imported":[0-9]*' "$WORK/report.json" | cut -d: -f2)"
  echo "run $run: HTTP $http, $ROWS rows, imported ${imported:-?}, $(wc -c < "$WORK/contacts.csv") bytes, ${seconds} s"
  if [[ "$http" != 200 || "${imported:-0}" != "$ROWS" ]]; then
    status=1
  fi
  if awk -v s="$seconds" -v l="$LIMIT_SECONDS" 'BEGIN { exit !(s >= l) }'; then
    echo "  over the ${LIMIT_SECONDS} s limit" >&2
    status=1
  fi
done
exit $status
