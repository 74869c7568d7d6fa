//! What media this browser can play natively.

/// True when a `<video>` in this browser says it may play `mime`.
pub fn can_play(mime: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("video").ok())
        .map(|el| {
            wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlMediaElement>(el)
                .can_play_type(mime)
        })
        .is_some_and(|answer| !answer.is_empty())
}
