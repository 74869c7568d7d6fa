//! The authors index (footer "Authors").

use crate::components::content_image::ContentImage;
use crate::components::page_meta::PageMeta;
use crate::components::resource_view::resource_view;
use crate::data::use_content;
use crate::edition::link;
use leptos::prelude::*;
use newsfront_model::{href, AuthorsFile};

/// `/authors`.
#[component]
pub fn AuthorsPage() -> impl IntoView {
    let authors = use_content::<AuthorsFile>(|| href::content::AUTHORS.to_string());
    resource_view(authors, |file| {
        let items = file
            .authors
            .into_iter()
            .map(|a| {
                view! {
                    <li class="author-card">
                        {a.avatar.map(|img| view! { <ContentImage image=img class="author-card__avatar" /> })}
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
            <PageMeta title="Authors" description="The correspondents, editors and writers of the newsroom." path=link(&href::authors()) />
            <section class="listing">
                <header class="listing__header"><h1 class="listing__title">"Authors"</h1></header>
                <ul class="author-list">{items}</ul>
            </section>
        }
    })
}
