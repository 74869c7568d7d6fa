//! A click-to-load facade for a video hosted by an allowed outside player: nothing from the
//! third party loads until the reader presses play.

use crate::components::content_image::ContentImage;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::Image;

/// Poster and play button; becomes a sandboxed `<iframe>` of `url` when pressed.
#[component]
pub fn PlayerFacade(
    url: String,
    title: String,
    #[prop(default = None)] provider: Option<String>,
    #[prop(default = None)] poster: Option<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = RwSignal::new(false);
    let (w, h) = poster.as_ref().map_or((16, 9), |p| (p.width, p.height));
    let ratio = format!("aspect-ratio: {w} / {h}");
    let provider = crate::text::isolate(
        &provider.unwrap_or_else(|| newsfront_model::href::https_host(&url).unwrap_or_default()),
    );
    // The accessible name includes the visible note, as WCAG 2.5.3 (label in name) asks.
    let label = {
        let (title, provider) = (title.clone(), provider.clone());
        move || {
            t_string!(
                i18n,
                article.play_video,
                title = &title,
                provider = &provider
            )
            .to_string()
        }
    };
    let note = move || t_string!(i18n, article.plays_from, provider = &provider).to_string();
    let poster = StoredValue::new(poster);
    view! {
        <figure class="figure facade" style=ratio>
            {move || if loaded.get() {
                view! {
                    <iframe
                        class="facade__frame"
                        src=url.clone()
                        title=title.clone()
                        allow="autoplay; fullscreen; picture-in-picture"
                        sandbox="allow-scripts allow-same-origin allow-presentation"
                        referrerpolicy="strict-origin-when-cross-origin"
                    ></iframe>
                }
                .into_any()
            } else {
                view! {
                    <button class="facade__button" type="button" aria-label=label.clone() on:click=move |_| loaded.set(true)>
                        {poster.get_value().map(|img| view! { <ContentImage image=img class="facade__poster" sizes=sizes::ARTICLE_COLUMN /> })}
                        <span class="facade__play" aria-hidden="true">"▶"</span>
                        <span class="facade__note">{note.clone()}</span>
                    </button>
                }
                .into_any()
            }}
        </figure>
    }
}
