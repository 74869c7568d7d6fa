//! Reading time from the body text.

use crate::block::Block;

/// Average adult silent reading speed used for "N min read".
pub const WORDS_PER_MINUTE: usize = 230;

pub fn word_count(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| {
            let mut words = Words::default();
            b.visit_text(&mut |piece| words.feed(piece));
            words.count
        })
        .sum()
}

/// Counts whitespace-separated words (as `str::split_whitespace` does) over text given in
/// pieces: a word may run across two pieces. ASCII text (checked at once) is counted byte by byte
/// without branches; other text char by char.
#[derive(Default)]
struct Words {
    count: usize,
    in_word: bool,
}

impl Words {
    fn feed(&mut self, s: &str) {
        if s.is_ascii() {
            let mut in_word = self.in_word;
            for &b in s.as_bytes() {
                let word = !(b.is_ascii_whitespace() || b == 0x0b);
                self.count += usize::from(word & !in_word);
                in_word = word;
            }
            self.in_word = in_word;
        } else {
            for c in s.chars() {
                let word = !c.is_whitespace();
                self.count += usize::from(word & !self.in_word);
                self.in_word = word;
            }
        }
    }
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

    #[test]
    fn counts_as_split_whitespace_does() {
        for text in [
            "",
            "  ",
            "one",
            " lead and trail ",
            "tab\tnew\nline\u{b}vt\u{c}ff\rcr",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}nel",
            "مرحبا بالعالم  هنا",
            "café über straße",
            "emoji 🙂 between",
        ] {
            let mut words = Words::default();
            words.feed(text);
            assert_eq!(words.count, text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn a_word_may_run_across_pieces() {
        let mut words = Words::default();
        for piece in ["un", "believ", "able story", " ", "told"] {
            words.feed(piece);
        }
        assert_eq!(words.count, 3);
    }
}
