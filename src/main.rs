//! Browser entry point: panic hook, then hydrate the prerendered page or render from scratch.

use newsfront::platform::perf;

fn main() {
    perf::mark(perf::MAIN);
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    {
        let prerendered = newsfront::platform::hydration::start();
        perf::mark(perf::SNAPSHOT);
        if prerendered {
            leptos::mount::hydrate_body(newsfront::App);
            perf::mark(perf::HYDRATED);
            return;
        }
        // A prerendered file shown at another address (`?page=2` of a listing): its markup is
        // for a different page, so it is replaced rather than hydrated.
        newsfront::platform::dom::clear_prerendered_body();
    }
    leptos::mount::mount_to_body(newsfront::App);
    perf::mark(perf::HYDRATED);
}
