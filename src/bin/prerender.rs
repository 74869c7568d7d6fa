//! `newsfront-prerender <site-dir> [--content DIR] [--now UNIX] [--jobs N] [--full]
//!  [--shard I/N] [--report json] [--changes FILE]` and `newsfront-prerender merge <site-dir>`
//!
//! Renders every route of the built site (`trunk build --release` output) into
//! `<site-dir>/<route>/index.html`, using `<site-dir>/shell.html` (the app shell Trunk built) as
//! the page template; site-wide files the pages read go to `<site-dir>/shared/` once. Incremental:
//! a page is rendered again only when a content file it read, or the app shell, changed since
//! the last run (`newsfront::prerender::manifest`). See docs/prerender.md.

use newsfront::prerender::manifest::{
    self, Checker, Deps, Manifest, Shard, Stamp, MANIFEST, VOLATILE,
};
use newsfront::prerender::{render, routes, webmanifest, ContentStore, PageRoute, Template};
use newsfront_model::snapshot::fingerprint;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Rendering allocates and frees many small strings per page; with two threads glibc's malloc
/// took 30% of the time (perf), mimalloc much less (docs/prerender.md has the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SHELL: &str = "shell.html";
const USAGE: &str = "usage: newsfront-prerender <site-dir> [--content DIR] [--now UNIX] [--jobs N] [--full] [--shard I/N] [--report json] [--changes FILE]\n       newsfront-prerender merge <site-dir> [--report json]";

struct Options {
    merge: bool,
    site: PathBuf,
    content: Option<PathBuf>,
    now: i64,
    jobs: usize,
    full: bool,
    shard: Option<Shard>,
    json: bool,
    changes: Option<PathBuf>,
}

/// What a run did (`--report json` prints it; the deploy and the tests read it).
#[derive(Default, Serialize)]
struct Report {
    routes: usize,
    rendered: usize,
    unchanged: usize,
    /// Pages of routes that no longer exist, deleted.
    removed: usize,
    /// Page files and shared copies written.
    files_written: usize,
    /// Page files and shared copies deleted.
    files_removed: usize,
    shared_written: usize,
    shared_removed: usize,
    /// Editions' web app manifests written (only those whose text changed).
    manifests_written: usize,
    bytes_written: u64,
    full: bool,
    shard: Option<String>,
    threads: usize,
    check_seconds: f64,
    render_seconds: f64,
    total_seconds: f64,
    pages_per_second: f64,
    largest_page: Option<Largest>,
}

#[derive(Serialize)]
struct Largest {
    route: String,
    bytes: usize,
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|opts| if opts.merge { merge(&opts) } else { run(&opts) });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1).peekable();
    let merge = args.next_if(|a| a == "merge").is_some();
    let mut site = None;
    let mut opts = Options {
        merge,
        site: PathBuf::new(),
        content: None,
        now: 0,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        full: false,
        shard: None,
        json: false,
        changes: None,
    };
    let mut now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok());
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--content" => opts.content = Some(PathBuf::from(value("--content")?)),
            "--now" => {
                now = Some(
                    value("--now")?
                        .parse()
                        .map_err(|_| "--now takes unix seconds")?,
                )
            }
            "--jobs" => {
                opts.jobs = value("--jobs")?
                    .parse()
                    .map_err(|_| "--jobs takes a number")?
            }
            "--full" => opts.full = true,
            "--shard" => opts.shard = Some(Shard::parse(&value("--shard")?)?),
            "--report" => match value("--report")?.as_str() {
                "json" => opts.json = true,
                "text" => opts.json = false,
                other => return Err(format!("--report takes json or text, not {other:?}")),
            },
            "--changes" => opts.changes = Some(PathBuf::from(value("--changes")?)),
            "-h" | "--help" => return Err(USAGE.into()),
            other if site.is_none() && !other.starts_with('-') => site = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    opts.now = now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    });
    opts.site = site.ok_or(USAGE)?;
    opts.jobs = opts.jobs.max(1);
    Ok(opts)
}

fn merge(opts: &Options) -> Result<(), String> {
    let merged = manifest::merge(&opts.site)?;
    // The editions' web app manifests, which no shard writes.
    let shell_path = opts.site.join(SHELL);
    let shell = std::fs::read_to_string(&shell_path)
        .map_err(|e| format!("cannot read {}: {e}", shell_path.display()))?;
    let template = Template::parse(&shell)?;
    webmanifest::write_all(
        &opts.site,
        &content_dir(opts, &template)?,
        &template.theme_color,
    )?;
    if opts.json {
        println!(
            "{}",
            serde_json::to_string(&merged).map_err(|e| e.to_string())?
        );
    } else {
        println!(
            "prerender merge: {} shards, {} pages, {} removed, {} shared copies removed",
            merged.shards,
            merged.pages,
            merged.removed.len(),
            merged.shared_removed.len()
        );
    }
    Ok(())
}

fn run(opts: &Options) -> Result<(), String> {
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
    let content_dir = content_dir(opts, &template)?;

    let manifest_path = opts.site.join(
        opts.shard
            .map_or_else(|| MANIFEST.to_string(), |s| s.manifest_name()),
    );
    let old = Manifest::load(&manifest_path);
    let template_fp = fingerprint(shell.as_bytes());
    let full = opts.full || old.template != template_fp;

    let all: Vec<PageRoute> = routes(&content_dir)
        .into_iter()
        .filter(|p| opts.shard.is_none_or(|s| s.contains(&p.route)))
        .collect();
    let checker = Checker::new(&content_dir, &old.files);
    let todo: Vec<&PageRoute> = all
        .iter()
        .filter(|page| {
            full || !opts.site.join(&page.file).is_file()
                || old
                    .pages
                    .get(&page.route)
                    .is_none_or(|deps| !checker.unchanged(deps))
        })
        .collect();
    let check_seconds = started.elapsed().as_secs_f64();

    let store = Arc::new(ContentStore::new(&content_dir));
    let render_started = Instant::now();
    let out = render_all(opts, &todo, &store, &template)?;
    let render_seconds = render_started.elapsed().as_secs_f64();

    // The new manifest: fresh entries for rendered pages, the old ones for unchanged pages.
    let mut pages: BTreeMap<String, Deps> = out.pages;
    for page in &all {
        if let (false, Some(deps)) = (pages.contains_key(&page.route), old.pages.get(&page.route)) {
            pages.insert(page.route.clone(), deps.clone());
        }
    }
    let mut report = Report {
        routes: all.len(),
        rendered: out.written.len(),
        unchanged: all.len() - out.written.len(),
        full,
        shard: opts.shard.map(|s| s.label()),
        threads: opts.jobs,
        check_seconds,
        render_seconds,
        shared_written: out.shared_written.len(),
        bytes_written: out.bytes,
        largest_page: out.largest,
        ..Report::default()
    };
    let mut removed = Vec::new();
    for route in old.pages.keys().filter(|r| !pages.contains_key(*r)) {
        let file = PageRoute::at(route.clone()).file;
        if manifest::remove_page(&opts.site, &file) {
            removed.push(file);
        }
    }
    report.removed = removed.len();
    let files = stamps(&pages, &store, &checker, &old.files);
    let mut manifest = Manifest {
        template: template_fp,
        shard: opts.shard.map(|s| s.label()),
        files,
        pages,
        ..Manifest::default()
    };
    // Shared copies no page uses any more; a shard cannot know (`merge` does it).
    let shared_removed = if opts.shard.is_none() {
        manifest::remove_unused_copies(&opts.site, &manifest.shared_copies())
    } else {
        Vec::new()
    };
    report.shared_removed = shared_removed.len();
    report.files_written = out.written.len() + out.shared_written.len();
    report.files_removed = removed.len() + shared_removed.len();
    manifest.save(&manifest_path)?;
    // Each edition's web app manifest, from its site.json (a shard leaves them to the full run).
    let manifests = if opts.shard.is_none() {
        webmanifest::write_all(&opts.site, &content_dir, &template.theme_color)?
    } else {
        Vec::new()
    };
    report.manifests_written = manifests.len();

    if let Some(path) = &opts.changes {
        let lines: Vec<String> = out
            .written
            .iter()
            .chain(&out.shared_written)
            .chain(&manifests)
            .map(|f| format!("+ {}", f.trim_start_matches('/')))
            .chain(
                removed
                    .iter()
                    .chain(&shared_removed)
                    .map(|f| format!("- {}", f.trim_start_matches('/'))),
            )
            .collect();
        std::fs::write(path, lines.join("\n") + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    report.total_seconds = started.elapsed().as_secs_f64();
    report.pages_per_second = if render_seconds > 0.0 {
        report.rendered as f64 / render_seconds
    } else {
        0.0
    };
    print_report(&report, opts.json)
}

fn content_dir(opts: &Options, template: &Template) -> Result<PathBuf, String> {
    let dir = match (&opts.content, template.content_base.starts_with('/')) {
        (Some(dir), _) => dir.clone(),
        (None, true) => opts.site.join(template.content_base.trim_matches('/')),
        (None, false) => {
            return Err(format!(
            "the content base is {} (not on this site): pass --content <dir> with the same files",
            template.content_base
        ))
        }
    };
    if !dir.join(newsfront_model::href::content::SITE).is_file() {
        return Err(format!(
            "{} has no site.json: build the content first (make content)",
            dir.display()
        ));
    }
    Ok(dir)
}

/// What the render threads produced.
struct Output {
    pages: BTreeMap<String, Deps>,
    /// Page files written (relative to the site).
    written: Vec<String>,
    /// Shared copies written (site paths).
    shared_written: Vec<String>,
    bytes: u64,
    largest: Option<Largest>,
}

fn render_all(
    opts: &Options,
    todo: &[&PageRoute],
    store: &Arc<ContentStore>,
    template: &Template,
) -> Result<Output, String> {
    let next = AtomicUsize::new(0);
    let out = Mutex::new(Output {
        pages: BTreeMap::new(),
        written: Vec::new(),
        shared_written: Vec::new(),
        bytes: 0,
        largest: None,
    });
    // Shared copies known to be on disk (named by their text, so never rewritten).
    let copies: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..opts.jobs.min(todo.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(page) = todo.get(i) else { break };
                let rendered = render(&page.route, store, template, opts.now);
                let mut new_copies = Vec::new();
                for (url, text) in &rendered.shared {
                    if !lock(&copies).insert(url.clone()) {
                        continue;
                    }
                    // The URL is percent-encoded; the web server looks for the decoded name.
                    let on_disk = newsfront_model::href::content::on_disk(url);
                    let file = opts.site.join(on_disk.trim_start_matches('/'));
                    if file.is_file() {
                        continue;
                    }
                    match write(&file, text.as_bytes()) {
                        Ok(()) => new_copies.push(url.clone()),
                        Err(e) => lock(&failures).push(e),
                    }
                }
                if let Err(e) = write(&opts.site.join(&page.file), rendered.html.as_bytes()) {
                    lock(&failures).push(e);
                    continue;
                }
                let deps: Deps = rendered
                    .read
                    .into_iter()
                    .map(|(path, entry)| (path, entry.map(|(_, stamp)| stamp.fp)))
                    .collect();
                let mut out = lock(&out);
                out.pages.insert(page.route.clone(), deps);
                out.written.push(page.file.clone());
                out.shared_written.extend(new_copies);
                out.bytes += rendered.html.len() as u64;
                let size = rendered.html.len();
                if page.route.starts_with("/article/")
                    && out.largest.as_ref().is_none_or(|l| l.bytes < size)
                {
                    out.largest = Some(Largest {
                        route: page.route.clone(),
                        bytes: size,
                    });
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap_or_default();
    if !failures.is_empty() {
        return Err(format!("could not write:\n  {}", failures.join("\n  ")));
    }
    let mut out = out.into_inner().map_err(|_| "a render thread failed")?;
    out.written.sort();
    out.shared_written.sort();
    Ok(out)
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    file.parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(file, bytes))
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// The stamp of every file the pages depend on: as read by this run's renders, as checked, or
/// (volatile feeds of pages not rendered again) as recorded before.
fn stamps(
    pages: &BTreeMap<String, Deps>,
    store: &ContentStore,
    checker: &Checker,
    old: &BTreeMap<String, Stamp>,
) -> BTreeMap<String, Stamp> {
    let mut files = BTreeMap::new();
    for path in pages.values().flat_map(|deps| deps.keys()) {
        if files.contains_key(path) {
            continue;
        }
        let stamp = store.stamp(path).or_else(|| {
            if VOLATILE.contains(&path.as_str()) {
                old.get(path).cloned()
            } else {
                checker.stamp(path)
            }
        });
        if let Some(stamp) = stamp {
            files.insert(path.clone(), stamp);
        }
    }
    files
}

fn print_report(report: &Report, json: bool) -> Result<(), String> {
    if json {
        println!(
            "{}",
            serde_json::to_string(report).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!(
        "prerender: {} routes{}, {} rendered, {} unchanged, {} removed; {} files written ({} shared), {} removed; checking took {:.2} s, rendering {:.2} s ({:.0} pages/s, {} threads), {:.2} s in all",
        report.routes,
        report.shard.as_ref().map(|s| format!(" (shard {s})")).unwrap_or_default(),
        report.rendered,
        report.unchanged,
        report.removed,
        report.files_written,
        report.shared_written,
        report.files_removed,
        report.check_seconds,
        report.render_seconds,
        report.pages_per_second,
        report.threads,
        report.total_seconds,
    );
    if let Some(largest) = &report.largest_page {
        println!(
            "prerender: largest article page {}: {} bytes",
            largest.route, largest.bytes
        );
    }
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
