#!/usr/bin/env bash
# Lints a real migration tree with schemaguard and with Squawk 2.66, side by side: time, files flagged, findings per
# rule. The tree is any directory a layout reads (Diesel, Prisma, Flyway, goose …); Squawk gets the same up-migration
# files (it has no layouts). Nothing of the tree is kept.
# Usage: bench/lint-real-tree.sh DIRECTORY [RUNS]     e.g. a checkout of rust-lang/crates.io: .../migrations
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=${1:?give a migration directory}; RUNS=${2:-3}
WORK=${BENCH_WORK:-/tmp/schemaguard-lint-bench}
mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/squawk" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --loglevel=error squawk-cli@2.66.0 >&2
fi
SQUAWK="$WORK/node_modules/.bin/squawk"
SCHEMAGUARD_CDS=wait ./schemaguard --version >/dev/null
mapfile -t UP < <(find "$TREE" -name '*.sql' ! -name 'down.sql' ! -name '*.down.sql' | sort)
run_ms() { local start; start=$(date +%s%N); "$@" > "$OUT" 2>/dev/null || true; echo $(( ($(date +%s%N) - start) / 1000000 )); }
sg=(); sq=()
for _ in $(seq "$RUNS"); do
  sg+=($(OUT="$WORK/tree-schemaguard.json" run_ms ./schemaguard lint --format json "$TREE"))
  sq+=($(OUT="$WORK/tree-squawk.json" run_ms "$SQUAWK" --reporter json "${UP[@]}"))
done
echo "tree: $TREE (${#UP[@]} up-migration files for Squawk)"
echo "schemaguard ms: ${sg[*]}   squawk ms: ${sq[*]}"
echo "schemaguard: $(jq '[.findings[] | select(.file | test("down\\.sql$") | not)] | length' "$WORK/tree-schemaguard.json") findings on up-migrations in" \
  "$(jq '[.findings[] | select(.file | test("down\\.sql$") | not) | .file] | unique | length' "$WORK/tree-schemaguard.json") files"
echo "squawk:      $(jq 'length' "$WORK/tree-squawk.json") findings in $(jq '[.[].file] | unique | length' "$WORK/tree-squawk.json") files"
echo "-- schemaguard per rule (up-migrations)"
jq -r '.findings[] | select(.file | test("down\\.sql$") | not) | .rule' "$WORK/tree-schemaguard.json" | sort | uniq -c | sort -rn
echo "-- squawk per rule"
jq -r '.[].rule_name' "$WORK/tree-squawk.json" | sort | uniq -c | sort -rn
