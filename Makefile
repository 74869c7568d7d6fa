# Newsfront: `make serve` and `make test` install whatever is missing, then do their job.
# Every install step checks the version already present and skips when it matches.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# The release build's wasm-split step (scripts/wasm-split.mjs): the CLI of the library
# cargo-leptos splits with, patched (vendor/README.md), built from vendor/.
WASM_SPLIT_VERSION := 0.2.4+newsfront.2
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
CONTENT_SRC := content
CONTENT_OUT := public/content

# Keep cargo's build output outside the clone so a fresh clone reuses it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/newsfront/target
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
CONTENT_TOOL := $(CARGO_TARGET_DIR)/content/newsfront-content
PRERENDER := $(CARGO_TARGET_DIR)/prerender/newsfront-prerender
# The browser's release build uses a pinned nightly, only there (the native crates, the prerender
# step and `trunk serve` stay on stable): std is rebuilt for size with panics that abort at once,
# without the message machinery (-Cpanic=immediate-abort, the successor of std's
# panic_immediate_abort feature), std's optimize_for_size, and Debug formatting and panic
# locations compiled out. It has its own target dir, so it never waits on the stable builds or
# invalidates them. `--cfg erase_components` repeats .cargo/config.toml: a target's rustflags
# replace build.rustflags, and the prerender build must use the same cfg (hydration markers).
# No wasm32 rust-std is installed for it: -Zbuild-std compiles std from rust-src.
# `--cfg nf_split` makes each entry point (src/lazy.rs: the routes, the PWA layer) a split point and
# --emit-relocs keeps the relocations wasm-split needs to cut the wasm at them; the post-build
# hook then splits the cargo output (NF_WASM_INPUT) into chunks (scripts/wasm-split.mjs).
WASM_TOOLCHAIN := nightly-2026-05-19
WASM_TARGET_DIR ?= $(CARGO_TARGET_DIR)-nightly
WASM_RUSTFLAGS := --cfg erase_components --cfg nf_split -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none
# NEWSFRONT_CONTENT_TOOL: Trunk's content hook runs the stable tool already built (scripts/content-hook.sh).
WASM_RELEASE_ENV := NEWSFRONT_CONTENT_TOOL=$(CONTENT_TOOL) RUSTUP_TOOLCHAIN=$(WASM_TOOLCHAIN) CARGO_TARGET_DIR=$(WASM_TARGET_DIR) \
  NF_WASM_INPUT=$(WASM_TARGET_DIR)/wasm32-unknown-unknown/release/newsfront-app.wasm \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(WASM_RUSTFLAGS)"
# The search index (docs/reader-tools.md): Pagefind (npm `pagefind`, its Linux binary inside the
# package) over the prerendered pages, only what carries `data-pagefind-body` (articles), one
# index per `<html lang>` (per edition), swapped into dist/pagefind/ whole each time.
SEARCH_INDEX := scripts/search-index.sh dist
# Extra arguments for the prerender step, e.g. PRERENDER_ARGS="--content /path/to/files" when the
# content base in index.html is another origin (see docs/prerender.md).
PRERENDER_ARGS ?=

.PHONY: help serve test tools browser-tools npm-tools photos content content-tool prerender-tool pages bench-prerender bench-scale bench-images fuzz schema release size pwa-assets media-assets audit \
        test-native test-wasm test-dev test-e2e lint clean

help:
	@echo "make serve   install what is missing, build the demo content, serve on http://127.0.0.1:8080"
	@echo "make test    install what is missing, run every test layer (native, wasm in Chromium, end-to-end)"
	@echo "make release build the production site into dist/ (every page prerendered)"
	@echo "make pages   after a content change: prerender again only the pages that changed"
	@echo "make fuzz    fuzz the content decoder and views for FUZZ_SECONDS (default 60)"
	@echo "make size    build the release; per page, the JS/wasm/CSS bytes downloaded before it is interactive (fails above budget)"
	@echo "make audit   Lighthouse on the release build; fails when a budget in audit/budgets.json is missed"

## ---- installs (idempotent) -------------------------------------------------------------

tools: npm-tools
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@# Every crate in Cargo.lock, for every target: `trunk build --offline` needs the wasm-only ones
	@# (serde-wasm-bindgen…), which no native build fetches.
	@cargo fetch -q --locked --offline 2>/dev/null || cargo fetch -q --locked
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 10 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked --force; fi
	@# (the CLI has no --version: cargo's install list says which one is there)
	@if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q '^wasm_split_cli_support v$(WASM_SPLIT_VERSION) '; then \
	  echo "installing wasm-split-cli $(WASM_SPLIT_VERSION) from vendor/ (about 1 minute)"; \
	  install="cargo install --path vendor/wasm_split_cli_support --features build-binary --bin wasm-split-cli --locked --force"; \
	  $$install --offline 2>/dev/null || $$install; fi
	@rustup toolchain list | grep -q '^$(WASM_TOOLCHAIN)-' || { \
	  echo "installing $(WASM_TOOLCHAIN) for the release wasm build (about 20 s)"; \
	  rustup toolchain install $(WASM_TOOLCHAIN) --profile minimal; }
	@rustup component list --toolchain $(WASM_TOOLCHAIN) --installed | grep -q '^rust-src' || \
	  rustup component add --toolchain $(WASM_TOOLCHAIN) rust-src
	@# std's own dependencies, so `trunk build --offline` can rebuild std (-Zbuild-std).
	@std="$$(rustc +$(WASM_TOOLCHAIN) --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"; \
	  cargo +$(WASM_TOOLCHAIN) fetch -q --offline --manifest-path "$$std" 2>/dev/null || \
	  cargo +$(WASM_TOOLCHAIN) fetch -q --manifest-path "$$std"

# npm packages exactly as package-lock.json says (wasm-opt from binaryen, Playwright).
npm-tools: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

# Debian packages for the browser and end-to-end layers: Chromium, nginx with brotli, and a real
# speech engine (speech-dispatcher + espeak-ng, heard through PulseAudio's null sink) for Listen.
BROWSER_PACKAGES := chromium chromium-driver nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter \
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio
browser-tools:
	$(call apt_install,$(BROWSER_PACKAGES))

# A recipe line installing those of the Debian packages $(1) that are missing.
define apt_install
@missing=""; \
for pkg in $(1); do \
  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing$$missing"; \
  $(SUDO) apt-get update -qq; \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi
endef

## ---- content ---------------------------------------------------------------------------

# nasm assembles rav1e's SIMD (the `asm` feature: AVIF variants about four times faster).
content-tool:
	$(call apt_install,nasm)
	cargo build --profile content -q -p newsfront-content --features asm

prerender-tool:
	cargo build --profile prerender -q --no-default-features --features ssr --bin newsfront-prerender

# The demo's photographs (each edition's images/photos/, not committed: rendered here,
# reproducible; docs/images.md). Only missing ones are made (about 3 s each), once, then copied
# into the other editions' folders.
photos: content-tool
	$(CONTENT_TOOL) photos $(CONTENT_SRC)/images/photos $(CONTENT_SRC)/ar/images/photos $(CONTENT_SRC)/es/images/photos

content: content-tool photos
	$(CONTENT_TOOL) build $(CONTENT_SRC) $(CONTENT_OUT)

schema: content-tool
	$(CONTENT_TOOL) schema docs/schema

## ---- run -------------------------------------------------------------------------------

serve: tools content
	NEWSFRONT_CONTENT_TOOL=$(CONTENT_TOOL) trunk serve --offline

release: tools content prerender-tool
	$(WASM_RELEASE_ENV) trunk build --release --offline
	$(PRERENDER) dist $(PRERENDER_ARGS)
	$(SEARCH_INDEX)
	node scripts/precompress.mjs dist

# After a content change only: rebuild the content straight into the existing release build
# (incremental: only changed files are written, see docs/publishing.md; dist/.content-changes
# lists them) and prerender again; only pages that read a changed file are rendered.
pages: content-tool photos prerender-tool npm-tools
	@test -f dist/shell.html || { echo "no release build in dist/: run make release first"; exit 1; }
	$(CONTENT_TOOL) build $(CONTENT_SRC) dist/content --changes dist/.content-changes
	$(PRERENDER) dist $(PRERENDER_ARGS) --changes dist/.prerender-changes
	$(SEARCH_INDEX)
	node scripts/precompress.mjs dist --only dist/.prerender-changes --fast
	node scripts/precompress.mjs dist/pagefind --fast

# Regenerate the PWA icons (from assets/pwa/*.svg) and install-sheet screenshots (of the release
# build served by nginx on port 8097) into public/; the results are committed.
pwa-assets: release browser-tools
	E2E_PORT=8097 tests/e2e/run.sh --serve & pid=$$!; \
	scripts/wait-for.sh http://127.0.0.1:8097/ $$pid || { kill $$pid 2>/dev/null; exit 1; }; \
	BASE_URL=http://127.0.0.1:8097 node scripts/pwa-assets.mjs; status=$$?; kill $$pid; exit $$status

# Regenerate the demo video clips and captions (content/media/); the results are committed.
media-assets: npm-tools browser-tools
	node scripts/media-assets.mjs

# Lighthouse 12.2.3 on the release build behind nginx (compression on); budgets in
# audit/budgets.json; exits non-zero when one is missed. Not part of `make test`.
audit: release browser-tools
	E2E_PORT=8098 tests/e2e/run.sh --serve & pid=$$!; \
	scripts/wait-for.sh http://127.0.0.1:8098/ $$pid || { kill $$pid 2>/dev/null; exit 1; }; \
	CHROME_PATH=/usr/bin/chromium BASE_URL=http://127.0.0.1:8098 node scripts/audit.mjs; status=$$?; kill $$pid; exit $$status

# Fuzz the content decoder and the views for FUZZ_SECONDS: mutated content files rendered with
# the real components; a crash is saved to tests/fixtures/fuzz/ (rendered by make test from then on).
FUZZ_SECONDS ?= 60
fuzz: content
	cargo build --profile prerender -q --no-default-features --features ssr --bin newsfront-fuzz
	@# stderr carries the views' warnings about each bad file (thousands); findings go to stdout.
	$(CARGO_TARGET_DIR)/prerender/newsfront-fuzz $(CONTENT_OUT) --seconds $(FUZZ_SECONDS) 2>/dev/null

# Prerendering at scale on a generated corpus of BENCH_ARTICLES articles (needs `make release`
# first, for dist/shell.html): full prerender time and pages/s, site size (and per 10,000
# articles), average article page, then one changed, one added and one deleted article published
# end to end (content build + prerender + precompress), each timed (scripts/bench-prerender.sh).
BENCH_ARTICLES ?= 10000
bench-prerender: content-tool prerender-tool npm-tools
	scripts/bench-prerender.sh $(BENCH_ARTICLES) $(CONTENT_TOOL) $(PRERENDER)

# What each page type downloads before it is interactive (JS, wasm, CSS as transferred, brotli),
# measured in Chromium against the release build behind nginx, and the start-up phases from the
# performance marks; fails above the first-load budget in audit/budgets.json.
size: release browser-tools
	E2E_PORT=8099 tests/e2e/run.sh --serve & pid=$$!; \
	scripts/wait-for.sh http://127.0.0.1:8099/ $$pid || { kill $$pid 2>/dev/null; exit 1; }; \
	BASE_URL=http://127.0.0.1:8099 node scripts/size.mjs; status=$$?; kill $$pid; exit $$status

# Content build at scale on a generated corpus of N articles in /tmp (docs/publishing.md): full
# build (time, peak memory), then one article added, one changed and one deleted, each built
# incrementally. Disk: about 13 KB of source and 14 KB of output per article.
N ?= 100000
BENCH_SCALE_DIR ?= /tmp/newsfront-scale
BENCH_TIME := /usr/bin/time -f "  wall %e s, cpu %U s user + %S s system, peak memory %M KB"
# Image variants at scale (docs/images.md): PHOTOS distinct 3000 x 2000 photographs rendered into
# /tmp (kept between runs: about 2 s of CPU each), then all their variants made with an empty
# cache: time and peak memory. About 6.5 s a photo on 2 cores; 3.3 MB a photo of originals and
# 1.5 MB of variants on disk.
PHOTOS ?= 100
BENCH_IMAGES_DIR ?= /tmp/newsfront-photos
bench-images: content-tool
	$(CONTENT_TOOL) photos --many $(PHOTOS) $(BENCH_IMAGES_DIR)/$(PHOTOS)/images
	rm -rf $(BENCH_IMAGES_DIR)/cache
	$(BENCH_TIME) $(CONTENT_TOOL) images $(BENCH_IMAGES_DIR)/$(PHOTOS)/images $(BENCH_IMAGES_DIR)/cache
	@echo "again, nothing changed:"
	$(BENCH_TIME) $(CONTENT_TOOL) images $(BENCH_IMAGES_DIR)/$(PHOTOS)/images $(BENCH_IMAGES_DIR)/cache
	rm -rf $(BENCH_IMAGES_DIR)/cache

# Prerender steps of bench-scale (docs/prerender.md), into the release build's shell; skipped
# without dist/shell.html (make release first). A publish is the content build above it plus
# this step (prerender of the pages the change affects, precompression of what it wrote), timed
# end to end. SCALE_SHARD=I/N renders only shard I of N (`--shard`), e.g. at 1,000,000 articles,
# whose whole prerendered site (about 58 GB) does not fit this disk.
SCALE_SITE := $(BENCH_SCALE_DIR)/site
SCALE_SHARD ?=
SCALE_PRERENDER := $(PRERENDER) $(SCALE_SITE) $(if $(SCALE_SHARD),--shard $(SCALE_SHARD))
SCALE_NO_SHELL := echo "  (no dist/shell.html: run make release first to include the prerender steps)"
SCALE_FULL = if [ -f dist/shell.html ]; then cp dist/shell.html $(SCALE_SITE)/ && \
	  $(BENCH_TIME) $(SCALE_PRERENDER) && \
	  du -sb --exclude=content $(SCALE_SITE) | awk '{ printf "  site size without content: %d MB, %d MB per 10,000 articles%s\n", $$1 / 1e6, $$1 / 1e6 * 10000 / $(N), "$(if $(SCALE_SHARD), (shard $(SCALE_SHARD) only))" }'; \
	  else $(SCALE_NO_SHELL); fi
# One publish, as `make pages` does it: content build, prerender of what changed, precompression.
SCALE_PUBLISH = start=$$(date +%s%N); \
	$(BENCH_TIME) $(CONTENT_TOOL) build $(BENCH_SCALE_DIR)/source $(SCALE_SITE)/content; \
	if [ -f dist/shell.html ]; then \
	  $(BENCH_TIME) $(SCALE_PRERENDER) --changes $(BENCH_SCALE_DIR)/changes && \
	  node scripts/precompress.mjs $(SCALE_SITE) --only $(BENCH_SCALE_DIR)/changes --fast; \
	else $(SCALE_NO_SHELL); fi; \
	echo "  publish end to end: $$(( ($$(date +%s%N) - start) / 1000000 )) ms"
# The last run's folders are moved aside and deleted only after the measurements: on this
# disk (ext4 without a journal) creating files within minutes of deleting hundreds of thousands
# costs up to 3x the system time (the allocator skips recently deleted inodes), which would be
# charged to the full build. The generated source (deterministic) is kept when N is the same.
bench-scale: content-tool prerender-tool
	mkdir -p $(BENCH_SCALE_DIR) && cd $(BENCH_SCALE_DIR) && rm -rf old && mkdir old && \
	  { [ "$$(cat source/.generated 2>/dev/null)" = "$(N) $$(cksum < $(CONTENT_TOOL))" ] || mv source old/ 2>/dev/null || true; } && \
	  { mv site changes old/ 2>/dev/null || true; }
	@echo "== generate $(N) articles"
	@if [ -d $(BENCH_SCALE_DIR)/source ]; then echo "  (kept from the last run: same N, same tool)"; else \
	  $(BENCH_TIME) $(CONTENT_TOOL) generate $(N) $(CONTENT_SRC) $(BENCH_SCALE_DIR)/source; fi
	@du -sh $(BENCH_SCALE_DIR)/source | sed 's/^/  source size: /'
	@echo "== full content build"
	$(BENCH_TIME) $(CONTENT_TOOL) build $(BENCH_SCALE_DIR)/source $(SCALE_SITE)/content
	@du -sh $(SCALE_SITE)/content | sed 's/^/  output size: /'
	@echo "== full prerender (not precompressed: brotli 11 of every page takes far longer)"
	@$(SCALE_FULL)
	@# The source is edited below: its stamp goes until the edits are undone at the end.
	rm -f $(BENCH_SCALE_DIR)/source/.generated
	cp $(BENCH_SCALE_DIR)/source/articles/generated-0000[12].json $(BENCH_SCALE_DIR)/
	@echo "== one article added"
	sed 's/"slug":"generated-00000"/"slug":"bench-added"/' $(BENCH_SCALE_DIR)/source/articles/generated-00000.json \
	  > $(BENCH_SCALE_DIR)/source/articles/bench-added.json
	@$(SCALE_PUBLISH)
	@echo "== one article changed (its headline; the second newest article, in a topic)"
	sed -i '0,/"headline":"/s//&Updated: /' $(BENCH_SCALE_DIR)/source/articles/generated-00001.json
	@$(SCALE_PUBLISH)
	@echo "== one article deleted"
	rm $(BENCH_SCALE_DIR)/source/articles/generated-00002.json
	@$(SCALE_PUBLISH)
	cd $(BENCH_SCALE_DIR) && mv generated-0000[12].json source/articles/ && rm source/articles/bench-added.json && \
	  echo "$(N) $$(cksum < $(CONTENT_TOOL))" > source/.generated && rm -rf old

## ---- tests -----------------------------------------------------------------------------

test: tools browser-tools
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-dev
	$(MAKE) test-e2e
	@echo "all test layers passed"

# The lint gate: formatting, and clippy with warnings as errors for the native crates, the
# browser build (wasm32, `hydrate`), the component tests (wasm32, `csr`) and the prerender
# build (`ssr`, every target: binaries, tests).
lint:
	cargo fmt --all --check
	cargo clippy -q -p newsfront-model -p newsfront-content --all-targets -- -D warnings
	cargo clippy -q --target wasm32-unknown-unknown --no-default-features --features hydrate --lib --bin newsfront-app -- -D warnings
	cargo clippy -q --target wasm32-unknown-unknown --tests -- -D warnings
	cargo clippy -q --profile prerender --no-default-features --features ssr --all-targets -- -D warnings
	@# The release wasm's split points (--cfg nf_split, src/lazy.rs), in a target dir of their own
	@# so the other builds' caches are not invalidated by the different flags.
	CARGO_TARGET_DIR=$(CARGO_TARGET_DIR)-split-lint RUSTFLAGS="--cfg erase_components --cfg nf_split" \
	  cargo clippy -q --target wasm32-unknown-unknown --no-default-features --features hydrate --lib --bin newsfront-app -- -D warnings

# The developer's path without make: plain `trunk build`/`trunk serve` on a fresh copy of the
# checkout (no built content, no node_modules), and the build scripts' own tests.
test-dev:
	node --test scripts/
	tests/dev/trunk-fresh-clone.sh

test-native: content
	cargo test -q -p newsfront-model -p newsfront-content
	cargo test -q --profile prerender --no-default-features --features ssr --lib --test prerender
	$(CONTENT_TOOL) schema docs/schema --check
	$(CONTENT_TOOL) validate $(CONTENT_SRC)

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown --test components

# PulseAudio must run for the speech engine to finish utterances (TOOLCHAIN.md); as root it
# warns and runs. A speech-dispatcher spawned before PulseAudio ran never answers (and Chromium
# then lists no voices): it is stopped, and Chromium spawns a fresh one.
test-e2e: release
	@pulseaudio --check 2>/dev/null || pulseaudio -D --exit-idle-time=-1 2>/dev/null || pulseaudio --check
	@timeout 10 spd-say -O > /dev/null 2>&1 || pkill -9 -f '^/usr/bin/speech-dispatcher' || true
	tests/e2e/run.sh

clean:
	rm -rf dist $(CONTENT_OUT)
