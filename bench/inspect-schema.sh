#!/usr/bin/env bash
# Benchmark: inspect_schema on a generated 10,000-table / 100,000-column schema (embedded PostgreSQL 17).
# Usage: bench/inspect-schema.sh [TABLES] [RUNS]   Prints measured numbers; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="tools/target/test-classes:tools/target/classes:examples/target/classes:$(cat tools/target/test.classpath)"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.schemaguard.tools.bench.InspectSchemaBenchmark "${1:-10000}" "${2:-10}" 2> >(grep -v ' INFO ' >&2)
