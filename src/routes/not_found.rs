//! The 404 page, for unknown routes and for content that does not exist.

use crate::edition::link;
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
    view! {
        <Title text="Page not found" />
        <Meta name="robots" content="noindex" />
        <section class="not-found">
            <h1 class="not-found__title">"Page not found"</h1>
            <p>"The page you were looking for does not exist or has moved."</p>
            <p><a class="button" href=link(&href::home())>"Go to the front page"</a></p>
        </section>
    }
}
