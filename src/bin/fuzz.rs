//! `newsfront-fuzz <content-dir> [--seconds N] [--seed S] [--out DIR]`
//!
//! A fuzz target for the content decoder and everything that renders decoded content, on the
//! stable toolchain (`cargo fuzz` needs nightly). Each round takes a real content file of one
//! kind (article, list, site, ticker feed, page, authors, most read, live feed), mutates it —
//! JSON-aware (replace a value with another type, an extreme number, a huge or hostile string,
//! deep nesting; delete keys; multiply array items) or byte-level (flip, cut, splice) — and
//! renders the route that reads it with the real components (`prerender::render`). A panic is a
//! crash: the input is saved to `--out` (default `tests/fixtures/fuzz/`) as a fixture that
//! `tests/prerender.rs` renders on every `make test`, and the run fails.
//!
//! `make fuzz` runs it for `FUZZ_SECONDS` (default 60). The seed is printed, so a run can be
//! repeated exactly with `--seed`.

use newsfront::prerender::{render, ContentStore, Template};
use newsfront_model::snapshot::fingerprint;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Content file kinds: the file a mutated copy replaces, and the route that reads it.
const TARGETS: [(&str, &str, &str); 8] = [
    ("article", "articles/fuzz.json", "/article/fuzz"),
    ("list", "lists/section/fuzz/1.json", "/section/fuzz"),
    ("site", "site.json", "/"),
    ("breaking", "breaking.json", "/"),
    ("page", "pages/fuzz.json", "/page/fuzz"),
    ("authors", "authors.json", "/authors"),
    ("most-read", "most-read.json", "/article/fuzz"),
    ("live", "live.json", "/live"),
];

/// Inputs above this are skipped: size is not what the fuzzer is for, and a few multiplied
/// arrays of huge strings would need gigabytes.
const MAX_INPUT: usize = 4 << 20;

const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><!--HEAD--><meta name=\"newsfront:content-base\" content=\"/content/\"></head><body></body></html>";

/// xorshift64*: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            println!("fuzz: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, String> {
    let mut args = std::env::args().skip(1);
    let mut content = None;
    let mut seconds = 60u64;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut out = PathBuf::from("tests/fixtures/fuzz");
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => {
                seconds = value("--seconds")?
                    .parse()
                    .map_err(|_| "--seconds: a number")?
            }
            "--seed" => seed = value("--seed")?.parse().map_err(|_| "--seed: a number")?,
            "--out" => out = PathBuf::from(value("--out")?),
            other if content.is_none() && !other.starts_with('-') => {
                content = Some(PathBuf::from(other))
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let content: PathBuf = content
        .ok_or("usage: newsfront-fuzz <content-dir> [--seconds N] [--seed S] [--out DIR]")?;
    any_spawner::Executor::init_futures_executor().map_err(|e| format!("executor: {e:?}"))?;
    let template = Template::parse(SHELL)?;
    newsfront::platform::config::set_build_content_base(&template.content_base);

    // Seeds: real files of each kind.
    let seeds: Vec<(usize, String)> = TARGETS
        .iter()
        .enumerate()
        .filter_map(|(i, (kind, _, _))| seed_file(&content, kind).map(|text| (i, text)))
        .collect();
    if seeds.len() < TARGETS.len() {
        return Err(format!(
            "{} lacks some file kinds: build the content first (make content)",
            content.display()
        ));
    }

    // A scratch copy of the content the mutated files are written into.
    let scratch = std::env::temp_dir().join(format!("newsfront-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    copy_json(&content, &scratch).map_err(|e| format!("copy {}: {e}", content.display()))?;
    for (i, text) in &seeds {
        write(&scratch.join(TARGETS[*i].1), text)?;
    }

    // Panics are caught below; report them on stdout (stderr carries the views' warnings about
    // the bad content, which `make fuzz` discards).
    std::panic::set_hook(Box::new(|info| println!("fuzz: panic: {info}")));
    println!("fuzz: seed {seed}, {seconds} s, {} kinds", TARGETS.len());
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut rounds = 0u64;
    let mut decoded = 0u64;
    while Instant::now() < deadline {
        rounds += 1;
        let (i, original) = &seeds[rng.below(seeds.len())];
        let (kind, file, route) = TARGETS[*i];
        let input = mutate(original, &mut rng);
        if input.len() > MAX_INPUT {
            continue; // (a 50,000-word article is about 350 KB; the hostile corpus covers size)
        }
        if serde_json::from_str::<Value>(&input).is_ok() {
            decoded += 1;
        }
        let path = scratch.join(file);
        write(&path, &input)?;
        let store = Arc::new(ContentStore::new(&scratch));
        // One short-lived thread per render: a panic ends only that thread, and whatever the
        // render keeps in thread-locals is freed with it (a long run would otherwise grow).
        let outcome = std::thread::scope(|scope| {
            scope
                .spawn(|| render(route, &store, &template, 1_796_000_000))
                .join()
        });
        store.clear();
        // Put the real file back for the next round.
        write(&path, original)?;
        if outcome.is_err() {
            std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
            let saved = out.join(format!("{kind}-{}.json", fingerprint(input.as_bytes())));
            write(&saved, &input)?;
            println!(
                "fuzz: CRASH rendering {route} with a mutated {kind} file; input saved to {}",
                saved.display()
            );
            let _ = std::fs::remove_dir_all(&scratch);
            return Ok(false);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("fuzz: {rounds} rounds ({decoded} valid JSON), no crash");
    Ok(true)
}

fn seed_file(content: &Path, kind: &str) -> Option<String> {
    let first_json = |dir: &Path| -> Option<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        // The longest file exercises the most code.
        files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
    };
    let path = match kind {
        "article" => first_json(&content.join("articles"))?,
        "page" => first_json(&content.join("pages"))?,
        "list" => content.join("lists/home/1.json"),
        "site" => content.join("site.json"),
        "breaking" => content.join("breaking.json"),
        "authors" => content.join("authors.json"),
        "most-read" => content.join("most-read.json"),
        "live" => content.join("live.json"),
        _ => return None,
    };
    std::fs::read_to_string(path).ok()
}

fn copy_json(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_json(&entry.path(), &target)?;
        } else if entry.path().extension().is_some_and(|e| e == "json") {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One mutated copy of `original`: usually JSON-aware (it reaches past the decoder into the
/// views), sometimes raw bytes (it exercises the decoder's error paths).
fn mutate(original: &str, rng: &mut Rng) -> String {
    if rng.chance(5) {
        return mutate_bytes(original, rng);
    }
    let Ok(mut value) = serde_json::from_str::<Value>(original) else {
        return mutate_bytes(original, rng);
    };
    for _ in 0..1 + rng.below(4) {
        let count = count_nodes(&value);
        if count > 100_000 {
            break;
        }
        let target = rng.below(count);
        let mut index = 0;
        mutate_node(&mut value, target, &mut index, rng);
    }
    serde_json::to_string(&value).unwrap_or_default()
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Walks to the `target`-th node (pre-order) and changes it.
fn mutate_node(v: &mut Value, target: usize, index: &mut usize, rng: &mut Rng) -> bool {
    if *index == target {
        change(v, rng);
        return true;
    }
    *index += 1;
    match v {
        Value::Array(items) => items
            .iter_mut()
            .any(|item| mutate_node(item, target, index, rng)),
        Value::Object(map) => map
            .values_mut()
            .any(|item| mutate_node(item, target, index, rng)),
        _ => false,
    }
}

fn change(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(map) if !map.is_empty() && rng.chance(3) => {
            // Drop a key (a required field goes missing) or add an unknown one.
            if rng.chance(2) {
                let key = map
                    .keys()
                    .nth(rng.below(map.len()))
                    .cloned()
                    .unwrap_or_default();
                map.remove(&key);
            } else {
                map.insert("unexpected_field".into(), random_value(rng, 0));
            }
        }
        Value::Array(items) if !items.is_empty() && rng.chance(3) => {
            // Many copies of one item (1,000 tags, a huge gallery) or none at all.
            if rng.chance(2) {
                let item = items[rng.below(items.len())].clone();
                let n = 1 + rng.below(1000);
                items.extend(std::iter::repeat_n(item, n));
            } else {
                items.clear();
            }
        }
        Value::String(s) if rng.chance(2) => {
            *s = hostile_string(rng, s);
        }
        _ => *v = random_value(rng, 0),
    }
}

fn hostile_string(rng: &mut Rng, original: &str) -> String {
    const POOL: [&str; 22] = [
        "",
        " ",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "<script>window.__pwned=1</script>",
        "\" onerror=\"alert(1)",
        "</style><style>body{display:none}</style>",
        "expression(alert(1))",
        "../../etc/passwd",
        "//evil.example/x.png",
        "\u{202e}gnp.exe",
        "שלום עולם مرحبا",
        "e\u{301}\u{301}\u{301}\u{301}",
        "👩‍👩‍👧‍👦🏳️‍🌈",
        "\u{0}\u{1}\u{7f}",
        "9999-99-99T99:99:99Z",
        "2026-02-30T25:61:00+99:00",
        "1970-01-01T00:00:00Z",
        "-",
        "%00%2e%2e",
        "news",
        "article",
    ];
    match rng.below(4) {
        0 => POOL[rng.below(POOL.len())].to_string(),
        1 => original.repeat(1 + rng.below(500)),
        2 => {
            let cut = original
                .char_indices()
                .nth(rng.below(original.chars().count() + 1))
                .map_or(original.len(), |(i, _)| i);
            format!(
                "{}{}{}",
                &original[..cut],
                POOL[rng.below(POOL.len())],
                &original[cut..]
            )
        }
        _ => "x".repeat(rng.below(20_000)),
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 40 { 8 } else { 11 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => Value::from(-1),
        3 => Value::from(u64::MAX),
        4 => Value::from(i64::MIN),
        5 => serde_json::Number::from_f64(1e308).map_or(Value::Null, Value::Number),
        6 => Value::from(0),
        7 => Value::String(hostile_string(rng, "text")),
        8 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        9 => {
            // Deep nesting.
            let mut v = Value::Null;
            for _ in 0..rng.below(200) {
                v = Value::Array(vec![v]);
            }
            v
        }
        _ => {
            let mut map = Map::new();
            for key in ["type", "text", "src", "slug", "href", "items"] {
                if rng.chance(2) {
                    map.insert(key.into(), random_value(rng, depth + 1));
                }
            }
            Value::Object(map)
        }
    }
}

fn mutate_bytes(original: &str, rng: &mut Rng) -> String {
    let mut bytes = original.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => bytes.truncate(at),
            _ => {
                let end = (at + rng.below(64)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, piece);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
