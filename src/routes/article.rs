//! The article page: header, byline, hero, body and tags.

use crate::article::article_view::ArticleView;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use newsfront_model::{href, Article};

/// `/article/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let article = use_content::<Article>(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        href::content::article(&slug)
    });
    resource_view(article, |article| view! { <ArticleView article /> })
}
