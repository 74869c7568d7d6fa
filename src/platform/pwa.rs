//! The parts of the PWA layer leptos-use does not cover: the Workbox update handshake, removing
//! workers in development, the install prompt (`beforeinstallprompt` is not in web-sys), and
//! the iOS and online checks. Registration and update checks use `leptos_use::use_service_worker`.

use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Set when the reader pressed Reload, so the next controller change reloads the page (and the
/// first one, when a worker takes a fresh page, does not).
static RELOAD_REQUESTED: AtomicBool = AtomicBool::new(false);

/// The service worker container, when the browser has one.
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = crate::platform::window()?.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Whether a worker controls this page (a waiting worker is an update only then).
pub fn is_controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Asks the waiting worker to take over (Workbox listens for `{type: "SKIP_WAITING"}`); the page
/// reloads when it does. Without a waiting worker, reloads at once.
pub fn activate_update(registration: Option<&web_sys::ServiceWorkerRegistration>) {
    let Some(worker) = registration.and_then(|r| r.waiting()) else {
        reload();
        return;
    };
    RELOAD_REQUESTED.store(true, Ordering::Relaxed);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    if worker.post_message(&message).is_err() {
        reload();
    }
}

/// Called on every controller change: reloads only when the reader asked for the update.
pub fn on_controller_change() {
    if RELOAD_REQUESTED.swap(false, Ordering::Relaxed) {
        reload();
    }
}

pub fn reload() {
    if let Some(w) = crate::platform::window() {
        let _ = w.location().reload();
    }
}

/// Loads `url` (a path on this site) as a whole page.
pub fn load_page(url: &str) {
    if let Some(w) = crate::platform::window() {
        let _ = w.location().assign(url);
    }
}

/// Development builds: remove any caching worker a release build left on this origin.
pub fn unregister_service_workers() {
    let Some(c) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(list) = JsFuture::from(c.get_registrations()).await else {
            return;
        };
        for reg in js_sys::Array::from(&list).iter() {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                if let Ok(p) = reg.unregister() {
                    let _ = JsFuture::from(p).await;
                }
            }
        }
    });
}

/// Shows the browser's install dialog for a saved `beforeinstallprompt` event; true when the
/// reader accepted.
pub async fn prompt_install(event: &web_sys::Event) -> bool {
    let call = |name: &str| -> Option<JsValue> {
        let f = js_sys::Reflect::get(event, &name.into()).ok()?;
        f.dyn_into::<js_sys::Function>().ok()?.call0(event).ok()
    };
    if call("prompt").is_none() {
        return false;
    }
    let Some(choice) = js_sys::Reflect::get(event, &"userChoice".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(choice)
        .await
        .ok()
        .and_then(|c| js_sys::Reflect::get(&c, &"outcome".into()).ok())
        .and_then(|o| o.as_string())
        .is_some_and(|o| o == "accepted")
}

/// iOS Safari (not Chrome, Firefox or Edge on iOS): it needs the manual "Add to Home Screen" hint.
pub fn is_ios_safari() -> bool {
    let Some(ua) = crate::platform::window().and_then(|w| w.navigator().user_agent().ok()) else {
        return false;
    };
    let ua = ua.to_lowercase();
    ["iphone", "ipad", "ipod"].iter().any(|d| ua.contains(d))
        && ua.contains("safari")
        && !["crios", "fxios", "edgios"].iter().any(|b| ua.contains(b))
}

/// Running from the home screen in iOS Safari (`navigator.standalone`); other browsers answer
/// through the `display-mode` media query.
pub fn is_ios_standalone() -> bool {
    crate::platform::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"standalone".into()).ok())
        .is_some_and(|v| v.as_bool() == Some(true))
}

pub fn online() -> bool {
    crate::platform::window().is_none_or(|w| w.navigator().on_line())
}
