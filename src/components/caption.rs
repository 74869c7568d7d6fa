//! A figure caption: the content's caption text, then its credit.

use leptos::prelude::*;

/// `<figcaption>` with the caption and, after it, the credit in its own span.
#[component]
pub fn Caption(
    #[prop(into)] class: String,
    caption: Option<String>,
    credit: Option<String>,
) -> impl IntoView {
    view! {
        <figcaption class=class>
            {caption}{credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
        </figcaption>
    }
}
