//! Runtime configuration read from the page (so publishers change it without recompiling).

use std::cell::OnceCell;

const DEFAULT_BASE: &str = "/content/";

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// `<meta name="newsfront:content-base" content="https://cdn.example/news/">`, read once.
pub fn content_base() -> String {
    BASE.with(|cell| cell.get_or_init(read_base).clone())
}

fn read_base() -> String {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name='newsfront:content-base']")
                .ok()
                .flatten()
        })
        .and_then(|el| el.get_attribute("content"))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    match found {
        Some(base) if base.ends_with('/') => base,
        Some(base) => format!("{base}/"),
        None => DEFAULT_BASE.to_string(),
    }
}
