#!/usr/bin/env bash
# Checks the dependency rules of ARCHITECTURE.md with `cargo tree`.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail=0
# deps CRATE [DEPTH]: the normal (non-dev, non-build) dependency names of
# a crate, all of them or down to DEPTH (1 = the crate's own Cargo.toml).
deps() {
  local depth=()
  if [ -n "${2:-}" ]; then depth=(--depth "$2"); fi
  cargo tree --offline -q -p "$1" -e normal "${depth[@]}" --prefix none --format '{p}' 2>/dev/null \
    | awk '{print $1}' | sort -u
}
# forbid CRATE NAME...: CRATE must not depend on NAME, even indirectly.
forbid() { forbid_at "" "$@"; }
# forbid_direct CRATE NAME...: CRATE's own code must not use NAME (a
# third-party dependency may, e.g. an HTML extractor built on anyhow).
forbid_direct() { forbid_at 1 "$@"; }
forbid_at() {
  local depth=$1 crate=$2; shift 2
  local have
  have=$(deps "$crate" "$depth")
  for bad in "$@"; do
    if grep -qx -- "$bad" <<<"$have"; then
      echo "dependency rule broken: $crate depends on $bad"
      fail=1
    fi
  done
}

forbid vigie-core vigie-ingest vigie-text vigie-lexicon vigie-gazetteer vigie-annotate vigie-extract vigie-merge vigie-eval vigie-pipeline
forbid vigie-ingest vigie-text vigie-lexicon vigie-annotate vigie-extract
forbid vigie-text vigie-ingest
forbid vigie-gazetteer vigie-core vigie-ingest vigie-text vigie-lexicon
forbid vigie-lexicon vigie-ingest
forbid vigie-annotate vigie-ingest
forbid vigie-extract vigie-ingest vigie-merge
forbid vigie-merge vigie-lexicon vigie-text
forbid vigie-eval vigie-ingest vigie-text vigie-lexicon vigie-annotate vigie-extract vigie-merge vigie-pipeline
forbid vigie-pipeline vigie-ingest
forbid vigie-export vigie-ingest vigie-pipeline vigie-server
forbid vigie-store vigie-ingest vigie-pipeline vigie-server vigie-export
forbid vigie-watch vigie-text vigie-lexicon vigie-annotate vigie-extract vigie-pipeline vigie-server vigie-export axum
# Libraries use typed errors and no terminal UI: anyhow, clap and
# indicatif belong to the binary.
for lib in vigie-core vigie-ingest vigie-text vigie-gazetteer vigie-lexicon vigie-annotate vigie-extract vigie-merge vigie-eval vigie-pipeline vigie-store vigie-export vigie-server vigie-watch; do
  forbid_direct "$lib" anyhow clap indicatif
done
# Only the store speaks SQL, only the server answers HTTP, only the
# watcher makes HTTP requests.
for lib in vigie-core vigie-ingest vigie-text vigie-gazetteer vigie-lexicon vigie-annotate vigie-extract vigie-merge vigie-eval vigie-pipeline; do
  forbid "$lib" rusqlite postgres tokio-postgres axum hyper reqwest ureq
done
forbid vigie-store axum hyper reqwest ureq
forbid vigie-server ureq
forbid_direct vigie-watch rusqlite postgres tokio-postgres
# Export and server read through the store's interface, never SQL of their own.
forbid_direct vigie-export rusqlite postgres tokio-postgres axum hyper
forbid_direct vigie-server rusqlite postgres tokio-postgres

if [ "$fail" -ne 0 ]; then exit 1; fi
echo "dependency rules: ok"
