#!/usr/bin/env bash
# Benchmark: the schema exporter (what every dry run, rollback proof and check reads) on a generated schema,
# reader by reader and the dependency sort. Usage: bench/schema-export.sh [TABLES] [RUNS]; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl examples,tools install -DskipTests >&2
mvn -q -B -ntp -pl tools test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
cp="tools/target/test-classes:tools/target/classes:examples/target/classes:$(cat tools/target/test.classpath)"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.schemaguard.tools.schema.ddl.SchemaExportBenchmark "${1:-10000}" "${2:-5}" 2> >(grep -v ' INFO ' >&2)
