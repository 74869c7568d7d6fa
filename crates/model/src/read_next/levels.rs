//! Ranking score level by score level. A candidate's score is its class (same topic and section
//! 5, topic only 3, section only 2, neither 0) plus the tags it shares. Everything sharing two
//! tags or more comes from the tag-pair lists and is scored directly (few: two tags in common
//! is rare); each (class, one tag / no tag) group has a fixed score and comes, in id order, from
//! the smallest list that holds it (section ∩ tag, topic ∩ section, ...). From the highest level
//! down, the level's sources are merged by id until `n` are taken: a level is read only as far
//! as needed, and lower levels not at all.

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
enum Source<'a> {
    Scored(std::vec::IntoIter<u32>),
    Group(Group<'a>, &'a Index<'a>, &'a Features, u32),
}

impl Iterator for Source<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let (g, index, a, id) = match self {
            Source::Scored(ids) => return ids.next(),
            Source::Group(g, index, a, id) => (g, index, a, id),
        };
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
    // Sharing two tags or more: scored directly.
    let mut pairs: Vec<u32> = Vec::new();
    for (i, &x) in a.tags.iter().enumerate() {
        for &y in &a.tags[i + 1..] {
            pairs.extend_from_slice(Index::pair(&index.tag_pair, (x, y)));
        }
    }
    pairs.extend_from_slice(&index.wide);
    pairs.sort_unstable();
    pairs.dedup();
    let mut scored: Vec<(u32, u32)> = pairs
        .into_iter()
        .filter(|&c| c != id)
        .filter_map(|c| {
            let r = relation(a, &index.items[c as usize]);
            (r.2 >= 2).then(|| (weigh(r), c))
        })
        .collect();
    scored.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));

    let (s, tags) = (a.section, &a.tags);
    let each_tag = |lists: &'a super::Lists, first: u32| -> Vec<&'a [u32]> {
        tags.iter()
            .map(|&t| Index::pair(lists, (first, t)))
            .collect()
    };
    let mut groups: Vec<(Vec<&[u32]>, Relation)> = Vec::new();
    if let Some(t) = a.topic {
        let exact = |tag| {
            index
                .topic_section_tag
                .get(&(t, s, tag))
                .map_or(&[][..], Vec::as_slice)
        };
        groups.push((tags.iter().map(|&x| exact(x)).collect(), (true, true, 1)));
        groups.push((
            vec![Index::pair(&index.topic_section, (t, s))],
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
    let mut at = 0;
    for level in (1..=max).rev() {
        if top.len() >= n {
            break;
        }
        let first = at;
        while at < scored.len() && scored[at].0 == level {
            at += 1;
        }
        let mut sources: Vec<std::iter::Peekable<Source>> = vec![Source::Scored(
            scored[first..at]
                .iter()
                .map(|&(_, c)| c)
                .collect::<Vec<_>>()
                .into_iter(),
        )
        .peekable()];
        let (now, later): (Vec<Group>, Vec<Group>) =
            groups.into_iter().partition(|g| g.score == level);
        groups = later;
        sources.extend(
            now.into_iter()
                .map(|g| Source::Group(g, index, a, id).peekable()),
        );
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
