#!/usr/bin/env bash
# The authorizer's benchmark (not a unit test). Measures the real path of a fresh container without SnapStart:
# a fresh JVM per sample runs the Lambda handler, which builds itself from the environment, reads the key set over
# HTTP from a stand-in for the Parameters and Secrets extension on 127.0.0.1 (its own JVM, started once), verifies
# an RS256 token (JDK provider: ACCP loads after the first decision) and returns the policy. Reports median and max
# of the samples: ms from JVM start to the first decision, ms of CPU the JVM used by then (all threads), and ms from
# JVM start until ACCP, loaded in the background, was in use. Then, warm, with the JDK's provider and with ACCP, per
# algorithm, p50/p99/p99.9 of the wall-clock and thread-CPU time of each call of the handler's entry point
# (handleRequest), allocation per call and GCs, on first sight and on a cached token. The load average is printed
# before and after: on a shared machine, read the CPU-time figures.
# Usage: lambda/authorizer/benchmark.sh [cold samples, default 15] [tokens per algorithm, default 4000]
set -euo pipefail
cd "$(dirname "$0")"
samples="${1:-15}"
per_algorithm="${2:-4000}"
mvn -B -q -DskipTests package
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" \
  com.paymentmigration.lambda.authorizer.BenchmarkTokens target/bench "$per_algorithm"

# The stand-in extension runs on the jar's classes (jackson-jr, to write its answer) plus the harness classes.
rm -f target/bench/port
java -cp target/authorizer.jar:target/test-classes com.paymentmigration.lambda.authorizer.ExtensionStub target/bench &
stub=$!
trap 'kill "$stub"' EXIT
for _ in $(seq 100); do [[ -s target/bench/port ]] && break; sleep 0.1; done

export KEY_SET_SECRET_ID=benchmark/jwks ISSUER=https://idp.example.com/ AUDIENCE=payments-api \
  SCOPE_ROUTES='payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds' \
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT="$(cat target/bench/port)" AWS_SESSION_TOKEN=benchmark-session-token
# Only the function's jar and the harness class: the JOSE library used to mint the tokens is not on the path.
run() { java -cp target/authorizer.jar:target/test-classes com.paymentmigration.lambda.authorizer.AuthorizerBenchmark "$@"; }
echo "load average before the cold starts: $(cut -d' ' -f1-3 /proc/loadavg)"
wall=()
cpu=()
ready=()
for _ in $(seq "$samples"); do
  read -r w c r < <(run cold target/bench)
  wall+=("$w")
  cpu+=("$c")
  ready+=("$r")
done
summary() { local sorted=($(printf '%s\n' "$@" | sort -n)); echo "median ${sorted[$(($# / 2))]} ms, max ${sorted[$(($# - 1))]} ms"; }
echo "cold start, JVM start to first decision through the handler, wall-clock (ms): ${wall[*]}"
echo "  over ${samples} fresh JVMs: $(summary "${wall[@]}")"
echo "cold start, CPU time of the JVM (all threads) by the first decision (ms): ${cpu[*]}"
echo "  over ${samples} fresh JVMs: $(summary "${cpu[@]}")"
echo "ACCP in use, loaded in the background after the first decision, ms from JVM start: ${ready[*]}"
echo "  over ${samples} fresh JVMs: $(summary "${ready[@]}")"
echo "load average before the warm runs: $(cut -d' ' -f1-3 /proc/loadavg)"
run warm target/bench
echo "conditions: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
