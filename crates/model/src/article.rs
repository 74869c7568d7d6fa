//! Articles: the authored source form and the built form the site reads.

use crate::block::Block;
use crate::image::Image;
use crate::list::Teaser;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of journalism an article is; drives labels and, for media kinds, the layout.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleKind {
    News,
    Opinion,
    Analysis,
    Blog,
    Feature,
    Video,
    Infograph,
    Gallery,
}

/// An article as an editor or CMS export writes it (`content/articles/<slug>.json`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSource {
    pub slug: String,
    pub kind: ArticleKind,
    /// A section slug from `site.json`'s navigation.
    pub section: String,
    /// A region slug from `site.json`'s regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub headline: String,
    pub standfirst: String,
    /// Author slugs from `authors.json`.
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    /// Minutes to read; computed from the body when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    pub body: Vec<Block>,
    /// Human-readable tag labels; the tool derives their slugs.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A topic slug from `topics.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// BCP 47 tag of the article's language; the edition's (`site.json` `language`) when absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// The same story in other editions: edition code (`editions.json`) → article slug there.
    /// Each link must resolve and be mutual (the content tool checks both).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

pub fn default_language() -> String {
    "en".to_string()
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorRef {
    pub slug: String,
    pub name: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub slug: String,
    pub label: String,
}

/// A running story ("coverage") that groups articles.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub slug: String,
    pub title: String,
    pub description: String,
}

/// An article as the site reads it (`articles/<slug>.json` in the built content).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub kind: ArticleKind,
    pub section: String,
    pub section_label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_label: Option<String>,
    pub headline: String,
    pub standfirst: String,
    pub authors: Vec<AuthorRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    pub reading_minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    pub body: Vec<Block>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Candidates for "Read Next": same section or tags, newest first.
    #[serde(default)]
    pub read_next: Vec<Teaser>,
    /// As in the source: edition code → slug of the same story there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}
