//! Incremental builds are byte-identical to full builds: a generated corpus goes through a
//! seeded random sequence of adds, edits, renames and deletes (and changes to authors and most
//! read); after each step the incremental output must equal a full build into a fresh folder,
//! and its change list must name exactly the files whose bytes changed (the rest keep their
//! modification times).

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

const MANIFEST: &str = ".newsfront-manifest.json";

fn tool(args: &[&str]) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_newsfront-content"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfront-inc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every file under `dir` (but the manifest) with its bytes and modification time.
fn tree(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, (Vec<u8>, SystemTime)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                if rel != MANIFEST {
                    let mtime = path.metadata().unwrap().modified().unwrap();
                    out.insert(rel, (std::fs::read(&path).unwrap(), mtime));
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn write(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

fn slugs(src: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(src.join("articles"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            p.file_stem().unwrap().to_string_lossy().to_string()
        })
        .collect();
    v.sort();
    v
}

/// Articles some `read_more` block or most read names (they are not deleted or renamed).
fn linked(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(bytes) = std::fs::read(src.join("most-read.json")) {
        let most: Value = serde_json::from_slice(&bytes).unwrap();
        for s in most["slugs"].as_array().unwrap() {
            out.push(s.as_str().unwrap().to_string());
        }
    }
    for s in slugs(src) {
        let a = read(&src.join(format!("articles/{s}.json")));
        for b in a["body"].as_array().unwrap() {
            if b["type"] == "read_more" {
                out.push(b["slug"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

/// One random change to the source folder; returns what it did.
fn mutate(src: &Path, rng: &mut Rng, step: usize) -> String {
    let all = slugs(src);
    let linked = linked(src);
    let pick = |rng: &mut Rng| all[rng.below(all.len())].clone();
    let file = |slug: &str| src.join(format!("articles/{slug}.json"));
    let free: Vec<&String> = all.iter().filter(|s| !linked.contains(s)).collect();
    match rng.below(10) {
        0..=1 => {
            let from = pick(rng);
            let slug = format!("added-{step}");
            let mut a = read(&file(&from));
            a["slug"] = json!(slug);
            a["headline"] = json!(format!("Added in step {step}"));
            // Same time as another article half the time: the slug breaks the tie.
            if rng.below(2) == 0 {
                a["published"] = read(&file(&pick(rng)))["published"].clone();
            }
            write(&file(&slug), &a);
            format!("add {slug} (copy of {from})")
        }
        2..=4 => {
            let slug = pick(rng);
            let mut a = read(&file(&slug));
            let what = match rng.below(7) {
                0 => {
                    a["headline"] = json!(format!("Edited headline {step}"));
                    "headline"
                }
                1 => {
                    a["tags"] = json!([format!("Tag {}", rng.below(12)), "Shared Tag"]);
                    "tags"
                }
                2 => {
                    a["topic"] = match rng.below(3) {
                        0 => Value::Null,
                        _ => read(&src.join("topics.json"))["topics"][rng.below(4)]["slug"].clone(),
                    };
                    if a["topic"].is_null() {
                        a.as_object_mut().unwrap().remove("topic");
                    }
                    "topic"
                }
                3 => {
                    a["published"] = json!(format!(
                        "2026-11-2{}T0{}:00:00Z",
                        rng.below(8),
                        rng.below(10)
                    ));
                    "published"
                }
                4 => {
                    let target = pick(rng);
                    if target != slug {
                        a["body"]
                            .as_array_mut()
                            .unwrap()
                            .push(json!({"type": "read_more", "slug": target}));
                    }
                    "read_more"
                }
                5 => {
                    a["section"] = json!(["politics", "economy", "opinion", "tv"][rng.below(4)]);
                    "section"
                }
                _ => {
                    a["body"][0]["text"] = json!(format!("Rewritten paragraph {step}."));
                    "body"
                }
            };
            write(&file(&slug), &a);
            format!("edit {slug} ({what})")
        }
        5..=6 if !free.is_empty() => {
            let slug = free[rng.below(free.len())].clone();
            std::fs::remove_file(file(&slug)).unwrap();
            format!("delete {slug}")
        }
        7 if !free.is_empty() => {
            let slug = free[rng.below(free.len())].clone();
            let to = format!("renamed-{step}");
            let mut a = read(&file(&slug));
            a["slug"] = json!(to);
            std::fs::remove_file(file(&slug)).unwrap();
            write(&file(&to), &a);
            format!("rename {slug} -> {to}")
        }
        8 => {
            let path = src.join("authors.json");
            let mut authors = read(&path);
            let i = rng.below(authors["authors"].as_array().unwrap().len());
            authors["authors"][i]["name"] = json!(format!("Renamed Author {step}"));
            write(&path, &authors);
            format!("rename author {i}")
        }
        _ => {
            let picks: Vec<String> = (0..rng.below(4)).map(|_| pick(rng)).collect();
            write(&src.join("most-read.json"), &json!({ "slugs": picks }));
            "most read".to_string()
        }
    }
}

#[test]
fn incremental_builds_equal_full_builds_after_random_changes() {
    let src = scratch("src");
    let inc = scratch("inc");
    let full = scratch("full");
    let changes = scratch("changes.txt");
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    tool(&[
        "generate",
        "40",
        demo.to_str().unwrap(),
        src.to_str().unwrap(),
    ]);
    let (s, i, f, c) = (
        src.to_str().unwrap(),
        inc.to_str().unwrap(),
        full.to_str().unwrap(),
        changes.to_str().unwrap(),
    );
    tool(&["build", s, i]);
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    for step in 0..20 {
        let before = tree(&inc);
        let did = mutate(&src, &mut rng, step);
        eprintln!("step {step}: {did}");
        let said = tool(&["build", s, i, "--changes", c]);
        assert!(said.contains("incremental"), "step {step} ({did}): {said}");
        let _ = std::fs::remove_dir_all(&full);
        tool(&["build", s, f, "--full"]);
        let after = tree(&inc);
        let want = tree(&full);
        let differ: std::collections::BTreeSet<&String> = want
            .keys()
            .chain(after.keys())
            .filter(|k| want.get(*k).map(|w| &w.0) != after.get(*k).map(|a| &a.0))
            .collect();
        assert!(
            differ.is_empty(),
            "step {step} ({did}): differs from a full build: {differ:?}"
        );

        // The change list names exactly the files whose bytes changed; the others kept their time.
        let mut listed: Vec<String> = std::fs::read_to_string(&changes)
            .unwrap()
            .lines()
            .map(|l| l.split_once('\t').unwrap().1.to_string())
            .collect();
        listed.sort();
        let mut changed: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k).map(|b| &b.0) != after.get(*k).map(|a| &a.0))
            .cloned()
            .collect();
        changed.sort();
        changed.dedup();
        assert_eq!(listed, changed, "step {step} ({did})");
        for (path, (bytes, mtime)) in &after {
            if let Some((old, old_mtime)) = before.get(path) {
                if old == bytes {
                    assert_eq!(mtime, old_mtime, "step {step} ({did}): {path} rewritten");
                }
            }
        }
    }
}
