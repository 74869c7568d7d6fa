//! Section, region, tag, topic and author pages: one paginated list file each.

use crate::components::listing_view::ListingView;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use newsfront_model::{href, ListKind, ListPage};

/// `/section/:slug`, `/region/:slug`, `/tag/:slug`, `/topic/:slug`, `/author/:slug`.
#[component]
pub fn ListingPage(kind: ListKind) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let list = use_content::<ListPage>(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let page = href::parse_page(query.read().get("page").as_deref());
        href::content::list(kind, &slug, page)
    });
    resource_view(list, |list| view! { <ListingView list /> })
}
