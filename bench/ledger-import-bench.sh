#!/usr/bin/env bash
# Ledger import benchmark: generates customers (COPY) and a CSV of invoices, imports the file
# through the real import path (FileImports → the receivable module's bulk write), copies the
# same file with PostgreSQL's COPY into a plain table as a baseline, and prints both with the
# ratio; then imports the file again (every row unchanged).
#
#   bench/ledger-import-bench.sh [invoices] [customers]     (default 1000000 and 100000)
#
# Set FLOCK=/path/to/lockfile to serialise the Maven step with other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
INVOICES=${1:-1000000}
CUSTOMERS=${2:-100000}
MVN=(./mvnw -B -o -q)
if [[ -n "${FLOCK:-}" ]]; then MVN=(flock "$FLOCK" "${MVN[@]}"); fi
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${JAVA_OPTS:-} -Xmx1g -XX:+UseParallelGC -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.credence.bench.LedgerImportBench "$INVOICES" "$CUSTOMERS"
