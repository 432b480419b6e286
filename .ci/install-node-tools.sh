#!/usr/bin/env bash
# Installs the npm-published peers the CI checks against into .ci/.node (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .node
if [ ! -x .node/node_modules/.bin/mcp-inspector ]; then
  npm install --prefix .node --no-audit --no-fund --loglevel=error \
    @modelcontextprotocol/inspector@0.17.5
fi
