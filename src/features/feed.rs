//! Polls a feed of timed items (`breaking.json`, `live.json`) with conditional requests, no
//! requests while the page is hidden, one immediate refresh when it is shown again, and capped
//! exponential backoff on errors. The decisions live in `newsfront_model::ticker`.

use crate::data::{content_url, prefilled_feed, render_now};
use crate::platform::{clock, fetch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::use_interval_fn;
use newsfront_model::ticker::{Change, Poll, Ticker};
use newsfront_model::{decode, Breaking};

/// How often relative times ("4 min ago") are refreshed.
const CLOCK_TICK_MS: u64 = 30_000;

/// A polled feed: its state, the clock the view formats times with, and the last change.
#[derive(Clone, Copy)]
pub struct Feed {
    pub state: RwSignal<Ticker>,
    pub now: RwSignal<i64>,
    /// Set after every poll that changed the items (not after 304s or failures).
    pub last_change: RwSignal<Change>,
}

/// Starts polling `path` (relative to the content base) every `interval` seconds once mounted.
pub fn use_feed(path: &str, interval: u32, max_items: usize) -> Feed {
    // A prerendered page shows the items the build saw, timed against the build's clock, and
    // hydration starts from the same state; polling takes over after mount.
    let now = render_now().unwrap_or(0);
    let mut ticker = Ticker::new(max_items);
    if let Some(file) = prefilled_feed::<Breaking>(path) {
        ticker.apply(
            Poll::Fresh {
                items: file.items,
                etag: None,
                last_modified: None,
            },
            now,
        );
    }
    let feed = Feed {
        state: RwSignal::new(ticker),
        now: RwSignal::new(now),
        last_change: RwSignal::new(Change::default()),
    };
    let url = content_url(path);
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            feed.now.set(clock::now());
            spawn_local(run(url.clone(), interval, feed));
        }
    });
    let _ = use_interval_fn(move || feed.now.set(clock::now()), CLOCK_TICK_MS);
    feed
}

async fn run(url: String, interval: u32, feed: Feed) {
    loop {
        if clock::is_hidden() {
            clock::until_visible().await;
            continue;
        }
        let Some((etag, last_modified)) = feed
            .state
            .try_with_untracked(|t| (t.etag.clone(), t.last_modified.clone()))
        else {
            return; // the view is gone
        };
        let poll =
            match fetch::get_conditional(&url, etag.as_deref(), last_modified.as_deref()).await {
                Ok(fetch::Conditional::NotModified) => Poll::NotModified,
                Ok(fetch::Conditional::Fresh {
                    text,
                    etag,
                    last_modified,
                }) => match decode::<Breaking>(&text, &url) {
                    Ok(feed) => Poll::Fresh {
                        items: feed.items,
                        etag,
                        last_modified,
                    },
                    Err(e) => {
                        leptos::logging::warn!("{e}");
                        Poll::Failed
                    }
                },
                Err(e) => {
                    leptos::logging::warn!("{e}");
                    Poll::Failed
                }
            };
        let now = clock::now();
        let Some(change) = feed.state.try_update_untracked(|t| t.apply(poll, now)) else {
            return;
        };
        // Only a real change re-renders: a 304 or a failure touches no subscriber.
        if change.items_changed {
            feed.state.notify();
            feed.now.set(now);
            feed.last_change.set(change);
        }
        let Some(delay) = feed.state.try_with_untracked(|t| t.next_delay(interval)) else {
            return;
        };
        clock::sleep_or_until_visible(delay).await;
    }
}
