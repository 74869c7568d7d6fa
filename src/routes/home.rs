//! The front page: lead story and the latest teasers.

use crate::components::listing_view::ListingView;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use newsfront_model::{href, ListKind, ListPage};

/// `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let list = use_content::<ListPage>(move || {
        let page = href::parse_page(query.read().get("page").as_deref());
        href::content::list(ListKind::Home, "", page)
    });
    resource_view(list, |list| view! { <ListingView list /> })
}
