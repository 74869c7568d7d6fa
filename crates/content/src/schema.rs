//! JSON Schemas for every file kind, generated from the model types so they cannot drift.

use newsfront_model::edition::EditionsFile;
use newsfront_model::{
    Article, ArticleSource, AuthorsFile, Breaking, ListPage, MostRead, Page, Site, TopicsFile,
};
use std::path::Path;

pub fn write(out: &Path, check: bool) -> Result<(), String> {
    let schemas = [
        ("site", schemars::schema_for!(Site)),
        ("article-source", schemars::schema_for!(ArticleSource)),
        ("article", schemars::schema_for!(Article)),
        ("list", schemars::schema_for!(ListPage)),
        ("breaking", schemars::schema_for!(Breaking)),
        ("most-read", schemars::schema_for!(MostRead)),
        ("authors", schemars::schema_for!(AuthorsFile)),
        ("topics", schemars::schema_for!(TopicsFile)),
        ("page", schemars::schema_for!(Page)),
        ("editions", schemars::schema_for!(EditionsFile)),
    ];
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let mut stale = Vec::new();
    for (name, schema) in schemas {
        let path = out.join(format!("{name}.schema.json"));
        let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path.display().to_string());
            }
        } else {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "schemas out of date (run `make schema`): {}",
            stale.join(", ")
        ))
    }
}
