#!/usr/bin/env bash
# Batch re-assessment benchmark: generates a portfolio of customers with two annual
# statements each in an embedded PostgreSQL (COPY), assesses all of them with the real
# batch code, reads the same inputs with one plain SQL pass as a baseline, and prints both.
#
#   bench/assessment-bench.sh [customers] [max-seconds]     (default 100000 and 900)
#
# Set FLOCK=/path/to/lockfile to serialise the Maven step with other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
MAX_SECONDS=${2:-900}
MVN=(./mvnw -B -o -q)
if [[ -n "${FLOCK:-}" ]]; then MVN=(flock "$FLOCK" "${MVN[@]}"); fi
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.credence.bench.AssessmentBench "$CUSTOMERS" "$MAX_SECONDS"
