# deploy/bench/run: the stack, process figures (CPU, RSS), the table and RESULTS.md. Sourced, not run.

say() { echo "bench: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 1; }
HZ="$(getconf CLK_TCK)"

preflight() {
  command -v java >/dev/null || die "java not found. Fix: install a JDK 17 (apt-get install -y openjdk-17-jdk)."
  local tool
  for tool in curl openssl wrk; do
    command -v "$tool" >/dev/null || die "$tool not found. Fix: apt-get install -y $tool."
  done
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx not found (the gateway case's reference). Fix: apt-get install -y nginx-light."
  build_if_stale
}

build_if_stale() { # the packaged services and the local infrastructure, built when missing or older than a source
  local stale="" m jar
  for m in gateway contacts-service engagement-service analytics-service; do
    jar="$ROOT/$m/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$m/src/main" "$ROOT/platform/src/main" -newer "$jar" -type f -print -quit)" ]; then
      stale="$stale,$m"
    fi
  done
  ls "$ROOT"/deploy/local/infra/target/rapport-local-infra-*.jar >/dev/null 2>&1 || stale="$stale,"
  [ -z "$stale" ] && return 0
  stale="${stale%,}"
  say "building${stale//,/ } (${BENCH_MVN:-./mvnw} -B -q package -DskipTests)"
  (cd "$ROOT" && ${BENCH_MVN:-./mvnw} -B -q package -DskipTests -pl "${stale#,}${stale:+,}deploy/local/infra" -am) \
    || die "the build failed; run it yourself to see why"
}

cleanup() {
  "$ROOT/gateway/bench/reference-proxies.sh" stop >/dev/null 2>&1 || true
  footprint_cleanup 2>/dev/null || true
  stack_down >/dev/null 2>&1 || true
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU ticks (utime + stime) of the given pids, summed
ticks() { local p t=0 v; for p in "$@"; do v="$(sed -E 's/^.*\) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')"; t=$((t + ${v:-0})); done; echo "$t"; }
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
mgmt_url() { echo "http://127.0.0.1:$(($1 + MGMT_OFFSET))"; }
stack_pid() { cat "$RAPPORT_STATE_DIR/pids/$1.pid" 2>/dev/null || true; }

stack_up() {
  say "starting the stack (state $RAPPORT_STATE_DIR, gateway :$RAPPORT_GATEWAY_PORT, Kafka :$RAPPORT_KAFKA_PORT)"
  "$LAUNCHER" up > "$WORK/stack-up.log" 2>&1 || { tail -n 20 "$WORK/stack-up.log" >&2; die "the stack did not start ($WORK/stack-up.log)"; }
  if [ "${RAPPORT_STARTUP_ARCHIVE:-on}" != off ] && ! archives_current; then
    # the first start after a build records the startup archives, written as the services stop: start again with them
    say "the services recorded their startup archives: restarting the stack with them"
    "$LAUNCHER" down >> "$WORK/stack-up.log" 2>&1
    "$LAUNCHER" up >> "$WORK/stack-up.log" 2>&1 || { tail -n 20 "$WORK/stack-up.log" >&2; die "the stack did not start ($WORK/stack-up.log)"; }
  fi
  grep 'all services ready' "$WORK/stack-up.log" | tail -n 1 >&2 || true
}
archives_current() { # no service of the stack is recording its startup archive (deploy/local/jvm.sh)
  local s pid
  for s in gateway contacts engagement analytics; do
    pid="$(stack_pid "$s")"
    [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE 'AOTCacheOutput|ArchiveClassesAtExit' && return 1
  done
  return 0
}
stack_services_down() { # Kafka and PostgreSQL stay up for the footprint case
  local s pid
  for s in gateway analytics engagement contacts; do
    pid="$(stack_pid "$s")"
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$RAPPORT_STATE_DIR/pids/$s.pid"
  done
}
stack_down() { [ -d "$RAPPORT_STATE_DIR/pids" ] && "$LAUNCHER" down >/dev/null 2>&1; return 0; }

# "java -version" of a JDK, one line: vendor and version
jdk_label() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.vendor/ {v=$2} /java.runtime.version/ {r=$2} END {print v " " r}'; }

# the table: summary rows (one per figure with a target or a headline) and details (a section per case)
row() { # case figure result noise target verdict load
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" >> "$WORK/summary.md"
}
detail() { cat >> "$WORK/details.md"; }
verdict() { # value op limit -> met / NOT MET
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? (v <= l) : (v >= l); print (v == "" || v != v + 0) ? "n/a" : (ok ? "met" : "**NOT MET**") }'
}

write_results() {
  local commit dirty machine table
  commit="$(git -C "$ROOT" rev-parse --short HEAD)"
  dirty="$(git -C "$ROOT" status --porcelain --untracked-files=no | grep -q . && echo ' (with uncommitted changes)' || true)"
  machine="$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  table="$WORK/table.md"
  {
    echo "## Run of $STARTED_AT$([ "$QUICK" = 1 ] && echo ' (quick: not of record)')"
    echo
    echo "Commit \`$commit\`$dirty; machine: $machine; JDK: $(jdk_label java)$([ -x "$JDK25/bin/java" ] && echo "; JDK 25: $(jdk_label "$JDK25/bin/java")"); load average at the end: $(load_average)."
    echo
    echo '| case | figure | result | noise (spread seen in this run) | target | verdict | load avg before |'
    echo '| --- | --- | --- | --- | --- | --- | --- |'
    cat "$WORK/summary.md"
    echo
    cat "$WORK/details.md"
  } > "$table"
  cat "$table"
  [ "$WRITE" = 1 ] || return 0
  local results="$BENCH/RESULTS.md" history="$WORK/history.md"
  if [ -f "$results" ]; then
    # everything from the first "## " heading on is the earlier runs and the history
    awk 'f || /^## / { f = 1; print }' "$results" > "$history"
  else
    : > "$history"
  fi
  {
    cat "$BENCH/results-header.md"
    echo
    cat "$table"
    echo
    cat "$history"
  } > "$results.tmp" && mv "$results.tmp" "$results"
  say "written to $results"
}
