//! A synthetic source corpus for scale tests: N articles spread over every section, region,
//! author and topic of an existing folder, with deterministic pseudo-random text.

use newsfront_model::{
    ArticleKind, ArticleSource, AuthorsFile, Block, Site, Timestamp, TopicsFile,
};
use rayon::prelude::*;
use std::path::Path;

const WORDS: &[&str] = &[
    "council",
    "river",
    "budget",
    "harbour",
    "delegates",
    "season",
    "market",
    "report",
    "village",
    "ministry",
    "researchers",
    "residents",
    "quietly",
    "agreed",
    "warned",
    "schedule",
    "figures",
    "coast",
    "district",
    "plan",
    "water",
    "energy",
    "school",
    "visitors",
    "record",
    "decline",
    "growth",
    "talks",
    "vote",
    "review",
];
const KINDS_BY_GROUP: &[(&str, ArticleKind)] = &[
    ("opinion", ArticleKind::Opinion),
    ("analysis", ArticleKind::Analysis),
    ("blog", ArticleKind::Blog),
    ("features", ArticleKind::Feature),
    ("infographs", ArticleKind::Infograph),
    ("in-pictures", ArticleKind::Gallery),
];

/// Articles made before a batch of parallel writes.
const CHUNK: usize = 4096;

fn write_chunk(chunk: &[ArticleSource], dir: &Path) -> Result<(), String> {
    chunk.par_iter().try_for_each(|a| {
        let text = serde_json::to_string(a).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{}.json", a.slug));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    })
}

/// A tiny deterministic generator (xorshift), so a corpus is the same on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    newsfront_model::decode(&text, &path.display().to_string()).map_err(|e| e.to_string())
}

pub fn run(count: usize, from: &Path, out: &Path) -> Result<(), String> {
    let site: Site = read(&from.join("site.json"))?;
    let authors: AuthorsFile = read(&from.join("authors.json"))?;
    let topics: TopicsFile =
        read(&from.join("topics.json")).unwrap_or(TopicsFile { topics: vec![] });
    let io = |e: std::io::Error| e.to_string();
    std::fs::create_dir_all(out.join("articles")).map_err(io)?;
    for name in ["site.json", "authors.json", "topics.json"] {
        if from.join(name).exists() {
            std::fs::copy(from.join(name), out.join(name)).map_err(io)?;
        }
    }
    // The pictures those files name (the logo, the authors' avatars), so the corpus validates.
    let mut named = Vec::new();
    newsfront_model::validate::image_files(&mut named, "$.logo", &site.logo);
    for a in &authors.authors {
        if let Some(avatar) = &a.avatar {
            newsfront_model::validate::image_files(&mut named, "$", avatar);
        }
    }
    for (_, file) in named {
        if let Some(dir) = out.join(&file).parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::copy(from.join(&file), out.join(&file)).map_err(|e| format!("{file}: {e}"))?;
    }
    if from.join("pages").is_dir() {
        std::fs::create_dir_all(out.join("pages")).map_err(io)?;
        for e in std::fs::read_dir(from.join("pages")).map_err(io)?.flatten() {
            std::fs::copy(e.path(), out.join("pages").join(e.file_name())).map_err(io)?;
        }
    }
    let sections: Vec<&str> = site
        .section_slugs()
        .into_iter()
        .filter(|s| {
            site.find_section(s)
                .is_some_and(|(n, _)| n.children.is_empty())
        })
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Timestamp::parse("2026-11-27T12:00:00Z")?.unix;
    // Articles are made in order (one random sequence, so a corpus is the same everywhere) and
    // written a chunk at a time on every core.
    let mut chunk: Vec<ArticleSource> = Vec::with_capacity(CHUNK);
    for i in 0..count {
        let section = sections[i % sections.len().max(1)].to_string();
        let kind = KINDS_BY_GROUP
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, k)| *k)
            .unwrap_or(ArticleKind::News);
        let words = 200 + rng.below(2300);
        let mut body = Vec::new();
        let mut written = 0;
        while written < words {
            let n = 30 + rng.below(50);
            let text: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            body.push(Block::Paragraph {
                text: Some(format!("{}.", text.join(" "))),
                inlines: vec![],
            });
            written += n;
        }
        let a = ArticleSource {
            slug: format!("generated-{i:05}"),
            kind,
            section,
            region: site
                .regions
                .get(rng.below(site.regions.len()))
                .map(|r| r.slug.clone()),
            headline: format!(
                "Generated report {i}: {} {} {}",
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.below(WORDS.len())]
            ),
            standfirst: "A synthetic article for scale tests.".to_string(),
            authors: vec![authors.authors[rng.below(authors.authors.len())]
                .slug
                .clone()],
            source: Some("Generator".to_string()),
            published: Timestamp::from_unix(start - (i as i64) * 600),
            updated: None,
            reading_minutes: None,
            hero: None,
            body,
            tags: (0..3).map(|_| format!("Tag {}", rng.below(200))).collect(),
            topic: (rng.below(4) == 0 && !topics.topics.is_empty())
                .then(|| topics.topics[rng.below(topics.topics.len())].slug.clone()),
            language: "en".to_string(),
            translations: Default::default(),
        };
        chunk.push(a);
        if chunk.len() == CHUNK || i + 1 == count {
            write_chunk(&chunk, &out.join("articles"))?;
            chunk.clear();
        }
    }
    println!("generated {count} articles into {}", out.display());
    Ok(())
}
