#!/usr/bin/env bash
# Benchmark: map_dependencies' code side on a generated code base (default 5,000 Java files, ~1M lines, 50 services):
# cold scan, re-scan after 10 files changed, and queries.
# Usage: bench/code-index.sh [FILES] [SERVICES]   Prints measured numbers; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools -am install -DskipTests >&2
mvn -q -B -ntp -pl tools test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="tools/target/test-classes:tools/target/classes:$(cat tools/target/test.classpath)"
exec java -Xmx12g -cp "$cp" dev.schemaguard.tools.deps.bench.CodeIndexBenchmark "${1:-5000}" "${2:-50}"
