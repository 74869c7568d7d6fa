//! The prerender binary on a copy of the demo content (`make content` builds it): every route
//! written, incremental rebuilds render only what a change touches, and hostile content is
//! written as inert text. Run with `--no-default-features --features ssr`.
#![cfg(feature = "ssr")]

use std::path::{Path, PathBuf};
use std::process::Command;

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <!--HEAD-->
  <meta name="newsfront:content-base" content="/content/">
  <script type="module">import init from '/app.js'; init();</script>
<!--nf-entries {"live_chunk":["split_live_chunk-1.wasm","chunk-2.wasm"],"routes_chunk":["split_routes_chunk-4.wasm","chunk-2.wasm"],"saved_chunk":["split_saved_chunk-3.wasm"]}-->
</head>
<body>
  <div id="boot"></div>
</body>
</html>
"#;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "json") {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A site directory with the shell and the built demo content (JSON only).
fn site(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = root.join("public/content");
    assert!(
        built.join("site.json").is_file(),
        "run `make content` first (public/content is missing)"
    );
    let dir =
        std::env::temp_dir().join(format!("newsfront-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&built, &dir.join("content"));
    std::fs::write(dir.join("shell.html"), SHELL).unwrap();
    dir
}

/// Runs the binary with `args` after the site directory; returns its `--report json` summary.
fn prerender_with(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_newsfront-prerender"))
        .args(args.iter().take_while(|a| **a == "merge"))
        .arg(dir)
        .args(["--now", "1796000000", "--jobs", "2", "--report", "json"])
        .args(args.iter().skip_while(|a| **a == "merge"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// Runs the binary; returns the number of pages it rendered.
fn prerender(dir: &Path) -> u64 {
    count(&prerender_with(dir, &[]), "rendered")
}

fn count(report: &serde_json::Value, key: &str) -> u64 {
    report[key]
        .as_u64()
        .unwrap_or_else(|| panic!("no {key} in {report}"))
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("content").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn renders_every_route_then_only_what_changed() {
    let dir = site("incremental");
    let articles = std::fs::read_dir(dir.join("content/articles"))
        .unwrap()
        .count();
    let report = prerender_with(&dir, &[]);
    let first = count(&report, "rendered");
    assert!(
        first > articles as u64 + 10,
        "{first} pages for {articles} articles"
    );
    assert_eq!(count(&report, "routes"), first);
    assert_eq!(count(&report, "removed"), 0);
    assert_eq!(
        count(&report, "files_written"),
        first + count(&report, "shared_written")
    );
    for file in [
        "index.html",
        "authors/index.html",
        "live/index.html",
        "section/politics/index.html",
        "region/europe/index.html",
        "page/about/index.html",
        "article/coalition-talks-stall-over-budget-rules/index.html",
        "404.html",
    ] {
        let html = read(&dir, file);
        assert!(html.contains("id=\"nf-data\""), "{file} carries its data");
        assert!(html.contains("<title>"), "{file} has a title");
        assert!(
            !html.contains("id=\"boot\""),
            "{file} drops the loading shell"
        );
    }
    assert!(read(&dir, "404.html").contains("Page not found"));
    assert_eq!(prerender(&dir), 0, "nothing changed, nothing rendered");

    // A file written again with the same text (new time) is read, found equal, not rendered.
    let article = dir.join("content/articles/coalition-talks-stall-over-budget-rules.json");
    std::fs::write(&article, std::fs::read(&article).unwrap()).unwrap();
    assert_eq!(prerender(&dir), 0, "same bytes, nothing rendered");

    // One article's text changes: only its own page reads that file.
    edit(
        &dir,
        "articles/coalition-talks-stall-over-budget-rules.json",
        "Talks to form a new government",
        "Talks to form a new cabinet",
    );
    assert_eq!(prerender(&dir), 1);
    assert!(read(
        &dir,
        "article/coalition-talks-stall-over-budget-rules/index.html"
    )
    .contains("Talks to form a new cabinet"));

    // A topic's list changes (an article of the running story edited): only the topic's own
    // page renders again. Its articles' Coverage panel is loaded after hydration, so a
    // 6,000-article topic does not mean 6,000 pages to publish one edit.
    let topic_list = "lists/topic/river-delta-floods/1.json";
    edit(
        &dir,
        topic_list,
        "\"headline\":\"",
        "\"headline\":\"Updated: ",
    );
    let report = prerender_with(&dir, &[]);
    assert_eq!(count(&report, "rendered"), 1, "{report}");
    assert!(read(&dir, "topic/river-delta-floods/index.html").contains("Updated: "));

    // A feed update alone re-renders nothing (the browser refreshes the ticker at once), nor
    // does a new Most Read list (read by every article page, updated all the time).
    edit(&dir, "breaking.json", "\"items\"", "\"items\" ");
    assert_eq!(prerender(&dir), 0);
    edit(&dir, "most-read.json", "\"items\"", "\"items\" ");
    assert_eq!(prerender(&dir), 0);

    // site.json is read by every page: all render again, against a new shared copy, and the
    // old copy goes.
    let old_copy = shared_copies(&read(&dir, "index.html"))["site.json"].clone();
    edit(
        &dir,
        "site.json",
        "Clear reporting from every horizon",
        "Clear reporting, every horizon",
    );
    // (Every page of the default edition: the other editions have their own site.json.)
    let report = prerender_with(&dir, &[]);
    let other_editions = pages_under(&dir.join("ar")) + pages_under(&dir.join("es"));
    assert!(
        other_editions > 30,
        "{other_editions} pages in the other editions"
    );
    assert_eq!(count(&report, "rendered"), first - other_editions);
    // New copies of site.json and of the feeds changed above (no page had been rendered
    // with them yet); the old copies go.
    assert_eq!(count(&report, "shared_written"), 3);
    assert_eq!(count(&report, "shared_removed"), 3);
    // The default edition's web app manifest repeats the slogan; the others' are unchanged.
    assert_eq!(count(&report, "manifests_written"), 1);
    assert!(read(&dir, "manifest.webmanifest").contains("Clear reporting, every horizon"));
    assert!(!dir.join(old_copy.trim_start_matches('/')).exists());

    // A deleted article's page is removed.
    std::fs::remove_file(dir.join("content/articles/coalition-talks-stall-over-budget-rules.json"))
        .unwrap();
    let report = prerender_with(&dir, &[]);
    assert_eq!(count(&report, "removed"), 1);
    assert_eq!(count(&report, "rendered"), 0);
    assert!(!dir
        .join("article/coalition-talks-stall-over-budget-rules")
        .exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The number of prerendered pages under `dir`.
fn pages_under(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => pages_under(&e.path()),
                    _ => u64::from(e.file_name() == "index.html" || e.file_name() == "404.html"),
                })
                .sum()
        })
        .unwrap_or(0)
}

/// A page's `<html …>` start tag.
fn html_tag(html: &str) -> String {
    let start = html.find("<html").expect("an <html> tag");
    html[start..]
        .split('>')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn every_edition_is_prerendered_under_its_prefix() {
    let dir = site("editions");
    prerender_with(&dir, &[]);
    let home = read(&dir, "ar/index.html");
    for (file, lang, direction) in [
        ("ar/index.html", Some("ar"), "rtl"),
        ("es/index.html", Some("es"), "ltr"),
        ("index.html", Some("en"), "ltr"),
        ("404.html", Some("en"), "ltr"),
        ("ar/404.html", Some("ar"), "rtl"),
    ] {
        let tag = html_tag(&read(&dir, file));
        if let Some(lang) = lang {
            assert!(tag.contains(&format!("lang=\"{lang}\"")), "{file}: {tag}");
        }
        assert!(
            tag.contains(&format!("dir=\"{direction}\"")),
            "{file}: {tag}"
        );
    }
    // Each front page names the others as its alternates, and the default one as x-default.
    for lang in ["en", "ar", "es", "x-default"] {
        assert!(
            home.contains(&format!("hreflang=\"{lang}\"")),
            "no {lang} alternate"
        );
    }
    // Links stay in the edition; an Arabic slug is a folder of that name on disk.
    assert!(home.contains("href=\"/ar/section/news\""));
    let slug = "حزام-ليرانغ-يصمد-أمام-ذروة-فيضان-دلتا-سيرين-والقرى-تغرق";
    let article = read(&dir, &format!("ar/article/{slug}/index.html"));
    assert!(html_tag(&article).contains("dir=\"rtl\""));
    assert!(article.contains(
        "<link href=\"https://meridianledger.example/article/river-delta-flood-defences-tested\" hreflang=\"en\" rel=\"alternate\">"
    ));
    // The page's own file is fetched by the loader, from the edition's folder.
    let data = embedded_data(&article);
    let fetched = data["fetched"].as_object().expect("fetched files");
    assert!(
        fetched.keys().any(|k| k.starts_with("ar/articles/")),
        "{fetched:?}"
    );
    assert!(data["shared"]["ar/site.json"].is_string(), "{data}");
    // An address whose first segment is no edition is not found, not a front page.
    assert!(read(&dir, "404.html").contains("Page not found"));
    assert!(!read(&dir, "ar/404.html").contains("Page not found"));
    // Each edition installs as itself: its own web app manifest, linked from its pages.
    for (prefix, lang, dir_attr) in [
        ("", "en", "ltr"),
        ("ar/", "ar", "rtl"),
        ("es/", "es", "ltr"),
    ] {
        let manifest: serde_json::Value =
            serde_json::from_str(&read(&dir, &format!("{prefix}manifest.webmanifest"))).unwrap();
        assert_eq!(manifest["lang"], lang);
        assert_eq!(manifest["dir"], dir_attr);
        assert_eq!(manifest["start_url"], format!("/{prefix}"));
        let page = read(&dir, &format!("{prefix}index.html"));
        assert!(
            page.contains(&format!(
                "href=\"/{prefix}manifest.webmanifest\" rel=\"manifest\""
            )),
            "{prefix}: no manifest link"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `shared` map (content path → site path of its copy) of a page's embedded data.
fn shared_copies(html: &str) -> std::collections::BTreeMap<String, String> {
    serde_json::from_value(embedded_data(html)["shared"].clone()).unwrap_or_default()
}

/// A page's embedded data (`<script id="nf-data">`).
fn embedded_data(html: &str) -> serde_json::Value {
    let start = html.find("id=\"nf-data\">").unwrap() + "id=\"nf-data\">".len();
    let end = html[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn site_wide_files_travel_once_as_shared_copies() {
    let dir = site("shared");
    prerender(&dir);
    let site_json = read(&dir, "content/site.json");
    let article = read(
        &dir,
        "article/coalition-talks-stall-over-budget-rules/index.html",
    );
    let copies = shared_copies(&article);
    for path in ["site.json", "breaking.json", "most-read.json"] {
        let copy = &copies[path];
        assert!(copy.starts_with(&format!("/shared/{}.", path.trim_end_matches(".json"))));
        assert_eq!(
            read(&dir, copy.trim_start_matches('/')),
            read(&dir, &format!("content/{path}")),
            "{copy} holds exactly the text the page was rendered from"
        );
    }
    assert!(!copies.contains_key("articles/coalition-talks-stall-over-budget-rules.json"));
    // Neither the page's own file nor site.json is embedded: the own file is named by the
    // fingerprint of the text the page was rendered from (the loader fetches it).
    let own = read(
        &dir,
        "content/articles/coalition-talks-stall-over-budget-rules.json",
    );
    let fp = newsfront_model::snapshot::fingerprint(own.as_bytes());
    assert!(article.contains(&format!(
        "\"fetched\":{{\"articles/coalition-talks-stall-over-budget-rules.json\":\"{fp}\"}}"
    )));
    let slogan = "Clear reporting from every horizon";
    assert!(site_json.contains(slogan));
    let data = &article[article.find("id=\"nf-data\"").unwrap()..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(!data.contains(slogan));
    assert!(!data.contains("Talks to form a new government"), "{data}");
    // Every page names the same copy of site.json.
    assert_eq!(
        shared_copies(&read(&dir, "index.html"))["site.json"],
        copies["site.json"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The code entry point a page's embedded data names (`Snapshot::entry`).
fn entry_point(html: &str) -> Option<String> {
    embedded_data(html)["entry"].as_str().map(str::to_string)
}

#[test]
fn a_page_to_use_names_its_routes_code_and_a_page_to_read_none() {
    let dir = site("entries");
    prerender(&dir);
    for (page, entry, at_once) in [
        // Pages to read hydrate their routes later (src/routes.rs, `later`): their chunks are
        // fetched once the page is idle, so the page names none to preload, only its route's
        // entry point (fetched then, with the routes').
        (
            "article/coalition-talks-stall-over-budget-rules/index.html",
            Some("article_chunk"),
            false,
        ),
        ("index.html", Some("listing_chunk"), false),
        ("section/politics/index.html", Some("listing_chunk"), false),
        ("authors/index.html", Some("authors_chunk"), false),
        ("page/about/index.html", Some("static_chunk"), false),
        // A page to use hydrates its routes with the page: their chunks first.
        ("live/index.html", Some("live_chunk"), true),
        // The 404 page is the router's fallback, which is not lazy.
        ("404.html", None, false),
    ] {
        let html = read(&dir, page);
        assert_eq!(entry_point(&html).as_deref(), entry, "{page}");
        let data = embedded_data(&html);
        assert_eq!(
            data["at_once"].as_bool().unwrap_or(false),
            at_once,
            "{page}"
        );
        // The chunk files of the routes and of its entry point, from the shell's list (each
        // once), which no page repeats.
        let want = match at_once {
            true => serde_json::json!([
                "split_routes_chunk-4.wasm",
                "chunk-2.wasm",
                "split_live_chunk-1.wasm"
            ]),
            false => serde_json::Value::Null,
        };
        assert_eq!(data["entry_files"], want, "{page}");
        assert!(!html.contains("nf-entries"), "{page}");
    }
    // The routes of a page to read are in their wrapper, prerendered.
    let article = read(
        &dir,
        "article/coalition-talks-stall-over-budget-rules/index.html",
    );
    assert!(
        article.contains(r#"class="page"><div class="routes-part">"#),
        "the routes' wrapper"
    );
    assert!(article.contains("Coalition talks"), "the article inside it");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every file under `dir` (relative path → bytes), manifests aside.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                if !rel.starts_with(".prerender") {
                    out.insert(rel, std::fs::read(&path).unwrap());
                }
            }
        }
    }
    out
}

#[test]
fn shards_render_disjoint_parts_that_merge_into_the_whole_site() {
    let whole = site("whole");
    let total = prerender(&whole);
    let merged = site("merged");
    let mut sum = 0;
    for i in 1..=3 {
        let part = site(&format!("shard{i}"));
        let report = prerender_with(&part, &["--shard", &format!("{i}/3")]);
        assert_eq!(report["shard"], format!("{i}/3"));
        sum += count(&report, "rendered");
        // What a deploy copies from each machine: everything but the content and shell.
        for (rel, bytes) in tree(&part)
            .into_iter()
            .filter(|(rel, _)| !rel.starts_with("content/") && rel != "shell.html")
        {
            let target = merged.join(&rel);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            assert!(
                !target.exists() || rel.starts_with("shared/"),
                "{rel} rendered twice"
            );
            std::fs::write(target, bytes).unwrap();
        }
        let name = format!(".prerender.shard-{i}-of-3.json");
        std::fs::copy(part.join(&name), merged.join(&name)).unwrap();
        let _ = std::fs::remove_dir_all(&part);
    }
    assert_eq!(sum, total, "each route rendered by exactly one shard");
    let report = prerender_with(&merged, &["merge"]);
    assert_eq!(count(&report, "pages"), total);
    assert!(
        tree(&merged) == tree(&whole),
        "the merged site equals the one-machine site"
    );
    // The merged manifest serves the next incremental run of the whole site.
    assert_eq!(prerender(&merged), 0);
    let _ = std::fs::remove_dir_all(&whole);
    let _ = std::fs::remove_dir_all(&merged);
}

#[test]
fn hostile_content_is_written_as_inert_text() {
    let dir = site("hostile");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/fixtures/hostile/article.json"),
        dir.join("content/articles/hostile.json"),
    )
    .unwrap();
    prerender(&dir);
    let html = read(&dir, "article/hostile/index.html");
    let body = &html[html.find("<body>").unwrap()..];
    // The only scripts in the page are ours: the loader in <head>, the data and JSON-LD.
    let scripts: Vec<&str> = body
        .match_indices("<script")
        .map(|(i, _)| &body[i..(i + 60).min(body.len())])
        .collect();
    assert_eq!(scripts.len(), 1, "{scripts:?}");
    assert!(scripts[0].starts_with("<script type=\"application/json\" id=\"nf-data\""));
    assert!(!body.contains("<script>window.__pwned"));
    assert!(body.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
    for (tag, name, value) in attributes(body) {
        assert!(!name.starts_with("on"), "<{tag} {name}>");
        if ["href", "src", "poster", "action", "srcset"].contains(&name.as_str()) {
            let v = value.trim().to_lowercase();
            assert!(
                !(v.starts_with("javascript:")
                    || v.starts_with("data:")
                    || v.starts_with("vbscript:")),
                "<{tag} {name}={value}>"
            );
        }
    }
    // The embedded data carries no content text (the loader fetches the article), so none can
    // end its element early (`Snapshot::to_script_json` escapes `<` besides).
    let data_start = html.find("id=\"nf-data\">").unwrap();
    let data_end = html[data_start..].find("</script>").unwrap() + data_start;
    assert!(!html[data_start..data_end].contains("__pwned"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Where the token starting at `i` ends: at whitespace, one of `stops`, or the end of `html`.
fn token_end(html: &str, i: usize, stops: &[char]) -> usize {
    html[i..]
        .find(|c: char| c.is_whitespace() || stops.contains(&c))
        .map_or(html.len(), |n| i + n)
}

/// Every (tag, attribute name, value) in `html` (which escapes `<` in text, so every `<`
/// followed by a letter opens a tag).
fn attributes(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = token_end(html, i, &['>', '/']);
        let tag = html[i..name_end].to_lowercase();
        i = name_end;
        loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_end = token_end(html, i, &['=', '>']);
            let name = html[i..attr_end].to_lowercase();
            i = attr_end;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                if bytes.get(i) == Some(&b'"') {
                    let end = html[i + 1..].find('"').map_or(html.len(), |n| i + 1 + n);
                    value = html[i + 1..end].to_string();
                    i = end + 1;
                } else {
                    let end = token_end(html, i, &['>']);
                    value = html[i..end].to_string();
                    i = end;
                }
            }
            out.push((tag.clone(), name, value));
        }
        if tag == "script" || tag == "style" {
            // Skip raw text up to the closing tag.
            if let Some(end) = html[i..].find(&format!("</{tag}")) {
                i += end;
            }
        }
    }
    out
}

#[test]
fn inputs_that_once_crashed_render_safely() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(root.join("tests/fixtures/fuzz")) else {
        return;
    };
    let crashes: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    if crashes.is_empty() {
        return;
    }
    let dir = site("fuzz-regressions");
    // Most Read crashes render on an article page: give them one at the fuzzer's address.
    std::fs::copy(
        dir.join("content/articles/coalition-talks-stall-over-budget-rules.json"),
        dir.join("content/articles/fuzz.json"),
    )
    .unwrap();
    for crash in crashes {
        let name = crash.file_name().unwrap().to_string_lossy().to_string();
        let (file, page) = match name.split('-').next().unwrap_or_default() {
            "article" => ("articles/fuzz.json", "article/fuzz/index.html"),
            "list" => ("lists/section/fuzz/1.json", "section/fuzz/index.html"),
            "site" | "breaking" => (
                if name.starts_with("site") {
                    "site.json"
                } else {
                    "breaking.json"
                },
                "index.html",
            ),
            "page" => ("pages/fuzz.json", "page/fuzz/index.html"),
            "authors" => ("authors.json", "authors/index.html"),
            "most" => ("most-read.json", "article/fuzz/index.html"),
            "live" => ("live.json", "live/index.html"),
            other => panic!("{name}: unknown kind {other}"),
        };
        let target = dir.join("content").join(file);
        let original = std::fs::read(&target).ok();
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&crash, &target).unwrap();
        prerender(&dir);
        assert!(dir.join(page).is_file(), "{name}: {page} written");
        match original {
            Some(bytes) => std::fs::write(&target, bytes).unwrap(),
            None => std::fs::remove_file(&target).unwrap(),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
