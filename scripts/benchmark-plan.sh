#!/usr/bin/env bash
# Times the README's plan command (`java -jar <jar> plan --stack dev`) in fresh JVMs and prints, per jar, every
# run's wall and CPU time and the medians. With several jars the runs are interleaved (run 1 of each jar, then
# run 2 of each, ...), so a change in the machine's load hits every jar alike: compare jars in one call.
#
#   scripts/benchmark-plan.sh [RUNS] [JAR...]      defaults: 3 runs of target/payment-migration.jar
#
# Build the jar first (mvn -B -DskipTests package). A benchmark, not a test: the numbers belong to the machine and
# its load at the time, which the script prints with them.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
shift || true
jars=("$@")
if [ ${#jars[@]} -eq 0 ]; then
  jars=(target/payment-migration.jar)
fi
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "benchmark-plan: no $jar; build it with mvn -B -DskipTests package" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "benchmark-plan: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  for index in "${!jars[@]}"; do
    jar=${jars[$index]}
    # bash's time keyword: the java process's real, user and sys seconds.
    TIMEFORMAT='%R %U %S'
    if ! times=$( { time java -jar "$jar" plan --stack dev --out "$work/plan" >"$work/stdout" 2>"$work/stderr"; } 2>&1 ); then
      echo "benchmark-plan: $jar plan failed:" >&2
      cat "$work/stderr" >&2
      exit 1
    fi
    read -r wall user sys <<<"$times"
    echo "$wall $user $sys" >>"$work/times.$index"
    printf '  %-40s run %d: wall %6.2f s  user %6.2f s  sys %5.2f s\n' "$jar" "$run" "$wall" "$user" "$sys"
  done
done
echo "benchmark-plan: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
for index in "${!jars[@]}"; do
  file=$work/times.$index
  printf '%-42s median of %d: wall %6.2f s  user CPU %6.2f s  user+sys %6.2f s\n' "${jars[$index]}" "$runs" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" \
    "$(awk '{ print $2 + $3 }' "$file" | median)"
done
