//! What earlier builds learnt of each original (its content hash and header), trusted while the
//! file keeps the size and modification time it had then, as `make` and `rsync` trust them: an
//! unchanged photograph is not read and hashed again on every build.
//!
//! One small JSON file per original under `<cache>/seen/`, named by a hash of the original's
//! absolute path. A record that is missing, unreadable or from another version of this format
//! only means the original is read again; nothing here fails a build.

use super::Source;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The size and modification time of an original (nanoseconds since the Unix epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    len: u64,
    modified_ns: u64,
}

impl Stat {
    /// The original's, or `None` where the file system gives no modification time (then the
    /// original is always read).
    pub fn of(path: &Path) -> Option<Stat> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(Stat {
            len: meta.len(),
            modified_ns: u64::try_from(since.as_nanos()).ok()?,
        })
    }
}

/// What a build learnt of one original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub stat: Stat,
    /// xxh3 of the original's bytes.
    pub content: u64,
    pub source: Source,
}

/// The record as stored (`version` changes when its meaning does).
#[derive(Serialize, Deserialize)]
struct Record {
    version: u32,
    stat: Stat,
    content: String,
    width: u32,
    height: u32,
    alpha: bool,
}

const VERSION: u32 = 1;

fn record_file(cache: &Path, original: &Path) -> PathBuf {
    let absolute = std::path::absolute(original).unwrap_or_else(|_| original.to_path_buf());
    let id = xxhash_rust::xxh3::xxh3_64(absolute.to_string_lossy().as_bytes());
    cache.join("seen").join(format!("{id:016x}.json"))
}

/// What an earlier build learnt of `original`, if it still has the size and time `stat`.
pub fn recall(cache: &Path, original: &Path, stat: &Stat) -> Option<Seen> {
    let text = std::fs::read(record_file(cache, original)).ok()?;
    let record: Record = serde_json::from_slice(&text).ok()?;
    if record.version != VERSION || record.stat != *stat {
        return None;
    }
    Some(Seen {
        stat: record.stat,
        content: u64::from_str_radix(&record.content, 16).ok()?,
        source: Source {
            width: record.width,
            height: record.height,
            alpha: record.alpha,
        },
    })
}

/// Keeps what this build learnt of `original` for the next one (best effort: a cache that
/// cannot be written only means the next build reads the original again).
pub fn remember(cache: &Path, original: &Path, seen: &Seen) {
    let record = Record {
        version: VERSION,
        stat: seen.stat,
        content: format!("{:016x}", seen.content),
        width: seen.source.width,
        height: seen.source.height,
        alpha: seen.source.alpha,
    };
    if let Ok(json) = serde_json::to_vec(&record) {
        let _ = super::write_whole(&record_file(cache, original), &json);
    }
}
