//! Images as content describes them: always with their intrinsic size, so space is reserved.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SrcsetEntry {
    pub src: String,
    /// Intrinsic width in pixels (the `w` descriptor).
    pub width: u32,
}

/// One modern format's files of a picture (`<source type srcset>`): made by the content tool
/// from a raster original (`newsfront-content`'s image variants), widest last.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSource {
    /// The files' media type: `image/avif` or `image/webp`.
    #[serde(rename = "type")]
    pub mime: String,
    pub srcset: Vec<SrcsetEntry>,
}

/// An image with its intrinsic dimensions; `src` is relative to the content base or absolute.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub width: u32,
    pub height: u32,
    /// Text alternative; empty only for purely decorative images.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<SrcsetEntry>,
    /// The same picture in modern formats (AVIF, WebP), offered before `srcset`'s fallback
    /// (JPEG or PNG) in a `<picture>`: written by the content tool, not by authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ImageSource>,
    /// A long text alternative (infographics, charts): everything the image says, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_description: Option<String>,
}

/// The formats an image CDN is asked for, best first, with their media types: AVIF and WebP
/// as `<source>`s, JPEG as the `<img>` fallback.
pub const CDN_FORMATS: [(&str, &str); 3] = [
    ("avif", "image/avif"),
    ("webp", "image/webp"),
    ("jpeg", "image/jpeg"),
];

/// Fills an image CDN's URL `template` (`Site::image_cdn`) for the original at `url`
/// (absolute) or `path` (under the content base), at `width` in `format`. Each value is
/// inserted as it is: `url` and `path` are already URL-safe (they come from content URLs).
pub fn cdn_url(template: &str, url: &str, path: &str, width: u32, format: &str) -> String {
    template
        .replace("{url}", url)
        .replace("{path}", path.trim_start_matches('/'))
        .replace("{width}", &width.to_string())
        .replace("{format}", format)
}

/// Whether `src` names a raster picture (what an image CDN resizes; SVG is left alone).
pub fn is_raster(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(ext.as_deref(), Some("jpg" | "jpeg" | "png" | "webp"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdn_templates_are_filled() {
        let imgix = "https://outlet.imgix.net/{path}?w={width}&fm={format}";
        assert_eq!(
            cdn_url(
                imgix,
                "https://news.example/content/images/a.jpg",
                "/images/a.jpg",
                640,
                "avif"
            ),
            "https://outlet.imgix.net/images/a.jpg?w=640&fm=avif"
        );
        let cloudinary = "https://res.cloudinary.com/outlet/image/fetch/w_{width},f_{format}/{url}";
        assert_eq!(
            cdn_url(cloudinary, "https://news.example/content/images/a.jpg", "images/a.jpg", 960, "webp"),
            "https://res.cloudinary.com/outlet/image/fetch/w_960,f_webp/https://news.example/content/images/a.jpg"
        );
    }

    #[test]
    fn raster_sources_are_told_from_vector_ones() {
        assert!(is_raster("images/a.JPG"));
        assert!(is_raster("https://cdn.example/p/b.webp?x=1"));
        assert!(!is_raster("images/logo.svg"));
        assert!(!is_raster("images/noextension"));
    }
}
