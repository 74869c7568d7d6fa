//! `site.json`: the outlet's identity, navigation, regions, footer and settings.

use crate::image::Image;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    #[serde(default)]
    pub slogan: String,
    pub logo: Image,
    #[serde(default = "crate::article::default_language")]
    pub language: String,
    /// The public origin of the site (for canonical URLs), e.g. `https://news.example`.
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub editions: Vec<Edition>,
    pub nav: Vec<NavItem>,
    #[serde(default)]
    pub regions: Vec<Region>,
    pub footer: Footer,
    #[serde(default)]
    pub apps: Vec<AppLink>,
    #[serde(default)]
    pub social: Vec<SocialLink>,
    #[serde(default)]
    pub ticker: TickerSettings,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<LiveSettings>,
    /// Hosts whose players may be embedded (click to load) by `embed` blocks with `player: true`.
    #[serde(default)]
    pub embed_hosts: Vec<String>,
}

/// A link to another-language edition ("Ar", "Es").
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub label: String,
    pub language: String,
    pub url: String,
    #[serde(default)]
    pub title: String,
}

/// A navigation entry: a section (`slug`), optionally with subsections.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavItem {
    pub slug: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<NavItem>,
    /// Marks the LIVE entry (a red dot; links to the live page, not a section).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub live: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub slug: String,
    pub label: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footer {
    #[serde(default)]
    pub description: String,
    /// Site paths (`/page/about`, `/authors`) or absolute URLs.
    pub links: Vec<FooterLink>,
    pub rights: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FooterLink {
    pub label: String,
    pub href: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppLink {
    /// `android` or `ios`.
    pub platform: String,
    pub label: String,
    pub url: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    /// `x`, `facebook`, `instagram`, `youtube`, `telegram`, ...
    pub network: String,
    pub label: String,
    pub url: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerSettings {
    #[serde(default = "default_ticker_label")]
    pub label: String,
    #[serde(default = "default_refresh")]
    pub refresh_seconds: u32,
    /// After this long without a new item the feed is shown as not live.
    #[serde(default = "default_stale")]
    pub stale_after_seconds: u32,
    #[serde(default = "default_max_items")]
    pub max_items: u32,
}

fn default_ticker_label() -> String {
    "Breaking".to_string()
}
fn default_refresh() -> u32 {
    30
}
fn default_stale() -> u32 {
    3600
}
fn default_max_items() -> u32 {
    12
}

impl Default for TickerSettings {
    fn default() -> Self {
        TickerSettings {
            label: default_ticker_label(),
            refresh_seconds: default_refresh(),
            stale_after_seconds: default_stale(),
            max_items: default_max_items(),
        }
    }
}

/// The live stream behind the LIVE page.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveSettings {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hls: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<Image>,
}

impl Site {
    /// Finds a section (top level or child) by slug, with its parent when it is a child.
    pub fn find_section(&self, slug: &str) -> Option<(&NavItem, Option<&NavItem>)> {
        self.nav.iter().find_map(|top| {
            if top.slug == slug {
                Some((top, None))
            } else {
                top.children
                    .iter()
                    .find(|c| c.slug == slug)
                    .map(|c| (c, Some(top)))
            }
        })
    }

    /// True when `url` is an https URL on one of the allowed embed hosts.
    pub fn allows_embed(&self, url: &str) -> bool {
        crate::href::https_host(url).is_some_and(|host| {
            self.embed_hosts
                .iter()
                .any(|h| h.eq_ignore_ascii_case(&host))
        })
    }

    pub fn find_region(&self, slug: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.slug == slug)
    }

    /// Every section slug a list page exists for (live excluded).
    pub fn section_slugs(&self) -> Vec<&str> {
        self.nav
            .iter()
            .filter(|n| !n.live)
            .flat_map(|top| {
                std::iter::once(top.slug.as_str())
                    .chain(top.children.iter().map(|c| c.slug.as_str()))
            })
            .collect()
    }
}
