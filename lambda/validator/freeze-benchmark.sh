#!/usr/bin/env bash
# The freeze-time validation's benchmark (not a unit test): two embedded PostgreSQL servers, the payments table at
# each SIZE, CHANGED rows changed on both sides after the full pre-freeze validation; prints the full validation's
# time, the freeze-time (changes-only, strict) validation's time per run, and a full strict validation's for comparison.
# Usage, from the repository root:  lambda/validator/freeze-benchmark.sh [CHANGED] [RUNS] [SIZE...]
set -euo pipefail
cd "$(dirname "$0")"
CHANGED=${1:-3000}
RUNS=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
SIZES=("${@:-200000 2000000}")
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
# A copy of the classes, so a build in this module while the benchmark runs does not pull them from under it.
CLASSES=$(mktemp -d /tmp/freeze-bench.XXXXXX)
trap 'rm -rf "$CLASSES"' EXIT
cp -r target/classes target/test-classes "$CLASSES"/
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
java -Xmx512m -cp "$CLASSES/test-classes:$CLASSES/classes:$(cat target/test-cp.txt)" \
  com.paymentmigration.lambda.validator.FreezeBenchmark "$CHANGED" "$RUNS" ${SIZES[@]}
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
