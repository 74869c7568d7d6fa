//! The app root: site context, page frame (masthead, main, footer) and every route.

use crate::components::deferred::deferred;
use crate::components::footer::{footer_chunk, preload_footer};
use crate::components::masthead::Masthead;
use crate::components::paced::paced;
use crate::data::{provide_most_read, provide_site};
use crate::edition::{provide_edition, provide_interface_language};
use crate::features::pwa::{provide_online, PwaLayer};
use crate::i18n::{t_string, use_i18n};
use crate::platform::idle::provide_idle;
use crate::routes::{
    not_found::NotFoundPage, ArticleRoute, AuthorRoute, AuthorsRoute, HomeRoute, InEdition,
    LiveRoute, RegionRoute, SavedRoute, SearchRoute, SectionRoute, StaticRoute, TagRoute,
    TopicRoute,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{path, Lazy};
use newsfront_model::edition;

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Frame />
        </Router>
    }
}

/// The page frame and the routes of every edition: the default edition's at `/…`, each other
/// edition's under its prefix (`/ar/…`), with the same views (`crate::edition`).
#[component]
fn Frame() -> impl IntoView {
    // First, so its effect (the start of the idle wait) is queued before any view's.
    provide_idle();
    // Before anything that loads content: it says which edition's folder to read.
    let edition_context = provide_edition();
    provide_interface_language();
    let i18n = use_i18n();
    let site = provide_site();
    let online = provide_online();
    provide_most_read();
    crate::features::saved::provide_saved();
    let site_name = move || {
        site.get()
            .and_then(Result::ok)
            .map(|s| s.name)
            .unwrap_or_default()
    };
    view! {
        <Title formatter=move |page: String| {
            let name = site_name();
            if page.is_empty() || page == name { name } else { format!("{page} | {name}") }
        } />
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
        // Paced too: the masthead's and the routes' component bodies run in slices of their
        // own, not in the first one with the providers above (`components::paced`).
        {paced(|| view! { <Masthead /> }.into_any())}
        <main id="main" class="page" tabindex="-1">{paced(|| view! {
            // Flat routes: a route's page hydrates through Leptos's async path, where the
            // `Paced` parts of a page can give the main thread back (`components::paced`).
            <FlatRoutes fallback=NotFoundPage>
                <Route path=path!("/") view={Lazy::<HomeRoute>::new()} />
                <Route path=path!("/section/:slug") view={Lazy::<SectionRoute>::new()} />
                <Route path=path!("/region/:slug") view={Lazy::<RegionRoute>::new()} />
                <Route path=path!("/tag/:slug") view={Lazy::<TagRoute>::new()} />
                <Route path=path!("/topic/:slug") view={Lazy::<TopicRoute>::new()} />
                <Route path=path!("/author/:slug") view={Lazy::<AuthorRoute>::new()} />
                <Route path=path!("/authors") view={Lazy::<AuthorsRoute>::new()} />
                <Route path=path!("/article/:slug") view={Lazy::<ArticleRoute>::new()} />
                <Route path=path!("/page/:slug") view={Lazy::<StaticRoute>::new()} />
                <Route path=path!("/live") view={Lazy::<LiveRoute>::new()} />
                <Route path=path!("/saved") view={Lazy::<SavedRoute>::new()} />
                <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} />
                // The web server's not-found page, prerendered (not an edition's front page).
                <Route path=path!("/404.html") view=NotFoundPage />
                // Matched after the routes above (`/live` is the LIVE page, not an edition): the
                // same pages under an edition's prefix, or "not found" for a prefix that names
                // no edition (`InEdition`).
                <Route path=path!("/:edition") view={Lazy::<InEdition<HomeRoute>>::new()} />
                <Route path=path!("/:edition/section/:slug") view={Lazy::<InEdition<SectionRoute>>::new()} />
                <Route path=path!("/:edition/region/:slug") view={Lazy::<InEdition<RegionRoute>>::new()} />
                <Route path=path!("/:edition/tag/:slug") view={Lazy::<InEdition<TagRoute>>::new()} />
                <Route path=path!("/:edition/topic/:slug") view={Lazy::<InEdition<TopicRoute>>::new()} />
                <Route path=path!("/:edition/author/:slug") view={Lazy::<InEdition<AuthorRoute>>::new()} />
                <Route path=path!("/:edition/authors") view={Lazy::<InEdition<AuthorsRoute>>::new()} />
                <Route path=path!("/:edition/article/:slug") view={Lazy::<InEdition<ArticleRoute>>::new()} />
                <Route path=path!("/:edition/page/:slug") view={Lazy::<InEdition<StaticRoute>>::new()} />
                <Route path=path!("/:edition/live") view={Lazy::<InEdition<LiveRoute>>::new()} />
                <Route path=path!("/:edition/saved") view={Lazy::<InEdition<SavedRoute>>::new()} />
                <Route path=path!("/:edition/search") view={Lazy::<InEdition<SearchRoute>>::new()} />
            </FlatRoutes>
        }.into_any())}</main>
        // Its code is fetched and hydrated once the page is idle (`components::deferred`).
        {deferred("site-footer", preload_footer, footer_chunk)}
        <PwaLayer online />
    }
}
