//! Dates and elapsed times in the interface language (month names, word order and the
//! "N min ago" forms come from the `frame` strings; digits follow the edition's language tag).
//! The wording is the same on the server and in the browser, so hydration changes nothing.

use crate::i18n::{t_string, use_i18n};
use newsfront_model::time::{ago, localize_digits, Ago, Timestamp};

/// The edition's language tag (`ar`, `ar-u-nu-latn`), for its digits.
fn language() -> String {
    crate::edition::current().map_or_else(String::new, |e| e.language)
}

/// "27 Nov 2026" (`with_time`: "27 Nov 2026 09:30") in the interface language.
pub fn date(at: &Timestamp, with_time: bool) -> String {
    let i18n = use_i18n();
    let months = [
        t_string!(i18n, frame.month_1),
        t_string!(i18n, frame.month_2),
        t_string!(i18n, frame.month_3),
        t_string!(i18n, frame.month_4),
        t_string!(i18n, frame.month_5),
        t_string!(i18n, frame.month_6),
        t_string!(i18n, frame.month_7),
        t_string!(i18n, frame.month_8),
        t_string!(i18n, frame.month_9),
        t_string!(i18n, frame.month_10),
        t_string!(i18n, frame.month_11),
        t_string!(i18n, frame.month_12),
    ];
    let months = months.map(|m| m.to_string());
    let months: [&str; 12] = std::array::from_fn(|i| months[i].as_str());
    let pattern = if with_time {
        t_string!(i18n, frame.date_time_pattern).to_string()
    } else {
        t_string!(i18n, frame.date_pattern).to_string()
    };
    localize_digits(&at.format(&pattern, &months), &language())
}

/// `text` (a host name, a URL: Latin text) ready to be inserted into a sentence of the interface:
/// in a right-to-left edition, isolated (U+2068 … U+2069) so the bidi algorithm does not reorder
/// it with the words and punctuation around it.
pub fn isolate(text: &str) -> String {
    if crate::edition::is_rtl() {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// `text` with its digits as the edition's language writes them (Arabic-Indic for `ar`).
pub fn digits(text: &str) -> String {
    localize_digits(text, &language())
}

/// "just now", "4 min ago", … then the date, in the interface language.
pub fn time_ago(then: &Timestamp, now: i64) -> String {
    let i18n = use_i18n();
    let text = match ago(then, now) {
        Ago::JustNow => t_string!(i18n, frame.just_now).to_string(),
        Ago::Minutes(count) => t_string!(i18n, frame.minutes_ago, count = count).to_string(),
        Ago::Hours(count) => t_string!(i18n, frame.hours_ago, count = count).to_string(),
        Ago::Days(count) => t_string!(i18n, frame.days_ago, count = count).to_string(),
        Ago::Long => return date(then, false),
    };
    localize_digits(&text, &language())
}

// Native, with the build-time renderer's executor (`make test-native`).
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use crate::i18n::{t_string, use_i18n, Locale};
    use leptos::prelude::*;

    /// `frame.minutes_ago` and `frame.days_ago` for `count`, in `locale`.
    fn forms(locale: Locale, count: i64) -> (String, String) {
        let owner = Owner::new();
        owner.with(|| {
            crate::i18n::provide_i18n(Signal::stored(locale));
            let i18n = use_i18n();
            (
                t_string!(i18n, frame.minutes_ago, count = count).to_string(),
                t_string!(i18n, frame.days_ago, count = count).to_string(),
            )
        })
    }

    #[test]
    fn plurals_follow_each_language() {
        // Arabic has six categories: zero, one, two, few (3–10), many (11–99), other (100…).
        for (count, minutes, days) in [
            (0, "قبل أقل من دقيقة", "اليوم"),
            (1, "قبل دقيقة", "قبل يوم"),
            (2, "قبل دقيقتين", "قبل يومين"),
            (3, "قبل 3 دقائق", "قبل 3 أيام"),
            (11, "قبل 11 دقيقة", "قبل 11 يوما"),
            (100, "قبل 100 دقيقة", "قبل 100 يوم"),
        ] {
            assert_eq!(
                forms(Locale::ar, count),
                (minutes.into(), days.into()),
                "{count}"
            );
        }
        for (locale, count, days) in [
            (Locale::es, 0, "hace 0 días"),
            (Locale::es, 1, "hace 1 día"),
            (Locale::es, 2, "hace 2 días"),
            (Locale::es, 11, "hace 11 días"),
            (Locale::en, 0, "0 days ago"),
            (Locale::en, 1, "1 day ago"),
            (Locale::en, 3, "3 days ago"),
            (Locale::en, 100, "100 days ago"),
        ] {
            assert_eq!(forms(locale, count).1, days, "{locale:?} {count}");
        }
    }
}
