#!/bin/sh
# The primary's part of the read replica (docker compose's postgres service; README, "Read replicas"). Run once by
# the official image when it creates the database (/docker-entrypoint-initdb.d): a role that may only replicate, a
# slot that keeps the WAL the replica has not received yet (at most max_slot_wal_keep_size, set on the service), and
# the pg_hba.conf line that lets the role replicate with its password. PostgreSQL 15's defaults already allow it:
# wal_level=replica, max_wal_senders=10.
# An existing database (a volume made before this file) needs the same by hand: the two statements below, as the
# owner, and the line in pg_hba.conf, then SELECT pg_reload_conf().
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v replication_password="${REPLICATION_PASSWORD:-replicator}" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'replication_password';
SELECT pg_create_physical_replication_slot('tracker_replica');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
