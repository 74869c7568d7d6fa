//! The one loader pages get their data from, and the site-wide `site.json` context.

use crate::platform;
use leptos::prelude::*;
use newsfront_model::{ContentError, MostRead, Site};
use serde::de::DeserializeOwned;

/// Fetches `path` (relative to the content base) and decodes it.
pub async fn load<T: DeserializeOwned>(path: String) -> Result<T, ContentError> {
    let url = content_url(&path);
    let text = platform::fetch::get_text(&url).await?;
    newsfront_model::decode(&text, &url)
}

/// Absolute URL of a content file.
pub fn content_url(path: &str) -> String {
    format!("{}{}", content_base(), path)
}

/// The content base URL (from `<meta name="newsfront:content-base">`, default `/content/`).
pub fn content_base() -> String {
    platform::config::content_base()
}

/// Resolves an image or media `src` from content against the content base.
pub fn asset_url(src: &str) -> Option<String> {
    newsfront_model::href::resolve(&content_base(), src)
}

/// `site.json`, loaded once for the whole app.
#[derive(Clone, Copy)]
pub struct SiteResource(pub LocalResource<Result<Site, ContentError>>);

pub fn provide_site() -> LocalResource<Result<Site, ContentError>> {
    let site =
        LocalResource::new(|| load::<Site>(newsfront_model::href::content::SITE.to_string()));
    provide_context(SiteResource(site));
    site
}

/// The loaded site, when it has loaded successfully.
pub fn use_site() -> Signal<Option<Site>> {
    let res = use_context::<SiteResource>();
    Signal::derive(move || res.and_then(|r| r.0.get()).and_then(Result::ok))
}

/// `most-read.json`, fetched the first time a page asks for it and then shared by every page
/// of the session (it used to be fetched again by each article view).
#[derive(Clone)]
struct MostReadCell {
    /// The app root's owner, so the resource outlives the page that first asked for it.
    owner: Owner,
    resource: StoredValue<Option<LocalResource<Result<MostRead, ContentError>>>>,
}

/// Makes `use_most_read` share one fetch. Call once, in the app root.
pub fn provide_most_read() {
    if let Some(owner) = Owner::current() {
        provide_context(MostReadCell {
            owner,
            resource: StoredValue::new(None),
        });
    }
}

/// The session's Most Read list (loaded on first use).
pub fn use_most_read() -> LocalResource<Result<MostRead, ContentError>> {
    let fetch = || {
        LocalResource::new(|| {
            load::<MostRead>(newsfront_model::href::content::MOST_READ.to_string())
        })
    };
    let Some(cell) = use_context::<MostReadCell>() else {
        return fetch();
    };
    if let Some(existing) = cell.resource.get_value() {
        return existing;
    }
    let created = cell.owner.with(fetch);
    cell.resource.set_value(Some(created));
    created
}
