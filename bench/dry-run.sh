#!/usr/bin/env bash
# Benchmark: dry_run of a 5-statement migration against a generated schema (default 200 tables), cold and warm.
# Usage: bench/dry-run.sh [TABLES] [RUNS] [dry-run|check]   Prints measured numbers; see docs/benchmarks.md.
# "check" times the whole check_migration (what the guarded apply runs first on staging and production).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools,sandbox -am install -DskipTests >&2
mvn -q -B -ntp -pl sandbox test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/test.classpath)"
exec java -cp "$cp" dev.schemaguard.sandbox.bench.DryRunBenchmark "${1:-200}" "${2:-10}" "${3:-dry-run}" 2> >(grep -v ' INFO ' >&2)
