//! Several editions in one content folder (`editions.json`, see `newsfront_model::edition`):
//! which folders to read and write, and the checks that span editions (translation links).

use crate::load::{decode_checked, error_count, print_problems, FileProblem, Loaded};
use newsfront_model::edition::{Edition, EditionsFile, FILE};
use newsfront_model::validate::Problem;
use std::path::{Path, PathBuf};

/// One edition's source folder and what was read from it.
pub struct Part<'a> {
    pub edition: &'a Edition,
    pub src: PathBuf,
    pub loaded: &'a Loaded,
}

/// The editions of `src`; without `editions.json`, one edition: the folder itself. Problems
/// are printed; any error is returned as one.
pub fn read(src: &Path) -> Result<EditionsFile, String> {
    let file = src.join(FILE);
    let bytes = match std::fs::read(&file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(EditionsFile::single("en"))
        }
        Err(e) => return Err(format!("{}: {e}", file.display())),
        Ok(b) => b,
    };
    let (value, mut problems) = decode_checked::<EditionsFile>(&bytes, &file);
    if let Some(editions) = &value {
        problems.extend(editions.check());
    }
    let problems: Vec<FileProblem> = problems
        .into_iter()
        .map(|problem| FileProblem {
            file: file.clone(),
            problem,
        })
        .collect();
    report(&problems)?;
    value.ok_or_else(|| format!("{}: cannot be used", file.display()))
}

/// Checks every article's `translations` across the editions: the edition exists (and is not
/// the article's own), the article exists there, and it names this one back.
pub fn check_translations(parts: &[Part]) -> Result<(), String> {
    let mut problems = Vec::new();
    for part in parts {
        for (slug, entry) in &part.loaded.articles {
            let file = part.src.join("articles").join(format!("{slug}.json"));
            for (code, target) in &entry.summary.translations {
                let at = format!("$.translations.{code}");
                let reason = match parts.iter().find(|p| &p.edition.code == code) {
                    _ if code == &part.edition.code => {
                        Some(format!("{code:?} is this article's own edition"))
                    }
                    None => Some(format!("no edition {code:?} in {FILE}")),
                    Some(other) => match other.loaded.articles.get(target) {
                        None => Some(format!("no article {target:?} in the {code:?} edition")),
                        Some(there) => match there.summary.translations.get(&part.edition.code) {
                            Some(back) if back == slug => None,
                            Some(back) => Some(format!(
                                "not mutual: {code}/{target} names {back:?} as its {:?} translation",
                                part.edition.code
                            )),
                            None => Some(format!(
                                "not mutual: {code}/{target} does not name this article in its translations",
                            )),
                        },
                    },
                };
                if let Some(reason) = reason {
                    problems.push(FileProblem {
                        file: file.clone(),
                        problem: Problem::error(at, reason),
                    });
                }
            }
        }
    }
    report(&problems)
}

/// The output folders of the other editions inside the default edition's output.
pub fn nested_outputs(editions: &EditionsFile, edition: &Edition) -> Vec<String> {
    if !edition.prefix.is_empty() {
        return Vec::new();
    }
    editions
        .editions
        .iter()
        .filter(|e| !e.prefix.is_empty())
        .map(|e| e.prefix.clone())
        .collect()
}

/// Prints the problems; an error among them fails.
fn report(problems: &[FileProblem]) -> Result<(), String> {
    print_problems(problems);
    let errors = error_count(problems);
    if errors > 0 {
        Err(format!("{errors} error(s) across editions; nothing built"))
    } else {
        Ok(())
    }
}

/// Writes the list into the built content (`<out>/editions.json`), where the app reads it to
/// know the editions (prefixes, languages, directions, names for the switcher). Left as it is
/// when unchanged.
pub fn write_list(list: &EditionsFile, out: &Path) -> Result<(), String> {
    let file = out.join(FILE);
    let text = serde_json::to_string(list).map_err(|e| format!("{}: {e}", file.display()))?;
    if std::fs::read_to_string(&file).ok().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
}
