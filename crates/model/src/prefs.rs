//! The reader's display preferences: colour theme and article text size, kept on the device.
//!
//! The same names are read before the first paint by `public/prefs.js` (which sets
//! `<html data-theme data-text>` from them) and by the app; the stylesheet reads the attributes.

/// Where each preference is kept (`localStorage`); `public/prefs.js` uses the same keys.
pub const THEME_KEY: &str = "newsfront.theme";
pub const TEXT_KEY: &str = "newsfront.text";

/// The colour theme: the device's setting unless the reader chose one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// A stored value; anything else (absent, edited by hand, from an older version) is System.
    pub fn parse(stored: Option<&str>) -> Theme {
        match stored {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The stored value and `data-theme` attribute (`None`: removed, the device decides).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// Whether pages show dark, given whether the device prefers dark.
    pub fn is_dark(self, device_dark: bool) -> bool {
        match self {
            Theme::System => device_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// The browser's `theme-color` (the masthead's colour) in each scheme; `index.html` states the
/// same two values for the device's setting, `public/prefs.js` for a chosen theme.
pub fn theme_color(dark: bool) -> &'static str {
    if dark {
        "#0d2a4f"
    } else {
        "#0b2545"
    }
}

/// Article text size, in steps of the base size (rem, so browser zoom still applies on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    Small,
    #[default]
    Standard,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 5] = [
        TextSize::Small,
        TextSize::Standard,
        TextSize::Large,
        TextSize::Larger,
        TextSize::Largest,
    ];

    /// A stored value; anything unknown is Standard.
    pub fn parse(stored: Option<&str>) -> TextSize {
        TextSize::ALL
            .into_iter()
            .find(|t| t.attribute() == stored)
            .unwrap_or_default()
    }

    /// The stored value and `data-text` attribute (`None` for Standard).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            TextSize::Small => Some("s"),
            TextSize::Standard => None,
            TextSize::Large => Some("l"),
            TextSize::Larger => Some("xl"),
            TextSize::Largest => Some("xxl"),
        }
    }

    /// The factor the stylesheet applies to article text (`--text-scale`).
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Small => 0.875,
            TextSize::Standard => 1.0,
            TextSize::Large => 1.125,
            TextSize::Larger => 1.25,
            TextSize::Largest => 1.5,
        }
    }

    /// One step smaller, or the same at the smallest.
    pub fn smaller(self) -> TextSize {
        let i = TextSize::ALL.iter().position(|t| *t == self).unwrap_or(1);
        TextSize::ALL[i.saturating_sub(1)]
    }

    /// One step larger, or the same at the largest.
    pub fn larger(self) -> TextSize {
        let i = TextSize::ALL.iter().position(|t| *t == self).unwrap_or(1);
        TextSize::ALL[(i + 1).min(TextSize::ALL.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_bad_ones_are_defaults() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.attribute()), t);
        }
        for s in TextSize::ALL {
            assert_eq!(TextSize::parse(s.attribute()), s);
        }
        for bad in [
            Some(""),
            Some("DARK"),
            Some("{\"x\":1}"),
            Some("xxxl"),
            None,
        ] {
            assert_eq!(Theme::parse(bad), Theme::System);
            assert_eq!(TextSize::parse(bad), TextSize::Standard);
        }
    }

    #[test]
    fn theme_follows_the_device_only_when_not_chosen() {
        assert!(Theme::System.is_dark(true));
        assert!(!Theme::System.is_dark(false));
        assert!(Theme::Dark.is_dark(false));
        assert!(!Theme::Light.is_dark(true));
        assert_ne!(theme_color(true), theme_color(false));
    }

    #[test]
    fn text_size_steps_stop_at_the_ends_and_grow() {
        assert_eq!(TextSize::Small.smaller(), TextSize::Small);
        assert_eq!(TextSize::Largest.larger(), TextSize::Largest);
        assert_eq!(TextSize::Standard.larger(), TextSize::Large);
        assert_eq!(TextSize::Large.smaller(), TextSize::Standard);
        let scales: Vec<f32> = TextSize::ALL.iter().map(|t| t.scale()).collect();
        assert!(scales.windows(2).all(|w| w[0] < w[1]), "{scales:?}");
        assert!(TextSize::ALL.len() >= 4);
    }
}
