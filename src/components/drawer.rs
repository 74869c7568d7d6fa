//! The mobile menu: a toggle button and a modal drawer with every section and region.
//! Focus moves into the drawer, is trapped while open, and returns to the toggle on close.

use crate::components::main_nav::nav_href;
use crate::edition;
use crate::i18n::{t_string, use_i18n};
use crate::platform::dom;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use newsfront_model::href;
use newsfront_model::site::{NavItem, Region};

/// Menu toggle plus drawer (shown on narrow screens only).
#[component]
pub fn Drawer(nav: Vec<NavItem>, regions: Vec<Region>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close_btn = NodeRef::<leptos::html::Button>::new();
    let panel = NodeRef::<leptos::html::Div>::new();

    // Any navigation closes the drawer.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        // Focus after the frame in which `hidden` changes: a hidden element cannot take focus.
        let target: Option<web_sys::HtmlElement> = if now {
            close_btn.get().map(|b| b.into())
        } else if was_open == Some(true) {
            toggle.get().map(|b| b.into())
        } else {
            None
        };
        if let Some(el) = target {
            request_animation_frame(move || dom::focus(&el));
        }
        now
    });

    let sections = nav
        .into_iter()
        .map(|item| {
            let link = nav_href(&item);
            let children = item
                .children
                .into_iter()
                .map(|c| view! { <li><a class="drawer__sublink" href=edition::link(&href::section(&c.slug))>{c.label}</a></li> })
                .collect_view();
            view! {
                <li class="drawer__item">
                    <a class="drawer__link" class:drawer__link--live=item.live href=link>{item.label}</a>
                    <ul class="drawer__sublist">{children}</ul>
                </li>
            }
        })
        .collect_view();
    let region_links = regions
        .into_iter()
        .map(|r| view! { <li><a class="drawer__sublink" href=edition::link(&href::region(&r.slug))>{r.label}</a></li> })
        .collect_view();

    view! {
        <button
            class="drawer__toggle"
            type="button"
            node_ref=toggle
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="site-drawer"
            on:click=move |_| open.set(true)
        >
            <span class="drawer__burger" aria-hidden="true"></span>
            {move || t_string!(i18n, frame.menu)}
        </button>
        <div class="drawer__backdrop" hidden=move || !open.get() on:click=move |_| open.set(false)></div>
        <div
            id="site-drawer"
            class="drawer"
            role="dialog"
            aria-modal="true"
            aria-label=move || t_string!(i18n, frame.site_menu)
            node_ref=panel
            hidden=move || !open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    open.set(false);
                } else if let Some(p) = panel.get() {
                    dom::trap_tab(&ev, &p);
                }
            }
        >
            <button class="drawer__close" type="button" node_ref=close_btn on:click=move |_| open.set(false)>
                {move || t_string!(i18n, frame.close_menu)}
            </button>
            <nav aria-label=move || t_string!(i18n, frame.all_sections) on:click=move |ev| if dom::is_link_click(&ev) { open.set(false) }>
                <ul class="drawer__list">{sections}</ul>
            </nav>
            <nav aria-label=move || t_string!(i18n, frame.all_regions) on:click=move |ev| if dom::is_link_click(&ev) { open.set(false) }>
                <h2 class="drawer__heading">{move || t_string!(i18n, frame.regions)}</h2>
                <ul class="drawer__sublist">{region_links}</ul>
            </nav>
        </div>
    }
}
