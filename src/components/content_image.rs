//! An image from content, with its dimensions reserved and its URL resolved and checked.

use crate::data::asset_url;
use leptos::prelude::*;
use newsfront_model::layout;
use newsfront_model::Image;

/// `<img>` with width/height from content; lazy unless `eager`. An unsafe or empty `src`
/// renders an empty box of the same shape instead.
#[component]
pub fn ContentImage(
    image: Image,
    /// Overrides the content's alt text (e.g. the outlet name for a logo).
    #[prop(optional, into)]
    alt: Option<String>,
    /// Above-the-fold images load eagerly; everything else is lazy.
    #[prop(optional)]
    eager: bool,
    /// The `sizes` attribute used with the content's `srcset` (one of `layout::sizes`; the
    /// screen width when absent).
    #[prop(optional, into)]
    sizes: Option<String>,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let alt = alt.unwrap_or(image.alt);
    let ratio = format!(
        "aspect-ratio: {} / {}",
        image.width.max(1),
        image.height.max(1)
    );
    let srcset = image
        .srcset
        .iter()
        .filter_map(|e| asset_url(&e.src).map(|u| format!("{u} {}w", e.width)))
        .collect::<Vec<_>>()
        .join(", ");
    let srcset = (!srcset.is_empty()).then_some(srcset);
    let sizes = srcset
        .as_ref()
        .map(|_| sizes.unwrap_or_else(|| layout::sizes::FULL_WIDTH.to_string()));
    match asset_url(&image.src) {
        Some(src) => view! {
            <img
                class=class
                src=src
                srcset=srcset
                sizes=sizes
                width=image.width
                height=image.height
                alt=alt
                loading=if eager { "eager" } else { "lazy" }
                decoding="async"
            />
        }
        .into_any(),
        None => view! { <span class="image-missing" style=ratio role="img" aria-label=alt></span> }
            .into_any(),
    }
}
