#!/usr/bin/env bash
# End-to-end check with a client nobody here wrote: the MCP Inspector CLI (npm) drives `schemaguard demo` over stdio.
# Fails when the tools are not listed with their annotations and schemas, or inspect_schema does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."
inspector=.ci/.node/node_modules/.bin/mcp-inspector
jar=server/target/schemaguard.jar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$inspector" --cli java -jar "$jar" demo --method tools/list > "$out/tools.json"
jq -e '.tools | map(.name) | index("list_environments") and index("inspect_schema")' "$out/tools.json" > /dev/null \
  || { echo "tools/list lacks list_environments or inspect_schema:"; cat "$out/tools.json"; exit 1; }
jq -e '.tools[] | select(.name=="inspect_schema")
       | .annotations.readOnlyHint == true and .annotations.destructiveHint == false
         and .inputSchema.properties.environment.description != null and .outputSchema != null' "$out/tools.json" > /dev/null \
  || { echo "inspect_schema lacks annotations or schemas:"; jq '.tools[] | select(.name=="inspect_schema")' "$out/tools.json"; exit 1; }
echo "tools/list: $(jq -r '[.tools[].name] | join(", ")' "$out/tools.json")"

"$inspector" --cli java -jar "$jar" demo --method tools/call --tool-name inspect_schema \
  --tool-arg environment=prod --tool-arg table=shop.orders > "$out/call.json"
jq -e '(.isError // false) == false and .structuredContent != null' "$out/call.json" > /dev/null \
  || { echo "inspect_schema on prod failed:"; cat "$out/call.json"; exit 1; }
echo "tools/call inspect_schema prod shop.orders: $(jq -r '.content[0].text' "$out/call.json" | head -3)"

"$inspector" --cli java -jar "$jar" demo --method tools/call --tool-name inspect_schema \
  --tool-arg environment=prod --tool-arg table=shop.no_such_table > "$out/bad.json" || true
jq -e '.isError == true' "$out/bad.json" > /dev/null \
  || { echo "an unknown table did not give isError:"; cat "$out/bad.json"; exit 1; }
echo "unknown table -> isError: $(jq -r '.content[0].text' "$out/bad.json" | head -1)"
echo "inspector: 3 passed, 0 failed"
