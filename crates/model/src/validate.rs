//! Semantic checks on decoded content: what serde cannot see (references between files,
//! unsafe URLs, empty text, impossible dimensions). Each problem carries its JSON path.

use crate::article::ArticleSource;
use crate::block::{Block, Inline};
use crate::href;
use crate::image::Image;
use crate::site::{AppPlatform, NavItem, Network, Site};
use crate::slug::{is_valid_slug, slugify};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The content is wrong: the tool exits 1.
    Error,
    /// Allowed (the site copes) but probably a mistake: reported only.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path inside the file, `$` for the whole file.
    pub path: String,
    pub reason: String,
}

impl Problem {
    pub fn error(path: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            reason: reason.into(),
        }
    }
    pub fn warning(path: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// The names other files may refer to.
#[derive(Debug, Default)]
pub struct Known {
    pub sections: HashSet<String>,
    pub regions: HashSet<String>,
    pub authors: HashSet<String>,
    pub topics: HashSet<String>,
    pub articles: HashSet<String>,
    /// The content folder's files (`images/harbour.jpg`, relative to it), when the caller
    /// listed them: a picture or media file that content names by a relative path must be one.
    pub files: Option<HashSet<String>>,
}

impl Known {
    pub fn from_site(site: &Site) -> Known {
        Known {
            sections: site
                .section_slugs()
                .into_iter()
                .map(str::to_string)
                .collect(),
            regions: site.regions.iter().map(|r| r.slug.clone()).collect(),
            ..Known::default()
        }
    }
}

pub fn site(site: &Site) -> Vec<Problem> {
    let mut out = Vec::new();
    non_empty(&mut out, "$.name", &site.name);
    image(&mut out, "$.logo", &site.logo);
    if site.nav.is_empty() {
        out.push(Problem::error("$.nav", "the navigation is empty"));
    }
    let mut seen = HashSet::new();
    for (i, top) in site.nav.iter().enumerate() {
        nav_item(&mut out, &format!("$.nav[{i}]"), top, &mut seen);
        for (j, child) in top.children.iter().enumerate() {
            nav_item(
                &mut out,
                &format!("$.nav[{i}].children[{j}]"),
                child,
                &mut seen,
            );
        }
    }
    for (i, r) in site.regions.iter().enumerate() {
        slug(&mut out, &format!("$.regions[{i}].slug"), &r.slug);
    }
    for (i, e) in site.editions.iter().enumerate() {
        url(&mut out, &format!("$.editions[{i}].url"), &e.url);
    }
    for (i, l) in site.footer.links.iter().enumerate() {
        url(&mut out, &format!("$.footer.links[{i}].href"), &l.href);
    }
    for (i, a) in site.apps.iter().enumerate() {
        url(&mut out, &format!("$.apps[{i}].url"), &a.url);
        if let AppPlatform::Other(value) = &a.platform {
            let known = AppPlatform::KNOWN.map(|p| p.as_str().to_string());
            out.push(Problem::warning(
                format!("$.apps[{i}].platform"),
                format!(
                    "unknown platform {value:?} (known: {}); the link is shown with its label",
                    known.join(", ")
                ),
            ));
        }
    }
    for (i, s) in site.social.iter().enumerate() {
        url(&mut out, &format!("$.social[{i}].url"), &s.url);
        if let Network::Other(value) = &s.network {
            let known = Network::KNOWN.map(|n| n.as_str().to_string());
            out.push(Problem::warning(
                format!("$.social[{i}].network"),
                format!(
                    "unknown network {value:?} (known: {}); shown with a generic icon",
                    known.join(", ")
                ),
            ));
        }
    }
    if site.ticker.refresh_seconds < 5 {
        out.push(Problem::error(
            "$.ticker.refresh_seconds",
            "must be at least 5 seconds",
        ));
    }
    out
}

fn nav_item(out: &mut Vec<Problem>, path: &str, item: &NavItem, seen: &mut HashSet<String>) {
    slug(out, &format!("{path}.slug"), &item.slug);
    non_empty(out, &format!("{path}.label"), &item.label);
    if !seen.insert(item.slug.clone()) {
        out.push(Problem::error(
            format!("{path}.slug"),
            format!("section {:?} appears twice", item.slug),
        ));
    }
}

pub fn article(a: &ArticleSource, known: &Known) -> Vec<Problem> {
    let mut out = Vec::new();
    slug(&mut out, "$.slug", &a.slug);
    if !known.sections.contains(&a.section) {
        out.push(Problem::error(
            "$.section",
            format!("unknown section {:?} (not in site.json nav)", a.section),
        ));
    }
    if let Some(region) = &a.region {
        if !known.regions.contains(region) {
            out.push(Problem::error(
                "$.region",
                format!("unknown region {region:?} (not in site.json regions)"),
            ));
        }
    }
    non_empty(&mut out, "$.headline", &a.headline);
    non_empty(&mut out, "$.standfirst", &a.standfirst);
    if a.authors.is_empty() {
        out.push(Problem::error(
            "$.authors",
            "an article needs at least one author",
        ));
    }
    for (i, author) in a.authors.iter().enumerate() {
        if !known.authors.contains(author) {
            out.push(Problem::error(
                format!("$.authors[{i}]"),
                format!("unknown author {author:?} (not in authors.json)"),
            ));
        }
    }
    if let Some(updated) = &a.updated {
        if updated < &a.published {
            out.push(Problem::error(
                "$.updated",
                "updated is earlier than published",
            ));
        }
    }
    if let Some(hero) = &a.hero {
        image(&mut out, "$.hero", hero);
    }
    if a.body.is_empty() {
        out.push(Problem::error("$.body", "the body is empty"));
    }
    blocks(&mut out, "$.body", &a.body, &known.articles);
    for (i, tag) in a.tags.iter().enumerate() {
        if slugify(tag).is_empty() {
            out.push(Problem::error(
                format!("$.tags[{i}]"),
                format!("tag {tag:?} has no letters or digits"),
            ));
        }
    }
    if let Some(topic) = &a.topic {
        if !known.topics.contains(topic) {
            out.push(Problem::error(
                "$.topic",
                format!("unknown topic {topic:?} (not in topics.json)"),
            ));
        }
    }
    missing_files(&mut out, &article_files(a), known);
    out
}

/// The files in the content folder that an article names (hero, pictures, video, captions,
/// posters), each with its JSON path; URLs and site paths are not files of the folder.
pub fn article_files(a: &ArticleSource) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(hero) = &a.hero {
        image_files(&mut out, "$.hero", hero);
    }
    block_files(&mut out, "$.body", &a.body);
    out
}

/// [`article_files`] for a body (articles and static pages share it).
pub fn block_files(out: &mut Vec<(String, String)>, path: &str, blocks: &[Block]) {
    for (i, block) in blocks.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match block {
            Block::Image { image } => image_files(out, &format!("{p}.image"), image),
            Block::Video {
                src,
                poster,
                captions,
                ..
            } => {
                file(out, format!("{p}.src"), src);
                image_files(out, &format!("{p}.poster"), poster);
                if let Some(c) = captions {
                    file(out, format!("{p}.captions"), c);
                }
            }
            Block::Embed {
                poster: Some(poster),
                ..
            } => image_files(out, &format!("{p}.poster"), poster),
            _ => {}
        }
    }
}

/// A picture's files: its `src` and every `srcset` entry.
pub fn image_files(out: &mut Vec<(String, String)>, path: &str, img: &Image) {
    file(out, format!("{path}.src"), &img.src);
    for (i, e) in img.srcset.iter().enumerate() {
        file(out, format!("{path}.srcset[{i}].src"), &e.src);
    }
}

fn file(out: &mut Vec<(String, String)>, path: String, src: &str) {
    if let Some(f) = local_file(src) {
        out.push((path, f.to_string()));
    }
}

/// The path inside the content folder that `src` names (`images/a.jpg`, `./images/a.jpg`),
/// without a query or fragment; `None` for a URL, a site path or an unsafe path.
pub fn local_file(src: &str) -> Option<&str> {
    let src = src.trim();
    let src = src.strip_prefix("./").unwrap_or(src);
    let end = src.find(['?', '#']).unwrap_or(src.len());
    let path = &src[..end];
    let local = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(':')
        && !path.split('/').any(|part| part == "..");
    local.then_some(path)
}

/// An error for each of `named` (JSON path, file) that is not among `known.files` (when they
/// were listed).
pub fn missing_files(out: &mut Vec<Problem>, named: &[(String, String)], known: &Known) {
    let Some(files) = &known.files else { return };
    for (path, f) in named {
        if !files.contains(f) {
            out.push(Problem::error(
                path,
                format!("{f:?}: no such file in the content folder"),
            ));
        }
    }
}

/// Checks a body (articles and static pages share it).
pub fn blocks(out: &mut Vec<Problem>, path: &str, blocks: &[Block], articles: &HashSet<String>) {
    let article_ref = |out: &mut Vec<Problem>, path: String, slug: &str| {
        if !articles.contains(slug) {
            out.push(Problem::error(
                path,
                format!("links to unknown article {slug:?}"),
            ));
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match block {
            Block::Paragraph { text, inlines } => {
                if inlines.is_empty() && text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    out.push(Problem::error(&p, "paragraph has neither text nor inlines"));
                }
                for (j, inline) in inlines.iter().enumerate() {
                    match inline {
                        Inline::Link { href, .. } => {
                            url(out, &format!("{p}.inlines[{j}].href"), href)
                        }
                        Inline::Unknown => out.push(Problem::warning(
                            format!("{p}.inlines[{j}]"),
                            "unknown inline type; it will not be shown",
                        )),
                        _ => {}
                    }
                }
            }
            Block::Subheading { text } => non_empty(out, &format!("{p}.text"), text),
            Block::ReadMore { slug, .. } => article_ref(out, format!("{p}.slug"), slug),
            Block::Related { slugs, items, .. } => {
                if slugs.is_empty() && items.is_empty() {
                    out.push(Problem::error(&p, "related box lists no articles"));
                }
                for (j, s) in slugs.iter().enumerate() {
                    article_ref(out, format!("{p}.slugs[{j}]"), s);
                }
            }
            Block::Quote { text, .. } => non_empty(out, &format!("{p}.text"), text),
            Block::Image { image: img } => image(out, &format!("{p}.image"), img),
            Block::List { items, .. } => {
                if items.is_empty() {
                    out.push(Problem::error(&p, "list has no items"));
                }
            }
            Block::Video {
                src,
                poster,
                captions,
                ..
            } => {
                asset(out, &format!("{p}.src"), src);
                image(out, &format!("{p}.poster"), poster);
                if let Some(c) = captions {
                    asset(out, &format!("{p}.captions"), c);
                }
            }
            Block::Embed {
                url: u,
                title,
                poster,
                ..
            } => {
                if let Some(img) = poster {
                    image(out, &format!("{p}.poster"), img);
                }
                if !u.to_ascii_lowercase().starts_with("https://") || href::safe_url(u).is_none() {
                    out.push(Problem::error(
                        format!("{p}.url"),
                        format!("embed URL {u:?} must be https"),
                    ));
                }
                non_empty(out, &format!("{p}.title"), title);
            }
            Block::Unknown => out.push(Problem::warning(
                &p,
                "unknown block type; it will not be shown",
            )),
        }
    }
}

pub fn image(out: &mut Vec<Problem>, path: &str, img: &Image) {
    asset(out, &format!("{path}.src"), &img.src);
    if img.width == 0 || img.height == 0 {
        out.push(Problem::error(
            path,
            "width and height must be positive (space is reserved from them)",
        ));
    }
    if img.alt.trim().is_empty() {
        out.push(Problem::warning(
            format!("{path}.alt"),
            "no text alternative",
        ));
    }
    for (i, e) in img.srcset.iter().enumerate() {
        asset(out, &format!("{path}.srcset[{i}].src"), &e.src);
    }
}

fn asset(out: &mut Vec<Problem>, path: &str, src: &str) {
    if href::resolve("/", src).is_none() {
        out.push(Problem::error(
            path,
            format!("{src:?} is not a safe relative path or http(s) URL"),
        ));
    }
}

fn url(out: &mut Vec<Problem>, path: &str, u: &str) {
    if href::safe_url(u).is_none() {
        out.push(Problem::error(
            path,
            format!("{u:?} is not an allowed URL (site path, https, mailto)"),
        ));
    }
}

fn slug(out: &mut Vec<Problem>, path: &str, s: &str) {
    if !is_valid_slug(s) {
        out.push(Problem::error(
            path,
            format!(
                "{s:?} is not a valid slug (lower-case letters, digits and marks of any script in NFC, joined by single hyphens)"
            ),
        ));
    }
}

fn non_empty(out: &mut Vec<Problem>, path: &str, s: &str) {
    if s.trim().is_empty() {
        out.push(Problem::error(path, "must not be empty"));
    }
}
