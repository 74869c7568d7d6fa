//! `site.json`: the outlet's identity, navigation, regions, footer and settings.

use crate::image::Image;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    /// A short form of the name (12 characters or fewer), under an installed app's icon; the
    /// name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
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
    /// An image CDN's URL template (imgix, Cloudinary, Thumbor, a CDN's resizing), for
    /// publishers who resize there instead of at build time: `{url}` (the original's absolute
    /// URL), `{path}` (its path under the content base), `{width}` and `{format}` (`avif`,
    /// `webp`, `jpeg`), e.g. `https://outlet.imgix.net/{path}?w={width}&fm={format}`. With it the
    /// content tool makes no variants and the site builds each `srcset` from the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_cdn: Option<String>,
}

/// What the page frame shows of `site.json` (the masthead, the document title, the image CDN):
/// the browser decodes this much before a page is interactive, and the whole file ([`Site`])
/// only in the parts that show the rest (the footer, the logo, a page's metadata). Same fields,
/// same defaults as [`Site`]; the others are skipped.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteFrame {
    pub name: String,
    #[serde(default)]
    pub slogan: String,
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub editions: Vec<Edition>,
    pub nav: Vec<NavItem>,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub social: Vec<SocialLink>,
    #[serde(default)]
    pub ticker: TickerSettings,
    #[serde(default)]
    pub image_cdn: Option<String>,
}

impl From<Site> for SiteFrame {
    fn from(site: Site) -> SiteFrame {
        SiteFrame {
            name: site.name,
            slogan: site.slogan,
            base_url: site.base_url,
            editions: site.editions,
            nav: site.nav,
            regions: site.regions,
            social: site.social,
            ticker: site.ticker,
            image_cdn: site.image_cdn,
        }
    }
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

/// A link to the outlet's app in a store ("Get the app").
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppLink {
    pub platform: AppPlatform,
    pub label: String,
    pub url: String,
}

/// The store an [`AppLink`] points to: `android` or `ios`.
///
/// A value this version does not know decodes to `Other` (the validator warns, the footer shows
/// the link with its own label), so a typo or a newer CMS export never breaks `site.json`.
/// A JSON value that is not a string is still a decode error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum AppPlatform {
    Android,
    Ios,
    /// Any other value, kept as written so the validator can name it.
    Other(String),
}

impl AppPlatform {
    /// Every platform the site knows, in the order the validator lists them.
    pub const KNOWN: [AppPlatform; 2] = [AppPlatform::Android, AppPlatform::Ios];

    /// The value as written in `site.json`.
    pub fn as_str(&self) -> &str {
        match self {
            AppPlatform::Android => "android",
            AppPlatform::Ios => "ios",
            AppPlatform::Other(s) => s,
        }
    }

    /// The short badge shown on the footer button; `None` for a platform the site does not know.
    pub fn badge(&self) -> Option<&'static str> {
        match self {
            AppPlatform::Android => Some("Android"),
            AppPlatform::Ios => Some("iOS"),
            AppPlatform::Other(_) => None,
        }
    }
}

impl From<String> for AppPlatform {
    fn from(value: String) -> Self {
        AppPlatform::KNOWN
            .into_iter()
            .find(|p| p.as_str() == value)
            .unwrap_or(AppPlatform::Other(value))
    }
}

impl From<AppPlatform> for String {
    fn from(platform: AppPlatform) -> Self {
        match platform {
            AppPlatform::Other(s) => s,
            known => known.as_str().to_string(),
        }
    }
}

/// A link to the outlet's account on a social network.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    pub network: Network,
    pub label: String,
    pub url: String,
}

/// The network a [`SocialLink`] points to (picks the masthead icon): `x`, `facebook`,
/// `instagram`, `youtube` or `telegram`.
///
/// A value this version does not know decodes to `Other` (the validator warns, the masthead shows
/// a generic icon), so a new network in a CMS export never breaks `site.json`.
/// A JSON value that is not a string is still a decode error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Network {
    X,
    Facebook,
    Instagram,
    Youtube,
    Telegram,
    /// Any other value, kept as written so the validator can name it.
    Other(String),
}

impl Network {
    /// Every network the site knows, in the order the validator lists them.
    pub const KNOWN: [Network; 5] = [
        Network::X,
        Network::Facebook,
        Network::Instagram,
        Network::Youtube,
        Network::Telegram,
    ];

    /// The value as written in `site.json`.
    pub fn as_str(&self) -> &str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Instagram => "instagram",
            Network::Youtube => "youtube",
            Network::Telegram => "telegram",
            Network::Other(s) => s,
        }
    }
}

impl From<String> for Network {
    fn from(value: String) -> Self {
        Network::KNOWN
            .into_iter()
            .find(|n| n.as_str() == value)
            .unwrap_or(Network::Other(value))
    }
}

impl From<Network> for String {
    fn from(network: Network) -> Self {
        match network {
            Network::Other(s) => s,
            known => known.as_str().to_string(),
        }
    }
}

/// The schemas list the known values for editors' completion and accept any other string,
/// as the decoder does (the validator warns about it).
#[cfg(feature = "schema")]
mod schema {
    use super::{AppPlatform, Network};
    use schemars::gen::SchemaGenerator;
    use schemars::schema::{InstanceType, Metadata, Schema, SchemaObject, SubschemaValidation};
    use schemars::JsonSchema;

    fn open_enum(known: Vec<String>, description: &str) -> Schema {
        let known = SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            enum_values: Some(known.into_iter().map(Into::into).collect()),
            ..Default::default()
        };
        let other = SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            ..Default::default()
        };
        SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some(description.to_string()),
                ..Default::default()
            })),
            subschemas: Some(Box::new(SubschemaValidation {
                any_of: Some(vec![known.into(), other.into()]),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }

    impl JsonSchema for AppPlatform {
        fn schema_name() -> String {
            "AppPlatform".to_string()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            open_enum(
                AppPlatform::KNOWN
                    .iter()
                    .map(|p| p.as_str().to_string())
                    .collect(),
                "The app's store. Another value is accepted with a warning; the footer then shows \
                 the link with its label.",
            )
        }
    }

    impl JsonSchema for Network {
        fn schema_name() -> String {
            "Network".to_string()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            open_enum(
                Network::KNOWN
                    .iter()
                    .map(|n| n.as_str().to_string())
                    .collect(),
                "The social network (picks the masthead icon). Another value is accepted with a \
                 warning and shown with a generic icon.",
            )
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerSettings {
    /// The strip's label; the interface's own ("Breaking", in the edition's language) when absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default = "default_refresh")]
    pub refresh_seconds: u32,
    /// After this long without a new item the feed is shown as not live.
    #[serde(default = "default_stale")]
    pub stale_after_seconds: u32,
    #[serde(default = "default_max_items")]
    pub max_items: u32,
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
            label: String::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_decoded_alone_is_the_whole_sites_frame() {
        for file in ["site.json", "ar/site.json", "es/site.json"] {
            let path = format!("{}/../../content/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let whole: Site = crate::decode(&text, file).unwrap();
            let frame: SiteFrame = crate::decode(&text, file).unwrap();
            assert_eq!(frame, SiteFrame::from(whole), "{file}");
        }
        // The defaults are the whole site's.
        let text = r#"{"name":"N","logo":{"src":"l.svg","width":1,"height":1,"alt":""},"nav":[],"footer":{"links":[],"rights":"R"}}"#;
        let whole: Site = serde_json::from_str(text).unwrap();
        let frame: SiteFrame = serde_json::from_str(text).unwrap();
        assert_eq!(frame, SiteFrame::from(whole));
    }

    #[test]
    fn link_kinds_decode_known_and_keep_unknown_values() {
        let cases = [
            (r#""android""#, AppPlatform::Android),
            (r#""ios""#, AppPlatform::Ios),
            (r#""harmony""#, AppPlatform::Other("harmony".into())),
            (r#""iOS""#, AppPlatform::Other("iOS".into())),
        ];
        for (json, want) in cases {
            let got: AppPlatform = serde_json::from_str(json).unwrap();
            assert_eq!(got, want, "{json}");
            assert_eq!(serde_json::to_string(&got).unwrap(), json);
        }
        let cases = [
            (r#""x""#, Network::X),
            (r#""youtube""#, Network::Youtube),
            (r#""telegram""#, Network::Telegram),
            (r#""mastodon""#, Network::Other("mastodon".into())),
        ];
        for (json, want) in cases {
            let got: Network = serde_json::from_str(json).unwrap();
            assert_eq!(got, want, "{json}");
            assert_eq!(serde_json::to_string(&got).unwrap(), json);
        }
    }

    #[test]
    fn known_values_round_trip_through_as_str() {
        for p in AppPlatform::KNOWN {
            let back: AppPlatform = serde_json::from_value(p.as_str().into()).unwrap();
            assert_eq!(back, p);
            assert!(p.badge().is_some());
        }
        for n in Network::KNOWN {
            let back: Network = serde_json::from_value(n.as_str().into()).unwrap();
            assert_eq!(back, n);
        }
        assert_eq!(AppPlatform::Other("tv".into()).badge(), None);
    }

    #[test]
    fn a_non_string_value_is_still_a_decode_error() {
        let cases = [
            r#"{"platform": 3, "label": "a", "url": "b"}"#,
            r#"{"platform": null, "label": "a", "url": "b"}"#,
        ];
        for json in cases {
            match crate::decode::<AppLink>(json, "s") {
                Err(crate::ContentError::Decode { path, message, .. }) => {
                    assert_eq!(path, "$.platform");
                    assert!(message.contains("expected a string"), "{message}");
                }
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}
