//! RFC 3339 timestamps: parsed once when content is decoded, formatted without a clock.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An instant from content, kept with the text it came from (serialised back unchanged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset the author wrote, in minutes east of UTC.
    pub offset_minutes: i32,
    text: String,
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix.cmp(&other.unix)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let bad = || format!("{text:?} is not an RFC 3339 date-time (e.g. 2026-11-27T09:30:00Z)");
        let b = text.as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<i64, String> {
            let s = text.get(r).ok_or_else(bad)?;
            if !s.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse::<i64>().map_err(|_| bad())
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(bad());
        }
        let mut rest = &text[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(bad());
            }
            rest = &frac[digits..];
        }
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && rest.as_bytes()[3] == b':' =>
            {
                let h: i32 = rest[1..3].parse().map_err(|_| bad())?;
                let m: i32 = rest[4..6].parse().map_err(|_| bad())?;
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                let total = h * 60 + m;
                if rest.starts_with('-') {
                    -total
                } else {
                    total
                }
            }
            _ => return Err(bad()),
        };
        let days = days_from_civil(year, month, day);
        let unix = days * 86_400 + hour * 3600 + minute * 60 + second.min(59)
            - i64::from(offset_minutes) * 60;
        Ok(Timestamp {
            unix,
            offset_minutes,
            text: text.to_string(),
        })
    }

    /// A UTC timestamp from seconds (used by tools that generate content).
    pub fn from_unix(unix: i64) -> Timestamp {
        let (y, mo, d, h, mi, s) = civil(unix);
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        Timestamp {
            unix,
            offset_minutes: 0,
            text,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// "27 Nov 2026 09:30" in the offset the content was written in.
    pub fn display(&self) -> String {
        let (y, mo, d, h, mi, _) = civil(self.unix + i64::from(self.offset_minutes) * 60);
        format!("{d} {} {y} {h:02}:{mi:02}", MONTHS[(mo - 1) as usize])
    }

    /// "27 Nov 2026".
    pub fn display_date(&self) -> String {
        let (y, mo, d, ..) = civil(self.unix + i64::from(self.offset_minutes) * 60);
        format!("{d} {} {y}", MONTHS[(mo - 1) as usize])
    }
}

/// How long ago something happened, for an interface to word in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    JustNow,
    Minutes(i64),
    Hours(i64),
    Days(i64),
    /// A week or more: show the date instead.
    Long,
}

/// The [`Ago`] of `then` at `now` (the thresholds of [`time_ago`]).
pub fn ago(then: &Timestamp, now: i64) -> Ago {
    match now - then.unix {
        s if s < 60 => Ago::JustNow,
        s if s < 3600 => Ago::Minutes(s / 60),
        s if s < 86_400 => Ago::Hours(s / 3600),
        s if s < 7 * 86_400 => Ago::Days(s / 86_400),
        _ => Ago::Long,
    }
}

impl Timestamp {
    /// The date in the content's offset, worded with `months` (January first) in `pattern`
    /// (`{day}`, `{month}`, `{year}`, `{time}` replaced: "{day} {month} {year}" in English,
    /// "{month} {day}, {year}" elsewhere), `{time}` as HH:MM.
    pub fn format(&self, pattern: &str, months: &[&str; 12]) -> String {
        let (y, mo, d, h, mi, _) = civil(self.unix + i64::from(self.offset_minutes) * 60);
        pattern
            .replace("{day}", &d.to_string())
            .replace("{month}", months[(mo - 1) as usize])
            .replace("{year}", &y.to_string())
            .replace("{time}", &format!("{h:02}:{mi:02}"))
    }
}

/// `text` with its digits in the numbering system of `language` (a BCP 47 tag): Arabic-Indic
/// (٠١٢…) for Arabic unless the tag asks for Latin digits (`ar-u-nu-latn`); as it is otherwise.
pub fn localize_digits(text: &str, language: &str) -> String {
    let lower = language.to_ascii_lowercase();
    let arabic = lower.split('-').next() == Some("ar") && !lower.contains("-nu-latn");
    if !arabic {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(n) => char::from_u32(0x0660 + n).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// "just now", "4 min ago", "3 h ago", "2 days ago", then the date; `now` is passed in.
pub fn time_ago(then: &Timestamp, now: i64) -> String {
    let secs = now - then.unix;
    match secs {
        s if s < 60 => "just now".to_string(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s if s < 2 * 86_400 => "1 day ago".to_string(),
        s if s < 7 * 86_400 => format!("{} days ago", s / 86_400),
        _ => then.display_date(),
    }
}

/// A running time as "1:05" or "1:02:03".
pub fn duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil and its inverse.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(unix: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> String {
        "Timestamp".to_string()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            format: Some("date-time".to_string()),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0, "1 Jan 1970 00:00"),
            ("2026-11-27T09:30:00Z", 1_795_771_800, "27 Nov 2026 09:30"),
            (
                "2024-07-05T19:55:00+03:00",
                1_720_198_500,
                "5 Jul 2024 19:55",
            ),
            (
                "2024-02-29T23:59:59.123-01:30",
                1_709_256_599,
                "29 Feb 2024 23:59",
            ),
        ];
        for (text, unix, shown) in cases {
            let t = Timestamp::parse(text).unwrap();
            assert_eq!(t.unix, unix, "{text}");
            assert_eq!(t.display(), shown, "{text}");
            assert_eq!(t.as_str(), text);
        }
    }

    #[test]
    fn rejects_malformed() {
        for text in [
            "",
            "2026-11-27",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-27T25:00:00Z",
            "2026-11-27T09:30:00",
            "2026-11-27T09:30:00+0300",
            "yyyy-11-27T09:30:00Z",
            "2026-11-27T09:30:00.Z",
            "٢٠٢٦-11-27T09:30:00Z",
        ] {
            assert!(Timestamp::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn time_ago_table() {
        let t = Timestamp::parse("2026-11-27T12:00:00Z").unwrap();
        for (delta, want) in [
            (-30, "just now"),
            (0, "just now"),
            (59, "just now"),
            (60, "1 min ago"),
            (4 * 60 + 59, "4 min ago"),
            (3599, "59 min ago"),
            (3600, "1 h ago"),
            (23 * 3600, "23 h ago"),
            (86_400, "1 day ago"),
            (3 * 86_400, "3 days ago"),
            (8 * 86_400, "27 Nov 2026"),
        ] {
            assert_eq!(time_ago(&t, t.unix + delta), want, "{delta}");
        }
    }

    #[test]
    fn durations() {
        for (s, want) in [(0, "0:00"), (65, "1:05"), (600, "10:00"), (3723, "1:02:03")] {
            assert_eq!(duration(s), want);
        }
    }

    #[test]
    fn from_unix_round_trips() {
        for unix in [0, 86_399, 951_782_400, 1_795_771_800, 4_102_444_800] {
            let t = Timestamp::from_unix(unix);
            assert_eq!(Timestamp::parse(t.as_str()).unwrap().unix, unix);
        }
    }

    #[test]
    fn dates_are_worded_by_the_caller() {
        let t = Timestamp::parse("2026-11-27T09:30:00+01:00").unwrap();
        let months = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        assert_eq!(t.format("{day} {month} {year}", &months), "27 نوفمبر 2026");
        assert_eq!(
            t.format("{day} {month} {year} {time}", &months),
            "27 نوفمبر 2026 09:30"
        );
        assert_eq!(localize_digits("27 نوفمبر 2026", "ar"), "٢٧ نوفمبر ٢٠٢٦");
        assert_eq!(localize_digits("27", "ar-u-nu-latn"), "27");
        assert_eq!(localize_digits("27", "es"), "27");
        for (delta, want) in [
            (5, Ago::JustNow),
            (300, Ago::Minutes(5)),
            (7200, Ago::Hours(2)),
            (86_400 * 3, Ago::Days(3)),
            (86_400 * 8, Ago::Long),
        ] {
            assert_eq!(ago(&t, t.unix + delta), want);
        }
    }
}
