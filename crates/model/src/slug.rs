//! Slugs: the URL-safe names of tags and the check every slug in content must pass.

/// Turns a label into a slug: lowercase ASCII letters and digits separated by single hyphens.
/// Non-ASCII letters are kept (lowercased) so tags in any script get a usable slug.
pub fn slugify(label: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// True for a slug we accept in content: non-empty, `a-z0-9` and single inner hyphens, ≤ 120 chars.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_table() {
        for (label, slug) in [
            ("Port of Valmora", "port-of-valmora"),
            ("Arts & Culture", "arts-culture"),
            ("  US & Canada ", "us-canada"),
            ("COVID-19", "covid-19"),
            ("Café Society", "café-society"),
            ("!!!", ""),
        ] {
            assert_eq!(slugify(label), slug, "{label}");
        }
    }

    #[test]
    fn slug_validity() {
        for ok in ["a", "politics", "us-canada", "episode-3"] {
            assert!(is_valid_slug(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "../x", "é"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
