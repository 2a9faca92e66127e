#!/usr/bin/env bash
# The engine benchmark of docs/PERFORMANCE.md: N generated examples (default 10,000,000) loaded into a throwaway
# PostgreSQL cluster; the whole audit through the engine (`dietaudit run` on a postgres dataset) timed against
# PostgreSQL's own time for one `ORDER BY score` over the table (EXPLAIN ANALYZE: the sort without sending rows).
# Prints both times, their ratio and the bytes of counts that left the engine.
# Usage: Benchmarks/engines/postgres_scale.sh [N] [path/to/dietaudit]   (as root or as a user who may run initdb)
set -euo pipefail
N=${1:-10000000}
DIETAUDIT=${2:-$(cd "$(dirname "$0")/../.." && pwd)/.build/debug/dietaudit}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/dietaudit-bench-XXXXXX)
chmod 777 "$DIR"
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --locale=C -E UTF8 -A trust >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-k $DIR -p 5432 -c listen_addresses='' -c fsync=off -c work_mem=64MB -c max_parallel_workers_per_gather=2" start >/dev/null
trap '"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null; rm -rf "$DIR"' EXIT
PSQL=("$BIN/psql" -h "$DIR" -p 5432 -U postgres -d postgres -X -q -t -A)

# N examples: two classes (30% bad), sex and age group with a planted skew (scores of young women run low),
# scores on a 0.001 grid (about 1,000 distinct values, so ties everywhere). setseed makes random() repeatable.
start=$(date +%s.%N)
"${PSQL[@]}" <<SQL
SELECT setseed(0.42);
CREATE TABLE examples AS
SELECT i AS id,
       CASE WHEN random() < 0.3 THEN 'bad' ELSE 'good' END AS class,
       CASE WHEN random() < 0.4 THEN 'female' ELSE 'male' END AS sex,
       CASE WHEN random() < 0.25 THEN 'young' ELSE 'older' END AS age_group,
       random() AS noise
FROM generate_series(1, $N) AS i;
ALTER TABLE examples ADD COLUMN score double precision;
UPDATE examples SET score = round((noise - CASE WHEN sex = 'female' AND age_group = 'young' THEN 0.15 ELSE 0 END)
                                  ::numeric, 3);
VACUUM ANALYZE examples;
SQL
echo "loaded $N rows in $(echo "$(date +%s.%N) - $start" | bc) s; table $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_total_relation_size('examples'))")"

sort_ms=$("${PSQL[@]}" -c "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) SELECT * FROM examples ORDER BY score" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
echo "PostgreSQL ORDER BY score: ${sort_ms} ms"

cat > "$DIR/scale.yaml" <<YAML
audit: engine-scale
dataset: {postgres: "postgresql://postgres@/postgres?host=$DIR&port=5432", table: examples, label: class, id: id,
          attributes: [sex, age_group]}
scores: [{kind: imported, column: score}]
pruning:
  fractions: [0.1, 0.3, 0.5, 0.7]
  policies: [keep_hard, keep_easy, random, class_balanced]
YAML
start=$(date +%s.%N)
code=0; "$DIETAUDIT" run "$DIR/scale.yaml" --db "$DIR/runs.sqlite" --out "$DIR" --json "$DIR/scale.json" || code=$?
audit_s=$(echo "$(date +%s.%N) - $start" | bc)
[ "$code" -le 1 ] || { echo "dietaudit exited $code"; exit "$code"; }
bytes=$(python3 -c "import sqlite3; print(sqlite3.connect('$DIR/runs.sqlite').execute('SELECT engine_bytes FROM run').fetchone()[0])")
echo "whole audit through the engine: ${audit_s} s (gate exit $code); counts moved out: ${bytes} bytes"
python3 -c "print(f'ratio audit / ORDER BY: {float(\"$audit_s\") * 1000 / float(\"$sort_ms\"):.1f}')"
