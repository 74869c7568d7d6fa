//! Reading [`Block`]s and [`Inline`]s from JSON in one pass.
//!
//! serde's derive reads an internally tagged enum by first buffering each object into its
//! generic `Content` tree (the tag may come anywhere), then reading the variant again from that
//! tree: a second copy of the deserializer of every type inside a block (images, inlines,
//! related items). In the browser build that copy was about 29 KB of the article code before
//! optimisation (`twiggy`, docs/architecture.md "Build size"). Here each key is read once, into
//! a slot of the type that key has in every block type, and the block is put together at the
//! end; fields that a block type does not use are skipped unread once its `type` is known.
//!
//! The accepted JSON is the derive's: the same fields, optional where the derive had
//! `#[serde(default)]`, unknown fields ignored, and an unknown `type` read as `Unknown` (the rest
//! of the body still renders). One difference: when `type` comes after other keys (the content
//! tool always writes it first), a field of an unknown block type must have the shape that field
//! name has in the known types.

use super::{Block, Inline, RelatedItem};
use crate::image::Image;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The keys of every block and inline type; anything else is skipped.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Type,
    Text,
    Inlines,
    Slug,
    Headline,
    Title,
    Slugs,
    Items,
    Attribution,
    Image,
    Ordered,
    Src,
    Poster,
    Captions,
    DurationSeconds,
    Caption,
    Url,
    Provider,
    Player,
    Href,
    #[serde(other)]
    Other,
}

/// The block and inline types this version knows.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Paragraph,
    Subheading,
    ReadMore,
    Related,
    Quote,
    Image,
    List,
    Video,
    Embed,
    Emphasis,
    Strong,
    Link,
    /// Inline `text` (a plain run).
    Text,
    Unknown,
}

impl Kind {
    fn parse(name: &str) -> Kind {
        match name {
            "paragraph" => Kind::Paragraph,
            "subheading" => Kind::Subheading,
            "read_more" => Kind::ReadMore,
            "related" => Kind::Related,
            "quote" => Kind::Quote,
            "image" => Kind::Image,
            "list" => Kind::List,
            "video" => Kind::Video,
            "embed" => Kind::Embed,
            "emphasis" => Kind::Emphasis,
            "strong" => Kind::Strong,
            "link" => Kind::Link,
            "text" => Kind::Text,
            _ => Kind::Unknown,
        }
    }

    /// Whether this type has the field `key`.
    fn uses(self, key: Key) -> bool {
        use Key as K;
        match self {
            Kind::Paragraph => matches!(key, K::Text | K::Inlines),
            Kind::Subheading | Kind::Text | Kind::Emphasis | Kind::Strong => key == K::Text,
            Kind::Link => matches!(key, K::Text | K::Href),
            Kind::ReadMore => matches!(key, K::Slug | K::Headline),
            Kind::Related => matches!(key, K::Title | K::Slugs | K::Items),
            Kind::Quote => matches!(key, K::Text | K::Attribution),
            Kind::Image => key == K::Image,
            Kind::List => matches!(key, K::Ordered | K::Items),
            Kind::Video => matches!(
                key,
                K::Src | K::Poster | K::Captions | K::DurationSeconds | K::Caption
            ),
            Kind::Embed => matches!(key, K::Url | K::Title | K::Provider | K::Player | K::Poster),
            Kind::Unknown => false,
        }
    }
}

/// An entry of `items`: text in a list, a linked headline in a "Related news" box.
enum Item {
    Text(String),
    Related(RelatedItem),
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list item (text) or a related headline (an object)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                Ok(Item::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Item, E> {
                Ok(Item::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                RelatedItem::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Item::Related)
            }
        }
        d.deserialize_any(ItemVisitor)
    }
}

/// Every field a block or inline may have, filled as the keys come.
#[derive(Default)]
struct Slots {
    kind: Option<Kind>,
    text: Option<String>,
    inlines: Option<Vec<Inline>>,
    slug: Option<String>,
    headline: Option<String>,
    title: Option<String>,
    slugs: Option<Vec<String>>,
    items: Option<Vec<Item>>,
    attribution: Option<String>,
    image: Option<Image>,
    ordered: Option<bool>,
    src: Option<String>,
    poster: Option<Image>,
    captions: Option<String>,
    duration_seconds: Option<u32>,
    caption: Option<String>,
    url: Option<String>,
    provider: Option<String>,
    player: Option<bool>,
    href: Option<String>,
}

/// Reads one value into `slot`, refusing a key given twice (as the derive does).
fn fill<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl Slots {
    /// Reads a whole JSON object.
    fn read<'de, A: MapAccess<'de>>(mut map: A) -> Result<Slots, A::Error> {
        let mut s = Slots::default();
        while let Some(key) = map.next_key::<Key>()? {
            if key == Key::Type {
                if s.kind.is_some() {
                    return Err(de::Error::duplicate_field("type"));
                }
                s.kind = Some(Kind::parse(&map.next_value::<String>()?));
                continue;
            }
            if key == Key::Other || s.kind.is_some_and(|k| !k.uses(key)) {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let m = &mut map;
            match key {
                Key::Text => fill(&mut s.text, "text", m)?,
                Key::Inlines => fill(&mut s.inlines, "inlines", m)?,
                Key::Slug => fill(&mut s.slug, "slug", m)?,
                Key::Headline => fill(&mut s.headline, "headline", m)?,
                Key::Title => fill(&mut s.title, "title", m)?,
                Key::Slugs => fill(&mut s.slugs, "slugs", m)?,
                Key::Items => fill(&mut s.items, "items", m)?,
                Key::Attribution => fill(&mut s.attribution, "attribution", m)?,
                Key::Image => fill(&mut s.image, "image", m)?,
                Key::Ordered => fill(&mut s.ordered, "ordered", m)?,
                Key::Src => fill(&mut s.src, "src", m)?,
                Key::Poster => fill(&mut s.poster, "poster", m)?,
                Key::Captions => fill(&mut s.captions, "captions", m)?,
                Key::DurationSeconds => fill(&mut s.duration_seconds, "duration_seconds", m)?,
                Key::Caption => fill(&mut s.caption, "caption", m)?,
                Key::Url => fill(&mut s.url, "url", m)?,
                Key::Provider => fill(&mut s.provider, "provider", m)?,
                Key::Player => fill(&mut s.player, "player", m)?,
                Key::Href => fill(&mut s.href, "href", m)?,
                Key::Type | Key::Other => {}
            }
        }
        Ok(s)
    }

    fn kind<E: de::Error>(&self) -> Result<Kind, E> {
        self.kind.ok_or_else(|| E::missing_field("type"))
    }
}

/// A required field.
fn need<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

/// `items` of one shape only: list items are text, related items objects.
fn items<T, E: de::Error>(
    items: Option<Vec<Item>>,
    pick: fn(Item) -> Option<T>,
    expected: &'static str,
) -> Result<Vec<T>, E> {
    items
        .unwrap_or_default()
        .into_iter()
        .map(|item| {
            pick(item).ok_or_else(|| E::invalid_type(de::Unexpected::Other("item"), &expected))
        })
        .collect()
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block: an object with a \"type\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
        let s = Slots::read(map)?;
        Ok(match s.kind()? {
            Kind::Paragraph => Block::Paragraph {
                text: s.text,
                inlines: s.inlines.unwrap_or_default(),
            },
            Kind::Subheading => Block::Subheading {
                text: need(s.text, "text")?,
            },
            Kind::ReadMore => Block::ReadMore {
                slug: need(s.slug, "slug")?,
                headline: s.headline,
            },
            Kind::Related => Block::Related {
                title: s.title.unwrap_or_default(),
                slugs: s.slugs.unwrap_or_default(),
                items: items(
                    s.items,
                    |i| match i {
                        Item::Related(r) => Some(r),
                        Item::Text(_) => None,
                    },
                    "a related item: an object with slug and headline",
                )?,
            },
            Kind::Quote => Block::Quote {
                text: need(s.text, "text")?,
                attribution: s.attribution,
            },
            Kind::Image => Block::Image {
                image: need(s.image, "image")?,
            },
            Kind::List => Block::List {
                ordered: s.ordered.unwrap_or_default(),
                items: items(
                    Some(need(s.items, "items")?),
                    |i| match i {
                        Item::Text(t) => Some(t),
                        Item::Related(_) => None,
                    },
                    "a list item: text",
                )?,
            },
            Kind::Video => Block::Video {
                src: need(s.src, "src")?,
                poster: need(s.poster, "poster")?,
                captions: s.captions,
                duration_seconds: s.duration_seconds,
                caption: s.caption,
            },
            Kind::Embed => Block::Embed {
                url: need(s.url, "url")?,
                title: need(s.title, "title")?,
                provider: s.provider,
                player: s.player.unwrap_or_default(),
                poster: s.poster,
            },
            Kind::Emphasis | Kind::Strong | Kind::Link | Kind::Text | Kind::Unknown => {
                Block::Unknown
            }
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BlockVisitor)
    }
}

struct InlineVisitor;

impl<'de> Visitor<'de> for InlineVisitor {
    type Value = Inline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an inline: an object with a \"type\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Inline, A::Error> {
        let s = Slots::read(map)?;
        let kind = s.kind()?;
        if !matches!(
            kind,
            Kind::Text | Kind::Emphasis | Kind::Strong | Kind::Link
        ) {
            return Ok(Inline::Unknown);
        }
        let text = need(s.text, "text")?;
        Ok(match kind {
            Kind::Emphasis => Inline::Emphasis { text },
            Kind::Strong => Inline::Strong { text },
            Kind::Link => Inline::Link {
                text,
                href: need(s.href, "href")?,
            },
            _ => Inline::Text { text },
        })
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(InlineVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{from_str, json, to_string};

    fn image() -> Image {
        from_str(r#"{"src":"a.svg","width":4,"height":3,"alt":"A"}"#).unwrap()
    }

    /// One block of every type, with every field set.
    fn every_block() -> Vec<Block> {
        vec![
            Block::Paragraph {
                text: Some("plain".into()),
                inlines: vec![
                    Inline::Text { text: "a ".into() },
                    Inline::Emphasis { text: "b".into() },
                    Inline::Strong { text: "c".into() },
                    Inline::Link {
                        text: "d".into(),
                        href: "/x".into(),
                    },
                ],
            },
            Block::Subheading { text: "S".into() },
            Block::ReadMore {
                slug: "s".into(),
                headline: Some("H".into()),
            },
            Block::Related {
                title: "T".into(),
                slugs: vec!["a".into()],
                items: vec![RelatedItem {
                    slug: "a".into(),
                    headline: "A".into(),
                }],
            },
            Block::Quote {
                text: "Q".into(),
                attribution: Some("W".into()),
            },
            Block::Image { image: image() },
            Block::List {
                ordered: true,
                items: vec!["one".into(), "two".into()],
            },
            Block::Video {
                src: "v.mp4".into(),
                poster: image(),
                captions: Some("v.vtt".into()),
                duration_seconds: Some(61),
                caption: Some("C".into()),
            },
            Block::Embed {
                url: "https://e.example/x".into(),
                title: "E".into(),
                provider: Some("P".into()),
                player: true,
                poster: Some(image()),
            },
        ]
    }

    #[test]
    fn what_the_content_tool_writes_reads_back_the_same() {
        let blocks = every_block();
        let text = to_string(&blocks).unwrap();
        assert_eq!(from_str::<Vec<Block>>(&text).unwrap(), blocks);
    }

    #[test]
    fn type_may_come_last_and_unknown_fields_are_ignored() {
        let b: Block = from_str(
            r#"{"attribution":"W","mood":{"deep":[1]},"text":"Q","type":"quote","src":7}"#,
        )
        .unwrap();
        assert_eq!(
            b,
            Block::Quote {
                text: "Q".into(),
                attribution: Some("W".into())
            }
        );
    }

    #[test]
    fn fields_of_other_types_are_skipped_unread_once_the_type_is_known() {
        // `image` is an object in image blocks; a subheading does not read it.
        let b: Block = from_str(r#"{"type":"subheading","text":"S","image":"x.png"}"#).unwrap();
        assert_eq!(b, Block::Subheading { text: "S".into() });
        let b: Block = from_str(r#"{"type":"hologram","items":[1,{"a":2}],"text":false}"#).unwrap();
        assert_eq!(b, Block::Unknown);
    }

    #[test]
    fn defaults_as_documented() {
        let blocks: Vec<Block> = from_str(
            r#"[{"type":"paragraph"},{"type":"related"},{"type":"list","items":[]},
                {"type":"embed","url":"https://e.example","title":"E"}]"#,
        )
        .unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    text: None,
                    inlines: vec![]
                },
                Block::Related {
                    title: String::new(),
                    slugs: vec![],
                    items: vec![]
                },
                Block::List {
                    ordered: false,
                    items: vec![]
                },
                Block::Embed {
                    url: "https://e.example".into(),
                    title: "E".into(),
                    provider: None,
                    player: false,
                    poster: None
                },
            ]
        );
    }

    #[test]
    fn unknown_inline_types_keep_the_rest_of_the_paragraph() {
        let b: Block = from_str(
            r#"{"type":"paragraph","inlines":[{"type":"sparkle","text":3},{"href":"/y","text":"t","type":"link"}]}"#,
        )
        .unwrap();
        assert_eq!(
            b,
            Block::Paragraph {
                text: None,
                inlines: vec![
                    Inline::Unknown,
                    Inline::Link {
                        text: "t".into(),
                        href: "/y".into()
                    }
                ]
            }
        );
    }

    #[test]
    fn bad_blocks_are_errors_that_say_what_is_wrong() {
        let cases = [
            (json!({"text": "no type"}), "missing field `type`"),
            (json!({"type": "subheading"}), "missing field `text`"),
            (
                json!({"type": "video", "src": "v.mp4"}),
                "missing field `poster`",
            ),
            (
                json!({"type": "list", "items": [{"slug": "a", "headline": "A"}]}),
                "a list item: text",
            ),
            (json!({"type": "related", "items": ["a"]}), "a related item"),
            (json!({"type": "quote", "text": 4}), "invalid type"),
            (json!(["type", "quote"]), "a block"),
        ];
        for (value, says) in cases {
            let err = from_str::<Block>(&value.to_string())
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{value}: {err}");
        }
        let err = from_str::<Block>(r#"{"type":"quote","text":"a","text":"b"}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field `text`"), "{err}");
    }

    #[test]
    fn errors_natively_name_the_json_path() {
        let err = crate::decode::decode::<Vec<Block>>(
            r#"[{"type":"subheading","text":"S"},{"type":"image","image":{"src":"a","width":"w","height":1,"alt":""}}]"#,
            "a.json",
        )
        .unwrap_err();
        match err {
            crate::ContentError::Decode { path, .. } => {
                assert!(path.ends_with("[1].image.width"), "{path}")
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
