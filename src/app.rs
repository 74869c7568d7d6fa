//! The app root: site context, page frame (masthead, main, footer) and every route.

use crate::components::footer::Footer;
use crate::components::masthead::Masthead;
use crate::data::{provide_most_read, provide_site};
use crate::features::pwa::{provide_online, PwaLayer};
use crate::platform::idle::provide_idle;
use crate::routes::{
    article::ArticlePage, authors::AuthorsPage, home::HomePage, listing::ListingPage,
    live::LivePage, not_found::NotFoundPage, static_page::StaticPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use newsfront_model::ListKind;

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // First, so its effect (the start of the idle wait) is queued before any view's.
    provide_idle();
    let site = provide_site();
    let online = provide_online();
    provide_most_read();
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
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Masthead />
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/section/:slug") view=|| view! { <ListingPage kind=ListKind::Section /> } />
                    <Route path=path!("/region/:slug") view=|| view! { <ListingPage kind=ListKind::Region /> } />
                    <Route path=path!("/tag/:slug") view=|| view! { <ListingPage kind=ListKind::Tag /> } />
                    <Route path=path!("/topic/:slug") view=|| view! { <ListingPage kind=ListKind::Topic /> } />
                    <Route path=path!("/author/:slug") view=|| view! { <ListingPage kind=ListKind::Author /> } />
                    <Route path=path!("/authors") view=AuthorsPage />
                    <Route path=path!("/article/:slug") view=ArticlePage />
                    <Route path=path!("/page/:slug") view=StaticPage />
                    <Route path=path!("/live") view=LivePage />
                </Routes>
            </main>
            <Footer />
            <PwaLayer online />
        </Router>
    }
}
