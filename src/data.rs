//! The one loader pages get their data from, and the site-wide `site.json` context.

use crate::platform;
use crate::platform::fetch::Abort;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsfront_model::{ContentError, MostRead, Site, SiteFrame};
use serde::de::DeserializeOwned;
use std::sync::{Arc, OnceLock};

/// Fetches `path` (relative to the content base) and decodes it; `abort` cancels the request.
pub async fn load<T: DeserializeOwned>(
    path: String,
    abort: Option<Abort>,
) -> Result<T, ContentError> {
    let url = content_url(&path);
    let text = platform::fetch::get_text_abortable(&url, abort.as_ref()).await?;
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

/// The folder of the edition being read under the content base (`/content/ar/`): relative
/// `src` paths in an edition's files (images, media) are relative to it.
pub fn edition_base() -> String {
    format!(
        "{}{}",
        content_base(),
        crate::edition::content_dir_untracked()
    )
}

/// Resolves an image or media `src` from content against the edition's content folder.
pub fn asset_url(src: &str) -> Option<String> {
    newsfront_model::href::resolve(&edition_base(), src)
}

/// A content file a view shows: `None` while loading, then the decoded file or the reason it
/// could not be shown.
///
/// When the page was prerendered, the file's text is already embedded in it (the build read it
/// from disk), so the first render has the data and hydrates the server's markup; later paths
/// (client-side navigation) and retries fetch over the network.
pub struct Content<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, ContentError>>>,
    generation: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Content<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Content<T> {}

impl<T: Clone + Send + Sync + 'static> Content<T> {
    /// The current state (tracked).
    pub fn get(&self) -> Option<Result<T, ContentError>> {
        self.value.get()
    }

    /// The current state, untracked.
    pub fn get_untracked(&self) -> Option<Result<T, ContentError>> {
        self.value.get_untracked()
    }

    /// A slot filled by its owner instead of a fetch (component tests, data already at hand).
    pub fn manual(value: Option<Result<T, ContentError>>) -> Self {
        Content {
            value: RwSignal::new(value),
            generation: RwSignal::new(0),
        }
    }

    /// Fills the slot (see `manual`).
    pub fn set(&self, value: Result<T, ContentError>) {
        self.value.set(Some(value));
    }

    /// Loads the file again (after an error), showing the loading state meanwhile.
    pub fn refetch(&self) {
        self.value.set(None);
        self.generation.update(|g| *g += 1);
    }
}

/// Loads the content file at `path()` (relative to the content base) and again whenever the
/// path changes. A request still running when the path changes again (a reader clicking
/// through several articles), when the file is loaded again, or when the view goes away is
/// aborted, so only the download that is still wanted uses the connection.
///
/// `path` is relative to the edition being read (`articles/x.json` is `ar/articles/x.json` in the
/// Arabic edition: [`crate::edition`]).
pub fn use_content<T>(path: impl Fn() -> String + Send + Sync + 'static) -> Content<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    load_content(in_edition(path), true)
}

/// Like [`use_content`] for a file of the whole site, not of one edition (`editions.json`).
pub fn use_content_at_root<T>(path: impl Fn() -> String + Send + Sync + 'static) -> Content<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    load_content(path, true)
}

fn in_edition(
    path: impl Fn() -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || format!("{}{}", crate::edition::content_dir(), path())
}

/// Like [`use_content`], but never part of the prerendered page: the file is fetched in the
/// browser after hydration (and the server renders the empty state). For a panel that many pages
/// show and one edit changes, such as a topic's Coverage list read by every article of the topic:
/// a page that does not read it at build time does not depend on it, so publishing one article
/// renders its own page again, not thousands (docs/publishing.md).
pub fn use_content_after_hydration<T>(
    path: impl Fn() -> String + Send + Sync + 'static,
) -> Content<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    load_content(in_edition(path), false)
}

fn load_content<T>(path: impl Fn() -> String + Send + Sync + 'static, prefill: bool) -> Content<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    let path = Memo::new(move |_| path());
    let value = RwSignal::new(if prefill {
        prefilled::<T>(&path.get_untracked())
    } else {
        None
    });
    let generation = RwSignal::new(0u32);
    // The browser's request handle lives on this thread only.
    let in_flight = StoredValue::new_local(None::<Abort>);
    let cancel = move || {
        in_flight.try_update_value(|request| {
            if let Some(request) = request.take() {
                request.abort();
            }
        });
    };
    on_cleanup(cancel);
    // Effects run only in the browser, after hydration.
    Effect::new(move |previous: Option<(String, u32)>| {
        let current = (path.get(), generation.get());
        let seeded = previous.is_none() && value.with_untracked(Option::is_some);
        if !seeded {
            cancel();
            let request = Abort::new();
            in_flight.set_value(Some(request.clone()));
            let (p, g) = current.clone();
            spawn_local(async move {
                let result = load::<T>(p.clone(), Some(request)).await;
                let still_wanted = path.try_get_untracked().as_ref() == Some(&p)
                    && generation.try_get_untracked() == Some(g);
                if still_wanted {
                    in_flight.try_set_value(None);
                    value.try_set(Some(result));
                }
            });
        }
        current
    });
    Content { value, generation }
}

/// The file's text when this render already has it: read from disk while prerendering, or
/// embedded in the prerendered page being hydrated.
fn prefilled_text(path: &str) -> Option<Option<String>> {
    #[cfg(feature = "ssr")]
    {
        crate::prerender::read_content(path)
    }
    #[cfg(not(feature = "ssr"))]
    {
        platform::hydration::take_file(path)
    }
}

fn prefilled<T: DeserializeOwned>(path: &str) -> Option<Result<T, ContentError>> {
    let url = content_url(path);
    prefilled_text(path).map(|text| match text {
        Some(text) => newsfront_model::decode(&text, &url),
        None => Err(ContentError::NotFound { url }),
    })
}

/// The feed file's text embedded in (or being written into) a prerendered page, if any.
pub fn prefilled_feed<T: DeserializeOwned>(path: &str) -> Option<T> {
    prefilled::<T>(path).and_then(Result::ok)
}

/// The time the markup is computed with: the build time while prerendering and hydrating,
/// `None` in a client-rendered page (the clock is read after mount).
pub fn render_now() -> Option<i64> {
    #[cfg(feature = "ssr")]
    {
        crate::prerender::now()
    }
    #[cfg(not(feature = "ssr"))]
    {
        platform::hydration::now()
    }
}

/// `site.json` as loaded: what the page frame shows, decoded with the file ([`SiteFrame`]), and
/// the text, decoded whole the first time a part asks for the rest ([`SiteFile::site`]), in that
/// part's code: the main module carries no decoder of the footer, the logo or LIVE's settings.
#[derive(Clone, Debug)]
pub struct SiteFile {
    pub frame: SiteFrame,
    text: Arc<str>,
    whole: Arc<OnceLock<Result<Site, ContentError>>>,
}

impl SiteFile {
    /// Decodes the frame of `text`, a whole `site.json`.
    pub fn new(text: &str) -> Result<SiteFile, serde_json::Error> {
        Ok(SiteFile {
            frame: serde_json::from_str(text)?,
            text: Arc::from(text),
            whole: Arc::default(),
        })
    }

    /// The whole site, decoded once.
    pub fn site(&self) -> Result<Site, ContentError> {
        let url = newsfront_model::href::content::SITE;
        self.whole
            .get_or_init(|| newsfront_model::decode(&self.text, url))
            .clone()
    }
}

impl<'de> serde::Deserialize<'de> for SiteFile {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<SiteFile, D::Error> {
        let text = Box::<serde_json::value::RawValue>::deserialize(de)?;
        SiteFile::new(text.get()).map_err(serde::de::Error::custom)
    }
}

/// `site.json`, loaded once for the whole app.
#[derive(Clone, Copy)]
pub struct SiteResource(pub Content<SiteFile>);

pub fn provide_site() -> Content<SiteFile> {
    let site = use_content::<SiteFile>(|| newsfront_model::href::content::SITE.to_string());
    provide_context(SiteResource(site));
    site
}

/// The image CDN's URL template and the site's public URL (`site.json`'s `image_cdn` and
/// `base_url`), once the site has loaded; read without tracking and without cloning the site.
pub fn image_cdn() -> Option<(String, String)> {
    let res = use_context::<SiteResource>()?;
    res.0.value.with_untracked(|v| match v {
        Some(Ok(site)) => {
            let site = &site.frame;
            site.image_cdn.clone().map(|t| (t, site.base_url.clone()))
        }
        _ => None,
    })
}

/// The loaded site, whole, when it has loaded and decodes (`use_site_result` says why not).
pub fn use_site() -> Signal<Option<Site>> {
    let site = use_site_result();
    Signal::derive(move || site.get().and_then(Result::ok))
}

/// The loaded site, whole, or why it does not decode when its frame did; `None` while it
/// loads, or when the file could not be read at all (the masthead says why).
pub fn use_site_result() -> Signal<Option<Result<Site, ContentError>>> {
    let res = use_context::<SiteResource>();
    Signal::derive(move || {
        res.and_then(|r| r.0.get())
            .and_then(Result::ok)
            .map(|file| file.site())
    })
}

/// `most-read.json`, fetched the first time a page asks for it and then shared by every page
/// of the session (it used to be fetched again by each article view).
#[derive(Clone)]
struct MostReadCell {
    /// The app root's owner, so the loader outlives the page that first asked for it.
    owner: Owner,
    content: StoredValue<Option<Content<MostRead>>>,
}

/// Makes `use_most_read` share one fetch. Call once, in the app root.
pub fn provide_most_read() {
    if let Some(owner) = Owner::current() {
        provide_context(MostReadCell {
            owner,
            content: StoredValue::new(None),
        });
    }
}

/// The session's Most Read list (loaded on first use).
pub fn use_most_read() -> Content<MostRead> {
    let load = || use_content::<MostRead>(|| newsfront_model::href::content::MOST_READ.to_string());
    let Some(cell) = use_context::<MostReadCell>() else {
        return load();
    };
    if let Some(existing) = cell.content.get_value() {
        return existing;
    }
    let created = cell.owner.with(load);
    cell.content.set_value(Some(created));
    created
}
