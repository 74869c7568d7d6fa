//! The breaking-news ticker in the masthead: a scrolling strip that pauses on hover, focus and
//! its pause button; with reduced motion, one item at a time with previous/next buttons.

use crate::components::paced::paced;
use crate::edition::link;
use crate::features::feed::use_feed;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use leptos::prelude::*;
use newsfront_model::site::TickerSettings;
use newsfront_model::ticker::announcement;
use newsfront_model::{cycle, href, BreakingItem};

entry_point! {
    /// The ticker's code: in the release build a chunk of its own, fetched and hydrated once the
    /// page is idle (`components::deferred`; the masthead shows the prerendered ticker till then).
    fn ticker_chunk(settings: TickerSettings) preload preload_ticker {
        view! { <Ticker settings /> }.into_any()
    }
}

/// The ticker bar (its height is reserved in the masthead, so items arriving never shift the page).
#[component]
pub fn Ticker(settings: TickerSettings) -> impl IntoView {
    let i18n = use_i18n();
    let feed = use_feed(
        href::content::BREAKING,
        settings.refresh_seconds,
        settings.max_items as usize,
    );
    let paused = RwSignal::new(false);
    let current = RwSignal::new(0usize);
    let announce = RwSignal::new(String::new());
    Effect::new(move |_| {
        let change = feed.last_change.get();
        if let Some(text) = feed
            .state
            .with_untracked(|t| announcement(&change.new_items, &t.items))
        {
            announce.set(text);
        }
    });
    let stale_after = settings.stale_after_seconds;
    let stale = move || feed.state.with(|t| t.is_stale(feed.now.get(), stale_after));
    let label = settings.label.clone();
    let items = move || feed.state.with(|t| t.items.clone());
    let count = move || feed.state.with(|t| t.items.len());
    let current_id = move || {
        feed.state.with(|t| {
            t.items
                .get(cycle::wrap(current.get(), t.items.len()))
                .map(|i| i.id.clone())
        })
    };
    let step = move |delta: isize| {
        let n = count();
        current.update(|c| *c = cycle::step(*c, delta, n));
    };
    let row = move |item: BreakingItem, copy: bool| {
        let id = item.id.clone();
        let at = item.time.clone();
        let datetime = at.as_str().to_string();
        let is_current = move || current_id().as_deref() == Some(id.as_str());
        let text = item.text.clone();
        let link = item.slug.as_deref().map(|slug| link(&href::article(slug)));
        view! {
            <li class="ticker__item" class:ticker__item--current=is_current>
                <time class="ticker__time" datetime=datetime>{move || crate::text::time_ago(&at, feed.now.get())}</time>
                {match link {
                    Some(url) => view! { <a class="ticker__text" href=url tabindex=copy.then_some("-1")>{text}</a> }.into_any(),
                    None => view! { <span class="ticker__text">{text}</span> }.into_any(),
                }}
            </li>
        }
    };
    // The list, and its copy that follows it in the scrolling strip (hidden from assistive
    // technology and from the tab order).
    let list = move |copy: bool| {
        paced(move || {
            view! {
                <ul class="ticker__list" class:ticker__list--copy=copy aria-hidden=copy.then_some("true")>
                    <For each=items key=|i| i.id.clone() children=move |i| row(i, copy) />
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section
            class="ticker"
            class:ticker--stale=stale
            class:ticker--paused=move || paused.get()
            class:ticker--empty=move || count() == 0
            aria-label=move || t_string!(i18n, frame.breaking_news)
            style=move || format!("--ticker-items: {}", count().max(1))
        >
            <h2 class="ticker__label">{move || match (stale(), label.is_empty()) {
                (true, _) => t_string!(i18n, frame.latest).to_string(),
                (false, true) => t_string!(i18n, frame.breaking).to_string(),
                (false, false) => label.clone(),
            }}</h2>
            // Each list and the controls hydrated in a slice of their own (the ticker is a
            // `deferred_paced` part, `components::masthead`): in one go, compiling and running
            // their code on first use was one task of 16-36 ms on this host.
            <div class="ticker__viewport">
                <div class="ticker__track">
                    {list(false)}
                    {list(true)}
                </div>
            </div>
            {paced(move || view! {
                <div class="ticker__controls">
                    <button class="ticker__button ticker__prev" type="button" aria-label=move || t_string!(i18n, frame.previous_headline) on:click=move |_| step(-1)>"‹"</button>
                    <button class="ticker__button ticker__next" type="button" aria-label=move || t_string!(i18n, frame.next_headline) on:click=move |_| step(1)>"›"</button>
                    <button
                        class="ticker__button ticker__pause"
                        type="button"
                        aria-pressed=move || paused.get().to_string()
                        aria-label=move || if paused.get() { t_string!(i18n, frame.play_breaking_news) } else { t_string!(i18n, frame.pause_breaking_news) }
                        on:click=move |_| paused.update(|p| *p = !*p)
                    >
                        {move || if paused.get() { "▶" } else { "❚❚" }}
                    </button>
                </div>
            }.into_any())}
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
        </section>
    }
}
