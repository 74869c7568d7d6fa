//! The data a prerendered page carries for hydration: the route it was rendered for, the build
//! time its markup was computed with, and the raw text of every content file the render read.
//!
//! The build step writes it into the page as `<script type="application/json" id="nf-data">`;
//! the browser decodes the same text again, so its first render is the same markup.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Element id of the embedded snapshot.
pub const ELEMENT_ID: &str = "nf-data";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Path (and `?page=N` when N > 1) the page was rendered for.
    pub route: String,
    /// Unix seconds the build rendered with (relative times, ticker staleness).
    pub now: i64,
    /// Content path (relative to the content base) → file text, or `null` when it was missing.
    pub files: BTreeMap<String, Option<String>>,
}

impl Snapshot {
    /// The JSON for a `<script type="application/json">` element: `<` is escaped so no
    /// string in the content can close the element.
    pub fn to_script_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|_| "{}".to_string())
            .replace('<', "\\u003c")
    }

    pub fn from_script_json(text: &str) -> Option<Snapshot> {
        serde_json::from_str(text).ok()
    }

    /// Whether this snapshot was rendered for the page at `path` with query `search`
    /// (`?page=2&utm_source=x`): the path must match, and so must the page number; other
    /// query parameters (campaign tags, `?photo=`) do not change the rendered markup.
    pub fn matches(&self, path: &str, search: &str) -> bool {
        self.route == route_key(path, page_param(search))
    }
}

/// The route key of a page: its path, with `?page=N` when N > 1.
pub fn route_key(path: &str, page: u32) -> String {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    if page > 1 {
        format!("{path}?page={page}")
    } else {
        path.to_string()
    }
}

/// The `page` parameter of a query string (1 when absent or not a number).
pub fn page_param(search: &str) -> u32 {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "page")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let mut s = Snapshot::default();
        s.files.insert(
            "a.json".into(),
            Some("{\"x\":\"</script><script>alert(1)</script>\"}".into()),
        );
        let json = s.to_script_json();
        assert!(!json.contains("</script"));
        assert_eq!(Snapshot::from_script_json(&json), Some(s));
    }

    #[test]
    fn matches_ignores_campaign_parameters_but_not_the_page() {
        let s = Snapshot {
            route: "/section/world".into(),
            ..Default::default()
        };
        assert!(s.matches("/section/world", ""));
        assert!(s.matches("/section/world/", "?utm_source=x"));
        assert!(s.matches("/section/world", "?page=1"));
        assert!(!s.matches("/section/world", "?page=2"));
        assert!(!s.matches("/section/business", ""));
        let home = Snapshot {
            route: "/".into(),
            ..Default::default()
        };
        assert!(home.matches("/", "?photo=2"));
        assert_eq!(route_key("/tag/x", 3), "/tag/x?page=3");
    }

    #[test]
    fn missing_files_round_trip_as_null() {
        let mut s = Snapshot::default();
        s.files.insert("articles/gone.json".into(), None);
        let back = Snapshot::from_script_json(&s.to_script_json()).unwrap();
        assert_eq!(back.files.get("articles/gone.json"), Some(&None));
    }
}
