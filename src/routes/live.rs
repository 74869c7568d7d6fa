//! The LIVE page: the channel described in `site.json` (the player arrives with the Live issue).

use crate::components::page_meta::PageMeta;
use crate::data::use_site;
use leptos::prelude::*;
use newsfront_model::href;

/// `/live`.
#[component]
pub fn LivePage() -> impl IntoView {
    let site = use_site();
    let live = move || site.get().and_then(|s| s.live);
    view! {
        <PageMeta title="LIVE" description="Watch our live channel and follow the latest updates." path=href::live() />
        <section class="live">
            <h1 class="live__title"><span class="live__dot" aria-hidden="true"></span>
                {move || live().map(|l| l.title).unwrap_or_else(|| "Live".to_string())}
            </h1>
            <p class="live__description">{move || live().map(|l| l.description).unwrap_or_default()}</p>
        </section>
    }
}
