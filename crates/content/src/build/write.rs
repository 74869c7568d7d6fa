//! Rendering and writing the many files of a build in parallel: one per article, one per list
//! page. An output whose key matches the manifest is not even rendered.

use super::Entry;
use crate::listing::Listing;
use crate::load::Loaded;
use crate::manifest;
use crate::output::{key, write_if_changed, Outcome, Outputs};
use crate::render::Ctx;
use newsfront_model::paginate::{page_count, page_slice, PAGE_SIZE};
use newsfront_model::{href, ArticleSource, ListPage, Teaser};
use rayon::prelude::*;
use std::path::Path;

#[allow(clippy::too_many_arguments)]
pub(super) fn write_articles(
    l: &Loaded,
    src: &Path,
    o: &mut Outputs,
    ctx: &Ctx,
    order: &[Entry],
    teasers: &[Teaser],
    teaser_keys: &[u64],
    read_next: &[Vec<u32>],
) -> Result<(), String> {
    // Everything an article file is made of besides its own source and its Read Next.
    let globals = key(|h| {
        for part in [
            serde_json::to_vec(&l.site),
            serde_json::to_vec(&l.authors),
            serde_json::to_vec(&l.topics),
        ] {
            h.bytes(&part.unwrap_or_default());
        }
        h.u64(ctx.images_key());
    });
    let out = o.root().to_path_buf();
    let done: Vec<Result<(String, u64, Outcome), String>> = order
        .par_iter()
        .enumerate()
        .map(|(id, e)| {
            // Files carry slugs as they are; URLs carry them percent-encoded.
            let rel = href::content::on_disk(&href::content::article(e.slug));
            let k = key(|h| {
                h.u64(e.source_hash).u64(globals);
                for link in &e.summary.links {
                    h.str(link);
                    match ctx.headline(link) {
                        Some(headline) => h.u64(1).str(headline),
                        None => h.u64(0),
                    };
                }
                for &c in &read_next[id] {
                    h.str(order[c as usize].slug).u64(teaser_keys[c as usize]);
                }
            });
            if o.is_fresh(&rel, k) {
                return Ok((rel, k, Outcome::Fresh));
            }
            let file = src.join("articles").join(format!("{}.json", e.slug));
            let bytes = std::fs::read(&file).map_err(|err| format!("{}: {err}", file.display()))?;
            if manifest::hash_bytes(&bytes) != e.source_hash {
                return Err(format!(
                    "{}: changed during the build; run it again",
                    file.display()
                ));
            }
            let source: ArticleSource = serde_json::from_slice(&bytes)
                .map_err(|err| format!("{}: {err}", file.display()))?;
            let next = read_next[id]
                .iter()
                .map(|&c| teasers[c as usize].clone())
                .collect();
            let text = serde_json::to_vec(&ctx.article(&source, next))
                .map_err(|err| format!("{rel}: {err}"))?;
            Ok((rel.clone(), k, write_if_changed(&out, &rel, &text)?))
        })
        .collect();
    for r in done {
        let (rel, k, outcome) = r?;
        o.record(rel, k, outcome);
    }
    Ok(())
}

pub(super) fn write_lists(
    o: &mut Outputs,
    lists: &[Listing],
    teasers: &[Teaser],
    teaser_keys: &[u64],
) -> Result<usize, String> {
    let pages: Vec<(&Listing, u32)> = lists
        .iter()
        .flat_map(|list| (1..=page_count(list.ids.len(), PAGE_SIZE)).map(move |p| (list, p)))
        .collect();
    let out = o.root().to_path_buf();
    let done: Vec<Result<(String, u64, Outcome), String>> = pages
        .par_iter()
        .map(|&(list, page)| {
            let rel = href::content::on_disk(&href::content::list(list.kind, &list.slug, page));
            let total_pages = page_count(list.ids.len(), PAGE_SIZE);
            let ids = page_slice(&list.ids, page, PAGE_SIZE);
            let k = key(|h| {
                h.str(&list.title);
                match &list.description {
                    Some(d) => h.u64(1).str(d),
                    None => h.u64(0),
                };
                h.u64(u64::from(total_pages)).u64(list.ids.len() as u64);
                for &i in ids {
                    h.u64(teaser_keys[i as usize]);
                }
            });
            if o.is_fresh(&rel, k) {
                return Ok((rel, k, Outcome::Fresh));
            }
            let page_file = ListPage {
                kind: list.kind,
                slug: list.slug.clone(),
                title: list.title.clone(),
                description: list.description.clone(),
                page,
                total_pages,
                total_items: list.ids.len() as u32,
                items: ids.iter().map(|&i| teasers[i as usize].clone()).collect(),
            };
            let text = serde_json::to_vec(&page_file).map_err(|err| format!("{rel}: {err}"))?;
            Ok((rel.clone(), k, write_if_changed(&out, &rel, &text)?))
        })
        .collect();
    let count = done.len();
    for r in done {
        let (rel, k, outcome) = r?;
        o.record(rel, k, outcome);
    }
    Ok(count)
}
