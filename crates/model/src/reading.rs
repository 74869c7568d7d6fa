//! Reading time from the body text.

use crate::block::Block;

/// Average adult silent reading speed used for "N min read" (English, and any language without
/// a figure of its own in [`words_per_minute`]).
pub const WORDS_PER_MINUTE: usize = 230;

/// Silent reading speed in words per minute for a language tag (`ar`, `es-419`): words differ in
/// length between languages, so one rate would make Arabic estimates come out low. The figures
/// are the means measured with the same standardised texts in each language (Trauzettel-Klosinski
/// & Dietz, "Standardized Assessment of Reading Performance: The New International Reading Speed
/// Texts IReST", IOVS 2012): Arabic 138, Spanish 218.
pub fn words_per_minute(language: &str) -> usize {
    match language.split(['-', '_']).next().unwrap_or_default() {
        "ar" => 138,
        "es" => 218,
        _ => WORDS_PER_MINUTE,
    }
}

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
/// pieces: a word may run across two pieces. ASCII text (checked at once) is counted 64 bytes at a
/// time with bit masks (a word starts where a non-space follows a space); other text char by char.
#[derive(Default)]
struct Words {
    count: usize,
    in_word: bool,
}

impl Words {
    fn feed(&mut self, s: &str) {
        if s.is_ascii() {
            self.feed_ascii(s.as_bytes());
        } else {
            for c in s.chars() {
                let word = !c.is_whitespace();
                self.count += usize::from(word & !self.in_word);
                self.in_word = word;
            }
        }
    }

    fn feed_ascii(&mut self, bytes: &[u8]) {
        // Bit i of `spaces`: byte i of the chunk is white space (what `char::is_whitespace`
        // says of ASCII: tab, line feed, vertical tab, form feed, carriage return, space).
        let mut space_before = u64::from(!self.in_word);
        for chunk in bytes.chunks(64) {
            let mut spaces = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                spaces |= u64::from(b == b' ' || (b'\t'..=b'\r').contains(&b)) << i;
            }
            let len = chunk.len();
            let valid = u64::MAX >> (64 - len);
            let starts = !spaces & valid & ((spaces << 1) | space_before);
            self.count += starts.count_ones() as usize;
            space_before = (spaces >> (len - 1)) & 1;
        }
        if !bytes.is_empty() {
            self.in_word = space_before == 0;
        }
    }
}

/// Minutes to read `words` of text in `language`, rounded up, at least one.
pub fn reading_minutes(words: usize, language: &str) -> u32 {
    words.div_ceil(words_per_minute(language)).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_table() {
        for (words, mins) in [(0, 1), (1, 1), (230, 1), (231, 2), (690, 3), (2500, 11)] {
            assert_eq!(reading_minutes(words, "en"), mins, "{words}");
        }
        // Per language: the same 690 words take longer in Arabic, a little longer in Spanish.
        assert_eq!(reading_minutes(690, "ar"), 5);
        assert_eq!(reading_minutes(690, "ar-u-nu-latn"), 5);
        assert_eq!(reading_minutes(690, "es-419"), 4);
        assert_eq!(reading_minutes(690, "fr"), 3);
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
            &"word ".repeat(40),
            &format!("{}tail", " ".repeat(63)),
            &format!("{} x", "y".repeat(64)),
            &"a b\tc\nd ".repeat(30),
        ] {
            let mut words = Words::default();
            words.feed(text);
            assert_eq!(words.count, text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn a_word_may_run_across_pieces() {
        let mut words = Words::default();
        for piece in ["un", "believ", "able story", " ", "told", "", "é", "s fin"] {
            words.feed(piece);
        }
        assert_eq!(words.count, 4);
    }
}
