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
