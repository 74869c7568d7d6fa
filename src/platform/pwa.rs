//! Service worker registration and updates, the install prompt, and online status.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let waiting = null;
let reloadRequested = false;
let deferredPrompt = null;

export function sw_register(url, onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) { reloadRequested = false; location.reload(); }
  });
  navigator.serviceWorker.register(url).then((reg) => {
    if (!reg) return; // registration blocked (automation, some privacy modes)
    const offer = (worker) => { waiting = worker; onUpdate(); };
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reg.update().catch(() => {});
    });
    setInterval(() => reg.update().catch(() => {}), 30 * 60 * 1000);
  }).catch((e) => console.warn('service worker registration failed', e));
}

export function sw_activate_update() {
  if (!waiting) { location.reload(); return; }
  reloadRequested = true;
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

export function sw_unregister_all() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.getRegistrations().then((rs) => rs.forEach((r) => r.unregister())).catch(() => {});
}

export function install_listen(onAvailable) {
  window.addEventListener('beforeinstallprompt', (e) => { e.preventDefault(); deferredPrompt = e; onAvailable(); });
  window.addEventListener('appinstalled', () => { deferredPrompt = null; });
}

export async function install_prompt() {
  if (!deferredPrompt) return false;
  const e = deferredPrompt;
  deferredPrompt = null;
  e.prompt();
  const choice = await e.userChoice;
  return choice.outcome === 'accepted';
}

export function is_ios_safari() {
  const ua = navigator.userAgent;
  return /iphone|ipad|ipod/i.test(ua) && /safari/i.test(ua) && !/crios|fxios|edgios/i.test(ua);
}

export function is_standalone() {
  return window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
}

export function is_online() { return navigator.onLine !== false; }
"#)]
extern "C" {
    fn sw_register(url: &str, on_update: &js_sys::Function);
    fn sw_activate_update();
    fn sw_unregister_all();
    fn install_listen(on_available: &js_sys::Function);
    fn install_prompt() -> js_sys::Promise;
    fn is_ios_safari() -> bool;
    fn is_standalone() -> bool;
    fn is_online() -> bool;
}

/// Registers `/sw.js`; `on_update` runs when a new version is installed and waiting.
pub fn register_service_worker(on_update: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(on_update);
    sw_register("/sw.js", cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// Development builds: remove any caching worker a release build left on this origin.
pub fn unregister_service_workers() {
    sw_unregister_all();
}

/// Activates the waiting version; the page reloads when it takes control.
pub fn activate_update() {
    sw_activate_update();
}

/// `on_available` runs when the browser offers installation (`beforeinstallprompt`).
pub fn listen_for_install(on_available: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(on_available);
    install_listen(cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Shows the browser's install dialog; true when the reader accepted.
pub async fn prompt_install() -> bool {
    wasm_bindgen_futures::JsFuture::from(install_prompt())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// iOS Safari, not already running from the home screen: it needs the manual hint.
pub fn needs_ios_hint() -> bool {
    is_ios_safari() && !is_standalone()
}

pub fn online() -> bool {
    is_online()
}
