//! Display settings: the colour theme (device, light, dark) and the article text size, kept on
//! the device (`platform::prefs`) and applied before the first paint of every later page by
//! `public/prefs.js`. The button hydrates with the page; the panel is not in the prerendered
//! page, and in the release build its code is a chunk of its own, fetched on first open.

use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use crate::platform::{dom, prefs};
use leptos::ev;
use leptos::prelude::*;
use leptos_use::{use_event_listener, use_window};
use newsfront_model::prefs::{TextSize, Theme};

/// The "Display" button and, once opened, its panel. `id` names the panel (one per place).
#[component]
pub fn Display(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let _ = use_event_listener(use_window(), ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = toggle.get_untracked() {
                dom::focus(&b);
            }
        }
    });
    view! {
        <div class="display">
            <button class="display__toggle button" type="button" node_ref=toggle
                aria-expanded=move || open.get().to_string() aria-controls=id
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="display__icon" aria-hidden="true">"Aa"</span>
                {move || t_string!(i18n, frame.display)}
            </button>
            {move || open.get().then(|| view! {
                <div class="display__panel" id=id>
                    {Suspend::new(async move {
                        // Offline and never fetched: the panel says nothing rather than break.
                        display_chunk().await.unwrap_or_else(|_| ().into_any())
                    })}
                </div>
            })}
        </div>
    }
}

entry_point! {
    /// The display settings panel.
    fn display_chunk() preload preload_display {
        view! { <DisplayPanel /> }.into_any()
    }
}

#[component]
fn DisplayPanel() -> impl IntoView {
    let i18n = use_i18n();
    let theme = RwSignal::new(prefs::theme());
    let size = RwSignal::new(prefs::text_size());
    let theme_label = move |t: Theme| match t {
        Theme::System => t_string!(i18n, frame.theme_system),
        Theme::Light => t_string!(i18n, frame.theme_light),
        Theme::Dark => t_string!(i18n, frame.theme_dark),
    };
    let size_label = move |s: TextSize| match s {
        TextSize::Small => t_string!(i18n, frame.text_small),
        TextSize::Standard => t_string!(i18n, frame.text_standard),
        TextSize::Large => t_string!(i18n, frame.text_large),
        TextSize::Larger => t_string!(i18n, frame.text_larger),
        TextSize::Largest => t_string!(i18n, frame.text_largest),
    };
    let themes = Theme::ALL
        .into_iter()
        .map(|t| {
            view! {
                <label class="display__choice">
                    <input type="radio" name="nf-theme" checked=move || theme.get() == t
                        on:change=move |_| { theme.set(t); prefs::set_theme(t); } />
                    {move || theme_label(t)}
                </label>
            }
        })
        .collect_view();
    let sizes = TextSize::ALL
        .into_iter()
        .map(|s| {
            view! {
                <label class="display__choice">
                    <input type="radio" name="nf-text" checked=move || size.get() == s
                        on:change=move |_| { size.set(s); prefs::set_text_size(s); } />
                    <span class="display__sample" style:font-size=format!("{}rem", s.scale())>{move || size_label(s)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="display__group">
            <legend>{move || t_string!(i18n, frame.theme)}</legend>
            {themes}
        </fieldset>
        <fieldset class="display__group">
            <legend>{move || t_string!(i18n, frame.text_size)}</legend>
            {sizes}
        </fieldset>
    }
}
