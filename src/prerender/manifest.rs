//! The incremental manifest (`<site>/.prerender.json`): for every page, the fingerprint of each
//! content file it was rendered from; for every content file, its size and modification time
//! when last fingerprinted. A page is rendered again only when one of its files has another
//! fingerprint now; a file whose size and time are unchanged is not read at all, so checking
//! 100,000 pages costs one `stat` per file.
//!
//! A sharded run (`--shard I/N`) renders the routes whose hash falls in its part and keeps its
//! own manifest (`.prerender.shard-I-of-N.json`); [`merge`] joins the parts.

use newsfront_model::href;
use newsfront_model::snapshot::fingerprint;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Files that change all the time and that every page (or every article page) shows: a change
/// to them alone does not render any page again. The ticker and the LIVE feed are refreshed by
/// the browser at once; Most Read is updated from analytics every few minutes, and rendering
/// 100,000 article pages again each time is out of the question, so a page's Most Read panel is
/// the list as of when the page was last rendered (docs/prerender.md).
pub const VOLATILE: [&str; 3] = [
    href::content::BREAKING,
    href::content::LIVE,
    href::content::MOST_READ,
];

const VERSION: u32 = 2;

/// Content path → fingerprint of the text a page was rendered from (`None`: it was missing).
pub type Deps = BTreeMap<String, Option<String>>;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(default)]
    pub version: u32,
    /// Fingerprint of the app shell the pages were rendered into.
    pub template: String,
    /// `I/N` for a shard's part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    pub files: BTreeMap<String, Stamp>,
    /// Route → its dependencies.
    pub pages: BTreeMap<String, Deps>,
}

/// What a content file was when it was fingerprinted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since 1970; 0 when it was too recent to trust (see [`Stamp::new`]).
    pub mtime: u64,
    pub fp: String,
}

impl Stamp {
    /// A file modified less than two seconds before it was read could change again within the
    /// file system's time resolution without its time changing: such a stamp is stored without
    /// a time, so the next run reads the file again.
    pub fn new(meta: &Metadata, fp: String) -> Stamp {
        let modified = meta.modified().ok();
        let recent = modified
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_none_or(|age| age < Duration::from_secs(2));
        let mtime = if recent { 0 } else { modified.map_or(0, nanos) };
        Stamp {
            len: meta.len(),
            mtime,
            fp,
        }
    }

    /// True when `meta` shows the same size and modification time (so the same text).
    fn same_file(&self, meta: &Metadata) -> bool {
        self.mtime != 0
            && self.len == meta.len()
            && meta.modified().ok().map(nanos) == Some(self.mtime)
    }
}

fn nanos(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// A relative path that stays inside its directory (no `..`, no empty or absolute parts).
pub fn is_plain_path(path: &str) -> bool {
    !path.starts_with('/') && !path.split('/').any(|part| part == ".." || part.is_empty())
}

impl Manifest {
    /// The manifest at `path`; empty (everything renders) when it is missing, unreadable or
    /// from another version of this tool.
    pub fn load(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.version == VERSION)
            .unwrap_or_default()
    }

    pub fn save(&mut self, path: &Path) -> Result<(), String> {
        self.version = VERSION;
        let json = serde_json::to_vec(self).map_err(|e| e.to_string())?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, json)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Site paths of the shared copies the pages refer to.
    pub fn shared_copies(&self) -> BTreeSet<String> {
        self.pages
            .iter()
            .flat_map(|(route, deps)| {
                deps.iter().filter_map(move |(path, fp)| {
                    let fp = fp.as_ref()?;
                    (!newsfront_model::snapshot::embeds(route, path))
                        .then(|| href::shared_copy(path, fp))
                })
            })
            .collect()
    }
}

/// Current fingerprints of content files, each computed once; a file whose size and time match
/// the old manifest's stamp keeps its old fingerprint without being read.
pub struct Checker<'a> {
    dir: &'a Path,
    old: &'a BTreeMap<String, Stamp>,
    seen: Mutex<HashMap<String, Option<Stamp>>>,
}

impl<'a> Checker<'a> {
    pub fn new(dir: &'a Path, old: &'a BTreeMap<String, Stamp>) -> Checker<'a> {
        Checker {
            dir,
            old,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// The file's current stamp, `None` when it is missing.
    pub fn stamp(&self, path: &str) -> Option<Stamp> {
        if let Some(hit) = lock(&self.seen).get(path) {
            return hit.clone();
        }
        let stamp = self.compute(path);
        lock(&self.seen).insert(path.to_string(), stamp.clone());
        stamp
    }

    fn compute(&self, path: &str) -> Option<Stamp> {
        if !is_plain_path(path) {
            return None;
        }
        let file = self.dir.join(newsfront_model::href::content::on_disk(path));
        let meta = std::fs::metadata(&file).ok()?;
        if let Some(old) = self.old.get(path).filter(|old| old.same_file(&meta)) {
            return Some(old.clone());
        }
        let bytes = std::fs::read(&file).ok()?;
        Some(Stamp::new(&meta, fingerprint(&bytes)))
    }

    /// True when every dependency (except the volatile feeds) still has the same text.
    pub fn unchanged(&self, deps: &Deps) -> bool {
        deps.iter()
            .filter(|(path, _)| !VOLATILE.contains(&path.as_str()))
            .all(|(path, fp)| self.stamp(path).map(|s| s.fp) == *fp)
    }
}

/// One part of a sharded render: the routes whose hash modulo `count` is `index - 1`. A route
/// keeps its shard when others come and go, so incremental runs stay on the same machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Parses `I/N` (1 ≤ I ≤ N).
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("--shard takes I/N with 1 <= I <= N, not {text:?}");
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            i.trim().parse::<u32>().map_err(|_| bad())?,
            n.trim().parse::<u32>().map_err(|_| bad())?,
        );
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    pub fn contains(&self, route: &str) -> bool {
        let fp = fingerprint(route.as_bytes());
        let hash = u64::from_str_radix(&fp, 16).unwrap_or(0);
        hash % u64::from(self.count) == u64::from(self.index - 1)
    }

    pub fn label(&self) -> String {
        format!("{}/{}", self.index, self.count)
    }

    /// The shard's own manifest file name.
    pub fn manifest_name(&self) -> String {
        format!(".prerender.shard-{}-of-{}.json", self.index, self.count)
    }
}

/// The whole site's manifest file name.
pub const MANIFEST: &str = ".prerender.json";

/// What [`merge`] did.
#[derive(Debug, Default, Serialize)]
pub struct Merged {
    pub shards: u32,
    pub pages: usize,
    /// Page files of routes no shard has any more (deleted content), removed.
    pub removed: Vec<String>,
    /// Shared copies no page refers to any more, removed.
    pub shared_removed: Vec<String>,
}

/// Joins the shard manifests found in `site` (all parts of one `N`, rendered into the same
/// template) into `.prerender.json`, deletes the pages of routes that no part has any more
/// and the shared copies no page uses. The parts stay, so each shard can run incrementally.
pub fn merge(site: &Path) -> Result<Merged, String> {
    let mut parts: Vec<(PathBuf, Manifest)> = std::fs::read_dir(site)
        .map_err(|e| format!("cannot read {}: {e}", site.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".prerender.shard-") && n.ends_with(".json"))
        })
        .map(|p| {
            let m = Manifest::load(&p);
            (p, m)
        })
        .collect();
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    let first = parts
        .first()
        .ok_or("no shard manifests (.prerender.shard-*.json) to merge")?;
    let count = first
        .1
        .shard
        .as_deref()
        .map(Shard::parse)
        .transpose()?
        .ok_or_else(|| format!("{} is not a shard manifest", first.0.display()))?
        .count;
    let mut seen = BTreeSet::new();
    for (path, part) in &parts {
        let shard = part.shard.as_deref().map(Shard::parse).transpose()?;
        match shard {
            Some(s) if s.count == count && part.template == first.1.template => {
                seen.insert(s.index);
            }
            _ => {
                return Err(format!(
                "{} is not part of the same {count}-way render (other shard count or app build)",
                path.display()
            ))
            }
        }
    }
    if seen.len() != count as usize {
        let missing: Vec<String> = (1..=count)
            .filter(|i| !seen.contains(i))
            .map(|i| format!("{i}/{count}"))
            .collect();
        return Err(format!("missing shard manifests: {}", missing.join(", ")));
    }
    let old = Manifest::load(&site.join(MANIFEST));
    let mut merged = Manifest {
        template: first.1.template.clone(),
        ..Manifest::default()
    };
    for (_, part) in parts {
        merged.files.extend(part.files);
        merged.pages.extend(part.pages);
    }
    let mut result = Merged {
        shards: count,
        pages: merged.pages.len(),
        ..Merged::default()
    };
    for route in old.pages.keys().filter(|r| !merged.pages.contains_key(*r)) {
        let file = super::PageRoute::at(route.clone()).file;
        if remove_page(site, &file) {
            result.removed.push(file);
        }
    }
    result.shared_removed = remove_unused_copies(site, &merged.shared_copies());
    merged.save(&site.join(MANIFEST))?;
    Ok(result)
}

/// Deletes a page file written by an earlier run (and its directory when that is now empty).
pub fn remove_page(site: &Path, file: &str) -> bool {
    if !is_plain_path(file) {
        return false;
    }
    let path = site.join(file);
    let removed = std::fs::remove_file(&path).is_ok();
    if removed {
        for ext in ["br", "gz"] {
            let _ = std::fs::remove_file(path.with_extension(format!("html.{ext}")));
        }
    }
    if let Some(dir) = path.parent().filter(|d| *d != site) {
        let _ = std::fs::remove_dir(dir);
    }
    removed
}

/// Deletes the files under `<site>/shared/` that are not in `used` (site paths); returns the
/// site paths removed.
pub fn remove_unused_copies(site: &Path, used: &BTreeSet<String>) -> Vec<String> {
    // Files are named as the web server looks for them: percent-decoded.
    let used: BTreeSet<String> = used.iter().map(|u| href::content::on_disk(u)).collect();
    let mut removed = Vec::new();
    let root = site.join(href::SHARED_DIR);
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
                continue;
            }
            let Some(rel) = path.strip_prefix(site).ok().and_then(|p| p.to_str()) else {
                continue;
            };
            // `x.json.br` / `x.json.gz` go with `x.json`.
            let base = rel.trim_end_matches(".br").trim_end_matches(".gz");
            if !used.contains(&format!("/{base}"))
                && std::fs::remove_file(&path).is_ok()
                && base == rel
            {
                removed.push(format!("/{rel}"));
            }
        }
    }
    removed.sort();
    removed
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_routes_disjointly_and_completely() {
        let shards: Vec<Shard> = (1..=3).map(|i| Shard { index: i, count: 3 }).collect();
        let mut sizes = [0; 3];
        for n in 0..3000 {
            let route = format!("/article/story-{n}");
            let owners: Vec<usize> = (0..3).filter(|&i| shards[i].contains(&route)).collect();
            assert_eq!(owners.len(), 1, "{route}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 800), "{sizes:?}");
    }

    #[test]
    fn shard_arguments() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "x", "1/0", "1-2"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Shard { index: 2, count: 4 }.manifest_name(),
            ".prerender.shard-2-of-4.json"
        );
    }

    #[test]
    fn plain_paths() {
        assert!(is_plain_path("articles/a.json"));
        for bad in ["../x", "a//b", "/etc/passwd", "a/../../b", ""] {
            assert!(!is_plain_path(bad), "{bad}");
        }
    }
}
