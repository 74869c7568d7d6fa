//! An infographic viewer: zoom and pan (buttons, keyboard, drag, pinch), a full-resolution
//! download link, and the long text description that screen readers reach.

use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::data::asset_url;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::zoom::{Pinch, ZoomAction, ZoomView};
use newsfront_model::Image;
use std::collections::HashMap;

/// The tall image in a zoomable frame, with its controls and description.
#[component]
pub fn InfographViewer(image: Image) -> impl IntoView {
    let i18n = use_i18n();
    let zoom = RwSignal::new(ZoomView::default());
    // A memo, so panning (which keeps the level) does not re-announce it in the live region.
    let level = Memo::new(move |_| zoom.get().percent());
    // Only a change notifies, so a drag at the natural size re-renders nothing.
    let change = move |f: &dyn Fn(ZoomView) -> ZoomView| {
        let before = zoom.get_untracked();
        let after = f(before);
        if after != before {
            zoom.set(after);
        }
    };
    let act = move |action: ZoomAction| change(&|z| z.apply(action));
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let pinch = StoredValue::new(None::<Pinch>);
    let download = asset_url(&image.src);
    let description = image.long_description.clone();
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    view! {
        <figure class="infograph">
            <div class="infograph__toolbar" role="toolbar" aria-label=move || t_string!(i18n, article.zoom)>
                <button class="infograph__button" type="button" aria-label=move || t_string!(i18n, article.zoom_in) on:click=move |_| act(ZoomAction::ZoomIn)>"+"</button>
                <button class="infograph__button" type="button" aria-label=move || t_string!(i18n, article.zoom_out) on:click=move |_| act(ZoomAction::ZoomOut)>"−"</button>
                <button class="infograph__button" type="button" aria-label=move || t_string!(i18n, article.reset_zoom) on:click=move |_| act(ZoomAction::Reset)>{move || t_string!(i18n, article.reset)}</button>
                <span class="infograph__level" aria-live="polite">{move || level.get()}</span>
                {download.map(|href| view! { <a class="infograph__download" href=href download="">{move || t_string!(i18n, article.download_full_resolution)}</a> })}
            </div>
            <div
                class="infograph__viewport"
                tabindex="0"
                role="group"
                aria-label=move || t_string!(i18n, article.infographic_help)
                aria-describedby=description.as_ref().map(|_| "infograph-description")
                on:keydown=move |ev| {
                    if let Some(action) = ZoomAction::for_key(&ev.key()) {
                        act(action);
                        ev.prevent_default();
                    }
                }
                on:pointerdown=move |ev| {
                    pointers.update_value(|p| { p.insert(ev.pointer_id(), (f64::from(ev.client_x()), f64::from(ev.client_y()))); });
                }
                on:pointermove=move |ev| {
                    let id = ev.pointer_id();
                    let now = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                    let Some(before) = pointers.with_value(|p| p.get(&id).copied()) else { return };
                    pointers.update_value(|p| { p.insert(id, now); });
                    let all: Vec<(f64, f64)> = pointers.with_value(|p| p.values().copied().collect());
                    if let [a, b, ..] = all[..] {
                        match pinch.get_value() {
                            Some(p) => change(&|z| z.with_scale(p.scale_at(a, b))),
                            None => pinch.set_value(Some(Pinch::start(a, b, zoom.get_untracked().scale))),
                        }
                    } else {
                        change(&|z| z.drag(now.0 - before.0, now.1 - before.1));
                    }
                }
                on:pointerup=move |ev| {
                    pointers.update_value(|p| { p.remove(&ev.pointer_id()); });
                    pinch.set_value(None);
                }
                on:pointercancel=move |ev| {
                    pointers.update_value(|p| { p.remove(&ev.pointer_id()); });
                    pinch.set_value(None);
                }
            >
                <div class="infograph__canvas" style=move || zoom.get().style()>
                    <ContentImage image=image eager=true sizes=sizes::ARTICLE_COLUMN />
                </div>
            </div>
            <Caption class="article__caption" caption credit />
            {description.map(|d| view! {
                <details class="infograph__description" open>
                    <summary>{move || t_string!(i18n, article.graphic_description)}</summary>
                    <p id="infograph-description">{d}</p>
                </details>
            })}
        </figure>
    }
}
