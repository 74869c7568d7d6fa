//! Every browser API call lives here, behind small functions that return `Option`/`Result`.
//! Callers run them in effects and event handlers, never while rendering.

pub mod clock;
pub mod config;
pub mod dom;
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub mod executor;
pub mod fetch;
pub mod hydration;
pub mod idle;
pub mod media;
pub mod near;
pub mod perf;
pub mod prefs;
pub mod pwa;
pub mod saved;
pub mod search;
pub mod share;
pub mod speech;
pub mod storage;
pub mod time;

/// The browser window; `None` when not running in a browser (the native prerender step), so
/// every helper here is a harmless no-op there even if a cleanup or handler runs.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
