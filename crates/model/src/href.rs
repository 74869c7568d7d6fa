//! Every URL the site builds: page routes, content file paths, and the safety check applied to
//! any URL that comes from content. Views call these; they never `format!` a URL themselves.

use crate::list::ListKind;

pub fn home() -> String {
    "/".to_string()
}
pub fn article(slug: &str) -> String {
    format!("/article/{}", segment(slug))
}
pub fn section(slug: &str) -> String {
    format!("/section/{}", segment(slug))
}
pub fn region(slug: &str) -> String {
    format!("/region/{}", segment(slug))
}
pub fn tag(slug: &str) -> String {
    format!("/tag/{}", segment(slug))
}
pub fn topic(slug: &str) -> String {
    format!("/topic/{}", segment(slug))
}
pub fn author(slug: &str) -> String {
    format!("/author/{}", segment(slug))
}
pub fn authors() -> String {
    "/authors".to_string()
}
pub fn page(slug: &str) -> String {
    format!("/page/{}", segment(slug))
}
pub fn live() -> String {
    "/live".to_string()
}
/// Search over the edition's articles (`?q=…`, `newsfront_model::search::Query`).
pub fn search() -> String {
    "/search".to_string()
}
/// The reader's saved articles (kept on the device).
pub fn saved() -> String {
    "/saved".to_string()
}

/// The route of a listing page.
pub fn listing(kind: ListKind, slug: &str) -> String {
    match kind {
        ListKind::Home => home(),
        ListKind::Section => section(slug),
        ListKind::Region => region(slug),
        ListKind::Tag => tag(slug),
        ListKind::Topic => topic(slug),
        ListKind::Author => author(slug),
    }
}

/// Page `n` of a listing route (page 1 is the bare route).
pub fn paged(route: &str, page: u32) -> String {
    if page <= 1 {
        route.to_string()
    } else {
        format!("{route}?page={page}")
    }
}

/// The key of the page shown at `path` with query string `search` (`?page=2&utm_source=x`):
/// the path without a trailing slash, plus `?page=N` when N > 1. Other query parameters
/// (campaign tags, `?photo=`) do not change the page, so they are not part of it. A
/// prerendered page records the key it was rendered for; the browser hydrates it only when
/// the address it is shown at has the same key.
pub fn page_key(path: &str, search: &str) -> String {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    paged(path, page_in_query(search))
}

/// The `page` parameter of a query string (`?a=b&page=3`); 1 when absent or invalid.
pub fn page_in_query(search: &str) -> u32 {
    parse_page(
        search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == "page")
            .map(|(_, v)| v),
    )
}

/// The canonical URL of a site path: the site's public origin (`site.json` `base_url`) plus
/// the path, without query string or fragment (so tracking parameters never travel).
pub fn canonical(base_url: &str, path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("{}{slash}{path}", base_url.trim_end_matches('/'))
}

/// Folder of the built site (next to the pages) holding the prerender step's shared copies of
/// site-wide content files (see `snapshot`).
pub const SHARED_DIR: &str = "shared";

/// Site path of the shared copy of content file `path` whose text has fingerprint `fp`
/// (`site.json` → `/shared/site.<fp>.json`): a new text gets a new name, so a copy never
/// changes and can be cached for good.
pub fn shared_copy(path: &str, fp: &str) -> String {
    let stem = path.strip_suffix(".json").unwrap_or(path);
    format!("/{SHARED_DIR}/{stem}.{fp}.json")
}

/// Paths of content files, relative to the content base.
pub mod content {
    use super::segment;
    use crate::list::ListKind;

    pub const SITE: &str = "site.json";
    pub const BREAKING: &str = "breaking.json";
    /// The LIVE page's updates feed (same shape as `breaking.json`).
    pub const LIVE: &str = "live.json";
    pub const MOST_READ: &str = "most-read.json";
    pub const AUTHORS: &str = "authors.json";

    pub fn article(slug: &str) -> String {
        format!("articles/{}.json", segment(slug))
    }
    pub fn page(slug: &str) -> String {
        format!("pages/{}.json", segment(slug))
    }
    pub fn list(kind: ListKind, slug: &str, page: u32) -> String {
        match kind {
            ListKind::Home => format!("lists/home/{page}.json"),
            _ => format!("lists/{}/{}/{page}.json", kind.as_str(), segment(slug)),
        }
    }

    /// Where the file at content path `path` lives on disk, relative to the content folder:
    /// the path with its percent-encoding undone. URLs carry non-ASCII slugs percent-encoded
    /// (`lists/tag/caf%C3%A9/1.json`); a web server decodes the request before it looks for
    /// the file, so files and folders carry them as they are (`lists/tag/café/1.json`).
    pub fn on_disk(path: &str) -> String {
        super::percent_decode(path)
    }

    /// The route whose own data `path` is (the inverse of the paths above, for page 1 of
    /// lists): `articles/x.json` → `/article/x`. `None` for site-wide files (`site.json`,
    /// the ticker, Most Read) and later list pages.
    pub fn page_of(path: &str) -> Option<String> {
        // Another edition's file (`ar/articles/x.json`): its page is under the prefix.
        if let Some((first, rest)) = path.split_once('/') {
            if !crate::edition::RESERVED.contains(&first) {
                return page_of(rest).map(|page| crate::edition::localize(first, &page));
            }
        }
        match path {
            AUTHORS => return Some(super::authors()),
            LIVE => return Some(super::live()),
            "lists/home/1.json" => return Some(super::home()),
            _ => {}
        }
        let stem = path.strip_suffix(".json")?;
        let (folder, name) = stem.split_once('/')?;
        match folder {
            "articles" if !name.contains('/') => Some(format!("/article/{name}")),
            "pages" if !name.contains('/') => Some(format!("/page/{name}")),
            "lists" => {
                let (kind, slug) = name.strip_suffix("/1")?.split_once('/')?;
                let kind = ListKind::LISTINGS
                    .into_iter()
                    .find(|k| k.as_str() == kind)?;
                (!slug.contains('/')).then(|| format!("/{}/{slug}", kind.as_str()))
            }
            _ => None,
        }
    }
}

/// Joins a content-relative path onto the content base (`/content/` or `https://cdn.example/x/`).
/// Absolute URLs and root paths in content are kept; anything unsafe yields `None`.
pub fn resolve(base: &str, src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    if is_absolute(src) || src.starts_with('/') {
        return safe_url(src);
    }
    if src.contains(':') || src.split('/').any(|part| part == "..") {
        return None;
    }
    let base = if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    };
    Some(format!("{base}{src}"))
}

fn is_absolute(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Accepts the URL schemes content may link to: site paths, `http(s):` and `mailto:`.
/// `javascript:`, `data:`, protocol-relative `//host` and anything with control characters
/// or quotes are refused.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty()
        || url
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\')
    {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let ok = (url.starts_with('/') && !url.starts_with("//"))
        || lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || url.starts_with('#');
    ok.then(|| url.to_string())
}

/// The host of an `https:` URL (lowercased, without port), if it is one.
pub fn https_host(url: &str) -> Option<String> {
    let rest = url
        .get(..8)
        .filter(|p| p.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])?;
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.contains('@') {
        return None;
    }
    let host = authority.split(':').next()?.to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// True when a link leaves the site (opens with `rel="noopener"`).
pub fn is_external(url: &str) -> bool {
    is_absolute(url) || url.to_ascii_lowercase().starts_with("mailto:")
}

/// Percent-encodes a path segment or a query component (everything but RFC 3986 unreserved
/// characters).
pub fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes `segment`'s percent-encoding of non-ASCII characters (all a valid slug can need).
/// Escapes of ASCII bytes stay as they are, so a decoded path never gains a slash, a dot or a
/// control character; a malformed escape or a non-UTF-8 result leaves the text as it was.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) if hi >= 8 => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Reads `?page=N` from a query string value; anything invalid is page 1.
pub fn parse_page(value: Option<&str>) -> u32 {
    value
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_slugs_are_encoded_in_urls_and_plain_on_disk() {
        let url = content::list(ListKind::Tag, "café", 1);
        assert_eq!(url, "lists/tag/caf%C3%A9/1.json");
        assert_eq!(content::on_disk(&url), "lists/tag/café/1.json");
        let arabic = content::article("سوق-الكتب");
        assert!(arabic.is_ascii());
        assert_eq!(content::on_disk(&arabic), "articles/سوق-الكتب.json");
        assert_eq!(percent_decode(&segment("año-nuevo")), "año-nuevo");
        for (raw, kept) in [
            ("100%", "100%"),
            ("%zz", "%zz"),
            ("%FF", "%FF"),
            ("a%2Fb", "a%2Fb"),
            ("%2E%2E", "%2E%2E"),
        ] {
            assert_eq!(percent_decode(raw), kept, "{raw}");
        }
    }

    #[test]
    fn routes() {
        assert_eq!(article("a-b"), "/article/a-b");
        assert_eq!(tag("café"), "/tag/caf%C3%A9");
        assert_eq!(section("../x"), "/section/..%2Fx");
        assert_eq!(listing(ListKind::Home, ""), "/");
        assert_eq!(listing(ListKind::Author, "amara"), "/author/amara");
        assert_eq!(paged("/section/politics", 1), "/section/politics");
        assert_eq!(paged("/section/politics", 3), "/section/politics?page=3");
    }

    #[test]
    fn content_paths() {
        assert_eq!(content::article("x"), "articles/x.json");
        assert_eq!(content::list(ListKind::Home, "", 2), "lists/home/2.json");
        assert_eq!(
            content::list(ListKind::Tag, "a b", 1),
            "lists/tag/a%20b/1.json"
        );
        for (path, page) in [
            ("articles/x.json", Some("/article/x")),
            ("pages/about.json", Some("/page/about")),
            ("lists/home/1.json", Some("/")),
            ("lists/section/world/1.json", Some("/section/world")),
            ("lists/topic/a%20b/1.json", Some("/topic/a%20b")),
            ("lists/section/world/2.json", None),
            ("lists/home/2.json", None),
            ("lists/bogus/x/1.json", None),
            ("authors.json", Some("/authors")),
            ("live.json", Some("/live")),
            ("site.json", None),
            ("most-read.json", None),
            ("articles/a/b.json", None),
            ("ar/articles/x.json", Some("/ar/article/x")),
            ("ar/lists/home/1.json", Some("/ar/")),
            ("es/live.json", Some("/es/live")),
            ("es/site.json", None),
        ] {
            assert_eq!(content::page_of(path).as_deref(), page, "{path}");
        }
        // The inverse agrees with the forward helpers.
        for kind in ListKind::LISTINGS {
            assert_eq!(
                content::page_of(&content::list(kind, "s-1", 1)),
                Some(listing(kind, "s-1"))
            );
        }
        assert_eq!(content::page_of(&content::article("é")), Some(article("é")));
    }

    #[test]
    fn shared_copies_are_named_by_content() {
        assert_eq!(
            shared_copy("site.json", "0123456789abcdef"),
            "/shared/site.0123456789abcdef.json"
        );
        assert_eq!(
            shared_copy("lists/topic/t/1.json", "00ff"),
            "/shared/lists/topic/t/1.00ff.json"
        );
    }

    #[test]
    fn resolve_table() {
        let base = "/content/";
        for (src, want) in [
            ("images/a.svg", Some("/content/images/a.svg")),
            ("/static/a.png", Some("/static/a.png")),
            (
                "https://cdn.example/a.webp",
                Some("https://cdn.example/a.webp"),
            ),
            ("javascript:alert(1)", None),
            ("data:image/svg+xml,<svg>", None),
            ("//evil.example/a.png", None),
            ("../secret.json", None),
            ("", None),
        ] {
            assert_eq!(resolve(base, src).as_deref(), want, "{src}");
        }
        assert_eq!(
            resolve("https://cdn.example/c", "a.svg").as_deref(),
            Some("https://cdn.example/c/a.svg")
        );
    }

    #[test]
    fn safe_url_table() {
        for (url, ok) in [
            ("/article/x", true),
            ("https://example.org/a?b=c", true),
            ("mailto:desk@example.com", true),
            ("JavaScript:alert(1)", false),
            (" javascript:alert(1)", false),
            ("data:text/html,x", false),
            ("vbscript:x", false),
            ("//evil.example", false),
            ("https://x.example/\"onmouseover=\"x", false),
            ("/a\nb", false),
        ] {
            assert_eq!(safe_url(url).is_some(), ok, "{url}");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(
            https_host("https://Player.Example.com:443/embed/x?a=b").as_deref(),
            Some("player.example.com")
        );
        assert_eq!(https_host("http://player.example.com/x"), None);
        assert_eq!(https_host("https://user@evil.example/x"), None);
        assert_eq!(https_host("javascript:alert(1)"), None);
    }

    #[test]
    fn page_param() {
        assert_eq!(parse_page(None), 1);
        assert_eq!(parse_page(Some("3")), 3);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("-2")), 1);
        assert_eq!(parse_page(Some("abc")), 1);
        for (search, want) in [
            ("", 1),
            ("?page=3", 3),
            ("?utm_source=x&page=2", 2),
            ("page=0", 1),
            ("?pages=4", 1),
        ] {
            assert_eq!(page_in_query(search), want, "{search}");
        }
    }

    #[test]
    fn page_keys_ignore_campaign_parameters_but_not_the_page() {
        for (path, search, want) in [
            ("/section/world", "", "/section/world"),
            ("/section/world/", "?utm_source=x", "/section/world"),
            ("/section/world", "?page=1", "/section/world"),
            ("/section/world", "?page=2", "/section/world?page=2"),
            ("/", "?photo=2", "/"),
            ("/tag/x", "?page=3&utm_medium=y", "/tag/x?page=3"),
        ] {
            assert_eq!(page_key(path, search), want, "{path}{search}");
        }
    }

    #[test]
    fn canonical_strips_query_and_fragment() {
        for (base, path, want) in [
            (
                "https://news.example",
                "/article/a",
                "https://news.example/article/a",
            ),
            (
                "https://news.example/",
                "/article/a?utm_source=x#top",
                "https://news.example/article/a",
            ),
            (
                "https://news.example",
                "article/a",
                "https://news.example/article/a",
            ),
            ("", "/article/a", "/article/a"),
        ] {
            assert_eq!(canonical(base, path), want);
        }
    }
}
