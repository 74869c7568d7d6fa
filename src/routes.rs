//! The route table and one page per file; each page loads its data through `data::load` and
//! renders a view component.
//!
//! The route table is an entry point of its own ([`routes_chunk`], `crate::lazy`), the page's
//! `<main>` a deferred part (`components::deferred::deferred_sliced`, `app::Frame`): a
//! prerendered page is interactive with its frame (the masthead), and its routes (the router's
//! matching, the page's view) hydrate once the page is idle, or when the reader presses a
//! control in them. Pages to use (LIVE, saved, search) hydrate theirs with the page.
//!
//! Every route is a [`LazyRoute`] whose view comes from an entry point below: in the release
//! build, one wasm chunk per kind of page, fetched when such a page is first shown; a
//! prerendered page names its chunk (`Snapshot::entry`), fetched with the routes' own.

pub mod article;
pub mod authors;
pub mod home;
pub mod listing;
pub mod live;
pub mod not_found;
pub mod saved;
pub mod search;
pub mod static_page;

use crate::components::error_panel::ErrorPanel;
use crate::components::masthead::{menu_view, Menu};
use crate::components::paced::paced;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use crate::platform::pwa;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::{path, Lazy, LazyRoute};
use newsfront_model::{ContentError, ListKind};
use not_found::NotFoundPage;

/// The name of [`routes_chunk`] (what the prerender step looks its chunk files up by).
pub const ROUTES_ENTRY: &str = "routes_chunk";

/// What [`routes_chunk`] renders.
pub enum Part {
    /// The page's routes (`app::routes_part`).
    Routes,
    /// One of the masthead's menus (`components::masthead`). They come with the routes: both
    /// are hydrated once the page is idle, and the menus add no entry point of their own for
    /// wasm-split to combine with the others (docs/architecture.md, "The masthead's menus").
    Menu(Menu),
}

entry_point! {
    /// The routes of every edition: the default edition's at `/…`, each other edition's under
    /// its prefix (`/ar/…`), with the same views (`crate::edition`); or one of the masthead's
    /// menus.
    fn routes_chunk(part: Part) preload preload_routes {
        match part {
            Part::Menu(menu) => menu_view(menu),
            Part::Routes => routes_view(),
        }
    }
}

/// The route table.
fn routes_view() -> AnyView {
    // Paced: the routes' component bodies run in slices of their own
    // (`components::paced`).
    paced(|| view! {
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
    }.into_any()).into_any()
}

/// Fetches what a prerendered page's routes hydrate with: the routes' chunk and, alongside,
/// the page's own (`Snapshot::entry`; its route waits for it if it comes later). A failure of
/// the latter is left to the route, which asks again and shows the error.
pub async fn preload_page() -> Result<(), SplitLoaderError> {
    if let Some(entry) = crate::platform::hydration::entry() {
        leptos::task::spawn_local(async move { preload(&entry).await });
    }
    preload_routes().await
}

/// Loads the code of the entry point `entry` (a page's route, `Snapshot::entry`).
async fn preload(entry: &str) {
    let _ = match entry {
        "listing_chunk" => preload_listing().await,
        "article_chunk" => preload_article().await,
        "authors_chunk" => preload_authors().await,
        "static_chunk" => preload_static().await,
        "live_chunk" => preload_live().await,
        "saved_chunk" => preload_saved().await,
        "search_chunk" => preload_search().await,
        _ => Ok(()),
    };
}

entry_point! {
    /// The front page and the section, region, tag, topic and author pages (one list view).
    fn listing_chunk(kind: ListKind) preload preload_listing {
        match kind {
            ListKind::Home => view! { <home::HomePage /> }.into_any(),
            kind => view! { <listing::ListingPage kind /> }.into_any(),
        }
    }
}

entry_point! {
    /// Article pages.
    fn article_chunk() preload preload_article {
        view! { <article::ArticlePage /> }.into_any()
    }
}

entry_point! {
    /// The authors index.
    fn authors_chunk() preload preload_authors {
        view! { <authors::AuthorsPage /> }.into_any()
    }
}

entry_point! {
    /// About, Privacy, Contact.
    fn static_chunk() preload preload_static {
        view! { <static_page::StaticPage /> }.into_any()
    }
}

entry_point! {
    /// The LIVE page (player and updates feed).
    fn live_chunk() preload preload_live {
        view! { <live::LivePage /> }.into_any()
    }
}

entry_point! {
    /// The reader's saved articles.
    fn saved_chunk() preload preload_saved {
        view! { <saved::SavedPage /> }.into_any()
    }
}

entry_point! {
    /// Search (its Pagefind glue loads on the first query).
    fn search_chunk() preload preload_search {
        view! { <search::SearchPage /> }.into_any()
    }
}

/// What a route shows when its code could not be fetched; "Try again" reloads the page.
fn chunk_error(error: SplitLoaderError) -> AnyView {
    let message = error.to_string();
    view! { <ChunkError message /> }.into_any()
}

/// The error panel for [`chunk_error`], worded once it renders inside the app (where the
/// interface language is known).
#[component]
fn ChunkError(message: String) -> impl IntoView {
    let i18n = use_i18n();
    let error = ContentError::Network {
        url: t_string!(i18n, pages.chunk_code).to_string(),
        message,
    };
    view! { <ErrorPanel error retry=Callback::new(|_| pwa::reload()) /> }
}

/// A route whose view is one of the entry points above. `now`: a page to use, whose routes
/// hydrate with the page (`Snapshot::at_once`); `later`: a page to read, whose routes hydrate
/// once it is idle (`routes_chunk`).
macro_rules! lazy_route {
    ($(#[$doc:meta])* later $route:ident => $entry:expr, $preload:ident) => {
        lazy_route!(@route $(#[$doc])* false, $route => $entry, $preload);
    };
    ($(#[$doc:meta])* now $route:ident => $entry:expr, $preload:ident) => {
        lazy_route!(@route $(#[$doc])* true, $route => $entry, $preload);
    };
    (@route $(#[$doc:meta])* $at_once:literal, $route:ident => $entry:expr, $preload:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                // While prerendering, the preload records the entry point in the page
                // (`Snapshot::entry`), which the browser then loads with the routes' chunk
                // (flat routes do not preload on the server).
                #[cfg(feature = "ssr")]
                {
                    let _ = $preload().await;
                    if $at_once {
                        crate::prerender::record_at_once();
                    }
                }
                $entry.await.unwrap_or_else(chunk_error)
            }

            async fn preload() {
                // A failure shows when the view asks again (a failed fetch is not kept).
                let _ = $preload().await;
            }
        }
    };
}

/// A route's page under an edition's prefix (`/:edition/…`), or "not found" when the first
/// segment of the address names no edition (`/nonsense/`).
pub struct InEdition<R>(R);

impl<R: LazyRoute> LazyRoute for InEdition<R> {
    fn data() -> Self {
        InEdition(R::data())
    }

    async fn view(this: Self) -> AnyView {
        crate::edition::in_edition(R::view(this.0).await)
    }

    async fn preload() {
        R::preload().await
    }
}

// Pages to read hydrate their routes once idle; pages to use (LIVE's player and feed, the saved
// list, search's box) with the page.
lazy_route!(/** `/` */ later HomeRoute => listing_chunk(ListKind::Home), preload_listing);
lazy_route!(/** `/section/:slug` */ later SectionRoute => listing_chunk(ListKind::Section), preload_listing);
lazy_route!(/** `/region/:slug` */ later RegionRoute => listing_chunk(ListKind::Region), preload_listing);
lazy_route!(/** `/tag/:slug` */ later TagRoute => listing_chunk(ListKind::Tag), preload_listing);
lazy_route!(/** `/topic/:slug` */ later TopicRoute => listing_chunk(ListKind::Topic), preload_listing);
lazy_route!(/** `/author/:slug` */ later AuthorRoute => listing_chunk(ListKind::Author), preload_listing);
lazy_route!(/** `/article/:slug` */ later ArticleRoute => article_chunk(), preload_article);
lazy_route!(/** `/authors` */ later AuthorsRoute => authors_chunk(), preload_authors);
lazy_route!(/** `/page/:slug` */ later StaticRoute => static_chunk(), preload_static);
lazy_route!(/** `/live` */ now LiveRoute => live_chunk(), preload_live);
lazy_route!(/** `/saved` */ now SavedRoute => saved_chunk(), preload_saved);
lazy_route!(/** `/search` */ now SearchRoute => search_chunk(), preload_search);
