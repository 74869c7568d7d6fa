//! The Share control: the system share sheet where there is one, otherwise a menu of share
//! links and Copy link.

use crate::platform::{dom, share};
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsfront_model::share::links;

/// Shares `url` (always the canonical article URL) with `title`.
#[component]
pub fn Share(title: String, url: String) -> impl IntoView {
    let native = RwSignal::new(false);
    Effect::new(move |_| native.set(share::can_share()));
    let open = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let toggle = NodeRef::<leptos::html::Button>::new();
    let (t, u) = (
        StoredValue::new(title.clone()),
        StoredValue::new(url.clone()),
    );

    let on_share = move |_| {
        if native.get_untracked() {
            spawn_local(async move {
                if share::share(&t.get_value(), &u.get_value()).await == share::ShareOutcome::Failed
                {
                    open.set(true);
                }
            });
        } else {
            open.update(|o| *o = !*o);
        }
    };
    let on_copy = move |_| {
        spawn_local(async move {
            let ok = share::copy_text(&u.get_value()).await;
            message.set(if ok {
                "Link copied".into()
            } else {
                format!("Copy failed. The link is {}", u.get_value())
            });
        });
    };
    let items = links(&title, &url)
        .into_iter()
        .map(|l| {
            view! {
                <li><a class=format!("share__link share__link--{}", l.network) href=l.href target="_blank" rel="noopener noreferrer">{l.label}</a></li>
            }
        })
        .collect_view();
    view! {
        <div
            class="share"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                    if let Some(b) = toggle.get() { dom::focus(&b) }
                }
            }
        >
            <button
                class="share__toggle button button--ghost"
                type="button"
                node_ref=toggle
                aria-expanded=move || (!native.get()).then(|| open.get().to_string())
                aria-controls=move || (!native.get()).then_some("share-menu")
                on:click=on_share
            >
                <span aria-hidden="true">"⤴ "</span>"Share"
            </button>
            <div id="share-menu" class="share__menu" hidden=move || !open.get()>
                <ul class="share__list">{items}</ul>
                <button class="share__copy button" type="button" on:click=on_copy>"Copy link"</button>
                <p class="share__message" role="status">{move || message.get()}</p>
            </div>
        </div>
    }
}
