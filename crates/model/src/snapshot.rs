//! The data a prerendered page carries for hydration: the route it was rendered for, the build
//! time its markup was computed with, and every content file the render read — the page's own
//! file as text, site-wide files (read by many pages) as the address of a shared copy.
//!
//! The build step writes it into the page as `<script type="application/json" id="nf-data">`;
//! the browser decodes the same text again, so its first render is the same markup. The
//! loader script fetches the shared copies (immutable, content-addressed files under
//! `href::SHARED_DIR`, named by `href::shared_copy`) in parallel with the app, so they are downloaded once per version and cached,
//! instead of being repeated in every page.

use crate::href;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Element id of the embedded snapshot.
pub const ELEMENT_ID: &str = "nf-data";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The page key (`href::page_key`) the page was rendered for.
    pub route: String,
    /// Unix seconds the build rendered with (relative times, ticker staleness).
    pub now: i64,
    /// Content path (relative to the content base) → file text, or `null` when it was missing.
    pub files: BTreeMap<String, Option<String>>,
    /// Content path → site path of its shared copy (`/shared/site.0123456789abcdef.json`),
    /// whose text is exactly the text the page was rendered from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared: BTreeMap<String, String>,
    /// The page's own file, not embedded: content path → [`fingerprint`] of the text it was
    /// rendered from. The loader (`scripts/sw-build.mjs`) fetches it after the first paint from
    /// `<content base><path>?v=<fingerprint>`, an address unique per version so no cache (HTTP,
    /// service worker) answers with another version; a text with another fingerprint (the file
    /// changed since the build) means the page is rendered afresh instead of hydrated. Keeping
    /// the article out of its page takes about 24 KB (raw) off an article page, and kept the
    /// long article's first paint from waiting for one more network round trip.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fetched: BTreeMap<String, String>,
    /// The code entry point of the page's route (`article_chunk`): fetched, with the routes'
    /// own chunk, before the page's routes hydrate (src/routes.rs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// Whether the page's routes hydrate with the page (a page to use: LIVE, saved, search)
    /// rather than once it is idle (a page to read).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_once: bool,
    /// The files of the chunks a page hydrating `at_once` needs (the routes' and its entry
    /// point's, relative to the app's JavaScript), which the loader preloads alongside the
    /// app: each page names its own, so the loader carries no table of every entry point's
    /// (the prerender step reads them from the app shell, `scripts/sw-build.mjs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry_files: Vec<String>,
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
    /// (see `href::page_key`: the page number counts, campaign parameters do not).
    pub fn matches(&self, path: &str, search: &str) -> bool {
        self.route == href::page_key(path, search)
    }
}

/// Whether the page at `route` carries the text of `path` itself: only its own file (the
/// article of an article page, the list of a listing). Every other file it reads (`site.json`,
/// the ticker, Most Read, a topic's coverage list) is read by many pages and travels as a
/// shared copy.
pub fn embeds(route: &str, path: &str) -> bool {
    href::content::page_of(path).is_some_and(|own| own == route)
}

/// FNV-1a over the bytes: a stable, dependency-free fingerprint (names of shared copies,
/// the prerender step's change detection). Not a security measure.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_json_cannot_close_its_element() {
        let mut snap = Snapshot {
            route: "/a".into(),
            ..Snapshot::default()
        };
        snap.files
            .insert("x.json".into(), Some("</script><script>alert(1)".into()));
        let text = snap.to_script_json();
        assert!(!text.contains('<'), "{text}");
        assert_eq!(Snapshot::from_script_json(&text), Some(snap));
    }

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
    }

    #[test]
    fn missing_files_round_trip_as_null() {
        let mut s = Snapshot::default();
        s.files.insert("articles/gone.json".into(), None);
        let back = Snapshot::from_script_json(&s.to_script_json()).unwrap();
        assert_eq!(back.files.get("articles/gone.json"), Some(&None));
    }

    #[test]
    fn pages_embed_only_their_own_file() {
        for (route, path, own) in [
            ("/article/a", "articles/a.json", true),
            ("/article/a", "site.json", false),
            ("/article/a", "most-read.json", false),
            ("/article/a", "lists/topic/t/1.json", false),
            ("/topic/t", "lists/topic/t/1.json", true),
            ("/", "lists/home/1.json", true),
            ("/", "breaking.json", false),
            ("/authors", "authors.json", true),
            ("/live", "live.json", true),
            ("/page/about", "pages/about.json", true),
            ("/404.html", "site.json", false),
        ] {
            assert_eq!(embeds(route, path), own, "{route} {path}");
        }
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
    }
}
