#!/bin/sh
# Trunk pre_build hook: builds content/ into public/content/ before every build, so plain
# `trunk serve` and `trunk build` work on a fresh clone. Under make, the content tool is already
# built (NEWSFRONT_CONTENT_TOOL, from the stable toolchain); plain Trunk builds it through cargo.
# A content error fails the hook, with every problem printed (file, JSON path, reason).
set -e
# The demo's photographs are rendered on first use (each edition's images/photos, not committed).
photos="content/images/photos content/ar/images/photos content/es/images/photos"
if [ -n "${NEWSFRONT_CONTENT_TOOL:-}" ] && [ -x "$NEWSFRONT_CONTENT_TOOL" ]; then
  "$NEWSFRONT_CONTENT_TOOL" photos $photos
  exec "$NEWSFRONT_CONTENT_TOOL" build content public/content
fi
# With nasm, AVIF variants are encoded with rav1e's SIMD (the same bytes, about four times faster).
features=""
if command -v nasm >/dev/null 2>&1; then features="--features asm"; fi
cargo run --profile content --quiet --package newsfront-content $features -- photos $photos
exec cargo run --profile content --quiet --package newsfront-content $features -- build content public/content
