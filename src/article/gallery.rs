//! A photo gallery: a grid of thumbnails and a full-screen lightbox with previous/next
//! (buttons, arrow keys, swipe), a counter, Escape to close, focus returned to the thumbnail,
//! the open photo in the URL (`?photo=3`) and the next photo preloaded.

use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::data::asset_url;
use crate::i18n::{t_string, use_i18n};
use crate::platform::{dom, media};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use leptos_use::{use_event_listener, use_window};
use newsfront_model::layout::sizes;
use newsfront_model::{cycle, Image};

/// Thumbnails loaded eagerly: the top of the grid, in view as soon as the gallery is.
const EAGER_THUMBS: usize = 2;

/// The gallery for an article's photos.
#[component]
pub fn Gallery(photos: Vec<Image>) -> impl IntoView {
    let i18n = use_i18n();
    let total = photos.len();
    let photos = StoredValue::new(photos);
    // 0-based index of the open photo.
    let open = RwSignal::new(None::<usize>);
    let thumbs = StoredValue::new(Vec::<NodeRef<leptos::html::Button>>::new());
    let close_btn = NodeRef::<leptos::html::Button>::new();
    let dialog = NodeRef::<leptos::html::Div>::new();
    let navigate = use_navigate();
    let location = use_location();
    let query = use_query_map();

    // A shared link opens its photo.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            let wanted = query
                .with_untracked(|q| q.get("photo"))
                .and_then(|p| p.parse::<usize>().ok());
            if let Some(n) = wanted.filter(|n| (1..=total).contains(n)) {
                open.set(Some(n - 1));
            }
        }
    });
    // Keep the URL, focus and preloading in step with the open photo.
    Effect::new(move |previous: Option<Option<usize>>| {
        let now = open.get();
        let path = location.pathname.get_untracked();
        let url = match now {
            Some(i) => format!("{path}?photo={}", i + 1),
            None => path,
        };
        if previous.is_some() {
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
        match now {
            Some(i) => {
                if let Some(next) = photos.with_value(|p| {
                    p.get(cycle::next(i, total))
                        .and_then(|img| asset_url(&img.src))
                }) {
                    media::preload_image(&next);
                }
                if previous.flatten().is_none() {
                    if let Some(b) = close_btn.get() {
                        request_animation_frame(move || dom::focus(&b));
                    }
                }
            }
            None => {
                if let Some(Some(i)) = previous {
                    if let Some(b) = thumbs.with_value(|t| t.get(i).and_then(|r| r.get())) {
                        request_animation_frame(move || dom::focus(&b));
                    }
                }
            }
        }
        now
    });

    let step = move |delta: isize| {
        open.update(|o| {
            if let Some(i) = o {
                *i = cycle::step(*i, delta, total);
            }
        })
    };
    let swipe_from = StoredValue::new(None::<f64>);
    // Next is the way the edition reads: leftwards (key and swipe) in a right-to-left one.
    let rtl = crate::edition::is_rtl;
    // While the viewer is open it owns the arrow keys and Escape, wherever focus is.
    let _ = use_event_listener(use_window(), leptos::ev::keydown, move |ev| {
        if open.get_untracked().is_none() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => open.set(None),
            key => match cycle::arrow(key, rtl()) {
                Some(delta) => step(delta),
                None => return,
            },
        }
        ev.prevent_default();
    });

    let grid = photos.with_value(|p| {
        p.iter()
            .enumerate()
            .map(|(i, img)| {
                let button = NodeRef::<leptos::html::Button>::new();
                thumbs.update_value(|t| t.push(button));
                let alt = img.alt.clone();
                let label = move || {
                    t_string!(i18n, article.open_photo, number = i + 1, total = total, alt = &alt)
                        .to_string()
                };
                view! {
                    <li class="gallery__cell">
                        <button class="gallery__thumb" type="button" node_ref=button aria-label=label on:click=move |_| open.set(Some(i))>
                            <ContentImage image=img.clone() eager=i < EAGER_THUMBS sizes=sizes::GALLERY_THUMB />
                        </button>
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        <div class="gallery">
            <ul class="gallery__grid">{grid}</ul>
            {move || open.get().map(|i| {
                let img = photos.with_value(|p| p[i].clone());
                let caption = img.caption.clone();
                let credit = img.credit.clone();
                view! {
                    <div
                        class="lightbox"
                        role="dialog"
                        aria-modal="true"
                        aria-label=move || t_string!(i18n, article.photo_viewer)
                        // Focusable, so a click or swipe inside keeps keyboard focus in the dialog.
                        tabindex="-1"
                        node_ref=dialog
                        on:keydown=move |ev| {
                            if let Some(d) = dialog.get() {
                                dom::trap_tab(&ev, &d);
                            }
                        }
                        on:pointerdown=move |ev| swipe_from.set_value(Some(f64::from(ev.client_x())))
                        // A mouse drag on the photo would start a native image drag and cancel the swipe.
                        on:dragstart=move |ev| ev.prevent_default()
                        on:pointerup=move |ev| {
                            if let Some(x0) = swipe_from.get_value() {
                                let dx = f64::from(ev.client_x()) - x0;
                                if let Some(delta) = cycle::swipe(dx, rtl()) { step(delta) }
                            }
                            swipe_from.set_value(None);
                        }
                    >
                        <div class="lightbox__bar">
                            <p class="lightbox__counter" aria-live="polite">{move || crate::text::digits(&t_string!(i18n, article.progress, current = i + 1, total = total).to_string())}</p>
                            <button class="lightbox__close" type="button" node_ref=close_btn on:click=move |_| open.set(None)>{move || t_string!(i18n, article.close)}</button>
                        </div>
                        <figure class="lightbox__figure">
                            <ContentImage image=img eager=true class="lightbox__image" />
                            <Caption class="lightbox__caption" caption credit />
                        </figure>
                        <button class="lightbox__nav lightbox__nav--prev" type="button" aria-label=move || t_string!(i18n, article.previous_photo) on:click=move |_| step(-1)>"‹"</button>
                        <button class="lightbox__nav lightbox__nav--next" type="button" aria-label=move || t_string!(i18n, article.next_photo) on:click=move |_| step(1)>"›"</button>
                    </div>
                }
            })}
        </div>
    }
}
