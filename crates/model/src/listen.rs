//! Text to speech, the pure half: which text an article reads aloud, split into utterances
//! short enough for every engine, and the player state machine (play, pause, skip, speed).
//! The browser half (`platform::speech`) only speaks the utterance this module names.

use crate::article::Article;
use crate::block::Block;

/// Chrome stops long utterances after ~15 s; groups of sentences up to this many words are safe.
pub const MAX_WORDS: usize = 35;
pub const MIN_RATE: f32 = 0.75;
pub const MAX_RATE: f32 = 2.0;
pub const RATES: [f32; 6] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

/// What on the page an utterance belongs to (for highlighting and progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Headline,
    Standfirst,
    /// Index into `article.body`.
    Block(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    /// Position of the unit among the readable units (0-based), for "paragraph i of n".
    pub unit_index: usize,
    pub unit: Unit,
    pub text: String,
}

/// The readable script of an article: headline, standfirst, then body text (paragraphs,
/// subheadings, quotes, lists). Captions, credits and links to other articles are not read.
pub fn script(article: &Article) -> Vec<Utterance> {
    units(article)
        .into_iter()
        .enumerate()
        .flat_map(|(unit_index, (unit, text))| {
            chunk(&text).into_iter().map(move |text| Utterance {
                unit_index,
                unit,
                text,
            })
        })
        .collect()
}

/// How many units the article's script has (`unit_count(&script(article))`, what "paragraph i
/// of n" counts), without splitting their text into utterances: the page shows it before the
/// reader asks for the script.
pub fn unit_total(article: &Article) -> usize {
    units(article).len()
}

/// The units read aloud, in order, each with its text (none empty).
fn units(article: &Article) -> Vec<(Unit, String)> {
    let mut units: Vec<(Unit, String)> = vec![
        (Unit::Headline, article.headline.clone()),
        (Unit::Standfirst, article.standfirst.clone()),
    ];
    for (i, block) in article.body.iter().enumerate() {
        let text = match block {
            Block::Paragraph { .. } | Block::Subheading { .. } | Block::List { .. } => {
                block.plain_text()
            }
            Block::Quote { text, attribution } => match attribution {
                Some(a) => format!("{text} ({a})"),
                None => text.clone(),
            },
            _ => String::new(),
        };
        units.push((Unit::Block(i), text));
    }
    units.retain(|(_, t)| !t.trim().is_empty());
    units
}

/// Number of readable units in a script.
pub fn unit_count(script: &[Utterance]) -> usize {
    script.last().map_or(0, |u| u.unit_index + 1)
}

/// Splits text into sentence groups of at most `MAX_WORDS` words; a single longer sentence is
/// split at word boundaries.
pub fn chunk(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for sentence in sentences(text) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        if !current.is_empty() && current.len() + words.len() > MAX_WORDS {
            out.push(current.join(" "));
            current.clear();
        }
        if words.len() > MAX_WORDS {
            for piece in words.chunks(MAX_WORDS) {
                if piece.len() == MAX_WORDS {
                    out.push(piece.join(" "));
                } else {
                    current.extend_from_slice(piece);
                }
            }
        } else {
            current.extend(words);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Sentences end at `.`, `!`, `?` (or their CJK/Arabic forms) followed by whitespace.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟') {
            let end = i + c.len_utf8();
            if chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
                let s = text[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
            }
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Playing,
    Paused,
}

/// What the browser must do after a state change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Cancel anything queued, then speak utterance `n`.
    Speak(usize),
    /// Cancel speech.
    Cancel,
    Nothing,
}

/// The player. `position` is the utterance being (or to be) spoken. Pausing cancels the engine
/// and keeps the position; resuming speaks that utterance again from its start.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    pub status: Status,
    pub position: usize,
    pub rate: f32,
    len: usize,
    units: Vec<usize>,
}

impl Player {
    pub fn new(script: &[Utterance], rate: f32) -> Player {
        Player {
            status: Status::Idle,
            position: 0,
            rate: clamp_rate(rate),
            len: script.len(),
            units: script.iter().map(|u| u.unit_index).collect(),
        }
    }

    /// Takes the script it plays (made when the reader first asks: `Player::new(&[], rate)`
    /// before). Keeps the status, position and rate.
    pub fn load(&mut self, script: &[Utterance]) {
        self.len = script.len();
        self.units = script.iter().map(|u| u.unit_index).collect();
    }

    /// The unit of the current position (for "paragraph i of n").
    pub fn unit(&self) -> usize {
        self.units.get(self.position).copied().unwrap_or(0)
    }

    /// Play from the start, or resume from the stored position.
    pub fn play(&mut self) -> Command {
        if self.len == 0 {
            return Command::Nothing;
        }
        if self.status == Status::Idle {
            self.position = 0;
        }
        self.status = Status::Playing;
        Command::Speak(self.position)
    }

    pub fn pause(&mut self) -> Command {
        if self.status != Status::Playing {
            return Command::Nothing;
        }
        self.status = Status::Paused;
        Command::Cancel
    }

    pub fn stop(&mut self) -> Command {
        let was = self.status;
        self.status = Status::Idle;
        self.position = 0;
        if was == Status::Idle {
            Command::Nothing
        } else {
            Command::Cancel
        }
    }

    /// The engine finished utterance `n` (stale events for other utterances are ignored).
    pub fn ended(&mut self, n: usize) -> Command {
        if self.status != Status::Playing || n != self.position {
            return Command::Nothing;
        }
        if self.position + 1 >= self.len {
            self.status = Status::Idle;
            self.position = 0;
            return Command::Nothing;
        }
        self.position += 1;
        Command::Speak(self.position)
    }

    /// Jump to the first utterance of the next unit.
    pub fn skip_forward(&mut self) -> Command {
        let unit = self.unit();
        match self.units.iter().position(|&u| u > unit) {
            Some(p) => self.jump(p),
            None => Command::Nothing,
        }
    }

    /// Jump to the start of the previous unit (or of this one, if already past its start).
    pub fn skip_back(&mut self) -> Command {
        let unit = self.unit();
        let start_of_this = self.units.iter().position(|&u| u == unit).unwrap_or(0);
        let target = if self.position > start_of_this || unit == 0 {
            start_of_this
        } else {
            self.units.iter().position(|&u| u == unit - 1).unwrap_or(0)
        };
        self.jump(target)
    }

    fn jump(&mut self, p: usize) -> Command {
        self.position = p;
        match self.status {
            Status::Playing => Command::Speak(p),
            _ => Command::Nothing,
        }
    }

    /// Change speed; while playing, the current utterance restarts at the new rate.
    pub fn set_rate(&mut self, rate: f32) -> Command {
        self.rate = clamp_rate(rate);
        if self.status == Status::Playing {
            Command::Speak(self.position)
        } else {
            Command::Nothing
        }
    }

    /// Progress through the units, 0.0 to 1.0.
    pub fn progress(&self) -> f32 {
        let total = self.units.last().map_or(0, |u| u + 1);
        if total == 0 || self.status == Status::Idle {
            return 0.0;
        }
        (self.unit() + 1) as f32 / total as f32
    }
}

pub fn clamp_rate(rate: f32) -> f32 {
    if rate.is_finite() {
        rate.clamp(MIN_RATE, MAX_RATE)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> String {
        (0..n)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn chunk_table() {
        assert_eq!(chunk(""), Vec::<String>::new());
        assert_eq!(chunk("One. Two! Three?"), vec!["One. Two! Three?"]);
        // Sentences are grouped up to 35 words, never split mid-sentence when it fits.
        let s20 = format!("{}.", words(20));
        let text = format!("{s20} {s20} {s20}");
        let got = chunk(&text);
        assert_eq!(got.len(), 3);
        assert!(got
            .iter()
            .all(|c| c.split_whitespace().count() <= MAX_WORDS));
        // A 80-word sentence is cut at word boundaries.
        let got = chunk(&words(80));
        assert_eq!(
            got.iter()
                .map(|c| c.split_whitespace().count())
                .collect::<Vec<_>>(),
            vec![35, 35, 10]
        );
        // Decimal points and abbreviations without a following space do not end sentences.
        assert_eq!(
            chunk("Rates rose 3.75 percent. Then fell."),
            vec!["Rates rose 3.75 percent. Then fell."]
        );
        assert_eq!(
            sentences("Rates rose 3.75 percent. Then fell."),
            vec!["Rates rose 3.75 percent.", "Then fell."]
        );
        assert_eq!(sentences("هل هذا؟ نعم."), vec!["هل هذا؟", "نعم."]);
    }

    #[test]
    fn unit_total_counts_the_units_of_the_script() {
        let article: Article = crate::decode(
            include_str!("../../../tests/fixtures/article-every-block.json"),
            "article",
        )
        .unwrap();
        let script = script(&article);
        assert!(unit_count(&script) > 2, "the fixture reads its body too");
        assert_eq!(unit_total(&article), unit_count(&script));
        // A player given its script later plays as one made with it.
        let mut later = Player::new(&[], 1.0);
        assert_eq!(later.play(), Command::Nothing, "nothing to play yet");
        later.stop();
        later.load(&script);
        assert_eq!(later, Player::new(&script, 1.0));
    }

    fn player(units: &[usize]) -> Player {
        let script: Vec<Utterance> = units
            .iter()
            .map(|&u| Utterance {
                unit_index: u,
                unit: Unit::Block(u),
                text: format!("u{u}"),
            })
            .collect();
        Player::new(&script, 1.0)
    }

    #[test]
    fn plays_through_and_stops_at_the_end() {
        let mut p = player(&[0, 1, 1, 2]);
        assert_eq!(p.play(), Command::Speak(0));
        assert_eq!(p.ended(0), Command::Speak(1));
        assert_eq!(p.ended(0), Command::Nothing, "stale end event ignored");
        assert_eq!(p.ended(1), Command::Speak(2));
        assert_eq!(p.ended(2), Command::Speak(3));
        assert_eq!(p.ended(3), Command::Nothing);
        assert_eq!(p.status, Status::Idle);
    }

    #[test]
    fn pause_cancels_and_resume_repeats_the_current_utterance() {
        let mut p = player(&[0, 1, 2]);
        p.play();
        p.ended(0);
        assert_eq!(p.pause(), Command::Cancel);
        assert_eq!(p.status, Status::Paused);
        assert_eq!(
            p.ended(1),
            Command::Nothing,
            "the cancel's end event does not advance"
        );
        assert_eq!(p.play(), Command::Speak(1));
        assert_eq!(p.stop(), Command::Cancel);
        assert_eq!(p.play(), Command::Speak(0));
    }

    #[test]
    fn skips_by_unit() {
        let mut p = player(&[0, 1, 1, 1, 2]);
        p.play();
        assert_eq!(p.skip_forward(), Command::Speak(1));
        assert_eq!(p.ended(1), Command::Speak(2));
        assert_eq!(
            p.skip_back(),
            Command::Speak(1),
            "back to the start of this unit"
        );
        assert_eq!(
            p.skip_back(),
            Command::Speak(0),
            "then to the previous unit"
        );
        assert_eq!(p.skip_back(), Command::Speak(0));
        assert_eq!(p.skip_forward(), Command::Speak(1));
        assert_eq!(p.skip_forward(), Command::Speak(4));
        assert_eq!(p.skip_forward(), Command::Nothing);
        p.pause();
        assert_eq!(
            p.skip_back(),
            Command::Nothing,
            "skipping while paused only moves"
        );
        assert_eq!(p.position, 1);
    }

    #[test]
    fn rate_is_clamped_and_restarts_current() {
        let mut p = player(&[0, 1]);
        assert_eq!(p.set_rate(5.0), Command::Nothing);
        assert_eq!(p.rate, 2.0);
        p.play();
        assert_eq!(p.set_rate(0.1), Command::Speak(0));
        assert_eq!(p.rate, 0.75);
        assert_eq!(clamp_rate(f32::NAN), 1.0);
    }

    #[test]
    fn progress_counts_units() {
        let mut p = player(&[0, 1, 1, 2]);
        assert_eq!(p.progress(), 0.0);
        p.play();
        assert!((p.progress() - 1.0 / 3.0).abs() < 1e-6);
        p.skip_forward();
        assert!((p.progress() - 2.0 / 3.0).abs() < 1e-6);
    }
}
