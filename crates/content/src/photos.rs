//! Original demo photographs with a camera's weight (issue 15): landscapes rendered here from
//! seeded noise (sky, sun, ranges of hills or sandstone massifs, water with reflections, plains
//! of wildflowers, sensor grain), 3000 × 2000 JPEGs of a few MB each. Reproducible (same seed,
//! same bytes), so they are made by `make photos` rather than committed.

mod bloom;
mod noise;
mod render;
mod sandstone;
mod scenes;

use image::ImageEncoder;
use scenes::{Scene, SCENES};
use std::path::{Path, PathBuf};

pub const WIDTH: u32 = 3000;
pub const HEIGHT: u32 = 2000;

/// What one photograph needs across the output folders.
#[derive(Debug, PartialEq)]
enum Fill {
    /// In every folder already.
    Present,
    /// In some folder: copied from there into the others.
    Copy { from: PathBuf, to: Vec<PathBuf> },
    /// In none: rendered once, written into each.
    Render { to: Vec<PathBuf> },
}

/// What happened to one photograph.
enum Done {
    Present,
    Copied(usize),
    Rendered { bytes: u64, copies: usize },
}

fn plan(file: &str, outs: &[PathBuf]) -> Fill {
    let (there, missing): (Vec<PathBuf>, Vec<PathBuf>) = outs
        .iter()
        .map(|dir| dir.join(file))
        .partition(|p| p.is_file());
    if missing.is_empty() {
        return Fill::Present;
    }
    match there.into_iter().next() {
        Some(from) => Fill::Copy { from, to: missing },
        None => Fill::Render { to: missing },
    }
}

/// Brings `file` into every folder of `outs`, calling `make` only when no folder has it.
fn fill(
    file: &str,
    outs: &[PathBuf],
    make: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<Done, String> {
    match plan(file, outs) {
        Fill::Present => Ok(Done::Present),
        Fill::Copy { from, to } => {
            let bytes = std::fs::read(&from).map_err(|e| format!("{}: {e}", from.display()))?;
            write_each(&to, &bytes)?;
            Ok(Done::Copied(to.len()))
        }
        Fill::Render { to } => {
            let bytes = make()?;
            write_each(&to, &bytes)?;
            Ok(Done::Rendered {
                bytes: bytes.len() as u64,
                copies: to.len().saturating_sub(1),
            })
        }
    }
}

fn write_each(files: &[PathBuf], bytes: &[u8]) -> Result<(), String> {
    for file in files {
        crate::images::write_whole(file, bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

fn jpeg(scene: &Scene) -> Result<Vec<u8>, String> {
    let img = render::render(scene);
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95)
        .write_image(img.as_raw(), WIDTH, HEIGHT, image::ExtendedColorType::Rgb8)
        .map_err(|e| format!("{}: {e}", scene.name))?;
    Ok(bytes)
}

/// `newsfront-content photos <out-dir> [<out-dir>...]`: brings every scene into every folder.
/// A scene already in one folder is copied from there into the others, a scene in none is
/// rendered once (they are reproducible, so a file present is the same file).
pub fn run(outs: &[&Path]) -> Result<(), String> {
    use rayon::prelude::*;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for out in outs {
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        if !dirs.iter().any(|d| d == out) {
            dirs.push(out.to_path_buf());
        }
    }
    let started = std::time::Instant::now();
    let done: Vec<Result<Done, String>> = SCENES
        .par_iter()
        .map(|scene| fill(&format!("{}.jpg", scene.name), &dirs, || jpeg(scene)))
        .collect();
    let (mut rendered, mut bytes, mut copies, mut present) = (0, 0, 0, 0);
    for d in done {
        match d? {
            Done::Present => present += 1,
            Done::Copied(n) => copies += n,
            Done::Rendered {
                bytes: b,
                copies: n,
            } => {
                rendered += 1;
                bytes += b;
                copies += n;
            }
        }
    }
    let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    println!(
        "photos: {rendered} rendered ({:.1} MB), {copies} copied, {present} already everywhere, in {:.1} s, into {}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        names.join(", ")
    );
    Ok(())
}

/// `newsfront-content photos --many <count> <out-dir>`: `count` distinct photographs for a
/// scale run of the variants (`make bench-images`), `many-0000.jpg` on: the demo's scenes in
/// turn, each with a seed of its own, so no two share bytes (or a cache entry). Those already in
/// `out` are kept.
pub fn many(count: usize, out: &Path) -> Result<(), String> {
    use rayon::prelude::*;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let started = std::time::Instant::now();
    let dirs = [out.to_path_buf()];
    let done: Vec<Result<Done, String>> = (0..count)
        .into_par_iter()
        .map(|i| {
            let base = SCENES[i % SCENES.len()];
            let scene = Scene {
                seed: base.seed + 1000 * (1 + (i / SCENES.len()) as u32),
                ..base
            };
            fill(&format!("many-{i:04}.jpg"), &dirs, || jpeg(&scene))
        })
        .collect();
    let (mut rendered, mut bytes) = (0, 0);
    for d in done {
        if let Done::Rendered { bytes: b, .. } = d? {
            rendered += 1;
            bytes += b;
        }
    }
    println!(
        "photos: {rendered} of {count} rendered ({:.1} MB) in {:.1} s, into {}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests;
