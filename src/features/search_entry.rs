//! The masthead's search entry: a button that opens a search field (`/` opens it and puts the
//! cursor in it, unless the reader is typing elsewhere). Submitting goes to the search page
//! (`routes::search`); without the app, the form still gets there.

use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use crate::platform::dom;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_use::{use_event_listener, use_window};
use newsfront_model::href;
use newsfront_model::search::Query;

#[component]
pub fn SearchEntry() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let action = link(&href::search());
    let focus_field = move || {
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                dom::focus(&i);
            }
        })
    };
    let _ = use_event_listener(use_window(), ev::keydown, move |e| {
        if e.key() == "/" && !(e.ctrl_key() || e.meta_key() || e.alt_key()) && !dom::is_typing(&e) {
            e.prevent_default();
            open.set(true);
            focus_field();
        } else if e.key() == "Escape" && open.get_untracked() && dom::is_typing(&e) {
            open.set(false);
        }
    });
    let target = action.clone();
    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let words = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        open.set(false);
        navigate(
            &format!(
                "{target}{}",
                Query::default().with("q", words.trim()).to_search()
            ),
            Default::default(),
        );
    };
    view! {
        <div class="search-entry">
            <button class="search-entry__toggle" type="button" aria-controls="search-entry-form"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| { open.update(|o| *o = !*o); if open.get_untracked() { focus_field(); } }>
                <span aria-hidden="true">"⌕ "</span>
                <span class="masthead__label">{move || t_string!(i18n, frame.search)}</span>
            </button>
            <form id="search-entry-form" class="search-entry__form" role="search" action=action method="get"
                hidden=move || !open.get() on:submit=on_submit>
                <label class="visually-hidden" for="search-entry-q">{move || t_string!(i18n, frame.search_label)}</label>
                <input id="search-entry-q" class="search__input" type="search" name="q" node_ref=input
                    autocomplete="off" aria-keyshortcuts="/" />
                <button class="button" type="submit">{move || t_string!(i18n, frame.search)}</button>
            </form>
        </div>
    }
}
