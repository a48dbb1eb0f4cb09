#!/usr/bin/env bash
# Fold throughput of analytics-service against Kafka's own ConsumerPerformance, same topic, same run.
#
#   analytics-service/bench/fold-benchmark.sh          (after: ./mvnw -B install -pl analytics-service -am)
#
# 1. Starts a Kafka broker (deploy/local/infra, port BENCH_KAFKA_PORT) unless KAFKA is given, and a
#    PostgreSQL (deploy/local/infra PostgresMain: RAPPORT_PG_* if set, else 127.0.0.1:5432 if it
#    accepts, else embedded on BENCH_PG_PORT), database rapport_analytics_bench, dropped and created afresh.
# 2. Publishes WARMUP + N generated engagement events (85% logged, 15% updates; 2,000 contacts) to a
#    fresh topic bench.engagements.<run> with PARTITIONS partitions: the WARMUP events first, keyed by
#    engagement, so in every partition they come before the measured N.
# 3. Runs org.apache.kafka.tools.ConsumerPerformance on that topic (fresh group, all WARMUP + N
#    messages): the raw consumer rate.
# 4. Starts the packaged analytics-service (target/quarkus-app) with its engagements channel on that
#    topic and a fresh consumer group, and follows its own counter rapport_fold_records_total (management
#    /q/metrics, every 100 ms; engagement events write no inbox row). Rates per phase: the events folded
#    between the first sample at the phase's start and the sample reaching its end, over that time.
#    By default (WARMUP=0) the fold is measured from a cold start, like ConsumerPerformance (both JVMs
#    start cold and read the same N messages). With WARMUP > 0 the first WARMUP events are the "cold"
#    phase (JIT compilation competes for the cores) and the N after them are folded by a warmer
#    service; ConsumerPerformance then reads all WARMUP + N (and gets faster with them, too).
# 5. Prints both rates and the ratios, and where the CPU went: the ConsumerPerformance process and the broker
#    during it; the service, PostgreSQL (its sessions and its background processes apart) and the broker during
#    each fold phase (cores, microseconds per event).
#    Stops what it started.
#
# Configuration: N [100000], WARMUP [0] (e.g. 100000: also measure the fold of a warm service), PARTITIONS [6],
# KAFKA [start one], BENCH_KAFKA_PORT [39192], BENCH_PG_PORT [15532], BENCH_HTTP_PORT [18483]
# (management: that + 1100), BENCH_JAVA_OPTS [-Xmx512m], TIMEOUT [900] seconds.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${N:-100000}"
WARMUP="${WARMUP:-0}"
TOTAL=$((WARMUP + N))
PARTITIONS="${PARTITIONS:-6}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-39192}"
PG_PORT="${BENCH_PG_PORT:-15532}"
HTTP_PORT="${BENCH_HTTP_PORT:-18483}"
TIMEOUT="${TIMEOUT:-900}"
WORK="$ROOT/analytics-service/target/bench"
INFRA="$ROOT/deploy/local/infra"
JAR="$ROOT/analytics-service/target/quarkus-app/quarkus-run.jar"
RUN="$(date +%s)"
TOPIC="bench.engagements.$RUN"
mkdir -p "$WORK"

[ -f "$JAR" ] || { echo "error: $JAR is missing; build analytics-service first" >&2; exit 2; }
INFRA_CP="$(ls "$INFRA"/target/rapport-local-infra-*.jar | head -n1):$(cat "$INFRA/target/classes/META-INF/rapport/infra.classpath")"

STARTED=()
cleanup() { # the service first, then the database and the broker
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    kill "${STARTED[$i]}" 2>/dev/null || true; wait "${STARTED[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

wait_line() { # file regex timeout pid
  local i=0
  until grep -qE "$2" "$1" 2>/dev/null; do
    kill -0 "$4" 2>/dev/null || { echo "error: process $4 exited; see $1" >&2; exit 1; }
    [ "$i" -ge $(($3 * 4)) ] && { echo "error: timed out; see $1" >&2; exit 1; }
    sleep 0.25; i=$((i + 1))
  done
}

# Class path of ConsumerPerformance, the Kafka client, the PostgreSQL driver (resolved once, then cached).
if [ ! -s "$WORK/bench.classpath" ] || [ "$HERE/pom.xml" -nt "$WORK/bench.classpath" ]; then
  (cd "$ROOT" && ./mvnw -B -q -f analytics-service/bench/pom.xml dependency:build-classpath \
     -Dmdep.outputFile="$WORK/bench.classpath" >/dev/null)
fi
BENCH_CP="$(cat "$WORK/bench.classpath")"

if [ -z "${KAFKA:-}" ]; then
  rm -rf "$WORK/kafka"
  java -Xmx512m -cp "$INFRA_CP" io.rapport.local.kafka.KafkaBrokerMain --port "$KAFKA_PORT" \
    --data-dir "$WORK/kafka" --partitions "$PARTITIONS" > "$WORK/kafka.log" 2>&1 </dev/null &
  STARTED+=($!); KPID=$!
  KAFKA="127.0.0.1:$KAFKA_PORT"
fi
java -Xmx128m -cp "$INFRA_CP" io.rapport.local.postgres.PostgresMain --data-dir "$WORK/postgres" \
  --embedded-port "$PG_PORT" --databases rapport_analytics_bench > "$WORK/postgres.log" 2>&1 </dev/null &
PGPID=$!; STARTED+=($PGPID)
[ -n "${KPID:-}" ] && wait_line "$WORK/kafka.log" '^READY ' 120 "$KPID"
until grep -q '^READY' "$WORK/postgres.log" 2>/dev/null; do
  if ! kill -0 "$PGPID" 2>/dev/null; then grep -q '^READY' "$WORK/postgres.log" && break; echo "error: see $WORK/postgres.log" >&2; exit 1; fi
  sleep 0.25
done
read -r _ _ PG_HOST PG_PORT_REAL PG_USER PG_PASSWORD <<<"$(grep -m1 '^POSTGRES ' "$WORK/postgres.log")"
[ "$PG_PASSWORD" = "-" ] && PG_PASSWORD=postgres
DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT_REAL/rapport_analytics_bench"
# a fresh database per run: the tables, indexes and processed_event of earlier runs would slow this one down
java -cp "$BENCH_CP" "$HERE/FoldBenchmark.java" reset "jdbc:postgresql://$PG_HOST:$PG_PORT_REAL/postgres" "$PG_USER" "$PG_PASSWORD" \
  rapport_analytics_bench
echo "broker $KAFKA, database $DB_URL, topic $TOPIC, $N events, $PARTITIONS partitions"

java -cp "$BENCH_CP" "$HERE/FoldBenchmark.java" publish "$KAFKA" "$TOPIC" "$RUN" "$TOTAL" "$PARTITIONS"

echo "ConsumerPerformance:"
ticks() { if [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ]; then sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'; else echo 0; fi; }
HZ="$(getconf CLK_TCK)"
BROKER_BEFORE="$(ticks "${KPID:-}")"
TIMEFORMAT='%U %S'
{ time java -Xmx512m -cp "$BENCH_CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.kafka.tools.ConsumerPerformance \
  --bootstrap-server "$KAFKA" --topic "$TOPIC" --messages "$TOTAL" --group "perf-$RUN" --timeout 60000 > "$WORK/perf-$RUN.txt" ; } \
  2> "$WORK/perf-$RUN.time"
cat "$WORK/perf-$RUN.txt"
# CPU seconds of the ConsumerPerformance process (all of it: JVM start-up, group join, fetching) and of the broker meanwhile
PERF_CPU="$(tail -n1 "$WORK/perf-$RUN.time" | awk '{print $1 + $2}')"
BROKER_CPU="$(awk -v a="$BROKER_BEFORE" -v b="$(ticks "${KPID:-}")" -v hz="$HZ" 'BEGIN { print (b - a) / hz }')"
# columns: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
PERF_LINE="$(grep -E '^[0-9]{4}-' "$WORK/perf-$RUN.txt" | tail -n1)"
RAW_TOTAL="$(echo "$PERF_LINE" | awk -F', *' '{print $6}')"
RAW_FETCH="$(echo "$PERF_LINE" | awk -F', *' '{print $10}')"

# The service verifies bearer JWTs and refuses to start without a public key; the fold needs no HTTP
# call, so any RS256 public key does (generated once in the bench folder).
if [ ! -s "$WORK/jwt-public.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkey -pubout -out "$WORK/jwt-public.pem"
fi

echo "analytics-service folding $TOPIC ..."
JWT_PUBLIC_KEY_LOCATION="$WORK/jwt-public.pem" DB_URL="$DB_URL" DB_USER="$PG_USER" DB_PASSWORD="$PG_PASSWORD" KAFKA_BOOTSTRAP_SERVERS="$KAFKA" HTTP_PORT="$HTTP_PORT" MANAGEMENT_PORT="$((HTTP_PORT + 1100))" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  java ${BENCH_JAVA_OPTS:--Xmx512m} \
  -Dmp.messaging.incoming.engagements.topic="$TOPIC" -Dmp.messaging.incoming.engagements.group.id="bench-$RUN" \
  -Dmp.messaging.incoming.contacts.topic="bench.contacts.$RUN" -Dmp.messaging.incoming.contacts.group.id="bench-$RUN" \
  -jar "$JAR" > "$WORK/analytics-$RUN.log" 2>&1 </dev/null &
SPID=$!; STARTED+=($SPID)
java -cp "$BENCH_CP" "$HERE/FoldBenchmark.java" await "$DB_URL" "$PG_USER" "$PG_PASSWORD" \
  "http://127.0.0.1:$((HTTP_PORT + 1100))/q/metrics" "$WARMUP" "$N" "$TIMEOUT" \
  "$SPID" "${KPID:-0}" "$HZ" \
  | tee "$WORK/fold-$RUN.txt"
FOLD_LINE="$(grep '^FOLD ' "$WORK/fold-$RUN.txt")"
FOLD="$(echo "$FOLD_LINE" | awk '{print $2}')"
FOLD_SECONDS="$(echo "$FOLD_LINE" | awk '{print $3}')"
COLD_LINE="$(grep '^WARMUP ' "$WORK/fold-$RUN.txt" || true)"

echo
echo "== fold benchmark, $WARMUP warm-up + $N measured engagement events, $PARTITIONS partitions, $(nproc) cores =="
printf 'ConsumerPerformance    %10.0f msg/s (fetch.nMsg.sec, rebalance excluded); %.0f msg/s overall\n' "$RAW_FETCH" "$RAW_TOTAL"
if [ -n "$COLD_LINE" ]; then
  COLD="$(echo "$COLD_LINE" | awk '{print $2}')"
  printf 'fold, cold (warm-up)   %10.0f events/s (%s s); %.1f %% of the fetch rate\n' "$COLD" "$(echo "$COLD_LINE" | awk '{print $3}')" \
    "$(awk -v f="$COLD" -v r="$RAW_FETCH" 'BEGIN { print 100*f/r }')"
fi
printf 'fold, measured         %10.0f events/s (%s s, %s batches)\n' "$FOLD" "$FOLD_SECONDS" "$(echo "$FOLD_LINE" | awk '{print $4}')"
awk -v f="$FOLD" -v r="$RAW_FETCH" -v t="$RAW_TOTAL" 'BEGIN { printf "ratio                  %10.1f %% of the fetch rate (%.1f %% of the overall rate); target >= 25 %%\n", 100*f/r, 100*f/t }'
# Where the CPU went (2 cores shared by everything): cores in use and CPU microseconds per event or message
cpu_line() { # label "CPU <phase> name=cores/us ..."
  echo "$2" | awk -v label="$1" '{ printf "%-22s", label; if ($3 == "n/a") { print " n/a"; next } for (i = 3; i <= NF; i++) { split($i, kv, "="); split(kv[2], v, "/");
    gsub("_", " ", kv[1]); printf " %s %.2f cores (%s us/event)%s", kv[1], v[1], v[2], (i < NF ? "," : "") } print "" }'
}
echo "CPU (/proc, utime + stime):"
awk -v p="$PERF_CPU" -v b="$BROKER_CPU" -v n="$TOTAL" -v k="${KPID:-}" 'BEGIN { printf "  ConsumerPerformance  process %.1f s (start-up included, %.0f us/message)%s\n", p, 1e6*p/n,
  (k == "" ? "" : sprintf(", broker %.1f s (%.0f us/message)", b, 1e6*b/n)) }'
[ -n "$COLD_LINE" ] && cpu_line "  fold, cold (warm-up)" "$(grep '^CPU WARMUP' "$WORK/fold-$RUN.txt" || echo 'CPU WARMUP n/a')"
cpu_line "  fold, measured" "$(grep '^CPU FOLD' "$WORK/fold-$RUN.txt" || echo 'CPU FOLD n/a')"
