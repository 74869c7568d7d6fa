//! Every listing the site links to (home, sections, regions, tags, topics, authors), filled in
//! one pass over the articles in ranking order, so each list comes out sorted.

use crate::build::Entry;
use crate::load::Loaded;
use newsfront_model::{ListKind, Site};
use std::collections::HashMap;

/// One listing before pagination: its heading and its articles (ids in ranking order).
pub struct Listing {
    pub kind: ListKind,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub ids: Vec<u32>,
}

/// `order[id]` is article `id` (newest first, slug as tie-break); `tags[t]` is tag `t`'s slug
/// and label.
pub fn listings(
    l: &Loaded,
    site: &Site,
    order: &[Entry],
    tags: &[(String, String)],
) -> Vec<Listing> {
    let mut lists = Vec::new();
    // Where an article's id goes, by (kind, slug) of the listing.
    let mut slot: HashMap<(ListKind, &str), Vec<usize>> = HashMap::new();
    let add = |lists: &mut Vec<Listing>, kind, slug: &str, title: &str, description| {
        lists.push(Listing {
            kind,
            slug: slug.to_string(),
            title: title.to_string(),
            description,
            ids: Vec::new(),
        });
        lists.len() - 1
    };
    let home = add(
        &mut lists,
        ListKind::Home,
        "",
        &site.name,
        Some(site.slogan.clone()),
    );
    for top in site.nav.iter().filter(|n| !n.live) {
        // A top-level section lists its own articles and its children's.
        let parent = add(
            &mut lists,
            ListKind::Section,
            &top.slug,
            &top.label,
            top.description.clone(),
        );
        slot.entry((ListKind::Section, top.slug.as_str()))
            .or_default()
            .push(parent);
        for child in &top.children {
            let i = add(
                &mut lists,
                ListKind::Section,
                &child.slug,
                &child.label,
                child.description.clone(),
            );
            slot.entry((ListKind::Section, child.slug.as_str()))
                .or_default()
                .extend([parent, i]);
        }
    }
    for r in &site.regions {
        let i = add(&mut lists, ListKind::Region, &r.slug, &r.label, None);
        slot.entry((ListKind::Region, r.slug.as_str()))
            .or_default()
            .push(i);
    }
    let tag_lists: Vec<usize> = tags
        .iter()
        .map(|(slug, label)| add(&mut lists, ListKind::Tag, slug, label, None))
        .collect();
    for t in l.topics.iter().flat_map(|t| &t.topics) {
        let i = add(
            &mut lists,
            ListKind::Topic,
            &t.slug,
            &t.title,
            Some(t.description.clone()),
        );
        slot.entry((ListKind::Topic, t.slug.as_str()))
            .or_default()
            .push(i);
    }
    for a in l.authors.iter().flat_map(|a| &a.authors) {
        let bio = (!a.bio.is_empty()).then(|| a.bio.clone());
        let i = add(&mut lists, ListKind::Author, &a.slug, &a.name, bio);
        slot.entry((ListKind::Author, a.slug.as_str()))
            .or_default()
            .push(i);
    }

    let mut targets: Vec<usize> = Vec::new();
    for (id, e) in order.iter().enumerate() {
        let a = e.summary;
        targets.clear();
        targets.push(home);
        let mut add_slot = |kind, slug: &str| {
            if let Some(v) = slot.get(&(kind, slug)) {
                targets.extend(v);
            }
        };
        add_slot(ListKind::Section, &a.section);
        if let Some(r) = &a.region {
            add_slot(ListKind::Region, r);
        }
        if let Some(t) = &a.topic {
            add_slot(ListKind::Topic, t);
        }
        for s in &a.authors {
            add_slot(ListKind::Author, s);
        }
        targets.extend(e.tags.iter().map(|&t| tag_lists[t as usize]));
        // Once per listing, however often an article names the same author, tag or section.
        targets.sort_unstable();
        targets.dedup();
        for &i in &targets {
            lists[i].ids.push(id as u32);
        }
    }
    lists
}
