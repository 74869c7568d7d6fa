//! Reads a source content folder, decodes every file and collects every problem.

use newsfront_model::validate::{self, Known, Problem, Severity};
use newsfront_model::{
    decode, ArticleSource, AuthorsFile, Breaking, MostRead, Page, Site, TopicsFile,
};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A problem with the file it was found in.
pub struct FileProblem {
    pub file: PathBuf,
    pub problem: Problem,
}

/// Everything read from a source folder; files that failed to decode are absent.
#[derive(Default)]
pub struct Loaded {
    pub site: Option<Site>,
    pub authors: Option<AuthorsFile>,
    pub topics: Option<TopicsFile>,
    pub breaking: Option<Breaking>,
    pub live: Option<Breaking>,
    pub most_read: Option<MostRead>,
    /// Sorted by slug so output is deterministic.
    pub articles: BTreeMap<String, ArticleSource>,
    pub pages: BTreeMap<String, Page>,
    pub problems: Vec<FileProblem>,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.problem.severity == Severity::Error)
            .count()
    }
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }
    /// Prints `file: path: reason` lines to stderr (errors and warnings).
    pub fn report(&self) {
        for p in &self.problems {
            let level = match p.problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            eprintln!(
                "{level}: {}: {}: {}",
                p.file.display(),
                p.problem.path,
                p.problem.reason
            );
        }
    }
    fn push(&mut self, file: &Path, problem: Problem) {
        self.problems.push(FileProblem {
            file: file.to_path_buf(),
            problem,
        });
    }

    /// Reads and decodes one file; problems are recorded, `None` when it cannot be used.
    fn read<T: DeserializeOwned>(&mut self, file: &Path, required: bool) -> Option<T> {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
            Err(e) => {
                self.push(file, Problem::error("$", format!("cannot read: {e}")));
                return None;
            }
        };
        match decode::<T>(&text, &file.display().to_string()) {
            Ok(value) => {
                // Unknown fields are allowed (newer CMS exports) but reported.
                let mut unknown = Vec::new();
                let de = &mut serde_json::Deserializer::from_str(&text);
                let _: Result<T, _> =
                    serde_ignored::deserialize(de, |path| unknown.push(path.to_string()));
                for path in unknown {
                    self.push(
                        file,
                        Problem::warning(format!("$.{path}"), "unknown field; ignored"),
                    );
                }
                Some(value)
            }
            Err(newsfront_model::ContentError::Decode { path, message, .. }) => {
                self.push(file, Problem::error(path, message));
                None
            }
            Err(other) => {
                self.push(file, Problem::error("$", other.to_string()));
                None
            }
        }
    }
}

pub fn load(src: &Path) -> Loaded {
    let mut l = Loaded::default();
    let site_file = src.join("site.json");
    l.site = l.read::<Site>(&site_file, true);
    let authors_file = src.join("authors.json");
    l.authors = l.read::<AuthorsFile>(&authors_file, true);
    let topics_file = src.join("topics.json");
    l.topics = l.read::<TopicsFile>(&topics_file, false);
    let breaking_file = src.join("breaking.json");
    l.breaking = l.read::<Breaking>(&breaking_file, false);
    let live_file = src.join("live.json");
    l.live = l.read::<Breaking>(&live_file, false);
    let most_read_file = src.join("most-read.json");
    l.most_read = l.read::<MostRead>(&most_read_file, false);

    for file in json_files(&src.join("articles"), &mut l) {
        if let Some(a) = l.read::<ArticleSource>(&file, true) {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            if a.slug != stem {
                l.push(
                    &file,
                    Problem::error(
                        "$.slug",
                        format!("slug {:?} does not match the file name {stem:?}", a.slug),
                    ),
                );
            }
            if l.articles.contains_key(&a.slug) {
                l.push(
                    &file,
                    Problem::error("$.slug", format!("duplicate article slug {:?}", a.slug)),
                );
            }
            l.articles.insert(a.slug.clone(), a);
        }
    }
    for file in json_files(&src.join("pages"), &mut l) {
        if let Some(p) = l.read::<Page>(&file, true) {
            l.pages.insert(p.slug.clone(), p);
        }
    }
    if l.articles.is_empty() {
        l.push(
            &src.join("articles"),
            Problem::error("$", "no articles found"),
        );
    }

    let Some(site) = l.site.clone() else { return l };
    for p in validate::site(&site) {
        l.push(&site_file, p);
    }
    let mut known = Known::from_site(&site);
    known.authors = l
        .authors
        .iter()
        .flat_map(|a| a.authors.iter().map(|x| x.slug.clone()))
        .collect();
    known.topics = l
        .topics
        .iter()
        .flat_map(|t| t.topics.iter().map(|x| x.slug.clone()))
        .collect();
    known.articles = l.articles.keys().cloned().collect();

    let mut found = Vec::new();
    for (slug, a) in &l.articles {
        let file = src.join("articles").join(format!("{slug}.json"));
        for p in validate::article(a, &known) {
            found.push((file.clone(), p));
        }
        for (i, block) in a.body.iter().enumerate() {
            if let newsfront_model::Block::Embed {
                url, player: true, ..
            } = block
            {
                if !site.allows_embed(url) {
                    found.push((
                        file.clone(),
                        Problem::warning(
                            format!("$.body[{i}].url"),
                            "player host is not in site.json embed_hosts; shown as a link card",
                        ),
                    ));
                }
            }
        }
    }
    for (slug, page) in &l.pages {
        let mut ps = Vec::new();
        validate::blocks(&mut ps, "$.body", &page.body, &known.articles);
        found.extend(
            ps.into_iter()
                .map(|p| (src.join("pages").join(format!("{slug}.json")), p)),
        );
    }
    if let Some(b) = &l.breaking {
        for (i, item) in b.items.iter().enumerate() {
            if let Some(slug) = &item.slug {
                if !known.articles.contains(slug) {
                    found.push((
                        breaking_file.clone(),
                        Problem::error(
                            format!("$.items[{i}].slug"),
                            format!("unknown article {slug:?}"),
                        ),
                    ));
                }
            }
        }
    }
    if let Some(m) = &l.most_read {
        for (i, slug) in m.slugs.iter().enumerate() {
            if !known.articles.contains(slug) {
                found.push((
                    most_read_file.clone(),
                    Problem::error(format!("$.slugs[{i}]"), format!("unknown article {slug:?}")),
                ));
            }
        }
    }
    for link in &site.footer.links {
        if let Some(slug) = link.href.strip_prefix("/page/") {
            if !l.pages.contains_key(slug) {
                found.push((
                    site_file.clone(),
                    Problem::error(
                        "$.footer.links",
                        format!("{} has no pages/{slug}.json", link.href),
                    ),
                ));
            }
        }
    }
    for (file, p) in found {
        l.push(&file, p);
    }
    l
}

/// The `.json` files of a folder, sorted; a missing folder is fine (reported by the caller).
fn json_files(dir: &Path, l: &mut Loaded) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            l.push(dir, Problem::error("$", format!("cannot list folder: {e}")));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}
