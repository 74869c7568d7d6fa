//! A listing page body: heading, lead story, teaser grid, pagination.

use crate::components::page_meta::PageMeta;
use crate::components::pagination::Pagination;
use crate::components::teaser_card::TeaserCard;
use crate::edition::link;
use leptos::prelude::*;
use newsfront_model::{href, ListKind, ListPage};

/// Renders one page of a list file. On the home page the heading is for screen readers only.
#[component]
pub fn ListingView(list: ListPage) -> impl IntoView {
    let ListPage {
        kind,
        slug,
        title,
        description,
        page,
        total_pages,
        items,
        ..
    } = list;
    let route = link(&href::listing(kind, &slug));
    let title_for_meta = title.clone();
    let kicker = match kind {
        ListKind::Home | ListKind::Section => None,
        ListKind::Region => Some("Region"),
        ListKind::Tag => Some("Tag"),
        ListKind::Topic => Some("Coverage"),
        ListKind::Author => Some("Author"),
    };
    let page_title = if page > 1 {
        format!("{title} – page {page}")
    } else {
        title.clone()
    };
    let heading_class = if kind == ListKind::Home {
        "visually-hidden"
    } else {
        "listing__title"
    };
    let mut items = items.into_iter();
    let lead = if page == 1 { items.next() } else { None };
    let rest = items
        .map(|t| view! { <li><TeaserCard teaser=t /></li> })
        .collect_view();
    let empty = lead.is_none() && total_pages <= 1;
    // Every edition has a front page: each is the others' `hreflang` alternate.
    let alternates = if kind == ListKind::Home && page <= 1 {
        crate::edition::other_homes()
    } else {
        Default::default()
    };
    view! {
        <PageMeta
            title=page_title
            description=description.clone().unwrap_or_else(|| format!("The latest stories: {title_for_meta}"))
            path=route.clone()
            alternates
        />
        <section class="listing">
            <header class="listing__header">
                {kicker.map(|k| view! { <p class="listing__kicker">{k}</p> })}
                <h1 class=heading_class>{title}</h1>
                {description.filter(|_| kind != ListKind::Home).map(|d| view! { <p class="listing__description">{d}</p> })}
            </header>
            {lead.map(|t| view! { <div class="listing__lead"><TeaserCard teaser=t lead=true eager=true /></div> })}
            {empty.then(|| view! { <p class="listing__empty">"No stories here yet."</p> })}
            <ul class="listing__grid">{rest}</ul>
            <Pagination route page total=total_pages />
        </section>
    }
}
