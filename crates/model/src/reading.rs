//! Reading time from the body text.

use crate::block::Block;

/// Average adult silent reading speed used for "N min read".
pub const WORDS_PER_MINUTE: usize = 230;

pub fn word_count(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.plain_text().split_whitespace().count())
        .sum()
}

/// Minutes to read, rounded up, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_table() {
        for (words, mins) in [(0, 1), (1, 1), (230, 1), (231, 2), (690, 3), (2500, 11)] {
            assert_eq!(reading_minutes(words), mins, "{words}");
        }
    }

    #[test]
    fn counts_words_across_blocks() {
        let blocks = vec![
            Block::Paragraph {
                text: Some("one two  three".into()),
                inlines: vec![],
            },
            Block::Subheading {
                text: "four".into(),
            },
            Block::ReadMore {
                slug: "x".into(),
                headline: Some("not counted".into()),
            },
        ];
        assert_eq!(word_count(&blocks), 4);
    }
}
