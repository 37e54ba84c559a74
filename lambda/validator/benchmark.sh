#!/usr/bin/env bash
# The validator's benchmark (not a unit test). Starts a throwaway PostgreSQL from Debian's packages with two
# databases, src and dst, each holding a payments table (8 columns, ROWS rows, default 5,000,000) that differ
# in about 100 scattered rows (updates, deletes, inserts); then measures, both sides at once each time,
#   (a) the unsound floor: one scan per side summing PostgreSQL's typed row hash (hash_record_extended),
#   (b) the sound floor: one scan per side summing the validator's own row fingerprint, no grouping,
#   (c) the validator end to end, checking it finds exactly the planted differences (key, kind, columns), with
#       rows/s and peak heap (runs interleaved with the floors),
#   (d) pg_comparator on the same data (Debian's postgresql-comparator), when it can be installed,
#   (e) with EVERY_ROW_DIFFERS=1, the validator once more after changing every row of dst, under a capped heap
#       (HEAP, default 512m): counts must be exact and the heap must hold.
# Usage, from the repository root after `mvn -B -DskipTests package`:  lambda/validator/benchmark.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${1:-5000000}
RUNS=${2:-5}
PORT=${BENCH_PORT:-5499}
WORK=$(mktemp -d /tmp/validator-bench.XXXXXX)
chmod 755 "$WORK"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$PGBIN" ]] || ! command -v pg_comparator >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql postgresql-comparator >/dev/null || echo "could not install PostgreSQL or pg_comparator"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
AS_PG=(); [[ $(id -u) == 0 ]] && { chown postgres "$WORK"; AS_PG=(runuser -u postgres --); }

"${AS_PG[@]}" "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
# Each side gets one core, as two servers would on this machine; tables stay in shared buffers (warm runs).
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w start -o \
  "-p $PORT -k $WORK -c shared_buffers=2GB -c max_parallel_workers_per_gather=0 -c work_mem=64MB" >/dev/null
trap '"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null; rm -rf "$WORK"' EXIT
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres)

"${PSQL[@]}" -c "CREATE DATABASE src" -c "CREATE DATABASE dst"
GEN="
CREATE TABLE payments (
  id bigint PRIMARY KEY, merchant_id integer NOT NULL, amount numeric(12,2) NOT NULL, currency char(3) NOT NULL,
  status text NOT NULL, reference text, created_at timestamptz NOT NULL, metadata jsonb);
INSERT INTO payments
SELECT g, (g % 997)::int, ((g * 7919) % 1000000) / 100.0, (ARRAY['EUR','USD','GBP'])[1 + g % 3],
       (ARRAY['AUTHORIZED','CAPTURED','REFUNDED','FAILED'])[1 + g % 4], 'ref-' || md5(g::text),
       timestamptz '2024-01-01' + g * interval '1 second', jsonb_build_object('channel', 'web', 'attempt', g % 5)
FROM generate_series(1::bigint, $ROWS) g WHERE g % 151007 <> 0;"
"${PSQL[@]}" -d src -c "$GEN" &
"${PSQL[@]}" -d dst -c "$GEN" &
wait
# About 100 scattered differences: 34 changed amounts, 33 deleted rows, 33 rows only in dst (gaps in src). At small
# sizes a changed row can also be a deleted one: it is then planted as missing only, which is what it is.
STEP_U=$((ROWS / 34)); STEP_D=$((ROWS / 33))
"${PSQL[@]}" -d dst <<SQL
UPDATE payments SET amount = amount + 0.01 WHERE id IN (SELECT 11 + k * $STEP_U FROM generate_series(0, 33) k);
DELETE FROM payments WHERE id IN (SELECT 77 + k * $STEP_D FROM generate_series(0, 32) k);
INSERT INTO payments SELECT g, 1, 1.00, 'EUR', 'CAPTURED', 'ref-new', now(), NULL
FROM (SELECT k * 151007 AS g FROM generate_series(1, 33) k) s WHERE g <= $ROWS;
SQL
"${PSQL[@]}" -d dst -At -o "$WORK/planted.txt" -c "
SELECT 'DIFFERENT,' || (11 + k * $STEP_U) FROM generate_series(0, 33) k
WHERE (11 + k * $STEP_U) NOT IN (SELECT 77 + j * $STEP_D FROM generate_series(0, 32) j)
UNION ALL SELECT 'MISSING_IN_TARGET,' || (77 + k * $STEP_D) FROM generate_series(0, 32) k
UNION ALL SELECT 'EXTRA_IN_TARGET,' || k * 151007 FROM generate_series(1, 33) k WHERE k * 151007 <= $ROWS"
"${PSQL[@]}" -d src -c "VACUUM ANALYZE payments" &
"${PSQL[@]}" -d dst -c "VACUUM ANALYZE payments" &
wait
echo "planted $(wc -l < "$WORK/planted.txt") differences in $ROWS rows"

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
SRC="jdbc:postgresql://localhost:$PORT/src?user=postgres"
DST="jdbc:postgresql://localhost:$PORT/dst?user=postgres"
# A small fixed heap: the validator's memory must not depend on the table's size.
java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" \
  com.paymentmigration.lambda.validator.ValidatorBenchmark "$SRC" "$DST" "$WORK/planted.txt" "$RUNS"

if command -v pg_comparator >/dev/null; then
  "${PSQL[@]}" -d src -c "CREATE EXTENSION IF NOT EXISTS pgcmp"
  "${PSQL[@]}" -d dst -c "CREATE EXTENSION IF NOT EXISTS pgcmp"
  for run in $(seq 1 3); do
    start=$(date +%s.%N)
    pg_comparator "pgsql://postgres@localhost:$PORT/src/payments?id" "pgsql://postgres@localhost:$PORT/dst/payments?id" \
      > "$WORK/pgcmp.out"
    end=$(date +%s.%N)
    printf "pg_comparator run %d     %.2f s, %d differences reported\n" "$run" "$(echo "$end - $start" | bc)" \
      "$(grep -cE '^(UPDATE|INSERT|DELETE)' "$WORK/pgcmp.out")"
  done
else
  echo "pg_comparator: not installed (Debian package postgresql-comparator), skipped"
fi

if [[ "${EVERY_ROW_DIFFERS:-0}" == 1 ]]; then
  "${PSQL[@]}" -d dst -c "UPDATE payments SET status = status || '!'" -c "VACUUM ANALYZE payments"
  /usr/bin/time -f "every row differs: %e s wall, %M KB peak resident" java -Xmx"${HEAP:-512m}" \
    -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" \
    com.paymentmigration.lambda.validator.ValidatorBenchmark "$SRC" "$DST" "$WORK/planted.txt" 1 --every-row-differs
fi
