# deploy/bench/run: the cases gateway, outbox, freshness, fold and scale. Sourced, not run.

# mean, min and max of a column of numbers on stdin -> "mean min max"
stats() { awk '{ s += $1; n++; if (n == 1 || $1 < lo) lo = $1; if (n == 1 || $1 > hi) hi = $1 } END { if (n) printf "%.2f %.2f %.2f\n", s / n, lo, hi; else print "nan nan nan" }'; }

case_gateway() {
  local load; load="$(load_average)"
  say "gateway: reference proxies, then $GATEWAY_ROUNDS rounds at 2 and at 20 connections"
  local direct="http://127.0.0.1:$RAPPORT_CONTACTS_PORT" compare line nginx_master nginx_pids
  # the Vert.x reference runs on the gateway's own JVM (deploy/local/jvm.sh), for a like-for-like CPU comparison
  line="$(REF_JAVA="$(tr '\0' '\n' < "/proc/$(stack_pid gateway)/cmdline" | head -n1)" CONTACTS_URL="$direct" "$ROOT/gateway/bench/reference-proxies.sh" start | grep '^COMPARE_URLS=')"
  compare="${line#COMPARE_URLS=}"; compare="${compare//\"/}"
  nginx_master="$(cat "$ROOT/.rapport/bench/nginx/nginx.pid")"
  nginx_pids="$nginx_master$(ps -o pid= --ppid "$nginx_master" | tr -s ' \n' ',' | sed 's/,$//')"
  local cpu="gateway=$(stack_pid gateway) vertx=$(cat "$ROOT/.rapport/bench/vertx.pid") nginx=$nginx_pids direct=$(stack_pid contacts)"
  local conns threads out
  {
    echo "### gateway: GET /api/v1/contacts/{id}, $GATEWAY_ROUNDS rounds of $GATEWAY_DURATION after $GATEWAY_WARMUP each, paths interleaved"
    echo
    echo "CPU per request: the proxy process's utime + stime over its measurement / requests (for \"direct\": contacts-service's own);"
    echo "contacts-service's own CPU per request on each path beside it."
    echo "Added p50: the path's mean p50 minus the direct mean p50 of the same rounds."
    echo
    echo '| connections | path | p50 ms (mean, rounds) | p99 ms (mean) | req/s (mean) | CPU µs/request (mean, rounds) | contacts-service CPU µs/request | added p50 ms |'
    echo '| --- | --- | --- | --- | --- | --- | --- | --- |'
  } | detail
  for conns in 2 20; do
    threads=$([ "$conns" = 2 ] && echo 1 || echo 2)
    out="$WORK/gateway-$conns.txt"
    GATEWAY_URL="http://127.0.0.1:$RAPPORT_GATEWAY_PORT" CONTACTS_URL="$direct" THREADS="$threads" CONNECTIONS="$conns" \
      ROUNDS="$GATEWAY_ROUNDS" DURATION="$GATEWAY_DURATION" WARMUP="$GATEWAY_WARMUP" INITIAL_WARMUP="$GATEWAY_INITIAL_WARMUP" \
      COMPARE_URLS="$compare" CPU_PIDS="$cpu" UPSTREAM_PID="$(stack_pid contacts)" RESULT_FILE="$out" "$ROOT/gateway/bench/proxy-benchmark.sh" > "$WORK/gateway-$conns.log" 2>&1 \
      || { tail -n 5 "$WORK/gateway-$conns.log" >&2; die "gateway benchmark failed ($WORK/gateway-$conns.log)"; }
    grep -q 'NON-2XX' "$out" && say "gateway: non-2xx answers in $out"
    local label d p50 lo hi c clo chi
    read -r d _ _ <<<"$(awk '$1 == "direct" { print $3 }' "$out" | stats)"
    for label in direct gateway vertx nginx; do
      read -r p50 lo hi <<<"$(awk -v l="$label" '$1 == l { print $3 }' "$out" | stats)"
      read -r c clo chi <<<"$(awk -v l="$label" '$1 == l && $10 == "cpu" { print $11 }' "$out" | stats)"
      printf '| %s | %s | %s (%s–%s) | %s | %s | %s (%s–%s) | %s | %s |\n' "$conns" "$label" "$p50" "$lo" "$hi" \
        "$(awk -v l="$label" '$1 == l { print $6 }' "$out" | stats | cut -d' ' -f1)" \
        "$(awk -v l="$label" '$1 == l { print $8 }' "$out" | stats | cut -d' ' -f1)" "${c%.*}" "${clo%.*}" "${chi%.*}" \
        "$(awk -v l="$label" '$1 == l && $13 == "up" { print $14 }' "$out" | stats | cut -d' ' -f1 | cut -d. -f1)" \
        "$([ "$label" = direct ] && echo — || awk -v a="$p50" -v b="$d" 'BEGIN { printf "%.2f", a - b }')" | detail
    done
    # the targets: added p50 against nginx's (per round too, for the spread), CPU per request against the Vert.x proxy's
    local ratio rlo rhi cpu_ratio crlo crhi
    read -r ratio rlo rhi <<<"$(awk '$1 == "direct" { d = $3 } $1 == "gateway" { g = $3 } $1 == "nginx" && $3 > d { print (g - d) / ($3 - d) }' "$out" | stats)"
    local gw ng
    gw="$(awk '$1 == "direct" { d = $3 } $1 == "gateway" { s += $3 - d; n++ } END { print s / n }' "$out")"
    ng="$(awk '$1 == "direct" { d = $3 } $1 == "nginx" { s += $3 - d; n++ } END { print s / n }' "$out")"
    ratio="$(awk -v g="$gw" -v n="$ng" 'BEGIN { if (n > 0) printf "%.2f", g / n; else print "n/a" }')"
    row gateway "added p50 over direct, gateway / nginx, $conns connections" \
      "$ratio ($(printf '%.2f' "$gw") / $(printf '%.2f' "$ng") ms)" "rounds $rlo–$rhi" "≤ 2" "$(verdict "$ratio" '<=' 2)" "$load"
    read -r cpu_ratio crlo crhi <<<"$(awk '$1 == "gateway" && $10 == "cpu" { g = $11 } $1 == "vertx" && $10 == "cpu" { print g / $11 }' "$out" | stats)"
    read -r gw _ _ <<<"$(awk '$1 == "gateway" && $10 == "cpu" { print $11 }' "$out" | stats)"
    read -r ng _ _ <<<"$(awk '$1 == "vertx" && $10 == "cpu" { print $11 }' "$out" | stats)"
    cpu_ratio="$(awk -v g="$gw" -v v="$ng" 'BEGIN { printf "%.2f", g / v }')"
    row gateway "CPU per request, gateway / bare Vert.x proxy, $conns connections" \
      "$cpu_ratio (${gw%.*} / ${ng%.*} µs)" "rounds $crlo–$crhi" "≤ 1.5" "$(verdict "$cpu_ratio" '<=' 1.5)" "$load"
    load="$(load_average)"
  done
  echo | detail
  "$ROOT/gateway/bench/reference-proxies.sh" stop >/dev/null 2>&1 || true
}

case_outbox() {
  local load i line; load="$(load_average)"
  say "outbox: $OUTBOX_RUNS x $OUTBOX_N sequential contact creates, outbox write -> Kafka send"
  : > "$WORK/outbox.txt"
  for i in $(seq 1 "$OUTBOX_RUNS"); do
    line="$(N="$OUTBOX_N" CONTACTS_URL="http://127.0.0.1:$RAPPORT_CONTACTS_PORT" MANAGEMENT_URL="$(mgmt_url "$RAPPORT_CONTACTS_PORT")" \
      KAFKA="127.0.0.1:$RAPPORT_KAFKA_PORT" "$ROOT/deploy/local/bench/outbox-latency.sh" 2>&1 | grep '^records=' || true)"
    [ -n "$line" ] || die "outbox-latency.sh printed no figures"
    echo "$line" | tee -a "$WORK/outbox.txt" >&2
  done
  local p50 p50lo p50hi p99 p99lo p99hi
  read -r p50 p50lo p50hi <<<"$(sed -E 's/.*p50=([0-9.]+)ms.*/\1/' "$WORK/outbox.txt" | stats)"
  read -r p99 p99lo p99hi <<<"$(sed -E 's/.*p99=([0-9.]+)ms.*/\1/' "$WORK/outbox.txt" | stats)"
  row outbox "write → publish p50 / p99 ($OUTBOX_RUNS × $OUTBOX_N creates)" "$p50 / $p99 ms" \
    "runs: p50 $p50lo–$p50hi, p99 $p99lo–$p99hi" "< 50 ms typical" "$(verdict "$p99" '<=' 50)" "$load"
}

case_freshness() {
  local load; load="$(load_average)"
  say "freshness: $FRESHNESS_RATE engagements/s through the gateway for $FRESHNESS_SECONDS s after $FRESHNESS_WARMUP s"
  local s out="$WORK/freshness.txt" sampler
  # RSS of each service under the load, sampled every second while it runs
  : > "$WORK/rss-load.txt"
  (
    while sleep 1; do
      for s in gateway contacts engagement analytics; do echo "$s $(rss_mib "$(stack_pid "$s")")"; done >> "$WORK/rss-load.txt"
    done
  ) &
  sampler=$!
  java -Xmx512m "$BENCH/Freshness.java" "http://127.0.0.1:$RAPPORT_GATEWAY_PORT" "http://127.0.0.1:$RAPPORT_ANALYTICS_PORT" \
    "$RAPPORT_STATE_DIR/jwt/private.pem" "${RAPPORT_JWT_ISSUER:-rapport-local}" "$FRESHNESS_RATE" "$FRESHNESS_SECONDS" \
    "$FRESHNESS_WARMUP" "${FRESHNESS_CONTACTS:-50}" "${FRESHNESS_USERS:-10}" "${FRESHNESS_POLL_MS:-20}" > "$out" 2>&1 \
    || { kill "$sampler"; tail -n 20 "$out" >&2; die "the freshness run failed ($out)"; }
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  cat "$out" >&2
  field() { grep "scope=$1 " "$out" | sed -E "s/.* $2=([^ ]+).*/\1/"; }
  local p50 p99 max lo hi plo phi
  p50="$(field all p50_ms)" p99="$(field all p99_ms)" max="$(field all max_ms)"
  read -r _ lo hi <<<"$(for t in 1 2 3; do field "third$t" p50_ms; done | stats)"
  read -r _ plo phi <<<"$(for t in 1 2 3; do field "third$t" p99_ms; done | stats)"
  row freshness "201 → score reflects it, p50 / p99 / max ($FRESHNESS_RATE/s, ${FRESHNESS_SECONDS} s)" "$p50 / $p99 / $max ms" \
    "thirds of the window: p50 $lo–$hi, p99 $plo–$phi; resolution $(field reads poll_ms) ms poll + a read ($(field reads read_ms_mean) ms)" \
    "p99 ≤ 250 ms" "$(verdict "$p99" '<=' 250)" "$load"
  {
    echo "### freshness: $FRESHNESS_RATE ONE_TO_ONE engagements/s through the gateway for $FRESHNESS_SECONDS s (after $FRESHNESS_WARMUP s of the same), $(field reads contacts) contacts, $(field reads users) editors"
    echo
    echo '| window | sent | not 201 | not seen in 15 s | p50 ms | p99 ms | max ms | POST p50 / p99 ms |'
    echo '| --- | --- | --- | --- | --- | --- | --- | --- |'
    for t in all third1 third2 third3; do
      echo "| $t | $(field $t sent) | $(field $t failed) | $(field $t unseen) | $(field $t p50_ms) | $(field $t p99_ms) | $(field $t max_ms) | $(field $t post_p50_ms) / $(field $t post_p99_ms) |"
    done
    echo
  } | detail
}

case_fold() {
  local load i; load="$(load_average)"
  say "fold: $FOLD_RUNS run(s) of analytics-service/bench/fold-benchmark.sh, N=$FOLD_N"
  : > "$WORK/fold.txt"
  # the benchmark's class path (ConsumerPerformance, the Kafka client, the driver), resolved with BENCH_MVN once
  local cp="$ROOT/analytics-service/target/bench/bench.classpath"
  if [ ! -s "$cp" ]; then
    mkdir -p "$(dirname "$cp")"
    (cd "$ROOT" && ${BENCH_MVN:-./mvnw} -B -q -f analytics-service/bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null)
  fi
  for i in $(seq 1 "$FOLD_RUNS"); do
    N="$FOLD_N" "$ROOT/analytics-service/bench/fold-benchmark.sh" > "$WORK/fold-$i.log" 2>&1 \
      || { tail -n 20 "$WORK/fold-$i.log" >&2; die "fold benchmark failed ($WORK/fold-$i.log)"; }
    awk '/^ConsumerPerformance / { raw = $2 } /^fold, measured / { fold = $3 } /^ratio / { ratio = $2 }
         END { print ratio, fold, raw }' "$WORK/fold-$i.log" | tee -a "$WORK/fold.txt" >&2
  done
  local r lo hi f raw
  read -r r lo hi <<<"$(awk '{ print $1 }' "$WORK/fold.txt" | stats)"
  read -r f _ _ <<<"$(awk '{ print $2 }' "$WORK/fold.txt" | stats)"
  read -r raw _ _ <<<"$(awk '{ print $3 }' "$WORK/fold.txt" | stats)"
  row fold "fold rate / ConsumerPerformance fetch rate ($FOLD_N events, cold start)" "$r % (${f%.*} vs ${raw%.*} events/s)" \
    "runs $lo–$hi %" "≥ 25 %" "$(verdict "$r" '>=' 25)" "$load"
}

case_scale() {
  local result="$ROOT/analytics-service/target/scale-bench/RESULT.md" script="$ROOT/analytics-service/bench/scale-benchmark.sh"
  if [ ! -x "$script" ]; then
    row scale "reads at scale" "no analytics-service/bench/scale-benchmark.sh in this tree" "" "" "n/a" ""
    return
  fi
  if [ "$RERUN_SCALE" != 1 ] && [ ! -f "$result" ]; then
    row scale "reads at scale" "no table of it in this tree yet (analytics-service/target/scale-bench/RESULT.md): deploy/bench/run --rerun-scale" "" "" "n/a" ""
    return
  fi
  if [ "$RERUN_SCALE" = 1 ]; then
    local load; load="$(load_average)"
    local cp="$ROOT/analytics-service/target/scale-bench/bench.classpath"
    if [ ! -s "$cp" ]; then
      mkdir -p "$(dirname "$cp")"
      (cd "$ROOT" && ${BENCH_MVN:-./mvnw} -B -q -f analytics-service/bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null)
    fi
    say "scale: running $script (about 15 minutes)"
    "$script" > "$WORK/scale.log" 2>&1 || { tail -n 20 "$WORK/scale.log" >&2; die "scale benchmark failed ($WORK/scale.log)"; }
    row scale "reads at scale" "rerun in this run: see below" "" "" "" "$load"
  else
    row scale "reads at scale" "its latest table, $(date -u -r "$result" '+%Y-%m-%d %H:%M UTC') (not rerun; --rerun-scale)" "" "" "" ""
  fi
  { echo "### reads at scale (analytics-service/bench/scale-benchmark.sh, RESULT.md of $(date -u -r "$result" '+%Y-%m-%d %H:%M UTC'))"; echo;
    sed 's/^#/####/' "$result"; echo; } | detail
}
