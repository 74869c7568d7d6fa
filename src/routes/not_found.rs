//! The 404 page, for unknown routes and for content that does not exist.

use crate::edition::link;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
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
    view! {
        <Title text=t_string!(i18n, pages.not_found_title) />
        <Meta name="robots" content="noindex" />
        <section class="not-found">
            <h1 class="not-found__title">{t!(i18n, pages.not_found_title)}</h1>
            <p>{t!(i18n, pages.not_found_text)}</p>
            <p><a class="button" href=link(&href::home())>{t!(i18n, pages.go_to_front_page)}</a></p>
        </section>
    }
}
