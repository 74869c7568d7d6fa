//! The article body: one `match` over the block enum.

use crate::article::gallery::Gallery;
use crate::article::inline::inline_view;
use crate::article::player_facade::PlayerFacade;
use crate::article::video_player::VideoPlayer;
use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::components::paced::paced;
use crate::data::use_site;
use crate::edition::link;
use crate::features::reading::{is_reading, use_reading, Reading};
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::listen::Unit;
use newsfront_model::{href, Block, Image};

/// Renders body blocks in order; unknown blocks render nothing (logged once per page).
/// With `gallery`, the image blocks become one photo gallery where the first of them stood.
/// `lang` is the article's language (caption tracks of its videos are labelled with it).
#[component]
pub fn ArticleBody(
    blocks: Vec<Block>,
    #[prop(optional)] gallery: bool,
    #[prop(optional, into)] lang: Option<String>,
) -> impl IntoView {
    let ctx = BlockCtx {
        reading: use_reading(),
        lang,
    };
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
            .map(|(i, b)| {
                let ctx = ctx.clone();
                paced(move || block_view(&ctx, i, b))
            })
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
                view! { <div data-block=i class:is-reading=is_reading(ctx.reading, Unit::Block(i))><Gallery photos /></div> }.into_any()
            }
            Block::Image { .. } => ().into_any(),
            other => {
                let ctx = ctx.clone();
                paced(move || block_view(&ctx, i, other)).into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// What every block view needs besides its block.
#[derive(Clone)]
struct BlockCtx {
    reading: Option<Reading>,
    lang: Option<String>,
}

/// `data-block` carries the block's index; the block being read aloud gets the reading class.
fn block_view(ctx: &BlockCtx, i: usize, block: Block) -> AnyView {
    let reading = is_reading(ctx.reading, Unit::Block(i));
    match block {
        Block::Paragraph { text, inlines } => {
            if inlines.is_empty() {
                view! { <p data-block=i class:is-reading=reading>{text}</p> }.into_any()
            } else {
                view! { <p data-block=i class:is-reading=reading>{inlines.into_iter().map(inline_view).collect_view()}</p> }.into_any()
            }
        }
        Block::Subheading { text } => view! { <h2 class="article__subheading" data-block=i class:is-reading=reading>{text}</h2> }.into_any(),
        Block::ReadMore { slug, headline } => {
            let i18n = use_i18n();
            let link = link(&href::article(&slug));
            view! {
                <p class="read-more" data-block=i class:is-reading=reading>
                    <span class="read-more__label">{move || t_string!(i18n, article.read_more)}" "</span>
                    <a class="read-more__link" href=link>{headline.unwrap_or(slug)}</a>
                </p>
            }
            .into_any()
        }
        Block::Related { title, items, .. } => view! {
            <aside class="related" data-block=i class:is-reading=reading>
                <h2 class="related__title">{
                    if title.is_empty() { t_string!(use_i18n(), article.related_news).to_string() } else { title }
                }</h2>
                <ul class="related__list">
                    {items.into_iter().map(|i| view! { <li><a href=link(&href::article(&i.slug))>{i.headline}</a></li> }).collect_view()}
                </ul>
            </aside>
        }
        .into_any(),
        Block::Quote { text, attribution } => view! {
            <blockquote class="quote" data-block=i class:is-reading=reading>
                <p>{text}</p>
                {attribution.map(|a| view! { <footer class="quote__attribution">{a}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Image { image } => {
            let caption = image.caption.clone();
            let credit = image.credit.clone();
            view! {
                <figure class="figure" data-block=i class:is-reading=reading>
                    <ContentImage image sizes=sizes::ARTICLE_COLUMN />
                    <Caption class="figure__caption" caption credit />
                </figure>
            }
            .into_any()
        }
        Block::List { ordered, items } => {
            let items = items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
            if ordered {
                view! { <ol class="list" data-block=i class:is-reading=reading>{items}</ol> }.into_any()
            } else {
                view! { <ul class="list" data-block=i class:is-reading=reading>{items}</ul> }.into_any()
            }
        }
        Block::Video { src, poster, captions, caption, .. } => {
            let lang = ctx.lang.clone();
            view! {
                <div data-block=i class:is-reading=reading>
                    <VideoPlayer src poster captions caption lang />
                </div>
            }
            .into_any()
        }
        Block::Embed { url, title, provider, player, poster } => {
            let site = use_site();
            // Reactive: on a client-rendered page the article can arrive before site.json,
            // and an allowed player must appear once the site's embed hosts are known.
            let checked = url.clone();
            let allowed = move || player && site.with(|s| s.as_ref().is_some_and(|s| s.allows_embed(&checked)));
            view! {
                <div data-block=i class:is-reading=reading>
                    {move || if allowed() {
                        let (url, title, provider, poster) = (url.clone(), title.clone(), provider.clone(), poster.clone());
                        view! { <PlayerFacade url title provider poster /> }.into_any()
                    } else {
                        embed_card(&url, title.clone(), provider.clone())
                    }}
                </div>
            }
            .into_any()
        }
        Block::Unknown => ().into_any(),
    }
}

/// A link card for an embed that is not played in the page (unsafe URLs render nothing).
fn embed_card(url: &str, title: String, provider: Option<String>) -> AnyView {
    href::safe_url(url)
        .map(|url| {
            view! {
                <p class="embed-card">
                    <a class="embed-card__link" href=url rel="noopener noreferrer">
                        <span class="embed-card__title">{title}</span>
                        {provider.map(|p| view! { <span class="embed-card__provider">{p}</span> })}
                    </a>
                </p>
            }
        })
        .into_any()
}
