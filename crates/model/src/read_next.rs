//! Choosing what the Read Next panel shows from the article's candidates.

use crate::list::Teaser;

/// Up to `n` candidates, skipping the current article and anything already in Most Read.
pub fn select(candidates: &[Teaser], current: &str, most_read: &[Teaser], n: usize) -> Vec<Teaser> {
    candidates
        .iter()
        .filter(|t| t.slug != current && !most_read.iter().any(|m| m.slug == t.slug))
        .take(n)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleKind, Timestamp};

    fn t(slug: &str) -> Teaser {
        Teaser {
            slug: slug.into(),
            kind: ArticleKind::News,
            headline: slug.into(),
            standfirst: String::new(),
            section: "s".into(),
            section_label: "S".into(),
            published: Timestamp::from_unix(0),
            image: None,
            authors: vec![],
            duration_seconds: None,
        }
    }

    #[test]
    fn table() {
        let c: Vec<Teaser> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|s| t(s))
            .collect();
        let slugs = |v: Vec<Teaser>| v.into_iter().map(|t| t.slug).collect::<Vec<_>>();
        assert_eq!(slugs(select(&c, "x", &[], 4)), ["a", "b", "c", "d"]);
        assert_eq!(slugs(select(&c, "a", &[t("c")], 4)), ["b", "d", "e", "f"]);
        assert_eq!(
            slugs(select(&c, "a", &[t("b"), t("c"), t("d"), t("e")], 4)),
            ["f"]
        );
        assert!(select(&[], "a", &[], 4).is_empty());
    }
}
