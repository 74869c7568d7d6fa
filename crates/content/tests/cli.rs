//! The content tool end to end: build the demo, reject broken folders with precise reports,
//! and generate a corpus that builds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfront-content"))
        .args(args)
        .output()
        .unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfront-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds `src` into `out`; the build must succeed.
fn build_ok(src: &Path, out: &Path) {
    let run = tool(&["build", src.to_str().unwrap(), out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Generates a corpus of `count` articles from the demo into `src`; it must succeed.
fn generate(count: usize, src: &Path) {
    let run = tool(&[
        "generate",
        &count.to_string(),
        repo().join("content").to_str().unwrap(),
        src.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap()
}

/// A scratch source folder with the demo's `top` files, its three static pages and an empty
/// `articles/`, for tests that add the articles they need.
fn minimal_source(name: &str, top: &[&str]) -> PathBuf {
    let src = scratch(name);
    let demo = repo().join("content");
    for f in top {
        std::fs::copy(demo.join(f), src.join(f)).unwrap();
    }
    std::fs::create_dir_all(src.join("articles")).unwrap();
    std::fs::create_dir_all(src.join("pages")).unwrap();
    for p in ["about", "privacy", "contact"] {
        let rel = format!("pages/{p}.json");
        std::fs::copy(demo.join(&rel), src.join(&rel)).unwrap();
    }
    link_files(&src);
    src
}

/// The demo's pictures and media, which its articles name, linked into a scratch source folder.
fn link_files(src: &Path) {
    for dir in ["images", "media"] {
        std::os::unix::fs::symlink(repo().join("content").join(dir), src.join(dir)).unwrap();
    }
}

#[test]
fn builds_every_list_the_menus_link_to() {
    let out = scratch("demo");
    let src = repo().join("content");
    build_ok(&src, &out);

    let site = json(&src.join("site.json"));
    for top in site["nav"].as_array().unwrap() {
        if top["live"].as_bool() == Some(true) {
            continue;
        }
        let mut slugs = vec![top["slug"].as_str().unwrap().to_string()];
        for c in top["children"].as_array().into_iter().flatten() {
            slugs.push(c["slug"].as_str().unwrap().to_string());
        }
        for slug in slugs {
            let list = json(&out.join(format!("lists/section/{slug}/1.json")));
            assert!(
                !list["items"].as_array().unwrap().is_empty(),
                "section {slug} is empty in the demo"
            );
        }
    }
    for r in site["regions"].as_array().unwrap() {
        let list = json(&out.join(format!(
            "lists/region/{}/1.json",
            r["slug"].as_str().unwrap()
        )));
        assert!(
            !list["items"].as_array().unwrap().is_empty(),
            "region {} is empty",
            r["slug"]
        );
    }
    let home = json(&out.join("lists/home/1.json"));
    assert_eq!(home["total_items"], 42);
    assert_eq!(home["total_pages"], 3);
    assert_eq!(home["items"].as_array().unwrap().len(), 20);
    assert_eq!(
        json(&out.join("lists/home/3.json"))["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let article = json(&out.join("articles/coalition-talks-stall-over-budget-rules.json"));
    assert_eq!(article["section_label"], "Politics");
    assert!(article["reading_minutes"].as_u64().unwrap() >= 3);
    assert_eq!(article["authors"][0]["name"], "Sofia Marchetti");
    let next: Vec<&str> = article["read_next"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert!(!next.is_empty() && !next.contains(&"coalition-talks-stall-over-budget-rules"));
    let related = article["body"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "related")
        .unwrap();
    assert!(related["items"][0]["headline"]
        .as_str()
        .is_some_and(|h| !h.is_empty()));
    assert_eq!(
        json(&out.join("most-read.json"))["items"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert!(out.join("images/logo.svg").exists());
}

#[test]
fn validate_reports_every_problem_with_file_and_path() {
    let src = minimal_source("broken", &["site.json", "authors.json", "topics.json"]);
    let demo = repo().join("content");
    let good =
        std::fs::read_to_string(demo.join("articles/city-allows-rooftop-beehives.json")).unwrap();
    std::fs::write(
        src.join("articles/city-allows-rooftop-beehives.json"),
        &good,
    )
    .unwrap();
    std::fs::write(src.join("articles/not-json.json"), "{ \"slug\": ").unwrap();
    let wrong_type = good
        .replacen("\"city-allows-rooftop-beehives\"", "\"wrong-type\"", 1)
        .replacen("\"width\": 1200", "\"width\": \"big\"", 1);
    std::fs::write(src.join("articles/wrong-type.json"), wrong_type).unwrap();
    let bad_refs = good
        .replacen("\"city-allows-rooftop-beehives\"", "\"bad-refs\"", 1)
        .replacen(
            "\"section\": \"miscellaneous\"",
            "\"section\": \"gossip\", \"mood\": \"sunny\"",
            1,
        );
    std::fs::write(src.join("articles/bad-refs.json"), bad_refs).unwrap();

    let run = tool(&["validate", src.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    for want in [
        "not-json.json: $",
        "wrong-type.json: $.hero.width: invalid type",
        "bad-refs.json: $.section: unknown section \"gossip\"",
        "warning: ",
        "bad-refs.json: $.mood: unknown field",
    ] {
        assert!(stderr.contains(want), "missing {want:?} in:\n{stderr}");
    }
    assert!(
        !stderr.contains("city-allows-rooftop-beehives.json: $"),
        "{stderr}"
    );
}

#[test]
fn generated_corpus_validates_and_builds() {
    let src = scratch("gen-src");
    let out = scratch("gen-out");
    generate(250, &src);
    build_ok(&src, &out);
    let home = json(&out.join("lists/home/1.json"));
    assert_eq!(home["total_items"], 250);
    assert_eq!(home["total_pages"], 13);
}

#[test]
fn schemas_in_docs_are_current() {
    let run = tool(&[
        "schema",
        repo().join("docs/schema").to_str().unwrap(),
        "--check",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Issue 12: an unknown app platform or social network is reported with file, path and value,
/// as a warning (the site shows it generically), not an error.
#[test]
fn validate_warns_about_unknown_platform_and_network() {
    let src = minimal_source("unknown-link-kinds", &["authors.json", "topics.json"]);
    let demo = repo().join("content");
    std::fs::copy(
        demo.join("articles/city-allows-rooftop-beehives.json"),
        src.join("articles/city-allows-rooftop-beehives.json"),
    )
    .unwrap();
    let mut site = json(&demo.join("site.json"));
    site["apps"][1]["platform"] = "harmony".into();
    site["social"][0]["network"] = "mastodon".into();
    std::fs::write(src.join("site.json"), site.to_string()).unwrap();

    let run = tool(&["validate", src.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    for want in [
        "site.json: $.apps[1].platform: unknown platform \"harmony\"",
        "site.json: $.social[0].network: unknown network \"mastodon\"",
    ] {
        assert!(stderr.contains(want), "missing {want:?} in:\n{stderr}");
    }
}

/// Copies the demo source folder into a scratch folder (its images and media linked).
fn demo_copy(name: &str) -> PathBuf {
    let src = scratch(name);
    let demo = repo().join("content");
    for file in [
        "site.json",
        "authors.json",
        "topics.json",
        "breaking.json",
        "most-read.json",
    ] {
        if demo.join(file).exists() {
            std::fs::copy(demo.join(file), src.join(file)).unwrap();
        }
    }
    for dir in ["articles", "pages"] {
        std::fs::create_dir_all(src.join(dir)).unwrap();
        for e in std::fs::read_dir(demo.join(dir)).unwrap().flatten() {
            std::fs::copy(e.path(), src.join(dir).join(e.file_name())).unwrap();
        }
    }
    // The other editions, which the demo's articles name as translations.
    std::fs::copy(demo.join("editions.json"), src.join("editions.json")).unwrap();
    for edition in ["ar", "es"] {
        copy_tree(&demo.join(edition), &src.join(edition));
    }
    link_files(&src);
    src
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Sets `translations` of an article in a source folder (`edition`: its prefix, "" for the
/// default edition).
fn set_translations(src: &Path, edition: &str, slug: &str, value: serde_json::Value) {
    let file = src
        .join(edition)
        .join("articles")
        .join(format!("{slug}.json"));
    let mut a = json(&file);
    a["translations"] = value;
    std::fs::write(&file, serde_json::to_string(&a).unwrap()).unwrap();
}

#[test]
fn editions_build_into_their_prefixes_with_translations_checked_both_ways() {
    let src = demo_copy("editions-src");
    let out = scratch("editions-out");
    build_ok(&src, &out);
    let en = "council-vote-delays-port-expansion";
    let ar = "مجلس-فالمورا-يؤجل-توسيع-الميناء-عاما-على-الأقل";
    let built_en = json(&out.join(format!("articles/{en}.json")));
    assert_eq!(built_en["translations"]["ar"], ar);
    let built_ar = json(&out.join(format!("ar/articles/{ar}.json")));
    assert_eq!(built_ar["translations"]["en"], en);
    assert_eq!(json(&out.join("ar/site.json"))["language"], "ar");
    assert!(out.join("es/lists/home/1.json").is_file());
    // A second full build of the default edition keeps the other editions' folders.
    let run = tool(&[
        "build",
        src.to_str().unwrap(),
        out.to_str().unwrap(),
        "--full",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.join(format!("ar/articles/{ar}.json")).is_file());

    // Broken links: each reported with file, JSON path and reason, and nothing is written.
    let fresh = scratch("editions-out-2");
    for (edition, slug, value, want) in [
        (
            "ar",
            ar,
            serde_json::json!({"en": "central-bank-holds-rates-steady"}),
            "$.translations.en: not mutual: en/central-bank-holds-rates-steady names",
        ),
        (
            "ar",
            ar,
            serde_json::json!({"en": en, "fr": "x"}),
            "$.translations.fr: no edition \"fr\" in editions.json",
        ),
        (
            "",
            en,
            serde_json::json!({"ar": ar, "es": "no-such-article"}),
            "$.translations.es: no article \"no-such-article\" in the \"es\" edition",
        ),
        (
            "",
            en,
            serde_json::json!({"en": en}),
            "$.translations.en: \"en\" is this article's own edition",
        ),
    ] {
        let src = demo_copy("editions-broken");
        set_translations(&src, edition, slug, value);
        let run = tool(&["build", src.to_str().unwrap(), fresh.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success());
        assert!(stderr.contains(want), "{want}\n{stderr}");
        assert!(stderr.contains(&format!("{slug}.json")), "{stderr}");
        assert!(!fresh.join("site.json").exists(), "nothing written");
        let run = tool(&["validate", src.to_str().unwrap()]);
        assert!(!run.status.success());
        assert!(String::from_utf8_lossy(&run.stderr).contains(want));
    }
}

fn files_under(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            files_under(&e.path(), out);
        } else {
            out.push(e.path().to_string_lossy().to_string());
        }
    }
}

// Regression (issue 12): non-ASCII slugs were written as percent-encoded folder names
// (`lists/tag/caf%C3%A9`), which a web server, decoding the request first, never finds.
#[test]
fn non_ascii_slugs_are_written_as_they_are() {
    let src = demo_copy("unicode-src");
    let article = std::fs::read_dir(src.join("articles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .min()
        .unwrap();
    let mut a = json(&article);
    a["tags"] = serde_json::json!(["Café Society", "سوق الكتب"]);
    a["slug"] = serde_json::json!("مقال-تجريبي");
    std::fs::write(
        src.join("articles/مقال-تجريبي.json"),
        serde_json::to_string(&a).unwrap(),
    )
    .unwrap();
    let out = scratch("unicode-out");
    build_ok(&src, &out);
    assert!(out.join("articles/مقال-تجريبي.json").is_file());
    assert!(out.join("lists/tag/café-society/1.json").is_file());
    assert!(out.join("lists/tag/سوق-الكتب/1.json").is_file());
    let mut files = Vec::new();
    files_under(&out, &mut files);
    let encoded: Vec<_> = files.iter().filter(|f| f.contains('%')).collect();
    assert!(encoded.is_empty(), "percent-encoded names: {encoded:?}");
}

/// A picture an article names must exist in the content folder, and the check is not skipped
/// when the article itself did not change: the incremental build decodes it again and reports it.
#[test]
fn a_missing_picture_is_reported_with_file_and_path_even_when_the_article_is_unchanged() {
    let src = scratch("missing-picture-src");
    let out = scratch("missing-picture-out");
    generate(3, &src);
    let site = json(&src.join("site.json"));
    let logo = site["logo"]["src"].as_str().unwrap();
    std::fs::copy(src.join(logo), src.join("images/harbour-at-dusk.svg")).unwrap();
    let article = src.join("articles/generated-00001.json");
    let mut a = json(&article);
    a["hero"] = serde_json::json!({
        "src": "images/harbour-at-dusk.svg", "width": 1200, "height": 675, "alt": "A harbour at dusk"
    });
    std::fs::write(&article, a.to_string()).unwrap();
    build_ok(&src, &out);

    std::fs::remove_file(src.join("images/harbour-at-dusk.svg")).unwrap();
    let run = tool(&["build", src.to_str().unwrap(), out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "generated-00001.json: $.hero.src: \"images/harbour-at-dusk.svg\": no such file in the content folder"
        ),
        "{stderr}"
    );
}
