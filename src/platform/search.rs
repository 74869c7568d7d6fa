//! Search through Pagefind's browser API (`search.js`, loaded on first use). Natively (the
//! prerender step) there is nothing to search: an error.

use newsfront_model::search::{Query, Results};

/// How many results a query shows.
pub const LIMIT: u32 = 20;

/// Why a query has no results to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// The search bundle could not be fetched (offline, never cached): search needs a connection.
    Unreachable,
    /// Pagefind answered something unexpected.
    Broken(String),
}

/// Runs `query` against the search bundle under `base` (`/pagefind/`).
pub async fn run(base: &str, query: &Query) -> Result<Results, SearchError> {
    #[cfg(target_arch = "wasm32")]
    {
        let newest = query.sort == newsfront_model::search::Sort::Newest;
        let text = imp::search(base, &query.q, &query.filters_json(), newest, LIMIT)
            .await
            .map_err(|_| SearchError::Unreachable)?;
        let text = text.as_string().unwrap_or_default();
        serde_json::from_str(&text).map_err(|e| SearchError::Broken(e.to_string()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (base, query);
        Err(SearchError::Unreachable)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/platform/search.js")]
    extern "C" {
        #[wasm_bindgen(catch)]
        pub async fn search(
            base: &str,
            query: &str,
            filters_json: &str,
            newest: bool,
            limit: u32,
        ) -> Result<JsValue, JsValue>;
    }
}
