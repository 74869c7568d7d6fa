//! One page per file; each loads its data through `data::load` and renders a view component.
//!
//! Every route is a [`LazyRoute`] whose view comes from an entry point below
//! ([`crate::lazy`]): in the release build, one wasm chunk per kind of page, fetched when such a
//! page is first shown; a prerendered page loads its chunk before it hydrates (`preload`).

pub mod article;
pub mod authors;
pub mod home;
pub mod listing;
pub mod live;
pub mod not_found;
pub mod saved;
pub mod search;
pub mod static_page;

use crate::components::deferred::deferred_sliced;
use crate::components::error_panel::ErrorPanel;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use crate::platform::pwa;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;
use newsfront_model::{ContentError, ListKind};

/// Loads the code of the entry point a prerendered page names (`Snapshot::entry`) before the
/// page hydrates, so its hydration never waits on the network half-way.
/// A failure is left to the route, which asks again and shows the error.
pub async fn preload(entry: &str) {
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

/// A route whose view is one of the entry points above. `later`: a prerendered page of the
/// route hydrates its view after the rest of the page, once it is idle or when the reader
/// presses a control in it (`components::deferred`), so the page is interactive without the
/// route's code; `now`: with the page (its chunk preloaded first).
macro_rules! lazy_route {
    ($(#[$doc:meta])* later $route:ident => $entry:expr, $preload:ident) => {
        lazy_route!(@route $(#[$doc])* true, $route => $entry, $preload);
    };
    ($(#[$doc:meta])* now $route:ident => $entry:expr, $preload:ident) => {
        lazy_route!(@route $(#[$doc])* false, $route => $entry, $preload);
    };
    (@route $(#[$doc:meta])* $later:literal, $route:ident => $entry:expr, $preload:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                // Prerendered in its wrapper, hydrated later; built at once on a client-side
                // navigation. Its chunk is not named in the page (`Snapshot::entry`), so
                // nothing fetches it before the page is interactive.
                #[cfg(feature = "ssr")]
                let later = $later;
                #[cfg(not(feature = "ssr"))]
                let later = $later && crate::platform::hydration::under_way();
                if later {
                    return deferred_sliced(ROUTE_PART, $preload, move || $entry);
                }
                // While prerendering, the preload records the entry point in the page
                // (`Snapshot::entry`), which the browser then loads before it hydrates (flat
                // routes do not preload on the server).
                #[cfg(feature = "ssr")]
                let _ = $preload().await;
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

/// The wrapper of a route's view hydrated later (`display: contents`, style/critical.css).
const ROUTE_PART: &str = "route-part";

// Pages to read hydrate their content later; pages to use (LIVE's player and feed, the saved
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
