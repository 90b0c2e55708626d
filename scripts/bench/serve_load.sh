#!/usr/bin/env bash
# Load test of the API: 100,000 synthetic events, /api/events filtered by
# bounding box and dates, wrk on loopback (Debian package `wrk`).
#
#   scripts/bench/serve_load.sh [N_EVENTS] [SECONDS]
set -euo pipefail
n=${1:-100000}
secs=${2:-20}
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >&2; }
cargo build --release --quiet -p vigie-cli
cargo run --release --quiet -p vigie-server --example synthetic_db -- "$work/synthetic.db" "$n"
port=18765
./target/release/vigie serve --db "$work/synthetic.db" --addr 127.0.0.1:$port --connections 4 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
curl -s "http://127.0.0.1:$port/api/health"; echo
wrk -t2 -c8 -d"${secs}s" --latency -s scripts/bench/events.lua "http://127.0.0.1:$port"
