# deploy/bench/run: the footprint case. Each service started alone (the stack's Kafka and PostgreSQL up, no other
# service) under each JVM set-up; time from the process start to /q/health/ready UP, RSS once idle. Sourced, not run.

BASE_OPTS="-Xmx256m"
TUNED_OPTS="-Xmx256m -Xms24m -XX:+UseSerialGC"
# name|java|options|archive (none; appcds: a dynamic CDS archive; aot: a JDK 25 AOT cache; both from a training run:
# start, a few requests, stop). jdk17 is what deploy/local/rapport ran before issue 18; jdk25+aot+tuned what it runs
# now when a JDK 25 is there (deploy/local/jvm.sh), jdk17+appcds+tuned when only Java 17 is.
FOOTPRINT_VARIANTS="${FOOTPRINT_VARIANTS:-jdk17|java|$BASE_OPTS|none
jdk17+appcds|java|$BASE_OPTS|appcds
jdk17+appcds+tuned|java|$TUNED_OPTS|appcds
jdk25+aot|$JDK25/bin/java|$BASE_OPTS|aot
jdk25+aot+tuned|$JDK25/bin/java|$TUNED_OPTS -XX:+UseCompactObjectHeaders|aot}"
FOOTPRINT_IDLE_SECONDS="${FOOTPRINT_IDLE_SECONDS:-5}"
FP_PID=""

footprint_cleanup() { [ -n "$FP_PID" ] && { kill -TERM "$FP_PID" 2>/dev/null; wait "$FP_PID" 2>/dev/null; }; FP_PID=""; }

port_of() { case "$1" in gateway) echo "$RAPPORT_GATEWAY_PORT" ;; contacts) echo "$RAPPORT_CONTACTS_PORT" ;;
  engagement) echo "$RAPPORT_ENGAGEMENT_PORT" ;; analytics) echo "$RAPPORT_ANALYTICS_PORT" ;; esac; }
module_of() { case "$1" in gateway) echo gateway ;; *) echo "$1-service" ;; esac; }

# one cheap readiness probe without starting a process: bash's /dev/tcp
ready_up() {
  local reply
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -d '' reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == *'"status": "UP"'* || "$reply" == *'"status":"UP"'* ]]
}

# start_alone service java "options" log -> sets FP_PID and READY_MS (process start to ready UP)
start_alone() {
  local s="$1" java="$2" opts="$3" log="$4" port mport env=() line t0 t1
  port="$(port_of "$s")"; mport=$((port + MGMT_OFFSET))
  while IFS= read -r line; do env+=("$line"); done < <("$LAUNCHER" env "$s")
  local jar="$ROOT/$(module_of "$s")/target/quarkus-app/quarkus-run.jar"
  t0="$(date +%s%N)"
  # shellcheck disable=SC2086
  env "${env[@]}" "$java" $opts -jar "$jar" > "$log" 2>&1 </dev/null &
  FP_PID=$!
  until ready_up "$mport"; do
    kill -0 "$FP_PID" 2>/dev/null || { FP_PID=""; tail -n 20 "$log" >&2; die "$s exited while starting ($log)"; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -ge 180 ] && die "$s not ready after 180 s ($log)"
    sleep 0.01
  done
  t1="$(date +%s%N)"
  READY_MS=$(( (t1 - t0) / 1000000 ))
}

stop_alone() {
  [ -n "$FP_PID" ] || return 0
  kill -TERM "$FP_PID" 2>/dev/null || true
  for _ in $(seq 1 240); do kill -0 "$FP_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$FP_PID" 2>/dev/null || true
  wait "$FP_PID" 2>/dev/null || true
  FP_PID=""
}

# a few requests so the training run loads what serving loads (health, metrics, one authenticated API read)
exercise() {
  local s="$1" port token path
  port="$(port_of "$s")"
  token="$("$LAUNCHER" token viewer)"
  case "$s" in gateway) path=/openapi ;; contacts) path=/api/v1/contacts ;; engagement) path=/api/v1/engagements ;;
    analytics) path=/api/v1/relationships ;; esac
  for _ in 1 2 3; do
    curl -s -o /dev/null "$(mgmt_url "$port")/q/metrics" || true
    curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" || true
  done
}

archive_opts() { # service kind java -> the JVM options that use (after training) the service's archive
  local s="$1" kind="$2" java="$3" opts="$4" dir="$WORK/archives" file
  mkdir -p "$dir"
  case "$kind" in
    none) return 0 ;;
    appcds) file="$dir/$s.jsa" ;;
    aot) file="$dir/$s.aot" ;;
  esac
  rm -f "$file"
  local training
  training="$([ "$kind" = appcds ] && echo "-XX:ArchiveClassesAtExit=$file" || echo "-XX:AOTCacheOutput=$file")"
  start_alone "$s" "$java" "$opts $training" "$WORK/footprint-$s-$kind-training.log"
  exercise "$s"
  stop_alone
  [ -s "$file" ] || die "the training run of $s wrote no $file ($WORK/footprint-$s-$kind-training.log)"
  [ "$kind" = appcds ] && echo "-XX:SharedArchiveFile=$file" || echo "-XX:AOTCache=$file"
}

case_footprint() {
  local load; load="$(load_average)"
  say "footprint: each service alone, $FOOTPRINT_REPS start(s) per JVM set-up"
  : > "$WORK/footprint.txt"
  local v name java opts kind s extra i rss
  while IFS='|' read -r name java opts kind; do
    [ -n "$name" ] || continue
    if ! "$java" -version >/dev/null 2>&1; then say "footprint: $name skipped ($java not found)"; continue; fi
    for s in contacts engagement analytics gateway; do
      extra="$(archive_opts "$s" "$kind" "$java" "$opts")"
      for i in $(seq 1 "$FOOTPRINT_REPS"); do
        start_alone "$s" "$java" "$opts $extra" "$WORK/footprint-$s-$name-$i.log"
        sleep "$FOOTPRINT_IDLE_SECONDS"
        rss="$(rss_mib "$FP_PID") $(awk '/^RssAnon/ { printf "%.0f", $2 / 1024 }' "/proc/$FP_PID/status")"
        stop_alone
        echo "$name $s $READY_MS $rss" | tee -a "$WORK/footprint.txt" >&2
      done
    done
  done <<<"$FOOTPRINT_VARIANTS"
  {
    echo "### footprint: each service started alone ($FOOTPRINT_REPS starts per set-up; Kafka and PostgreSQL up, no other service)"
    echo
    echo "Ready: process start to the first /q/health/ready UP (polled every 10 ms). RSS: VmRSS (anonymous: RssAnon, without mapped files such as the archive) after $FOOTPRINT_IDLE_SECONDS s idle; under load: the largest VmRSS sampled during the freshness run (the stack's own set-up, \`deploy/local/rapport\`). Options: \`$BASE_OPTS\`; tuned: \`$TUNED_OPTS\` (JDK 25: also \`-XX:+UseCompactObjectHeaders\`); the training run of an archive uses the same options."
    echo
    echo '| service | set-up | ready s (median, range) | RSS idle MiB (median, range) | of it anonymous (median) | RSS under load MiB |'
    echo '| --- | --- | --- | --- | --- | --- |'
  } | detail
  local worst_ready="" worst_rss="" best=""
  for s in contacts engagement analytics gateway; do
    while IFS='|' read -r name _ _ _; do
      grep -q "^$name $s " "$WORK/footprint.txt" || continue
      local med lo hi rmed rlo rhi under anon
      read -r med lo hi <<<"$(awk -v n="$name" -v s="$s" '$1 == n && $2 == s { print $3 / 1000 }' "$WORK/footprint.txt" | median_range)"
      read -r rmed rlo rhi <<<"$(awk -v n="$name" -v s="$s" '$1 == n && $2 == s { print $4 }' "$WORK/footprint.txt" | median_range)"
      read -r anon _ _ <<<"$(awk -v n="$name" -v s="$s" '$1 == n && $2 == s { print $5 }' "$WORK/footprint.txt" | median_range)"
      under="$(awk -v s="$s" '$1 == s && $2 > m { m = $2 } END { print m + 0 }' "$WORK/rss-load.txt" 2>/dev/null || echo '')"
      echo "| $s | $name | $med ($lo–$hi) | ${rmed%.*} (${rlo%.*}–${rhi%.*}) | ${anon%.*} | $under |" | detail
    done <<<"$FOOTPRINT_VARIANTS"
  done
  echo | detail
  # the summary: per set-up, the slowest service's ready time and the largest idle RSS
  while IFS='|' read -r name _ _ _; do
    grep -q "^$name " "$WORK/footprint.txt" || continue
    local r m
    r="$(awk -v n="$name" '$1 == n { print $2, $3 / 1000 }' "$WORK/footprint.txt" | sort -k1,1 -k2,2n |
      awk '{ v[$1] = v[$1] " " $2 } END { for (s in v) { n = split(v[s], a, " "); print a[int((n + 1) / 2)], s } }' | sort -n | tail -n1)"
    m="$(awk -v n="$name" '$1 == n { print $2, $4 }' "$WORK/footprint.txt" | sort -k1,1 -k2,2n |
      awk '{ v[$1] = v[$1] " " $2 } END { for (s in v) { n = split(v[s], a, " "); print a[int((n + 1) / 2)], s } }' | sort -n | tail -n1)"
    row footprint "slowest ready, $name" "$(printf '%.2f' "${r% *}") s (${r#* })" "see the footprint table" "≤ 1.5 s" "$(verdict "${r% *}" '<=' 1.5)" "$load"
    row footprint "largest idle RSS, $name" "${m% *} MiB (${m#* })" "see the footprint table" "≤ 200 MiB" "$(verdict "${m% *}" '<=' 200)" "$load"
  done <<<"$FOOTPRINT_VARIANTS"
}

median_range() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.2f %.2f %.2f\n", a[int((NR + 1) / 2)], a[1], a[NR]; else print "nan nan nan" }'; }
