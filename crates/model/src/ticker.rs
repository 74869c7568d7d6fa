//! The breaking-news ticker, the pure half: what a poll result does to the items, when to poll
//! next (with capped exponential backoff), whether the feed is stale, and what to announce.
//! Time is always passed in (seconds since the epoch), so tests drive it with a fake clock.

use crate::list::BreakingItem;
use std::collections::HashSet;

/// Longest wait between polls while the feed keeps failing.
pub const MAX_BACKOFF_SECONDS: u32 = 300;

/// What one poll of `breaking.json` produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Poll {
    /// 304: the feed has not changed since the validators we sent.
    NotModified,
    /// 200 with a decoded feed and the validators to send next time.
    Fresh {
        items: Vec<BreakingItem>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// Network error, HTTP error or malformed feed.
    Failed,
}

/// What the view must do after a poll.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// The item list changed (re-render); false for 304s, failures and identical feeds.
    pub items_changed: bool,
    /// Items not seen before, newest first (only after the first successful poll).
    pub new_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ticker {
    pub items: Vec<BreakingItem>,
    seen: HashSet<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Consecutive failed polls.
    pub failures: u32,
    /// When the feed last answered (200 or 304).
    pub last_success: Option<i64>,
    loaded: bool,
    max_items: usize,
}

impl Ticker {
    pub fn new(max_items: usize) -> Ticker {
        Ticker {
            max_items: max_items.max(1),
            ..Ticker::default()
        }
    }

    pub fn apply(&mut self, poll: Poll, now: i64) -> Change {
        match poll {
            Poll::Failed => {
                self.failures = self.failures.saturating_add(1);
                Change::default()
            }
            Poll::NotModified => {
                self.failures = 0;
                self.last_success = Some(now);
                Change::default()
            }
            Poll::Fresh {
                mut items,
                etag,
                last_modified,
            } => {
                self.failures = 0;
                self.last_success = Some(now);
                self.etag = etag;
                self.last_modified = last_modified;
                items.sort_by(|a, b| b.time.cmp(&a.time));
                let mut ids = HashSet::new();
                items.retain(|i| ids.insert(i.id.clone()));
                items.truncate(self.max_items);
                let new_items: Vec<String> = if self.loaded {
                    items
                        .iter()
                        .filter(|i| !self.seen.contains(&i.id))
                        .map(|i| i.id.clone())
                        .collect()
                } else {
                    vec![]
                };
                self.seen.extend(items.iter().map(|i| i.id.clone()));
                let items_changed = items != self.items;
                self.items = items;
                self.loaded = true;
                Change {
                    items_changed,
                    new_items,
                }
            }
        }
    }

    /// Seconds until the next poll: the configured interval while healthy, doubling with each
    /// consecutive failure up to `MAX_BACKOFF_SECONDS` (never shorter than the interval).
    pub fn next_delay(&self, interval: u32) -> u32 {
        let interval = interval.max(1);
        if self.failures == 0 {
            return interval;
        }
        let factor = 1u32.checked_shl(self.failures.min(16)).unwrap_or(u32::MAX);
        interval
            .saturating_mul(factor)
            .min(MAX_BACKOFF_SECONDS.max(interval))
    }

    /// Stale when the newest item is older than `stale_after`, or the feed has not answered
    /// for that long: the view then says "Latest" instead of presenting it as live.
    pub fn is_stale(&self, now: i64, stale_after: u32) -> bool {
        let limit = i64::from(stale_after);
        let newest_old = self.items.first().is_none_or(|i| now - i.time.unix > limit);
        let silent = self.last_success.is_none_or(|t| now - t > limit);
        newest_old || silent
    }
}

/// One polite announcement for screen readers when new items arrive.
pub fn announcement(new_items: &[String], items: &[BreakingItem]) -> Option<String> {
    let first = items.iter().find(|i| new_items.first() == Some(&i.id))?;
    Some(match new_items.len() {
        1 => format!("Breaking news: {}", first.text),
        n => format!("{n} new breaking news items. Latest: {}", first.text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;

    fn item(id: &str, t: i64) -> BreakingItem {
        BreakingItem {
            id: id.into(),
            time: Timestamp::from_unix(t),
            text: format!("text {id}"),
            slug: None,
        }
    }

    fn fresh(items: Vec<BreakingItem>) -> Poll {
        Poll::Fresh {
            items,
            etag: Some("\"v1\"".into()),
            last_modified: None,
        }
    }

    #[test]
    fn first_load_announces_nothing_then_new_items_are_reported() {
        let mut t = Ticker::new(12);
        let c = t.apply(fresh(vec![item("a", 100), item("b", 200)]), 1000);
        assert!(c.items_changed);
        assert!(c.new_items.is_empty());
        assert_eq!(t.items[0].id, "b", "newest first");
        let c = t.apply(
            fresh(vec![item("a", 100), item("b", 200), item("c", 300)]),
            1030,
        );
        assert_eq!(c.new_items, vec!["c"]);
        assert_eq!(
            announcement(&c.new_items, &t.items).unwrap(),
            "Breaking news: text c"
        );
    }

    #[test]
    fn not_modified_and_identical_feeds_change_nothing() {
        let mut t = Ticker::new(12);
        t.apply(fresh(vec![item("a", 100)]), 1000);
        assert_eq!(t.apply(Poll::NotModified, 1030), Change::default());
        assert_eq!(
            t.apply(fresh(vec![item("a", 100)]), 1060),
            Change::default()
        );
        assert_eq!(t.last_success, Some(1060));
    }

    #[test]
    fn failures_keep_items_and_back_off_with_a_cap() {
        let mut t = Ticker::new(12);
        t.apply(fresh(vec![item("a", 100)]), 1000);
        let delays: Vec<u32> = (0..8)
            .map(|_| {
                t.apply(Poll::Failed, 1000);
                t.next_delay(30)
            })
            .collect();
        assert_eq!(delays, vec![60, 120, 240, 300, 300, 300, 300, 300]);
        assert_eq!(t.items.len(), 1, "last good items stay");
        t.apply(Poll::NotModified, 2000);
        assert_eq!(t.next_delay(30), 30, "recovers by itself");
        assert_eq!(
            Ticker::new(1).next_delay(600),
            600,
            "never shorter than the interval"
        );
        let mut many = Ticker::new(1);
        for _ in 0..100 {
            many.apply(Poll::Failed, 0);
        }
        assert_eq!(many.next_delay(30), 300);
    }

    #[test]
    fn staleness() {
        let mut t = Ticker::new(12);
        assert!(t.is_stale(0, 3600), "nothing loaded is not live");
        t.apply(fresh(vec![item("a", 10_000)]), 10_000);
        assert!(!t.is_stale(10_000 + 3600, 3600));
        assert!(t.is_stale(10_000 + 3601, 3600), "newest item too old");
        t.apply(fresh(vec![item("b", 20_000)]), 20_000);
        for _ in 0..5 {
            t.apply(Poll::Failed, 25_000);
        }
        assert!(t.is_stale(23_700, 3600), "feed silent too long");
    }

    #[test]
    fn caps_and_dedups_items() {
        let mut t = Ticker::new(2);
        t.apply(
            fresh(vec![item("a", 1), item("b", 2), item("b", 2), item("c", 3)]),
            10,
        );
        assert_eq!(
            t.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["c", "b"]
        );
        let c = t.apply(fresh(vec![item("d", 4), item("c", 3)]), 20);
        assert_eq!(c.new_items, vec!["d"]);
        assert_eq!(
            announcement(&["d".into(), "e".into()], &t.items).unwrap(),
            "2 new breaking news items. Latest: text d"
        );
    }
}
