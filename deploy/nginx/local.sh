#!/usr/bin/env bash
# One nginx on this machine, without privileges, in front of both sides: bin/start and the system tests use it.
#   local.sh start DIR   renders the routing (render.sh local DIR, same environment) and starts nginx from DIR
#   local.sh stop DIR    stops it
# Run as root, nginx runs as the user nobody (it needs no privilege: the ports are above 1024, everything it writes
# is in DIR); a TLS key given is copied into DIR/tls, readable by that user only.
set -euo pipefail
action="${1:?usage: local.sh start|stop DIR}"
dir="${2:?usage: local.sh start|stop DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
nginx="$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)"
user=nobody

as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }

stop() {
  local pid
  pid=$(cat "$dir/nginx.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { rm -f "$dir/nginx.pid"; return 0; }
  kill -QUIT "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || { rm -f "$dir/nginx.pid"; return 0; }; sleep 0.1; done
  kill -TERM "$pid" 2>/dev/null || true
  rm -f "$dir/nginx.pid"
}

case "$action" in
  stop) stop ;;
  start)
    [ -x "$nginx" ] || { echo "nginx is not installed (Debian: apt-get install nginx)" >&2; exit 1; }
    stop
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ -n "${TRACKER_TLS_CERT:-}" ] && [ -n "${TRACKER_TLS_KEY:-}" ]; then
      mkdir -p "$dir/tls"
      cp "$TRACKER_TLS_CERT" "$dir/tls/tls.crt"
      cp "$TRACKER_TLS_KEY" "$dir/tls/tls.key"
      chmod 600 "$dir/tls/tls.key"
      export TRACKER_TLS_CERT="$dir/tls/tls.crt" TRACKER_TLS_KEY="$dir/tls/tls.key"
    fi
    "$here/render.sh" local "$dir"
    if [ "$(id -u)" = 0 ]; then
      id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
      chown -R "$user" "$dir"
    fi
    as_user "$nginx" -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    as_user "$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    for _ in $(seq 1 50); do [ -s "$dir/nginx.pid" ] && exit 0; sleep 0.1; done
    echo "nginx did not start; see $dir/error.log" >&2
    exit 1
    ;;
  *) echo "usage: local.sh start|stop DIR" >&2; exit 2 ;;
esac
