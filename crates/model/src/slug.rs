//! Slugs: the one rule for every name that becomes a URL segment and a file name (articles,
//! pages, sections, regions, tags, topics, authors), in any script.
//!
//! A slug is Unicode in NFC, lower-case where the script has case, made of letters, digits and
//! combining marks (Arabic vowel signs stay on their letter) in runs joined by single hyphens:
//! no spaces, slashes, dots or other punctuation. Arabic slugs are normal on Arabic news sites,
//! so `سوق-الكتب` is as valid as `book-market`. URLs carry slugs percent-encoded; files on disk
//! carry them as they are (see `href::content`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The longest slug accepted, in characters.
pub const MAX_CHARS: usize = 120;

/// Turns a label into a slug under the rule above; any other character separates words.
pub fn slugify(label: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in label.nfc() {
        if c.is_alphanumeric() || (is_combining_mark(c) && !out.is_empty() && !pending_dash) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    // Lower-casing can decompose (e.g. `İ`); bring the result back to NFC.
    out.nfc().collect()
}

/// True for a slug content may use: non-empty, at most `MAX_CHARS` characters, and already in
/// the form `slugify` gives (so a valid slug is its own slug).
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty() && slug.chars().count() <= MAX_CHARS && slugify(slug) == slug
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
            // Decomposed é (e + U+0301) becomes the composed form.
            ("Cafe\u{301} Society", "café-society"),
            ("سوق الكتب", "سوق-الكتب"),
            // Arabic vowel marks stay with their letters.
            ("مَدِينَة الملح", "مَدِينَة-الملح"),
            ("Año Nuevo / 2026", "año-nuevo-2026"),
            ("!!!", ""),
        ] {
            assert_eq!(slugify(label), slug, "{label}");
        }
    }

    #[test]
    fn slug_validity() {
        for ok in [
            "a",
            "politics",
            "us-canada",
            "episode-3",
            "café",
            "سوق-الكتب",
            "año-nuevo",
        ] {
            assert!(is_valid_slug(ok), "{ok}");
        }
        let too_long = "a".repeat(MAX_CHARS + 1);
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "Año",
            "a b",
            "a/b",
            "../x",
            "a.b",
            "a%20b",
            "cafe\u{301}",
            "\u{301}a",
            too_long.as_str(),
        ] {
            assert!(!is_valid_slug(bad), "{bad:?}");
        }
    }
}
