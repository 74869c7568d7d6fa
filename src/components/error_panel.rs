//! The panel a page shows instead of its content when loading failed.

use crate::features::pwa::Online;
use leptos::prelude::*;
use newsfront_model::ContentError;

/// Says what went wrong in plain words, with the technical detail folded away and a retry.
#[component]
pub fn ErrorPanel(
    error: ContentError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let detail = error.to_string();
    let online = use_context::<Online>().map(|o| o.0);
    let is_network = matches!(error, ContentError::Network { .. });
    let offline = move || is_network && online.is_some_and(|o| !o.get());
    view! {
        <section class="error-panel" role="alert">
            <h2 class="error-panel__title">"Something went wrong"</h2>
            <p class="error-panel__summary">{error.summary()}</p>
            {move || offline().then(|| view! {
                <p class="error-panel__offline">"You are offline, and this page was not saved on this device. It will load when you are back online."</p>
            })}
            <details class="error-panel__details">
                <summary>"Details"</summary>
                <code>{detail}</code>
            </details>
            {retry.map(|cb| view! {
                <button class="button" type="button" on:click=move |_| cb.run(())>"Try again"</button>
            })}
        </section>
    }
}
