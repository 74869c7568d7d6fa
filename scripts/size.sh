#!/usr/bin/env bash
# Prints the first-load size of the release build in dist/: raw, gzip -9 and (when the
# `brotli` command exists) brotli -q 11, per file kind. Run `make size` (builds first).
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for f in *.wasm *.js *.css index.html; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -q 11 -c "$f" | wc -c); else br=0; fi
  printf '%-44s %10d %10d %10s\n' "$f" "$raw" "$gz" "$([ "$br" -gt 0 ] && echo "$br" || echo -)"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-44s %10d %10d %10s\n' "total (wasm+js+css+html)" "$total_raw" "$total_gz" "$([ "$total_br" -gt 0 ] && echo "$total_br" || echo -)"
