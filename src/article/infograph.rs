//! An infographic viewer: zoom and pan (buttons, keyboard, drag, pinch), a full-resolution
//! download link, and the long text description that screen readers reach.

use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::data::asset_url;
use leptos::prelude::*;
use newsfront_model::Image;
use std::collections::HashMap;

const MIN_SCALE: f64 = 1.0;
const MAX_SCALE: f64 = 4.0;
const PAN_STEP: f64 = 60.0;

/// The tall image in a zoomable frame, with its controls and description.
#[component]
pub fn InfographViewer(image: Image) -> impl IntoView {
    let scale = RwSignal::new(1.0f64);
    let offset = RwSignal::new((0.0f64, 0.0f64));
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let pinch_from = StoredValue::new(None::<(f64, f64)>);
    let zoom = move |factor: f64| {
        scale.update(|s| *s = (*s * factor).clamp(MIN_SCALE, MAX_SCALE));
        if scale.get_untracked() <= MIN_SCALE {
            offset.set((0.0, 0.0));
        }
    };
    let pan = move |dx: f64, dy: f64| {
        offset.update(|(x, y)| {
            *x += dx;
            *y += dy;
        })
    };
    let reset = move || {
        scale.set(1.0);
        offset.set((0.0, 0.0));
    };
    let transform = move || {
        let (x, y) = offset.get();
        format!("transform: translate({x}px, {y}px) scale({})", scale.get())
    };
    let download = asset_url(&image.src);
    let description = image.long_description.clone();
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    view! {
        <figure class="infograph">
            <div class="infograph__toolbar" role="toolbar" aria-label="Zoom">
                <button class="infograph__button" type="button" aria-label="Zoom in" on:click=move |_| zoom(1.5)>"+"</button>
                <button class="infograph__button" type="button" aria-label="Zoom out" on:click=move |_| zoom(1.0 / 1.5)>"−"</button>
                <button class="infograph__button" type="button" aria-label="Reset zoom" on:click=move |_| reset()>"Reset"</button>
                <span class="infograph__level" aria-live="polite">{move || format!("{:.0}%", scale.get() * 100.0)}</span>
                {download.map(|href| view! { <a class="infograph__download" href=href download="">"Download full resolution"</a> })}
            </div>
            <div
                class="infograph__viewport"
                tabindex="0"
                role="group"
                aria-label="Infographic: use + and − to zoom, arrow keys to pan, 0 to reset"
                aria-describedby=description.as_ref().map(|_| "infograph-description")
                on:keydown=move |ev| {
                    let handled = match ev.key().as_str() {
                        "+" | "=" => { zoom(1.5); true }
                        "-" | "_" => { zoom(1.0 / 1.5); true }
                        "0" => { reset(); true }
                        "ArrowLeft" => { pan(PAN_STEP, 0.0); true }
                        "ArrowRight" => { pan(-PAN_STEP, 0.0); true }
                        "ArrowUp" => { pan(0.0, PAN_STEP); true }
                        "ArrowDown" => { pan(0.0, -PAN_STEP); true }
                        _ => false,
                    };
                    if handled { ev.prevent_default() }
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
                    if all.len() >= 2 {
                        let d = ((all[0].0 - all[1].0).powi(2) + (all[0].1 - all[1].1).powi(2)).sqrt();
                        if let Some((d0, s0)) = pinch_from.get_value() {
                            scale.set((s0 * d / d0.max(1.0)).clamp(MIN_SCALE, MAX_SCALE));
                        } else {
                            pinch_from.set_value(Some((d, scale.get_untracked())));
                        }
                    } else if scale.get_untracked() > MIN_SCALE {
                        pan(now.0 - before.0, now.1 - before.1);
                    }
                }
                on:pointerup=move |ev| {
                    pointers.update_value(|p| { p.remove(&ev.pointer_id()); });
                    pinch_from.set_value(None);
                }
                on:pointercancel=move |ev| {
                    pointers.update_value(|p| { p.remove(&ev.pointer_id()); });
                    pinch_from.set_value(None);
                }
            >
                <div class="infograph__canvas" style=transform>
                    <ContentImage image=image eager=true sizes="(min-width: 1100px) 720px, 100vw" />
                </div>
            </div>
            <Caption class="article__caption" caption credit />
            {description.map(|d| view! {
                <details class="infograph__description" open>
                    <summary>"What the graphic shows"</summary>
                    <p id="infograph-description">{d}</p>
                </details>
            })}
        </figure>
    }
}
