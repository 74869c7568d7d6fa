//! Pagination arithmetic shared by the content tool (writing list files) and the views (links).

/// Teasers per list page.
pub const PAGE_SIZE: usize = 20;

/// Number of pages for `total` items (an empty list still has one, empty, page).
pub fn page_count(total: usize, per_page: usize) -> u32 {
    let per_page = per_page.max(1);
    total.div_ceil(per_page).max(1) as u32
}

/// The items of 1-based page `page`; empty when out of range.
pub fn page_slice<T>(items: &[T], page: u32, per_page: usize) -> &[T] {
    let per_page = per_page.max(1);
    let start = (page.max(1) as usize - 1).saturating_mul(per_page);
    if start >= items.len() {
        return &[];
    }
    &items[start..(start + per_page).min(items.len())]
}

/// Which page links to show: first, last, current ±1, with `None` for a gap ("…").
pub fn window(current: u32, total: u32) -> Vec<Option<u32>> {
    let mut pages: Vec<u32> = [1, current.saturating_sub(1), current, current + 1, total]
        .into_iter()
        .filter(|&p| p >= 1 && p <= total)
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let mut out = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        if i > 0 && p - pages[i - 1] > 1 {
            out.push(None);
        }
        out.push(Some(*p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        for (total, pages) in [(0, 1), (1, 1), (20, 1), (21, 2), (40, 2), (41, 3)] {
            assert_eq!(page_count(total, 20), pages, "{total}");
        }
    }

    #[test]
    fn slices() {
        let v: Vec<u32> = (1..=45).collect();
        assert_eq!(page_slice(&v, 1, 20).len(), 20);
        assert_eq!(page_slice(&v, 3, 20), &[41, 42, 43, 44, 45]);
        assert!(page_slice(&v, 4, 20).is_empty());
        assert_eq!(page_slice(&v, 0, 20)[0], 1);
    }

    #[test]
    fn windows() {
        assert_eq!(window(1, 1), vec![Some(1)]);
        assert_eq!(window(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            window(5, 10),
            vec![Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
        );
        assert_eq!(window(10, 10), vec![Some(1), None, Some(9), Some(10)]);
    }
}
