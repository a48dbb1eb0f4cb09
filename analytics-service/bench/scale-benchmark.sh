#!/usr/bin/env bash
# The analytics read benchmark at enterprise scale (issue 15): generate an enterprise, fold it, read it.
#
#   analytics-service/bench/scale-benchmark.sh      (after: ./mvnw -B package -pl analytics-service -am -DskipTests)
#
# 1. Starts a Kafka broker and a PostgreSQL (deploy/local/infra; fresh database rapport_analytics_scale).
# 2. Publishes UNITS units, CONTACTS contacts (with roles, tags, stay-in-touch and influence fields) and ENGAGEMENTS
#    engagement records over two years, skewed (ScaleBenchmark.java), to fresh topics, as the producers would.
# 3. Starts the packaged analytics-service on the local launcher's JDK and JVM options (deploy/local/jvm.sh: the newest
#    JDK 25+ found, else java on PATH; -Xmx256m -Xms24m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError; SERVICE_JAVA and
#    JAVA_OPTS override them; no startup archive) and measures the fold: until every engagement and contact is stored.
# 4. Restarts it and times the first request of each read (cold), then measures each read warm with wrk
#    (CONNECTIONS connections, DURATION after a WARMUP): p50, p99, requests/s.
# 5. Times a full rebuild (POST /api/v1/admin/rebuild until DONE); reports RSS and heap in use.
# Prints a markdown table (also written to analytics-service/target/scale-bench/RESULT.md). Stops what it started.
#
# Configuration: UNITS [200], CONTACTS [100000], ENGAGEMENTS [1000000], SEED [20261202], CONNECTIONS [4],
# DURATION [10s], WARMUP [3s], JAVA_OPTS, SCALE_KAFKA_PORT [39292], SCALE_PG_PORT [15832], SCALE_HTTP_PORT [18583],
# TIMEOUT [3600] seconds for the fold and for the rebuild. Needs wrk (apt-get install -y wrk), openssl, curl.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
UNITS="${UNITS:-200}"; CONTACTS="${CONTACTS:-100000}"; ENGAGEMENTS="${ENGAGEMENTS:-1000000}"; SEED="${SEED:-20261202}"
CONNECTIONS="${CONNECTIONS:-4}"; DURATION="${DURATION:-10s}"; WARMUP="${WARMUP:-3s}"; TIMEOUT="${TIMEOUT:-3600}"
# shellcheck source=../../deploy/local/jvm.sh
. "$ROOT/deploy/local/jvm.sh"
SERVICE_JAVA="${SERVICE_JAVA:-$(service_java)}"
JAVA_OPTS="${JAVA_OPTS:-$(service_java_opts "$SERVICE_JAVA")}"
KAFKA_PORT="${SCALE_KAFKA_PORT:-39292}"; PG_PORT="${SCALE_PG_PORT:-15832}"; HTTP_PORT="${SCALE_HTTP_PORT:-18583}"
MGMT_PORT=$((HTTP_PORT + 1100))
WORK="$ROOT/analytics-service/target/scale-bench"
INFRA="$ROOT/deploy/local/infra"
JAR="$ROOT/analytics-service/target/quarkus-app/quarkus-run.jar"
RUN="$(date +%s)"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "error: wrk not found. Fix: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "error: $JAR is missing; build analytics-service first" >&2; exit 2; }
INFRA_CP="$(ls "$INFRA"/target/rapport-local-infra-*.jar | head -n1):$(cat "$INFRA/target/classes/META-INF/rapport/infra.classpath")"
if [ ! -s "$WORK/bench.classpath" ] || [ "$HERE/pom.xml" -nt "$WORK/bench.classpath" ]; then
  (cd "$ROOT" && ./mvnw -B -q -f analytics-service/bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/bench.classpath" >/dev/null)
fi
BENCH_CP="$(cat "$WORK/bench.classpath")"

STARTED=()
cleanup() { local i; for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do kill "${STARTED[$i]}" 2>/dev/null || true; wait "${STARTED[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_ready() { # pid log
  local i=0
  until curl -fsS "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$1" 2>/dev/null || { echo "error: the service exited; see $2" >&2; exit 1; }
    [ "$i" -ge 2400 ] && { echo "error: not ready after 600 s; see $2" >&2; exit 1; }
    sleep 0.25; i=$((i + 1))
  done
}

rm -rf "$WORK/kafka"
java -Xmx512m -cp "$INFRA_CP" io.rapport.local.kafka.KafkaBrokerMain --port "$KAFKA_PORT" --data-dir "$WORK/kafka" \
  --partitions 6 > "$WORK/kafka.log" 2>&1 </dev/null &
KPID=$!; STARTED+=($KPID)
java -Xmx128m -cp "$INFRA_CP" io.rapport.local.postgres.PostgresMain --data-dir "$WORK/postgres" --embedded-port "$PG_PORT" \
  --databases rapport_analytics_scale > "$WORK/postgres.log" 2>&1 </dev/null &
PGPID=$!; STARTED+=($PGPID)
until grep -q '^READY ' "$WORK/kafka.log" 2>/dev/null; do kill -0 "$KPID" || { echo "error: see $WORK/kafka.log" >&2; exit 1; }; sleep 0.25; done
until grep -q '^READY' "$WORK/postgres.log" 2>/dev/null; do kill -0 "$PGPID" 2>/dev/null || grep -q '^READY' "$WORK/postgres.log" || { echo "error: see $WORK/postgres.log" >&2; exit 1; }; sleep 0.25; done
read -r _ _ PG_HOST PG_PORT_REAL PG_USER PG_PASSWORD <<<"$(grep -m1 '^POSTGRES ' "$WORK/postgres.log")"
[ "$PG_PASSWORD" = "-" ] && PG_PASSWORD=postgres
java -cp "$BENCH_CP" "$HERE/FoldBenchmark.java" reset "jdbc:postgresql://$PG_HOST:$PG_PORT_REAL/postgres" "$PG_USER" "$PG_PASSWORD" \
  rapport_analytics_scale
DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT_REAL/rapport_analytics_scale"
KAFKA="127.0.0.1:$KAFKA_PORT"

echo "== publishing $UNITS units, $CONTACTS contacts, $ENGAGEMENTS engagement records (seed $SEED)"
java -Xmx1g -cp "$BENCH_CP" "$HERE/ScaleBenchmark.java" publish "$KAFKA" "$RUN" "$UNITS" "$CONTACTS" "$ENGAGEMENTS" "$SEED" "$WORK" \
  | tee "$WORK/publish.txt"
UNIT="$(awk '/^UNIT /{print $2}' "$WORK/scale-ids.txt")"; HOT="$(awk '/^HOT /{print $2}' "$WORK/scale-ids.txt")"
LIGHT="$(awk '/^LIGHT /{print $2}' "$WORK/scale-ids.txt")"; DISTINCT="$(awk '/^DISTINCT /{print $2}' "$WORK/scale-ids.txt")"

# RS256 key pair and an admin token (8 hours), as the local launcher makes them
if [ ! -s "$WORK/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW="$(date +%s)"
H="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
P="$(printf '{"iss":"rapport-bench","sub":"bench","upn":"bench@rapport.local","groups":["rapport-admin"],"iat":%d,"exp":%d}' "$NOW" "$((NOW + 28800))" | b64url)"
TOKEN="$H.$P.$(printf '%s.%s' "$H" "$P" | openssl dgst -sha256 -sign "$WORK/jwt-private.pem" -binary | b64url)"

start_service() { # log
  JWT_PUBLIC_KEY_LOCATION="$WORK/jwt-public.pem" JWT_ISSUER=rapport-bench DB_URL="$DB_URL" DB_USER="$PG_USER" DB_PASSWORD="$PG_PASSWORD" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA" HTTP_PORT="$HTTP_PORT" MANAGEMENT_PORT="$MGMT_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 "$SERVICE_JAVA" $JAVA_OPTS \
    -Dmp.messaging.incoming.engagements.topic="bench.scale.engagements.$RUN" -Dmp.messaging.incoming.engagements.group.id="scale-$RUN" \
    -Dmp.messaging.incoming.contacts.topic="bench.scale.contacts.$RUN" -Dmp.messaging.incoming.contacts.group.id="scale-$RUN" \
    -jar "$JAR" > "$1" 2>&1 </dev/null &
  SPID=$!; STARTED+=($SPID)
}

echo "== folding (service started with $JAVA_OPTS)"
T0="$(date +%s.%N)"
start_service "$WORK/analytics-fold.log"
java -cp "$BENCH_CP" "$HERE/ScaleBenchmark.java" await "$DB_URL" "$PG_USER" "$PG_PASSWORD" "$DISTINCT" "$CONTACTS" "$TIMEOUT" \
  | tee "$WORK/fold.txt"
FOLD_S="$(awk '/^FOLDED /{print $2}' "$WORK/fold.txt")"
kill -0 "$SPID" || { echo "error: the service died while folding; see $WORK/analytics-fold.log" >&2; exit 1; }

BASE="http://127.0.0.1:$HTTP_PORT/api/v1"
declare -a NAMES=(
  "relationships, page of 50" "relationships, band WARM" "relationships, one unit" "relationships, by last engagement"
  "relationship, hot contact" "relationship, light contact" "coverage (all units)" "going cold, 30 days, page of 50"
  "expiring stakeholders, 60 days, page of 50" "value report, one year" "network, page of 50"
  "overdue, page of 50" "expertise, prefix skill-1, page of 20" "expertise gaps" "stakeholder map, page of 50"
  "influence gaps, page of 50")
declare -a URLS=(
  "$BASE/relationships?size=50" "$BASE/relationships?size=50&band=WARM" "$BASE/relationships?size=50&businessUnitId=$UNIT"
  "$BASE/relationships?size=50&sort=lastEngagementAt,desc" "$BASE/relationships/$HOT" "$BASE/relationships/$LIGHT"
  "$BASE/coverage" "$BASE/insights/going-cold?withinDays=30&size=50" "$BASE/insights/expiring-stakeholders?withinDays=60&size=50"
  "$BASE/reports/value?from=$(date -u -d '-1 year' +%F)&to=$(date -u +%F)" "$BASE/network?size=50"
  "$BASE/insights/overdue?size=50" "$BASE/expertise?q=skill-1&size=20" "$BASE/insights/expertise-gaps"
  "$BASE/insights/stakeholder-map?size=50" "$BASE/insights/influence-gaps?size=50")
if [ -n "${EXTRA_READS:-}" ]; then # "name|path" ... (paths after /api/v1)
  for e in $EXTRA_READS; do NAMES+=("${e%%|*}"); URLS+=("$BASE/${e#*|}"); done
fi

echo "== restart, first requests (cold)"
kill "$SPID"; wait "$SPID" 2>/dev/null || true
start_service "$WORK/analytics-read.log"
wait_ready "$SPID" "$WORK/analytics-read.log"
declare -a COLD
for i in "${!URLS[@]}"; do
  COLD[$i]="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "${URLS[$i]}")"
done

echo "== warm: wrk -c$CONNECTIONS -d$DURATION (after $WARMUP)"
declare -a P50 P99 RPS
for i in "${!URLS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "${URLS[$i]}" >/dev/null 2>&1
  OUT="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "${URLS[$i]}")"
  echo "$OUT" > "$WORK/wrk-$i.txt"
  if echo "$OUT" | grep -q "Non-2xx"; then echo "error: ${NAMES[$i]} answered non-2xx: $OUT" >&2; exit 1; fi
  P50[$i]="$(echo "$OUT" | awk '$1 == "50%" {print $2}')"; P99[$i]="$(echo "$OUT" | awk '$1 == "99%" {print $2}')"
  RPS[$i]="$(echo "$OUT" | awk '/^Requests\/sec/ {print $2}')"
  printf '  %-45s p50 %8s  p99 %8s  %8s req/s\n' "${NAMES[$i]}" "${P50[$i]}" "${P99[$i]}" "${RPS[$i]}"
done
RSS_KB="$(awk '/^VmRSS/ {print $2}' "/proc/$SPID/status")"
HEAP="$(curl -s "http://127.0.0.1:$MGMT_PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')"

echo "== rebuild"
R0="$(date +%s.%N)"
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "$BASE/admin/rebuild" >/dev/null
until [ "$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/admin/rebuild" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')" != RUNNING ]; do
  kill -0 "$SPID" || { echo "error: the service died during the rebuild; see $WORK/analytics-read.log" >&2; exit 1; }
  [ "$(echo "$(date +%s.%N) - $R0 > $TIMEOUT" | bc)" = 1 ] && { echo "error: rebuild not done in $TIMEOUT s" >&2; exit 1; }
  sleep 2
done
STATUS="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/admin/rebuild")"
REBUILD_S="$(echo "$(date +%s.%N) - $R0" | bc)"
echo "$STATUS" | grep -q '"DONE"' || { echo "error: rebuild ended $STATUS" >&2; exit 1; }
RSS_AFTER_KB="$(awk '/^VmRSS/ {print $2}' "/proc/$SPID/status")"

{
  echo "### Analytics at scale — $(date -u +%F\ %H:%M) UTC, $(nproc) cores, service JDK $(java_version "$SERVICE_JAVA"), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo
  echo "$UNITS units, $CONTACTS contacts, $ENGAGEMENTS engagement records ($DISTINCT engagements), seed $SEED; service $JAVA_OPTS."
  echo "Fold: $FOLD_S s from service start to everything stored; rebuild: $(printf '%.0f' "$REBUILD_S") s. RSS after the reads $((RSS_KB / 1024)) MiB, heap in use $HEAP MiB; RSS after the rebuild $((RSS_AFTER_KB / 1024)) MiB."
  echo
  echo "| read | first after restart | warm p50 | warm p99 | req/s ($CONNECTIONS connections) |"
  echo "| --- | --- | --- | --- | --- |"
  for i in "${!URLS[@]}"; do
    read -r code t <<<"${COLD[$i]}"
    printf '| %s | %s ms (%s) | %s | %s | %s |\n' "${NAMES[$i]}" "$(printf '%.0f' "$(echo "$t * 1000" | bc)")" "$code" "${P50[$i]}" "${P99[$i]}" "${RPS[$i]}"
  done
} | tee "$WORK/RESULT.md"
