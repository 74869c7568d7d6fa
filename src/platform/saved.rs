//! Saved articles on this device: the list in `localStorage`, and the files each one needs
//! offline pinned in the Cache Storage cache `saved` (`newsfront_model::saved`), which the
//! service worker's routes fall back to when their own caches have evicted a file
//! (scripts/sw-build.mjs). Each file is taken from the caches when the reader has already
//! loaded it (so saving works offline for a page on screen), else from the network.

use crate::platform::storage;
use newsfront_model::saved::{SavedList, KEY};

/// The stored list (empty when absent or unreadable).
pub fn list() -> SavedList {
    SavedList::parse(storage::get(KEY).as_deref())
}

/// How many articles the stored list holds in `edition`, without decoding it.
pub fn count(edition: &str) -> usize {
    newsfront_model::saved::count_in_edition(storage::get(KEY).as_deref(), edition)
}

pub fn store(list: &SavedList) {
    storage::set(KEY, &list.to_json());
}

/// Copies `urls` into the `saved` cache; the number kept. Natively: nothing.
pub async fn pin(urls: Vec<String>) -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        imp::pin(urls).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = urls;
        0
    }
}

/// Removes `urls` from the `saved` cache.
pub async fn unpin(urls: Vec<String>) {
    #[cfg(target_arch = "wasm32")]
    imp::unpin(urls).await;
    #[cfg(not(target_arch = "wasm32"))]
    let _ = urls;
}

/// The text of `url`: the cached copy (any version of it) or the network's.
pub async fn text(url: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        imp::text(url).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = url;
        None
    }
}

/// Empties the `saved` cache.
pub async fn clear() {
    #[cfg(target_arch = "wasm32")]
    imp::clear().await;
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use newsfront_model::saved::CACHE;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Cache, CacheQueryOptions, CacheStorage, Response};

    fn caches() -> Option<CacheStorage> {
        crate::platform::window()?.caches().ok()
    }

    async fn open() -> Option<Cache> {
        JsFuture::from(caches()?.open(CACHE))
            .await
            .ok()?
            .dyn_into()
            .ok()
    }

    /// A usable response for `url`: a cached copy (the query, a content version, ignored), else
    /// the network's when it succeeds.
    async fn response(url: &str) -> Option<Response> {
        let options = CacheQueryOptions::new();
        options.set_ignore_search(true);
        if let Some(storage) = caches() {
            let hit = JsFuture::from(storage.match_with_str_and_options(url, &options)).await;
            if let Some(r) = hit.ok().and_then(|v| v.dyn_into::<Response>().ok()) {
                return Some(r);
            }
        }
        let window = crate::platform::window()?;
        let fetched = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
        let response: Response = fetched.dyn_into().ok()?;
        // An opaque answer (an image on another origin) has status 0 but is an image.
        (response.ok() || response.type_() == web_sys::ResponseType::Opaque).then_some(response)
    }

    pub async fn pin(urls: Vec<String>) -> usize {
        let Some(cache) = open().await else {
            return 0;
        };
        let mut kept = 0;
        for url in urls {
            if let Some(r) = response(&url).await {
                if JsFuture::from(cache.put_with_str(&url, &r)).await.is_ok() {
                    kept += 1;
                }
            }
        }
        kept
    }

    pub async fn unpin(urls: Vec<String>) {
        let Some(cache) = open().await else {
            return;
        };
        for url in urls {
            let _ = JsFuture::from(cache.delete_with_str(&url)).await;
        }
    }

    pub async fn text(url: &str) -> Option<String> {
        let r = response(url).await?;
        JsFuture::from(r.text().ok()?).await.ok()?.as_string()
    }

    pub async fn clear() {
        if let Some(storage) = caches() {
            let _ = JsFuture::from(storage.delete(CACHE)).await;
        }
    }
}
