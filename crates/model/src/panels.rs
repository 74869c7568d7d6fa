//! What the article page's side panels show: Most Read, Coverage (the article's running story)
//! and Read Next, each without the article being read, and Read Next without Most Read's stories.

use crate::list::Teaser;
use crate::read_next;

/// How many stories each side panel shows.
pub const PANEL_ITEMS: usize = 4;

/// The stories of each panel, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Panels {
    pub most_read: Vec<Teaser>,
    /// `None` when the article has no topic (no Coverage panel at all).
    pub coverage: Option<Vec<Teaser>>,
    pub read_next: Vec<Teaser>,
}

/// Whether the panels may appear: they appear together once Most Read and (for an article with
/// a topic) the Coverage list have arrived or failed, so one arriving late never pushes another.
/// `coverage_arrived` is `None` when the article has no topic.
pub fn ready(most_read_arrived: bool, coverage_arrived: Option<bool>) -> bool {
    most_read_arrived && coverage_arrived.unwrap_or(true)
}

/// Chooses the panels for the article `current`. `coverage` is the topic's list (`None` without
/// a topic); Read Next skips everything in the whole Most Read list, not only the stories shown.
pub fn select(
    current: &str,
    most_read: &[Teaser],
    coverage: Option<&[Teaser]>,
    candidates: &[Teaser],
) -> Panels {
    Panels {
        read_next: read_next::select(candidates, current, most_read, PANEL_ITEMS),
        most_read: others(most_read, current),
        coverage: coverage.map(|list| others(list, current)),
    }
}

/// Up to [`PANEL_ITEMS`] stories of `list` other than `current`.
fn others(list: &[Teaser], current: &str) -> Vec<Teaser> {
    crate::read_next::select(list, current, &[], PANEL_ITEMS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::test_teaser as t;

    fn list(slugs: &[&str]) -> Vec<Teaser> {
        slugs.iter().map(|s| t(s)).collect()
    }

    fn slugs(v: &[Teaser]) -> Vec<&str> {
        v.iter().map(|t| t.slug.as_str()).collect()
    }

    #[test]
    fn ready_table() {
        // (most read arrived, coverage arrived (None: no topic), ready)
        let cases = [
            (false, None, false),
            (true, None, true),
            (true, Some(false), false),
            (true, Some(true), true),
            (false, Some(true), false),
        ];
        for (most, coverage, want) in cases {
            assert_eq!(ready(most, coverage), want, "{most} {coverage:?}");
        }
    }

    #[test]
    fn select_table() {
        let most = list(&["m1", "cur", "m2", "m3", "m4", "m5", "r1"]);
        let coverage = list(&["cur", "c1", "c2", "c3", "c4", "c5"]);
        let candidates = list(&["cur", "m2", "r1", "r2", "r3", "r4", "r5", "r6"]);
        let p = select("cur", &most, Some(&coverage), &candidates);
        assert_eq!(slugs(&p.most_read), ["m1", "m2", "m3", "m4"]);
        assert_eq!(
            p.coverage.as_deref().map(slugs),
            Some(vec!["c1", "c2", "c3", "c4"])
        );
        // r1 is in Most Read beyond the four shown: still skipped.
        assert_eq!(slugs(&p.read_next), ["r2", "r3", "r4", "r5"]);

        let p = select("cur", &[], None, &list(&["a", "cur"]));
        assert!(p.most_read.is_empty());
        assert_eq!(p.coverage, None);
        assert_eq!(slugs(&p.read_next), ["a"]);

        let p = select("cur", &list(&["cur"]), Some(&[]), &[]);
        assert_eq!(
            p,
            Panels {
                most_read: vec![],
                coverage: Some(vec![]),
                read_next: vec![]
            }
        );
    }
}
