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

/// How long one slice of hydration work may run before the next `Paced` part of the page
/// (`components::paced`) yields to the browser, in milliseconds of this device's time.
/// Lighthouse's mobile profile slows the CPU four times and counts the time of a task beyond
/// 50 ms as blocking: 5 ms here stays under its 12.5 ms, with room for the work between two
/// `Paced` parts (mostly V8 compiling the wasm functions they call for the first time).
pub const SLICE_MS: f64 = 5.0;

/// Whether the current slice of hydration work has used its time (the first call starts a
/// slice). Natively: never.
pub fn slice_spent() -> bool {
    #[cfg(target_arch = "wasm32")]
    return imp::slice_spent();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Gives the main thread back to the browser (input, paint, other tasks) and resumes in a
/// later task, where a new slice starts: `scheduler.yield()`, which resumes ahead of other
/// queued work, or a zero timeout where it is missing. Natively: resumes at once.
pub async fn yield_now() {
    #[cfg(target_arch = "wasm32")]
    imp::yield_now().await;
}

/// A signal that turns true once the page is hydrated and the browser has been idle (always
/// false while prerendering). One per app: `provide_idle` in the root, `use_idle` below it.
#[derive(Clone, Copy)]
pub struct Idle(pub ReadSignal<bool>);

/// Provides `Idle` to the app. Call once in the root, before the views that wait on it.
pub fn provide_idle() -> ReadSignal<bool> {
    let (idle, set_idle) = signal(false);
    // Effects run only in the browser; the idle wait starts once the whole page is hydrated
    // and the effects it held have run (`platform::executor`).
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

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    thread_local! {
        /// When the current slice of hydration work began (`None`: no slice yet).
        static SLICE_START: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    }

    pub fn slice_spent() -> bool {
        let now = performance_now();
        match SLICE_START.get() {
            Some(start) => now - start > super::SLICE_MS,
            None => {
                SLICE_START.set(Some(now));
                false
            }
        }
    }

    fn start_slice() {
        SLICE_START.set(Some(performance_now()));
    }

    pub async fn yield_now() {
        crate::platform::perf::mark(crate::platform::perf::YIELD);
        let promise = scheduler_yield().unwrap_or_else(|| {
            js_sys::Promise::new(&mut |resolve, _| {
                set_timeout(&resolve, 0);
            })
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        start_slice();
    }

    /// `scheduler.yield()`, where the browser has it (Chromium 129 and later).
    fn scheduler_yield() -> Option<js_sys::Promise> {
        let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
        let f: js_sys::Function = js_sys::Reflect::get(&scheduler, &"yield".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call0(&scheduler).ok()?.dyn_into().ok()
    }
}
