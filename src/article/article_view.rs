//! The article page's content: header (kicker, headline, standfirst, byline, times, reading
//! time), Listen and Share, hero, body, tags, topic box, and the Most Read / Coverage /
//! Read Next panels (beside the article on wide screens, below it on narrow ones).

use crate::article::body::ArticleBody;
use crate::article::infograph::InfographViewer;
use crate::components::caption::Caption;
use crate::components::content_image::ContentImage;
use crate::components::deferred::deferred_paced;
use crate::components::local_time::LocalTime;
use crate::components::paced::paced;
use crate::components::page_meta::PageMeta;
use crate::components::teaser_list::TeaserList;
use crate::data::{edition_base, use_content_after_hydration, use_most_read, use_site};
use crate::edition::link;
use crate::features::display::Display;
use crate::features::listen::Listen;
use crate::features::reading::{is_reading, provide_reading};
use crate::features::saved::SaveButton;
use crate::features::share::Share;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use leptos::prelude::*;
use leptos_meta::Script;
use newsfront_model::layout::sizes;
use newsfront_model::listen::Unit;
use newsfront_model::share::canonical;
use newsfront_model::{href, panels, seo, Article, ArticleKind, ListKind, ListPage, Teaser, Topic};

/// A whole article from its built JSON.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let site = use_site();
    let i18n = use_i18n();
    let most_read = use_most_read();
    let coverage = article.topic.clone();
    let coverage_slot = NodeRef::<leptos::html::Div>::new();
    let near = crate::platform::near::use_near(coverage_slot);
    let path = link(&href::article(&article.slug));
    // Where the story is in other editions, for the `hreflang` links of the prerendered head.
    let alternates = crate::edition::use_edition()
        .and_then(|c| c.list.get_untracked())
        .and_then(Result::ok)
        .map(|list| crate::edition::translation_paths(&list, &article.translations))
        .unwrap_or_default();
    crate::edition::announce_translations(path.clone(), article.translations.clone());
    let json_ld = {
        let article = article.clone();
        move || {
            site.get()
                .map(|s| seo::news_article(&article, &s, &edition_base()))
        }
    };
    let slug = StoredValue::new(article.slug.clone());
    let candidates = StoredValue::new(article.read_next.clone());
    let (listen_article, tools_path) = (article.clone(), path.clone());
    let save_teaser = newsfront_model::saved::teaser_of(&article);
    // What the search index (Pagefind, run over the prerendered pages) files the article under.
    let search_kind = format!("kind:{}", newsfront_model::search::kind_code(article.kind));
    let search_date = format!("date:{}", article.published.as_str());
    let search_region = article.region_label.clone().map(|r| format!("region:{r}"));
    let kind = article.kind;
    // A video article opens with its player (whose poster is the hero), so the hero is not repeated.
    let has_player = article.body.iter().any(|b| {
        matches!(
            b,
            newsfront_model::Block::Video { .. }
                | newsfront_model::Block::Embed { player: true, .. }
        )
    });

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
        .map(|(i, a)| view! { {(i > 0).then_some(move || t_string!(i18n, article.list_separator))}<a class="byline__author" href=link(&href::author(&a.slug))>{a.name}</a> })
        .collect_view();
    let tag_links = tags
        .into_iter()
        .map(|t| view! { <li><a class="tags__link" href=link(&href::tag(&t.slug))>{t.label}</a></li> })
        .collect_view();
    let body_lang = language.clone();
    // Listen writes the unit being read; the headline, standfirst and body blocks mark it.
    let reading = Some(provide_reading());

    view! {
        // The head's tags, the hero and the footer are paced: each may hydrate in a task of its
        // own (`components::paced`), so no one task decodes, builds and hydrates the whole page.
        {paced({
            let (title, description, image, lang) = (headline.clone(), standfirst.clone(), hero.clone(), language.clone());
            move || view! { <PageMeta title description path=path image article=true lang alternates=alternates /> }.into_any()
        })}
        {paced(move || view! { {move || json_ld().map(|j| view! { <Script type_="application/ld+json">{j}</Script> })} }.into_any())}
        <div class="article-layout">
            <article class="article" lang=language data-pagefind-body="" data-pagefind-filter=search_kind
                data-pagefind-sort=search_date.clone() data-pagefind-meta=search_date>
                {search_region.map(|r| view! { <span data-pagefind-filter=r></span> })}
                <header class="article__header">
                    <a class="article__kicker" href=link(&href::section(&section)) data-pagefind-filter="section">{section_label}</a>
                    <h1 class="article__headline" class:is-reading=is_reading(reading, Unit::Headline)>{headline}</h1>
                    <p class="article__standfirst" class:is-reading=is_reading(reading, Unit::Standfirst)>{standfirst}</p>
                    <div class="byline">
                        <p class="byline__authors">{move || t_string!(i18n, article.by)}" "{byline}</p>
                        {source.map(|s| view! { <p class="byline__source">{move || t_string!(i18n, article.source)}" "{s}</p> })}
                        <p class="byline__meta">
                            <LocalTime at=published />
                            {updated.map(|u| view! { " · "{move || t_string!(i18n, article.updated)}" "<LocalTime at=u /> })}
                            " · "{move || crate::text::digits(&t_string!(i18n, article.minutes_read, count = reading_minutes).to_string())}
                        </p>
                    </div>
                    <div class="article__tools" data-pagefind-ignore="all">
                        // Their code is fetched and hydrated once the page is idle, or when the
                        // reader presses one: no page waits for it.
                        {deferred_paced("article__tools-part", preload_tools, move || tools_chunk(listen_article, tools_path, save_teaser))}
                    </div>
                </header>
                {hero.filter(|_| !(kind == ArticleKind::Video && has_player)).map(|img| paced(move || {
                    if kind == ArticleKind::Infograph {
                        return view! { <InfographViewer image=img /> }.into_any();
                    }
                    let caption = img.caption.clone();
                    let credit = img.credit.clone();
                    view! {
                        <figure class="article__hero">
                            <ContentImage image=img eager=true priority=true sizes=sizes::ARTICLE_COLUMN />
                            <Caption class="article__caption" caption credit />
                        </figure>
                    }
                    .into_any()
                }))}
                <div class="article__body">
                    <ArticleBody blocks=body gallery=kind == ArticleKind::Gallery lang=body_lang />
                </div>
                {paced(move || view! { <footer class="article__footer">
                    <ul class="tags" aria-label=move || t_string!(i18n, article.tags)>{tag_links}</ul>
                    {topic.map(|t| view! {
                        <aside class="topic-box" aria-labelledby="topic-box-title">
                            <p class="topic-box__label">{t.title.clone()}</p>
                            <h2 class="topic-box__title" id="topic-box-title"><a href=link(&href::topic(&t.slug))>{t.title}</a></h2>
                            <p class="topic-box__description">{t.description}</p>
                        </aside>
                    })}
                </footer> }.into_any())}
            </article>
            <div class="article-layout__aside">
                {move || {
                    // Most Read and Read Next appear together once Most Read has arrived (or
                    // failed), so one arriving late never pushes the other down the page.
                    let most = most_read.get()?;
                    let most: Vec<_> = most.ok().map(|m| m.items).unwrap_or_default();
                    let chosen = candidates.with_value(|c| slug.with_value(|s| panels::select(s, &most, c)));
                    Some(view! {
                        {paced(move || view! { <TeaserList title=t_string!(i18n, article.most_read) items=chosen.most_read ranked=true id="most-read" /> }.into_any())}
                        {paced(move || view! { <TeaserList title=t_string!(i18n, article.read_next) items=chosen.read_next id="read-next" /> }.into_any())}
                    })
                }}
                // Coverage comes last, loaded after hydration (not prerendered: see
                // `use_content_after_hydration`), so arriving it pushes nothing down. Its file is
                // fetched and its list built when its place comes near the screen (`near`): on a
                // phone far below the article, neither is work for the start-up.
                <div class="article-layout__coverage" node_ref=coverage_slot>
                    {coverage.map(|topic| move || {
                        near.get().then(|| view! { <Coverage topic=topic.clone() slug=slug.get_value() /> })
                    })}
                </div>
            </div>
        </div>
    }
}

entry_point! {
    /// The article's tools: Listen, Share, Save and Display (see `ArticleTools`).
    fn tools_chunk(article: Article, path: String, teaser: Teaser) preload preload_tools {
        view! { <ArticleTools article path teaser /> }.into_any()
    }
}

/// Listen, Share (always the canonical address of the article at `path`), Save and Display.
#[component]
fn ArticleTools(article: Article, path: String, teaser: Teaser) -> impl IntoView {
    let site = use_site();
    let title = article.headline.clone();
    let url = move || canonical(&site.get().map(|s| s.base_url).unwrap_or_default(), &path);
    // Each control hydrated in a slice of its own (`deferred_paced`): together, compiling and
    // running their code on first use was one task of 20-45 ms on this host (four times that
    // on Lighthouse's phone).
    view! {
        {paced(move || view! { <Listen article /> }.into_any())}
        {paced(move || view! { {move || view! { <Share title=title.clone() url=url() /> }} }.into_any())}
        {paced(move || view! { <SaveButton teaser /> }.into_any())}
        {paced(move || view! { <Display id="display-article" /> }.into_any())}
    }
}

/// The other articles of the story (its topic's list, this one left out). Its file is fetched
/// when the panel is built, after hydration (`use_content_after_hydration`).
#[component]
fn Coverage(topic: Topic, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let list = {
        let topic = topic.slug.clone();
        use_content_after_hydration::<ListPage>(move || {
            href::content::list(ListKind::Topic, &topic, 1)
        })
    };
    move || {
        let items = list.get()?.ok()?.items;
        let items = panels::coverage(&items, &slug);
        (!items.is_empty()).then(|| view! {
            <TeaserList title=t_string!(i18n, article.coverage, topic = &topic.title).to_string() items id="coverage" />
        })
    }
}
