//! Saved articles: the reader's list, kept on the device (`localStorage`, key [`KEY`]) as JSON.
//!
//! The list survives app updates and is read leniently: entries that do not decode (edited by
//! hand, written by another version) are skipped one by one, and text that is not a list at all
//! is an empty list; nothing here fails.

use crate::article::Article;
use crate::list::Teaser;
use serde::{Deserialize, Serialize};

/// Where the list is kept.
pub const KEY: &str = "newsfront.saved";

/// The Cache Storage cache that holds what a saved article needs offline (its page, content
/// file, images and the edition's site files); the service worker falls back to it.
pub const CACHE: &str = "saved";

/// One saved article: its teaser (what the Saved page shows), its edition's prefix (empty for
/// the default edition) and when it was saved (milliseconds since the epoch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedItem {
    #[serde(default)]
    pub edition: String,
    pub saved_at: f64,
    pub teaser: Teaser,
}

impl SavedItem {
    fn same_article(&self, edition: &str, slug: &str) -> bool {
        self.edition == edition && self.teaser.slug == slug
    }
}

/// The saved articles, newest saved first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SavedList(Vec<SavedItem>);

impl SavedList {
    /// Reads stored text; see the module's notes on bad data.
    pub fn parse(stored: Option<&str>) -> SavedList {
        let mut items: Vec<SavedItem> = Vec::new();
        for item in decodable::<SavedItem>(stored) {
            if item.saved_at.is_finite()
                && !items
                    .iter()
                    .any(|i| i.same_article(&item.edition, &item.teaser.slug))
            {
                items.push(item);
            }
        }
        let mut list = SavedList(items);
        list.sort();
        list
    }

    /// The text to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    pub fn items(&self) -> &[SavedItem] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The articles saved in one edition, newest saved first.
    pub fn of_edition<'a>(&'a self, edition: &'a str) -> impl Iterator<Item = &'a SavedItem> {
        self.0.iter().filter(move |i| i.edition == edition)
    }

    pub fn contains(&self, edition: &str, slug: &str) -> bool {
        self.0.iter().any(|i| i.same_article(edition, slug))
    }

    /// Saves an article (again: it moves to the top with the new time).
    pub fn add(&mut self, edition: &str, teaser: Teaser, saved_at: f64) {
        self.remove(edition, &teaser.slug);
        self.0.push(SavedItem {
            edition: edition.to_string(),
            saved_at,
            teaser,
        });
        self.sort();
    }

    /// Removes an article; true if it was saved.
    pub fn remove(&mut self, edition: &str, slug: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|i| !i.same_article(edition, slug));
        self.0.len() != before
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    fn sort(&mut self) {
        self.0.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    }
}

/// How many articles the stored list holds in `edition`, counted without decoding their
/// teasers: the masthead's count, on every page, before anything has read the list (so the
/// browser's first module carries no teaser decoder). It counts what [`SavedList::parse`] keeps,
/// except an entry whose teaser has a slug but does not decode (edited by hand), which `parse`
/// skips.
/// The entries of stored text that decode as `T`, each on its own, in order; none when the
/// text is not a list. Each entry is kept as its raw text and decoded by itself (not through
/// `serde_json::Value`, whose second copy of every deserializer the browser build would carry:
/// measured 17 KB raw in the main module).
fn decodable<'a, T: Deserialize<'a>>(stored: Option<&'a str>) -> impl Iterator<Item = T> + 'a {
    let entries: Vec<&serde_json::value::RawValue> = stored
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    entries
        .into_iter()
        .filter_map(|entry| serde_json::from_str(entry.get()).ok())
}

pub fn count_in_edition(stored: Option<&str>, edition: &str) -> usize {
    #[derive(Deserialize)]
    struct Slug<'a> {
        #[serde(borrow)]
        slug: std::borrow::Cow<'a, str>,
    }
    #[derive(Deserialize)]
    struct Entry<'a> {
        #[serde(default, borrow)]
        edition: std::borrow::Cow<'a, str>,
        saved_at: f64,
        #[serde(borrow)]
        teaser: Slug<'a>,
    }
    let mut slugs: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for e in decodable::<Entry>(stored) {
        if e.edition == edition && e.saved_at.is_finite() && !slugs.contains(&e.teaser.slug) {
            slugs.push(e.teaser.slug);
        }
    }
    slugs.len()
}

/// The site files a prerendered page names (`/shared/<name>.json` copies of the site, ticker
/// and Most Read files), which it needs to hydrate offline: read from the page's HTML.
pub fn shared_files(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("/shared/") {
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| c == '"' || c == '\'' || c == '\\' || c.is_whitespace() || c == '<')
            .unwrap_or(tail.len());
        let url = &tail[..end];
        if url.ends_with(".json") && !found.iter().any(|f| f == url) {
            found.push(url.to_string());
        }
        rest = &tail[end.max(1)..];
    }
    found
}

/// The teaser a saved article shows on the Saved page, made from the article itself (when it
/// is saved from its own page).
pub fn teaser_of(article: &Article) -> Teaser {
    Teaser {
        slug: article.slug.clone(),
        kind: article.kind,
        headline: article.headline.clone(),
        standfirst: article.standfirst.clone(),
        section: article.section.clone(),
        section_label: article.section_label.clone(),
        published: article.published.clone(),
        image: article.hero.clone(),
        authors: article.authors.clone(),
        duration_seconds: None,
    }
}

/// Every image a prerendered page shows (`<img src>` and each `srcset` candidate), once each,
/// in page order: what saving keeps, read from the page itself (so the browser build does not
/// need the article decoder for it).
pub fn page_images(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut keep = |url: &str| {
        let url = url.trim().replace("&amp;", "&");
        if !url.is_empty() && !url.starts_with("data:") && !found.contains(&url) {
            found.push(url);
        }
    };
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if let Some(src) = attribute(tag, "src") {
            keep(src);
        }
        if let Some(srcset) = attribute(tag, "srcset") {
            for candidate in srcset.split(',') {
                if let Some(url) = candidate.split_whitespace().next() {
                    keep(url);
                }
            }
        }
        rest = &rest[tag_end..];
    }
    found
}

/// The value of `name="…"` in one tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::test_teaser;

    #[test]
    fn newest_saved_first_and_saving_again_moves_to_the_top() {
        let mut list = SavedList::default();
        list.add("", test_teaser("a"), 1.0);
        list.add("ar", test_teaser("b"), 2.0);
        list.add("", test_teaser("c"), 3.0);
        let order = |l: &SavedList| {
            l.items()
                .iter()
                .map(|i| i.teaser.slug.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(order(&list), ["c", "b", "a"]);
        list.add("", test_teaser("a"), 4.0);
        assert_eq!(order(&list), ["a", "c", "b"]);
        assert_eq!(list.len(), 3);
        assert!(list.contains("ar", "b"));
        assert!(
            !list.contains("", "b"),
            "the same slug in another edition is another article"
        );
        assert!(list.remove("ar", "b"));
        assert!(!list.remove("ar", "b"));
        let again = SavedList::parse(Some(&list.to_json()));
        assert_eq!(again, list);
        list.clear();
        assert!(list.is_empty());
    }

    /// A list's stored entries without the brackets, to be put in other stored text.
    fn entries_of(list: &SavedList) -> String {
        let text = list.to_json();
        text.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string()
    }

    #[test]
    fn bad_stored_data_is_skipped_not_fatal() {
        let mut good = SavedList::default();
        good.add("", test_teaser("ok"), 5.0);
        let item = entries_of(&good);
        for text in ["", "null", "{\"a\":1}", "[1,2", "\"x\"", "[{\"teaser\":3}]"] {
            assert!(SavedList::parse(Some(text)).is_empty(), "{text}");
        }
        assert!(SavedList::parse(None).is_empty());
        let mixed = format!("[7, {{\"saved_at\":\"soon\"}}, {item}, {item}, null]");
        let list = SavedList::parse(Some(&mixed));
        assert_eq!(list.len(), 1, "bad entries and a duplicate skipped");
        assert_eq!(list.items()[0].teaser.slug, "ok");
    }

    #[test]
    fn the_count_without_teasers_agrees_with_the_list() {
        let mut list = SavedList::default();
        list.add("", test_teaser("a"), 1.0);
        list.add("", test_teaser("b"), 2.0);
        list.add("ar", test_teaser("a"), 3.0);
        let entries = entries_of(&list);
        let stored = format!("[7, {{\"saved_at\":\"soon\"}}, {entries}, {entries}, null]");
        for edition in ["", "ar", "es"] {
            let parsed = SavedList::parse(Some(&stored));
            assert_eq!(
                count_in_edition(Some(&stored), edition),
                parsed.of_edition(edition).count(),
                "{edition:?}"
            );
        }
        assert_eq!(count_in_edition(Some(&stored), ""), 2);
        for text in [None, Some(""), Some("{\"a\":1}"), Some("[1,2")] {
            assert_eq!(count_in_edition(text, ""), 0, "{text:?}");
        }
    }

    #[test]
    fn the_teaser_of_an_article_saved_from_its_page() {
        let article: Article = serde_json::from_str(
            r#"{"slug":"s","kind":"gallery","section":"news","section_label":"News","headline":"H",
            "standfirst":"S","authors":[],"published":"2026-01-02T03:04:05Z","reading_minutes":1,
            "hero":{"src":"h.jpg","width":4,"height":3,"alt":"","srcset":[{"src":"h-400.jpg","width":400}]},
            "body":[{"type":"paragraph","text":"p"},
              {"type":"image","image":{"src":"a.jpg","width":4,"height":3,"alt":"A"}},
              {"type":"video","src":"v.mp4","poster":{"src":"p.jpg","width":4,"height":3,"alt":""}},
              {"type":"embed","url":"https://e.example","title":"E"},
              {"type":"image","image":{"src":"h.jpg","width":4,"height":3,"alt":""}}]}"#,
        )
        .unwrap();
        let teaser = teaser_of(&article);
        assert_eq!((teaser.slug.as_str(), teaser.headline.as_str()), ("s", "H"));
        assert_eq!(teaser.image.map(|i| i.src), Some("h.jpg".to_string()));
    }

    #[test]
    fn page_images_are_read_from_the_page() {
        let html = r#"<img src="/content/logo.svg" alt=""><p>x</p>
            <img class="hero" alt="A" data-src="no" srcset="/i/a-400.jpg 400w, /i/a-800.jpg?x=1&amp;y=2 800w" src="/i/a.jpg">
            <img src="data:image/gif;base64,AA"><img src="/content/logo.svg">"#;
        assert_eq!(
            page_images(html),
            [
                "/content/logo.svg",
                "/i/a.jpg",
                "/i/a-400.jpg",
                "/i/a-800.jpg?x=1&y=2"
            ]
        );
        assert!(page_images("<p>no images</p>").is_empty());
    }

    #[test]
    fn shared_files_are_read_from_the_page() {
        let html = r#"<link rel="preload" as="fetch" href="/shared/site-0123abcd.json">
            <script type="application/json" id="nf-data">{"shared":["/shared/breaking-99.json","/shared/site-0123abcd.json"]}</script>
            <a href="/shared/readme.txt">x</a>"#;
        assert_eq!(
            shared_files(html),
            ["/shared/site-0123abcd.json", "/shared/breaking-99.json"]
        );
        assert!(shared_files("<p>nothing</p>").is_empty());
    }
}
