//! The panel a page shows instead of its content when loading failed.

use crate::features::pwa::Online;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::ContentError;

/// Says what went wrong in plain words, with the technical detail folded away and a retry.
#[component]
pub fn ErrorPanel(
    error: ContentError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let detail = error.to_string();
    let online = use_context::<Online>().map(|o| o.0);
    let is_network = matches!(error, ContentError::Network { .. });
    // The reader's sentence per kind of failure (the model's `summary` is English); the
    // technical detail stays as the model words it.
    let summary = match error {
        ContentError::Network { .. } => (move || t_string!(i18n, pages.error_network)).into_any(),
        ContentError::Http { .. } => (move || t_string!(i18n, pages.error_http)).into_any(),
        ContentError::NotFound { .. } => {
            (move || t_string!(i18n, pages.error_not_found)).into_any()
        }
        ContentError::Decode { .. } => (move || t_string!(i18n, pages.error_decode)).into_any(),
    };
    let offline = move || is_network && online.is_some_and(|o| !o.get());
    view! {
        <section class="error-panel" role="alert">
            <h2 class="error-panel__title">{move || t_string!(i18n, pages.error_title)}</h2>
            <p class="error-panel__summary">{summary}</p>
            {move || offline().then(|| view! {
                <p class="error-panel__offline">{move || t_string!(i18n, pages.error_offline)}</p>
            })}
            <details class="error-panel__details">
                <summary>{move || t_string!(i18n, pages.error_details)}</summary>
                // For a support request or a developer, worded by the model in English: marked
                // so, and isolated, so a reader's screen reader and the bidi algorithm treat it
                // as English inside an Arabic page.
                <code lang="en" dir="ltr">{detail}</code>
            </details>
            {retry.map(|cb| view! {
                <button class="button" type="button" on:click=move |_| cb.run(())>{move || t_string!(i18n, pages.try_again)}</button>
            })}
        </section>
    }
}
