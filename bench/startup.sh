#!/usr/bin/env bash
# Benchmark: cold start of `schemaguard demo` to its answer to `initialize` over stdio, in the ways the JVM can be run.
# Needs the jar (mvn -DskipTests package) and python3. Prints one summary line per variant; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=server/target/schemaguard.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
quiet="-Xlog:disable -Xlog:all=warning:stderr"
# the archive ./schemaguard makes on JDK 17: static, from the training run's class list
java -Xshare:off $quiet -XX:DumpLoadedClassList="$work/app.classlist" -Dspring.context.exit=onRefresh \
  -jar "$work/app/schemaguard.jar" train-cds </dev/null >/dev/null 2>&1
java -Xshare:dump -XX:SharedClassListFile="$work/app.classlist" -XX:SharedArchiveFile="$work/app/app.jsa" \
  -cp "$work/app/schemaguard.jar" >/dev/null 2>&1
variant() {
  local label=$1; shift
  printf '%-44s ' "$label"
  python3 bench/mcp_startup.py "$runs" -- "$@" | tail -1
}
java -version 2>&1 | head -1
variant "fat jar" java -jar "$jar" demo
variant "fat jar, C1 only" java -XX:TieredStopAtLevel=1 -jar "$jar" demo
variant "extracted jar" java -jar "$work/app/schemaguard.jar" demo
variant "extracted + AppCDS" java $quiet -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$work/app/schemaguard.jar" demo
variant "extracted + AppCDS + C1 only (./schemaguard)" java $quiet -XX:SharedArchiveFile="$work/app/app.jsa" \
  -XX:TieredStopAtLevel=1 -jar "$work/app/schemaguard.jar" demo
j25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ -x "$j25" ]; then
  "$j25" $quiet -XX:AOTCacheOutput="$work/app/app.aot" -Dspring.context.exit=onRefresh -jar "$work/app/schemaguard.jar" train-cds \
    </dev/null >/dev/null 2>&1
  "$j25" -version 2>&1 | head -1
  variant "JDK 25 extracted jar" "$j25" -jar "$work/app/schemaguard.jar" demo
  variant "JDK 25 AOT cache + C1 only (./schemaguard)" "$j25" $quiet -XX:AOTCache="$work/app/app.aot" \
    -XX:TieredStopAtLevel=1 -jar "$work/app/schemaguard.jar" demo
fi
