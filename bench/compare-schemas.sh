#!/usr/bin/env bash
# Benchmark: compare_schemas on two generated schemas of TABLES tables, the second drifted in three tables: read
# afresh, and again while the catalogs are unchanged (with and without the convergence proof).
# Usage: bench/compare-schemas.sh [TABLES] [RUNS]; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools,sandbox install -DskipTests >&2
mvn -q -B -ntp -pl sandbox test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/test.classpath)"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.schemaguard.sandbox.drift.CompareSchemasBenchmark "${1:-10000}" "${2:-5}" 2> >(grep -v ' INFO ' >&2)
