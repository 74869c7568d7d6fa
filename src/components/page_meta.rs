//! Head metadata for a route: title, description, canonical link, Open Graph and Twitter cards,
//! and the document language. Re-rendered on every client-side navigation.

use crate::components::paced::paced;
use crate::data::{edition_base, use_site, SiteResource};
use crate::edition;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};
use newsfront_model::href::canonical;
use newsfront_model::seo::{absolute_asset, og_locale};
use newsfront_model::Image;
use std::collections::BTreeMap;

/// Metadata of the current page. `path` is the route (without query or fragment).
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    #[prop(into)] path: String,
    /// The share-preview image; the site logo when `None`.
    #[prop(default = None)]
    image: Option<Image>,
    /// `article` for article pages, otherwise `website`.
    #[prop(optional)]
    article: bool,
    #[prop(optional, into)] lang: Option<String>,
    /// The page in other editions (edition code → site path there): `hreflang` alternates.
    #[prop(optional)]
    alternates: BTreeMap<String, String>,
) -> impl IntoView {
    let site = use_site();
    let title = StoredValue::new(title);
    let description = StoredValue::new(description);
    view! {
        <Title text=title.get_value() formatter=site_title() />
        <Meta name="description" content=description.get_value() />
        {move || site.get().map(|site| {
            let url = canonical(&site.base_url, &path);
            let img = image.clone().or_else(|| Some(site.logo.clone())).and_then(|i| {
                absolute_asset(&site, &edition_base(), &i.src).map(|src| (src, i))
            });
            let lang = lang.clone().unwrap_or_else(|| site.language.clone());
            let edition = edition::current();
            let versions = edition::alternates(edition.as_ref(), &path, &alternates);
            // Open Graph: this page's locale, and those of its other versions.
            let locale = og_locale(&lang);
            let mut og_alternates: Vec<String> = versions
                .iter()
                .filter(|(l, _)| l != "x-default")
                .map(|(l, _)| og_locale(l))
                .filter(|l| *l != locale)
                .collect();
            og_alternates.sort();
            og_alternates.dedup();
            let og_alternates = og_alternates
                .into_iter()
                .map(|l| view! { <Meta property="og:locale:alternate" content=l /> })
                .collect_view();
            let hreflang = versions
                .into_iter()
                .map(|(lang, path)| view! { <Link rel="alternate" hreflang=lang href=canonical(&site.base_url, &path) /> })
                .collect_view();
            let og_url = url.clone();
            // Three parts, each hydrated in its turn (`paced`): together, the tags' code run for
            // the first time was one task of 30-35 ms on this host with the article's JSON-LD.
            view! {
                {paced(move || view! {
                    <Html attr:lang=lang />
                    <Link rel="canonical" href=url />
                    {hreflang}
                }.into_any())}
                {paced(move || view! {
                    <Meta property="og:site_name" content=site.name />
                    <Meta property="og:locale" content=locale />
                    {og_alternates}
                    <Meta property="og:type" content=if article { "article" } else { "website" } />
                    <Meta property="og:title" content=title.get_value() />
                    <Meta property="og:description" content=description.get_value() />
                    <Meta property="og:url" content=og_url />
                }.into_any())}
                {paced(move || view! {
                    <Meta name="twitter:card" content="summary_large_image" />
                    <Meta name="twitter:title" content=title.get_value() />
                    <Meta name="twitter:description" content=description.get_value() />
                    {img.map(|(src, i)| view! {
                        <Meta property="og:image" content=src.clone() />
                        <Meta property="og:image:width" content=i.width.to_string() />
                        <Meta property="og:image:height" content=i.height.to_string() />
                        <Meta property="og:image:alt" content=i.alt.clone() />
                        <Meta name="twitter:image" content=src />
                    })}
                }.into_any())}
            }
        })}
    }
}

/// The document's title for a page's `<Title>`: "Page | Site", or the site's name alone when
/// the page's title is empty or is the name. Every page's `<Title>` carries it, so the page's
/// text and the formatter arrive together. A `<Title>` with a formatter and no text, rendered
/// before the page's own, would make leptos_meta empty `document.title` until the page's
/// `<Title>` hydrates (the routes hydrate in slices, `components::paced`).
pub fn site_title() -> impl Fn(String) -> String + Send + Sync + 'static {
    let site = use_context::<SiteResource>();
    move |page: String| {
        let name = site
            .and_then(|s| s.0.get())
            .and_then(Result::ok)
            .map(|s| s.frame.name)
            .unwrap_or_default();
        if page.is_empty() || page == name {
            name
        } else {
            format!("{page} | {name}")
        }
    }
}
