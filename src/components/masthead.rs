//! The masthead: edition and social links, logo and slogan, menus.

use crate::components::content_image::ContentImage;
use crate::components::deferred::{deferred, deferred_paced};
use crate::components::drawer::Drawer;
use crate::components::error_panel::ErrorPanel;
use crate::components::main_nav::MainNav;
use crate::components::region_nav::RegionNav;
use crate::data::{use_site, SiteResource};
use crate::edition::{self, link};
use crate::features::saved::SavedLink;
use crate::features::search_entry::SearchEntry;
use crate::features::ticker::{preload_ticker, ticker_chunk};
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use crate::platform::dom;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use newsfront_model::layout::sizes;
use newsfront_model::site::{NavItem, Network, Region};
use newsfront_model::{href, ContentError, SiteFrame};

/// The site header on every page. Until `site.json` arrives the static boot masthead from
/// `index.html` (same size) stays on screen; then this one replaces it.
#[component]
pub fn Masthead() -> impl IntoView {
    let site = use_context::<SiteResource>().map(|r| r.0);
    let state = move || site.and_then(|s| s.get());
    Effect::new(move |_| {
        if state().is_some() {
            dom::remove_boot_shell();
        }
    });
    view! {
        <header class="masthead">
            {move || match state() {
                Some(Ok(site)) => view! { <MastheadContent site=site.frame /> }.into_any(),
                // The panel's code (shared with the pages' errors) is a chunk of its own: no
                // page that has its site needs it.
                Some(Err(error)) => view! {
                    <div class="masthead__placeholder">
                        {deferred(
                            "error-panel error-panel--masthead",
                            preload_site_error,
                            move || site_error_chunk(error),
                        )}
                    </div>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </header>
    }
}

/// The masthead for a loaded site (also used directly by component tests).
#[component]
pub fn MastheadContent(site: SiteFrame) -> impl IntoView {
    let SiteFrame {
        name,
        slogan,
        editions,
        social,
        nav,
        regions,
        ticker,
        ..
    } = site;
    let i18n = use_i18n();
    let location = use_location();
    let edition_links = editions
        .into_iter()
        .filter_map(|e| {
            let url = href::safe_url(&e.url)?;
            // Another edition's front page, or the same story there once the page says so.
            let target = move || edition::switch_target(&url, &location.pathname.get());
            Some(view! { <li><a href=target lang=e.language.clone() hreflang=e.language title=e.title>{e.label}</a></li> })
        })
        .collect_view();
    let social_links = social
        .into_iter()
        .filter_map(|s| {
            let url = href::safe_url(&s.url)?;
            Some(view! { <li><a href=url rel="noopener"><span aria-hidden="true">{social_glyph(&s.network)}</span><span class="visually-hidden">{s.label}</span></a></li> })
        })
        .collect_view();
    let logo_alt = name.clone();
    view! {
        <div class="masthead__top">
            <nav class="masthead__editions" aria-label=move || t_string!(i18n, frame.editions)><ul>{edition_links}</ul></nav>
            <div class="masthead__tools">
                // The menus are links and forms that work without code; their code comes with
                // the routes' once the page is idle, or at once on a press, which is then
                // replayed. Until then CSS opens a submenu on hover and on focus.
                {menu_part("masthead__menus-part", Menu::Search)}
                // A link that works without code; its count (read from the device once
                // mounted) comes with its chunk, once the page is idle.
                {deferred("masthead__saved-part", preload_saved_link, saved_link_chunk)}
            </div>
            <ul class="masthead__social">{social_links}</ul>
        </div>
        <div class="masthead__brand">
            {menu_part("masthead__menus-part", Menu::Drawer(nav.clone(), regions.clone()))}
            <a class="masthead__logo" href=link(&href::home())>
                // An image with nothing to do once hydrated: its code (shared with every
                // picture in a page's content) is hydrated once the page is idle.
                {deferred("masthead__logo-part", preload_logo, move || logo_chunk(logo_alt))}
            </a>
            <p class="masthead__slogan">{slogan}</p>
        </div>
        {menu_part("masthead__menus-part masthead__menus-part--sections", Menu::Sections(nav))}
        {menu_part("masthead__menus-part masthead__menus-part--regions", Menu::Regions(regions))}
        // Its code is fetched and hydrated once the page is idle: no page waits for it.
        {deferred_paced("masthead__ticker", preload_ticker, move || ticker_chunk(ticker))}
    }
}

/// One of the masthead's menus: its code comes with the routes' (`routes::routes_chunk`).
pub enum Menu {
    /// The search box behind its toggle.
    Search,
    /// The mobile menu: its toggle and drawer.
    Drawer(Vec<NavItem>, Vec<Region>),
    /// The desktop section menu.
    Sections(Vec<NavItem>),
    /// The region row.
    Regions(Vec<Region>),
}

/// A menu's view (in the routes' chunk).
pub fn menu_view(menu: Menu) -> AnyView {
    match menu {
        Menu::Search => view! { <SearchEntry /> }.into_any(),
        Menu::Drawer(nav, regions) => view! { <Drawer nav regions /> }.into_any(),
        Menu::Sections(nav) => view! { <MainNav nav /> }.into_any(),
        Menu::Regions(regions) => view! { <RegionNav regions /> }.into_any(),
    }
}

/// A menu as a deferred part, hydrated with the routes' chunk (see `MastheadContent`), in a
/// wrapper of class `class` (style/critical.css: the rows keep their height while a page
/// built in the browser waits for the chunk).
fn menu_part(class: &'static str, menu: Menu) -> AnyView {
    deferred(class, routes::preload_routes, move || {
        routes::routes_chunk(routes::Part::Menu(menu))
    })
}

entry_point! {
    /// The link to the Saved page, with the number of articles saved on this device.
    fn saved_link_chunk() preload preload_saved_link {
        view! { <SavedLink /> }.into_any()
    }
}

entry_point! {
    /// What the masthead says when `site.json` cannot be read.
    fn site_error_chunk(error: ContentError) preload preload_site_error {
        view! { <ErrorPanel error /> }.into_any()
    }
}

entry_point! {
    /// The outlet's logo (`ContentImage`: its variants, formats and CDN), from the whole
    /// `site.json` (`SiteFile::site`; none when it does not decode, which the footer says).
    fn logo_chunk(alt: String) preload preload_logo {
        let logo = use_site().get_untracked().map(|site| site.logo);
        logo.map(|logo| view! { <ContentImage image=logo alt eager=true sizes=sizes::LOGO /> })
            .into_any()
    }
}

/// The masthead icon for a network; a network this version does not know gets a generic arrow.
fn social_glyph(network: &Network) -> &'static str {
    match network {
        Network::X => "𝕏",
        Network::Youtube => "▶",
        Network::Facebook => "f",
        Network::Instagram => "◎",
        Network::Telegram => "✈",
        Network::Other(_) => "↗",
    }
}
