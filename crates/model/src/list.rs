//! List files (front page, section, region, tag, topic, author), and the small site-wide files:
//! breaking news, most read, authors, topics and static pages.

use crate::article::{ArticleKind, AuthorRef};
use crate::block::Block;
use crate::image::Image;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A short form of an article for cards and panels.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Teaser {
    pub slug: String,
    pub kind: ArticleKind,
    pub headline: String,
    #[serde(default)]
    pub standfirst: String,
    pub section: String,
    pub section_label: String,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default)]
    pub authors: Vec<AuthorRef>,
    /// Running time of a video article (from its first video block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
}

/// A teaser with only a slug (its headline too), for the model's table tests.
#[cfg(test)]
pub(crate) fn test_teaser(slug: &str) -> Teaser {
    Teaser {
        slug: slug.into(),
        kind: ArticleKind::News,
        headline: slug.into(),
        standfirst: String::new(),
        section: "s".into(),
        section_label: "S".into(),
        published: Timestamp::from_unix(0),
        image: None,
        authors: vec![],
        duration_seconds: None,
    }
}

/// Which family of listing a list file belongs to; also its folder name under `lists/`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Home,
    Section,
    Region,
    Tag,
    Topic,
    Author,
}

impl ListKind {
    /// The families that have a page per slug (`/section/<slug>`, …): all but the front page.
    pub const LISTINGS: [ListKind; 5] = [
        ListKind::Section,
        ListKind::Region,
        ListKind::Tag,
        ListKind::Topic,
        ListKind::Author,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Home => "home",
            ListKind::Section => "section",
            ListKind::Region => "region",
            ListKind::Tag => "tag",
            ListKind::Topic => "topic",
            ListKind::Author => "author",
        }
    }
}

/// One page of a listing (`lists/<kind>/<slug>/<page>.json`, `lists/home/<page>.json`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub kind: ListKind,
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 1-based page number.
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u32,
    pub items: Vec<Teaser>,
}

/// One ticker line.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakingItem {
    pub id: String,
    pub time: Timestamp,
    pub text: String,
    /// The article this item links to, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
}

/// `breaking.json`: ticker items, newest first.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breaking {
    pub items: Vec<BreakingItem>,
}

/// `most-read.json`. Authors (or analytics) give `slugs`; the tool fills `items`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MostRead {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slugs: Vec<String>,
    #[serde(default)]
    pub items: Vec<Teaser>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub bio: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Image>,
}

/// `authors.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorsFile {
    pub authors: Vec<Author>,
}

/// `topics.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicsFile {
    pub topics: Vec<crate::article::Topic>,
}

/// A static page (`pages/<slug>.json`): About Us, Privacy Policy, Contact Us.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub body: Vec<Block>,
}
