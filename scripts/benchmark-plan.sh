#!/usr/bin/env bash
# Times the README's plan command, `scripts/plan --stack dev`, exactly as written (same working directory, same
# output directory build/plan), in RUNS fresh JVMs, and prints every run's wall, user and sys seconds with the load
# average at its start, then the medians. Every run's files (build/plan: resources.json, outputs.json, documents/,
# diagram.mmd, findings.json) and printed summary must be byte-identical to a reference, or the script fails.
#
#   scripts/benchmark-plan.sh [RUNS]                       default 3 runs
#   PLAN_REFERENCE=DIR scripts/benchmark-plan.sh [RUNS]    DIR absent: save this build's reference there;
#                                                          DIR present: compare against it (e.g. one saved before a change)
#
# Without PLAN_REFERENCE the reference is the same jar run as plainly as possible, `java -jar
# target/payment-migration.jar plan --stack dev`: the launcher's JVM options must change nothing but the time. The
# summary's last line ("plan: done in N ms") is the only line allowed to differ. Build first (mvn -B -DskipTests
# package). A benchmark, not a test: the numbers belong to the machine and its load, which the script prints with them.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
jar=target/payment-migration.jar
[ -f "$jar" ] || { echo "benchmark-plan: no $jar; build it with mvn -B -DskipTests package" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
load() {
  cut -d' ' -f1-3 /proc/loadavg
}
# The summary without its timing line, which is the one line that may differ between runs.
summary() {
  grep -v '^plan: done in [0-9]* ms$' "$1"
}

# The reference: a plan directory with the summary that was printed beside it (summary.txt).
reference=${PLAN_REFERENCE:-$work/reference}
if [ ! -d "$reference" ]; then
  echo "benchmark-plan: writing the reference to $reference with java -jar $jar plan --stack dev"
  java -jar "$jar" plan --stack dev >"$work/reference.out"
  mkdir -p "$(dirname "$reference")"
  mv build/plan "$reference"
  summary "$work/reference.out" >"$reference/summary.txt"
fi

echo "benchmark-plan: $(nproc) CPUs, $(java -version 2>&1 | head -1); command: scripts/plan --stack dev"
TIMEFORMAT='%R %U %S'
for run in $(seq 1 "$runs"); do
  before=$(load)
  # bash's time keyword: real, user and sys seconds of the command and every process it ran (the launcher and the JVM).
  if ! times=$( { time scripts/plan --stack dev >"$work/stdout" 2>"$work/stderr"; } 2>&1 ); then
    echo "benchmark-plan: run $run failed:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  summary "$work/stdout" >"$work/summary.txt"
  if ! diff -r -x summary.txt "$reference" build/plan >"$work/diff" || ! diff "$reference/summary.txt" "$work/summary.txt" >>"$work/diff"; then
    echo "benchmark-plan: run $run's plan differs from the reference $reference:" >&2
    head -40 "$work/diff" >&2
    exit 1
  fi
  read -r wall user sys <<<"$times"
  echo "$wall $user $sys" >>"$work/times"
  printf '  run %d: wall %6.2f s  user %6.2f s  sys %5.2f s  (load average %s at start), identical to the reference\n' \
    "$run" "$wall" "$user" "$sys" "$before"
done
printf 'benchmark-plan: median of %d: wall %6.2f s  user %6.2f s  sys %5.2f s  user+sys %6.2f s  (load average %s at end)\n' \
  "$runs" "$(cut -d' ' -f1 "$work/times" | median)" "$(cut -d' ' -f2 "$work/times" | median)" \
  "$(cut -d' ' -f3 "$work/times" | median)" "$(awk '{ print $2 + $3 }' "$work/times" | median)" "$(load)"
