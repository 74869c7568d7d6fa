//! The region menu under the section menu.

use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::href;
use newsfront_model::site::Region;

/// A row of region links (scrolls sideways on narrow screens).
#[component]
pub fn RegionNav(regions: Vec<Region>) -> impl IntoView {
    let i18n = use_i18n();
    let links = regions
        .into_iter()
        .map(|r| view! { <li><a class="region-nav__link" href=link(&href::region(&r.slug))>{r.label}</a></li> })
        .collect_view();
    view! {
        <nav class="region-nav" aria-label=move || t_string!(i18n, frame.regions)>
            <ul class="region-nav__list">{links}</ul>
        </nav>
    }
}
