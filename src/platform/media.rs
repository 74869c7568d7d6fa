//! What media this browser can play natively.

/// True when a `<video>` in this browser says it may play `mime`.
pub fn can_play(mime: &str) -> bool {
    crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("video").ok())
        .map(|el| {
            wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlMediaElement>(el)
                .can_play_type(mime)
        })
        .is_some_and(|answer| !answer.is_empty())
}

/// Pauses every other `<video>`/`<audio>` on the page, so only one plays at a time.
pub fn pause_others(current: &web_sys::HtmlMediaElement) {
    let Some(doc) = crate::platform::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("video, audio") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlMediaElement>)
        {
            if &el != current && !el.paused() {
                let _ = el.pause();
            }
        }
    }
}

/// Starts downloading an image the reader is likely to see next.
pub fn preload_image(url: &str) {
    if let Ok(img) = web_sys::HtmlImageElement::new() {
        img.set_src(url);
    }
}
