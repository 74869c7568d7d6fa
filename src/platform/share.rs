//! Web Share and Clipboard APIs (called through `Reflect`, so browsers without them are fine).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    let window: JsValue = crate::platform::window()?.into();
    js_sys::Reflect::get(&window, &"navigator".into()).ok()
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// True when `navigator.share` exists.
pub fn can_share() -> bool {
    navigator().and_then(|n| method(&n, "share")).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// Sharing is unavailable or failed: offer the fallback menu.
    Failed,
}

pub async fn share(title: &str, url: &str) -> ShareOutcome {
    let Some(nav) = navigator() else {
        return ShareOutcome::Failed;
    };
    let Some(share) = method(&nav, "share") else {
        return ShareOutcome::Failed;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Ok(promise) = share
        .call1(&nav, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return ShareOutcome::Failed;
    };
    match JsFuture::from(promise).await {
        Ok(_) => ShareOutcome::Shared,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                ShareOutcome::Cancelled
            } else {
                ShareOutcome::Failed
            }
        }
    }
}

/// Copies `text`: the async Clipboard API first, then a selected textarea with `execCommand`.
pub async fn copy_text(text: &str) -> bool {
    if let Some(clipboard) =
        navigator().and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
    {
        if let Some(write) = method(&clipboard, "writeText") {
            if let Ok(p) = write
                .call1(&clipboard, &text.into())
                .and_then(|p| p.dyn_into::<js_sys::Promise>())
            {
                if JsFuture::from(p).await.is_ok() {
                    return true;
                }
            }
        }
    }
    copy_with_exec_command(text)
}

fn copy_with_exec_command(text: &str) -> bool {
    let Some(doc) = crate::platform::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(area) = doc
        .create_element("textarea")
        .map(|e| e.unchecked_into::<web_sys::HtmlTextAreaElement>())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;inset-block-start:-100px;opacity:0");
    let Some(body) = doc.body() else { return false };
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = doc
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    area.remove();
    ok
}
