//! Turns a validated source folder into the files the site fetches: enriched articles, paginated
//! list files, most read, and copies of the site-wide files and assets. Incremental: with the
//! manifest of a previous build in the output folder, only articles whose bytes changed are
//! decoded, and only outputs whose inputs changed are rendered (see docs/publishing.md).

use crate::listing::listings;

mod write;
use crate::load::{self, Loaded};
use crate::manifest::{self, Manifest};
use crate::output::Outputs;
use crate::render::Ctx;
use crate::summary::Summary;
use newsfront_model::read_next::{Features, Index};
use newsfront_model::slug::slugify;
use newsfront_model::{href, Breaking, MostRead, Site, Teaser};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use write::{write_articles, write_lists};

/// How many "Read Next" candidates each article carries (the page shows four after filtering).
const READ_NEXT_CANDIDATES: usize = 8;
/// How many teasers `most-read.json` carries.
const MOST_READ_ITEMS: usize = 6;

/// What a build did.
pub struct Report {
    /// False when there was no usable manifest (first build, another tool version, `--full`).
    pub incremental: bool,
    pub articles: usize,
    /// Articles decoded because their bytes changed (all of them in a full build).
    pub decoded: usize,
    pub list_pages: usize,
    pub files: usize,
    pub written: Vec<String>,
    pub removed: Vec<String>,
}

/// One article in ranking order (newest first, slug as tie-break).
pub struct Entry<'a> {
    pub slug: &'a str,
    pub summary: &'a Summary,
    pub source_hash: u64,
    /// Ids of its tag slugs, as written (each tag slugified once per build).
    pub tags: Vec<u32>,
}

/// With `NEWSFRONT_TIMINGS` set, prints how long each phase took since the previous mark.
fn mark(phase: &str) {
    static LAST: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);
    if std::env::var_os("NEWSFRONT_TIMINGS").is_none() {
        return;
    }
    if let Ok(mut last) = LAST.lock() {
        let now = std::time::Instant::now();
        if let Some(before) = *last {
            eprintln!("  {phase}: {:.2?}", now - before);
        }
        *last = Some(now);
    }
}

/// A source folder read and checked against the last build's manifest; nothing written yet.
pub struct Prepared {
    src: std::path::PathBuf,
    out: std::path::PathBuf,
    tool: u64,
    started_ns: u64,
    incremental: bool,
    previous_outputs: BTreeMap<String, u64>,
    pub loaded: Loaded,
}

/// Reads `src` (incrementally when `out` holds a manifest of this tool and not `full`) and
/// reports its problems; an error means nothing may be written.
pub fn prepare(src: &Path, out: &Path, full: bool) -> Result<Prepared, String> {
    mark("start");
    let started_ns = manifest::now_ns();
    let tool = manifest::tool_hash();
    let previous = if full {
        None
    } else {
        manifest::load(out, tool)
    };
    let incremental = previous.is_some();
    let (previous_articles, previous_outputs) = match previous {
        Some(m) => (Some(m.articles), m.outputs),
        None => (None, BTreeMap::new()),
    };
    mark("manifest read");
    let loaded = load::load(src, previous_articles, started_ns);
    mark("sources read and checked");
    loaded.report();
    if loaded.has_errors() {
        return Err(format!(
            "{}: {} error(s); nothing built",
            src.display(),
            loaded.error_count()
        ));
    }
    Ok(Prepared {
        src: src.to_path_buf(),
        out: out.to_path_buf(),
        tool,
        started_ns,
        incremental,
        previous_outputs,
        loaded,
    })
}

/// Writes what `prepare` read. `keep`: top-level folders of the output that belong to someone
/// else (the other editions' folders inside the default edition's): never swept.
pub fn write(p: Prepared, keep: &[String]) -> Result<Report, String> {
    let Prepared {
        src,
        out,
        tool,
        started_ns,
        incremental,
        previous_outputs,
        loaded,
    } = p;
    let why = |e: std::io::Error| format!("{}: {e}", out.display());
    std::fs::create_dir_all(&out).map_err(why)?;
    manifest::remove(&out).map_err(why)?;
    let mut outputs = Outputs::new(&out, previous_outputs);
    outputs.keep(keep);
    let list_pages = write_all(&loaded, &src, &mut outputs, started_ns)?;
    outputs.finish(!incremental)?;
    mark("stale outputs removed");
    let report = Report {
        incremental,
        articles: loaded.articles.len(),
        decoded: loaded.decoded,
        list_pages,
        files: outputs.current.len(),
        written: std::mem::take(&mut outputs.written),
        removed: std::mem::take(&mut outputs.removed),
    };
    let manifest = Manifest {
        tool,
        started_ns,
        articles: loaded.articles,
        outputs: outputs.current,
    };
    manifest::save(&out, &manifest).map_err(why)?;
    mark("manifest written");
    Ok(report)
}

/// Writes every output; returns the number of list pages.
fn write_all(l: &Loaded, src: &Path, o: &mut Outputs, started_ns: u64) -> Result<usize, String> {
    let site = l.site.as_ref().ok_or("site.json did not load")?;
    // Raster originals become responsive variants (src/images.rs); only the variants are
    // published, never an original with its metadata.
    let cache = crate::images::default_cache();
    let (images, variants) = if site.image_cdn.is_some() {
        // The publisher's image CDN resizes: originals (without their metadata) only.
        (
            crate::images::Index::default(),
            crate::images::originals(src, &cache)?,
        )
    } else {
        crate::images::build(src, &cache)?
    };
    for (rel, cached) in variants {
        o.copy(rel, &cached, started_ns)?;
    }
    mark("image variants");
    let site = &Site {
        logo: images.apply(&site.logo),
        ..site.clone()
    };
    let ctx = Ctx::new(l, site, &images);
    let empty = Breaking { items: vec![] };
    o.put_json(href::content::SITE, site)?;
    if let Some(authors) = &l.authors {
        let mut authors = authors.clone();
        for a in &mut authors.authors {
            a.avatar = images.apply_opt(&a.avatar);
        }
        o.put_json(href::content::AUTHORS, &authors)?;
    }
    o.put_json(
        href::content::BREAKING,
        l.breaking.as_ref().unwrap_or(&empty),
    )?;
    o.put_json(href::content::LIVE, l.live.as_ref().unwrap_or(&empty))?;
    for (slug, page) in &l.pages {
        o.put_json(&href::content::on_disk(&href::content::page(slug)), page)?;
    }

    let (order, tags) = ranking_order(l);
    let teasers: Vec<Teaser> = order
        .par_iter()
        .map(|e| ctx.teaser(e.slug, e.summary))
        .collect();
    // A teaser's key: every article and list page that shows it depends on it.
    let teaser_keys: Vec<u64> = teasers
        .par_iter()
        .map(|t| serde_json::to_vec(t).map_or(0, |b| manifest::hash_bytes(&b)))
        .collect();
    mark("order and teasers");
    let read_next = rank_read_next(&order);
    mark("read next ranked");
    write_articles(l, src, o, &ctx, &order, &teasers, &teaser_keys, &read_next)?;

    mark("articles");
    let lists = listings(l, site, &order, &tags);
    let list_pages = write_lists(o, &lists, &teasers, &teaser_keys)?;
    mark("lists");

    // Most read: the editors' (or analytics') list first, topped up with the newest articles.
    let ids: HashMap<&str, usize> = order.iter().enumerate().map(|(i, e)| (e.slug, i)).collect();
    let mut most: Vec<usize> = l
        .most_read
        .iter()
        .flat_map(|m| m.slugs.iter().filter_map(|s| ids.get(s.as_str()).copied()))
        .collect();
    for id in 0..order.len() {
        if most.len() >= MOST_READ_ITEMS {
            break;
        }
        if !most.contains(&id) {
            most.push(id);
        }
    }
    let items = most
        .iter()
        .take(MOST_READ_ITEMS)
        .map(|&i| teasers[i].clone())
        .collect();
    o.put_json(
        href::content::MOST_READ,
        &MostRead {
            slugs: vec![],
            items,
        },
    )?;

    for dir in ["images", "media"] {
        for rel in crate::output::source_files(src, dir)? {
            if crate::images::is_raster(Path::new(&rel)) {
                continue; // published as its variants
            }
            let from = src.join(&rel);
            o.copy(rel, &from, started_ns)?;
        }
    }
    Ok(list_pages)
}

/// Every article newest first (slug as tie-break), with its tag slugs interned; and the tags:
/// slug and the first label seen for it (articles by slug, tags in order).
fn ranking_order(l: &Loaded) -> (Vec<Entry<'_>>, Vec<(String, String)>) {
    let mut tags: Vec<(String, String)> = Vec::new();
    let mut tag_ids: HashMap<String, u32> = HashMap::new();
    let mut order: Vec<Entry> = l
        .articles
        .iter()
        .map(|(slug, e)| Entry {
            slug,
            summary: &e.summary,
            source_hash: e.hash,
            tags: e
                .summary
                .tags
                .iter()
                .map(|label| {
                    let slug = slugify(label);
                    *tag_ids.entry(slug.clone()).or_insert_with(|| {
                        tags.push((slug, label.clone()));
                        tags.len() as u32 - 1
                    })
                })
                .collect(),
        })
        .collect();
    order.sort_by(|a, b| {
        b.summary
            .published
            .cmp(&a.summary.published)
            .then_with(|| a.slug.cmp(b.slug))
    });
    (order, tags)
}

/// Each article's Read Next candidates (ids), from inverted indexes over topic, section and tags.
fn rank_read_next(order: &[Entry]) -> Vec<Vec<u32>> {
    let mut sections: HashMap<&str, u32> = HashMap::new();
    let mut topics: HashMap<&str, u32> = HashMap::new();
    fn intern<'a>(map: &mut HashMap<&'a str, u32>, name: &'a str) -> u32 {
        let next = map.len() as u32;
        *map.entry(name).or_insert(next)
    }
    let features: Vec<Features> = order
        .iter()
        .map(|e| {
            let topic = e.summary.topic.as_deref().map(|t| intern(&mut topics, t));
            Features::new(
                topic,
                intern(&mut sections, &e.summary.section),
                e.tags.clone(),
            )
        })
        .collect();
    let index = Index::new(&features);
    (0..order.len() as u32)
        .into_par_iter()
        .map(|id| index.rank(id, READ_NEXT_CANDIDATES))
        .collect()
}
