//! Compiles the interface strings (`locales/<language>/<area>.json`) into the `i18n` module
//! (`leptos_i18n`). A key one language has and another lacks fails the build (leptos_i18n
//! would only warn and show the default language's text), so no page ever shows a missing or
//! foreign string.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 3] = ["en", "ar", "es"];
/// One file per area of the interface, so each stays short.
const AREAS: [&str; 3] = ["frame", "article", "pages"];
const PLURAL_FORMS: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    check_keys(Path::new("locales"))?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?).join("i18n");
    // `interpolate_display`: strings with values (`{{ count }}`) also as plain text
    // (`t_string!`), for attributes, announcements and dates.
    let mut config =
        Config::new(LANGUAGES[0])?.parse_options(ParseOptions::new().interpolate_display(true));
    for language in &LANGUAGES[1..] {
        config = config.add_locale(language)?;
    }
    for area in AREAS {
        config = config.add_namespace(area)?;
    }
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}

/// Every language has the same keys in each area (a plural key counts once, whatever forms
/// its language needs, and has its `_other` form).
fn check_keys(dir: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    for area in AREAS {
        let mut keys: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for language in LANGUAGES {
            let file = dir.join(language).join(format!("{area}.json"));
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let mut base = BTreeSet::new();
            for key in map.keys() {
                match PLURAL_FORMS.iter().find_map(|f| key.strip_suffix(f)) {
                    Some(stem) => {
                        if !map.contains_key(&format!("{stem}_other")) {
                            problems.push(format!("{}: {stem} has no _other form", file.display()));
                        }
                        base.insert(stem.to_string());
                    }
                    None => {
                        base.insert(key.clone());
                    }
                }
            }
            keys.insert(language, base);
        }
        let all: BTreeSet<&String> = keys.values().flatten().collect();
        for (language, have) in &keys {
            for key in all.iter().filter(|k| !have.contains(**k)) {
                problems.push(format!("locales/{language}/{area}.json: no {key:?}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("interface strings:\n{}", problems.join("\n")))
    }
}
