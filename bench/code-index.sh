#!/usr/bin/env bash
# Benchmark: map_dependencies' code side on a generated code base (default 5,000 Java files, ~1M lines, 50 services).
# 1. In one process (CodeIndexBenchmark): cold scan with an empty on-disk cache, three re-scans after 10 files changed,
#    200 queries.
# 2. Through the CLI, a new process each time (JVM start included): `schemaguard deps` with an empty cache, then after
#    10 files changed.
# Usage: bench/code-index.sh [FILES] [SERVICES]   Prints measured numbers; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-5000}"; services="${2:-50}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mvn -q -B -ntp install -DskipTests >&2
mvn -q -B -ntp -pl tools test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="tools/target/test-classes:tools/target/classes:$(cat tools/target/test.classpath)"
java -Xmx4g -cp "$cp" dev.schemaguard.tools.deps.bench.CodeIndexBenchmark "$files" "$services" "$work/code"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
export XDG_CACHE_HOME="$work/cache"
./schemaguard environments > /dev/null # builds the launcher's class-data archive first, outside the measurement
t=$(date +%s%N)
./schemaguard deps shop.table1.col3 --code "$work/code" --format json > "$work/cold.json"
echo "CLI deps, empty cache (new process): $(ms "$t") ms, $(jq '.code | length' "$work/cold.json") sites"
for i in $(seq 0 9); do
  sed -i 's/status = ?/status = ? AND id > 100/' "$work/code/svc$i/src/main/java/shop/svc$i/Jdbc${i}x0.java"
done
for round in 1 2 3; do
  t=$(date +%s%N)
  ./schemaguard deps shop.table1.col3 --code "$work/code" --format json > "$work/warm.json"
  echo "CLI deps after 10 files changed, warm cache (new process), run $round: $(ms "$t") ms, $(jq '.code | length' "$work/warm.json") sites"
done
