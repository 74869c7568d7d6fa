//! A listing page body: heading, lead story, teaser grid, pagination.

use crate::components::paced::paced;
use crate::components::page_meta::PageMeta;
use crate::components::pagination::Pagination;
use crate::components::teaser_card::TeaserCard;
use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::{href, ListKind, ListPage};

/// Renders one page of a list file. On the home page the heading is for screen readers only.
#[component]
pub fn ListingView(list: ListPage) -> impl IntoView {
    let i18n = use_i18n();
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
        ListKind::Region => Some((move || t_string!(i18n, pages.kicker_region)).into_any()),
        ListKind::Tag => Some((move || t_string!(i18n, pages.kicker_tag)).into_any()),
        ListKind::Topic => Some((move || t_string!(i18n, pages.kicker_coverage)).into_any()),
        ListKind::Author => Some((move || t_string!(i18n, pages.kicker_author)).into_any()),
    };
    let page_title = if page > 1 {
        // Only the page number takes the edition's digits: the title is the content's.
        let page = crate::text::digits(&page.to_string());
        t_string!(i18n, pages.listing_page_title, title = &title, page = &page).to_string()
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
        .map(|t| view! { <li>{paced(move || view! { <TeaserCard teaser=t /> }.into_any())}</li> })
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
            description=description.clone().unwrap_or_else(|| t_string!(i18n, pages.listing_description, title = &title_for_meta).to_string())
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
            {empty.then(|| view! { <p class="listing__empty">{move || t_string!(i18n, pages.no_stories)}</p> })}
            <ul class="listing__grid">{rest}</ul>
            <Pagination route page total=total_pages />
        </section>
    }
}
