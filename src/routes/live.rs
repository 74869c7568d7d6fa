//! The LIVE page: the channel's stream (native `<video>`: HLS where the browser plays it, the
//! MP4/WebM fallback otherwise) and a live-updates feed that never moves what the reader is
//! looking at: new entries wait behind an "N new updates" button.

use crate::components::local_time::LocalTime;
use crate::components::page_meta::PageMeta;
use crate::data::{asset_url, use_site};
use crate::edition::link;
use crate::features::feed::use_feed;
use crate::i18n::{t_string, use_i18n};
use crate::platform::media;
use leptos::prelude::*;
use newsfront_model::site::{LiveSettings, TickerSettings};
use newsfront_model::{href, BreakingItem};

/// `/live`.
#[component]
pub fn LivePage() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    view! {
        <PageMeta
            title=t_string!(i18n, pages.live_title).to_string()
            description=t_string!(i18n, pages.live_description).to_string()
            path=link(&href::live())
        />
        {move || site.get().map(|site| {
            let live = site.live.unwrap_or_else(|| LiveSettings {
                title: t_string!(i18n, pages.live_default_title).to_string(),
                description: String::new(),
                hls: None,
                fallback: None,
                poster: None,
            });
            view! {
                <section class="live">
                    <h1 class="live__title"><span class="live__dot" aria-hidden="true"></span>{live.title.clone()}</h1>
                    <p class="live__description">{live.description.clone()}</p>
                    <LivePlayer live />
                    <LiveUpdates settings=site.ticker />
                </section>
            }
        })}
    }
}

/// The stream. The source is chosen after mount (what this browser can play), so the markup is
/// the same everywhere; `preload="none"` keeps it from downloading before the reader presses play.
#[component]
fn LivePlayer(live: LiveSettings) -> impl IntoView {
    let i18n = use_i18n();
    let src = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<Problem>);
    let hls = live.hls.clone();
    let fallback = live.fallback.clone();
    Effect::new(move |_| {
        let hls = hls
            .as_deref()
            .filter(|_| media::can_play("application/vnd.apple.mpegurl"))
            .and_then(asset_url);
        let fallback = fallback
            .as_deref()
            .filter(|f| media::can_play(mime_of(f)))
            .and_then(asset_url);
        match hls.or(fallback) {
            Some(url) => src.set(Some(url)),
            None => problem.set(Some(Problem::CannotPlay)),
        }
    });
    let poster = live.poster.clone();
    let poster_url = poster.as_ref().and_then(|p| asset_url(&p.src));
    let (w, h) = poster.as_ref().map_or((1280, 720), |p| (p.width, p.height));
    view! {
        <figure class="live__player">
            <video
                class="live__video"
                controls
                playsinline
                preload="none"
                poster=poster_url
                width=w
                height=h
                src=move || src.get()
                aria-label=live.title
                on:error=move |_| problem.set(Some(Problem::Unavailable))
            ></video>
            {move || problem.get().map(|p| {
                let text = match p {
                    Problem::CannotPlay => (move || t_string!(i18n, pages.live_cannot_play)).into_any(),
                    Problem::Unavailable => (move || t_string!(i18n, pages.live_unavailable)).into_any(),
                };
                view! { <p class="live__problem" role="alert">{text}</p> }
            })}
        </figure>
    }
}

/// Why the stream cannot be watched.
#[derive(Clone, Copy)]
enum Problem {
    /// No source this browser can play.
    CannotPlay,
    /// The chosen source failed to load.
    Unavailable,
}

fn mime_of(url: &str) -> &'static str {
    if url.ends_with(".webm") {
        "video/webm"
    } else {
        "video/mp4"
    }
}

/// The updates feed, newest first; polls like the ticker.
#[component]
fn LiveUpdates(settings: TickerSettings) -> impl IntoView {
    let i18n = use_i18n();
    let feed = use_feed(href::content::LIVE, settings.refresh_seconds, 200);
    // What is on screen. New items wait in the feed until the reader asks for them.
    let shown = RwSignal::new(Vec::<BreakingItem>::new());
    Effect::new(move |_| {
        let items = feed.state.with(|t| t.items.clone());
        if shown.with_untracked(Vec::is_empty) && !items.is_empty() {
            shown.set(items);
        }
    });
    let pending = move || {
        let on_screen = shown.with(|s| s.iter().map(|i| i.id.clone()).collect::<Vec<_>>());
        feed.state.with(|t| {
            t.items
                .iter()
                .filter(|i| !on_screen.contains(&i.id))
                .count()
        })
    };
    let list = NodeRef::<leptos::html::Ol>::new();
    let show_new = move |_| {
        shown.set(feed.state.with_untracked(|t| t.items.clone()));
        if let Some(el) = list.get() {
            crate::platform::dom::focus(&el);
        }
    };
    view! {
        <section class="live-updates" aria-labelledby="live-updates-title">
            <h2 class="live-updates__title" id="live-updates-title">{move || t_string!(i18n, pages.live_updates_title)}</h2>
            <div class="live-updates__notice" aria-live="polite">
                {move || (pending() > 0).then(|| {
                    let n = pending();
                    view! {
                        <button class="button live-updates__more" type="button" on:click=show_new>
                            {move || crate::text::digits(&t_string!(i18n, pages.new_updates, count = n).to_string())}
                        </button>
                    }
                })}
            </div>
            <ol class="live-updates__list" node_ref=list tabindex="-1">
                <For
                    each=move || shown.get()
                    key=|i| i.id.clone()
                    children=move |item| {
                        let at = item.time.clone();
                        let ago_at = at.clone();
                        view! {
                            <li class="live-updates__item">
                                <p class="live-updates__time">
                                    <LocalTime at=at />
                                    <span class="live-updates__ago">{move || crate::text::time_ago(&ago_at, feed.now.get())}</span>
                                </p>
                                <p class="live-updates__text">{item.text.clone()}</p>
                                {item.slug.as_deref().map(|s| view! { <a class="live-updates__link" href=link(&href::article(s))>{move || t_string!(i18n, pages.read_the_story)}</a> })}
                            </li>
                        }
                    }
                />
            </ol>
            {move || (feed.state.with(|t| t.items.is_empty() && t.last_success.is_some())).then(|| view! {
                <p class="live-updates__empty">{move || t_string!(i18n, pages.no_live_updates)}</p>
            })}
        </section>
    }
}
