//! Whether an element has come near the screen (an `IntersectionObserver`, through
//! `leptos_use::use_intersection_observer`), for a part of a page worth building only when the
//! reader gets close to it.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use::{use_intersection_observer_with_options, UseIntersectionObserverOptions};

/// How far outside the screen an element counts as near: about a phone screen, so what is built
/// then is there before the reader reaches it.
pub const MARGIN: &str = "800px";

/// A signal that turns true, once and for good, when `target` first comes within [`MARGIN`] of
/// the screen (the observer then stops). False while prerendering (no observer runs there).
pub fn use_near(target: NodeRef<Div>) -> Signal<bool> {
    let near = RwSignal::new(false);
    let observer = use_intersection_observer_with_options(
        target,
        move |entries, _| {
            if entries.iter().any(|e| e.is_intersecting()) && !near.get_untracked() {
                near.set(true);
            }
        },
        UseIntersectionObserverOptions::default().root_margin(MARGIN),
    );
    // Once near, nothing more to watch.
    let stop = observer.stop;
    Effect::new(move |_| {
        if near.get() {
            stop();
        }
    });
    near.into()
}
