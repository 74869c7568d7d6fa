#!/usr/bin/env bash
# A fresh clone builds and serves with Trunk alone (issue 12): no public/content, no node_modules,
# no Makefile. Checks, in a copy of the checkout (tracked and new files, nothing ignored):
#   1. `trunk build` runs the content step itself and the output has the built content;
#   2. a broken content file fails the build with its path and reason, and the last build stays;
#   3. `trunk serve`: editing a file under content/ rebuilds and serves the new content once,
#      with no rebuild loop afterwards.
# Uses trunk, wasm-bindgen and cargo from PATH and the shared CARGO_TARGET_DIR (warm).
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d /tmp/newsfront-fresh.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$root"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work"
cd "$work"
[ ! -e public/content ] || fail "the copy already has public/content"
[ ! -e node_modules ] || fail "the copy already has node_modules"
# No node_modules here: wasm-opt and Workbox are release-only; a development build needs neither.
export PATH=$(echo "$PATH" | tr ':' '\n' | grep -v "node_modules/.bin" | paste -sd:)

echo "== trunk build on a fresh copy"
trunk build --offline > build.log 2>&1 || { cat build.log; fail "trunk build failed on a fresh copy"; }
[ -s dist/content/site.json ] || fail "dist/content/site.json missing after trunk build"
ls dist/content/articles/*.json > /dev/null || fail "no articles in dist/content"
ls dist/*.wasm > /dev/null || fail "no wasm in dist"
grep -q 'data-boot="logo"><img src="/content/images/logo.svg"' dist/shell.html \
  || fail "the boot masthead was not filled from site.json"

echo "== a content error fails the build clearly and keeps the last build"
article=$(ls content/articles/*.json | head -1)
cp "$article" article.bak
printf '{"slug": ' > "$article"
if trunk build --offline > broken.log 2>&1; then cat broken.log; fail "a broken article did not fail the build"; fi
grep -q "$(basename "$article")" broken.log || { cat broken.log; fail "the error does not name the file"; }
[ -s dist/content/site.json ] || fail "the last good build was removed"
cp article.bak "$article"

echo "== trunk serve: a content edit rebuilds once"
port=$((18000 + RANDOM % 1000))
trunk serve --offline --port "$port" > serve.log 2>&1 & server=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/content/site.json" > /dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat serve.log; fail "trunk serve exited"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/content/site.json" > /dev/null || { cat serve.log; fail "trunk serve never answered"; }
# Builds are counted by their start; one is running while starts outnumber ends (success or error).
starts() { grep -c "starting build" serve.log || true; }
ends() { grep -cE " INFO .*success$| ERROR .*error$" serve.log || true; }
# Waits until no build is running and none has started for 4 s (up to 90 s): a slow second
# build (a save that arrived as two file events) is waited for, not taken for a loop.
settle() {
  local last=-1 quiet=0 s
  for _ in $(seq 1 180); do
    s=$(starts)
    if [ "$s" -eq "$(ends)" ] && [ "$s" -eq "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    last=$s
    [ "$quiet" -ge 8 ] && return 0
    sleep 0.5
  done
  return 1
}
settle || { cat serve.log; fail "the first build never settled: a rebuild loop"; }
before=$(starts)
# Rewritten in place, as an editor that saves into the file does.
edited=$(sed 's/"slogan": *"[^"]*"/"slogan": "Edited while serving"/' content/site.json)
printf '%s\n' "$edited" > content/site.json
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/content/site.json" 2>/dev/null | grep -q "Edited while serving" && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/content/site.json" | grep -q "Edited while serving" \
  || { cat serve.log; fail "the edit under content/ was not served"; }
# No rebuild loop: the builds settle, then none starts in the next 8 s, after one rebuild (two
# when the save arrived as two file events, one of them during the first build).
settle || { cat serve.log; fail "still rebuilding 90 s after one edit: a rebuild loop"; }
settling=$(starts)
sleep 8
after=$(starts)
[ "$after" -eq "$settling" ] || { cat serve.log; fail "a build started 8 s after the builds settled: a rebuild loop"; }
[ $((after - before)) -ge 1 ] && [ $((after - before)) -le 2 ] \
  || { cat serve.log; fail "expected one rebuild after one edit, saw $((after - before))"; }
echo "rebuilds after one content edit: $((after - before))"
echo "trunk on a fresh clone: build, content error, serve with reload: ok"
