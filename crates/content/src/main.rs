//! `newsfront-content`: validate a content folder, build the files the site reads, generate a
//! synthetic corpus, and write the JSON Schemas. Run with no arguments for usage.

mod build;
mod editions;
mod generate;
mod images;
mod listing;
mod load;
mod manifest;
mod output;
mod photos;
mod render;
mod schema;
mod summary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The system allocator took about 10% of a 100,000-article build in malloc and free (perf);
/// mimalloc, as in the prerender binary, less (docs/publishing.md has the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  newsfront-content validate <source-dir>          report every problem; exit 1 on any error
  newsfront-content build <source-dir> <out-dir> [--full] [--changes <file>]
                                                   validate, then bring <out-dir> up to date: only what
                                                   changed since the last build is decoded and written
                                                   (--full: ignore the last build's manifest); --changes
                                                   writes the output files written and removed
  newsfront-content generate <count> <from-dir> <out-dir>
                                                   write a synthetic source corpus of <count> articles,
                                                   reusing site/authors/topics/images of <from-dir>
  newsfront-content schema <out-dir> [--check]     write (or check) the JSON Schema of each file kind
  newsfront-content images <dir> [<cache-dir>]     make the responsive variants (AVIF, WebP, JPEG/PNG) of
                                                   every raster picture under <dir> into the cache
                                                   (default ~/.cache/newsfront/images) and report
  newsfront-content photos <out-dir> [<out-dir>...]
                                                   bring the demo's original photographs (3000 x 2000
                                                   JPEGs, reproducible) into every folder: one that no
                                                   folder has is rendered once, one that some folder
                                                   has is copied from there
  newsfront-content photos --many <count> <out-dir>
                                                   <count> distinct photographs for a scale run
                                                   (the demo's scenes with other seeds), those not
                                                   in <out-dir> yet";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["validate", src] => validate(src),
        ["build", src, out, flags @ ..] => build_cmd(src, out, flags),
        ["generate", count, from, out] => match count.parse::<usize>() {
            Ok(n) => generate::run(n, &PathBuf::from(from), &PathBuf::from(out)),
            Err(_) => Err(format!("count {count:?} is not a number")),
        },
        ["schema", out] => schema::write(&PathBuf::from(out), false),
        ["schema", out, "--check"] => schema::write(&PathBuf::from(out), true),
        ["photos", "--many", count, out] => match count.parse::<usize>() {
            Ok(n) => photos::many(n, Path::new(out)),
            Err(_) => Err(format!("count {count:?} is not a number")),
        },
        ["photos", outs @ ..] if !outs.is_empty() => {
            photos::run(&outs.iter().map(Path::new).collect::<Vec<_>>())
        }
        ["images", dir] => images::run(Path::new(dir), None),
        ["images", dir, cache] => images::run(Path::new(dir), Some(Path::new(cache))),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Each edition's source folder (`editions.json`; without it, the folder itself).
fn folders(src: &Path, list: &newsfront_model::edition::EditionsFile) -> Vec<PathBuf> {
    list.editions
        .iter()
        .map(|e| within(src, &e.prefix))
        .collect()
}

/// `dir/prefix`, or `dir` itself for the default edition's empty prefix.
fn within(dir: &Path, prefix: &str) -> PathBuf {
    if prefix.is_empty() {
        dir.to_path_buf()
    } else {
        dir.join(prefix)
    }
}

fn validate(src: &str) -> Result<(), String> {
    let src = PathBuf::from(src);
    let list = editions::read(&src)?;
    let dirs = folders(&src, &list);
    let loaded: Vec<load::Loaded> = dirs
        .iter()
        .map(|dir| load::load(dir, None, manifest::now_ns()))
        .collect();
    let mut errors = 0;
    for l in &loaded {
        l.report();
        errors += l.error_count();
    }
    // Raster pictures: every one must be a whole picture of sane size (its header is read,
    // its pixels are not).
    for dir in &dirs {
        for problem in images::check(dir)? {
            eprintln!("error: {problem}");
            errors += 1;
        }
    }
    if errors > 0 {
        return Err(format!("{}: {errors} error(s)", src.display()));
    }
    editions::check_translations(&parts(&list, &dirs, loaded.iter()))?;
    for (dir, l) in dirs.iter().zip(&loaded) {
        println!(
            "{}: {} articles, no errors",
            dir.display(),
            l.articles.len()
        );
    }
    Ok(())
}

fn parts<'a>(
    list: &'a newsfront_model::edition::EditionsFile,
    dirs: &[PathBuf],
    loaded: impl Iterator<Item = &'a load::Loaded>,
) -> Vec<editions::Part<'a>> {
    list.editions
        .iter()
        .zip(dirs)
        .zip(loaded)
        .map(|((edition, src), loaded)| editions::Part {
            edition,
            src: src.clone(),
            loaded,
        })
        .collect()
}

fn build_cmd(src: &str, out: &str, flags: &[&str]) -> Result<(), String> {
    let mut full = false;
    let mut changes = None;
    let mut rest = flags.iter();
    while let Some(flag) = rest.next() {
        match *flag {
            "--full" => full = true,
            "--changes" => changes = Some(rest.next().ok_or(USAGE)?),
            _ => return Err(USAGE.to_string()),
        }
    }
    let started = std::time::Instant::now();
    let (src, out) = (PathBuf::from(src), PathBuf::from(out));
    let list = editions::read(&src)?;
    let dirs = folders(&src, &list);
    // Every edition is read and checked (and the links between them) before any is written.
    let mut prepared = Vec::new();
    for (edition, dir) in list.editions.iter().zip(&dirs) {
        prepared.push(build::prepare(dir, &within(&out, &edition.prefix), full)?);
    }
    editions::check_translations(&parts(&list, &dirs, prepared.iter().map(|p| &p.loaded)))?;
    let mut text = String::new();
    for (edition, p) in list.editions.iter().zip(prepared) {
        let into = within(&out, &edition.prefix);
        let r = build::write(p, &editions::nested_outputs(&list, edition))?;
        let prefix = if edition.prefix.is_empty() {
            String::new()
        } else {
            format!("{}/", edition.prefix)
        };
        for (what, files) in [("written", &r.written), ("removed", &r.removed)] {
            for f in files {
                text.push_str(&format!("{what}\t{prefix}{f}\n"));
            }
        }
        println!(
            "built {} articles ({} decoded), {} list pages, {} files: {} written, {} removed, {} unchanged; {} build in {:.2?}{} into {}",
            r.articles,
            r.decoded,
            r.list_pages,
            r.files,
            r.written.len(),
            r.removed.len(),
            r.files - r.written.len(),
            if r.incremental { "incremental" } else { "full" },
            started.elapsed(),
            peak_memory().map_or(String::new(), |m| format!(", peak memory {m}")),
            into.display(),
        );
    }
    editions::write_list(&list, &out)?;
    if let Some(file) = changes {
        std::fs::write(file, text).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(())
}

/// The process's peak resident memory, where the system reports it (Linux).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{} MB", kb / 1024))
}
