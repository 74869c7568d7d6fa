//! Responsive variants of the raster pictures content uses (issue 15): each original (a camera's
//! 4000 px JPEG, a PNG graphic) becomes a set of widths (`layout::variant_widths`, never
//! upscaled) in AVIF and WebP, with a JPEG (PNG for pictures with transparency) fallback.
//!
//! On the way every variant is re-encoded from decoded pixels, so none of the original's metadata
//! survives (a photographer's GPS position, camera serial numbers); the EXIF orientation is
//! applied to the pixels first, and an embedded colour profile is converted to sRGB. A file that
//! cannot be a picture (empty, truncated, corrupt, or declaring absurd dimensions) is reported
//! with its path and skipped; nothing here panics or allocates what a header merely claims.
//!
//! Incremental: variants are kept in a cache folder keyed by the original's bytes and the
//! settings ([`Settings::key`]), so a build re-encodes only new or changed pictures.

mod encode;
mod read;
mod seen;

pub use read::{inspect, Problem, Source};

use newsfront_model::layout;
use std::path::{Path, PathBuf};

/// The formats variants are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Avif,
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Avif => "avif",
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Avif => "image/avif",
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// Encoder settings. Part of the cache key: a change re-encodes everything.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// ravif's quality (0–100); 60 is visually close to JPEG 82 at about half the bytes.
    pub avif_quality: f32,
    /// rav1e's speed (1 slowest/smallest – 10 fastest).
    pub avif_speed: u8,
    pub webp_quality: f32,
    pub jpeg_quality: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            avif_quality: 60.0,
            avif_speed: 8,
            webp_quality: 78.0,
            jpeg_quality: 82,
        }
    }
}

impl Settings {
    /// A short hash of the settings, the widths and this module's version of the pipeline.
    fn hash(&self) -> u64 {
        let text = format!(
            "v1 {:?} {:?} {} {} {} {}",
            layout::IMAGE_WIDTHS,
            self.avif_quality,
            self.avif_speed,
            self.webp_quality,
            self.jpeg_quality,
            "lanczos3 srgb orientation"
        );
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    }

    /// The cache key of an original whose bytes are `bytes`.
    pub fn key(&self, bytes: &[u8]) -> String {
        self.key_of(xxhash_rust::xxh3::xxh3_64(bytes))
    }

    /// The cache key of an original whose bytes hash to `content` (xxh3).
    fn key_of(&self, content: u64) -> String {
        format!("{:016x}", content ^ self.hash())
    }
}

/// One file to make: a width in a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// The variants of a `width` × `height` original: every width of the ladder up to the
/// original's, in AVIF, WebP and the fallback (PNG when the picture has transparency, else JPEG).
pub fn plan(width: u32, height: u32, alpha: bool) -> Vec<Variant> {
    let fallback = if alpha { Format::Png } else { Format::Jpeg };
    let mut out = Vec::new();
    for format in [Format::Avif, Format::Webp, fallback] {
        for w in layout::variant_widths(width) {
            out.push(Variant {
                width: w,
                height: layout::variant_height(width, height, w),
                format,
            });
        }
    }
    out
}

/// Whether `path` names a raster picture the pipeline handles (SVG stays as it is).
pub fn is_raster(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jpg" | "jpeg" | "png" | "webp")
    )
}

/// The file name of a variant of the original `stem` (`harbour`), keyed by `key`:
/// `harbour.3fa9c2d1e0b7a645.960.avif`. The key changes with the original's bytes, so a
/// replaced photo gets new names and no cache (browser, CDN, service worker) serves the old one.
pub fn variant_name(stem: &str, key: &str, v: &Variant) -> String {
    format!("{stem}.{key}.{}.{}", v.width, v.format.extension())
}

/// What making one original's variants did.
pub struct Made {
    pub source: Source,
    pub key: String,
    /// Each variant and its file (in the cache folder).
    pub files: Vec<(Variant, PathBuf)>,
    /// How many were encoded now (the rest came from the cache).
    pub encoded: usize,
    pub bytes: u64,
    /// The average colour (`#rrggbb`) shown while the picture loads; `None` for a picture with
    /// transparency (a colour would show through it).
    pub color: Option<String>,
}

/// Makes (or finds in `cache`) every variant of the original at `path`.
///
/// An original seen by an earlier build, with the same size and modification time since
/// ([`seen`]), is not read again when its variants are all in the cache: a site with thousands
/// of photographs does not re-read gigabytes on every build.
pub fn make(path: &Path, cache: &Path, settings: &Settings) -> Result<Made, Problem> {
    let stat = seen::Stat::of(path);
    if let Some(made) = stat
        .as_ref()
        .and_then(|stat| from_cache(path, stat, cache, settings))
    {
        return Ok(made);
    }
    let bytes = read::read_original(path)?;
    let source = read::inspect_bytes(path, &bytes)?;
    let content = xxhash_rust::xxh3::xxh3_64(&bytes);
    let key = settings.key_of(content);
    let dir = cache.join(&key);
    let variants = plan(source.width, source.height, source.alpha);
    let missing: Vec<Variant> = variants
        .iter()
        .copied()
        .filter(|v| !dir.join(name(v)).is_file())
        .collect();
    let encoded = missing.len();
    if !missing.is_empty() {
        let pixels = read::decode(path, &bytes, &source)?;
        for (v, data) in encode::variants(&pixels, &missing, settings) {
            let data = data.map_err(|m| Problem::Encode {
                path: path.to_path_buf(),
                message: m,
            })?;
            let file = dir.join(name(&v));
            write_whole(&file, &data).map_err(|e| Problem::io(&file, &e))?;
        }
    }
    if let Some(stat) = stat {
        seen::remember(
            cache,
            path,
            &seen::Seen {
                stat,
                content,
                source,
            },
        );
    }
    Ok(made(source, key, dir, variants, encoded))
}

/// A variant's file name in its original's cache folder.
fn name(v: &Variant) -> String {
    format!("{}.{}", v.width, v.format.extension())
}

/// The variants of an unchanged original already seen, when every one is in the cache.
fn from_cache(path: &Path, stat: &seen::Stat, cache: &Path, settings: &Settings) -> Option<Made> {
    let seen = seen::recall(cache, path, stat)?;
    let key = settings.key_of(seen.content);
    let dir = cache.join(&key);
    let variants = plan(seen.source.width, seen.source.height, seen.source.alpha);
    variants
        .iter()
        .all(|v| dir.join(name(v)).is_file())
        .then(|| made(seen.source, key, dir, variants, 0))
}

fn made(source: Source, key: String, dir: PathBuf, variants: Vec<Variant>, encoded: usize) -> Made {
    let mut files = Vec::new();
    let mut total = 0;
    for v in variants {
        let file = dir.join(name(&v));
        total += std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        files.push((v, file));
    }
    let color = (!source.alpha)
        .then(|| placeholder_color(&dir, &files))
        .flatten();
    Made {
        source,
        key,
        files,
        encoded,
        bytes: total,
        color,
    }
}

/// The average colour of a variant set, kept beside the variants (`color` in the cache
/// folder): computed once from the smallest JPEG variant (a few hundred pixels wide, so about a
/// millisecond), then read. `None` when no variant can be decoded.
fn placeholder_color(dir: &Path, files: &[(Variant, PathBuf)]) -> Option<String> {
    let kept = dir.join("color");
    if let Ok(text) = std::fs::read_to_string(&kept) {
        if newsfront_model::image::is_hex_color(text.trim()) {
            return Some(text.trim().to_string());
        }
    }
    let (_, smallest) = files
        .iter()
        .filter(|(v, _)| v.format == Format::Jpeg)
        .min_by_key(|(v, _)| v.width)?;
    let pixels = image::open(smallest).ok()?.to_rgb8();
    let color = newsfront_model::image::hex_color(average(&pixels)?);
    let _ = write_whole(&kept, color.as_bytes());
    Some(color)
}

/// The mean of each channel (`None` for an empty picture).
fn average(pixels: &image::RgbImage) -> Option<[u8; 3]> {
    let count = u64::from(pixels.width()) * u64::from(pixels.height());
    if count == 0 {
        return None;
    }
    let mut sum = [0u64; 3];
    for p in pixels.pixels() {
        for (s, c) in sum.iter_mut().zip(p.0) {
            *s += u64::from(c);
        }
    }
    let mean = |s: u64| u8::try_from(s / count).unwrap_or(u8::MAX);
    Some([mean(sum[0]), mean(sum[1]), mean(sum[2])])
}

/// The pictures of one build: each raster original content names (`images/harbour.jpg`) and
/// what the built content says instead (its variants).
#[derive(Default)]
pub struct Index {
    pictures: std::collections::HashMap<String, Responsive>,
    /// Changes whenever any original or setting does (part of every article's output key).
    pub key: u64,
}

/// A raster original's place in built content.
struct Responsive {
    /// The fallback file for `src` (JPEG or PNG, at most [`FALLBACK_WIDTH`] wide).
    src: String,
    width: u32,
    height: u32,
    srcset: Vec<newsfront_model::image::SrcsetEntry>,
    sources: Vec<newsfront_model::image::ImageSource>,
    color: Option<String>,
}

/// The widest fallback `src`: what a browser without `srcset` support (or a feed reader) gets.
pub const FALLBACK_WIDTH: u32 = 1280;

impl Index {
    /// Adds the variants made of the original at `rel` (`images/harbour.jpg`, relative to the
    /// edition's content folder); `files` are the variants' paths in the built content.
    pub fn add(&mut self, rel: &str, made: &Made, files: &[(Variant, String)]) {
        let fallback_format = if made.source.alpha {
            Format::Png
        } else {
            Format::Jpeg
        };
        let entries = |f: Format| -> Vec<newsfront_model::image::SrcsetEntry> {
            files
                .iter()
                .filter(|(v, _)| v.format == f)
                .map(|(v, path)| newsfront_model::image::SrcsetEntry {
                    src: path.clone(),
                    width: v.width,
                })
                .collect()
        };
        let srcset = entries(fallback_format);
        let src = srcset
            .iter()
            .rev()
            .find(|e| e.width <= FALLBACK_WIDTH)
            .or(srcset.first())
            .map(|e| e.src.clone())
            .unwrap_or_default();
        let sources = [Format::Avif, Format::Webp]
            .into_iter()
            .map(|f| newsfront_model::image::ImageSource {
                mime: f.mime().to_string(),
                srcset: entries(f),
            })
            .filter(|s| !s.srcset.is_empty())
            .collect();
        self.key =
            xxhash_rust::xxh3::xxh3_64(format!("{:x} {rel} {}", self.key, made.key).as_bytes());
        self.pictures.insert(
            rel.to_string(),
            Responsive {
                src,
                width: made.source.width,
                height: made.source.height,
                srcset,
                sources,
                color: made.color.clone(),
            },
        );
    }

    /// `image` as built content carries it: a raster original replaced by its variants (its
    /// intrinsic size from the file itself); anything else (SVG, a URL, an image whose author
    /// gave a `srcset`) as written.
    pub fn apply(&self, image: &newsfront_model::Image) -> newsfront_model::Image {
        let mut out = image.clone();
        if !image.srcset.is_empty() {
            return out;
        }
        if let Some(r) = self.pictures.get(image.src.as_str()) {
            out.src = r.src.clone();
            out.width = r.width;
            out.height = r.height;
            out.srcset = r.srcset.clone();
            out.sources = r.sources.clone();
            out.color = r.color.clone();
        }
        out
    }

    /// [`Index::apply`] on an optional image.
    pub fn apply_opt(
        &self,
        image: &Option<newsfront_model::Image>,
    ) -> Option<newsfront_model::Image> {
        image.as_ref().map(|i| self.apply(i))
    }
}

/// Makes the variants of every raster original under `src/images` (in parallel, from the cache
/// when already made) and lists them in an [`Index`]; returns the files to publish (their path
/// in the built content and in the cache). A broken original fails the build, each problem
/// with its path.
pub fn build(src: &Path, cache: &Path) -> Result<(Index, Vec<(String, PathBuf)>), String> {
    let settings = Settings::default();
    let made = each_raster(src, "images", Spread::Variants, |path| {
        make(path, cache, &settings)
    })?;
    let mut index = Index::default();
    let mut publish = Vec::new();
    for (rel, m) in made {
        let (dir, stem) = match rel.rsplit_once('/') {
            Some((dir, file)) => (format!("{dir}/"), file),
            None => (String::new(), rel.as_str()),
        };
        let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
        let files: Vec<(Variant, String)> = m
            .files
            .iter()
            .map(|(v, _)| (*v, format!("{dir}{}", variant_name(stem, &m.key, v))))
            .collect();
        for ((_, cached), (_, out)) in m.files.iter().zip(&files) {
            publish.push((out.clone(), cached.clone()));
        }
        index.add(&rel, &m, &files);
    }
    Ok((index, publish))
}

/// For a publisher whose image CDN resizes (`site.json`'s `image_cdn`): no variants; each
/// raster original is published at its own path for the CDN to fetch, but re-encoded at full
/// size (upright, sRGB, JPEG quality 90 or PNG) so its metadata is not published either.
/// Cached like the variants.
pub fn originals(src: &Path, cache: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let settings = Settings {
        jpeg_quality: 90,
        ..Settings::default()
    };
    each_raster(src, "images", Spread::Pictures, |path| {
        let bytes = read::read_original(path)?;
        let source = read::inspect_bytes(path, &bytes)?;
        let format = if source.alpha {
            Format::Png
        } else {
            Format::Jpeg
        };
        let file = cache
            .join(settings.key(&bytes))
            .join(format!("full.{}", format.extension()));
        if !file.is_file() {
            let pixels = read::decode(path, &bytes, &source)?;
            let v = Variant {
                width: source.width,
                height: source.height,
                format,
            };
            let data = encode::variant(&pixels, &v, &settings).map_err(|m| Problem::Encode {
                path: path.to_path_buf(),
                message: m,
            })?;
            write_whole(&file, &data).map_err(|e| Problem::io(&file, &e))?;
        }
        Ok(file)
    })
}

/// The problems of the raster originals under `src/images`, from their headers (`validate`).
pub fn check(src: &Path) -> Result<Vec<Problem>, String> {
    Ok(rasters(src, "images")?
        .into_iter()
        .filter_map(|rel| inspect(&src.join(rel)).err())
        .collect())
}

/// The raster pictures under `dir/sub` (`sub` empty: `dir` itself), relative to `dir`, sorted.
fn rasters(dir: &Path, sub: &str) -> Result<Vec<String>, String> {
    Ok(crate::output::source_files(dir, sub)?
        .into_iter()
        .filter(|r| is_raster(Path::new(r)))
        .collect())
}

/// How [`each_raster`] spreads its work over the cores.
#[derive(Clone, Copy)]
enum Spread {
    /// Pictures in parallel: `f` is single-threaded (reading a header, one encode).
    Pictures,
    /// One picture at a time, `f` parallel inside ([`encode::variants`]). A decoded camera
    /// original is tens of MB; run in parallel, rayon's work stealing starts another picture in
    /// every task that waits for its variants, and the demo's variants then peaked at 8 GB.
    Variants,
}

/// `f` on every raster picture under `dir/sub`: each result with the picture's path relative
/// to `dir`, or every problem, one per line, each with its path.
fn each_raster<T: Send>(
    dir: &Path,
    sub: &str,
    spread: Spread,
    f: impl Fn(&Path) -> Result<T, Problem> + Sync,
) -> Result<Vec<(String, T)>, String> {
    use rayon::prelude::*;
    let one = |rel: String| {
        let result = f(&dir.join(&rel));
        (rel, result)
    };
    let all = rasters(dir, sub)?;
    let done: Vec<(String, Result<T, Problem>)> = match spread {
        Spread::Pictures => all.into_par_iter().map(one).collect(),
        Spread::Variants => all.into_iter().map(one).collect(),
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (rel, result) in done {
        match result {
            Ok(t) => out.push((rel, t)),
            Err(p) => problems.push(p.to_string()),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.join("\n"))
    }
}

/// Writes `data` to `file` (creating its folder) under a temporary name, then renames it: an
/// interrupted build never leaves a half-written file that a later one takes for finished.
pub fn write_whole(file: &Path, data: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut part = file.as_os_str().to_owned();
    part.push(".part");
    std::fs::write(&part, data)?;
    std::fs::rename(&part, file)
}

/// The default cache folder: `$NEWSFRONT_IMAGE_CACHE`, else `~/.cache/newsfront/images` (outside
/// the checkout, so a fresh clone reuses what an earlier one encoded).
pub fn default_cache() -> PathBuf {
    if let Some(dir) = std::env::var_os("NEWSFRONT_IMAGE_CACHE") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".cache/newsfront/images")
}

/// `newsfront-content images <dir> [<cache-dir>]`: makes the variants of every raster picture
/// under `dir` and prints what it did, with the time taken; exits with an error when a picture
/// has a problem (each one printed with its path).
pub fn run(dir: &Path, cache: Option<&Path>) -> Result<(), String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let cache = cache.map_or_else(default_cache, Path::to_path_buf);
    let started = std::time::Instant::now();
    let settings = Settings::default();
    let made = each_raster(dir, "", Spread::Variants, |path| {
        let m = make(path, &cache, &settings)?;
        Ok((m, std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)))
    })?;
    let encoded: usize = made.iter().map(|(_, (m, _))| m.encoded).sum();
    let files: usize = made.iter().map(|(_, (m, _))| m.files.len()).sum();
    let bytes: u64 = made.iter().map(|(_, (m, _))| m.bytes).sum();
    let source_bytes: u64 = made.iter().map(|(_, (_, b))| b).sum();
    println!(
        "images: {} originals ({:.1} MB), {files} variants ({:.1} MB), {encoded} encoded now, in {:.1} s; cache {}",
        made.len(),
        source_bytes as f64 / 1e6,
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        cache.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests;
