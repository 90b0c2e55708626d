#!/usr/bin/env bash
# Checks the dependency rules of ARCHITECTURE.md with `cargo tree`.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail=0
# deps CRATE: the normal (non-dev, non-build) dependency names of a crate.
deps() {
  cargo tree --offline -q -p "$1" -e normal --prefix none --format '{p}' 2>/dev/null \
    | awk '{print $1}' | sort -u
}
forbid() {
  local crate=$1; shift
  local have
  have=$(deps "$crate")
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
# No library pulls in the binary's crates, SQL or HTTP.
for lib in vigie-core vigie-ingest vigie-text vigie-gazetteer vigie-lexicon vigie-annotate vigie-extract vigie-merge vigie-eval vigie-pipeline; do
  forbid "$lib" anyhow clap indicatif rusqlite tokio-postgres axum hyper reqwest
done

if [ "$fail" -ne 0 ]; then exit 1; fi
echo "dependency rules: ok"
