//! Read Next, both halves: ranking every article's candidates at build time (the content tool)
//! and choosing what the panel shows from them (the page).
//!
//! Ranking: a candidate scores [`TOPIC_WEIGHT`] for the same topic, [`SECTION_WEIGHT`] for the
//! same section and [`TAG_WEIGHT`] for each tag slug both articles carry; only candidates that
//! score are kept. Higher scores first; ties go to the newer article, then to the smaller slug.
//! The caller numbers the articles in exactly that tie order (newest first, slug as tie-break),
//! so "earlier id" is the whole tie-break here.
//!
//! [`Index::rank`] finds the best candidates from inverted lists (topic, section, tag and pairs of
//! them → ids ascending) without looking at most articles: level by level from the highest score
//! ([`levels`]), or for articles with very many tags by walking the single lists with early
//! termination ([`walk`]). It returns exactly what [`rank_naive`], the pairwise definition,
//! returns; the tests below hold it to that on random corpora.

use crate::list::Teaser;
use std::collections::HashMap;

mod levels;
mod walk;

pub const TOPIC_WEIGHT: u32 = 3;
pub const SECTION_WEIGHT: u32 = 2;
pub const TAG_WEIGHT: u32 = 1;

/// What ranking knows of one article; names are interned to small ids by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    topic: Option<u32>,
    section: u32,
    /// Distinct tag slug ids, ascending.
    tags: Vec<u32>,
}

impl Features {
    pub fn new(topic: Option<u32>, section: u32, mut tags: Vec<u32>) -> Features {
        tags.sort_unstable();
        tags.dedup();
        Features {
            topic,
            section,
            tags,
        }
    }
}

/// How well `b` suits as Read Next for `a` (0: not a candidate).
pub fn score(a: &Features, b: &Features) -> u32 {
    let mut s = 0;
    if a.topic.is_some() && a.topic == b.topic {
        s += TOPIC_WEIGHT;
    }
    if a.section == b.section {
        s += SECTION_WEIGHT;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.tags.len() && j < b.tags.len() {
        match a.tags[i].cmp(&b.tags[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += TAG_WEIGHT;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The pairwise definition: every other article scored, best `n` by (score, id). Quadratic over
/// a corpus; the reference [`Index::rank`] is tested against.
pub fn rank_naive(items: &[Features], id: u32, n: usize) -> Vec<u32> {
    let a = &items[id as usize];
    let mut scored: Vec<(u32, u32)> = (0..items.len() as u32)
        .filter(|&o| o != id)
        .map(|o| (score(a, &items[o as usize]), o))
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    scored.into_iter().take(n).map(|(_, o)| o).collect()
}

/// Articles with more tags than this are kept out of the tag-pair lists (an article with a
/// thousand tags would add half a million entries); they are scored directly instead, and as the
/// article being ranked they use the plain walk over single lists.
const WIDE: usize = 16;

type Lists = HashMap<(u32, u32), Vec<u32>>;
type Lists3 = HashMap<(u32, u32, u32), Vec<u32>>;
type Lists4 = HashMap<(u32, u32, u32, u32), Vec<u32>>;

/// Inverted lists over articles numbered in ranking order (id 0 is the newest): per topic,
/// section and tag, and per pair of them, each ascending.
pub struct Index<'a> {
    items: &'a [Features],
    by_topic: Vec<Vec<u32>>,
    by_section: Vec<Vec<u32>>,
    by_tag: Vec<Vec<u32>>,
    topic_section: Lists,
    topic_tag: Lists,
    section_tag: Lists,
    tag_pair: Lists,
    topic_section_tag: Lists3,
    /// Per (section, tag pair), (topic, tag pair), (topic, section, tag pair): where candidates
    /// sharing two tags and a class are found without scanning all that share the two tags.
    section_pair: Lists3,
    topic_pair: Lists3,
    topic_section_pair: Lists4,
    /// Articles with more than [`WIDE`] tags (not in `tag_pair`).
    wide: Vec<u32>,
}

impl<'a> Index<'a> {
    pub fn new(items: &'a [Features]) -> Index<'a> {
        let mut index = Index {
            items,
            by_topic: Vec::new(),
            by_section: Vec::new(),
            by_tag: Vec::new(),
            topic_section: Lists::new(),
            topic_tag: Lists::new(),
            section_tag: Lists::new(),
            tag_pair: Lists::new(),
            topic_section_tag: Lists3::new(),
            section_pair: Lists3::new(),
            topic_pair: Lists3::new(),
            topic_section_pair: Lists4::new(),
            wide: Vec::new(),
        };
        fn push(lists: &mut Vec<Vec<u32>>, key: u32, id: u32) {
            let key = key as usize;
            if lists.len() <= key {
                lists.resize_with(key + 1, Vec::new);
            }
            lists[key].push(id);
        }
        for (id, f) in items.iter().enumerate() {
            let id = id as u32;
            push(&mut index.by_section, f.section, id);
            if let Some(t) = f.topic {
                push(&mut index.by_topic, t, id);
                index
                    .topic_section
                    .entry((t, f.section))
                    .or_default()
                    .push(id);
                for &tag in &f.tags {
                    index.topic_tag.entry((t, tag)).or_default().push(id);
                    index
                        .topic_section_tag
                        .entry((t, f.section, tag))
                        .or_default()
                        .push(id);
                }
            }
            for &tag in &f.tags {
                push(&mut index.by_tag, tag, id);
                index
                    .section_tag
                    .entry((f.section, tag))
                    .or_default()
                    .push(id);
            }
            if f.tags.len() > WIDE {
                index.wide.push(id);
            } else {
                for (i, &x) in f.tags.iter().enumerate() {
                    for &y in &f.tags[i + 1..] {
                        index.tag_pair.entry((x, y)).or_default().push(id);
                        index
                            .section_pair
                            .entry((f.section, x, y))
                            .or_default()
                            .push(id);
                        if let Some(t) = f.topic {
                            index.topic_pair.entry((t, x, y)).or_default().push(id);
                            index
                                .topic_section_pair
                                .entry((t, f.section, x, y))
                                .or_default()
                                .push(id);
                        }
                    }
                }
            }
        }
        index
    }

    fn list(lists: &[Vec<u32>], key: u32) -> &[u32] {
        lists.get(key as usize).map_or(&[], Vec::as_slice)
    }

    /// The list under `key` in a map of lists (empty when none).
    fn keyed<K: std::hash::Hash + Eq>(lists: &HashMap<K, Vec<u32>>, key: K) -> &[u32] {
        lists.get(&key).map_or(&[], Vec::as_slice)
    }

    /// The best `n` candidates for article `id`, best first (same answer as [`rank_naive`]).
    pub fn rank(&self, id: u32, n: usize) -> Vec<u32> {
        match self.items.get(id as usize) {
            None => Vec::new(),
            Some(a) if a.tags.len() > WIDE => walk::rank(self, a, id, n),
            Some(a) => levels::rank(self, a, id, n),
        }
    }
}

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
    use crate::list::test_teaser as t;

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

    fn f(topic: Option<u32>, section: u32, tags: &[u32]) -> Features {
        Features::new(topic, section, tags.to_vec())
    }

    #[test]
    fn score_table() {
        for (a, b, want) in [
            (f(Some(1), 1, &[]), f(Some(1), 1, &[]), 5),
            (f(Some(1), 1, &[]), f(Some(2), 1, &[]), 2),
            (f(None, 1, &[]), f(None, 2, &[]), 0),
            // No topic on either side is not a shared topic.
            (f(None, 1, &[]), f(None, 1, &[]), 2),
            (f(None, 1, &[1, 2, 3]), f(None, 2, &[3, 2, 9]), 2),
            // A tag slug counts once however often an article repeats it.
            (f(None, 1, &[4, 4]), f(None, 2, &[4, 4, 4]), 1),
            (f(Some(7), 1, &[1, 2]), f(Some(7), 1, &[1, 2]), 7),
        ] {
            assert_eq!(score(&a, &b), want, "{a:?} / {b:?}");
        }
    }

    #[test]
    fn rank_table() {
        // Ids are ranking order: 0 is the newest.
        let items = [
            f(None, 1, &[10]),     // 0
            f(Some(5), 2, &[]),    // 1
            f(Some(5), 1, &[]),    // 2
            f(None, 1, &[10, 11]), // 3
            f(None, 3, &[11]),     // 4
            f(None, 9, &[]),       // 5
        ];
        let index = Index::new(&items);
        for (id, n, want) in [
            (3, 8, vec![0, 2, 4]),
            (2, 8, vec![1, 0, 3]),
            (2, 2, vec![1, 0]),
            (5, 8, vec![]),
            (0, 0, vec![]),
            (0, 1, vec![3]),
        ] {
            assert_eq!(index.rank(id, n), want, "article {id}, n {n}");
            assert_eq!(
                rank_naive(&items, id, n),
                want,
                "naive: article {id}, n {n}"
            );
        }
    }

    /// The index must give exactly the pairwise answer, on corpora with crowded and sparse lists.
    #[test]
    fn index_matches_pairwise_on_random_corpora() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % u64::from(n)) as u32
        };
        for round in 0..24 {
            let count = 1 + next(200) as usize;
            let (topics, sections, tags) = (1 + next(6), 1 + next(12), 1 + next(40));
            let items: Vec<Features> = (0..count)
                .map(|_| {
                    let topic = (next(3) == 0).then(|| next(topics));
                    // Now and then an article with more tags than the pair lists take.
                    let k = if next(12) == 0 { 17 + next(4) } else { next(6) };
                    f(
                        topic,
                        next(sections),
                        &(0..k).map(|_| next(tags)).collect::<Vec<_>>(),
                    )
                })
                .collect();
            let index = Index::new(&items);
            for id in 0..count as u32 {
                for n in [1, 3, 8] {
                    assert_eq!(
                        index.rank(id, n),
                        rank_naive(&items, id, n),
                        "round {round}, article {id}, n {n}"
                    );
                }
            }
        }
    }
}
