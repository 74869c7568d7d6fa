//! Inline runs inside a paragraph: text, emphasis, strong and checked links.

use crate::edition::link;
use leptos::prelude::*;
use newsfront_model::{href, Inline};

/// Renders one inline run. Unsafe link targets render as plain text.
pub fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { text } => view! { <em>{text}</em> }.into_any(),
        Inline::Strong { text } => view! { <strong>{text}</strong> }.into_any(),
        Inline::Link { text, href: target } => match href::safe_url(&target) {
            Some(url) if href::is_external(&url) => {
                view! { <a href=url rel="noopener noreferrer">{text}</a> }.into_any()
            }
            // A site path in an edition's article is one of that edition's pages.
            Some(url) => view! { <a href=link(&url)>{text}</a> }.into_any(),
            None => text.into_any(),
        },
        Inline::Unknown => ().into_any(),
    }
}
