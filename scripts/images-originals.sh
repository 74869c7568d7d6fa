#!/usr/bin/env bash
# The "before" of issue 15's image figures: a copy of a release build whose photographs are the
# originals served as they are (full size, re-encoded without metadata), not responsive variants.
# It builds the content with `image_cdn` set to the site's own copy of each original
# ("/content/{path}": every width and format of a picture's srcset names the original), then
# prerenders and compresses the copy. Compare it with the release build in the same run:
#
#   scripts/images-originals.sh dist /tmp/dist-originals
#   E2E_DIST=/tmp/dist-originals E2E_PORT=8097 tests/e2e/run.sh --serve &
#   E2E_PORT=8098 tests/e2e/run.sh --serve &
#   AB_PATH=/article/in-pictures-desert-bloom node scripts/ab-lighthouse.mjs http://127.0.0.1:8097 http://127.0.0.1:8098
#
# Only the default edition's site.json gets the template (the English pages are the ones measured).
set -euo pipefail
dist=${1:?usage: scripts/images-originals.sh DIST OUT}
out=${2:?usage: scripts/images-originals.sh DIST OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$HOME/.cache/newsfront/target}
test -f "$dist/shell.html" || { echo "no release build in $dist: run make release first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"
# Everything but the built content and the prerendered pages' search index.
(cd "$dist" && tar --exclude=./content --exclude=./pagefind -cf - .) | (cd "$out" && tar -xf -)
cp -a "$root/content" "$work/content"
node -e '
  const fs = require("fs"); const f = process.argv[1];
  const site = JSON.parse(fs.readFileSync(f, "utf8"));
  site.image_cdn = "/content/{path}";
  fs.writeFileSync(f, JSON.stringify(site, null, 2));
' "$work/content/site.json"
"$target/content/newsfront-content" build "$work/content" "$out/content"
"$target/prerender/newsfront-prerender" "$out" --full
node "$root/scripts/precompress.mjs" "$out"
