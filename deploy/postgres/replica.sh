#!/bin/sh
# docker compose's postgres-replica: a hot standby that streams from the primary (README, "Read replicas").
# The first time (an empty data folder) it is made with PostgreSQL's own tool, pg_basebackup -R: a copy of the
# primary, with standby.signal and primary_conninfo, so that it follows the primary from then on, through the slot
# deploy/postgres/primary-replication.sh made. Every time: PostgreSQL on that folder, read-only.
set -eu
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup --host="${PRIMARY_HOST:-postgres}" --port="${PRIMARY_PORT:-5432}" --username=replicator --pgdata="$PGDATA" \
          --write-recovery-conf --wal-method=stream --slot=tracker_replica --checkpoint=fast; do
    echo "postgres-replica: the primary is not ready for pg_basebackup yet; trying again in 5 s"
    find "$PGDATA" -mindepth 1 -delete
    sleep 5
  done
  chmod 0700 "$PGDATA"
fi
# hot_standby_feedback: the primary's vacuum keeps the rows a read on the replica still sees, instead of the
# replica cancelling that read ("conflict with recovery"); any arguments are further server options
exec postgres -D "$PGDATA" -c hot_standby=on -c hot_standby_feedback=on "$@"
