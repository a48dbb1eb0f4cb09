# Sourced by deploy/local/rapport (and deploy/bench/run): which java runs the services, and their startup archives.
#
# The services run on the java of RAPPORT_JAVA_HOME if set; else of the newest JDK 25 or later found in JAVA_HOME or
# /usr/lib/jvm; else the java on PATH (17 or newer: all a user needs). Measured in deploy/bench/RESULTS.md
# (footprint): a JDK 25 with its AOT cache starts the services fastest.
#
# Startup archive (RAPPORT_STARTUP_ARCHIVE [on]; off: none): a service's first start after a build records what it
# loads, and the archive is written when it stops (deploy/local/rapport down); every later start until the next build
# maps it instead of loading, parsing and linking those classes again:
#   JDK 25+    an AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles): -XX:AOTCache
#   JDK 17-24  a dynamic AppCDS archive (classes parsed and verified): -XX:SharedArchiveFile
# in <state>/archives/<service>-<java version>.aot|.jsa. A JVM that cannot use an archive (another JDK build, a
# changed jar) says so in the log and starts without it.

# the services' JVM options unless RAPPORT_JAVA_OPTS is set: heap at most 256 MiB starting small, the serial collector
# (a service uses well under a core; G1's own structures cost tens of MiB), compact object headers on JDK 25+ (smaller
# objects), and an OutOfMemoryError ends the JVM (up restarts it). Measured: deploy/bench/RESULTS.md, footprint.
service_java_opts() { # java
  local opts="-Xmx256m -Xms24m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
  [ "$(java_major "$1")" -ge 25 ] && opts="$opts -XX:+UseCompactObjectHeaders"
  echo "$opts"
}

java_version() { "$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }'; }
java_major() { local v; v="$(java_version "$1")"; v="${v%%.*}"; v="${v%%-*}"; [ "$v" = 1 ] && v=8; echo "${v:-0}"; }

# the java binary for the services (RAPPORT_JAVA_HOME, else the newest JDK 25+ in JAVA_HOME or /usr/lib/jvm, else PATH)
service_java() {
  if [ -n "${RAPPORT_JAVA_HOME:-}" ]; then echo "$RAPPORT_JAVA_HOME/bin/java"; return; fi
  local best="" best_major=0 home major
  for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then best="$home/bin/java" best_major="$major"; fi
  done
  if [ -n "$best" ]; then echo "$best"; else command -v java || echo java; fi
}

# startup_archive_opts java service jar archives-dir -> the JVM options of this start: use the service's archive when it
# is newer than the jar, else record one (written at exit)
startup_archive_opts() {
  local java="$1" s="$2" jar="$3" dir="$4" major ext file
  [ "${RAPPORT_STARTUP_ARCHIVE:-on}" = off ] && return 0
  major="$(java_major "$java")"
  [ "$major" -ge 17 ] || return 0
  if [ "$major" -ge 25 ]; then ext=aot; else ext=jsa; fi
  mkdir -p "$dir"
  file="$dir/$s-$(java_version "$java").$ext"
  if [ -s "$file" ] && [ "$file" -nt "$jar" ]; then
    [ "$ext" = aot ] && echo "-XX:AOTCache=$file" || echo "-XX:SharedArchiveFile=$file -Xshare:auto"
  else
    rm -f "$file" "$file.config"
    [ "$ext" = aot ] && echo "-XX:AOTCacheOutput=$file" || echo "-XX:ArchiveClassesAtExit=$file"
  fi
}
