#!/usr/bin/env bash
# The search index of a built site (make release, make pages, make bench-prerender;
# docs/reader-tools.md): Pagefind over the prerendered pages, only what carries
# `data-pagefind-body` (articles), one index per <html lang>. Written beside the site and
# swapped in whole, so pieces of pages removed since the last run do not linger and readers
# searching meanwhile keep a complete index.
# Usage: scripts/search-index.sh SITE_DIR
set -euo pipefail
site=${1:?usage: scripts/search-index.sh SITE_DIR}
fresh="$site/.pagefind-new"
rm -rf "$fresh"
pagefind --site "$site" --output-path "$fresh" --quiet
rm -rf "$site/pagefind.old"
[ -d "$site/pagefind" ] && mv "$site/pagefind" "$site/pagefind.old"
mv "$fresh" "$site/pagefind"
rm -rf "$site/pagefind.old"
