//! A story card: image, section, headline, time.

use crate::components::content_image::ContentImage;
use crate::edition::link;
use crate::features::saved::SaveToggle;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::layout;
use newsfront_model::time::duration;
use newsfront_model::{href, Teaser};

/// A linked story card. `lead` makes it the large first story of a listing.
#[component]
pub fn TeaserCard(
    teaser: Teaser,
    #[prop(optional)] lead: bool,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = view! { <SaveToggle teaser=teaser.clone() /> };
    let Teaser {
        slug,
        headline,
        standfirst,
        section,
        section_label,
        published,
        image,
        kind,
        duration_seconds,
        ..
    } = teaser;
    let article_link = link(&href::article(&slug));
    let sizes = if lead {
        layout::sizes::LEAD_CARD
    } else {
        layout::sizes::CARD
    };
    let media_badge = match kind {
        newsfront_model::ArticleKind::Video => Some(match duration_seconds {
            Some(d) => format!("▶ {}", duration(d)),
            None => format!("▶ {}", t_string!(i18n, pages.badge_video)),
        }),
        newsfront_model::ArticleKind::Gallery => {
            Some(t_string!(i18n, pages.badge_gallery).to_string())
        }
        newsfront_model::ArticleKind::Infograph => {
            Some(t_string!(i18n, pages.badge_infograph).to_string())
        }
        _ => None,
    };
    let badge_label = match (kind, duration_seconds) {
        (newsfront_model::ArticleKind::Video, Some(d)) => {
            Some(t_string!(i18n, pages.badge_video_duration, duration = duration(d)).to_string())
        }
        _ => None,
    };
    view! {
        <article class="card" class:card--lead=lead>
            <div class="card__media">
                {image.map(|img| view! { <ContentImage image=img eager sizes=sizes class="card__image" /> })}
                {media_badge.map(|b| view! { <span class="card__badge" aria-label=badge_label>{b}</span> })}
            </div>
            <div class="card__body">
                <a class="card__section" href=link(&href::section(&section))>{section_label}</a>
                <h2 class="card__title"><a class="card__link" href=article_link>{headline}</a></h2>
                {lead.then(|| view! { <p class="card__standfirst">{standfirst}</p> })}
                <div class="card__foot">
                    <time class="card__time" datetime=published.as_str().to_string()>{crate::text::date(&published, false)}</time>
                    {save}
                </div>
            </div>
        </article>
    }
}
