//! A `<time>` that renders deterministically (the content's own offset) and switches to the
//! reader's locale and time zone once running in the browser.

use crate::platform;
use leptos::prelude::*;
use newsfront_model::Timestamp;

/// `<time datetime=…>` with date and time (`date_only` drops the time).
#[component]
pub fn LocalTime(
    at: Timestamp,
    #[prop(optional)] date_only: bool,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let fallback = if date_only {
        at.display_date()
    } else {
        at.display()
    };
    let text = RwSignal::new(fallback);
    let unix = at.unix;
    Effect::new(move |_| {
        if let Some(local) = platform::time::format_local(unix, !date_only) {
            text.set(local);
        }
    });
    view! { <time class=class datetime=at.as_str().to_string()>{move || text.get()}</time> }
}
