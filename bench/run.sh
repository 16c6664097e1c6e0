#!/usr/bin/env bash
# The benchmark harness. Builds the jars, then in one run: intake over HTTP against raw inserts, rebuilds at the
# small and the large synthetic data set, read latencies at the large one, peak heaps. Prints a table and writes
# bench/results/bench-<time>.csv and .json. Reproducible: the data set derives from --seed.
#   bench/run.sh                              the full run (10 million requests; about an hour and ~40 GB of disk)
#   bench/run.sh --large=1000000              a shorter run
#   bench/run.sh --phases=intake --intake-seconds=30
#   bench/run.sh --phases=rebuild,reads --reuse-data=true   rebuild and reads on the data set an earlier run left
#   bench/run.sh --phases=reads --reuse-data=true           reads alone on it, the read models as they are (no rebuild)
# Other options: --small=N --threads=N --samples=N --seed=N --jdbc=URL --db-user=U --db-password=P
# BENCH_PORT_BASE=N: the sides listen on N and N+1 (default 18081, 18082), for a second run beside another
set -euo pipefail
. "$(dirname "$0")/../bin/lib/common.sh"
cd "$ROOT"
# what the sides need to run (JDK, Maven, PostgreSQL, the notices' font), as bin/start installs it; the deployment
# images are not built: the bench runs the jars
ensure_installed start
ensure_postgres
mvn -q -B -DskipTests -Dimages.skip=true package -pl command-side,query-side,bench -am
exec java -Xmx1g -Dbench.port-base="${BENCH_PORT_BASE:-18081}" -jar bench/target/bench.jar --root="$ROOT" --jdbc="$(jdbc_url tracker_bench)" --db-user="$PGUSER" \
  --db-password="${PGPASSWORD:-}" "$@"
