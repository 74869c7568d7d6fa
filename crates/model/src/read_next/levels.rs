//! Ranking score level by score level. A candidate's score is its class (same topic and section
//! 5, topic only 3, section only 2, neither 0) plus the tags it shares. Each (class, shared tags)
//! group has a fixed score and comes, in id order, from the smallest lists that hold it: for no
//! or one shared tag, topic ∩ section ∩ tag, section ∩ tag, ...; for two or more, the pair lists
//! of the class (topic ∩ section ∩ tag pair, topic ∩ tag pair, section ∩ tag pair, tag pair) plus
//! the few articles with too many tags for pair lists. From the highest level down, the level's
//! sources are merged by id until `n` are taken: a level is read only as far as needed, and lower
//! levels not at all. (Scoring every article that shares two tags instead grew with the square of
//! the corpus when tags come from a small vocabulary: 36 s of ranking at 1,000,000 articles.)

use super::{Features, Index, SECTION_WEIGHT, TAG_WEIGHT, TOPIC_WEIGHT};

/// How `b` relates to `a`: same topic, same section, number of shared tags.
type Relation = (bool, bool, u32);

fn relation(a: &Features, b: &Features) -> Relation {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.tags.len() && j < b.tags.len() {
        match a.tags[i].cmp(&b.tags[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (
        a.topic.is_some() && a.topic == b.topic,
        a.section == b.section,
        shared,
    )
}

fn weigh((topic, section, shared): Relation) -> u32 {
    u32::from(topic) * TOPIC_WEIGHT + u32::from(section) * SECTION_WEIGHT + shared * TAG_WEIGHT
}

/// The members of some lists (merged by id) that relate to `a` exactly as `want` says.
struct Group<'a> {
    score: u32,
    sources: Vec<(&'a [u32], usize)>,
    want: Relation,
}

/// One level's supply of candidates, in id order.
struct Source<'a>(Group<'a>, &'a Index<'a>, &'a Features, u32);

impl Iterator for Source<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let Source(g, index, a, id) = self;
        loop {
            let next = g
                .sources
                .iter()
                .filter_map(|(l, at)| l.get(*at))
                .min()
                .copied()?;
            for (l, at) in &mut g.sources {
                if l.get(*at) == Some(&next) {
                    *at += 1;
                }
            }
            if next != *id && relation(a, &index.items[next as usize]) == g.want {
                return Some(next);
            }
        }
    }
}

pub(super) fn rank<'a>(index: &'a Index<'a>, a: &'a Features, id: u32, n: usize) -> Vec<u32> {
    let (s, tags) = (a.section, &a.tags);
    let each_tag = |lists: &'a super::Lists, first: u32| -> Vec<&'a [u32]> {
        tags.iter()
            .map(|&t| Index::keyed(lists, (first, t)))
            .collect()
    };
    let mut groups: Vec<(Vec<&[u32]>, Relation)> = Vec::new();
    if let Some(t) = a.topic {
        groups.push((
            tags.iter()
                .map(|&x| Index::keyed(&index.topic_section_tag, (t, s, x)))
                .collect(),
            (true, true, 1),
        ));
        groups.push((
            vec![Index::keyed(&index.topic_section, (t, s))],
            (true, true, 0),
        ));
        groups.push((each_tag(&index.topic_tag, t), (true, false, 1)));
        groups.push((vec![Index::list(&index.by_topic, t)], (true, false, 0)));
    }
    groups.push((each_tag(&index.section_tag, s), (false, true, 1)));
    groups.push((vec![Index::list(&index.by_section, s)], (false, true, 0)));
    groups.push((
        tags.iter()
            .map(|&t| Index::list(&index.by_tag, t))
            .collect(),
        (false, false, 1),
    ));
    // Two shared tags or more, per class: the class's pair lists (and the wide articles).
    let pairs: Vec<(u32, u32)> = tags
        .iter()
        .enumerate()
        .flat_map(|(i, &x)| tags[i + 1..].iter().map(move |&y| (x, y)))
        .collect();
    let per_pair = |list: &dyn Fn((u32, u32)) -> &'a [u32]| -> Vec<&'a [u32]> {
        pairs.iter().map(|&p| list(p)).collect()
    };
    let mut classes: Vec<(bool, bool, Vec<&[u32]>)> = Vec::new();
    if let Some(t) = a.topic {
        classes.push((
            true,
            true,
            per_pair(&|(x, y)| Index::keyed(&index.topic_section_pair, (t, s, x, y))),
        ));
        classes.push((
            true,
            false,
            per_pair(&|(x, y)| Index::keyed(&index.topic_pair, (t, x, y))),
        ));
    }
    classes.push((
        false,
        true,
        per_pair(&|(x, y)| Index::keyed(&index.section_pair, (s, x, y))),
    ));
    classes.push((
        false,
        false,
        per_pair(&|pair| Index::keyed(&index.tag_pair, pair)),
    ));
    for (topic, section, mut lists) in classes {
        lists.push(&index.wide);
        for shared in 2..=tags.len() as u32 {
            groups.push((lists.clone(), (topic, section, shared)));
        }
    }
    let mut groups: Vec<Group> = groups
        .into_iter()
        .map(|(lists, want)| Group {
            score: weigh(want),
            sources: lists.into_iter().map(|l| (l, 0)).collect(),
            want,
        })
        .collect();

    let mut top = Vec::with_capacity(n);
    let max = weigh((a.topic.is_some(), true, a.tags.len() as u32));
    for level in (1..=max).rev() {
        if top.len() >= n {
            break;
        }
        let (now, later): (Vec<Group>, Vec<Group>) =
            groups.into_iter().partition(|g| g.score == level);
        groups = later;
        let mut sources: Vec<std::iter::Peekable<Source>> = now
            .into_iter()
            .map(|g| Source(g, index, a, id).peekable())
            .collect();
        while top.len() < n {
            let best = sources
                .iter_mut()
                .enumerate()
                .filter_map(|(i, s)| s.peek().map(|&c| (c, i)))
                .min();
            let Some((c, i)) = best else { break };
            sources[i].next();
            top.push(c);
        }
    }
    top
}
