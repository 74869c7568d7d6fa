//! About, Privacy, Contact: simple pages from `pages/<slug>.json`.

use crate::article::body::ArticleBody;
use crate::components::page_meta::PageMeta;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use crate::edition::link;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use newsfront_model::{href, Page};

/// `/page/:slug`.
#[component]
pub fn StaticPage() -> impl IntoView {
    let params = use_params_map();
    let page = use_content::<Page>(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        href::content::page(&slug)
    });
    resource_view(page, |page| {
        view! {
            <PageMeta title=page.title.clone() description=page.title.clone() path=link(&href::page(&page.slug)) />
            <article class="static-page">
                <h1 class="static-page__title">{page.title}</h1>
                <ArticleBody blocks=page.body />
            </article>
        }
    })
}
