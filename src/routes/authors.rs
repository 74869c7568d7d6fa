//! The authors index (footer "Authors").

use crate::components::content_image::ContentImage;
use crate::components::page_meta::PageMeta;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::{href, AuthorsFile};

/// `/authors`.
#[component]
pub fn AuthorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let authors = use_content::<AuthorsFile>(|| href::content::AUTHORS.to_string());
    resource_view(authors, move |file| {
        let items = file
            .authors
            .into_iter()
            .map(|a| {
                view! {
                    <li class="author-card">
                        {a.avatar.map(|img| view! { <ContentImage image=img class="author-card__avatar" sizes=sizes::AVATAR /> })}
                        <div>
                            <h2 class="author-card__name"><a href=link(&href::author(&a.slug))>{a.name}</a></h2>
                            <p class="author-card__role">{a.role}</p>
                            <p class="author-card__bio">{a.bio}</p>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <PageMeta
                title=t_string!(i18n, pages.authors_title).to_string()
                description=t_string!(i18n, pages.authors_description).to_string()
                path=link(&href::authors())
            />
            <section class="listing">
                <header class="listing__header"><h1 class="listing__title">{move || t_string!(i18n, pages.authors_title)}</h1></header>
                <ul class="author-list">{items}</ul>
            </section>
        }
    })
}
