//! `newsfront-content`: validate a content folder, build the files the site reads, generate a
//! synthetic corpus, and write the JSON Schemas. Run with no arguments for usage.

mod build;
mod generate;
mod load;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  newsfront-content validate <source-dir>          report every problem; exit 1 on any error
  newsfront-content build <source-dir> <out-dir>   validate, then write the site's content files
  newsfront-content generate <count> <from-dir> <out-dir>
                                                   write a synthetic source corpus of <count> articles,
                                                   reusing site/authors/topics/images of <from-dir>
  newsfront-content schema <out-dir> [--check]     write (or check) the JSON Schema of each file kind";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate", src] => validate(src),
        ["build", src, out] => build_cmd(src, out),
        ["generate", count, from, out] => match count.parse::<usize>() {
            Ok(n) => generate::run(n, &PathBuf::from(from), &PathBuf::from(out)),
            Err(_) => Err(format!("count {count:?} is not a number")),
        },
        ["schema", out] => schema::write(&PathBuf::from(out), false),
        ["schema", out, "--check"] => schema::write(&PathBuf::from(out), true),
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

fn validate(src: &str) -> Result<(), String> {
    let loaded = load::load(&PathBuf::from(src));
    loaded.report();
    if loaded.has_errors() {
        return Err(format!("{}: {} error(s)", src, loaded.error_count()));
    }
    println!("{src}: {} articles, no errors", loaded.articles.len());
    Ok(())
}

fn build_cmd(src: &str, out: &str) -> Result<(), String> {
    let started = std::time::Instant::now();
    let loaded = load::load(&PathBuf::from(src));
    loaded.report();
    if loaded.has_errors() {
        return Err(format!(
            "{}: {} error(s); nothing built",
            src,
            loaded.error_count()
        ));
    }
    let stats = build::build(&loaded, &PathBuf::from(src), &PathBuf::from(out))
        .map_err(|e| e.to_string())?;
    println!(
        "built {} articles, {} list pages, {} files in {:.2?} into {out}",
        stats.articles,
        stats.list_pages,
        stats.files,
        started.elapsed()
    );
    Ok(())
}
