#!/usr/bin/env bash
# The lint benchmark: schemaguard's CLI and Squawk 2.66 on the same generated corpus, in one run.
# Usage: bench/lint-vs-squawk.sh [STATEMENTS] [FILES] [RUNS]   (defaults: 100000 100 5)
# Prints wall-clock times (process start included) per run and the median, plus each tool's finding count.
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-100000}; FILES=${2:-100}; RUNS=${3:-5}
WORK=${BENCH_WORK:-/tmp/schemaguard-lint-bench}
mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/squawk" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --loglevel=error squawk-cli@2.66.0 >&2
fi
SQUAWK="$WORK/node_modules/.bin/squawk"
rm -rf "$WORK/corpus" && python3 bench/gen_lint_corpus.py "$WORK/corpus" "$STATEMENTS" "$FILES"
SCHEMAGUARD_CDS=wait ./schemaguard --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timing

# The two tools run alternately, RUNS times each, so that a slow moment of the machine hits both alike.
run_ms() { local start; start=$(date +%s%N); "$@" > "$OUT" 2>/dev/null || true; echo $(( ($(date +%s%N) - start) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

echo "corpus: $STATEMENTS statements in $FILES Flyway files; $(nproc) cores; $(java -version 2>&1 | head -1)"
sg=(); sq=()
for _ in $(seq "$RUNS"); do
  sg+=($(OUT="$WORK/schemaguard.out" run_ms ./schemaguard lint --format json "$WORK/corpus"))
  sq+=($(OUT="$WORK/squawk.out" run_ms "$SQUAWK" --reporter json "$WORK"/corpus/*.sql))
done
printf '%-12s median %6d ms   runs: %s\n' schemaguard "$(median "${sg[@]}")" "$(printf '%s ' $(printf '%s\n' "${sg[@]}" | sort -n))"
printf '%-12s median %6d ms   runs: %s\n' squawk "$(median "${sq[@]}")" "$(printf '%s ' $(printf '%s\n' "${sq[@]}" | sort -n))"
echo "findings: schemaguard $(jq '.findings | length' "$WORK/schemaguard.out"), squawk $(jq 'length' "$WORK/squawk.out" 2>/dev/null || echo '?')"
