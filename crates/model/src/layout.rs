//! The page layout as images need to know it: the breakpoints of `style/` and the `sizes`
//! attribute of each kind of image, built from them, so a `srcset` picks the right file.

// Each number is a macro so the `sizes` strings below can be built from it at compile time.
macro_rules! wide_px {
    () => {
        900
    };
}
macro_rules! two_columns_px {
    () => {
        600
    };
}
macro_rules! article_column_px {
    () => {
        720
    };
}

/// From this width the desktop layout applies: the section menu instead of the drawer
/// (`critical.css`, `nav.css`) and the lead story beside its picture (`listing.css`).
pub const WIDE_PX: u32 = wide_px!();
/// From this width the article's side panels sit beside it (`article.css`).
pub const ASIDE_PX: u32 = 1100;
/// From about this width the listing grid (`minmax(16rem, 1fr)` in `listing.css`) has two columns.
pub const TWO_COLUMNS_PX: u32 = two_columns_px!();
/// The article column's widest rendering (`--measure`, 42rem, is 672px; rounded up for
/// wider fonts). It is reached well below [`WIDE_PX`].
pub const ARTICLE_COLUMN_PX: u32 = article_column_px!();

/// `sizes` values, one per kind of image.
pub mod sizes {
    /// An image as wide as the screen (the default).
    pub const FULL_WIDTH: &str = "100vw";
    /// An image in the article column: the hero, body images, the infographic.
    pub const ARTICLE_COLUMN: &str = concat!(
        "(min-width: ",
        wide_px!(),
        "px) ",
        article_column_px!(),
        "px, 100vw"
    );
    /// The lead story's picture: 3/5 of the row beside its text on wide screens (`card--lead`).
    pub const LEAD_CARD: &str = concat!("(min-width: ", wide_px!(), "px) 60vw, 100vw");
    /// A card in the listing grid: four across on wide screens, two on mid-sized ones.
    pub const CARD: &str = concat!(
        "(min-width: ",
        wide_px!(),
        "px) 25vw, (min-width: ",
        two_columns_px!(),
        "px) 50vw, 100vw"
    );
    /// A gallery thumbnail: about three across on wide screens, two otherwise.
    pub const GALLERY_THUMB: &str = concat!("(min-width: ", wide_px!(), "px) 33vw, 50vw");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_built_from_the_breakpoints() {
        let cases = [
            (sizes::FULL_WIDTH, "100vw".to_string()),
            (
                sizes::ARTICLE_COLUMN,
                format!("(min-width: {WIDE_PX}px) {ARTICLE_COLUMN_PX}px, 100vw"),
            ),
            (
                sizes::LEAD_CARD,
                format!("(min-width: {WIDE_PX}px) 60vw, 100vw"),
            ),
            (
                sizes::CARD,
                format!(
                    "(min-width: {WIDE_PX}px) 25vw, (min-width: {TWO_COLUMNS_PX}px) 50vw, 100vw"
                ),
            ),
            (
                sizes::GALLERY_THUMB,
                format!("(min-width: {WIDE_PX}px) 33vw, 50vw"),
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    /// Guards against the stylesheets moving a breakpoint without the `sizes` following.
    #[test]
    fn breakpoints_match_the_stylesheets() {
        let style = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style");
        let read = |f: &str| std::fs::read_to_string(style.join(f)).unwrap_or_default();
        let cases = [
            ("critical.css", format!("(max-width: {}px)", WIDE_PX - 1)),
            ("nav.css", format!("(min-width: {WIDE_PX}px)")),
            ("listing.css", format!("(min-width: {WIDE_PX}px)")),
            ("article.css", format!("(min-width: {ASIDE_PX}px)")),
        ];
        for (file, query) in cases {
            assert!(read(file).contains(&query), "{file} has no {query}");
        }
    }
}
