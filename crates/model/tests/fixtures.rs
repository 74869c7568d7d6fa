//! Every fixture under tests/fixtures decodes into the type its file name names, and broken
//! content is reported with the JSON path of the problem.

use newsfront_model::validate::{self, Known, Severity};
use newsfront_model::{
    decode, Article, ArticleSource, AuthorsFile, Block, Breaking, ContentError, ListPage, MostRead,
    Page, Site,
};
use std::path::PathBuf;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).unwrap()
}

#[test]
fn every_fixture_decodes_as_its_kind() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let result = if name.starts_with("site") {
            decode::<Site>(&text, &name).map(drop)
        } else if name.starts_with("article-source") {
            decode::<ArticleSource>(&text, &name).map(drop)
        } else if name.starts_with("article") {
            decode::<Article>(&text, &name).map(drop)
        } else if name.starts_with("list") {
            decode::<ListPage>(&text, &name).map(drop)
        } else if name.starts_with("breaking") {
            decode::<Breaking>(&text, &name).map(drop)
        } else if name.starts_with("most-read") {
            decode::<MostRead>(&text, &name).map(drop)
        } else if name.starts_with("authors") {
            decode::<AuthorsFile>(&text, &name).map(drop)
        } else if name.starts_with("page") {
            decode::<Page>(&text, &name).map(drop)
        } else {
            panic!("fixture {name} has no known kind prefix");
        };
        result.unwrap_or_else(|e| panic!("{name}: {e}"));
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} fixtures found");
}

#[test]
fn every_block_fixture_keeps_known_blocks_and_marks_unknown() {
    let a: Article = decode(&read("article-every-block.json"), "x").unwrap();
    let unknown = a
        .body
        .iter()
        .filter(|b| matches!(b, Block::Unknown))
        .count();
    assert_eq!(unknown, 1);
    for want in [
        "paragraph",
        "subheading",
        "read_more",
        "related",
        "quote",
        "image",
        "list",
        "video",
        "embed",
    ] {
        let found = a
            .body
            .iter()
            .any(|b| serde_json::to_value(b).unwrap()["type"] == want);
        assert!(found, "no {want} block in fixture");
    }
}

#[test]
fn broken_content_reports_json_path() {
    let site = read("site.json");
    let cases: Vec<(String, &str)> = vec![
        (
            site.replacen("\"width\": 240", "\"width\": \"wide\"", 1),
            "$.logo.width",
        ),
        (
            site.replacen("\"name\": \"The Meridian Ledger\",", "", 1),
            "$",
        ),
        (
            site.replacen("\"refresh_seconds\": 30", "\"refresh_seconds\": -1", 1),
            "$.ticker.refresh_seconds",
        ),
        ("[]".to_string(), "$"),
        ("{\"name\": ".to_string(), "$.name"),
    ];
    for (text, path) in cases {
        match decode::<Site>(&text, "site.json") {
            Err(ContentError::Decode {
                path: got, message, ..
            }) => assert_eq!(got, path, "{message}"),
            other => panic!("expected a decode error at {path}, got {other:?}"),
        }
    }
    let bad_date = read("article-source-gallery.json").replacen("2026-11", "2026-13", 1);
    match decode::<ArticleSource>(&bad_date, "a.json") {
        Err(ContentError::Decode { path, message, .. }) => {
            assert_eq!(path, "$.published");
            assert!(message.contains("RFC 3339"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

/// The names the gallery fixture (`article-source-gallery.json`) refers to.
fn known_for_gallery() -> Known {
    let site: Site = decode(&read("site.json"), "site").unwrap();
    let mut known = Known::from_site(&site);
    known.authors.insert("nadia-haddad".into());
    known.articles.insert("in-pictures-lantern-festival".into());
    known
}

#[test]
fn validation_finds_reference_and_safety_problems() {
    let known = known_for_gallery();
    let good: ArticleSource = decode(&read("article-source-gallery.json"), "a").unwrap();
    let errors = |a: &ArticleSource| -> Vec<String> {
        validate::article(a, &known)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.path)
            .collect()
    };
    assert_eq!(errors(&good), Vec::<String>::new());

    let mut bad = good.clone();
    bad.slug = "Bad Slug".into();
    bad.section = "gossip".into();
    bad.region = Some("atlantis".into());
    bad.authors = vec!["nobody".into()];
    bad.headline = "  ".into();
    bad.topic = Some("nothing".into());
    bad.hero.as_mut().unwrap().src = "javascript:alert(1)".into();
    bad.hero.as_mut().unwrap().width = 0;
    bad.body.push(Block::ReadMore {
        slug: "missing".into(),
        headline: None,
    });
    bad.body.push(Block::Embed {
        url: "http://example.org".into(),
        title: "x".into(),
        provider: None,
        player: false,
        poster: None,
    });
    bad.body.push(Block::Paragraph {
        text: None,
        inlines: vec![newsfront_model::Inline::Link {
            text: "x".into(),
            href: "data:text/html,<script>".into(),
        }],
    });
    let n = bad.body.len();
    let got = errors(&bad);
    for want in [
        "$.slug".to_string(),
        "$.section".into(),
        "$.region".into(),
        "$.authors[0]".into(),
        "$.headline".into(),
        "$.topic".into(),
        "$.hero.src".into(),
        "$.hero".into(),
        format!("$.body[{}].slug", n - 3),
        format!("$.body[{}].url", n - 2),
        format!("$.body[{}].inlines[0].href", n - 1),
    ] {
        assert!(got.contains(&want), "missing {want} in {got:?}");
    }
}

/// A picture named by a relative path must be a file of the content folder (when the caller
/// listed its files); URLs and site paths are not checked against it.
#[test]
fn validation_names_pictures_missing_from_the_content_folder() {
    let mut known = known_for_gallery();
    let mut a: ArticleSource = decode(&read("article-source-gallery.json"), "a").unwrap();
    let named: Vec<String> = validate::article_files(&a)
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    assert_eq!(named.len(), 6, "{named:?}");
    let mut files: std::collections::HashSet<String> = named.into_iter().collect();
    files.remove("images/desert-3.svg");
    known.files = Some(files);
    if let Some(Block::Image { image }) = a.body.get_mut(1) {
        image.src = "./images/desert-1.svg?v=2".into();
    }
    a.hero
        .as_mut()
        .unwrap()
        .srcset
        .push(newsfront_model::image::SrcsetEntry {
            src: "https://cdn.example.org/desert-big.jpg".into(),
            width: 2000,
        });
    let problems = validate::article(&a, &known);
    let missing: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p.reason.contains("no such file"))
        .map(|p| (p.path.as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(missing.len(), 1, "{problems:?}");
    assert!(missing[0].1.contains("images/desert-3.svg"), "{missing:?}");
    assert!(missing[0].0.starts_with("$.body[") && missing[0].0.ends_with(".image.src"));
    assert_eq!(validate::local_file("https://x.org/a.jpg"), None);
    assert_eq!(validate::local_file("/images/a.jpg"), None);
    assert_eq!(validate::local_file("../a.jpg"), None);
    assert_eq!(
        validate::local_file(" ./images/a.jpg#x "),
        Some("images/a.jpg")
    );
}

/// Issue 12: an unknown app platform or social network once showed as Android / a blank icon
/// silently; now it still decodes (the page keeps its footer) and the validator names it.
#[test]
fn unknown_app_platform_and_network_decode_and_are_reported() {
    let text = read("site.json")
        .replacen("\"platform\": \"ios\"", "\"platform\": \"harmony\"", 1)
        .replacen("\"network\": \"youtube\"", "\"network\": \"mastodon\"", 1);
    let site: Site = decode(&text, "site.json").unwrap();
    let problems = validate::site(&site);
    for (path, value) in [
        ("$.apps[1].platform", "\"harmony\""),
        ("$.social[1].network", "\"mastodon\""),
    ] {
        let p = problems
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("no problem at {path}: {problems:?}"));
        assert_eq!(p.severity, Severity::Warning, "{p:?}");
        assert!(p.reason.contains(value), "{p:?}");
    }
    let not_a_string = read("site.json").replacen("\"network\": \"x\"", "\"network\": 7", 1);
    match decode::<Site>(&not_a_string, "site.json") {
        Err(ContentError::Decode { path, .. }) => assert_eq!(path, "$.social[0].network"),
        other => panic!("{other:?}"),
    }
}
