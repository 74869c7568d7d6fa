//! What the build keeps of an article between runs: enough to write its teaser everywhere, rank
//! Read Next, fill lists, and re-check its references to other files, without decoding it again.

use newsfront_model::validate::{self, Known};
use newsfront_model::{ArticleKind, ArticleSource, Block, Image, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub kind: ArticleKind,
    pub headline: String,
    pub standfirst: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub published: Timestamp,
    pub authors: Vec<String>,
    /// The hero as teasers show it (no caption or credit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    /// Tag labels as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Articles named by `read_more` and `related` blocks (their headlines are filled in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Files of the content folder it names (pictures, video, captions): re-checked each build.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// Edition code → slug of the same story there (checked across editions every build).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

impl Summary {
    pub fn of(a: &ArticleSource) -> Summary {
        let mut links = Vec::new();
        for b in &a.body {
            match b {
                Block::ReadMore { slug, .. } => links.push(slug.clone()),
                Block::Related { slugs, .. } => links.extend(slugs.iter().cloned()),
                _ => {}
            }
        }
        Summary {
            kind: a.kind,
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            section: a.section.clone(),
            region: a.region.clone(),
            published: a.published.clone(),
            authors: a.authors.clone(),
            image: a.hero.clone().map(|mut img| {
                img.caption = None;
                img.credit = None;
                img
            }),
            duration_seconds: a.body.iter().find_map(|b| match b {
                Block::Video {
                    duration_seconds, ..
                } => *duration_seconds,
                _ => None,
            }),
            tags: a.tags.clone(),
            topic: a.topic.clone(),
            links,
            files: validate::article_files(a)
                .into_iter()
                .map(|(_, file)| file)
                .collect(),
            translations: a.translations.clone(),
        }
    }

    /// True when a name or file this article uses no longer exists (an unchanged article is then decoded
    /// and validated again, so the report says exactly what broke).
    pub fn dangling(&self, known: &Known) -> bool {
        !known.sections.contains(&self.section)
            || self
                .region
                .as_ref()
                .is_some_and(|r| !known.regions.contains(r))
            || self.authors.iter().any(|a| !known.authors.contains(a))
            || self
                .topic
                .as_ref()
                .is_some_and(|t| !known.topics.contains(t))
            || self.links.iter().any(|s| !known.articles.contains(s))
            || known
                .files
                .as_ref()
                .is_some_and(|files| self.files.iter().any(|f| !files.contains(f)))
    }
}
