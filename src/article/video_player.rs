//! A native video player: poster, captions, `preload="none"` until the reader presses play,
//! and only one video playing at a time.

use crate::data::asset_url;
use crate::i18n::{t_string, use_i18n};
use crate::platform::media;
use leptos::prelude::*;
use newsfront_model::Image;
use wasm_bindgen::JsCast;

/// `<video>` with its space reserved from the poster's dimensions.
#[component]
pub fn VideoPlayer(
    src: String,
    poster: Image,
    #[prop(default = None)] captions: Option<String>,
    #[prop(default = None)] caption: Option<String>,
    #[prop(default = None)] lang: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(url) = asset_url(&src) else {
        return ().into_any();
    };
    let poster_url = asset_url(&poster.src);
    let label = poster.alt.clone();
    let lang = lang.unwrap_or_else(|| "en".to_string());
    view! {
        <figure class="figure video-player">
            <video
                class="video"
                controls
                playsinline
                preload="none"
                poster=poster_url
                width=poster.width
                height=poster.height
                src=url
                aria-label=label
                on:play=move |ev| {
                    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok()) {
                        media::pause_others(&el);
                    }
                }
            >
                {captions.and_then(|c| asset_url(&c)).map(|c| view! {
                    <track kind="captions" src=c srclang=lang.clone() label=move || t_string!(i18n, article.captions) default />
                })}
            </video>
            {caption.map(|c| view! { <figcaption class="figure__caption">{c}</figcaption> })}
        </figure>
    }
    .into_any()
}
