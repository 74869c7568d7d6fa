//! `/saved`: the articles the reader saved in this edition, newest saved first, each with its
//! Save button (to remove it), and "Clear all". The list is on the device, so the prerendered
//! page (and the hydrated one, until the list is read) shows only the heading.

use crate::components::page_meta::PageMeta;
use crate::components::teaser_card::TeaserCard;
use crate::edition::link;
use crate::features::saved::{edition_prefix, use_saved_list};
use crate::i18n::{t_string, use_i18n};
use crate::platform::saved as store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsfront_model::href;

#[component]
pub fn SavedPage() -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_saved_list();
    let edition = edition_prefix();
    let items = Memo::new(move |_| {
        saved.list.with(|l| {
            l.of_edition(&edition)
                .map(|i| i.teaser.clone())
                .collect::<Vec<_>>()
        })
    });
    let clear_all = move |_| {
        let edition = edition_prefix();
        saved.list.update(|l| {
            let gone: Vec<String> = l
                .of_edition(&edition)
                .map(|i| i.teaser.slug.clone())
                .collect();
            for slug in gone {
                l.remove(&edition, &slug);
            }
        });
        saved.list.with_untracked(store::store);
        // Nothing saved in any edition: the kept files go too. (Per-article files of another
        // edition's saved articles stay pinned until those are removed.)
        if saved.list.with_untracked(|l| l.is_empty()) {
            spawn_local(store::clear());
        }
    };
    let list = move || {
        if !saved.ready.get() {
            return ().into_any();
        }
        let items = items.get();
        if items.is_empty() {
            return view! { <p class="saved__empty">{move || t_string!(i18n, pages.saved_empty)}</p> }.into_any();
        }
        let cards = items
            .into_iter()
            .map(|teaser| view! { <li><TeaserCard teaser /></li> })
            .collect_view();
        view! {
            <button class="button button--ghost saved__clear" type="button" on:click=clear_all>
                {move || t_string!(i18n, pages.saved_clear)}
            </button>
            <ul class="listing__grid saved__list">{cards}</ul>
        }
        .into_any()
    };
    view! {
        <PageMeta
            title=t_string!(i18n, pages.saved_title).to_string()
            description=t_string!(i18n, pages.saved_description).to_string()
            path=link(&href::saved())
        />
        <section class="listing saved">
            <header class="listing__header"><h1 class="listing__title">{move || t_string!(i18n, pages.saved_title)}</h1></header>
            <p class="saved__note">{move || t_string!(i18n, pages.saved_note)}</p>
            {list}
        </section>
    }
}
