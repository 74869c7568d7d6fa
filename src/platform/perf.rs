//! Start-up timing marks (User Timing API), so a trace or `make size` can split the start-up
//! into download, compile, instantiate, hydrate and first effects. The loader
//! (`scripts/sw-build.mjs`) sets the marks before Rust runs; these are the ones after.

/// `nf:main`: the wasm module is instantiated and `main` starts.
pub const MAIN: &str = "nf:main";
/// `nf:snapshot`: the page's embedded data is read (the start of hydration).
pub const SNAPSHOT: &str = "nf:snapshot";
/// `nf:yield`: hydration gives the main thread back (`platform::idle::yield_now`), once per
/// slice after the first.
pub const YIELD: &str = "nf:yield";
/// `nf:hydrated`: the prerendered page is hydrated (or the app mounted); handlers work.
pub const HYDRATED: &str = "nf:hydrated";
/// `nf:effects`: every effect queued by hydration has run once.
pub const EFFECTS: &str = "nf:effects";
/// `nf:idle`: the deferred start-up work (`platform::idle`) begins.
pub const IDLE: &str = "nf:idle";
/// `nf:part <class>`: a deferred part (`components::deferred`, by its wrapper's class) starts
/// hydrating.
pub const PART: &str = "nf:part";
/// `nf:content`: a page's content hydrated after the page (`routes`, `components::deferred`)
/// is hydrated and its effects have run.
pub const CONTENT: &str = "nf:content";

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.mark(name)`; throws only where the User Timing API is missing.
        #[wasm_bindgen(js_namespace = performance, js_name = mark, catch)]
        fn mark_js(name: &str) -> Result<JsValue, JsValue>;
    }

    pub fn mark(name: &str) {
        let _ = mark_js(name);
    }
}

/// Sets a User Timing mark; a no-op natively and where the API is missing.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    imp::mark(name);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Marks `nf:effects` once the effects queued so far have run: effects run as microtasks of
/// the current task, and a zero timeout fires only after all of them.
pub fn mark_after_effects() {
    crate::platform::idle::after_task(|| mark(EFFECTS));
}
