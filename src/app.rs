//! The app root: site context and the page frame (masthead, `<main>` with the routes, footer).

use crate::components::deferred::{deferred_paced, deferred_sliced};
use crate::components::footer::{footer_chunk, preload_footer};
use crate::components::masthead::Masthead;
use crate::components::paced::paced;
use crate::data::{provide_most_read, provide_site};
use crate::edition::{provide_edition, provide_interface_language};
use crate::features::pwa::{provide_online, PwaLayer};
use crate::i18n::{t_string, use_i18n};
use crate::platform::idle::provide_idle;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link};
use leptos_router::components::Router;
use newsfront_model::edition;

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            // Paced: the frame's providers (the site's data decoded, the edition) run in a slice
            // of their own, not in the start-up's first one (`components::paced`).
            {paced(|| view! { <Frame /> }.into_any())}
        </Router>
    }
}

/// The page frame, with the routes (`crate::routes`) in its `<main>`.
#[component]
fn Frame() -> impl IntoView {
    // First, so its effect (the start of the idle wait) is queued before any view's.
    provide_idle();
    // Before anything that loads content: it says which edition's folder to read.
    let edition_context = provide_edition();
    provide_interface_language();
    let i18n = use_i18n();
    provide_site();
    let online = provide_online();
    provide_most_read();
    crate::features::saved::provide_saved();
    view! {
        // No `<Title>` here: the site name's formatter comes with each page's own
        // (`page_meta::site_title`), so the prerendered title stays until the page's is live.
        // The edition's direction on every page, the not-found one included (the language is
        // the page's own: `PageMeta`).
        <Html attr:dir=move || crate::edition::current().map_or("ltr", |e| e.direction.as_str()) />
        // The edition's web app manifest (written by the prerender step, so none in a debug
        // build): installing from an edition installs that edition.
        {move || (!cfg!(debug_assertions)).then(|| {
            let href = edition::localize(&edition_context.prefix.get(), edition::MANIFEST);
            view! { <Link rel="manifest" href /> }
        })}
        <a class="skip-link" href="#main">{move || t_string!(i18n, frame.skip_to_content)}</a>
        // Paced: the masthead's component bodies run in slices of their own, not in the first
        // one with the providers above (`components::paced`).
        {paced(|| view! { <Masthead /> }.into_any())}
        <main id="main" class="page" tabindex="-1">{routes_part()}</main>
        // Its code is fetched and hydrated once the page is idle, in slices
        // (`components::deferred`).
        {deferred_paced("site-footer", preload_footer, footer_chunk)}
        <PwaLayer online />
    }
}

/// The wrapper of the routes (`display: contents`, style/critical.css).
const ROUTES_PART: &str = "routes-part";

/// The routes, a deferred part (`crate::routes`): on a prerendered page to read, hydrated once
/// the page is idle or when the reader presses a control in them; on a page to use, as soon as
/// the page is hydrated.
fn routes_part() -> AnyView {
    let prerendered = cfg!(not(feature = "ssr")) && crate::platform::hydration::under_way();
    let at_once = crate::platform::hydration::at_once();
    let (view, live) = deferred_sliced(
        ROUTES_PART,
        crate::routes::preload_page,
        || crate::routes::routes_chunk(crate::routes::Part::Routes),
        at_once,
    );
    if prerendered {
        load_whole_on_navigation_before(live);
    }
    view
}

/// Until the prerendered routes are live, nothing could show another page in their place: a
/// navigation the router starts meanwhile (a link, a form, the masthead's menus; the router
/// changes the address only once the new page is there) loads the new address as a whole
/// page, which is prerendered too.
fn load_whole_on_navigation_before(live: Signal<bool>) {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |shown: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if shown.as_ref().is_some_and(|shown| *shown != now) && !live.get_untracked() {
            // The router's search has no `?`; its hash keeps its `#`.
            let (path, search) = &now;
            let query = if search.is_empty() { "" } else { "?" };
            let hash = location.hash.get_untracked();
            crate::platform::pwa::load_page(&format!("{path}{query}{search}{hash}"));
        }
        now
    });
}
