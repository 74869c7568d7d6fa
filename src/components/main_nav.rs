//! The desktop section menu: top-level links with submenus that open on hover, on their
//! toggle button, and close on Escape (focus returns to the toggle) or when focus leaves.
//! A submenu opened by its button stays open when the pointer leaves ("pinned"); clicking the
//! button of a menu that hover opened pins it rather than closing it under the pointer.

use crate::edition;
use crate::i18n::{t_string, use_i18n};
use crate::platform::dom;
use leptos::prelude::*;
use newsfront_model::href;
use newsfront_model::site::NavItem;

/// The horizontal section menu (hidden on narrow screens, where the drawer takes over).
#[component]
pub fn MainNav(nav: Vec<NavItem>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(None::<String>);
    let pinned = RwSignal::new(false);
    let items = nav
        .into_iter()
        .map(|item| view! { <NavEntry item open pinned /> })
        .collect_view();
    view! {
        <nav class="main-nav" aria-label=move || t_string!(i18n, frame.sections)>
            <ul class="main-nav__list">{items}</ul>
        </nav>
    }
}

/// Where a nav entry links: the LIVE page, or its section page.
pub fn nav_href(item: &NavItem) -> String {
    if item.live {
        edition::link(&href::live())
    } else {
        edition::link(&href::section(&item.slug))
    }
}

#[component]
fn NavEntry(
    item: NavItem,
    open: RwSignal<Option<String>>,
    pinned: RwSignal<bool>,
) -> impl IntoView {
    let link = nav_href(&item);
    let NavItem {
        slug,
        label,
        children,
        live,
        ..
    } = item;
    let link_class = if live {
        "main-nav__link main-nav__link--live"
    } else {
        "main-nav__link"
    };
    if children.is_empty() {
        return view! { <li class="main-nav__item"><a class=link_class href=link>{label}</a></li> }
            .into_any();
    }
    let toggle = NodeRef::<leptos::html::Button>::new();
    let menu_id = format!("submenu-{slug}");
    let key = StoredValue::new(slug);
    let is_open = Memo::new(move |_| key.with_value(|k| open.get().as_deref() == Some(k.as_str())));
    let show = move |pin: bool| {
        open.set(Some(key.get_value()));
        pinned.set(pin);
    };
    let close = move || {
        open.set(None);
        pinned.set(false);
    };
    let sub = children
        .into_iter()
        .map(|c| view! { <li><a class="main-nav__sublink" href=edition::link(&href::section(&c.slug))>{c.label}</a></li> })
        .collect_view();
    let i18n = use_i18n();
    let section = label.clone();
    let toggle_label = move || t_string!(i18n, frame.submenu, section = &section).to_string();
    view! {
        <li
            class="main-nav__item main-nav__item--parent"
            on:mouseenter=move |_| if !is_open.get_untracked() { show(false) }
            on:mouseleave=move |_| if !pinned.get_untracked() { close() }
            on:focusout=move |ev| if dom::focus_left(&ev) && is_open.get_untracked() { close() }
            on:keydown=move |ev| {
                if ev.key() == "Escape" && is_open.get_untracked() {
                    ev.prevent_default();
                    close();
                    if let Some(btn) = toggle.get() { dom::focus(&btn) }
                }
            }
        >
            <a class="main-nav__link" href=link>{label}</a>
            <button
                class="main-nav__toggle"
                type="button"
                node_ref=toggle
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                aria-label=toggle_label
                on:click=move |_| if is_open.get_untracked() && pinned.get_untracked() { close() } else { show(true) }
            >
                <span aria-hidden="true" class="main-nav__chevron"></span>
            </button>
            <ul id=menu_id class="main-nav__submenu" class:main-nav__submenu--open=move || is_open.get()>{sub}</ul>
        </li>
    }
    .into_any()
}
