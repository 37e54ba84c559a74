#!/usr/bin/env bash
# The authorizer's benchmark (not a unit test): cold start (fresh JVM to first decision, no SnapStart) and warm
# p50/p99 per algorithm. Run from the repository root after `mvn -B -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" \
  com.paymentmigration.lambda.authorizer.BenchmarkTokens target/bench
# Only the function's jar and the harness class: the JOSE library used to mint tokens is not loaded.
for run in 1 2 3; do
  java -cp target/authorizer.jar:target/test-classes com.paymentmigration.lambda.authorizer.AuthorizerBenchmark cold target/bench
done
java -cp target/authorizer.jar:target/test-classes com.paymentmigration.lambda.authorizer.AuthorizerBenchmark warm target/bench "${1:-200000}"
