//! The article body: one `match` over the block enum.

use crate::article::gallery::Gallery;
use crate::article::inline::inline_view;
use crate::article::player_facade::PlayerFacade;
use crate::article::video_player::VideoPlayer;
use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::data::use_site;
use leptos::prelude::*;
use newsfront_model::{href, Block, Image};

/// Renders body blocks in order; unknown blocks render nothing (logged once per page).
/// With `gallery`, the image blocks become one photo gallery where the first of them stood.
#[component]
pub fn ArticleBody(blocks: Vec<Block>, #[prop(optional)] gallery: bool) -> impl IntoView {
    let unknown = blocks
        .iter()
        .filter(|b| matches!(b, Block::Unknown))
        .count();
    if unknown > 0 {
        leptos::logging::warn!("{unknown} body block(s) of an unknown type were skipped");
    }
    if !gallery {
        return blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| block_view(i, b))
            .collect_view()
            .into_any();
    }
    let photos: Vec<Image> = blocks
        .iter()
        .filter_map(|b| {
            if let Block::Image { image } = b {
                Some(image.clone())
            } else {
                None
            }
        })
        .collect();
    let first = blocks.iter().position(|b| matches!(b, Block::Image { .. }));
    let mut photos = Some(photos);
    blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| match b {
            Block::Image { .. } if Some(i) == first => {
                let photos = photos.take().unwrap_or_default();
                view! { <div data-block=i><Gallery photos /></div> }.into_any()
            }
            Block::Image { .. } => ().into_any(),
            other => block_view(i, other),
        })
        .collect_view()
        .into_any()
}

/// `data-block` carries the block's index (Listen highlights the block being read).
fn block_view(i: usize, block: Block) -> AnyView {
    match block {
        Block::Paragraph { text, inlines } => {
            if inlines.is_empty() {
                view! { <p data-block=i>{text}</p> }.into_any()
            } else {
                view! { <p data-block=i>{inlines.into_iter().map(inline_view).collect_view()}</p> }.into_any()
            }
        }
        Block::Subheading { text } => view! { <h2 class="article__subheading" data-block=i>{text}</h2> }.into_any(),
        Block::ReadMore { slug, headline } => {
            let link = href::article(&slug);
            view! {
                <p class="read-more" data-block=i>
                    <span class="read-more__label">"Read more: "</span>
                    <a class="read-more__link" href=link>{headline.unwrap_or(slug)}</a>
                </p>
            }
            .into_any()
        }
        Block::Related { title, items, .. } => view! {
            <aside class="related" data-block=i>
                <h2 class="related__title">{title}</h2>
                <ul class="related__list">
                    {items.into_iter().map(|i| view! { <li><a href=href::article(&i.slug)>{i.headline}</a></li> }).collect_view()}
                </ul>
            </aside>
        }
        .into_any(),
        Block::Quote { text, attribution } => view! {
            <blockquote class="quote" data-block=i>
                <p>{text}</p>
                {attribution.map(|a| view! { <footer class="quote__attribution">{a}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Image { image } => {
            let caption = image.caption.clone();
            let credit = image.credit.clone();
            view! {
                <figure class="figure" data-block=i>
                    <ContentImage image sizes="(min-width: 900px) 720px, 100vw" />
                    <Caption class="figure__caption" caption credit />
                </figure>
            }
            .into_any()
        }
        Block::List { ordered, items } => {
            let items = items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
            if ordered {
                view! { <ol class="list" data-block=i>{items}</ol> }.into_any()
            } else {
                view! { <ul class="list" data-block=i>{items}</ul> }.into_any()
            }
        }
        Block::Video { src, poster, captions, caption, .. } => view! {
            <div data-block=i>
                <VideoPlayer src poster captions caption />
            </div>
        }
        .into_any(),
        Block::Embed { url, title, provider, player: true, poster } if use_site().get_untracked().is_some_and(|s| s.allows_embed(&url)) => view! {
            <div data-block=i>
                <PlayerFacade url title provider poster />
            </div>
        }
        .into_any(),
        Block::Embed { url, title, provider, .. } => match href::safe_url(&url) {
            Some(url) => view! {
                <p class="embed-card" data-block=i>
                    <a class="embed-card__link" href=url rel="noopener noreferrer">
                        <span class="embed-card__title">{title}</span>
                        {provider.map(|p| view! { <span class="embed-card__provider">{p}</span> })}
                    </a>
                </p>
            }
            .into_any(),
            None => ().into_any(),
        },
        Block::Unknown => ().into_any(),
    }
}
