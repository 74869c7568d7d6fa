//! Ranking by walking the single lists (topic, section, each tag) in id order, MaxScore style:
//! once the top `n` are full, lists whose weights together cannot lift an unseen (hence later)
//! candidate above the `n`th score are no longer walked. Used for articles with very many tags,
//! where the tag-pair lists of [`super::levels`] would be too many.

use super::{score, Features, Index, SECTION_WEIGHT, TAG_WEIGHT, TOPIC_WEIGHT};

/// One inverted list being walked.
struct Cursor<'a> {
    weight: u32,
    ids: &'a [u32],
    at: usize,
    essential: bool,
}

impl Cursor<'_> {
    fn head(&self) -> Option<u32> {
        self.ids.get(self.at).copied()
    }
}

pub(super) fn rank(index: &Index, a: &Features, id: u32, n: usize) -> Vec<u32> {
    let mut lists: Vec<Cursor> = Vec::with_capacity(a.tags.len() + 2);
    let mut add = |weight, ids| {
        lists.push(Cursor {
            weight,
            ids,
            at: 0,
            essential: true,
        })
    };
    if let Some(t) = a.topic {
        add(TOPIC_WEIGHT, Index::list(&index.by_topic, t));
    }
    add(SECTION_WEIGHT, Index::list(&index.by_section, a.section));
    for &t in &a.tags {
        add(TAG_WEIGHT, Index::list(&index.by_tag, t));
    }
    let total: u32 = lists.iter().map(|l| l.weight).sum();
    // (score, id), best first; ids arrive ascending, so a later equal score never displaces.
    let mut top: Vec<(u32, u32)> = Vec::with_capacity(n + 1);
    let mut threshold = 0;
    if n == 0 {
        return Vec::new();
    }
    loop {
        let mut next = u32::MAX;
        for l in lists.iter().filter(|l| l.essential) {
            if let Some(h) = l.head() {
                next = next.min(h);
            }
        }
        if next == u32::MAX {
            break;
        }
        for l in lists.iter_mut().filter(|l| l.essential) {
            if l.head() == Some(next) {
                l.at += 1;
            }
        }
        if next == id {
            continue;
        }
        let s = score(a, &index.items[next as usize]);
        if top.len() == n && s <= threshold {
            continue;
        }
        let at = top.partition_point(|&(t, _)| t >= s);
        top.insert(at, (s, next));
        top.truncate(n);
        if top.len() == n && top[n - 1].0 > threshold {
            threshold = top[n - 1].0;
            if threshold >= total {
                break;
            }
            choose_essential(&mut lists, threshold, next);
        }
    }
    top.into_iter().map(|(_, o)| o).collect()
}

/// Marks as non-essential a set of lists whose weights add up to at most `threshold` (an unseen
/// candidate found only in them cannot beat the `n`th), preferring the longest remainders. A list
/// walked again skips to after `seen`, the last id taken from the stream.
fn choose_essential(lists: &mut [Cursor], threshold: u32, seen: u32) {
    let mut by_len: Vec<usize> = (0..lists.len()).collect();
    by_len.sort_by_key(|&i| std::cmp::Reverse(lists[i].ids.len() - lists[i].at));
    let mut skipped = 0;
    for i in by_len {
        let l = &mut lists[i];
        l.essential = skipped + l.weight > threshold;
        if l.essential {
            l.at += l.ids[l.at..].partition_point(|&x| x <= seen);
        } else {
            skipped += l.weight;
        }
    }
}
