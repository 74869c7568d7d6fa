//! The app-like layer: service worker registration, the "new version" prompt, the install
//! button / iOS hint (dismissible, remembered) and the offline indicator.

use crate::data::content_url;
use crate::platform::{fetch, hydration, pwa, storage};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_event_listener, use_window};

const INSTALL_DISMISSED: &str = "newsfront.install.dismissed";

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
/// content cache; but the app shell, served offline for a page never read, needs `site.json`
/// for the masthead and menus. Fetch it once in the background so the worker keeps a copy.
fn warm_offline_shell() {
    if hydration::now().is_some() {
        spawn_local(async {
            let url = content_url(newsfront_model::href::content::SITE);
            let _ = fetch::get_text(&url).await;
        });
    }
}

/// Renders the PWA notices and keeps `Online` current. Mount once, in the app root.
#[component]
pub fn PwaLayer(online: Online) -> impl IntoView {
    let online = online.0;
    let update = RwSignal::new(false);
    let install = RwSignal::new(false);
    let ios_hint = RwSignal::new(false);

    Effect::new(move |_| {
        online.set(pwa::online());
        if cfg!(debug_assertions) {
            // `trunk serve`: never let a cached release build shadow the code being developed.
            pwa::unregister_service_workers();
        } else {
            pwa::register_service_worker(move || update.set(true));
            warm_offline_shell();
        }
        let dismissed = storage::get(INSTALL_DISMISSED).is_some();
        if !dismissed {
            pwa::listen_for_install(move || install.set(true));
            ios_hint.set(pwa::needs_ios_hint());
        }
    });
    let _ = use_event_listener(use_window(), ev::online, move |_| online.set(true));
    let _ = use_event_listener(use_window(), ev::offline, move |_| online.set(false));

    let dismiss = move |_| {
        storage::set(INSTALL_DISMISSED, "1");
        install.set(false);
        ios_hint.set(false);
    };
    let on_install = move |_| {
        install.set(false);
        spawn_local(async move {
            if !pwa::prompt_install().await {
                storage::set(INSTALL_DISMISSED, "1");
            }
        });
    };
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || (!online.get()).then(|| view! {
                <p class="notice notice--offline">"You are offline. Pages you have opened are still here."</p>
            })}
            {move || update.get().then(|| view! {
                <p class="notice notice--update">
                    "A new version is available — "
                    <button class="button" type="button" on:click=move |_| pwa::activate_update()>"Reload"</button>
                </p>
            })}
            {move || install.get().then(|| view! {
                <p class="notice notice--install">
                    <button class="button" type="button" on:click=on_install>"Install the app"</button>
                    <button class="notice__dismiss" type="button" on:click=dismiss>"Not now"</button>
                </p>
            })}
            {move || ios_hint.get().then(|| view! {
                <p class="notice notice--install">
                    "Install this site: tap Share, then “Add to Home Screen”."
                    <button class="notice__dismiss" type="button" on:click=dismiss>"Got it"</button>
                </p>
            })}
        </div>
    }
}
