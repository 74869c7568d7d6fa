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
    /// A side panel's thumbnail (Most Read, Read Next: `.panel__image`, 6rem at every width).
    pub const PANEL_THUMB: &str = "96px";
    /// An author's portrait on the authors page (`.author-card__avatar`, 72px).
    pub const AVATAR: &str = "72px";
    /// The outlet's logo in the masthead and the footer (240px wide at most; a raster logo
    /// would otherwise be fetched as wide as the screen).
    pub const LOGO: &str = "240px";
}

/// The widths responsive image variants are made at (and an image CDN is asked for), fitted to
/// the layout: a 390 px phone at 1×/2×/3× picks 360/960/1280 for a full-width picture, a card
/// (25vw of a 1280 px desktop, 2×) 640, the article column (720 px, 2×) 1600, the photo viewer
/// on a large screen 2048. Never larger than the source: see [`variant_widths`].
pub const IMAGE_WIDTHS: [u32; 6] = [360, 640, 960, 1280, 1600, 2048];

/// The variant widths of a source `width` pixels wide: the ladder's widths below it, and the
/// source's own width when it is narrower than the next step (so the largest variant is the
/// full picture up to 2048 px, and nothing is ever upscaled).
pub fn variant_widths(width: u32) -> Vec<u32> {
    if width == 0 {
        return Vec::new();
    }
    let mut out: Vec<u32> = IMAGE_WIDTHS.into_iter().filter(|&w| w < width).collect();
    if width <= IMAGE_WIDTHS[IMAGE_WIDTHS.len() - 1] {
        out.push(width);
    }
    // A last step only a few pixels below the source's width adds a file and saves nothing.
    if out.len() >= 2 {
        let n = out.len();
        if out[n - 1] - out[n - 2] < 64 {
            out.remove(n - 2);
        }
    }
    out
}

/// The densest screen a `srcset` serves (a 3× phone).
pub const MAX_DENSITY: u32 = 3;

/// Whether a variant `width` pixels wide is worth listing in the `srcset` of a place of
/// `sizes`, among variants of `widths`. A place that is part of the screen's width can use any
/// of them; a place of fixed size (`"96px"`) uses none wider than the first that covers it on a
/// [`MAX_DENSITY`] screen, so a thumbnail's markup does not list the 2048 px file (every byte of
/// a page's first 14 KB counts: that is what the first round trip carries).
pub fn useful_width(sizes: &str, width: u32, widths: &[u32]) -> bool {
    let Some(px) = sizes
        .trim()
        .strip_suffix("px")
        .and_then(|n| n.parse::<u32>().ok())
    else {
        return true;
    };
    let need = px.saturating_mul(MAX_DENSITY);
    let cover = widths.iter().copied().filter(|&w| w >= need).min();
    cover.is_none_or(|c| width <= c)
}

/// The height of a variant `width` wide of a `source_w` × `source_h` picture (rounded, never 0).
pub fn variant_height(source_w: u32, source_h: u32, width: u32) -> u32 {
    if source_w == 0 {
        return 0;
    }
    let h =
        (u64::from(source_h) * u64::from(width) + u64::from(source_w) / 2) / u64::from(source_w);
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_place_lists_only_the_variants_it_can_use() {
        let useful = |sizes: &str, widths: &[u32]| -> Vec<u32> {
            widths
                .iter()
                .copied()
                .filter(|&w| useful_width(sizes, w, widths))
                .collect()
        };
        // A 96 px thumbnail: 288 px on a 3× screen, so the 360 px file is enough.
        assert_eq!(useful(sizes::PANEL_THUMB, &IMAGE_WIDTHS), vec![360]);
        // The 240 px logo: 720 px at 3×.
        assert_eq!(useful(sizes::LOGO, &IMAGE_WIDTHS), vec![360, 640, 960]);
        // Places that follow the screen's width keep every variant.
        for s in [
            sizes::FULL_WIDTH,
            sizes::ARTICLE_COLUMN,
            sizes::CARD,
            sizes::LEAD_CARD,
            sizes::GALLERY_THUMB,
        ] {
            assert_eq!(useful(s, &IMAGE_WIDTHS), IMAGE_WIDTHS.to_vec(), "{s}");
        }
        // A source smaller than the place needs: all of its (few) variants.
        assert_eq!(useful(sizes::AVATAR, &[200, 300]), vec![200, 300]);
        assert_eq!(useful(sizes::AVATAR, &[]), Vec::<u32>::new());
    }

    #[test]
    fn variant_widths_never_upscale() {
        assert_eq!(variant_widths(4000), vec![360, 640, 960, 1280, 1600, 2048]);
        assert_eq!(variant_widths(2048), vec![360, 640, 960, 1280, 1600, 2048]);
        // 960 and 1000 would be two files for 40 pixels: the source's own width stays.
        assert_eq!(variant_widths(1000), vec![360, 640, 1000]);
        assert_eq!(variant_widths(1100), vec![360, 640, 960, 1100]);
        assert_eq!(variant_widths(300), vec![300]);
        assert_eq!(variant_widths(360), vec![360]);
        assert_eq!(variant_widths(0), Vec::<u32>::new());
        for w in [1, 359, 361, 700, 1999, 2049, 9000] {
            let ws = variant_widths(w);
            assert!(ws.iter().all(|&x| x <= w), "{w}: {ws:?}");
            assert!(ws.windows(2).all(|p| p[0] < p[1]), "{w}: {ws:?}");
            assert!(!ws.is_empty());
        }
    }

    #[test]
    fn variant_heights_keep_the_aspect_ratio() {
        assert_eq!(variant_height(3000, 2000, 960), 640);
        assert_eq!(variant_height(4000, 2667, 360), 240);
        assert_eq!(variant_height(100, 1, 10), 1);
        assert_eq!(variant_height(0, 10, 10), 0);
    }

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
