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
./schemaguard --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timing

measure() { # name, command...
  local name=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" > "$WORK/$name.out" 2>/dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '%-12s median %6d ms   runs: %s\n' "$name" "$median" "$sorted"
}

echo "corpus: $STATEMENTS statements in $FILES Flyway files; $(nproc) cores; $(java -version 2>&1 | head -1)"
measure schemaguard ./schemaguard lint --format json "$WORK/corpus"
measure squawk "$SQUAWK" --reporter json "$WORK"/corpus/*.sql
echo "findings: schemaguard $(jq '.findings | length' "$WORK/schemaguard.out"), squawk $(jq 'length' "$WORK/squawk.out" 2>/dev/null || echo '?')"
