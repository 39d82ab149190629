#!/usr/bin/env bash
# Portfolio aging benchmark: generates a ledger (customers, open and settled invoices, part
# payments, foreign-currency invoices) in an embedded PostgreSQL with COPY, then times the
# portfolio aging of the real code against plain SQL GROUP BYs over the same invoice table,
# all warm, and prints the medians as a table.
#
#   bench/aging-bench.sh [customers] [open-items] [runs]     (default 100000, 2000000 and 7)
#
# Set FLOCK=/path/to/lockfile to hold that lock for the whole run (build and measurement).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
OPEN_ITEMS=${2:-2000000}
RUNS=${3:-7}
MVN=(./mvnw -B -o -q)
if [[ -n "${FLOCK:-}" ]]; then MVN=(flock "$FLOCK" "${MVN[@]}"); fi
# The benchmark runs inside Maven (spring-boot:test-run): the offline
# repository has no working maven-dependency-plugin to write the classpath out.
exec "${MVN[@]}" test-compile spring-boot:test-run -Dspring-boot.test-run.optimizedLaunch=false \
  -Dspring-boot.run.main-class=org.credence.bench.AgingBench \
  -Dspring-boot.run.arguments="$CUSTOMERS $OPEN_ITEMS $RUNS" \
  -Dspring-boot.run.jvmArguments="-Xmx2g -XX:+UseParallelGC ${JAVA_OPTS:-}"
