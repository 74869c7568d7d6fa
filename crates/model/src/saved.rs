//! Saved articles: the reader's list, kept on the device (`localStorage`, key [`KEY`]) as JSON.
//!
//! The list survives app updates and is read leniently: entries that do not decode (edited by
//! hand, written by another version) are skipped one by one, and text that is not a list at all
//! is an empty list; nothing here fails.

use crate::article::Article;
use crate::block::Block;
use crate::image::Image;
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
        let entries: Vec<serde_json::Value> = stored
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        let mut items: Vec<SavedItem> = Vec::new();
        for entry in entries {
            if let Ok(item) = serde_json::from_value::<SavedItem>(entry) {
                if item.saved_at.is_finite()
                    && !items
                        .iter()
                        .any(|i| i.same_article(&item.edition, &item.teaser.slug))
                {
                    items.push(item);
                }
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

/// Every image source an article's page shows (hero, body images, video and player posters,
/// with each `srcset` candidate), as written in the content, in page order, once each: what
/// saving keeps for offline reading. Videos themselves are not kept (their weight).
pub fn article_images(article: &Article) -> Vec<String> {
    let mut images: Vec<&Image> = article.hero.iter().collect();
    for block in &article.body {
        match block {
            Block::Image { image } | Block::Video { poster: image, .. } => images.push(image),
            Block::Embed {
                poster: Some(image),
                ..
            } => images.push(image),
            _ => {}
        }
    }
    let mut srcs: Vec<String> = Vec::new();
    for image in images {
        let candidates = std::iter::once(&image.src).chain(image.srcset.iter().map(|e| &e.src));
        for src in candidates {
            if !srcs.contains(src) {
                srcs.push(src.clone());
            }
        }
    }
    srcs
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

    #[test]
    fn bad_stored_data_is_skipped_not_fatal() {
        let mut good = SavedList::default();
        good.add("", test_teaser("ok"), 5.0);
        let item = good.to_json();
        let item = item.trim_start_matches('[').trim_end_matches(']');
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
    fn an_article_keeps_every_image_it_shows_once() {
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
        assert_eq!(
            article_images(&article),
            ["h.jpg", "h-400.jpg", "a.jpg", "p.jpg"]
        );
        let teaser = teaser_of(&article);
        assert_eq!((teaser.slug.as_str(), teaser.headline.as_str()), ("s", "H"));
        assert_eq!(teaser.image.map(|i| i.src), Some("h.jpg".to_string()));
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
