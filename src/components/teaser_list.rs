//! A side panel of compact story links: Most Read (ranked), Coverage, Read Next.

use crate::components::content_image::ContentImage;
use crate::components::local_time::LocalTime;
use crate::edition::link;
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::{href, Teaser};

/// A titled panel of teasers; `ranked` numbers them (an ordered list).
#[component]
pub fn TeaserList(
    #[prop(into)] title: String,
    items: Vec<Teaser>,
    #[prop(optional)] ranked: bool,
    #[prop(into)] id: String,
) -> impl IntoView {
    if items.is_empty() {
        return ().into_any();
    }
    let rows = items
        .into_iter()
        .map(|t| {
            view! {
                <li class="panel__item">
                    {t.image.map(|img| view! { <ContentImage image=img class="panel__image" sizes=sizes::PANEL_THUMB /> })}
                    <div class="panel__text">
                        <a class="panel__section" href=link(&href::section(&t.section))>{t.section_label}</a>
                        <a class="panel__link" href=link(&href::article(&t.slug))>{t.headline}</a>
                        <LocalTime at=t.published date_only=true class="panel__time" />
                    </div>
                </li>
            }
        })
        .collect_view();
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" class:panel--ranked=ranked aria-labelledby=labelled_by>
            <h2 class="panel__title" id=heading_id>{title}</h2>
            {if ranked {
                view! { <ol class="panel__list">{rows}</ol> }.into_any()
            } else {
                view! { <ul class="panel__list">{rows}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}
