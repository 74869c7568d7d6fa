//! An article's header (kicker, headline, standfirst, byline, times), hero, body and tags.

use crate::article::body::ArticleBody;
use crate::components::content_image::ContentImage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use newsfront_model::{href, Article};

/// A whole article from its built JSON.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let Article {
        section,
        section_label,
        headline,
        standfirst,
        authors,
        source,
        published,
        updated,
        reading_minutes,
        hero,
        body,
        tags,
        topic,
        language,
        ..
    } = article;
    let byline = authors
        .into_iter()
        .enumerate()
        .map(|(i, a)| view! { {(i > 0).then_some(", ")}<a class="byline__author" href=href::author(&a.slug)>{a.name}</a> })
        .collect_view();
    let tag_links = tags
        .into_iter()
        .map(|t| view! { <li><a class="tags__link" href=href::tag(&t.slug)>{t.label}</a></li> })
        .collect_view();
    view! {
        <Title text=headline.clone() />
        <Meta name="description" content=standfirst.clone() />
        <article class="article" lang=language>
            <header class="article__header">
                <a class="article__kicker" href=href::section(&section)>{section_label}</a>
                <h1 class="article__headline">{headline}</h1>
                <p class="article__standfirst">{standfirst}</p>
                <div class="byline">
                    <p class="byline__authors">"By "{byline}</p>
                    {source.map(|s| view! { <p class="byline__source">"Source: "{s}</p> })}
                    <p class="byline__meta">
                        <time datetime=published.as_str().to_string()>{published.display()}</time>
                        {updated.map(|u| view! { " · Updated " <time datetime=u.as_str().to_string()>{u.display()}</time> })}
                        " · "{format!("{reading_minutes} min read")}
                    </p>
                </div>
            </header>
            {hero.map(|img| {
                let caption = img.caption.clone();
                let credit = img.credit.clone();
                view! {
                    <figure class="article__hero">
                        <ContentImage image=img eager=true sizes="(min-width: 900px) 720px, 100vw" />
                        <figcaption class="article__caption">
                            {caption}{credit.map(|c| view! { " " <span class="article__credit">{c}</span> })}
                        </figcaption>
                    </figure>
                }
            })}
            <div class="article__body">
                <ArticleBody blocks=body />
            </div>
            <footer class="article__footer">
                <ul class="tags" aria-label="Tags">{tag_links}</ul>
                {topic.map(|t| view! {
                    <aside class="topic-box" aria-labelledby="topic-box-title">
                        <p class="topic-box__label">{t.title.clone()}</p>
                        <h2 class="topic-box__title" id="topic-box-title"><a href=href::topic(&t.slug)>{t.title}</a></h2>
                        <p class="topic-box__description">{t.description}</p>
                    </aside>
                })}
            </footer>
        </article>
    }
}
