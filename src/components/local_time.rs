//! A `<time>` that renders deterministically (the content's own offset) and stays so once the
//! app runs: the reader's locale and time zone go in its tooltip (`title`, made on hover).
//! Rewriting the text after hydration changed its length and moved what follows it (a layout
//! shift of 0.013 on a phone, measured on an article's byline), and a page must not visibly
//! change when the app starts.

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
    let fallback = crate::text::date(&at, !date_only);
    // Made when the pointer first comes over it: the first `Intl.DateTimeFormat` costs the
    // browser about 20 ms (84 ms in a 4x-slowed profile of the long article's start-up), too
    // much to spend at start-up on a tooltip.
    let local = RwSignal::new(None::<String>);
    let unix = at.unix;
    let describe = move |_| {
        if local.with_untracked(Option::is_none) {
            local.set(platform::time::format_local(unix, !date_only));
        }
    };
    view! {
        <time class=class datetime=at.as_str().to_string() title=move || local.get() on:pointerenter=describe>
            {fallback}
        </time>
    }
}
