//! The app-like layer: service worker registration, the "new version" prompt, the install
//! button / iOS hint (dismissible, remembered) and the offline indicator.

use crate::components::deferred::chunk_then_own_task;
use crate::data::content_url;
use crate::features::edition_offer::EditionOffer;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use crate::platform::idle::use_idle;
use crate::platform::{fetch, hydration, pwa, storage};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{
    use_document_visibility, use_event_listener, use_interval_fn, use_media_query,
    use_service_worker_with_options, use_window, UseServiceWorkerOptions,
};
use send_wrapper::SendWrapper;
use std::sync::Arc;

const INSTALL_DISMISSED: &str = "newsfront.install.dismissed";
/// How often an open page asks the server for a new version of the app.
const UPDATE_CHECK_MS: u64 = 30 * 60 * 1000;

/// Whether the browser is online, for any view that wants to say so.
#[derive(Clone, Copy)]
pub struct Online(pub RwSignal<bool>);

/// Provides `Online` to everything rendered after it in the app root.
pub fn provide_online() -> Online {
    let online = Online(RwSignal::new(true));
    provide_context(online);
    online
}

/// A prerendered page carries its data, so reading it puts nothing in the service worker's
/// content cache; but the app shell, served offline for a page never read, needs the editions
/// list (which edition an address is in) and the edition's `site.json` (masthead and menus).
/// Fetch them once in the background so the worker keeps a copy.
fn warm_offline_shell() {
    if hydration::now().is_some() {
        // The edition being read: its shell is the one served offline under its prefix.
        let site = format!(
            "{}{}",
            crate::edition::content_dir_untracked(),
            newsfront_model::href::content::SITE
        );
        for path in [newsfront_model::edition::FILE.to_string(), site] {
            let url = content_url(&path);
            spawn_local(async move {
                let _ = fetch::get_text(&url).await;
            });
        }
    }
}

/// The PWA layer, mounted once the hydrated page is idle: nothing of it is in the prerendered
/// page, and in the release build its code (the service worker's registration and updates,
/// the install prompt, the notices: about 20 KB of brotli wasm, measured) is a chunk of its own
/// (`crate::lazy`), fetched then, so no page waits for it before it is interactive.
#[component]
pub fn PwaLayer(online: Online) -> impl IntoView {
    let idle = use_idle();
    move || {
        idle.get().then(|| {
            Suspend::new(async move {
                // A chunk that cannot load (offline, never cached) leaves the page without it.
                // The layer's components run in a task of their own.
                if !SendWrapper::new(chunk_then_own_task(preload_pwa_layer())).await {
                    return ().into_any();
                }
                pwa_layer_chunk(online)
                    .await
                    .unwrap_or_else(|_| ().into_any())
            })
        })
    }
}

entry_point! {
    /// The PWA layer's code.
    fn pwa_layer_chunk(online: Online) preload preload_pwa_layer {
        view! { <PwaNotices online /> }.into_any()
    }
}

/// Renders the PWA notices and keeps `Online` current.
#[component]
fn PwaNotices(online: Online) -> impl IntoView {
    let i18n = use_i18n();
    let online = online.0;
    let update = RwSignal::new(false);
    let install = RwSignal::new(false);
    let ios_hint = RwSignal::new(false);
    // The browser's saved install offer (`beforeinstallprompt`), shown when the reader asks.
    let offer: Offer = StoredValue::new(None);
    let activate: Activate = StoredValue::new(None);
    let standalone = use_media_query("(display-mode: standalone)");

    Effect::new(move |_| {
        online.set(pwa::online());
        if cfg!(debug_assertions) {
            // `trunk serve`: never let a cached release build shadow the code being developed.
            pwa::unregister_service_workers();
        } else {
            warm_offline_shell();
        }
        if storage::get(INSTALL_DISMISSED).is_none() {
            ios_hint.set(
                pwa::is_ios_safari() && !pwa::is_ios_standalone() && !standalone.get_untracked(),
            );
        }
    });
    // The window's events, listened to from the next task (see `in_next_task`).
    let listeners =
        in_next_task(move || view! { <PwaListeners online offer install /> }.into_any());

    let dismiss = move |_| {
        storage::set(INSTALL_DISMISSED, "1");
        install.set(false);
        ios_hint.set(false);
    };
    let on_install = move |_| {
        install.set(false);
        let Some(event) = offer.try_update_value(Option::take).flatten() else {
            return;
        };
        spawn_local(async move {
            if !pwa::prompt_install(&event).await {
                storage::set(INSTALL_DISMISSED, "1");
            }
        });
    };
    // This layer is mounted after the start-up work (see `PwaLayer`): the worker, which then
    // precaches every file, is registered only once the page is idle.
    let updates = (!cfg!(debug_assertions)).then(|| {
        in_next_task(move || view! { <ServiceWorkerUpdates update activate /> }.into_any())
    });
    view! {
        {listeners}
        {updates}
        <div class="notices" role="status" aria-live="polite">
            {in_next_task(|| view! { <EditionOffer /> }.into_any())}
            {move || (!online.get()).then(|| view! {
                <p class="notice notice--offline">{move || t_string!(i18n, frame.offline)}</p>
            })}
            {move || update.get().then(|| view! {
                <p class="notice notice--update">
                    {move || t_string!(i18n, frame.update_available)}
                    <button class="button" type="button" on:click=move |_| activate.with_value(|f| match f {
                        Some(f) => f(),
                        None => pwa::activate_update(None),
                    })>{move || t_string!(i18n, frame.reload)}</button>
                </p>
            })}
            {move || install.get().then(|| view! {
                <p class="notice notice--install">
                    <button class="button" type="button" on:click=on_install>{move || t_string!(i18n, frame.install_app)}</button>
                    <button class="notice__dismiss" type="button" on:click=dismiss>{move || t_string!(i18n, frame.not_now)}</button>
                </p>
            })}
            {move || ios_hint.get().then(|| view! {
                <p class="notice notice--install">
                    {move || t_string!(i18n, frame.ios_install_hint)}
                    <button class="notice__dismiss" type="button" on:click=dismiss>{move || t_string!(i18n, frame.got_it)}</button>
                </p>
            })}
        </div>
    }
}

/// The browser's offer to install the app (kept for when the reader asks: `offer`, `install`)
/// and the connection's changes (`online`).
#[component]
fn PwaListeners(online: RwSignal<bool>, offer: Offer, install: RwSignal<bool>) -> impl IntoView {
    let _ = use_event_listener(
        use_window(),
        ev::Custom::<web_sys::Event>::new("beforeinstallprompt"),
        move |e| {
            e.prevent_default();
            if storage::get(INSTALL_DISMISSED).is_none() {
                offer.set_value(Some(SendWrapper::new(e)));
                install.set(true);
            }
        },
    );
    let _ = use_event_listener(
        use_window(),
        ev::Custom::<web_sys::Event>::new("appinstalled"),
        move |_| {
            offer.set_value(None);
            install.set(false);
        },
    );
    let _ = use_event_listener(use_window(), ev::online, move |_| online.set(true));
    let _ = use_event_listener(use_window(), ev::offline, move |_| online.set(false));
}

/// The view `build` returns, built in a task after the current one: the layer's parts (the
/// worker's registration and its update checks, the edition offer, the window's listeners) each
/// in a task of its own, not in one long task with the notices (Total Blocking Time counts each
/// task's time beyond 50 ms).
fn in_next_task(build: impl FnOnce() -> AnyView + Send + 'static) -> impl IntoView {
    let ready = RwSignal::new(false);
    crate::platform::idle::after_task(move || {
        ready.try_set(true);
    });
    let build = StoredValue::new_local(Some(build));
    move || {
        ready
            .get()
            .then(|| build.try_update_value(Option::take).flatten().map(untrack))
    }
}

/// The browser's saved install offer (`beforeinstallprompt`).
type Offer = StoredValue<Option<SendWrapper<web_sys::Event>>>;

/// Activates the waiting version of the app (set once the worker is registered).
type Activate = StoredValue<Option<Arc<dyn Fn() + Send + Sync>>>;

/// Registers `/sw.js` (release builds), checks for a new version every half hour and whenever
/// the page is shown again, and sets `update` while a new version waits.
#[component]
fn ServiceWorkerUpdates(update: RwSignal<bool>, activate: Activate) -> impl IntoView {
    let sw = use_service_worker_with_options(
        UseServiceWorkerOptions::default()
            .script_url("/sw.js")
            .on_controller_change(pwa::on_controller_change),
    );
    let waiting = sw.waiting;
    Effect::new(move |_| update.set(waiting.get() && pwa::is_controlled()));
    // The checks for a new version, set up from the next task (see `in_next_task`).
    let check: CheckForUpdate = Arc::new(sw.check_for_update);
    let checks = in_next_task(move || view! { <UpdateChecks check /> }.into_any());
    let registration = sw.registration;
    activate.set_value(Some(Arc::new(move || {
        registration.with_untracked(|r| pwa::activate_update(r.as_ref().ok().map(|r| &**r)))
    })));
    checks
}

/// Asks the browser whether a new version of the worker is there.
type CheckForUpdate = Arc<dyn Fn() + Send + Sync>;

/// Checks for a new version every half hour and whenever the page is shown again.
#[component]
fn UpdateChecks(check: CheckForUpdate) -> impl IntoView {
    let every = check.clone();
    let _ = use_interval_fn(move || every(), UPDATE_CHECK_MS);
    let visibility = use_document_visibility();
    Effect::new(move |previous: Option<web_sys::VisibilityState>| {
        let now = visibility.get();
        if previous == Some(web_sys::VisibilityState::Hidden)
            && now == web_sys::VisibilityState::Visible
        {
            check();
        }
        now
    });
}
