#!/usr/bin/env bash
# Refresh the vendored browser libraries used by the vigie web page
# (crates/vigie-server/assets/vendor/). Needs node/npm and the npm registry.
# Usage: scripts/web/vendor.sh            (versions pinned below)
set -euo pipefail

LEAFLET_VERSION=1.9.4
WORLD_ATLAS_VERSION=2.0.2
TOPOJSON_CLIENT_VERSION=3.1.0

root="$(cd "$(dirname "$0")/../.." && pwd)"
vendor="$root/crates/vigie-server/assets/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() { # fetch NAME VERSION -> unpacks into $work/NAME/package
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar -xzf ./*.tgz)
}

fetch leaflet "$LEAFLET_VERSION"
fetch world-atlas "$WORLD_ATLAS_VERSION"
fetch topojson-client "$TOPOJSON_CLIENT_VERSION"

rm -rf "$vendor/leaflet" "$vendor/world-atlas" "$vendor/topojson-client"
mkdir -p "$vendor/leaflet" "$vendor/world-atlas" "$vendor/topojson-client"

p="$work/leaflet/package"
cp "$p/dist/leaflet.js" "$p/dist/leaflet.css" "$vendor/leaflet/"
cp "$p/LICENSE" "$vendor/leaflet/LICENSE"

p="$work/world-atlas/package"
cp "$p/countries-50m.json" "$vendor/world-atlas/"
cp "$p/LICENSE" "$vendor/world-atlas/LICENSE"

p="$work/topojson-client/package"
cp "$p/dist/topojson-client.min.js" "$vendor/topojson-client/"
cp "$p/LICENSE" "$vendor/topojson-client/LICENSE"

echo "vendored into $vendor:"
(cd "$vendor" && find . -type f ! -name README.md | sort | xargs ls -l)
