#!/usr/bin/env bash
# Outbox publishing latency of contacts-service on a RUNNING local stack (deploy/local/rapport up):
# creates N contacts one after another, then measures, for each ContactCreated on
# rapport.contacts.v1, the time from its creation in the outbox (CloudEvent time, inside the
# writing transaction) to the relay's send (the record's CreateTime).
#
#   N=500 deploy/local/bench/outbox-latency.sh
#
# Configuration: N [500], CONTACTS_URL [http://127.0.0.1:8081], KAFKA [127.0.0.1:9092],
# TOKEN (a bearer token; default: an admin token from deploy/local/rapport token admin).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
N="${N:-500}"
URL="${CONTACTS_URL:-http://127.0.0.1:8081}"
MANAGEMENT_URL="${MANAGEMENT_URL:-http://127.0.0.1:9181}"   # its health, on the management interface
KAFKA="${KAFKA:-127.0.0.1:9092}"
TOKEN="${TOKEN:-$("$ROOT/deploy/local/rapport" token admin)}"
AUTH=(-H "Authorization: Bearer $TOKEN")
INFRA="$ROOT/deploy/local/infra"
CP="$(ls "$INFRA"/target/rapport-local-infra-*.jar | head -n1):$(cat "$INFRA/target/classes/META-INF/rapport/infra.classpath")"

curl -fsS "$MANAGEMENT_URL/q/health/ready" >/dev/null || { echo "contacts-service is not ready at $URL" >&2; exit 2; }
since="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
run="$(date +%s%N)"
unit="$(curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' \
  -d "{\"code\":\"LAT${run: -10}\",\"name\":\"Latency bench $run\"}" "$URL/api/v1/business-units" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')"
for i in $(seq 1 "$N"); do
  curl -fsS -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"fullName\":\"Latency $i\",\"email\":\"lat.$i.$run@bench.example.com\",\"businessUnitId\":\"$unit\",\"seniority\":\"STAFF\"}" \
    "$URL/api/v1/contacts"
done
sleep 2
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.rapport.local.bench.OutboxLatency --bootstrap "$KAFKA" --topic rapport.contacts.v1 --since "$since"
