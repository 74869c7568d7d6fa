//! Writing the built folder: a file is written only when its bytes change (so unchanged files
//! keep their times for the prerender step and for `rsync`/`rclone`), each output's key goes to
//! the manifest, and files no longer produced are removed.

use crate::manifest::{self, Hash};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its key matched the last build's: not even rendered.
    Fresh,
    /// Rendered to the bytes already on disk: not written.
    Same,
    Written,
}

pub struct Outputs {
    root: PathBuf,
    previous: BTreeMap<String, u64>,
    pub current: BTreeMap<String, u64>,
    pub written: Vec<String>,
    pub removed: Vec<String>,
    /// Top-level folders that are not this build's (see [`Outputs::keep`]).
    kept: Vec<String>,
}

impl Outputs {
    /// Top-level folders of the output a full build must not sweep: other editions' outputs
    /// inside the default edition's folder.
    pub fn keep(&mut self, folders: &[String]) {
        self.kept = folders.iter().map(|f| format!("{f}/")).collect();
    }

    /// `previous`: the last build's keys (empty for a full build: everything is rendered).
    pub fn new(root: &Path, previous: BTreeMap<String, u64>) -> Outputs {
        Outputs {
            root: root.to_path_buf(),
            previous,
            current: BTreeMap::new(),
            written: Vec::new(),
            removed: Vec::new(),
            kept: Vec::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// True when the last build wrote `rel` from inputs with this same key.
    pub fn is_fresh(&self, rel: &str, key: u64) -> bool {
        key != 0 && self.previous.get(rel) == Some(&key)
    }

    pub fn record(&mut self, rel: String, key: u64, outcome: Outcome) {
        if outcome == Outcome::Written {
            self.written.push(rel.clone());
        }
        self.current.insert(rel, key);
    }

    /// A small file rendered every time; its key is the hash of its bytes.
    pub fn put_json<T: Serialize>(&mut self, rel: &str, value: &T) -> Result<(), String> {
        let bytes = serde_json::to_vec(value).map_err(|e| format!("{rel}: {e}"))?;
        let key = manifest::hash_bytes(&bytes);
        let outcome = if self.is_fresh(rel, key) {
            Outcome::Fresh
        } else {
            write_if_changed(&self.root, rel, &bytes)?
        };
        self.record(rel.to_string(), key, outcome);
        Ok(())
    }

    /// Copies a source file (images, media) when its size, times or inode changed.
    pub fn copy(&mut self, rel: String, from: &Path, started_ns: u64) -> Result<(), String> {
        let why = |e: io::Error| format!("{}: {e}", from.display());
        let key = manifest::stat_key(&std::fs::metadata(from).map_err(why)?, started_ns);
        let outcome = if self.is_fresh(&rel, key) {
            Outcome::Fresh
        } else {
            write_if_changed(&self.root, &rel, &std::fs::read(from).map_err(why)?)?
        };
        self.record(rel, key, outcome);
        Ok(())
    }

    /// Removes what the last build wrote and this one did not; with `sweep` (no trusted
    /// manifest), every file in the folder this build did not produce.
    pub fn finish(&mut self, sweep: bool) -> Result<(), String> {
        let stale: Vec<String> = if sweep {
            let mut files = Vec::new();
            walk(&self.root, "", &mut files)
                .map_err(|e| format!("{}: {e}", self.root.display()))?;
            files
                .into_iter()
                .filter(|f| !self.current.contains_key(f) && !f.starts_with(manifest::FILE))
                // Written by the build after every edition (`editions::write_list`).
                .filter(|f| f != newsfront_model::edition::FILE)
                .filter(|f| !self.kept.iter().any(|k| f.starts_with(k.as_str())))
                .collect()
        } else {
            self.previous
                .keys()
                .filter(|f| !self.current.contains_key(*f))
                .cloned()
                .collect()
        };
        for rel in stale {
            let path = self.root.join(&rel);
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(format!("{}: {e}", path.display()))
                }
                _ => {}
            }
            // Folders left empty go too (a tag nobody uses any more).
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != self.root) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            self.removed.push(rel);
        }
        Ok(())
    }
}

/// Writes `bytes` to `root/rel` unless the file already holds exactly them.
pub fn write_if_changed(root: &Path, rel: &str, bytes: &[u8]) -> Result<Outcome, String> {
    let path = root.join(rel);
    let why = |e: io::Error| format!("{}: {e}", path.display());
    if let Ok(meta) = std::fs::metadata(&path) {
        if meta.len() == bytes.len() as u64 && std::fs::read(&path).map_err(why)? == bytes {
            return Ok(Outcome::Same);
        }
    }
    match std::fs::write(&path, bytes) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(why)?;
            }
            std::fs::write(&path, bytes).map_err(why)?;
        }
        other => other.map_err(why)?,
    }
    Ok(Outcome::Written)
}

/// Every file under `dir`, as paths relative to the walk's root (`/`-separated).
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        other => other?,
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// The files under a source folder (images, media), relative to `src`.
pub fn source_files(src: &Path, dir: &str) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    walk(&src.join(dir), dir, &mut files)
        .map_err(|e| format!("{}: {e}", src.join(dir).display()))?;
    files.sort();
    Ok(files)
}

/// A key for a list of parts (see [`Hash`]).
pub fn key(parts: impl FnOnce(&mut Hash)) -> u64 {
    let mut h = Hash::new();
    parts(&mut h);
    h.finish()
}
