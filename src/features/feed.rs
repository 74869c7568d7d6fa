//! Polls a feed of timed items (`breaking.json`, `live.json`) with conditional requests, no
//! requests while the page is hidden, one immediate refresh when it is shown again, and capped
//! exponential backoff on errors. The decisions live in `newsfront_model::ticker`.

use crate::data::{content_url, prefilled_feed, render_now};
use crate::platform::idle::use_idle;
use crate::platform::{clock, fetch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_document_visibility, use_interval_fn, use_timeout_fn};
use newsfront_model::ticker::{Change, Poll, Ticker};
use newsfront_model::{decode, Breaking};
use web_sys::VisibilityState;

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
    // The feed of the edition being read (a view of another edition makes its own).
    let path = &format!("{}{path}", crate::edition::content_dir_untracked());
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
    // After hydration, relative times count from the reader's clock, not the build's.
    Effect::new(move |_| feed.now.set(clock::now()));
    schedule(content_url(path), interval, feed);
    let _ = use_interval_fn(move || feed.now.set(clock::now()), CLOCK_TICK_MS);
    feed
}

/// Polls once after mount, then again after each poll's delay; nothing while the page is hidden
/// (the due poll waits), and at once when a hidden page is shown again.
fn schedule(url: String, interval: u32, feed: Feed) {
    let visibility = use_document_visibility();
    let is_hidden = move || visibility.get_untracked() == VisibilityState::Hidden;
    let due = Trigger::new();
    // A poll came due while the page was hidden.
    let parked = StoredValue::new(false);
    let delay_ms = RwSignal::new(0.0);
    let timer = use_timeout_fn(move |_: ()| due.notify(), delay_ms);
    let (start, stop, waiting) = (timer.start, timer.stop, timer.is_pending);
    // The first poll waits until the hydrated page is idle, so it never lengthens start-up.
    let idle = use_idle();
    // Effects run only in the browser: the first run is the poll after mount.
    Effect::new(move |_| {
        due.track();
        if !idle.get() {
            return;
        }
        if is_hidden() {
            parked.set_value(true);
            return;
        }
        let (url, start) = (url.clone(), start.clone());
        spawn_local(async move {
            if let Some(delay) = poll(&url, interval, feed).await {
                delay_ms.set(f64::from(delay) * 1000.0);
                start(());
            }
        });
    });
    Effect::new(move |_| {
        let shown = visibility.get() == VisibilityState::Visible;
        if shown && (parked.get_value() || waiting.get_untracked()) {
            stop();
            parked.set_value(false);
            due.notify();
        }
    });
}

/// One conditional request; returns the seconds to wait before the next one (`None` when the
/// view is gone).
async fn poll(url: &str, interval: u32, feed: Feed) -> Option<u32> {
    let (etag, last_modified) = feed
        .state
        .try_with_untracked(|t| (t.etag.clone(), t.last_modified.clone()))?;
    let poll = match fetch::get_conditional(url, etag.as_deref(), last_modified.as_deref()).await {
        Ok(fetch::Conditional::NotModified) => Poll::NotModified,
        Ok(fetch::Conditional::Fresh {
            text,
            etag,
            last_modified,
        }) => match decode::<Breaking>(&text, url) {
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
    let change = feed.state.try_update_untracked(|t| t.apply(poll, now))?;
    // Only a real change re-renders: a 304 or a failure touches no subscriber.
    if change.items_changed {
        feed.state.notify();
        feed.now.set(now);
        feed.last_change.set(change);
    }
    feed.state.try_with_untracked(|t| t.next_delay(interval))
}
