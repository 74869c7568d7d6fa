//! An image from content, with its dimensions reserved and its URL resolved and checked.

use crate::data::{asset_url, image_cdn};
use crate::edition::content_dir_untracked;
use leptos::prelude::*;
use leptos_meta::Link;
use newsfront_model::image::{cdn_url, is_raster, CDN_FORMATS};
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
    /// The page's main picture (an article's hero: its LCP element): fetched at high priority,
    /// and its AVIF variants preloaded from the head, so the browser starts on it before the
    /// stylesheet and the body are parsed.
    #[prop(optional)]
    priority: bool,
) -> impl IntoView {
    // The photograph's average colour fills its box until the file arrives (content tool).
    let placeholder = image
        .placeholder_color()
        .map(|c| format!("background-color:{c}"));
    let alt = alt.unwrap_or(image.alt);
    let ratio = format!(
        "aspect-ratio: {} / {}",
        image.width.max(1),
        image.height.max(1)
    );
    let sizes = sizes.unwrap_or_else(|| layout::sizes::FULL_WIDTH.to_string());
    let mut srcset = srcset_attr(&image.srcset, &sizes);
    // Modern formats first (AVIF, WebP: made by the content tool), each with the same `sizes`;
    // the browser takes the first type it supports and `<img>`'s fallback otherwise.
    let mut sources = image
        .sources
        .iter()
        .filter_map(|s| Some((s.mime.clone(), srcset_attr(&s.srcset, &sizes)?)))
        .collect::<Vec<_>>();
    // A publisher with an image CDN: the same, with the CDN's URLs.
    if sources.is_empty() && srcset.is_none() && is_raster(&image.src) {
        if let Some(cdn) = cdn_sets(&image.src, image.width, &sizes) {
            let (fallback, modern) = cdn;
            srcset = Some(fallback);
            sources = modern;
        }
    }
    let img_sizes = srcset.as_ref().map(|_| sizes.clone());
    let preload = priority
        .then(|| sources.iter().find(|(mime, _)| mime == "image/avif"))
        .flatten()
        .map(|(mime, set)| {
            view! {
                <Link rel="preload" as_="image" type_=mime.clone() imagesrcset=set.clone()
                    imagesizes=sizes.clone() fetchpriority="high" />
            }
        });
    match asset_url(&image.src) {
        Some(src) => {
            let img = view! {
                <img
                    class=class
                    src=src
                    srcset=srcset
                    sizes=img_sizes
                    width=image.width
                    height=image.height
                    style=placeholder
                    alt=alt
                    loading=if eager { "eager" } else { "lazy" }
                    decoding="async"
                    fetchpriority=priority.then_some("high")
                />
            };
            if sources.is_empty() {
                img.into_any()
            } else {
                let sources = sources
                    .into_iter()
                    .map(
                        |(mime, set)| view! { <source type=mime srcset=set sizes=sizes.clone() /> },
                    )
                    .collect_view();
                view! { {preload}<picture>{sources}{img}</picture> }.into_any()
            }
        }
        None => view! { <span class="image-missing" style=ratio role="img" aria-label=alt></span> }
            .into_any(),
    }
}

/// A `srcset` attribute from content's entries (each URL resolved and checked); `None` when
/// no entry is usable.
fn srcset_attr(entries: &[newsfront_model::image::SrcsetEntry], sizes: &str) -> Option<String> {
    let widths: Vec<u32> = entries.iter().map(|e| e.width).collect();
    let set = entries
        .iter()
        .filter(|e| layout::useful_width(sizes, e.width, &widths))
        .filter_map(|e| asset_url(&e.src).map(|u| format!("{u} {}w", e.width)))
        .collect::<Vec<_>>()
        .join(", ");
    (!set.is_empty()).then_some(set)
}

/// The `srcset`s an image CDN serves for the image at `src`, `width` pixels wide (`site.json`'s `image_cdn` template): the
/// fallback (JPEG) and each modern format's, at the layout's widths up to the image's own (those
/// the place of `sizes` can use).
fn cdn_sets(src: &str, width: u32, sizes: &str) -> Option<(String, Vec<(String, String)>)> {
    let (template, base_url) = image_cdn()?;
    let url = asset_url(src)?;
    let absolute = if url.starts_with('/') {
        format!("{}{url}", base_url.trim_end_matches('/'))
    } else {
        url
    };
    let path = if src.contains("://") || src.starts_with('/') {
        src.to_string()
    } else {
        format!("{}{src}", content_dir_untracked())
    };
    let all = layout::variant_widths(width);
    let widths: Vec<u32> = all
        .iter()
        .copied()
        .filter(|&w| layout::useful_width(sizes, w, &all))
        .collect();
    let set = |format: &str| {
        widths
            .iter()
            .map(|&w| format!("{} {w}w", cdn_url(&template, &absolute, &path, w, format)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if widths.is_empty() {
        return None;
    }
    // The last format is the `<img>` fallback; the others are `<source>`s, best first.
    let mut sets: Vec<(String, String)> = CDN_FORMATS
        .iter()
        .map(|(f, mime)| (mime.to_string(), set(f)))
        .collect();
    let (_, fallback) = sets.pop()?;
    Some((fallback, sets))
}
