//! Browser entry point: panic hook, then hydrate the prerendered page or render from scratch.

use newsfront::platform::perf;

fn main() {
    perf::mark(perf::MAIN);
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    {
        // (wasm-bindgen-futures drives it.) The instantiation ends its task first: the snapshot
        // (decoding the site-wide files the page was rendered from) starts a task of its own.
        wasm_bindgen_futures::spawn_local(async {
            newsfront::platform::idle::yield_now().await;
            start().await;
        });
    }
    #[cfg(not(feature = "hydrate"))]
    {
        leptos::mount::mount_to_body(newsfront::App);
        perf::mark(perf::HYDRATED);
    }
}

/// Hydrates the prerendered page, or renders the app afresh where there is none to hydrate.
#[cfg(feature = "hydrate")]
async fn start() {
    let prerendered = newsfront::platform::hydration::start();
    perf::mark(perf::SNAPSHOT);
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    if !prerendered {
        // A prerendered file shown at another address (`?page=2` of a listing): its markup is
        // for a different page, so it is replaced rather than hydrated.
        newsfront::platform::dom::clear_prerendered_body();
        leptos::mount::mount_to_body(newsfront::App);
        perf::mark(perf::HYDRATED);
        return;
    }
    // The routes are a part hydrated after the page (routes.rs), which fetches their chunks
    // itself (a page to use has the loader preload them). Hydration gives the main thread back
    // between parts of the page (`components::paced`); the tasks Leptos spawns meanwhile
    // (effects, resources) wait for its end, then run in slices too (`platform::executor`); the
    // work waiting for the hydration starts after them.
    newsfront::platform::hydration::begin();
    newsfront::platform::executor::hold();
    // The work so far (the snapshot) ends its task here; hydration
    // starts a task and a slice of its own.
    newsfront::platform::idle::yield_now().await;
    let handle = leptos::mount::hydrate_from_async(body, newsfront::App).await;
    handle.forget();
    perf::mark(perf::HYDRATED);
    newsfront::platform::executor::release().await;
    newsfront::platform::hydration::finished();
}
