//! Build-time rendering (feature `ssr`): every route of the site rendered natively with the
//! same components the browser runs, into static HTML the browser then hydrates.
//!
//! The page's data comes from the one loader (`data::use_content`), which here reads the built
//! content files from disk through [`RenderContext`] and records what it read; the recorded
//! texts are embedded in the page (`newsfront_model::snapshot`) so the browser's first render
//! decodes exactly the same data. The recorded paths are also the page's dependencies for
//! incremental rebuilds (`manifest`).

use crate::App;
use futures::StreamExt;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use newsfront_model::snapshot::{embeds, fingerprint, Snapshot, ELEMENT_ID};
use newsfront_model::{edition, href, ListKind};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub mod manifest;
pub mod webmanifest;

use manifest::Stamp;

/// A content file's text and what the file was when it was read (`None`: missing).
pub type Entry = Option<(Arc<str>, Stamp)>;

/// What the store remembers of a file.
#[derive(Clone)]
enum Slot {
    Missing,
    /// Read by one page so far: only its stamp is kept. Most files (an article, its listing
    /// page) are read by one page only, and keeping the text of 100,000 of them would hold
    /// gigabytes for nothing.
    Once(Stamp),
    /// Read by more than one page (`site.json`, a topic's coverage list): kept.
    Kept(Arc<str>, Stamp),
}

/// The built content files, read from disk and shared by every render.
pub struct ContentStore {
    dir: PathBuf,
    cache: Mutex<HashMap<String, Slot>>,
}

impl ContentStore {
    pub fn new(dir: impl Into<PathBuf>) -> ContentStore {
        ContentStore {
            dir: dir.into(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The text of `path` (relative to the content directory), `None` when it does not exist.
    /// Paths that would leave the content directory are treated as missing.
    pub fn read(&self, path: &str) -> Option<Arc<str>> {
        self.entry(path).map(|(text, _)| text)
    }

    /// The file's stamp as last read by this run (`None`: missing, or not read).
    pub fn stamp(&self, path: &str) -> Option<Stamp> {
        match lock(&self.cache).get(path)? {
            Slot::Missing => None,
            Slot::Once(stamp) | Slot::Kept(_, stamp) => Some(stamp.clone()),
        }
    }

    /// The text of `path` with what the file was when that text was read.
    pub fn entry(&self, path: &str) -> Entry {
        if !manifest::is_plain_path(path) {
            return None;
        }
        let seen = match lock(&self.cache).get(path) {
            Some(Slot::Missing) => return None,
            Some(Slot::Kept(text, stamp)) => return Some((text.clone(), stamp.clone())),
            Some(Slot::Once(_)) => true,
            None => false,
        };
        let file = self.dir.join(href::content::on_disk(path));
        // The time is taken before the text: a change made meanwhile shows as a new time.
        let meta = std::fs::metadata(&file).ok();
        let entry = std::fs::read_to_string(&file)
            .ok()
            .zip(meta)
            .map(|(text, meta)| {
                let stamp = Stamp::new(&meta, fingerprint(text.as_bytes()));
                (Arc::<str>::from(text), stamp)
            });
        let slot = match &entry {
            None => Slot::Missing,
            Some((_, stamp)) if !seen => Slot::Once(stamp.clone()),
            Some((text, stamp)) => Slot::Kept(text.clone(), stamp.clone()),
        };
        lock(&self.cache).insert(path.to_string(), slot);
        entry
    }

    /// Forgets cached files (between incremental passes in one process).
    pub fn clear(&self) {
        lock(&self.cache).clear();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Provided while one page renders: where content comes from, what was read, the build time.
#[derive(Clone)]
struct RenderContext {
    store: Arc<ContentStore>,
    read: Arc<Mutex<BTreeMap<String, Entry>>>,
    now: i64,
    /// The route's code entry point (`routes::entry_point!`), as the router preloaded it, and
    /// whether the page's routes hydrate with it (`Snapshot::at_once`).
    entry: Arc<Mutex<(Option<&'static str>, bool)>>,
}

/// The loader's build-time source: the file's text (`Some(None)` when missing), recorded for
/// the page's snapshot. `None` outside a prerender.
pub fn read_content(path: &str) -> Option<Option<String>> {
    let ctx = use_context::<RenderContext>()?;
    let entry = lock(&ctx.read).get(path).cloned();
    let entry = entry.unwrap_or_else(|| {
        let entry = ctx.store.entry(path);
        lock(&ctx.read).insert(path.to_string(), entry.clone());
        entry
    });
    Some(entry.map(|(text, _)| text.to_string()))
}

/// Records the entry point whose code the page's route needs (called by the router's preload
/// of the route, `routes::entry_point!`), for the page's snapshot: the browser fetches that
/// chunk before the page's routes hydrate.
pub fn record_entry(name: &'static str) {
    if let Some(ctx) = use_context::<RenderContext>() {
        lock(&ctx.entry).0 = Some(name);
    }
}

/// Records that the page's routes hydrate with the page (a page to use, `routes`).
pub fn record_at_once() {
    if let Some(ctx) = use_context::<RenderContext>() {
        lock(&ctx.entry).1 = true;
    }
}

/// The build time the page is rendered with.
pub fn now() -> Option<i64> {
    use_context::<RenderContext>().map(|ctx| ctx.now)
}

/// Trunk's `index.html` split around the contents of `<body>`.
#[derive(Clone)]
pub struct Template {
    /// Everything up to and including the `<body …>` tag.
    head: String,
    /// `</body></html>`.
    tail: String,
    /// The `newsfront:content-base` the page declares.
    pub content_base: String,
    /// The page's `theme-color`, which the web app manifests repeat.
    pub theme_color: String,
    /// The chunk files of each entry point of a split build (`<!--nf-entries {…}-->` in the app
    /// shell, written by `scripts/sw-build.mjs`; not copied into pages): a page names those of
    /// its entry point (`Snapshot::entry_files`).
    pub entries: BTreeMap<String, Vec<String>>,
}

/// Starts the comment of the app shell that lists each entry point's chunk files.
const ENTRIES_MARK: &str = "<!--nf-entries ";

impl Template {
    /// Parses the app shell. Fails when it is not a page Trunk built from our `index.html`.
    pub fn parse(shell: &str) -> Result<Template, String> {
        if shell.contains(&format!("id=\"{ELEMENT_ID}\"")) {
            return Err("the template is already a prerendered page; use the app shell".into());
        }
        if !shell.contains("<!--HEAD-->") {
            return Err("the template has no <!--HEAD--> marker in <head>".into());
        }
        let body_start = shell.find("<body").ok_or("the template has no <body>")?;
        let body_open_end = shell[body_start..]
            .find('>')
            .map(|i| body_start + i + 1)
            .ok_or("the template's <body> tag is not closed")?;
        let body_end = shell
            .rfind("</body>")
            .ok_or("the template has no </body>")?;
        let content_base = meta_content(shell, "newsfront:content-base").unwrap_or_default();
        let mut head = shell[..body_open_end].to_string();
        let mut entries = BTreeMap::new();
        if let Some(start) = head.find(ENTRIES_MARK) {
            let end = head[start..]
                .find("-->")
                .map(|i| start + i + 3)
                .ok_or("the template's nf-entries comment is not closed")?;
            entries = serde_json::from_str(&head[start + ENTRIES_MARK.len()..end - 3])
                .map_err(|e| format!("the template's nf-entries comment: {e}"))?;
            head.replace_range(start..end, "");
        }
        Ok(Template {
            // The page's language comes from the content (`<Html lang>`), not the shell.
            head: without_html_lang(&head),
            tail: shell[body_end..].to_string(),
            content_base: crate::platform::config::normalise_base(Some(&content_base)),
            theme_color: meta_content(shell, "theme-color").unwrap_or_else(|| "#ffffff".into()),
            entries,
        })
    }
}

fn without_html_lang(head: &str) -> String {
    let Some(start) = head.find("<html") else {
        return head.to_string();
    };
    let Some(end) = head[start..].find('>').map(|i| start + i) else {
        return head.to_string();
    };
    let tag = &head[start..end];
    let Some(at) = tag.find(" lang=\"") else {
        return head.to_string();
    };
    let value_end = tag[at + 7..]
        .find('"')
        .map_or(tag.len(), |i| at + 7 + i + 1);
    format!(
        "{}{}{}",
        &head[..start + at],
        &tag[value_end..],
        &head[end..]
    )
}

fn meta_content(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let value = tag.split("content=\"").nth(1)?;
    Some(value.split('"').next()?.to_string())
}

/// One page to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRoute {
    /// The address the page is rendered for (`/article/x`).
    pub route: String,
    /// Where it is written, relative to the site root (`article/x/index.html`).
    pub file: String,
}

impl PageRoute {
    /// The page for `route`, written to `<route>/index.html` (`/404.html` to `404.html`).
    pub fn at(route: String) -> PageRoute {
        let file = if route == "/" {
            "index.html".to_string()
        } else if route.ends_with(".html") {
            route.trim_start_matches('/').to_string()
        } else {
            // The route is percent-encoded; the web server looks for the decoded name.
            href::content::on_disk(&format!("{}/index.html", route.trim_matches('/')))
        };
        PageRoute { route, file }
    }
}

/// The not-found page's file (its route is `/404.html`).
pub const NOT_FOUND_FILE: &str = "404.html";

/// Every route with a first page: home, authors, LIVE, each listing found in `lists/`, each
/// article and static page, and the 404 page; then the same for every other edition listed in
/// the built `editions.json`, under its prefix (`/ar/…` and `/ar/404.html`, from `<content>/ar/`).
pub fn routes(content_dir: &Path) -> Vec<PageRoute> {
    let mut out = edition_routes(content_dir);
    out.push(PageRoute::at(format!("/{NOT_FOUND_FILE}")));
    let editions = std::fs::read_to_string(content_dir.join(edition::FILE))
        .ok()
        .and_then(|text| serde_json::from_str::<edition::EditionsFile>(&text).ok());
    for e in editions.iter().flat_map(|list| &list.editions) {
        if !e.prefix.is_empty() {
            out.extend(
                edition_routes(&content_dir.join(&e.prefix))
                    .into_iter()
                    .map(|page| PageRoute::at(edition::localize(&e.prefix, &page.route))),
            );
            // Its own not-found page, in its language (`/ar/404.html`).
            out.push(PageRoute::at(edition::localize(
                &e.prefix,
                &format!("/{NOT_FOUND_FILE}"),
            )));
        }
    }
    out
}

/// The routes of one edition's content folder, as the default edition's.
fn edition_routes(content_dir: &Path) -> Vec<PageRoute> {
    let mut out = vec![
        PageRoute::at(href::home()),
        PageRoute::at(href::authors()),
        PageRoute::at(href::live()),
        PageRoute::at(href::saved()),
        PageRoute::at(href::search()),
    ];
    for kind in ListKind::LISTINGS {
        // `lists/<kind>/`: the folder that `href::content::list` names.
        let folder = href::content::list(kind, "", 1);
        let folder = folder.trim_end_matches("//1.json");
        for slug in names(&content_dir.join(folder), true) {
            if content_dir
                .join(href::content::on_disk(&href::content::list(kind, &slug, 1)))
                .is_file()
            {
                out.push(PageRoute::at(href::listing(kind, &slug)));
            }
        }
    }
    for slug in names(&content_dir.join("articles"), false) {
        out.push(PageRoute::at(href::article(&slug)));
    }
    for slug in names(&content_dir.join("pages"), false) {
        out.push(PageRoute::at(href::page(&slug)));
    }
    out
}

/// Sorted names in `dir`: sub-directories (`dirs`) or `*.json` stems that are plain slugs
/// (anything else could not be a route and is skipped).
fn names(dir: &Path, dirs: bool) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if dirs {
                is_dir.then_some(name)
            } else {
                name.strip_suffix(".json").map(str::to_string)
            }
        })
        .filter(|n| newsfront_model::slug::is_valid_slug(n))
        .collect();
    names.sort();
    names
}

/// A rendered page and the content files it read (its dependencies).
pub struct Rendered {
    pub html: String,
    /// Content path → the text the page was rendered from and its file's stamp (`None`:
    /// missing).
    pub read: BTreeMap<String, Entry>,
    /// Site path (`/shared/site.<fp>.json`) → text of each shared copy the page refers to.
    pub shared: Vec<(String, Arc<str>)>,
}

/// Renders `route` into a complete HTML document.
pub fn render(route: &str, store: &Arc<ContentStore>, template: &Template, now: i64) -> Rendered {
    let read = Arc::new(Mutex::new(BTreeMap::new()));
    let entry = Arc::new(Mutex::new((None, false)));
    let owner = Owner::new();
    let (html, shared) = owner.with(|| {
        provide_context(RequestUrl::new(route));
        let (meta, meta_out) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RenderContext {
            store: store.clone(),
            read: read.clone(),
            now,
            entry: entry.clone(),
        });
        let body = view! { <App /> }.to_html();
        let (mut snapshot, shared) = snapshot_of(route, now, &lock(&read));
        let (name, at_once) = *lock(&entry);
        snapshot.entry = name.map(str::to_string);
        snapshot.at_once = at_once;
        // A page to use names the chunks its routes hydrate with, for the loader to preload.
        if at_once {
            let files = [Some(crate::routes::ROUTES_ENTRY), name]
                .into_iter()
                .flatten()
                .filter_map(|e| template.entries.get(e))
                .flatten();
            for file in files {
                if !snapshot.entry_files.contains(file) {
                    snapshot.entry_files.push(file.clone());
                }
            }
        }
        let doc = format!(
            "{}{body}<script type=\"application/json\" id=\"{ELEMENT_ID}\">{}</script>{}",
            template.head,
            snapshot.to_script_json(),
            template.tail
        );
        let html = futures::executor::block_on(async move {
            meta_out
                .inject_meta_context(futures::stream::iter([doc]))
                .await
                .collect::<String>()
                .await
        });
        (html, shared)
    });
    owner.cleanup();
    // Something in the render keeps the owner's contexts alive after cleanup (seen as steady
    // growth over thousands of renders); empty the big part of ours so at most a little is kept.
    let read = std::mem::take(&mut *lock(&read));
    Rendered { html, read, shared }
}

/// The page's snapshot: its own file by fingerprint (fetched by the loader), every other file it
/// read as a shared copy; a file the build found missing as `null`.
fn snapshot_of(
    route: &str,
    now: i64,
    read: &BTreeMap<String, Entry>,
) -> (Snapshot, Vec<(String, Arc<str>)>) {
    let mut snapshot = Snapshot {
        route: href::page_key(route, ""),
        now,
        ..Snapshot::default()
    };
    let mut copies = Vec::new();
    for (path, entry) in read {
        match entry {
            Some((text, stamp)) if !embeds(route, path) => {
                let url = href::shared_copy(path, &stamp.fp);
                snapshot.shared.insert(path.clone(), url.clone());
                copies.push((url, text.clone()));
            }
            Some((_, stamp)) => {
                snapshot.fetched.insert(path.clone(), stamp.fp.clone());
            }
            None => {
                snapshot.files.insert(path.clone(), None);
            }
        }
    }
    (snapshot, copies)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><!--HEAD--><meta name=\"newsfront:content-base\" content=\"/content\"></head>\n<body>\n<div id=\"boot\"></div>\n</body>\n</html>\n";

    #[test]
    fn template_drops_the_shell_body_and_language() {
        let t = Template::parse(SHELL).unwrap();
        assert_eq!(t.content_base, "/content/");
        assert!(t.head.ends_with("<body>"));
        assert!(t.head.contains("<html>"), "{}", t.head);
        assert_eq!(t.tail, "</body>\n</html>\n");
    }

    #[test]
    fn a_prerendered_page_is_not_a_template() {
        let page = SHELL.replace(
            "<div id=\"boot\"></div>",
            "<script type=\"application/json\" id=\"nf-data\">{}</script>",
        );
        assert!(Template::parse(&page).is_err());
        assert!(Template::parse("<html><head></head><body></body></html>").is_err());
    }

    #[test]
    fn routes_map_to_files() {
        assert_eq!(PageRoute::at("/".into()).file, "index.html");
        assert_eq!(
            PageRoute::at("/article/a-b".into()).file,
            "article/a-b/index.html"
        );
        assert_eq!(PageRoute::at("/404.html".into()).file, "404.html");
        assert_eq!(PageRoute::at("/ar/".into()).file, "ar/index.html");
        assert_eq!(
            PageRoute::at("/ar/article/%D8%B3".into()).file,
            "ar/article/س/index.html"
        );
    }

    // Regression (issue 12): non-ASCII slugs; routes are percent-encoded, files are not.
    #[test]
    fn non_ascii_slugs_route_encoded_and_file_plain() {
        let dir = std::env::temp_dir().join(format!("nf-routes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "articles/سوق-الكتب.json",
            "lists/tag/café/1.json",
            "articles/Bad Name.json",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        let all = routes(&dir);
        let find = |route: &str| all.iter().find(|p| p.route == route).cloned();
        let article = find(&href::article("سوق-الكتب")).expect("the Arabic article's route");
        assert!(article.route.is_ascii());
        assert_eq!(article.file, "article/سوق-الكتب/index.html");
        let tag = find(&href::tag("café")).expect("the tag's route");
        assert_eq!(tag.file, "tag/café/index.html");
        assert!(
            all.iter().all(|p| !p.route.contains("Bad")),
            "invalid slugs are skipped"
        );
        let store = ContentStore::new(&dir);
        assert!(store.read(&href::content::article("سوق-الكتب")).is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
