#!/usr/bin/env bash
# Portfolio aging benchmark: generates a ledger (customers, open and settled invoices, part
# payments, foreign-currency invoices) in an embedded PostgreSQL with COPY, then times the
# portfolio aging of the real code against plain SQL GROUP BYs over the same invoice table,
# all warm, and prints the medians as a table.
#
#   bench/aging-bench.sh [customers] [open-items] [runs]     (default 100000, 2000000 and 7)
#
# Set FLOCK=/path/to/lockfile to serialise the Maven step with other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
OPEN_ITEMS=${2:-2000000}
RUNS=${3:-7}
MVN=(./mvnw -B -o -q)
if [[ -n "${FLOCK:-}" ]]; then MVN=(flock "$FLOCK" "${MVN[@]}"); fi
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.credence.bench.AgingBench "$CUSTOMERS" "$OPEN_ITEMS" "$RUNS"
