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
//!   its place in the tree (it sees the same context as a part hydrated at once), if that place
//!   is still there (the reader may have gone to another page meanwhile). The control
//!   pressed before is then clicked again, once the part's effects have run, so the press is
//!   not lost (within the browser's
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
use std::pin::Pin;

/// The part `load` returns (an entry point declared with `lazy::entry_point!`, whose chunk
/// `preload` fetches), in a `<div>` of class `class`, hydrated later (see the module).
///
/// The chunk is fetched first and the part's components run only if its place is still there:
/// a reader who has left the page meanwhile (a client-side navigation) must not have them run
/// under a disposed owner, where reading the page's signals would panic.
pub fn deferred<P, PFut, F, Fut>(class: &'static str, preload: P, load: F) -> AnyView
where
    P: FnOnce() -> PFut + Send + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    deferred_part(class, boxed(preload, load), Hydration::AtOnce, false).0
}

/// A deferred part as large as a page's content (the routes, `app::Frame`): hydrated later as
/// the page itself is, in slices (its `paced` parts may give the main thread back), with the
/// tasks its hydration spawns held until it is over (`platform::executor`), so no effect of a
/// part already hydrated runs half-way through. `at_once`: hydrated as soon as the page is,
/// without waiting for it to be idle. Also returns whether the part is live (hydrated or
/// built).
pub fn deferred_sliced<P, PFut, F, Fut>(
    class: &'static str,
    preload: P,
    load: F,
    at_once: bool,
) -> (AnyView, Signal<bool>)
where
    P: FnOnce() -> PFut + Send + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    deferred_part(
        class,
        boxed(preload, load),
        Hydration::Sliced { content: true },
        at_once,
    )
}

/// A small deferred part hydrated in slices, as `deferred_sliced` does (its `paced` parts may
/// give the main thread back, its tasks held until it is over), once the page is idle or a
/// control in it is pressed: for a part whose hydration is one long task otherwise (the
/// article's tools compile and run the code of four controls at once, the ticker that of its
/// lists and controls).
pub fn deferred_paced<P, PFut, F, Fut>(class: &'static str, preload: P, load: F) -> AnyView
where
    P: FnOnce() -> PFut + Send + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    deferred_part(
        class,
        boxed(preload, load),
        Hydration::Sliced { content: false },
        false,
    )
    .0
}

/// Waits for a chunk (`preload`, an entry point's) and then for a task of its own, so the code
/// that runs next (a part's hydration, the PWA layer's components) is not in the task that saw
/// the chunk arrive and finished compiling it: two shorter tasks where there was one long one
/// (Total Blocking Time counts each task's time beyond 50 ms). False when the chunk cannot be
/// fetched (offline, never cached).
pub async fn chunk_then_own_task(
    preload: impl Future<Output = Result<(), SplitLoaderError>>,
) -> bool {
    if preload.await.is_err() {
        return false;
    }
    crate::platform::idle::yield_now().await;
    true
}

/// Fetches a part's chunk.
type Preload =
    Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>> + Send>> + Send>;
/// Makes a part's view (its chunk fetched).
type Load = Box<
    dyn FnOnce() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>> + Send,
>;

/// A part's chunk fetch and its view, boxed: the machinery below is compiled once, not once
/// per part (a route each, `routes`).
struct Part {
    preload: Preload,
    load: Load,
}

fn boxed<P, PFut, F, Fut>(preload: P, load: F) -> Part
where
    P: FnOnce() -> PFut + Send + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    Part {
        preload: Box::new(move || Box::pin(preload())),
        load: Box::new(move || Box::pin(load())),
    }
}

/// How a deferred part is hydrated once its chunk is there.
#[derive(Clone, Copy)]
enum Hydration {
    /// In one go, in the task that found its chunk (a small part).
    AtOnce,
    /// In slices, as the page is (`deferred_sliced`, `deferred_paced`). `content`: the part
    /// is the page's content (the routes), whose end is the `nf:content` mark.
    Sliced {
        // Read in the browser only (natively a part is rendered in place).
        #[cfg_attr(feature = "ssr", allow(dead_code))]
        content: bool,
    },
}

fn deferred_part(
    class: &'static str,
    part: Part,
    how: Hydration,
    at_once: bool,
) -> (AnyView, Signal<bool>) {
    let Part { preload, load } = part;
    // Disposed with the owner of the part's place: `try_get_untracked` then says it is gone.
    let live = RwSignal::new(false);
    #[cfg(feature = "ssr")]
    {
        // Natively an entry point is a plain async function, ready at once.
        use futures::FutureExt;
        let _ = (preload, how, at_once);
        let part = load().now_or_never().and_then(Result::ok);
        (
            view! { <div class=class>{part}</div> }.into_any(),
            live.into(),
        )
    }
    #[cfg(not(feature = "ssr"))]
    {
        if crate::platform::hydration::under_way() {
            let view = hydrate_later(class, preload, load, live, how, at_once);
            return (view, live.into());
        }
        let view = view! {
            <div class=class data-live=move || live.get().then_some("")>
                {Suspend::new(async move {
                    if preload().await.is_err() || live.try_get_untracked().is_none() {
                        return ().into_any();
                    }
                    let part = load().await.unwrap_or_else(|_| ().into_any());
                    live.set(true);
                    part
                })}
            </div>
        }
        .into_any();
        (view, live.into())
    }
}

/// The wrapper, hydrated now; its content, when the page is idle or a control in it is pressed
/// (or once the page's own hydration is over, `at_once`).
#[cfg(not(feature = "ssr"))]
fn hydrate_later(
    class: &'static str,
    preload: Preload,
    load: Load,
    live: RwSignal<bool>,
    how: Hydration,
    at_once: bool,
) -> AnyView {
    use crate::platform::dom;
    use leptos::reactive::computed::ScopedFuture;
    use leptos::reactive::owner::Owner;
    use leptos::tachys::view::{Mountable, RenderHtml};

    let wrapper = NodeRef::<leptos::html::Div>::new();
    let idle = crate::platform::idle::use_idle();
    // A control the reader pressed before the part was live, to press again once it is.
    let pressed = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let wanted = RwSignal::new(false);
    if at_once {
        // Not before: the part's own hydration must not start while the page's is under way.
        crate::platform::hydration::after_hydration(move || {
            wanted.try_set(true);
        });
    }
    // Weak: the effect below lives in that owner, and a strong handle there would keep it (and
    // the page it owns, head tags included) alive after the reader has left the page.
    let owner = Owner::current().map(|owner| owner.downgrade());
    let pending = std::cell::Cell::new(Some((preload, load)));
    Effect::new(move |_| {
        if !(idle.get() || wanted.get()) {
            return;
        }
        let (Some((preload, load)), Some(owner)) = (pending.take(), owner.clone()) else {
            return;
        };
        // Wanted now: a press, or a part hydrated with the page (`at_once`).
        let wanted_now = wanted.get_untracked();
        leptos::task::spawn_local(async move {
            // Once the page is idle every deferred part asks for its chunk at once: each in a
            // task of its own (the split loader's work for a request is about a millisecond
            // here).
            if !wanted_now {
                crate::platform::idle::yield_now().await;
            }
            // The parts waiting for one chunk (the routes and the masthead's menus share
            // theirs) would otherwise all hydrate in the task that saw it arrive.
            if !chunk_then_own_task(preload()).await {
                return;
            }
            crate::platform::perf::mark(&format!("{} {class}", crate::platform::perf::PART));
            let Some(owner) = owner.upgrade() else {
                return;
            };
            // Gone meanwhile (the reader went to another page, another edition's frame).
            let Some(el) = wrapper
                .try_get_untracked()
                .flatten()
                .filter(|el| el.is_connected())
            else {
                return;
            };
            // The part's components run now, under the owner of its place, untracked (as a
            // component's body is): its chunk is there, so the future is ready at once.
            let Ok(part) = owner.with(|| ScopedFuture::new_untracked(load())).await else {
                return;
            };
            let mut state = match how {
                Hydration::AtOnce => owner.with(|| untrack(|| part.hydrate_from::<true>(&el))),
                Hydration::Sliced { content } => {
                    use leptos::tachys::hydration::Cursor;
                    use leptos::tachys::view::PositionState;
                    // Parts inside it that are deferred in turn are hydrated, not built.
                    crate::platform::hydration::begin();
                    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
                    crate::platform::executor::hold();
                    let state = owner
                        .with(|| {
                            ScopedFuture::new_untracked(async move {
                                part.hydrate_async(
                                    &Cursor::new((*el).clone().into()),
                                    &PositionState::default(),
                                )
                                .await
                            })
                        })
                        .await;
                    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
                    crate::platform::executor::release().await;
                    crate::platform::hydration::finished();
                    if content {
                        crate::platform::perf::mark(crate::platform::perf::CONTENT);
                    }
                    state
                }
            };
            // Gone while it hydrated (the sliced kind gives the main thread back).
            if live.try_get_untracked().is_none() {
                state.unmount();
                return;
            }
            // Kept for as long as the part's place (its reactive attributes and text update
            // through it), then unmounted with it: what it put elsewhere, the head's tags
            // (leptos_meta), goes too.
            let state = send_wrapper::SendWrapper::new(std::cell::RefCell::new(state));
            owner.with(|| on_cleanup(move || state.borrow_mut().unmount()));
            live.set(true);
            // Pressed again once the part's effects have run (they run as microtasks after
            // the hydration): what they set up (Share asks whether the device can share) is
            // what the press must see. A part hydrated while the routes are (the masthead's
            // menus come with their chunk) has its effects held until the routes are done
            // (`platform::executor`): the drawer's first run, which closes it, ran after the
            // press and undid it.
            if let Some(control) = pressed.try_update_value(Option::take).flatten() {
                crate::platform::hydration::after_hydration(move || {
                    crate::platform::idle::after_task(move || dom::click(&control))
                });
            }
        });
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if live.try_get_untracked() != Some(false) {
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
