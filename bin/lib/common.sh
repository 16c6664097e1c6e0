# Shared by bin/start, bin/stop and bin/test. Sourced, not run.
# PostgreSQL: use the one at PGHOST:PGPORT if it answers; else start this machine's Debian cluster; else
# docker compose where a Docker engine runs; else create and start a private cluster under .data/postgres.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/.data"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
. "$ROOT/bin/lib/install.sh"
# a private cluster started earlier remembers its port here
[ -f "$DATA/postgres.env" ] && . "$DATA/postgres.env"

say() { printf '\033[1m%s\033[0m\n' "$*"; }
die() { printf '错误 / error: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  # the newest installed PostgreSQL's binaries
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ]; then echo "$dir"; elif command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

pg_ready() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -x "$bin/pg_isready" ]; then
    "$bin/pg_isready" -q -h "$PGHOST" -p "$PGPORT"
  else
    (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null
  fi
}

wait_for_pg() {
  for _ in $(seq 1 60); do pg_ready && return 0; sleep 1; done
  return 1
}

as_postgres_user() {
  # PostgreSQL refuses to run as root: run its server programs as an unprivileged user
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id -u "$user" >/dev/null 2>&1 || useradd --system --home-dir "$DATA" --shell /usr/sbin/nologin "$user"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

start_debian_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local clusters; clusters=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3 == p {print $1" "$2}')
  [ -n "$clusters" ] || return 1
  say "启动本机 PostgreSQL 集群 / starting this machine's PostgreSQL cluster ($clusters)"
  while read -r version name; do
    if [ "$(id -u)" = 0 ]; then
      pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start || true
    else
      pg_ctlcluster "$version" "$name" start || true
    fi
  done <<< "$clusters"
  wait_for_pg
}

start_docker_postgres() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || return 1
  say "用 docker compose 启动 PostgreSQL / starting PostgreSQL with docker compose"
  (cd "$ROOT" && docker compose up -d postgres) || return 1
  export PGUSER=tracker PGPASSWORD="${POSTGRES_PASSWORD:-tracker}"
  wait_for_pg
}

start_private_cluster() {
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] || die "没有找到 PostgreSQL。请安装（Debian：apt-get install postgresql）/ PostgreSQL is not installed (Debian: apt-get install postgresql)"
  local pgdata="$DATA/postgres"
  mkdir -p "$DATA/logs"
  chmod 755 "$DATA"
  if [ "$(id -u)" = 0 ]; then id -u postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA" --shell /usr/sbin/nologin postgres; fi
  local owner; owner=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    say "创建私有 PostgreSQL 集群 / creating a private PostgreSQL cluster in $pgdata"
    mkdir -p "$pgdata"; chown "$owner" "$pgdata" "$DATA/logs"; chmod 700 "$pgdata"
    as_postgres_user "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # another server may hold the usual port: then take the next free one
  if (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; then PGPORT=54329; fi
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
  printf 'PGHOST=%s\nPGPORT=%s\nPGUSER=%s\n' "$PGHOST" "$PGPORT" "$PGUSER" > "$DATA/postgres.env"
  as_postgres_user "$bin/pg_ctl" -D "$pgdata" -l "$DATA/logs/postgres.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $pgdata" start >/dev/null
  wait_for_pg
}

ensure_postgres() {
  if pg_ready; then return 0; fi
  start_debian_cluster || start_docker_postgres || start_private_cluster \
    || die "PostgreSQL 无法启动，详见 $DATA/logs/postgres.log / PostgreSQL did not start"
  pg_ready || die "PostgreSQL 没有在 $PGHOST:$PGPORT 应答 / PostgreSQL does not answer"
}

psql_admin() {
  local bin; bin=$(pg_bin)
  "${bin:+$bin/}psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres "$@"
}

ensure_database() {
  local db="$1"
  if [ -z "$(psql_admin -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_admin -c "CREATE DATABASE \"$db\" ENCODING 'UTF8' TEMPLATE template0"
  fi
}

recreate_database() {
  local db="$1"
  psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  psql_admin -c "CREATE DATABASE \"$db\" ENCODING 'UTF8' TEMPLATE template0"
}

jdbc_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }

# The single address: an nginx without privileges in front of both sides (deploy/nginx/local.sh), its config, pid
# and logs in .data/nginx.
start_proxy() {
  TRACKER_COMMAND_UPSTREAM="127.0.0.1:$1" TRACKER_QUERY_UPSTREAM="127.0.0.1:$2" \
    "$ROOT/deploy/nginx/local.sh" start "$DATA/nginx"
}

stop_proxy() { "$ROOT/deploy/nginx/local.sh" stop "$DATA/nginx"; }
