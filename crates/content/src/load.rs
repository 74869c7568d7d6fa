//! Reads a source content folder: the site-wide files every time (they are small), and of the
//! articles only those whose bytes changed since the manifest's build (the others keep their
//! summary). Every problem is collected with its file.

use crate::manifest::SourceEntry;

mod article;
pub(crate) use article::decode_checked;
use article::{read_article, ArticleRead};
use newsfront_model::validate::{self, Known, Problem, Severity};
use newsfront_model::{AuthorsFile, Breaking, MostRead, Page, Site, TopicsFile};
use rayon::prelude::*;
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
    /// Every article by slug (sorted, so output is deterministic).
    pub articles: BTreeMap<String, SourceEntry>,
    /// How many articles were decoded in this run (the others were unchanged).
    pub decoded: usize,
    pub pages: BTreeMap<String, Page>,
    pub problems: Vec<FileProblem>,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        error_count(&self.problems)
    }
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }
    /// Prints `file: path: reason` lines to stderr (errors and warnings).
    pub fn report(&self) {
        print_problems(&self.problems);
    }
    fn push(&mut self, file: &Path, problem: Problem) {
        self.problems.push(FileProblem {
            file: file.to_path_buf(),
            problem,
        });
    }

    /// Reads and decodes one site-wide file; problems are recorded, `None` when it cannot be used.
    fn read<T: DeserializeOwned>(&mut self, file: &Path, required: bool) -> Option<T> {
        let bytes = match std::fs::read(file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
            Err(e) => {
                self.push(file, Problem::error("$", format!("cannot read: {e}")));
                return None;
            }
        };
        let (value, problems) = decode_checked(&bytes, file);
        for p in problems {
            self.push(file, p);
        }
        value
    }
}

/// How many of `problems` are errors.
pub fn error_count(problems: &[FileProblem]) -> usize {
    problems
        .iter()
        .filter(|p| p.problem.severity == Severity::Error)
        .count()
}

/// Prints `level: file: path: reason` lines to stderr.
pub fn print_problems(problems: &[FileProblem]) {
    for p in problems {
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

/// Loads `src`. `previous` holds the last build's articles; those whose bytes are unchanged are
/// taken from it without decoding. `None` decodes everything.
pub fn load(
    src: &Path,
    previous: Option<BTreeMap<String, SourceEntry>>,
    started_ns: u64,
) -> Loaded {
    let mut l = Loaded::default();
    let site_file = src.join("site.json");
    l.site = l.read::<Site>(&site_file, true);
    l.authors = l.read::<AuthorsFile>(&src.join("authors.json"), true);
    l.topics = l.read::<TopicsFile>(&src.join("topics.json"), false);
    let breaking_file = src.join("breaking.json");
    l.breaking = l.read::<Breaking>(&breaking_file, false);
    l.live = l.read::<Breaking>(&src.join("live.json"), false);
    let most_read_file = src.join("most-read.json");
    l.most_read = l.read::<MostRead>(&most_read_file, false);
    for file in json_files(&src.join("pages"), &mut l) {
        if let Some(p) = l.read::<Page>(&file, true) {
            l.pages.insert(p.slug.clone(), p);
        }
    }

    let mut known = l.site.as_ref().map(Known::from_site).unwrap_or_default();
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
    // The pictures and media files content may name (`validate::missing_files`).
    let mut listed = std::collections::HashSet::new();
    for dir in ["images", "media"] {
        match crate::output::source_files(src, dir) {
            Ok(found) => listed.extend(found),
            Err(e) => l.push(
                &src.join(dir),
                Problem::error("$", format!("cannot list: {e}")),
            ),
        }
    }
    known.files = Some(listed);
    let files = json_files(&src.join("articles"), &mut l);
    if files.is_empty() {
        l.push(
            &src.join("articles"),
            Problem::error("$", "no articles found"),
        );
    }
    // An article may link to any article file; one that fails to decode is an error of its own.
    known.articles = files.iter().map(|f| stem(f)).collect();
    let mut previous = previous.unwrap_or_default();
    let work: Vec<(PathBuf, Option<SourceEntry>)> = files
        .into_iter()
        .map(|f| {
            let entry = previous.remove(&stem(&f));
            (f, entry)
        })
        .collect();
    let site = l.site.as_ref();
    let results: Vec<ArticleRead> = work
        .into_par_iter()
        .map(|(file, entry)| read_article(&file, entry, &known, site, started_ns))
        .collect();
    for r in results {
        for p in r.problems {
            l.push(&r.file, p);
        }
        if r.decoded {
            l.decoded += 1;
        }
        if let Some(entry) = r.entry {
            l.articles.insert(stem(&r.file), entry);
        }
    }

    let Some(site) = l.site.clone() else { return l };
    let mut found = Vec::new();
    let mut ps = validate::site(&site);
    let mut named = Vec::new();
    validate::image_files(&mut named, "$.logo", &site.logo);
    validate::missing_files(&mut ps, &named, &known);
    found.extend(ps.into_iter().map(|p| (site_file.clone(), p)));
    if let Some(authors) = &l.authors {
        let mut named = Vec::new();
        for (i, a) in authors.authors.iter().enumerate() {
            if let Some(avatar) = &a.avatar {
                validate::image_files(&mut named, &format!("$.authors[{i}].avatar"), avatar);
            }
        }
        let mut ps = Vec::new();
        validate::missing_files(&mut ps, &named, &known);
        found.extend(ps.into_iter().map(|p| (src.join("authors.json"), p)));
    }
    for (slug, page) in &l.pages {
        let mut ps = Vec::new();
        validate::blocks(&mut ps, "$.body", &page.body, &known.articles);
        let mut named = Vec::new();
        validate::block_files(&mut named, "$.body", &page.body);
        validate::missing_files(&mut ps, &named, &known);
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

pub(crate) fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
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
