//! One source file decoded with its problems, and one article file: reused from the manifest
//! when unchanged, else decoded and validated in full.

use super::stem;
use crate::manifest::{self, SourceEntry};
use crate::summary::Summary;
use newsfront_model::validate::{self, Known, Problem};
use newsfront_model::{decode, ArticleSource, Block, Site};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Decodes `bytes` in one pass that also notes unknown fields (warnings); on failure decodes
/// again to name the JSON path of the first problem.
pub(crate) fn decode_checked<T: DeserializeOwned>(
    bytes: &[u8],
    file: &Path,
) -> (Option<T>, Vec<Problem>) {
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: Result<T, _> =
        serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()));
    if let (Ok(value), Ok(())) = (value, de.end()) {
        let problems = unknown
            .into_iter()
            .map(|path| Problem::warning(format!("$.{path}"), "unknown field; ignored"))
            .collect();
        return (Some(value), problems);
    }
    let text = String::from_utf8_lossy(bytes);
    let problem = match decode::<T>(&text, &file.display().to_string()) {
        Err(newsfront_model::ContentError::Decode { path, message, .. }) => {
            Problem::error(path, message)
        }
        Err(other) => Problem::error("$", other.to_string()),
        Ok(_) => Problem::error("$", "not valid UTF-8 JSON"),
    };
    (None, vec![problem])
}

pub(super) struct ArticleRead {
    pub file: PathBuf,
    pub entry: Option<SourceEntry>,
    pub decoded: bool,
    pub problems: Vec<Problem>,
}

/// One article file: kept from `previous` when its bytes did not change and every name it uses
/// still exists; otherwise decoded and validated in full.
pub(super) fn read_article(
    file: &Path,
    previous: Option<SourceEntry>,
    known: &Known,
    site: Option<&Site>,
    started_ns: u64,
) -> ArticleRead {
    let mut read = ArticleRead {
        file: file.to_path_buf(),
        entry: None,
        decoded: false,
        problems: Vec::new(),
    };
    let stat = std::fs::metadata(file).map_or(0, |m| manifest::stat_key(&m, started_ns));
    if let Some(prev) = &previous {
        if stat != 0 && prev.stat == stat && !prev.summary.dangling(known) {
            read.entry = previous;
            return read;
        }
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            read.problems
                .push(Problem::error("$", format!("cannot read: {e}")));
            return read;
        }
    };
    let hash = manifest::hash_bytes(&bytes);
    if let Some(prev) = previous {
        if prev.hash == hash && !prev.summary.dangling(known) {
            read.entry = Some(SourceEntry { stat, ..prev });
            return read;
        }
    }
    read.decoded = true;
    let (article, mut problems) = decode_checked::<ArticleSource>(&bytes, file);
    if let Some(a) = article {
        problems.extend(check_article(&a, &stem(file), known, site));
        read.entry = Some(SourceEntry {
            stat,
            hash,
            summary: Summary::of(&a),
        });
    }
    read.problems = problems;
    read
}

fn check_article(
    a: &ArticleSource,
    stem: &str,
    known: &Known,
    site: Option<&Site>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if a.slug != stem {
        out.push(Problem::error(
            "$.slug",
            format!("slug {:?} does not match the file name {stem:?}", a.slug),
        ));
    }
    out.extend(validate::article(a, known));
    for (i, block) in a.body.iter().enumerate() {
        if let Block::Embed {
            url, player: true, ..
        } = block
        {
            if site.is_some_and(|s| !s.allows_embed(url)) {
                out.push(Problem::warning(
                    format!("$.body[{i}].url"),
                    "player host is not in site.json embed_hosts; shown as a link card",
                ));
            }
        }
    }
    out
}
