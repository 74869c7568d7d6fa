//! The LIVE page: the channel described in `site.json` (the player arrives with the Live issue).

use crate::data::use_site;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/live`.
#[component]
pub fn LivePage() -> impl IntoView {
    let site = use_site();
    let live = move || site.get().and_then(|s| s.live);
    view! {
        <Title text="LIVE" />
        <section class="live">
            <h1 class="live__title"><span class="live__dot" aria-hidden="true"></span>
                {move || live().map(|l| l.title).unwrap_or_else(|| "Live".to_string())}
            </h1>
            <p class="live__description">{move || live().map(|l| l.description).unwrap_or_default()}</p>
        </section>
    }
}
