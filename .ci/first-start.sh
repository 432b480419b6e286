#!/usr/bin/env bash
# A newcomer's first minutes, as the README's Quick start has them, from a clean clone of this commit with nothing
# built: the first command (`./schemaguard demo`, in a terminal) builds and starts the demo; then the MCP Inspector's
# first call — a real client with a real timeout — must be answered well within the minute clients allow.
set -euo pipefail
cd "$(dirname "$0")/.."
inspector="$PWD/.ci/.node/node_modules/.bin/mcp-inspector"
fresh="$(mktemp -d)/schemaguard"
git clone -q "$PWD" "$fresh"
cd "$fresh"
[ ! -e server/target ] || { echo "first-start: the clone has a server/target" >&2; exit 1; }
start=$(date +%s)
./schemaguard demo < /dev/null > /dev/null   # the Quick start's first step; with no client it ends at end of input
echo "first-start: ./schemaguard demo built and ran in $(( $(date +%s) - start )) s"
start=$(date +%s%N)
timeout 60 "$inspector" --cli ./schemaguard demo --method tools/list > tools.json
ms=$(( ($(date +%s%N) - start) / 1000000 ))
tools=$(jq '.tools | length' tools.json)
echo "first-start: the Inspector's first tools/list answered in $ms ms with $tools tools"
[ "$tools" -eq 11 ] || { echo "first-start: expected 11 tools" >&2; exit 1; }
[ "$ms" -lt 30000 ] || { echo "first-start: the first client call took $ms ms; clients give up near 60 s" >&2; exit 1; }
cd / && rm -rf "$(dirname "$fresh")"
