//! `/search?q=…`: search over the articles of the edition being read (Pagefind's index of the
//! prerendered pages, `platform::search`), as the reader types (debounced), with filters by
//! section, region and kind, sorted by relevance or newest. The query lives in the address (a
//! search can be shared, Back restores it). Pagefind's code and index load only here, on the
//! first query. The prerendered page is the form alone: what depends on the address and the
//! network is filled in after hydration.

use crate::components::page_meta::PageMeta;
use crate::edition::link;
use crate::i18n::{t_string, use_i18n};
use crate::platform::search::{self as engine, SearchError};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use leptos_use::signal_debounced;
use newsfront_model::href;
use newsfront_model::search::{highlight, Hit, Query, Results, Sort, FILTERS};
use newsfront_model::time::Timestamp;

/// Where Pagefind's bundle is, beside the pages.
const BUNDLE: &str = "/pagefind/";
/// How long typing pauses before a query runs.
const DEBOUNCE_MS: f64 = 250.0;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let navigate = use_navigate();
    let path = link(&href::search());
    // The query in the address, read once hydrated (the prerendered page has none).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let query = Memo::new(move |_| {
        if !ready.get() {
            return Query::default();
        }
        params.with(|p| {
            Query::from_pairs(
                ["q", "section", "region", "kind", "sort"]
                    .into_iter()
                    .filter_map(|k| p.get_str(k).map(|v| (k, v))),
            )
        })
    });
    // What is typed, kept in the address after a pause (only once the reader has typed: the
    // debounced copy starts empty, which is not a query to put in the address).
    let typed = RwSignal::new(String::new());
    let edited = RwSignal::new(false);
    Effect::new(move |_| typed.set(query.with(|q| q.q.clone())));
    let settled = signal_debounced(typed, DEBOUNCE_MS);
    let go = {
        let path = path.clone();
        move |next: Query| {
            navigate(
                &format!("{path}{}", next.to_search()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    };
    let go = StoredValue::new(go);
    Effect::new(move |_| {
        let words: String = settled.get();
        let current = query.get_untracked();
        if edited.get_untracked() && words.trim() != current.q {
            go.with_value(|go| go(current.with("q", words.trim())));
        }
    });
    let results = LocalResource::new(move || {
        let q = query.get();
        async move {
            let answer = if q.is_empty() {
                None
            } else {
                Some(engine::run(BUNDLE, &q).await)
            };
            (q, answer)
        }
    });
    // The last answer stays on screen while the next query runs (no Suspense: nothing here
    // waits during hydration, when there is no query yet), with the query it answers.
    let shown = RwSignal::new(None::<(Query, Option<Result<Results, SearchError>>)>);
    Effect::new(move |_| {
        if let Some(answer) = results.get() {
            shown.set(Some(answer));
        }
    });
    // Results for another query than the address's are on screen: `aria-busy` on the results
    // region until the answer for this one replaces them.
    let busy = move || {
        query.with(|q| {
            shown.with(|s| match s {
                Some((answered, _)) => answered != q,
                None => !q.is_empty(),
            })
        })
    };
    let set = move |name: &'static str| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let next = query.get_untracked().with(name, &value);
            go.with_value(|go| go(next));
        }
    };
    let kind_label = move |kind: &str| -> String {
        match kind {
            "video" => t_string!(i18n, pages.badge_video).to_string(),
            "gallery" => t_string!(i18n, pages.badge_gallery).to_string(),
            "infograph" => t_string!(i18n, pages.badge_infograph).to_string(),
            _ => t_string!(i18n, pages.search_kind_article).to_string(),
        }
    };
    let filter_label = move |name: &str| -> String {
        match name {
            "section" => t_string!(i18n, pages.search_section).to_string(),
            "region" => t_string!(i18n, pages.search_region).to_string(),
            _ => t_string!(i18n, pages.search_kind).to_string(),
        }
    };
    // One select per filter, with the values (and counts) the index has for these words.
    let filters = move |found: &Results| {
        let q = query.get_untracked();
        FILTERS
            .into_iter()
            .map(|name| {
                let mut values: Vec<(String, usize)> = found
                    .filters
                    .get(name)
                    .map(|m| m.iter().map(|(v, n)| (v.clone(), *n)).collect())
                    .unwrap_or_default();
                let chosen = q.filter(name).to_string();
                // Only values these words can reach (and the one chosen).
                values.retain(|(v, n)| *n > 0 || *v == chosen);
                if !chosen.is_empty() && !values.iter().any(|(v, _)| *v == chosen) {
                    values.push((chosen.clone(), 0));
                }
                let id = format!("search-{name}");
                let options = values
                    .into_iter()
                    .map(|(value, count)| {
                        let label = if name == "kind" { kind_label(&value) } else { value.clone() };
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{format!("{label} ({})", crate::text::digits(&count.to_string()))}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="search__filter">
                        <label for=id.clone()>{filter_label(name)}</label>
                        <select id=id on:change=set(name)>
                            <option value="" selected=chosen.is_empty()>{move || t_string!(i18n, pages.search_any)}</option>
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let body = move || {
        let (_, found) = shown.get()?;
        Some(match found {
            None => view! { <p class="search__hint">{move || t_string!(i18n, pages.search_hint)}</p> }.into_any(),
            Some(Err(SearchError::Unreachable)) => view! {
                <p class="search__offline" role="alert">{move || t_string!(i18n, pages.search_offline)}</p>
            }.into_any(),
            Some(Err(SearchError::Broken(detail))) => view! {
                <p class="search__offline" role="alert">{move || t_string!(i18n, pages.search_broken)}" "<span lang="en" dir="ltr">{detail.clone()}</span></p>
            }.into_any(),
            Some(Ok(found)) => {
                let q = query.get_untracked();
                let count = t_string!(i18n, pages.search_count, count = found.total).to_string();
                let hits = found.hits.iter().cloned().map(|hit| view! { <SearchHit hit /> }).collect_view();
                view! {
                    <div class="search__controls">
                        {filters(&found)}
                        <div class="search__filter">
                            <label for="search-sort">{move || t_string!(i18n, pages.search_sort)}</label>
                            <select id="search-sort" on:change=set("sort")>
                                <option value="relevance" selected=q.sort == Sort::Relevance>{move || t_string!(i18n, pages.search_relevance)}</option>
                                <option value="newest" selected=q.sort == Sort::Newest>{move || t_string!(i18n, pages.search_newest)}</option>
                            </select>
                        </div>
                    </div>
                    <p class="search__count" role="status">{crate::text::digits(&count)}</p>
                    <ol class="search__results">{hits}</ol>
                }.into_any()
            }
        })
    };
    view! {
        <PageMeta
            title=t_string!(i18n, pages.search_title).to_string()
            description=t_string!(i18n, pages.search_description).to_string()
            path=path.clone()
        />
        <section class="listing search" data-pagefind-ignore="all">
            <header class="listing__header"><h1 class="listing__title">{move || t_string!(i18n, pages.search_title)}</h1></header>
            <form class="search__form" role="search" action=path method="get" on:submit=move |ev| {
                ev.prevent_default();
                let next = query.get_untracked().with("q", typed.get_untracked().trim());
                go.with_value(|go| go(next));
            }>
                <label class="visually-hidden" for="search-q">{move || t_string!(i18n, pages.search_label)}</label>
                <input id="search-q" class="search__input" type="search" name="q" autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| { edited.set(true); typed.set(event_target_value(&ev)); } />
                <button class="button" type="submit">{move || t_string!(i18n, pages.search_submit)}</button>
            </form>
            <div class="search__body" aria-busy=move || busy().to_string()>{body}</div>
        </section>
    }
}

/// One result: thumbnail, section, headline, highlighted excerpt, date.
#[component]
fn SearchHit(hit: Hit) -> impl IntoView {
    let url = match hit.url.trim_end_matches('/') {
        "" => "/".to_string(),
        u => u.to_string(),
    };
    let excerpt = highlight(&hit.excerpt)
        .into_iter()
        .map(|p| {
            if p.marked {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view();
    let date = Timestamp::parse(&hit.date).ok();
    view! {
        <li class="search-hit">
            {hit.image.map(|src| view! { <img class="search-hit__image" src=src alt=hit.image_alt width="160" height="90" loading="lazy" decoding="async" /> })}
            <div class="search-hit__text">
                <p class="search-hit__section">{hit.section}</p>
                <h2 class="search-hit__title"><a href=url>{hit.title}</a></h2>
                <p class="search-hit__excerpt">{excerpt}</p>
                {date.map(|d| view! { <time class="search-hit__time" datetime=d.as_str().to_string()>{crate::text::date(&d, false)}</time> })}
            </div>
        </li>
    }
}
