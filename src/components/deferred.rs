//! Deferred hydration: a part of the page that is there, prerendered, from the first paint, but
//! whose code is a chunk of its own (`crate::lazy`), fetched and hydrated once the page is idle
//! or when the reader first presses one of its controls. A page does not download, compile or
//! run it before it is interactive.
//!
//! - **Prerendered**, the part is rendered in place inside its wrapper (`<div class=…>`).
//! - **Hydrating** a prerendered page, the wrapper is hydrated without its content (an element
//!   with no child views is not walked into), so the part stays as the build rendered it. When
//!   the hydrated page is idle (`platform::idle`), or at once when the reader clicks a control
//!   in it, the chunk is fetched and the part is hydrated inside the wrapper, under the owner of
//!   its place in the tree (it sees the same context as a part hydrated at once). The control
//!   pressed before is then clicked again, so the press is not lost (within the browser's
//!   user-activation window, which speech, sharing and the clipboard need). Links work before,
//!   as plain links. The wrapper gets `data-live` once the part is hydrated. If the chunk
//!   cannot be fetched (offline, never cached) the part stays as it was rendered.
//! - **Built** (a client-side render: the app shell, a client-side navigation), the part is
//!   rendered inside the wrapper once its chunk has arrived (at once when it is cached).
//!
//! The part must render the same markup later as the build did: it reads the page's snapshot
//! and the build's clock, as a part hydrated at once would, and what only the browser knows
//! (the device's saved articles, its voices) only in its effects: hydrated late, state the app
//! loaded meanwhile would otherwise not match the markup (`features::saved::SaveButton`).

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// The part `load` returns (an entry point declared with `lazy::entry_point!`), in a `<div>` of
/// class `class`, hydrated later (see the module).
pub fn deferred<F, Fut>(class: &'static str, load: F) -> AnyView
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    #[cfg(feature = "ssr")]
    {
        // Natively an entry point is a plain async function, ready at once.
        let part = ready(load()).and_then(Result::ok);
        view! { <div class=class>{part}</div> }.into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let live = RwSignal::new(false);
        if crate::platform::hydration::under_way() {
            return hydrate_later(class, load, live);
        }
        view! {
            <div class=class data-live=move || live.get().then_some("")>
                {Suspend::new(async move {
                    let part = load().await.unwrap_or_else(|_| ().into_any());
                    live.set(true);
                    part
                })}
            </div>
        }
        .into_any()
    }
}

/// The wrapper, hydrated now; its content, when the page is idle or a control in it is pressed.
#[cfg(not(feature = "ssr"))]
fn hydrate_later<F, Fut>(class: &'static str, load: F, live: RwSignal<bool>) -> AnyView
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    use crate::platform::dom;
    use leptos::reactive::computed::ScopedFuture;
    use leptos::reactive::owner::Owner;
    use leptos::tachys::view::RenderHtml;

    let wrapper = NodeRef::<leptos::html::Div>::new();
    let idle = crate::platform::idle::use_idle();
    // A control the reader pressed before the part was live, to press again once it is.
    let pressed = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let wanted = RwSignal::new(false);
    let owner = Owner::current();
    let pending = std::cell::Cell::new(Some(load));
    Effect::new(move |_| {
        if !(idle.get() || wanted.get()) {
            return;
        }
        let (Some(load), Some(owner)) = (pending.take(), owner.clone()) else {
            return;
        };
        // The part's components run under the owner of its place, untracked (as a component's
        // body is), once the chunk has arrived.
        let part = owner.with(|| ScopedFuture::new_untracked(load()));
        leptos::task::spawn_local(async move {
            let Ok(part) = part.await else {
                return;
            };
            // Gone meanwhile (another edition's frame replaced this one).
            let Some(el) = wrapper.get_untracked().filter(|el| el.is_connected()) else {
                return;
            };
            owner.with(|| {
                let state = untrack(|| part.hydrate_from::<true>(&el));
                // Kept for as long as the part's place: its reactive attributes and text
                // update through it.
                StoredValue::new_local(state);
            });
            live.set(true);
            if let Some(control) = pressed.try_update_value(Option::take).flatten() {
                dom::click(&control);
            }
        });
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if live.get_untracked() {
            return;
        }
        if let Some(control) = dom::clicked_control(&ev) {
            pressed.set_value(Some(control));
            wanted.set(true);
        }
    };
    view! {
        <div class=class node_ref=wrapper data-live=move || live.get().then_some("") on:click=on_click></div>
    }
    .into_any()
}

/// The output of a future that is ready when first polled (natively, an entry point).
#[cfg(feature = "ssr")]
fn ready<T>(fut: impl Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let mut fut = std::pin::pin!(fut);
    match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
