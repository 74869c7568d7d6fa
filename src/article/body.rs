//! The article body: one `match` over the block enum.

use crate::article::inline::inline_view;
use crate::components::content_image::ContentImage;
use crate::data::asset_url;
use leptos::prelude::*;
use newsfront_model::{href, Block};

/// Renders body blocks in order; unknown blocks render nothing (logged once per page).
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    let unknown = blocks
        .iter()
        .filter(|b| matches!(b, Block::Unknown))
        .count();
    if unknown > 0 {
        leptos::logging::warn!("{unknown} body block(s) of an unknown type were skipped");
    }
    blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| block_view(i, b))
        .collect_view()
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
                    <figcaption class="figure__caption">
                        {caption}{credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
                    </figcaption>
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
        Block::Video { src, poster, captions, caption, .. } => {
            let poster_url = asset_url(&poster.src);
            match asset_url(&src) {
                Some(src) => view! {
                    <figure class="figure" data-block=i>
                        <video class="video" controls preload="none" poster=poster_url width=poster.width height=poster.height src=src>
                            {captions.and_then(|c| asset_url(&c)).map(|c| view! { <track kind="captions" src=c srclang="en" label="English" /> })}
                        </video>
                        {caption.map(|c| view! { <figcaption class="figure__caption">{c}</figcaption> })}
                    </figure>
                }
                .into_any(),
                None => ().into_any(),
            }
        }
        Block::Embed { url, title, provider } => match href::safe_url(&url) {
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
