//! The build manifest kept in the output folder: what the last build read (a content hash and a
//! summary per article) and wrote (a key per output file), so the next build decodes, renders and
//! writes only what changed. Any other tool binary, or `--full`, ignores it.

use crate::summary::Summary;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// The manifest's file name inside the output folder (not part of the site; see docs/publishing.md).
pub const FILE: &str = ".newsfront-manifest.json";

/// A file whose inode changed less than this before a build started is hashed again by the next
/// one: file times are coarser than the clock, so such a change could hide behind equal times.
const RACY_NS: u64 = 2_000_000_000;

/// Bumped when the manifest's shape changes.
const FORMAT: u64 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Hash of the tool binary that wrote it.
    pub tool: u64,
    /// When that build started, in nanoseconds since the Unix epoch.
    pub started_ns: u64,
    /// Every article source, by slug.
    pub articles: BTreeMap<String, SourceEntry>,
    /// Every output file (relative path) with the key of what it was made from.
    pub outputs: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Quick check (size, times, inode); 0 when too recent to trust.
    pub stat: u64,
    /// Hash of the file's bytes.
    pub hash: u64,
    pub summary: Summary,
}

/// The manifest a previous build of this same tool left in `out`, if any.
pub fn load(out: &Path, tool: u64) -> Option<Manifest> {
    let bytes = std::fs::read(out.join(FILE)).ok()?;
    let manifest: Manifest = serde_json::from_slice(&bytes).ok()?;
    (manifest.tool == tool && tool != 0).then_some(manifest)
}

pub fn save(out: &Path, manifest: &Manifest) -> io::Result<()> {
    let bytes = serde_json::to_vec(manifest).map_err(io::Error::other)?;
    let tmp = out.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(tmp, out.join(FILE))
}

/// Removed before any output is touched, so an interrupted build leaves no manifest and the next
/// one is a full build.
pub fn remove(out: &Path) -> io::Result<()> {
    match std::fs::remove_file(out.join(FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Identifies this build of the tool: its version and its binary's size, time and inode (0 when
/// they cannot be read: then no manifest is trusted).
pub fn tool_hash() -> u64 {
    let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) else {
        return 0;
    };
    let mut h = Hash::new();
    h.str(env!("CARGO_PKG_VERSION")).u64(FORMAT).u64(meta.len());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        h.u64(meta.mtime() as u64)
            .u64(meta.mtime_nsec() as u64)
            .u64(meta.ino());
    }
    h.finish().max(1)
}

pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = Hash::new();
    h.bytes(bytes);
    h.finish()
}

/// Builds a key from several parts; each part is length-prefixed so no two lists collide.
/// XXH3 (64 bits): stable across Rust versions, unlike std's `DefaultHasher`, and it hashes the
/// 1.3 GB of a 100,000-article source several times faster than SipHash (docs/publishing.md).
pub struct Hash(xxhash_rust::xxh3::Xxh3Default);

impl Hash {
    pub fn new() -> Hash {
        Hash(xxhash_rust::xxh3::Xxh3Default::new())
    }
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Hash {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }
    pub fn str(&mut self, s: &str) -> &mut Hash {
        self.bytes(s.as_bytes())
    }
    pub fn u64(&mut self, n: u64) -> &mut Hash {
        self.0.update(&n.to_le_bytes());
        self
    }
    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The quick-check key of a file's metadata; 0 (never trusted) when it changed less than
/// [`RACY_NS`] before `started_ns` or after it.
pub fn stat_key(meta: &std::fs::Metadata, started_ns: u64) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| {
            (s as u64)
                .wrapping_mul(1_000_000_000)
                .wrapping_add(n as u64)
        };
        let (mtime, ctime) = (
            ns(meta.mtime(), meta.mtime_nsec()),
            ns(meta.ctime(), meta.ctime_nsec()),
        );
        if mtime.max(ctime).saturating_add(RACY_NS) >= started_ns {
            return 0;
        }
        let key = Hash::new()
            .u64(meta.len())
            .u64(mtime)
            .u64(ctime)
            .u64(meta.ino())
            .u64(meta.dev())
            .finish();
        key.max(1)
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, started_ns);
        0
    }
}
