//! The 404 page, for unknown routes and for content that does not exist.

use crate::components::page_meta::site_title;
use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use newsfront_model::href;

/// Route fallback.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound /> }
}

/// The not-found message (also shown by pages whose content file is missing).
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    // In the language of the edition the address names (the default one's for an unknown one).
    let lang = crate::edition::current().map_or_else(|| "en".to_string(), |e| e.language);
    view! {
        <Html attr:lang=lang />
        <Title text=t_string!(i18n, pages.not_found_title) formatter=site_title() />
        <Meta name="robots" content="noindex" />
        <section class="not-found">
            <h1 class="not-found__title">{move || t_string!(i18n, pages.not_found_title)}</h1>
            <p>{move || t_string!(i18n, pages.not_found_text)}</p>
            <p><a class="button" href=link(&href::home())>{move || t_string!(i18n, pages.go_to_front_page)}</a></p>
        </section>
    }
}
