#!/usr/bin/env bash
# Reference proxies for bench/proxy-benchmark.sh, in front of the same contacts-service as the gateway:
#   vertx  ReferenceProxy.java: the gateway's Vert.x with nothing on top (port REF_VERTX_PORT [8095])
#   nginx  nginx with upstream keep-alive, no logs (port REF_NGINX_PORT [8096]; only if nginx is installed:
#          apt-get install -y nginx-light)
# They show what one more HTTP hop costs on this machine, whatever the proxy does; not part of Rapport.
#
#   gateway/bench/reference-proxies.sh start     # prints COMPARE_URLS for proxy-benchmark.sh
#   gateway/bench/reference-proxies.sh stop
#
# REF_JAVA [java]: the java that runs the Vert.x proxy (the gateway's own, for a like-for-like comparison).
# Needs the gateway built (its libraries: gateway/target/quarkus-app/lib/main) and contacts-service on
# CONTACTS_URL [http://127.0.0.1:8081]. State, logs and the nginx configuration: .rapport/bench/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/.rapport/bench"
VERTX_PORT="${REF_VERTX_PORT:-8095}" NGINX_PORT="${REF_NGINX_PORT:-8096}"
DIRECT="${CONTACTS_URL:-http://127.0.0.1:8081}"
hostport="${DIRECT#*://}"; hostport="${hostport%%/*}"
UP_HOST="${hostport%:*}" UP_PORT="${hostport##*:}"

wait_port() { # port -> 0 when something answers HTTP there within 30 s
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.5
  done
  return 1
}

stop() {
  if [ -f "$STATE/vertx.pid" ]; then kill "$(cat "$STATE/vertx.pid")" 2>/dev/null || true; rm -f "$STATE/vertx.pid"; fi
  if [ -f "$STATE/nginx/nginx.pid" ]; then kill "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null || true; fi
}

start() {
  local lib="$ROOT/gateway/target/quarkus-app/lib/main"
  [ -d "$lib" ] || { echo "no $lib: build the gateway first (./mvnw -B install -DskipTests)" >&2; exit 2; }
  stop
  mkdir -p "$STATE/nginx/logs"
  "${REF_JAVA:-java}" -Xmx256m -cp "$lib/*" "$ROOT/gateway/bench/ReferenceProxy.java" "$VERTX_PORT" "$UP_HOST" "$UP_PORT" \
    > "$STATE/vertx.log" 2>&1 &
  echo $! > "$STATE/vertx.pid"
  wait_port "$VERTX_PORT" || { echo "the Vert.x reference proxy did not start: $STATE/vertx.log" >&2; exit 1; }
  local urls="vertx=http://127.0.0.1:$VERTX_PORT"
  if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
    cat > "$STATE/nginx/nginx.conf" <<CONF
worker_processes $(nproc);
error_log $STATE/nginx/logs/error.log;
pid $STATE/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream contacts { server $UP_HOST:$UP_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://contacts;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
CONF
    PATH="$PATH:/usr/sbin" nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx"
    wait_port "$NGINX_PORT" || { echo "nginx did not start: $STATE/nginx/logs/error.log" >&2; exit 1; }
    urls="$urls nginx=http://127.0.0.1:$NGINX_PORT"
  else
    echo "nginx not installed (apt-get install -y nginx-light): only the Vert.x reference runs" >&2
  fi
  echo "COMPARE_URLS=\"$urls\""
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
