//! `newsfront-prerender <site-dir> [--content DIR] [--now UNIX] [--jobs N] [--full]`
//!
//! Renders every route of the built site (`trunk build --release` output) into
//! `<site-dir>/<route>/index.html`, using `<site-dir>/shell.html` (the app shell Trunk built) as
//! the page template. Incremental: a page is rendered again only when a content file it read,
//! or the app shell, changed since the last run (recorded in `<site-dir>/.prerender.json`).
//! The ticker and live feeds do not count as changes: every page shows them, and the browser
//! refreshes them at once.

use newsfront::prerender::{fingerprint, render, routes, ContentStore, PageRoute, Template};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

const MANIFEST: &str = ".prerender.json";
const SHELL: &str = "shell.html";
/// Feeds that change all the time and that every page shows (see the module comment).
const VOLATILE: [&str; 2] = [
    newsfront_model::href::content::BREAKING,
    newsfront_model::href::content::LIVE,
];

#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    template: String,
    pages: BTreeMap<String, PageEntry>,
}

#[derive(Clone, Serialize, Deserialize)]
struct PageEntry {
    file: String,
    /// Content path → fingerprint of the text the page was rendered from (`None`: missing).
    deps: BTreeMap<String, Option<String>>,
}

struct Options {
    site: PathBuf,
    content: Option<PathBuf>,
    now: i64,
    jobs: usize,
    full: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut site = None;
    let mut content = None;
    let mut now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut full = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--content" => content = Some(PathBuf::from(value("--content")?)),
            "--now" => now = Some(value("--now")?.parse().map_err(|_| "--now takes unix seconds")?),
            "--jobs" => jobs = value("--jobs")?.parse().map_err(|_| "--jobs takes a number")?,
            "--full" => full = true,
            "-h" | "--help" => {
                return Err("usage: newsfront-prerender <site-dir> [--content DIR] [--now UNIX] [--jobs N] [--full]".into())
            }
            other if site.is_none() && !other.starts_with('-') => site = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let now = now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    Ok(Options {
        site: site.ok_or("usage: newsfront-prerender <site-dir> [--content DIR] [--now UNIX] [--jobs N] [--full]")?,
        content,
        now,
        jobs: jobs.max(1),
        full,
    })
}

fn run() -> Result<(), String> {
    let opts = parse_args()?;
    let started = Instant::now();
    any_spawner::Executor::init_futures_executor()
        .map_err(|e| format!("cannot start the executor: {e:?}"))?;

    let shell_path = opts.site.join(SHELL);
    let shell = std::fs::read_to_string(&shell_path).map_err(|e| {
        format!(
            "cannot read {} ({e}); build the site first (make release)",
            shell_path.display()
        )
    })?;
    let template = Template::parse(&shell)?;
    newsfront::platform::config::set_build_content_base(&template.content_base);
    let content_dir = match (&opts.content, template.content_base.starts_with('/')) {
        (Some(dir), _) => dir.clone(),
        (None, true) => opts.site.join(template.content_base.trim_matches('/')),
        (None, false) => {
            return Err(format!(
            "the content base is {} (not on this site): pass --content <dir> with the same files",
            template.content_base
        ))
        }
    };
    if !content_dir
        .join(newsfront_model::href::content::SITE)
        .is_file()
    {
        return Err(format!(
            "{} has no site.json: build the content first (make content)",
            content_dir.display()
        ));
    }

    let manifest_path = opts.site.join(MANIFEST);
    let old: Manifest = std::fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let template_fp = fingerprint(shell.as_bytes());
    let full = opts.full || old.template != template_fp;

    let all = routes(&content_dir);
    let store = Arc::new(ContentStore::new(&content_dir));
    let current = Fingerprints::new(store.clone());
    let todo: Vec<&PageRoute> = all
        .iter()
        .filter(|page| {
            full || !opts.site.join(&page.file).is_file()
                || old
                    .pages
                    .get(&page.route)
                    .is_none_or(|entry| !current.unchanged(&entry.deps))
        })
        .collect();

    let render_started = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, PageEntry, usize)>> = Mutex::new(Vec::new());
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..opts.jobs.min(todo.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(page) = todo.get(i) else { break };
                let rendered = render(&page.route, &store, &template, opts.now);
                let out = opts.site.join(&page.file);
                let written = out
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|_| std::fs::write(&out, &rendered.html));
                match written {
                    Ok(()) => {
                        let deps = rendered
                            .read
                            .iter()
                            .map(|(path, text)| {
                                (
                                    path.clone(),
                                    text.as_ref().map(|t| fingerprint(t.as_bytes())),
                                )
                            })
                            .collect();
                        let entry = PageEntry {
                            file: page.file.clone(),
                            deps,
                        };
                        lock(&results).push((page.route.clone(), entry, rendered.html.len()));
                    }
                    Err(e) => lock(&failures).push(format!("{}: {e}", out.display())),
                }
            });
        }
    });
    let render_secs = render_started.elapsed().as_secs_f64();
    let failures = failures.into_inner().unwrap_or_default();
    if !failures.is_empty() {
        return Err(format!("could not write:\n  {}", failures.join("\n  ")));
    }
    let results = results.into_inner().unwrap_or_default();

    // The new manifest: fresh entries for rendered pages, the old ones for unchanged pages.
    let mut pages = BTreeMap::new();
    let mut sizes: HashMap<String, usize> = HashMap::new();
    for (route, entry, size) in results {
        sizes.insert(route.clone(), size);
        pages.insert(route, entry);
    }
    for page in &all {
        if let (false, Some(entry)) = (pages.contains_key(&page.route), old.pages.get(&page.route))
        {
            pages.insert(page.route.clone(), entry.clone());
        }
    }
    // Pages whose content is gone are removed.
    let mut removed = 0;
    for (route, entry) in &old.pages {
        if !pages.contains_key(route) && remove_page(&opts.site, &entry.file) {
            removed += 1;
        }
    }
    let manifest = Manifest {
        template: template_fp,
        pages,
    };
    let json = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
    std::fs::write(&manifest_path, json)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;

    let rendered = sizes.len();
    let rate = if render_secs > 0.0 {
        rendered as f64 / render_secs
    } else {
        0.0
    };
    println!(
        "prerender: {} routes, {rendered} rendered, {} unchanged, {removed} removed; rendering took {render_secs:.2} s ({rate:.0} pages/s, {} threads), {:.2} s in all",
        all.len(),
        all.len() - rendered,
        opts.jobs,
        started.elapsed().as_secs_f64()
    );
    if let Some((route, size)) = sizes
        .iter()
        .filter(|(r, _)| r.starts_with("/article/"))
        .max_by_key(|(_, s)| **s)
    {
        println!("prerender: largest article page {route}: {size} bytes");
    }
    Ok(())
}

/// Deletes a page file written by an earlier run (and its directory when that is now empty).
fn remove_page(site: &Path, file: &str) -> bool {
    let path = site.join(file);
    let removed = std::fs::remove_file(&path).is_ok();
    if let Some(dir) = path.parent().filter(|d| *d != site) {
        let _ = std::fs::remove_dir(dir);
    }
    removed
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Fingerprints of the current content files, computed once per path.
struct Fingerprints {
    store: Arc<ContentStore>,
    cache: Mutex<HashMap<String, Option<String>>>,
}

impl Fingerprints {
    fn new(store: Arc<ContentStore>) -> Fingerprints {
        Fingerprints {
            store,
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, path: &str) -> Option<String> {
        if let Some(hit) = lock(&self.cache).get(path) {
            return hit.clone();
        }
        let fp = self.store.read(path).map(|t| fingerprint(t.as_bytes()));
        lock(&self.cache).insert(path.to_string(), fp.clone());
        fp
    }

    /// True when every dependency (except the volatile feeds) still has the same text.
    fn unchanged(&self, deps: &BTreeMap<String, Option<String>>) -> bool {
        deps.iter()
            .filter(|(path, _)| !VOLATILE.contains(&path.as_str()))
            .all(|(path, fp)| self.get(path) == *fp)
    }
}
