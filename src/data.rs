//! The one loader pages get their data from, and the site-wide `site.json` context.

use crate::platform;
use leptos::prelude::*;
use newsfront_model::{ContentError, Site};
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
