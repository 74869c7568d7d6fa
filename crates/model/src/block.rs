//! Article body blocks: a typed list, rendered by one `match` in the view.
//!
//! Blocks and inlines are written as internally tagged JSON objects (`{"type": "quote", …}`);
//! they are read by [`decode`](mod@decode) in one pass rather than by serde's derive, see there.

mod decode;

use crate::image::Image;
use serde::{Deserialize, Serialize};

/// A run of inline text inside a paragraph.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        text: String,
    },
    Strong {
        text: String,
    },
    /// `href` is a site path (`/article/slug`) or an absolute `https:` URL.
    Link {
        text: String,
        href: String,
    },
    /// An inline type this version does not know: its text is dropped, the rest still renders.
    #[serde(other)]
    Unknown,
}

/// A linked headline inside a "Related news" box (`headline` is filled in by the content tool).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedItem {
    pub slug: String,
    pub headline: String,
}

/// One block of an article body.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Either `text` (plain) or `inlines` (links, emphasis); `inlines` wins when both are given.
    Paragraph {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        inlines: Vec<Inline>,
    },
    Subheading {
        text: String,
    },
    /// "Read more: <headline>" pointing at another article.
    ReadMore {
        slug: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        headline: Option<String>,
    },
    /// A "Related news" box. Authors give `slugs`; the content tool fills `items`.
    Related {
        /// The box's title; the interface's own ("Related News", in the edition's language)
        /// when absent.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        title: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        slugs: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        items: Vec<RelatedItem>,
    },
    Quote {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    Image {
        image: Image,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<String>,
    },
    Video {
        src: String,
        poster: Image,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        captions: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duration_seconds: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
    /// Third-party content, shown as a safe link card. With `player: true` and a URL on one of
    /// `site.json`'s `embed_hosts`, a click-to-load video player facade instead.
    Embed {
        url: String,
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        provider: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        player: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        poster: Option<Image>,
    },
    /// A block type this version does not know: it renders nothing, the rest of the body still does.
    #[serde(other)]
    Unknown,
}

impl Block {
    /// The readable text of a block (for word counts and, later, text to speech).
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        self.visit_text(&mut |piece| text.push_str(piece));
        text
    }

    /// Calls `f` with the pieces of [`Block::plain_text`] in order, without building it (the
    /// word count of 100,000 articles: docs/publishing.md).
    pub fn visit_text(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Block::Paragraph { text, inlines } => {
                if inlines.is_empty() {
                    f(text.as_deref().unwrap_or_default());
                } else {
                    inlines.iter().for_each(|i| f(i.text()));
                }
            }
            Block::Subheading { text } | Block::Quote { text, .. } => f(text),
            Block::List { items, .. } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        f(" ");
                    }
                    f(item);
                }
            }
            _ => {}
        }
    }
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { text } | Inline::Emphasis { text } | Inline::Strong { text } => text,
            Inline::Link { text, .. } => text,
            Inline::Unknown => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_block_types_decode_to_unknown() {
        let blocks: Vec<Block> = serde_json::from_str(
            r#"[{"type":"hologram","beam":3},{"type":"subheading","text":"Next"}]"#,
        )
        .unwrap();
        assert_eq!(blocks[0], Block::Unknown);
        assert_eq!(
            blocks[1],
            Block::Subheading {
                text: "Next".into()
            }
        );
    }

    #[test]
    fn paragraph_text_prefers_inlines() {
        let b: Block = serde_json::from_str(
            r#"{"type":"paragraph","inlines":[{"type":"text","text":"a "},{"type":"link","text":"b","href":"/x"},{"type":"sparkle"}]}"#,
        )
        .unwrap();
        assert_eq!(b.plain_text(), "a b");
    }

    #[test]
    fn related_title_defaults() {
        let b: Block = serde_json::from_str(r#"{"type":"related","slugs":["a"]}"#).unwrap();
        // No title: the app shows its own ("Related News", in the edition's language).
        assert!(matches!(b, Block::Related { ref title, .. } if title.is_empty()));
    }
}
