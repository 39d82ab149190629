#!/usr/bin/env bash
# Ledger import benchmark: generates customers (COPY) and a CSV of invoices, imports the file
# through the real import path (FileImports → the receivable module's bulk write) in first-load
# mode, copies the same file with PostgreSQL's COPY into a plain table as a baseline, and prints
# both with the ratio; then imports the file again (every row unchanged), and once more into the
# emptied ledger with first-load mode off.
#
#   bench/ledger-import-bench.sh [invoices] [customers]     (default 1000000 and 100000)
#
# Set FLOCK=/path/to/lockfile to hold that lock for the whole run (build and measurement);
# DB=machine to run on a database credence_bench_import created on the machine's PostgreSQL
# (127.0.0.1:5432, user postgres) and dropped after, instead of an embedded server.
set -euo pipefail
cd "$(dirname "$0")/.."
INVOICES=${1:-1000000}
CUSTOMERS=${2:-100000}
MVN=(./mvnw -B -o -q)
if [[ -n "${FLOCK:-}" ]]; then MVN=(flock "$FLOCK" "${MVN[@]}"); fi
# The benchmark runs inside Maven (spring-boot:test-run): the offline
# repository has no working maven-dependency-plugin to write the classpath out.
exec "${MVN[@]}" test-compile spring-boot:test-run -Dspring-boot.test-run.optimizedLaunch=false \
  -Dspring-boot.run.main-class=org.credence.bench.LedgerImportBench \
  -Dspring-boot.run.arguments="$INVOICES $CUSTOMERS" \
  -Dspring-boot.run.jvmArguments="-Xmx1g -XX:+UseParallelGC -Dbench.db=${DB:-embedded} ${JAVA_OPTS:-}"
