//! The wall clock, page visibility, and a wait that wakes early when the page becomes visible.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function wait_for_visible_or(ms) {
  return new Promise((resolve) => {
    let timer = null;
    const onChange = () => { if (document.visibilityState === 'visible') done(true); };
    const done = (woke) => {
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onChange);
      resolve(woke);
    };
    if (ms >= 0) timer = setTimeout(() => done(false), ms);
    document.addEventListener('visibilitychange', onChange);
  });
}
"#)]
extern "C" {
    fn wait_for_visible_or(ms: f64) -> js_sys::Promise;
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// True while the page is in a background tab or minimised (Page Visibility API).
pub fn is_hidden() -> bool {
    crate::platform::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Waits `seconds`, or less if the page goes from hidden to visible meanwhile.
pub async fn sleep_or_until_visible(seconds: u32) {
    let _ = JsFuture::from(wait_for_visible_or(f64::from(seconds) * 1000.0)).await;
}

/// Waits until the page is visible again.
pub async fn until_visible() {
    let _ = JsFuture::from(wait_for_visible_or(-1.0)).await;
}
