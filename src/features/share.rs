//! The Share control: the system share sheet where there is one, otherwise a menu of share
//! links and Copy link.

use crate::i18n::{t_string, use_i18n};
use crate::platform::{dom, share};
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsfront_model::share::links;

/// Shares `url` (always the canonical article URL) with `title`.
#[component]
pub fn Share(title: String, url: String) -> impl IntoView {
    let i18n = use_i18n();
    let native = RwSignal::new(false);
    Effect::new(move |_| native.set(share::can_share()));
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<CopyOutcome>);
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
            copied.set(Some(if ok {
                CopyOutcome::Done
            } else {
                CopyOutcome::Failed
            }));
        });
    };
    // The announcement is worded when shown, so it follows the interface language.
    let message = move || match copied.get() {
        None => String::new(),
        Some(CopyOutcome::Done) => t_string!(i18n, article.link_copied).to_string(),
        Some(CopyOutcome::Failed) => t_string!(
            i18n,
            article.copy_failed,
            url = crate::text::isolate(&u.get_value())
        )
        .to_string(),
    };
    let items = links(&title, &url)
        .into_iter()
        .map(|l| {
            // Network names are brands, left as they are; only email is a word.
            let (label, email) = (l.label, l.network == "email");
            let label = move || if email { t_string!(i18n, article.share_email) } else { label };
            view! {
                <li><a class=format!("share__link share__link--{}", l.network) href=l.href target="_blank" rel="noopener noreferrer">{label}</a></li>
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
                <span aria-hidden="true">"⤴ "</span>{move || t_string!(i18n, article.share)}
            </button>
            <div id="share-menu" class="share__menu" hidden=move || !open.get()>
                <ul class="share__list">{items}</ul>
                <button class="share__copy button" type="button" on:click=on_copy>{move || t_string!(i18n, article.copy_link)}</button>
                <p class="share__message" role="status">{message}</p>
            </div>
        </div>
    }
}

/// What the last Copy link did.
#[derive(Clone, Copy, PartialEq)]
enum CopyOutcome {
    Done,
    Failed,
}
