#!/usr/bin/env bash
# Benchmark: what run_query adds to the query itself (reader check, single-statement check, audit), interleaved with
# the same SELECT over bare JDBC as the same reader.
# Usage: bench/run-query.sh [TABLES] [RUNS]   Prints measured numbers; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools,sandbox,policies -am install -DskipTests >&2
mvn -q -B -ntp -pl policies test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="policies/target/test-classes:policies/target/classes:$(cat policies/target/test.classpath)"
exec java -cp "$cp" dev.schemaguard.policies.bench.RunQueryBenchmark "${1:-200}" "${2:-200}" 2> >(grep -v ' INFO ' >&2)
