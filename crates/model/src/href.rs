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

/// A duration as "1:05" or "1:02:03".
pub fn duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// True when a link leaves the site (opens with `rel="noopener"`).
pub fn is_external(url: &str) -> bool {
    is_absolute(url) || url.to_ascii_lowercase().starts_with("mailto:")
}

/// Percent-encodes a path segment (everything but RFC 3986 unreserved characters).
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
    fn hosts_and_durations() {
        assert_eq!(
            https_host("https://Player.Example.com:443/embed/x?a=b").as_deref(),
            Some("player.example.com")
        );
        assert_eq!(https_host("http://player.example.com/x"), None);
        assert_eq!(https_host("https://user@evil.example/x"), None);
        assert_eq!(https_host("javascript:alert(1)"), None);
        for (s, want) in [(0, "0:00"), (65, "1:05"), (600, "10:00"), (3723, "1:02:03")] {
            assert_eq!(duration(s), want);
        }
    }

    #[test]
    fn page_param() {
        assert_eq!(parse_page(None), 1);
        assert_eq!(parse_page(Some("3")), 3);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("-2")), 1);
        assert_eq!(parse_page(Some("abc")), 1);
    }
}
