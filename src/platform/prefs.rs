//! The reader's display preferences on this device: read and kept in `localStorage`, applied
//! to `<html data-theme data-text>` and the `theme-color` meta, as `public/prefs.js` does
//! before the first paint (same keys and values: `newsfront_model::prefs`).

use crate::platform::storage;
use newsfront_model::prefs::{theme_color, TextSize, Theme, TEXT_KEY, THEME_KEY};

/// The stored theme (System when absent or unreadable).
pub fn theme() -> Theme {
    Theme::parse(storage::get(THEME_KEY).as_deref())
}

/// The stored article text size (Standard when absent or unreadable).
pub fn text_size() -> TextSize {
    TextSize::parse(storage::get(TEXT_KEY).as_deref())
}

/// Keeps and applies a theme.
pub fn set_theme(theme: Theme) {
    keep(THEME_KEY, theme.attribute());
    set_root_attribute("data-theme", theme.attribute());
    let Some(document) = crate::platform::window().and_then(|w| w.document()) else {
        return;
    };
    // A chosen theme sets both metas (each is for one device scheme) to its colour; the
    // device's setting puts back each meta's own.
    if let Ok(metas) = document.query_selector_all("meta[name=\"theme-color\"]") {
        for i in 0..metas.length() {
            let Some(meta) = metas
                .get(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            let device_dark = meta
                .get_attribute("media")
                .is_some_and(|m| m.contains("dark"));
            let _ = meta.set_attribute("content", theme_color(theme.is_dark(device_dark)));
        }
    }
}

/// Keeps and applies an article text size.
pub fn set_text_size(size: TextSize) {
    keep(TEXT_KEY, size.attribute());
    set_root_attribute("data-text", size.attribute());
}

fn keep(key: &str, value: Option<&str>) {
    match value {
        Some(v) => storage::set(key, v),
        None => storage::remove(key),
    }
}

fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}
