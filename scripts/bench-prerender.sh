#!/usr/bin/env bash
# Prerendering at scale, measured (make bench-prerender / make bench-scale):
#   1. generates N articles and builds their content;
#   2. renders every page (full prerender: time and pages/s);
#   3. the site's size (pages + shared copies, without content) and the average article page;
#   4. publishes one changed, one added and one deleted article end to end, as `make pages`
#      does: content build into the site, prerender of the pages the change affects,
#      precompression of what was written (seconds for each, and what was rendered/removed).
# Usage: scripts/bench-prerender.sh N CONTENT_TOOL PRERENDER [WORK_DIR]
# Needs dist/shell.html (make release): pages are rendered into the real app shell.
set -euo pipefail
n=$1 tool=$2 prerender=$3 work=${4:-/tmp/newsfront-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
shell="$root/dist/shell.html"
[ -f "$shell" ] || { echo "no release build in dist/: run make release first" >&2; exit 1; }
site="$work/site" src="$work/source"
rm -rf "$work" && mkdir -p "$site"
cp "$shell" "$site/"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
field() { jq -r "$1" "$work/report.json"; }

t=$(now)
"$tool" generate "$n" "$root/content" "$src" > /dev/null
echo "generated $n articles in $(secs "$t" "$(now)") s"
t=$(now)
"$tool" build "$src" "$site/content" > /dev/null
echo "content build: $(secs "$t" "$(now)") s"

"$prerender" "$site" --report json > "$work/report.json"
echo "full prerender: $(field .routes) routes in $(field .total_seconds | xargs printf '%.1f') s" \
     "(rendering $(field .render_seconds | xargs printf '%.1f') s, $(field .pages_per_second | xargs printf '%.0f') pages/s, $(field .threads) threads)"

# The search index over the same pages (as make release does: docs/reader-tools.md).
t=$(now)
"$root/scripts/search-index.sh" "$site"
echo "search index: $(secs "$t" "$(now)") s; $(du -sb "$site/pagefind" | awk '{ printf "%.1f MB", $1 / 1e6 }') on disk," \
     "$(find "$site/pagefind" -type f | wc -l) files"
node "$root/scripts/search-bench.mjs" "$site"

articles=$(find "$site/article" -name index.html | wc -l)
article_bytes=$(find "$site/article" -name index.html -printf '%s\n' | awk '{ s += $1 } END { print s }')
site_bytes=$(du -sb --exclude=content "$site" | cut -f1)
shared_bytes=$(du -sb "$site/shared" 2>/dev/null | cut -f1 || echo 0)
echo "site size (pages + shared copies, no content): $((site_bytes / 1000000)) MB;" \
     "per 10,000 articles: $((site_bytes * 10000 / n / 1000000)) MB; shared copies: $((shared_bytes / 1000)) KB"
echo "article page: $((article_bytes / articles)) bytes on average ($articles pages);" \
     "largest $(field .largest_page.bytes) bytes ($(field .largest_page.route))"

# One publish, end to end: content build into the site, prerender, precompress of what changed.
publish() {
  local what=$1 t0 t1 t2 t3
  t0=$(now)
  "$tool" build "$src" "$site/content" > /dev/null
  t1=$(now)
  "$prerender" "$site" --report json --changes "$work/changes" > "$work/report.json"
  t2=$(now)
  node "$root/scripts/precompress.mjs" "$site" --only "$work/changes" --fast > /dev/null
  t3=$(now)
  echo "publish $what: $(secs "$t0" "$t3") s end to end (content $(secs "$t0" "$t1") s," \
       "prerender $(secs "$t1" "$t2") s: $(field .rendered) rendered, $(field .removed) removed," \
       "$(field .files_written) files written; precompress $(secs "$t2" "$t3") s)"
}

first=$(cd "$src/articles" && set -- *.json && echo "$1")
sed -i '0,/"headline": *"/s//&Updated: /' "$src/articles/$first"
publish "one changed article"

jq '.slug = "bench-added-article" | .headline = "A newly added article"' "$src/articles/$first" \
  > "$src/articles/bench-added-article.json"
publish "one added article"

rm "$src/articles/bench-added-article.json"
publish "one deleted article"
[ ! -e "$site/article/bench-added-article/index.html" ] || { echo "the deleted article's page is still there" >&2; exit 1; }
