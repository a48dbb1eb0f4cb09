#!/usr/bin/env bash
# GET /api/v1/contacts/{id}: through the gateway vs directly against contacts-service, in the same
# run, with wrk, on a RUNNING local stack (deploy/local/rapport up). Prints p50, p99 and requests/s
# of each and the p50 ratio. Rerunnable; creates one business unit and one contact per run.
#
#   gateway/bench/proxy-benchmark.sh            (needs wrk: apt-get install -y wrk)
#
# Configuration: GATEWAY_URL [http://127.0.0.1:8080], CONTACTS_URL [http://127.0.0.1:8081],
# CPU_PIDS [none]: "label=pid[,pid...] ..." to also report each label's process CPU time (utime + stime) per request
# during its measurement, in microseconds (e.g. gateway=<its pid>; nginx=<master>,<workers>);
# UPSTREAM_PID [none]: contacts-service's pid, to also report its CPU per request on every path ("up N");
# RESULT_FILE [/tmp/rapport-proxy-bench.txt]: the per-round lines (label p50_ms p99_ms req/s [cpu_us]),
# THREADS [2], CONNECTIONS [20], DURATION [15s], WARMUP [5s] (before each measurement), ROUNDS [2]
# (alternating direct/gateway), INITIAL_WARMUP [20s] (each path, untimed, before the first round),
# COMPARE_URLS [none]: more proxies in front of the same contacts-service, measured in the same rounds, as
# space-separated label=url pairs; COMPARE_URL=url is the same as COMPARE_URLS="compare=url". Two uses:
#   - references: bench/reference-proxies.sh start runs a bare Vert.x proxy and nginx and prints the
#     COMPARE_URLS line for them (what one more HTTP hop costs here, whatever the proxy does);
#   - an A/B of a setting: the same jar started beside the stack's with one option changed (environment of
#     the stack's gateway, as printed by  tr '\0' '\n' < /proc/$(cat .rapport/pids/gateway.pid)/environ
#     with HTTP_PORT=8090 MANAGEMENT_PORT=9190 and, say, -Dquarkus.vertx.prefer-native-transport=false).
#
# The gateway's rate limit (default 50 requests/s per principal) must be out of the way, or most of the
# load is answered 429: start the stack with
#   RATE_LIMIT_CAPACITY=10000000 RATE_LIMIT_REFILL_PER_SECOND=10000000 deploy/local/rapport up
# (the script stops with that hint when the gateway answers 429). Tracing runs as configured by default
# (spans made, not exported).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW="${GATEWAY_URL:-http://127.0.0.1:8080}"
DIRECT="${CONTACTS_URL:-http://127.0.0.1:8081}"
THREADS="${THREADS:-2}" CONNECTIONS="${CONNECTIONS:-20}" DURATION="${DURATION:-15s}" WARMUP="${WARMUP:-5s}" ROUNDS="${ROUNDS:-2}"
INITIAL_WARMUP="${INITIAL_WARMUP:-20s}"
COMPARE="${COMPARE_URLS:-}"
RESULT_FILE="${RESULT_FILE:-/tmp/rapport-proxy-bench.txt}"
declare -A CPU_OF=()
for c in ${CPU_PIDS:-}; do CPU_OF[${c%%=*}]="${c#*=}"; done
ticks() { local p t=0 v; for p in ${1//,/ }; do v="$(sed -E 's/^.*\) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')"; t=$((t + ${v:-0})); done; echo "$t"; }
[ -n "${COMPARE_URL:-}" ] && COMPARE="compare=$COMPARE_URL $COMPARE"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
TOKEN="$("$ROOT/deploy/local/rapport" token admin)"
AUTH="Authorization: Bearer $TOKEN"

run="$(date +%s%N)"
unit="$(curl -fsS -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"code\":\"GWB${run: -10}\",\"name\":\"Gateway bench $run\"}" "$GW/api/v1/business-units" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
contact="$(curl -fsS -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"fullName\":\"Bench Person\",\"email\":\"gw.$run@bench.example.com\",\"businessUnitId\":\"$unit\",\"seniority\":\"STAFF\"}" \
  "$GW/api/v1/contacts" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
path="/api/v1/contacts/$contact"

status="$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$GW$path")"
for _ in $(seq 1 120); do [ "$status" = 429 ] && break; status="$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$GW$path")"; done
if [ "$status" = 429 ]; then
  echo "the gateway answers 429 (rate limit). Fix: deploy/local/rapport down, then" >&2
  echo "  RATE_LIMIT_CAPACITY=10000000 RATE_LIMIT_REFILL_PER_SECOND=10000000 deploy/local/rapport up" >&2
  exit 3
fi

measure() { # label url -> "label p50 p99 rps [cpu]" (CPU: the label's processes, microseconds per request)
  local pids="${CPU_OF[$1]:-}" before=0 after=0 up_before=0 up_after=0
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH" "$2" >/dev/null
  [ -n "$pids" ] && before="$(ticks "$pids")"
  [ -n "${UPSTREAM_PID:-}" ] && up_before="$(ticks "$UPSTREAM_PID")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" "$2" > /tmp/rapport-proxy-wrk.$$
  [ -n "$pids" ] && after="$(ticks "$pids")"
  [ -n "${UPSTREAM_PID:-}" ] && up_after="$(ticks "$UPSTREAM_PID")"
  awk -v label="$1" -v cpu_ticks="$((after - before))" -v up_ticks="$((up_after - up_before))" -v with_up="${UPSTREAM_PID:+1}" -v hz="$(getconf CLK_TCK)" -v with_cpu="${pids:+1}" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    / requests in / { n = $1 } / Non-2xx/ { bad = $NF }
    END { printf "%-8s p50 %7.2f ms  p99 %7.2f ms  %9.1f req/s", label, p50, p99, rps
          if (with_cpu && n > 0) printf "  cpu %6.0f us/req", cpu_ticks * 1e6 / hz / n
          if (with_cpu && with_up && n > 0) printf "  up %6.0f us/req", up_ticks * 1e6 / hz / n
          printf "%s\n", (bad ? "  NON-2XX: " bad : "") }' /tmp/rapport-proxy-wrk.$$
  rm -f /tmp/rapport-proxy-wrk.$$
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "GET $path  (threads $THREADS, connections $CONNECTIONS, $DURATION after a $WARMUP warm-up, $ROUNDS rounds)"
# both paths warm before the first timed round (the first direct round was otherwise the coldest of all)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$INITIAL_WARMUP" -H "$AUTH" "$DIRECT$path" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$INITIAL_WARMUP" -H "$AUTH" "$GW$path" >/dev/null
for c in $COMPARE; do wrk -t"$THREADS" -c"$CONNECTIONS" -d"$INITIAL_WARMUP" -H "$AUTH" "${c#*=}$path" >/dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  measure direct "$DIRECT$path"
  measure gateway "$GW$path"
  for c in $COMPARE; do measure "${c%%=*}" "${c#*=}$path"; done
done | tee "$RESULT_FILE"
# per label: mean p50 of the rounds over the mean direct p50, and the range of the rounds' own ratios
awk '{ p50[NR] = $3; label[NR] = $1 }
     END {
       for (i = 1; i <= NR; i++) if (label[i] == "direct") { d = p50[i]; dsum += d; dn++ } else if (d > 0) {
         l = label[i]; sum[l] += p50[i]; n[l]++; r = p50[i] / d
         if (!(l in lo) || r < lo[l]) lo[l] = r; if (!(l in hi) || r > hi[l]) hi[l] = r
         if (!(l in order)) { order[l] = ++k; names[k] = l } }
       for (j = 1; j <= k; j++) { l = names[j]
         printf "p50 ratio %s/direct (mean of rounds): %.2f   (rounds %.2f to %.2f)\n", l, (sum[l] / n[l]) / (dsum / dn), lo[l], hi[l] } }' \
  "$RESULT_FILE"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
