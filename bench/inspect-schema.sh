#!/usr/bin/env bash
# Benchmark: inspect_schema on a generated 10,000-table / 100,000-column schema (embedded PostgreSQL 17).
# Usage: bench/inspect-schema.sh [TABLES] [RUNS]   Prints measured numbers; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.schemaguard.tools.bench.InspectSchemaBenchmark -Dexec.args="${1:-10000} ${2:-10}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn 2> >(grep -v ' INFO ' >&2)
