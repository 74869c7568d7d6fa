//! Editions: the same outlet in several languages (`content/editions.json`). The default
//! edition lives at `/` and its source is the content folder itself; every other edition lives
//! under its URL prefix (`/ar/…`), with its source in `<content>/<prefix>/` and its built files in
//! `<built content>/<prefix>/`. An article names its translations in other editions by edition
//! code (`"translations": {"en": "…"}`); the content tool checks that each resolves and is
//! mutual.

use crate::validate::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// File name of the editions list in the content folder.
pub const FILE: &str = "editions.json";

/// The site path of the default edition's web app manifest; another edition's is under its
/// prefix (`localize`: `/ar/manifest.webmanifest`).
pub const MANIFEST: &str = "/manifest.webmanifest";

/// Folder names the default edition uses in the built content: no prefix may take them.
pub(crate) const RESERVED: [&str; 6] = ["articles", "lists", "pages", "images", "media", "shared"];

/// First segments of the default edition's routes (`/article/…`, `/live`): a path that starts
/// with one of them is in the default edition, so no prefix may take them.
pub const ROUTE_ROOTS: [&str; 12] = [
    "article", "section", "region", "tag", "topic", "author", "authors", "page", "live", "saved",
    "search", "pagefind",
];

/// The edition prefix of a site path (`/ar/article/x` → `ar`); `""` for the default edition.
/// Any first segment that is not a route of the default edition (nor a file such as
/// `/404.html`) is taken as a prefix: an unknown one then finds no content (a "not found" page).
pub fn prefix_of(path: &str) -> &str {
    let first = path
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if ROUTE_ROOTS.contains(&first) || !is_word(first) {
        ""
    } else {
        first
    }
}

/// A site path of the default edition moved under `prefix` (`/article/x` → `/ar/article/x`,
/// `/` → `/ar/`). Absolute URLs and an empty prefix leave it as it is.
pub fn localize(prefix: &str, path: &str) -> String {
    if prefix.is_empty() || !path.starts_with('/') || path.starts_with("//") {
        path.to_string()
    } else {
        format!("/{prefix}{path}")
    }
}

/// The site path without its edition prefix (`/ar/article/x` → `/article/x`, `/ar/` → `/`).
pub fn strip(path: &str) -> &str {
    let prefix = prefix_of(path);
    if prefix.is_empty() {
        return path;
    }
    match &path[1 + prefix.len()..] {
        "" => "/",
        rest => rest,
    }
}

/// An edition's folder in the built content, relative to the content base (`""`, `"ar/"`).
pub fn content_dir(prefix: &str) -> String {
    if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    }
}

/// Which way an edition's text runs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// One edition.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    /// Short code that articles' `translations` use (`en`, `ar`).
    pub code: String,
    /// BCP 47 language tag of its content and interface (`ar`, `es`, `ar-u-nu-latn` for Arabic
    /// with Latin digits).
    pub language: String,
    #[serde(default)]
    pub direction: Direction,
    /// Its name in its own language (`العربية`), for the edition switcher.
    pub name: String,
    /// URL prefix, also its source and output folder: empty for the default edition (at `/`),
    /// else lower-case ASCII letters, digits and hyphens (`ar` → `/ar/…`).
    #[serde(default)]
    pub prefix: String,
}

/// `content/editions.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionsFile {
    pub editions: Vec<Edition>,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl EditionsFile {
    /// The list a content folder without `editions.json` has: one edition, at `/`.
    pub fn single(language: &str) -> EditionsFile {
        EditionsFile {
            editions: vec![Edition {
                code: "default".into(),
                language: language.into(),
                direction: Direction::Ltr,
                name: String::new(),
                prefix: String::new(),
            }],
        }
    }

    /// The edition at `prefix` (`""`: the default one).
    pub fn by_prefix(&self, prefix: &str) -> Option<&Edition> {
        self.editions.iter().find(|e| e.prefix == prefix)
    }

    /// The edition with an empty prefix.
    pub fn default_edition(&self) -> Option<&Edition> {
        self.editions.iter().find(|e| e.prefix.is_empty())
    }

    pub fn by_code(&self, code: &str) -> Option<&Edition> {
        self.editions.iter().find(|e| e.code == code)
    }

    /// The edition to offer a reader on the front page of the edition at `prefix`, given the
    /// browser's languages in order of preference (`navigator.languages`): the edition of the
    /// first language the outlet publishes in (matched on the primary subtag: `ar-EG` finds
    /// `ar`, `es` finds `es-419`), unless that is the one being read.
    pub fn offer(&self, languages: &[String], prefix: &str) -> Option<&Edition> {
        let primary = |tag: &str| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let best = languages.iter().find_map(|wanted| {
            let wanted = primary(wanted);
            self.editions
                .iter()
                .find(|e| !wanted.is_empty() && primary(&e.language) == wanted)
        })?;
        (best.prefix != prefix).then_some(best)
    }

    /// Everything wrong with the list, each with its JSON path.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let defaults = self.editions.iter().filter(|e| e.prefix.is_empty()).count();
        if defaults != 1 {
            problems.push(Problem::error(
                "$.editions",
                format!(
                    "exactly one edition must have an empty prefix (the one at /); {defaults} do"
                ),
            ));
        }
        let (mut codes, mut prefixes) = (BTreeSet::new(), BTreeSet::new());
        for (i, e) in self.editions.iter().enumerate() {
            let at = |field: &str| format!("$.editions[{i}].{field}");
            if !is_word(&e.code) {
                problems.push(Problem::error(
                    at("code"),
                    format!(
                        "{:?} is not a code (lower-case ASCII letters, digits, hyphens)",
                        e.code
                    ),
                ));
            } else if !codes.insert(e.code.as_str()) {
                problems.push(Problem::error(
                    at("code"),
                    format!("{:?} is used twice", e.code),
                ));
            }
            if !e.prefix.is_empty() {
                if !is_word(&e.prefix)
                    || RESERVED.contains(&e.prefix.as_str())
                    || ROUTE_ROOTS.contains(&e.prefix.as_str())
                {
                    problems.push(Problem::error(
                        at("prefix"),
                        format!(
                            "{:?} cannot be a prefix (lower-case ASCII letters, digits, hyphens; not one of {}, {})",
                            e.prefix,
                            RESERVED.join(", "),
                            ROUTE_ROOTS.join(", ")
                        ),
                    ));
                } else if !prefixes.insert(e.prefix.as_str()) {
                    problems.push(Problem::error(
                        at("prefix"),
                        format!("{:?} is used twice", e.prefix),
                    ));
                }
            }
            if !is_language_tag(&e.language) {
                problems.push(Problem::error(
                    at("language"),
                    format!("{:?} is not a BCP 47 language tag", e.language),
                ));
            }
            if e.name.trim().is_empty() {
                problems.push(Problem::error(at("name"), "an edition needs a name"));
            }
        }
        problems
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The shape of a BCP 47 tag: a 2–8 letter language subtag, then subtags of 1–8 letters or
/// digits (`ar`, `es-419`, `ar-u-nu-latn`, `zh-Hant-TW`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(code: &str, language: &str, prefix: &str) -> Edition {
        Edition {
            code: code.into(),
            language: language.into(),
            direction: Direction::Ltr,
            name: code.to_uppercase(),
            prefix: prefix.into(),
        }
    }

    #[test]
    fn the_offer_is_the_readers_first_published_language_unless_it_is_being_read() {
        let list = EditionsFile {
            editions: vec![
                e("en", "en", ""),
                e("ar", "ar-u-nu-latn", "ar"),
                e("es", "es-419", "es"),
            ],
        };
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let offer =
            |l: &[&str], prefix: &str| list.offer(&langs(l), prefix).map(|e| e.code.as_str());
        assert_eq!(offer(&["ar-EG", "en"], ""), Some("ar"));
        assert_eq!(offer(&["fr-FR", "ES"], ""), Some("es"));
        assert_eq!(
            offer(&["en-GB", "ar"], ""),
            None,
            "reading the first choice"
        );
        assert_eq!(offer(&["en-GB", "ar"], "ar"), Some("en"));
        assert_eq!(offer(&["fr", "de"], ""), None, "nothing published in them");
        assert_eq!(offer(&[], "es"), None);
        assert_eq!(offer(&["", "es_MX"], ""), Some("es"));
    }

    fn paths(file: &EditionsFile) -> Vec<String> {
        file.check().into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_good_list_has_no_problems() {
        let file = EditionsFile {
            editions: vec![
                e("en", "en", ""),
                e("ar", "ar-u-nu-latn", "ar"),
                e("es", "es-419", "es"),
            ],
        };
        assert!(file.check().is_empty());
        assert_eq!(file.default_edition().map(|e| e.code.as_str()), Some("en"));
        assert_eq!(file.by_code("ar").map(|e| e.prefix.as_str()), Some("ar"));
    }

    #[test]
    fn problems_name_their_field() {
        let cases: [(Vec<Edition>, &[&str]); 6] = [
            (vec![e("en", "en", "en")], &["$.editions"]),
            (vec![e("en", "en", ""), e("ar", "ar", "")], &["$.editions"]),
            (
                vec![e("en", "en", ""), e("en", "ar", "ar")],
                &["$.editions[1].code"],
            ),
            (
                vec![e("en", "en", ""), e("ar", "ar", "articles")],
                &["$.editions[1].prefix"],
            ),
            (
                vec![e("en", "en", ""), e("ar", "ar", "Ar/x")],
                &["$.editions[1].prefix"],
            ),
            (vec![e("en", "english!", "")], &["$.editions[0].language"]),
        ];
        for (editions, want) in cases {
            assert_eq!(
                paths(&EditionsFile {
                    editions: editions.clone()
                }),
                want,
                "{editions:?}"
            );
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "ar", "es-419", "ar-u-nu-latn", "zh-Hant-TW"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "en_GB", "en-", "-en", "ar-u-nu-latinized1", "1en"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn directions_decode_as_documented() {
        let file: EditionsFile = serde_json::from_str(
            r#"{"editions":[{"code":"ar","language":"ar","direction":"rtl","name":"العربية","prefix":"ar"},{"code":"en","language":"en","name":"English"}]}"#,
        )
        .unwrap();
        assert_eq!(file.editions[0].direction, Direction::Rtl);
        assert_eq!(file.editions[1].direction, Direction::Ltr);
        assert_eq!(file.editions[1].prefix, "");
        assert!(serde_json::from_str::<EditionsFile>(
            r#"{"editions":[{"code":"ar","language":"ar","name":"x","direction":"up"}]}"#
        )
        .is_err());
    }

    #[test]
    fn paths_carry_the_edition_prefix() {
        for (path, prefix, bare) in [
            ("/", "", "/"),
            ("/article/x", "", "/article/x"),
            ("/live", "", "/live"),
            ("/authors", "", "/authors"),
            ("/404.html", "", "/404.html"),
            ("/ar/", "ar", "/"),
            ("/ar", "ar", "/"),
            ("/ar/article/%D8%B3", "ar", "/article/%D8%B3"),
            ("/es/section/news?page=2", "es", "/section/news?page=2"),
        ] {
            assert_eq!(prefix_of(path), prefix, "{path}");
            assert_eq!(strip(path), bare, "{path}");
        }
        assert_eq!(localize("ar", "/"), "/ar/");
        assert_eq!(localize("ar", "/article/x"), "/ar/article/x");
        assert_eq!(localize("ar", "/?page=2"), "/ar/?page=2");
        assert_eq!(localize("", "/article/x"), "/article/x");
        assert_eq!(localize("ar", "https://x.example/a"), "https://x.example/a");
        assert_eq!(localize("ar", "//x.example/a"), "//x.example/a");
        assert_eq!(content_dir("ar"), "ar/");
        assert_eq!(content_dir(""), "");
    }

    #[test]
    fn a_prefix_cannot_shadow_a_route() {
        let file = EditionsFile {
            editions: vec![e("en", "en", ""), e("live", "en", "live")],
        };
        assert_eq!(paths(&file), ["$.editions[1].prefix"]);
    }
}
