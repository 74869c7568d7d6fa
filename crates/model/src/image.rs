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
    /// The photograph's average colour (`#rrggbb`), shown in its box while the file loads:
    /// written by the content tool for opaque raster originals, not by authors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

impl Image {
    /// The placeholder colour, when it is a plain `#rrggbb` (anything else in content is
    /// ignored, so a content file cannot put other CSS into the page).
    pub fn placeholder_color(&self) -> Option<&str> {
        self.color.as_deref().filter(|c| is_hex_color(c))
    }
}

/// `#rrggbb`, hexadecimal digits of either case.
pub fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The `#rrggbb` of a colour.
pub fn hex_color([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
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
    fn only_a_plain_hex_colour_is_a_placeholder() {
        let with = |c: &str| Image {
            color: Some(c.to_string()),
            ..serde_json::from_str::<Image>(r#"{"src":"a.jpg","width":1,"height":1,"alt":""}"#)
                .expect("an image")
        };
        assert_eq!(with("#1a2B3c").placeholder_color(), Some("#1a2B3c"));
        for bad in ["red", "#fff", "#12345g", "#123456;background:url(x)", ""] {
            assert_eq!(with(bad).placeholder_color(), None, "{bad}");
        }
        assert_eq!(hex_color([255, 8, 170]), "#ff08aa");
    }

    #[test]
    fn raster_sources_are_told_from_vector_ones() {
        assert!(is_raster("images/a.JPG"));
        assert!(is_raster("https://cdn.example/p/b.webp?x=1"));
        assert!(!is_raster("images/logo.svg"));
        assert!(!is_raster("images/noextension"));
    }
}
