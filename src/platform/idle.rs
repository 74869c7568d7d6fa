//! Runs work when the main thread is idle (`requestIdleCallback`, with a timeout so it always
//! runs; a plain timeout where the API is missing, as in Safari), so start-up work that can
//! wait (polling, Most Read, the service worker) never lengthens the hydration task.

use leptos::prelude::*;

/// Calls `f` once the browser is idle (at most two seconds later). Natively: never.
pub fn when_idle(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    imp::when_idle(Box::new(f));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = f;
}

/// Calls `f` in a task of its own after the current one (a zero timeout). Natively: never.
pub fn after_task(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    imp::after_task(Box::new(f));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = f;
}

/// A signal that turns true once the page is hydrated and the browser has been idle (always
/// false while prerendering). One per app: `provide_idle` in the root, `use_idle` below it.
#[derive(Clone, Copy)]
pub struct Idle(pub ReadSignal<bool>);

/// Provides `Idle` to the app. Call once in the root, before the views that wait on it.
pub fn provide_idle() -> ReadSignal<bool> {
    let (idle, set_idle) = signal(false);
    // Effects run only in the browser; the idle wait starts once the whole page is hydrated
    // (effects of the parts hydrated first run while a route's chunk is fetched).
    Effect::new(move |_| {
        crate::platform::hydration::after_hydration(move || {
            crate::platform::perf::mark_after_effects();
            when_idle(move || {
                crate::platform::perf::mark(crate::platform::perf::IDLE);
                let _ = set_idle.try_set(true);
            });
        });
    });
    provide_context(Idle(idle));
    idle
}

/// True once the start-up work may begin (see `provide_idle`); without the context (component
/// tests), true at once.
pub fn use_idle() -> Signal<bool> {
    match use_context::<Idle>() {
        Some(Idle(idle)) => idle.into(),
        None => Signal::stored(true),
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = requestIdleCallback, catch)]
        fn request_idle_callback(f: &js_sys::Function, options: &JsValue) -> Result<u32, JsValue>;
        #[wasm_bindgen(js_name = setTimeout)]
        fn set_timeout(f: &js_sys::Function, ms: u32) -> JsValue;
    }

    fn callback(f: Box<dyn FnOnce()>) -> js_sys::Function {
        Closure::once_into_js(f).unchecked_into()
    }

    /// The longest the idle work waits on a busy page, in milliseconds.
    const IDLE_TIMEOUT_MS: u32 = 2_000;

    pub fn when_idle(f: Box<dyn FnOnce()>) {
        let f = callback(f);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
        if request_idle_callback(&f, &options).is_err() {
            // No requestIdleCallback: after the current burst of work instead.
            set_timeout(&f, 200);
        }
    }

    pub fn after_task(f: Box<dyn FnOnce()>) {
        set_timeout(&callback(f), 0);
    }
}
