//! The built forms of an article and its teaser, from its source (or summary) and the site-wide
//! files.

use crate::images::Index;
use crate::load::Loaded;
use crate::summary::Summary;
use newsfront_model::article::ArticleSource;
use newsfront_model::reading::{reading_minutes, word_count};
use newsfront_model::slug::slugify;
use newsfront_model::{Article, AuthorRef, Block, RelatedItem, Site, Tag, Teaser, Topic};
use std::collections::HashMap;

/// Lookups shared by every article.
pub struct Ctx<'a> {
    site: &'a Site,
    authors: HashMap<&'a str, &'a str>,
    topics: HashMap<&'a str, &'a Topic>,
    headlines: HashMap<&'a str, &'a str>,
    /// Raster pictures and their responsive variants (`images::Index`).
    images: &'a Index,
}

impl<'a> Ctx<'a> {
    pub fn new(l: &'a Loaded, site: &'a Site, images: &'a Index) -> Ctx<'a> {
        Ctx {
            site,
            images,
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
            headlines: l
                .articles
                .iter()
                .map(|(slug, e)| (slug.as_str(), e.summary.headline.as_str()))
                .collect(),
        }
    }

    /// Changes when any picture's variants do (part of every article's output key).
    pub fn images_key(&self) -> u64 {
        self.images.key
    }

    pub fn headline(&self, slug: &str) -> Option<&'a str> {
        self.headlines.get(slug).copied()
    }

    fn section_label(&self, slug: &str) -> String {
        self.site
            .find_section(slug)
            .map(|(s, _)| s.label.clone())
            .unwrap_or_else(|| slug.to_string())
    }

    fn author_refs(&self, slugs: &[String]) -> Vec<AuthorRef> {
        slugs
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

    pub fn teaser(&self, slug: &str, a: &Summary) -> Teaser {
        Teaser {
            slug: slug.to_string(),
            kind: a.kind,
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            section: a.section.clone(),
            section_label: self.section_label(&a.section),
            published: a.published.clone(),
            image: self.images.apply_opt(&a.image),
            authors: self.author_refs(&a.authors),
            duration_seconds: a.duration_seconds,
        }
    }

    pub fn article(&self, a: &ArticleSource, read_next: Vec<Teaser>) -> Article {
        let language = if a.language.is_empty() {
            self.site.language.clone()
        } else {
            a.language.clone()
        };
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
            authors: self.author_refs(&a.authors),
            source: a.source.clone(),
            published: a.published.clone(),
            updated: a.updated.clone(),
            reading_minutes: a
                .reading_minutes
                .unwrap_or_else(|| reading_minutes(word_count(&a.body), &language)),
            hero: self.images.apply_opt(&a.hero),
            body: a.body.iter().map(|b| self.resolve_block(b)).collect(),
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
            language,
            read_next,
            translations: a.translations.clone(),
        }
    }

    fn resolve_block(&self, b: &Block) -> Block {
        match b {
            Block::ReadMore { slug, headline } => Block::ReadMore {
                slug: slug.clone(),
                headline: headline
                    .clone()
                    .or_else(|| self.headline(slug).map(str::to_string)),
            },
            Block::Related {
                title,
                slugs,
                items,
            } => {
                let mut all = items.clone();
                all.extend(slugs.iter().filter_map(|s| {
                    self.headline(s).map(|h| RelatedItem {
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
            other => {
                // Pictures replaced by their responsive variants (`images::Index::apply`).
                let mut block = other.clone();
                match &mut block {
                    Block::Image { image } | Block::Video { poster: image, .. } => {
                        *image = self.images.apply(image);
                    }
                    Block::Embed { poster, .. } => *poster = self.images.apply_opt(poster),
                    _ => {}
                }
                block
            }
        }
    }
}
