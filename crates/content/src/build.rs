//! Turns a validated source folder into the files the site fetches: enriched articles, paginated
//! list files, most read, and copies of the site-wide files and assets.

use crate::load::Loaded;
use newsfront_model::article::ArticleSource;
use newsfront_model::paginate::{page_count, page_slice, PAGE_SIZE};
use newsfront_model::reading::{reading_minutes, word_count};
use newsfront_model::slug::slugify;
use newsfront_model::{
    href, Article, AuthorRef, Block, ListKind, ListPage, MostRead, RelatedItem, Site, Tag, Teaser,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

/// How many "Read Next" candidates each article carries (the page shows four after filtering).
const READ_NEXT_CANDIDATES: usize = 8;
/// How many teasers `most-read.json` carries.
const MOST_READ_ITEMS: usize = 6;

#[derive(Default)]
pub struct Stats {
    pub articles: usize,
    pub list_pages: usize,
    pub files: usize,
}

struct Writer<'a> {
    out: &'a Path,
    stats: Stats,
}

impl Writer<'_> {
    fn json<T: Serialize>(&mut self, rel: &str, value: &T) -> io::Result<()> {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string(value).map_err(io::Error::other)?;
        std::fs::write(path, text)?;
        self.stats.files += 1;
        Ok(())
    }
}

pub fn build(l: &Loaded, src: &Path, out: &Path) -> io::Result<Stats> {
    let site = l
        .site
        .as_ref()
        .ok_or_else(|| io::Error::other("site.json did not load"))?;
    let ctx = Ctx::new(l, site);
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut w = Writer {
        out,
        stats: Stats::default(),
    };

    w.json(href::content::SITE, site)?;
    if let Some(authors) = &l.authors {
        w.json(href::content::AUTHORS, authors)?;
    }
    w.json(
        href::content::BREAKING,
        &l.breaking
            .clone()
            .unwrap_or(newsfront_model::Breaking { items: vec![] }),
    )?;
    w.json(
        href::content::LIVE,
        &l.live
            .clone()
            .unwrap_or(newsfront_model::Breaking { items: vec![] }),
    )?;
    for (slug, page) in &l.pages {
        w.json(&href::content::page(slug), page)?;
    }

    // Newest first, slug as tie-break, so every list is deterministic.
    let mut order: Vec<&ArticleSource> = l.articles.values().collect();
    order.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let teasers: HashMap<&str, Teaser> = order
        .iter()
        .map(|a| (a.slug.as_str(), ctx.teaser(a)))
        .collect();

    for a in &order {
        let article = ctx.article(a, &order, &teasers);
        w.json(&href::content::article(&a.slug), &article)?;
        w.stats.articles += 1;
    }

    let slugs_of = |pick: &dyn Fn(&ArticleSource) -> bool| -> Vec<&str> {
        order
            .iter()
            .filter(|a| pick(a))
            .map(|a| a.slug.as_str())
            .collect()
    };
    let mut lists: Vec<(ListKind, String, String, Option<String>, Vec<&str>)> = Vec::new();
    lists.push((
        ListKind::Home,
        String::new(),
        site.name.clone(),
        Some(site.slogan.clone()),
        slugs_of(&|_| true),
    ));
    for top in site.nav.iter().filter(|n| !n.live) {
        let family: Vec<&str> = std::iter::once(top.slug.as_str())
            .chain(top.children.iter().map(|c| c.slug.as_str()))
            .collect();
        lists.push((
            ListKind::Section,
            top.slug.clone(),
            top.label.clone(),
            top.description.clone(),
            slugs_of(&|a| family.contains(&a.section.as_str())),
        ));
        for child in &top.children {
            lists.push((
                ListKind::Section,
                child.slug.clone(),
                child.label.clone(),
                child.description.clone(),
                slugs_of(&|a| a.section == child.slug),
            ));
        }
    }
    for r in &site.regions {
        lists.push((
            ListKind::Region,
            r.slug.clone(),
            r.label.clone(),
            None,
            slugs_of(&|a| a.region.as_deref() == Some(&r.slug)),
        ));
    }
    for (slug, label) in &ctx.tags {
        lists.push((
            ListKind::Tag,
            slug.clone(),
            label.clone(),
            None,
            slugs_of(&|a| a.tags.iter().any(|t| &slugify(t) == slug)),
        ));
    }
    for t in l.topics.iter().flat_map(|t| &t.topics) {
        lists.push((
            ListKind::Topic,
            t.slug.clone(),
            t.title.clone(),
            Some(t.description.clone()),
            slugs_of(&|a| a.topic.as_deref() == Some(&t.slug)),
        ));
    }
    for a in l.authors.iter().flat_map(|a| &a.authors) {
        let bio = (!a.bio.is_empty()).then(|| a.bio.clone());
        lists.push((
            ListKind::Author,
            a.slug.clone(),
            a.name.clone(),
            bio,
            slugs_of(&|x| x.authors.contains(&a.slug)),
        ));
    }
    for (kind, slug, title, description, slugs) in lists {
        let total = page_count(slugs.len(), PAGE_SIZE);
        for page in 1..=total {
            let items = page_slice(&slugs, page, PAGE_SIZE)
                .iter()
                .filter_map(|s| teasers.get(s).cloned())
                .collect();
            let list = ListPage {
                kind,
                slug: slug.clone(),
                title: title.clone(),
                description: description.clone(),
                page,
                total_pages: total,
                total_items: slugs.len() as u32,
                items,
            };
            w.json(&href::content::list(kind, &slug, page), &list)?;
            w.stats.list_pages += 1;
        }
    }

    // Most read: the editors' (or analytics') list first, topped up with the newest articles.
    let mut most: Vec<&str> = l
        .most_read
        .iter()
        .flat_map(|m| m.slugs.iter().map(String::as_str))
        .collect();
    for a in &order {
        if most.len() >= MOST_READ_ITEMS {
            break;
        }
        if !most.contains(&a.slug.as_str()) {
            most.push(&a.slug);
        }
    }
    let items = most
        .iter()
        .take(MOST_READ_ITEMS)
        .filter_map(|s| teasers.get(s).cloned())
        .collect();
    w.json(
        href::content::MOST_READ,
        &MostRead {
            slugs: vec![],
            items,
        },
    )?;

    for dir in ["images", "media"] {
        let from = src.join(dir);
        if from.is_dir() {
            w.stats.files += copy_dir(&from, &out.join(dir))?;
        }
    }
    Ok(w.stats)
}

/// Lookups shared by every article.
struct Ctx<'a> {
    site: &'a Site,
    authors: HashMap<&'a str, &'a str>,
    topics: HashMap<&'a str, &'a newsfront_model::Topic>,
    /// Tag slug → the first label seen for it (sorted by slug).
    tags: BTreeMap<String, String>,
    headlines: HashMap<&'a str, &'a str>,
}

impl<'a> Ctx<'a> {
    fn new(l: &'a Loaded, site: &'a Site) -> Ctx<'a> {
        let mut tags = BTreeMap::new();
        for a in l.articles.values() {
            for t in &a.tags {
                tags.entry(slugify(t)).or_insert_with(|| t.clone());
            }
        }
        Ctx {
            site,
            authors: l
                .authors
                .iter()
                .flat_map(|a| a.authors.iter().map(|x| (x.slug.as_str(), x.name.as_str())))
                .collect(),
            topics: l
                .topics
                .iter()
                .flat_map(|t| t.topics.iter().map(|x| (x.slug.as_str(), x)))
                .collect(),
            tags,
            headlines: l
                .articles
                .values()
                .map(|a| (a.slug.as_str(), a.headline.as_str()))
                .collect(),
        }
    }

    fn section_label(&self, slug: &str) -> String {
        self.site
            .find_section(slug)
            .map(|(s, _)| s.label.clone())
            .unwrap_or_else(|| slug.to_string())
    }

    fn author_refs(&self, a: &ArticleSource) -> Vec<AuthorRef> {
        a.authors
            .iter()
            .map(|s| AuthorRef {
                slug: s.clone(),
                name: self
                    .authors
                    .get(s.as_str())
                    .map_or_else(|| s.clone(), |n| n.to_string()),
            })
            .collect()
    }

    fn teaser(&self, a: &ArticleSource) -> Teaser {
        Teaser {
            slug: a.slug.clone(),
            kind: a.kind,
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            section: a.section.clone(),
            section_label: self.section_label(&a.section),
            published: a.published.clone(),
            image: a.hero.clone().map(|mut img| {
                img.caption = None;
                img.credit = None;
                img
            }),
            authors: self.author_refs(a),
            duration_seconds: a.body.iter().find_map(|b| match b {
                Block::Video {
                    duration_seconds, ..
                } => *duration_seconds,
                _ => None,
            }),
        }
    }

    fn article(
        &self,
        a: &ArticleSource,
        order: &[&ArticleSource],
        teasers: &HashMap<&str, Teaser>,
    ) -> Article {
        let body: Vec<Block> = a.body.iter().map(|b| self.resolve_block(b)).collect();
        let tag_slugs: Vec<String> = a.tags.iter().map(|t| slugify(t)).collect();
        // Read Next: same topic weighs most, then same section, then each shared tag.
        let mut scored: Vec<(u32, &ArticleSource)> = order
            .iter()
            .filter(|o| o.slug != a.slug)
            .map(|o| {
                let mut score = 0;
                if a.topic.is_some() && o.topic == a.topic {
                    score += 3;
                }
                if o.section == a.section {
                    score += 2;
                }
                score += o
                    .tags
                    .iter()
                    .filter(|t| tag_slugs.contains(&slugify(t)))
                    .count() as u32;
                (score, *o)
            })
            .filter(|(s, _)| *s > 0)
            .collect();
        scored.sort_by(|x, y| {
            y.0.cmp(&x.0)
                .then_with(|| y.1.published.cmp(&x.1.published))
        });
        let read_next = scored
            .iter()
            .take(READ_NEXT_CANDIDATES)
            .filter_map(|(_, o)| teasers.get(o.slug.as_str()).cloned())
            .collect();
        Article {
            slug: a.slug.clone(),
            kind: a.kind,
            section: a.section.clone(),
            section_label: self.section_label(&a.section),
            region: a.region.clone(),
            region_label: a
                .region
                .as_deref()
                .and_then(|r| self.site.find_region(r))
                .map(|r| r.label.clone()),
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            authors: self.author_refs(a),
            source: a.source.clone(),
            published: a.published.clone(),
            updated: a.updated.clone(),
            reading_minutes: a
                .reading_minutes
                .unwrap_or_else(|| reading_minutes(word_count(&a.body))),
            hero: a.hero.clone(),
            body,
            tags: a
                .tags
                .iter()
                .map(|t| Tag {
                    slug: slugify(t),
                    label: t.clone(),
                })
                .collect(),
            topic: a
                .topic
                .as_deref()
                .and_then(|t| self.topics.get(t))
                .map(|t| (*t).clone()),
            language: a.language.clone(),
            read_next,
        }
    }

    fn resolve_block(&self, b: &Block) -> Block {
        match b {
            Block::ReadMore { slug, headline } => Block::ReadMore {
                slug: slug.clone(),
                headline: headline
                    .clone()
                    .or_else(|| self.headlines.get(slug.as_str()).map(|h| h.to_string())),
            },
            Block::Related {
                title,
                slugs,
                items,
            } => {
                let mut all = items.clone();
                all.extend(slugs.iter().filter_map(|s| {
                    self.headlines.get(s.as_str()).map(|h| RelatedItem {
                        slug: s.clone(),
                        headline: h.to_string(),
                    })
                }));
                Block::Related {
                    title: title.clone(),
                    slugs: vec![],
                    items: all,
                }
            }
            other => other.clone(),
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<usize> {
    std::fs::create_dir_all(to)?;
    let mut n = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            n += copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
            n += 1;
        }
    }
    Ok(n)
}
