#!/usr/bin/env bash
# Run the browser test against the mock API server (no Rust build needed).
# Usage: tests/browser/run-with-mock.sh [port]
# Needs: python3, node >= 20, `npm ci --prefix tests/browser`, /usr/bin/chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:-8765}"
python3 "$here/mock_server.py" --port "$port" --quiet &
mock=$!
trap 'kill "$mock" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/api/health', timeout=1)" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
VIGIE_URL="http://127.0.0.1:$port" node "$here/ui.test.mjs"
