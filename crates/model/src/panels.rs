//! What the article page's side panels show: Most Read, Coverage (the article's running story)
//! and Read Next, each without the article being read, and Read Next without Most Read's stories.

use crate::list::Teaser;
use crate::read_next;

/// How many stories each side panel shows.
pub const PANEL_ITEMS: usize = 4;

/// The stories of the Most Read and Read Next panels, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Panels {
    pub most_read: Vec<Teaser>,
    pub read_next: Vec<Teaser>,
}

/// Chooses the panels for the article `current`; Read Next skips everything in the whole Most
/// Read list, not only the stories shown.
pub fn select(current: &str, most_read: &[Teaser], candidates: &[Teaser]) -> Panels {
    Panels {
        read_next: read_next::select(candidates, current, most_read, PANEL_ITEMS),
        most_read: others(most_read, current),
    }
}

/// The Coverage panel (the article's running story, from its topic's list; loaded after the
/// others, so it depends on nothing they show).
pub fn coverage(list: &[Teaser], current: &str) -> Vec<Teaser> {
    others(list, current)
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
    fn select_table() {
        let most = list(&["m1", "cur", "m2", "m3", "m4", "m5", "r1"]);
        let cover = list(&["cur", "c1", "c2", "c3", "c4", "c5"]);
        let candidates = list(&["cur", "m2", "r1", "r2", "r3", "r4", "r5", "r6"]);
        let p = select("cur", &most, &candidates);
        assert_eq!(slugs(&p.most_read), ["m1", "m2", "m3", "m4"]);
        assert_eq!(slugs(&coverage(&cover, "cur")), ["c1", "c2", "c3", "c4"]);
        // r1 is in Most Read beyond the four shown: still skipped.
        assert_eq!(slugs(&p.read_next), ["r2", "r3", "r4", "r5"]);

        let p = select("cur", &[], &list(&["a", "cur"]));
        assert!(p.most_read.is_empty());
        assert_eq!(slugs(&p.read_next), ["a"]);

        let p = select("cur", &list(&["cur"]), &[]);
        assert_eq!(
            p,
            Panels {
                most_read: vec![],
                read_next: vec![]
            }
        );
        assert!(coverage(&list(&["cur"]), "cur").is_empty());
    }
}
