//! Runtime configuration read from the page (so publishers change it without recompiling).

use std::cell::OnceCell;

const DEFAULT_BASE: &str = "/content/";

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// `<meta name="newsfront:content-base" content="https://cdn.example/news/">`, read once.
/// While prerendering (native), the build step sets it from the same tag of `index.html`.
pub fn content_base() -> String {
    BASE.with(|cell| cell.get_or_init(read_base).clone())
}

/// Normalises a configured base: trimmed, ending in `/`, the default when empty.
pub fn normalise_base(raw: Option<&str>) -> String {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(base) if base.ends_with('/') => base.to_string(),
        Some(base) => format!("{base}/"),
        None => DEFAULT_BASE.to_string(),
    }
}

#[cfg(target_arch = "wasm32")]
fn read_base() -> String {
    let found = crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name='newsfront:content-base']")
                .ok()
                .flatten()
        })
        .and_then(|el| el.get_attribute("content"));
    normalise_base(found.as_deref())
}

#[cfg(not(target_arch = "wasm32"))]
static BUILD_BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The content base the prerendered markup uses (set once, before rendering).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_build_content_base(base: &str) {
    let _ = BUILD_BASE.set(normalise_base(Some(base)));
}

#[cfg(not(target_arch = "wasm32"))]
fn read_base() -> String {
    BUILD_BASE
        .get()
        .cloned()
        .unwrap_or_else(|| DEFAULT_BASE.to_string())
}
