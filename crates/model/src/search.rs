//! Search (Pagefind over the prerendered articles): the query as it is kept in the address,
//! the results as the browser glue hands them over, and the highlighted excerpt.

use serde::Deserialize;
use std::collections::BTreeMap;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
}

/// What the reader asked: the words, the filters, the order. Kept in the address
/// (`/search?q=…&section=…&region=…&kind=…&sort=newest`) so a search can be shared and the back
/// button restores it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub q: String,
    pub section: String,
    pub region: String,
    pub kind: String,
    pub sort: Sort,
}

/// The filters an article page carries (`data-pagefind-filter`), in this order.
pub const FILTERS: [&str; 3] = ["section", "region", "kind"];

impl Query {
    /// From the address's query pairs; unknown keys ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Query {
        pairs
            .into_iter()
            .fold(Query::default(), |query, (key, value)| {
                query.with(key, value.trim())
            })
    }

    /// Whether there is nothing to search for: no words and no filter.
    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && FILTERS.iter().all(|f| self.filter(f).is_empty())
    }

    /// The address's query string (`?q=…`), empty parts left out, values percent-encoded.
    pub fn to_search(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for (key, value) in [
            ("q", self.q.as_str()),
            ("section", self.section.as_str()),
            ("region", self.region.as_str()),
            ("kind", self.kind.as_str()),
        ] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", encode(value)));
            }
        }
        if self.sort == Sort::Newest {
            parts.push("sort=newest".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The filter value set for `name` (one of [`FILTERS`]).
    pub fn filter(&self, name: &str) -> &str {
        match name {
            "section" => &self.section,
            "region" => &self.region,
            "kind" => &self.kind,
            _ => "",
        }
    }

    /// The same query with `name` set to `value` (a filter, `q` or `sort`).
    pub fn with(&self, name: &str, value: &str) -> Query {
        let mut next = self.clone();
        match name {
            "q" => next.q = value.to_string(),
            "section" => next.section = value.to_string(),
            "region" => next.region = value.to_string(),
            "kind" => next.kind = value.to_string(),
            "sort" => {
                next.sort = if value == "newest" {
                    Sort::Newest
                } else {
                    Sort::Relevance
                }
            }
            _ => {}
        }
        next
    }

    /// The filters for Pagefind, as JSON (`{"section":"News"}`).
    pub fn filters_json(&self) -> String {
        let set: BTreeMap<&str, &str> = FILTERS
            .iter()
            .map(|f| (*f, self.filter(f)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        serde_json::to_string(&set).unwrap_or_else(|_| "{}".into())
    }
}

/// Percent-encodes a query value (UTF-8; unreserved characters kept).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The `kind` filter value of an article: its media kind, or `article` for the written kinds.
pub fn kind_code(kind: crate::ArticleKind) -> &'static str {
    use crate::ArticleKind as K;
    match kind {
        K::Video => "video",
        K::Gallery => "gallery",
        K::Infograph => "infograph",
        K::News | K::Opinion | K::Analysis | K::Blog | K::Feature => "article",
    }
}

/// One result, as the glue (src/platform/search.js) hands it over.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Hit {
    pub url: String,
    pub title: String,
    /// Pagefind's excerpt: text with the matched words in `<mark>`; see [`highlight`].
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub kind: String,
}

/// A page of results with the filter values and their counts for the current words.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    #[serde(default)]
    pub filters: BTreeMap<String, BTreeMap<String, usize>>,
}

/// A piece of an excerpt: text, and whether it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// Splits Pagefind's excerpt into plain text pieces (rendered as text, never as HTML): `<mark>`
/// opens a matched piece, `</mark>` closes it, any other tag is dropped, and the entities it
/// writes are decoded.
pub fn highlight(excerpt: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut marked = false;
    let mut rest = excerpt;
    let push = |text: &str, marked: bool, pieces: &mut Vec<Piece>| {
        let text = decode_entities(text);
        if text.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(&text),
            _ => pieces.push(Piece { text, marked }),
        }
    };
    while let Some(open) = rest.find('<') {
        push(&rest[..open], marked, &mut pieces);
        let Some(close) = rest[open..].find('>') else {
            push(&rest[open..], marked, &mut pieces);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        if tag == "mark" {
            marked = true;
        } else if tag == "/mark" {
            marked = false;
        }
        rest = &rest[open + close + 1..];
    }
    push(rest, marked, &mut pieces);
    pieces
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_round_trips_through_the_address() {
        let q = Query::from_pairs([
            ("q", " river delta "),
            ("section", "Climate & Science"),
            ("sort", "newest"),
            ("x", "1"),
        ]);
        assert_eq!(q.q, "river delta");
        assert_eq!(q.sort, Sort::Newest);
        assert_eq!(
            q.to_search(),
            "?q=river+delta&section=Climate+%26+Science&sort=newest"
        );
        assert_eq!(Query::default().to_search(), "");
        let arabic = Query::default().with("q", "المزارعون");
        assert!(arabic.to_search().starts_with("?q=%D8%A7"));
        assert_eq!(q.with("sort", "relevance").sort, Sort::Relevance);
        assert_eq!(
            q.with("section", "").to_search(),
            "?q=river+delta&sort=newest"
        );
    }

    #[test]
    fn filters_for_pagefind_name_only_what_is_set() {
        let q = Query::default()
            .with("kind", "video")
            .with("region", "Europe");
        assert_eq!(q.filters_json(), r#"{"kind":"video","region":"Europe"}"#);
        assert_eq!(Query::default().filters_json(), "{}");
    }

    #[test]
    fn excerpts_are_text_with_marked_pieces() {
        let pieces = highlight("Floods in the <mark>delta</mark> &amp; <mark>deltas</mark><mark>!</mark> <script>x</script>&lt;b&gt;");
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "Floods in the ".into(),
                    marked: false
                },
                Piece {
                    text: "delta".into(),
                    marked: true
                },
                Piece {
                    text: " & ".into(),
                    marked: false
                },
                Piece {
                    text: "deltas!".into(),
                    marked: true
                },
                Piece {
                    text: " x<b>".into(),
                    marked: false
                },
            ]
        );
        assert!(highlight("").is_empty());
        assert_eq!(highlight("a < b").len(), 1);
    }

    #[test]
    fn results_decode_from_the_glue() {
        let r: Results = serde_json::from_str(
            r#"{"total":1,"hits":[{"url":"/article/a","title":"A","excerpt":"x","image":null,"section":"News"}],
            "filters":{"section":{"News":1}}}"#,
        )
        .unwrap();
        assert_eq!(r.hits[0].section, "News");
        assert_eq!(r.filters["section"]["News"], 1);
    }
}
