#!/usr/bin/env bash
# The data rehearsal's happy path at a stated write rate and database sizes: the plan's state machines move real
# payments between two embedded PostgreSQL servers while a writer writes, and the run reports the write freeze the
# writer felt (real seconds), lost/duplicated/stale payments (must be 0) and the time per phase.
#
#   scripts/benchmark-data-rehearsal.sh [RATE] [SPEED] [SIZE...]     defaults: 200 writes/s, speed 1, 200000 2000000
#
# SPEED is the rehearsal clock's (1: real time, every Wait of the definitions waited in full; more runs the waits
# faster, so the freeze then holds less waiting than a deployed one would). Build the jar first
# (mvn -B -DskipTests package). A benchmark, not a test: the numbers belong to the machine and its load at the time,
# which the script prints with them.
set -euo pipefail
cd "$(dirname "$0")/.."

rate=${1:-200}
speed=${2:-1}
shift 2 || shift $# || true
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(200000 2000000)
fi
jar=target/payment-migration.jar
[ -f "$jar" ] || { echo "benchmark-data-rehearsal: no $jar; build it with mvn -B -DskipTests package" >&2; exit 2; }

echo "benchmark-data-rehearsal: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start;" \
  "$(java -version 2>&1 | head -1); rate $rate/s, clock speed $speed"
status=0
for size in "${sizes[@]}"; do
  echo "== $size preloaded payments =="
  out=$(mktemp)
  started=$(date +%s)
  if java -jar "$jar" rehearse --data --scenario data-happy-path --preload "$size" --rate "$rate" --speed "$speed" \
      >"$out" 2>&1; then
    verdict=held
  else
    verdict="did NOT hold (exit $?)"
    status=1
  fi
  # The report's own lines: payments, freezes, phases, wall time, and any invariant that broke.
  grep -E '^(payments:|write freeze|time per phase|  [a-z-]+ +from|wall time|  BROKEN|rehearse: )' "$out" || cat "$out"
  echo "invariants $verdict; $(($(date +%s) - started)) s for the whole run; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -f "$out"
done
exit $status
