#!/usr/bin/env bash
# Order-path credit check benchmark (issue 6): starts the application on a throw-away
# database, generates a portfolio (customers, active credit lines, open invoices) and builds
# its positions with the real code, then runs with the same number of clients the Gatling
# simulation against the running application over loopback and the JDBC floor (lock the
# position row, insert the check, update reserved, commit), each spread over every customer
# and concentrated on a few hot ones, and prints one table.
#
#   bench/credit-check-bench.sh [seconds] [customers] [clients]     (default 30, 10000 and 32)
#
# Environment:
#   DB=embedded|machine   embedded PostgreSQL (default), or a database credence_bench created
#                         on the machine's server (127.0.0.1:5432, user postgres) and dropped after
#   AUTH=bearer|basic     how the simulated order system authenticates (default: an API token)
#   HOT=5                 customers of the hot scenario
#   WARMUP=60             seconds of warm-up load before the measured scenarios (not counted;
#                         on 2 cores the JIT needs about a minute of load to settle)
#   RELEASE=true          cancel (DELETE) each order after its check
#   PHASES=spread,hot     the scenarios to run, in order
#   FLOOR=false           skip the JDBC floor
#   PG_STATS=true         embedded PostgreSQL with pg_stat_statements: print the statements that
#                         took the server's time during the Gatling run, per check
#   ONLINE=true           let the Gatling run reach Maven Central (default offline)
#   JAVA_OPTS=...         more JVM options for the application's JVM
#   FLOCK=/path/to/lock   hold that lock for the whole run (build and measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_SCENARIO=${1:-30}
CUSTOMERS=${2:-10000}
CLIENTS=${3:-32}
MVN=(./mvnw -B -q)
if [[ "${ONLINE:-false}" != "true" ]]; then MVN+=(-o); fi
if [[ -n "${FLOCK:-}" ]]; then exec flock "$FLOCK" env -u FLOCK "$0" "$@"; fi

PROPS="-Dbench.db=${DB:-embedded} -Dbench.auth=${AUTH:-bearer} -Dbench.hot=${HOT:-5}"
PROPS+=" -Dbench.warmup=${WARMUP:-60} -Dbench.release=${RELEASE:-false} -Dbench.phases=${PHASES:-spread,hot}"
PROPS+=" -Dbench.floor=${FLOOR:-true} -Dbench.pg-stat-statements=${PG_STATS:-false} -Dbench.offline=$([[ "${ONLINE:-false}" == "true" ]] && echo false || echo true)"

# Everything is compiled once, the Gatling simulation included (-Pbench); the application's
# JVM then runs without Gatling on its classpath and without compiling again
# (maven.test.skip), so that no class file changes under it while Gatling, started from it
# with `./mvnw -Pbench gatling:test`, runs in a JVM of its own.
"${MVN[@]}" -Pbench test-compile
# spring-boot:test-run, because the offline repository's maven-dependency-plugin cannot
# write a classpath out; optimizedLaunch=false, or the JIT stops at C1.
exec "${MVN[@]}" -Dmaven.test.skip=true spring-boot:test-run -Dspring-boot.test-run.optimizedLaunch=false \
  -Dspring-boot.run.main-class=org.credence.bench.CreditCheckBench \
  -Dspring-boot.run.arguments="$SECONDS_PER_SCENARIO $CUSTOMERS $CLIENTS" \
  -Dspring-boot.run.jvmArguments="-Xmx2g $PROPS ${JAVA_OPTS:-}"
