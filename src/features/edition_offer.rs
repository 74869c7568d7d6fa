//! The one-time offer, on a front page, of the edition in the reader's own language
//! (`navigator.languages`, through leptos-use's `use_locales`). Never a redirect: the address
//! decides what is read; the offer is a notice in the offered edition's language, shown once per
//! device.

use crate::edition::use_edition;
use crate::i18n::td_string;
use crate::platform::storage;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_use::use_locales;
use newsfront_model::edition;

/// Set once the offer has been shown: it is not made again on this device.
const OFFERED: &str = "newsfront.edition.offered";

/// The offer, mounted with the PWA notices (after the page is idle, in the browser only).
#[component]
pub fn EditionOffer() -> impl IntoView {
    let languages = use_locales();
    let location = use_location();
    let context = use_edition();
    // Offered before (this or an earlier visit), dismissed, accepted, or left behind.
    let done = RwSignal::new(storage::get(OFFERED).is_some());
    let on_home = move || location.pathname.with(|path| edition::strip(path) == "/");
    let offer = Memo::new(move |_| {
        if done.get() || !on_home() {
            return None;
        }
        let context = context?;
        let list = context.list.get()?.ok()?;
        list.offer(&languages.get(), &context.prefix.get()).cloned()
    });
    Effect::new(move |shown: Option<bool>| {
        let now = offer.with(Option::is_some);
        if now {
            storage::set(OFFERED, "1");
        }
        // Leaving the front page ends the offer.
        if shown == Some(true) && !now && !on_home() {
            done.set(true);
        }
        shown.unwrap_or(false) || now
    });
    move || {
        offer.get().map(|e| {
            let locale = crate::edition::interface_locale(&e.language);
            let home = edition::localize(&e.prefix, "/");
            let (lang, dir) = (e.language.clone(), e.direction.as_str());
            view! {
                <p class="notice notice--edition" lang=lang dir=dir>
                    <span>{td_string!(locale, frame.edition_offer)}</span>
                    <a class="button" href=home hreflang=e.language on:click=move |_| done.set(true)>
                        {td_string!(locale, frame.edition_offer_go)}
                    </a>
                    <button class="notice__dismiss" type="button" on:click=move |_| done.set(true)>
                        {td_string!(locale, frame.edition_offer_dismiss)}
                    </button>
                </p>
            }
        })
    }
}
